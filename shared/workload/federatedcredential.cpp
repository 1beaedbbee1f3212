// SPDX-License-Identifier: MIT
#include "shared/workload/federatedcredential.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Workload {

QString FederatedCredential::subjectFor(const QString &namespaceName, const QString &serviceAccount)
{
    return u"system:serviceaccount:%1:%2"_s.arg(namespaceName, serviceAccount);
}

bool FederatedCredential::fromArmJson(const QJsonObject &item, FederatedCredential *out, QString *error)
{
    FederatedCredential credential;
    credential.name = item.value(u"name"_s).toString();
    const QJsonObject properties = item.value(u"properties"_s).toObject();
    credential.issuer = properties.value(u"issuer"_s).toString();
    credential.subject = properties.value(u"subject"_s).toString();
    for (const QJsonValue &audience : properties.value(u"audiences"_s).toArray())
        credential.audiences << audience.toString();
    if (credential.name.isEmpty()) {
        *error = u"federated identity credential without \"name\""_s;
        return false;
    }
    if (credential.issuer.isEmpty() || credential.subject.isEmpty()) {
        *error = u"federated identity credential \"%1\" lacks properties.issuer or properties.subject"_s.arg(
            credential.name);
        return false;
    }
    *out = credential;
    return true;
}

QJsonObject FederatedCredential::toArmBody() const
{
    return {{u"properties"_s,
             QJsonObject {{u"issuer"_s, issuer},
                          {u"subject"_s, subject},
                          {u"audiences"_s, QJsonArray::fromStringList(audiences)}}}};
}

bool FederatedCredential::sameSpecAs(const FederatedCredential &other) const
{
    QStringList mine = audiences;
    QStringList theirs = other.audiences;
    std::sort(mine.begin(), mine.end());
    std::sort(theirs.begin(), theirs.end());
    return issuer == other.issuer && subject == other.subject && mine == theirs;
}

} // namespace Amo::Workload
