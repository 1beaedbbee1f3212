// SPDX-License-Identifier: MIT
#include "kubequery.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

KubeQuery::KubeQuery(const QUrlQuery &query)
{
    // The raw form keeps '+' apart from "%2B", which the decoded items would merge.
    const QByteArray raw = query.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &pair : raw.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString key = unescape(eq < 0 ? pair : pair.left(eq));
        m_values[key].append(eq < 0 ? QString() : unescape(pair.mid(eq + 1)));
    }
}

QString KubeQuery::value(const QString &key) const
{
    const auto it = m_values.constFind(key);
    return it == m_values.constEnd() || it->isEmpty() ? QString() : it->constFirst();
}

bool KubeQuery::flag(const QString &key) const
{
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd() || it->isEmpty())
        return false;
    const QString v = it->constFirst();
    return v != u"0" && v.compare(u"false"_s, Qt::CaseInsensitive) != 0;
}

QString KubeQuery::unescape(const QByteArray &encoded)
{
    QByteArray plus = encoded;
    plus.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(plus));
}

} // namespace Amo::Sandbox
