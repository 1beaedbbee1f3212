// SPDX-License-Identifier: MIT
#include "shared/workload/credentialname.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amo::Workload {

namespace {
constexpr int kHashLength = 10;

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}
} // namespace

QString CredentialName::problem(const QString &name)
{
    static const QRegularExpression valid(u"^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$"_s);
    if (valid.match(name).hasMatch())
        return QString();
    return tr("\"%1\" is not a valid federated identity credential name: Azure wants 3 to 120 letters, digits, "
              "'-' or '_', beginning with a letter or digit")
        .arg(name);
}

QString CredentialName::build(const QString &cluster, const QString &namespaceName, const QString &serviceAccount)
{
    QStringList parts {namespaceName, serviceAccount};
    if (!cluster.isEmpty())
        parts.prepend(cluster);
    const QString joined = parts.join(u'-');

    QString readable;
    bool changed = false;
    for (const QChar c : joined) {
        const bool allowed = isAsciiAlnum(c) || c == u'-' || c == u'_';
        readable += allowed ? c : u'-';
        changed = changed || !allowed;
    }
    while (!readable.isEmpty() && !isAsciiAlnum(readable.front())) {
        readable.remove(0, 1);
        changed = true;
    }
    if (!changed && readable.size() >= 3 && readable.size() <= MaxLength)
        return readable;

    // The hash is over the unaltered parts, so "a.b" and "a-b" keep different names.
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(parts.join(u'/').toUtf8(), QCryptographicHash::Sha256).toHex().left(kHashLength));
    readable.truncate(MaxLength - kHashLength - 1);
    while (readable.endsWith(u'-') || readable.endsWith(u'_'))
        readable.chop(1);
    return readable.isEmpty() ? hash : readable + u'-' + hash;
}

} // namespace Amo::Workload
