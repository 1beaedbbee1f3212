// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>

namespace Amo::Sandbox {

/**
 * The workload part of a scenario's "kubernetes" section: "deployments", "statefulSets" and "pods",
 * expanded into the objects their controllers would have made (Deployment -> ReplicaSet -> Pods,
 * StatefulSet -> Pods), in the order they must be stored. Owner references carry no uid yet:
 * the loader fills it from the stored owner.
 */
class KubeWorkloadScenario
{
public:
    static QList<QJsonObject> expand(const QJsonObject &section, QString *error);
    /** Pod-template-hash style name suffix from @p seed, in the alphabet Kubernetes uses. */
    static QString suffix(const QString &seed, int length);
};

} // namespace Amo::Sandbox
