// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace Amo::Model {

/** A Namespace as the cluster reports it: only what the planner needs to know before writing into it. */
struct ObservedNamespace
{
    enum class Phase {
        Active,
        Terminating, // being deleted: creates into it fail, so it counts as not ready
    };

    QString name;
    Phase phase = Phase::Active;
    QString resourceVersion; // tells a cache whether a re-list changed it
    QMap<QString, QString> labels; // what --kubernetes.namespace.selector matches
    std::optional<QString> allowedSources; // the allowedSourcesAnnotation() value, when the namespace has one

    bool isActive() const { return phase == Phase::Active; }

    /** The annotation by which a namespace names the subscriptions and resource groups whose MSIs it accepts. */
    static QString allowedSourcesAnnotation();

    /** Reads a core/v1 Namespace; a deletionTimestamp or status.phase "Terminating" makes it Terminating. */
    static ObservedNamespace fromJson(const QJsonObject &object);

    bool operator==(const ObservedNamespace &) const = default;
};

} // namespace Amo::Model
