// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Amo::Workload {

/** A ServiceAccount as the cluster has it: what the workload planner needs to decide. */
struct ObservedServiceAccount
{
    QString namespaceName;
    QString name;
    QString resourceVersion;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;

    static ObservedServiceAccount fromJson(const QJsonObject &object);
    bool operator==(const ObservedServiceAccount &) const = default;
};

} // namespace Amo::Workload
