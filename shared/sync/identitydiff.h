// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/desiredidentity.h"
#include "shared/model/observedidentity.h"
#include "shared/sync/expiryrule.h"
#include "shared/sync/fieldchange.h"
#include "shared/sync/planneroptions.h"

#include <QJsonObject>
#include <QList>

namespace Amo::Sync {

/**
 * Where an existing AzureIdentity differs from the desired one in the fields we own, and the merge patch
 * that fixes exactly those. Owned: the lookup labels, the Behavior annotation, the expiry annotation
 * (under the renewal rule, only when expiry is on) and spec.type/resourceID/clientID. Everything else on
 * the object is left out of the patch and so kept by the API server.
 */
class IdentityDiff
{
public:
    static QString behaviorAnnotation();
    static QString behaviorNamespaced();

    static IdentityDiff between(const Model::DesiredIdentity &desired, const Model::ObservedIdentity &observed,
                                const PlannerOptions &options, const ExpiryRule &expiry, const QDateTime &nowUtc);

    bool isEmpty() const { return m_changes.isEmpty(); }
    const QList<FieldChange> &changes() const { return m_changes; }
    /** The merge patch with metadata.resourceVersion, so the write fails if the object moved on; empty when nothing
     * differs. */
    QJsonObject patch() const;

private:
    void compare(QJsonObject &section, const QString &path, const QString &key, const QJsonValue &from,
                 const QJsonValue &to);

    QString m_resourceVersion;
    QList<FieldChange> m_changes;
    QJsonObject m_labels;
    QJsonObject m_annotations;
    QJsonObject m_spec;
};

} // namespace Amo::Sync
