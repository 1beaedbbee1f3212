// SPDX-License-Identifier: MIT
#include "shared/metrics/labels.h"

using namespace Qt::StringLiterals;

namespace Amo::Metrics {

prometheus::Labels toLabels(const QStringList &names, const QStringList &values)
{
    Q_ASSERT(values.size() == names.size());
    prometheus::Labels labels;
    for (qsizetype i = 0; i < names.size(); ++i)
        labels.emplace(names[i].toStdString(), values.value(i).toStdString());
    return labels;
}

std::string escapedHelp(const QString &help)
{
    QString escaped = help;
    return escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\n"_s, u"\\n"_s).toStdString();
}

} // namespace Amo::Metrics
