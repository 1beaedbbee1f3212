// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Amo::Gui {

/** The controller of a Pod or ReplicaSet, as its ownerReferences name it. */
struct PodOwner
{
    QString kind; // "Deployment", "StatefulSet", "ReplicaSet", "Job", …; "Pod" for a bare Pod
    QString name;
};

/** A Pod as the migration view needs it: where it is, its labels, its ServiceAccount and its top owner. */
struct PodInfo
{
    QString namespaceName;
    QString name;
    QMap<QString, QString> labels;
    QString serviceAccount; // spec.serviceAccountName ("default" when unset, as the API server fills it)
    PodOwner owner;

    /** The controller of @p object (ownerReferences with controller: true, else the first); empty kind if none. */
    static PodOwner controllerOf(const QJsonObject &object);
    /**
     * Reads a core/v1 Pod. A Pod owned by a ReplicaSet is reported under that ReplicaSet's own owner
     * (the Deployment) when @p replicaSetOwners (keyed "namespace/name") knows it.
     */
    static PodInfo fromJson(const QJsonObject &object, const QHash<QString, PodOwner> &replicaSetOwners);
    /** The owners of listed ReplicaSets, keyed "namespace/name". */
    static QHash<QString, PodOwner> replicaSetOwners(const QJsonArray &replicaSets);
};

/** The pods the dashboard read for the migration view; `read` false: workload identity mode is off. */
struct MigrationInput
{
    QList<PodInfo> pods;
    bool read = false;
    QString error; // listing the pods or ReplicaSets failed
};

} // namespace Amo::Gui
