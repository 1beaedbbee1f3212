// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Amo::Workload {

/** A federated identity credential of a user-assigned identity (ARM api-version 2023-01-31). */
struct FederatedCredential
{
    QString name;
    QString issuer;
    QString subject; // system:serviceaccount:<namespace>:<serviceaccount>
    QStringList audiences;

    static QString tokenExchangeAudience() { return QStringLiteral("api://AzureADTokenExchange"); }
    static QString subjectFor(const QString &namespaceName, const QString &serviceAccount);

    /** Reads one item of a list or GET answer; false with *error naming the field when it cannot be one. */
    static bool fromArmJson(const QJsonObject &item, FederatedCredential *out, QString *error);
    /** The PUT body: {"properties":{"issuer","subject","audiences"}}. */
    QJsonObject toArmBody() const;
    /** Same issuer, subject and audiences (in any order): a PUT would change nothing. */
    bool sameSpecAs(const FederatedCredential &other) const;

    bool operator==(const FederatedCredential &) const = default;
};

} // namespace Amo::Workload
