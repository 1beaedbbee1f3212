// SPDX-License-Identifier: MIT
#pragma once

#include "kubeeventhistory.h"
#include "kubeobject.h"
#include "kubestatus.h"
#include "kubewatch.h"

#include "shared/util/clock.h"

#include <QHash>
#include <QMap>
#include <QObject>

namespace Amo::Sandbox {

class KubeListSnapshots;
class KubeResourceType;

/** Tunables of the simulated API server. */
struct KubeStoreOptions
{
    qint64 compactionWindowMs = 5 * 60 * 1000; // history and continue tokens older than this expire
    int bookmarkIntervalMs = 1000;
    bool tooOldWatchAsHttpError = false; // answer HTTP 410 instead of 200 + ERROR event
    int maxSnapshots = 256; // list snapshots kept for continue tokens
    bool defaultServiceAccounts = false; // a new namespace gets its "default" ServiceAccount, as the controller adds
};

struct KubeListOptions
{
    QString labelSelector;
    QString fieldSelector;
    qint64 limit = 0;
    QString continueToken;
    QString resourceVersion;
    QString resourceVersionMatch;
};

struct KubeListResult
{
    KubeError error;
    qint64 resourceVersion = 0;
    QString continueToken;
    qint64 remainingItemCount = -1; // -1: absent
    QList<KubeObjectPtr> items;

    /** The List object as JSON bytes, reusing each item's cached serialisation. */
    QByteArray toJson(const KubeResourceType &type) const;
};

struct KubeResult
{
    KubeResult() = default;
    KubeResult(KubeError e, KubeObjectPtr o, QStringList w = {})
        : error(std::move(e))
        , object(std::move(o))
        , warnings(std::move(w))
    {
    }

    KubeError error;
    KubeObjectPtr object;
    QStringList warnings; // for Warning response headers (unknown fields under fieldValidation=Warn)
    bool ok() const { return !error.isError(); }
};

/** The write options every mutating request carries (query parameters dryRun and fieldValidation). */
struct KubeWriteOptions
{
    bool dryRun = false; // run every check, persist nothing
    QString fieldValidation = QStringLiteral("Warn"); // Ignore, Warn or Strict: what unknown fields cause
};

enum class KubePatchType { Merge, Json, Strategic, Apply };

/**
 * The simulated cluster's object store, faithful to kube-apiserver semantics: one resourceVersion
 * counter, optimistic concurrency, Status errors, paged lists over snapshots and resumable watches.
 * No HTTP here; KubeApiHandler maps requests onto it.
 */
class KubeStore : public QObject
{
    Q_OBJECT
public:
    explicit KubeStore(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~KubeStore() override;

    const KubeStoreOptions &options() const { return m_options; }
    void setOptions(const KubeStoreOptions &options) { m_options = options; }
    qint64 resourceVersion() const { return m_resourceVersion; }

    KubeResult get(const KubeResourceType &type, const QString &ns, const QString &name) const;
    KubeListResult list(const KubeResourceType &type, const QString &ns, const KubeListOptions &options);
    KubeResult create(const KubeResourceType &type, const QString &ns, QJsonObject object,
                      const KubeWriteOptions &options = {});
    KubeResult update(const KubeResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                      const KubeWriteOptions &options = {});
    KubeResult patch(const KubeResourceType &type, const QString &ns, const QString &name, KubePatchType patchType,
                     const QByteArray &body, const KubeWriteOptions &options = {});
    /**
     * Deletes one object. One with finalizers only gets deletionTimestamp and stays until they are
     * gone; a namespace turns Terminating, loses its contents, and goes once it is empty.
     */
    KubeResult remove(const KubeResourceType &type, const QString &ns, const QString &name,
                      const QJsonObject &deleteOptions = {}, const KubeWriteOptions &options = {});
    /** Opens a watch; returns nullptr and sets @p error when the request is refused outright. */
    KubeWatch *watch(const KubeResourceType &type, const QString &ns, const KubeWatchOptions &options, QObject *parent,
                     KubeError *error);

    // Direct access for tests and scenarios.
    /** Creates or replaces an object by its apiVersion/kind, without preconditions. */
    KubeResult put(const QJsonObject &object);
    KubeObjectPtr object(const KubeResourceType &type, const QString &ns, const QString &name) const;
    /** Current objects of a resource, in key order; @p ns empty means all namespaces. */
    QList<KubeObjectPtr> objects(const KubeResourceType &type, const QString &ns = {}) const;
    qsizetype objectCount() const;
    /** Forgets all history and continue tokens, as an etcd compaction at the current revision. */
    void compactNow();
    /** Ends every open watch with an ERROR 410 event. */
    void expireAllWatches();
    /** Cuts every open watch without a final event. */
    void dropAllWatches();
    int watchCount() const { return int(m_watches.size()); }
    const KubeEventHistory &history() const { return m_history; }
    /** Loads the "kubernetes" scenario section's objects; returns an error text, empty on success. */
    QString loadScenario(const QJsonObject &section);

private:
    /** Scenario objects name their owners; the uids come from the stored owners. */
    QJsonObject withOwnerUids(QJsonObject object) const;
    friend class KubeWatch;
    using Bucket = QMap<QString, KubeObjectPtr>;

    static QString objectKey(const QString &ns, const QString &name) { return ns.isEmpty() ? name : ns + u'/' + name; }
    bool namespaceExists(const QString &ns) const;
    bool isTerminating(const QString &ns) const;
    /** The objects of a resource as they were at @p resourceVersion (must not be compacted). */
    QList<KubeObjectPtr> objectsAt(const KubeResourceType &type, const QString &ns, qint64 resourceVersion) const;
    KubeError checkTarget(const KubeResourceType &type, const QString &ns) const;
    KubeObjectPtr commit(const KubeResourceType &type, const QString &ns, QJsonObject object,
                         const KubeObjectPtr &previous, const QByteArray &eventType);
    KubeResult write(const KubeResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                     bool ignoreResourceVersion, const KubeWriteOptions &options = {});
    /** Decodes like the server: prunes unknown fields (warnings, or an error under Strict), checks types. */
    KubeError decode(const KubeResourceType &type, QJsonObject &object, const KubeWriteOptions &options,
                     QStringList *warnings) const;
    KubeError validate(const KubeResourceType &type, const QJsonObject &object) const;
    /** Removes what a finished graceful deletion leaves behind: the object, or an emptied namespace. */
    void finishDeletion(const KubeResourceType &type, const QString &ns, const KubeObjectPtr &object);
    void compactExpired();
    /** The other API's Event type for an Event type, else nullptr. */
    static const KubeResourceType *eventTwin(const KubeResourceType &type);
    /** An Event in the other API's shape. */
    static QJsonObject convertEvent(QJsonObject event, bool toEventsApi);
    void registerWatch(KubeWatch *watch);
    void unregisterWatch(KubeWatch *watch);

    const Clock &m_clock;
    KubeStoreOptions m_options;
    bool m_dryRun = false; // while set, commit() persists nothing and tells no watch
    qint64 m_resourceVersion = 0;
    QHash<QString, Bucket> m_buckets; // by KubeResourceType::key()
    KubeEventHistory m_history;
    std::unique_ptr<KubeListSnapshots> m_snapshots;
    QList<KubeWatch *> m_watches;
};

} // namespace Amo::Sandbox
