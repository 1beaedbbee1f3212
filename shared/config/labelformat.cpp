// SPDX-License-Identifier: MIT
#include "shared/config/labelformat.h"

#include "shared/gotext/sprintf.h"
#include "shared/kube/namevalidation.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

LabelFormat::LabelFormat(const QString &format)
    : m_format(format)
{
    if (!isEnabled())
        return;
    const auto key = [&](const QString &field) {
        return GoText::sprintf(format, {GoText::Value::fromString(field)});
    };
    m_subscription = key(u"subscription"_s);
    m_resourceGroup = key(u"resourcegroup"_s);
    m_name = key(u"name"_s);
    if (m_subscription == m_name) {
        m_error = u"label format \"%1\" must contain one %s so that the three lookup labels differ "
                  "(it yields \"%2\" for every field)"_s.arg(format, m_name);
        return;
    }
    for (const QString &k : {m_subscription, m_resourceGroup, m_name}) {
        const QStringList problems = Kube::NameValidation::qualifiedName(k);
        if (!problems.isEmpty()) {
            m_error = u"label format \"%1\" yields the invalid label key \"%2\": %3"_s.arg(format, k,
                                                                                           problems.join(u"; "_s));
            return;
        }
    }
}

} // namespace Amo::Config
