// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Amo::Sandbox {

/** One REST resource the simulated API server knows: where it lives and what it is called. */
class KubeResourceType
{
public:
    QString group; // "" for the core group
    QString version;
    QString resource; // plural, e.g. "azureidentities"
    QString singular;
    QString kind;
    bool namespaced = true;
    bool customResource = false; // served from a CRD: no strategic merge patch
    bool allowCreateOnUpdate = false; // the registry strategy's AllowCreateOnUpdate: PUT may create
    bool allowUnconditionalUpdate = true; // false: a PUT must carry metadata.resourceVersion
    QStringList shortNames;
    QStringList verbs;

    /** "v1" or "group/version". */
    QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    /** "azureidentities.aadpodidentity.k8s.io", or "namespaces" for the core group. */
    QString qualifiedResource() const { return group.isEmpty() ? resource : resource + u'.' + group; }
    /** Store key that separates the core and events.k8s.io Event buckets. */
    QString key() const { return group + u'/' + resource; }
    bool hasVerb(const QString &verb) const { return verbs.contains(verb); }

    /** Every resource this server serves, in discovery order. */
    static const QList<KubeResourceType> &all();
    static const KubeResourceType *find(const QString &group, const QString &version, const QString &resource);
    static const KubeResourceType *findByKind(const QString &apiVersion, const QString &kind);
    /** The API groups in /apis order, without the core group. */
    static QStringList groups();
};

} // namespace Amo::Sandbox
