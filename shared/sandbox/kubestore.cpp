// SPDX-License-Identifier: MIT
#include "kubestore.h"

#include "kubelistsnapshots.h"
#include "kuberesourcetype.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QStringList supportedFields(const KubeResourceType &type)
{
    QStringList fields {u"metadata.name"_s, u"metadata.namespace"_s};
    if (type.resource == u"namespaces" && type.group.isEmpty())
        fields.append(u"status.phase"_s);
    if (type.kind == u"Event") {
        // pkg/registry/core/event/strategy.go ToSelectableFields; events.k8s.io/v1 names them by its own fields.
        const QString ref = type.group.isEmpty() ? u"involvedObject."_s : u"regarding."_s;
        for (const QString &f :
             {u"kind"_s, u"namespace"_s, u"name"_s, u"uid"_s, u"apiVersion"_s, u"resourceVersion"_s, u"fieldPath"_s})
            fields.append(ref + f);
        fields += {u"reason"_s, u"type"_s};
        fields.append(type.group.isEmpty() ? u"reportingComponent"_s : u"reportingController"_s);
        if (type.group.isEmpty())
            fields.append(u"source"_s);
    }
    return fields;
}

} // namespace

QByteArray KubeListResult::toJson(const KubeResourceType &type) const
{
    QByteArray out;
    qsizetype size = 256;
    for (const KubeObjectPtr &item : items)
        size += item->compactJson().size() + 1;
    out.reserve(size);
    out += "{\"kind\":\"" + type.kind.toUtf8() + "List\",\"apiVersion\":\"" + type.apiVersion().toUtf8()
        + "\",\"metadata\":{\"resourceVersion\":\"" + QByteArray::number(resourceVersion) + '"';
    if (!continueToken.isEmpty())
        out += ",\"continue\":\"" + continueToken.toLatin1() + '"';
    if (remainingItemCount >= 0)
        out += ",\"remainingItemCount\":" + QByteArray::number(remainingItemCount);
    out += "},\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ',';
        out += items.at(i)->compactJson();
    }
    out += "]}";
    return out;
}

KubeStore::KubeStore(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_snapshots(std::make_unique<KubeListSnapshots>(m_options.maxSnapshots))
{
}

KubeStore::~KubeStore()
{
    // Watches may outlive the store (they belong to HTTP streams); cut them loose first.
    const auto watches = m_watches;
    for (KubeWatch *w : watches)
        w->drop();
}

KubeObjectPtr KubeStore::object(const KubeResourceType &type, const QString &ns, const QString &name) const
{
    const auto bucket = m_buckets.constFind(type.key());
    if (bucket == m_buckets.constEnd())
        return {};
    return bucket->value(objectKey(type.namespaced ? ns : QString(), name));
}

QList<KubeObjectPtr> KubeStore::objects(const KubeResourceType &type, const QString &ns) const
{
    QList<KubeObjectPtr> out;
    const auto bucket = m_buckets.constFind(type.key());
    if (bucket == m_buckets.constEnd())
        return out;
    if (ns.isEmpty() || !type.namespaced) {
        out.reserve(bucket->size());
        for (const auto &o : *bucket)
            out.append(o);
        return out;
    }
    // Keys are "ns/name": the namespace's objects form one contiguous range.
    const QString prefix = ns + u'/';
    for (auto it = bucket->lowerBound(prefix); it != bucket->cend() && it.key().startsWith(prefix); ++it)
        out.append(it.value());
    return out;
}

qsizetype KubeStore::objectCount() const
{
    qsizetype n = 0;
    for (const auto &bucket : m_buckets)
        n += bucket.size();
    return n;
}

bool KubeStore::namespaceExists(const QString &ns) const
{
    static const KubeResourceType *namespaces = KubeResourceType::find({}, u"v1"_s, u"namespaces"_s);
    return object(*namespaces, {}, ns) != nullptr;
}

KubeResult KubeStore::get(const KubeResourceType &type, const QString &ns, const QString &name) const
{
    if (KubeObjectPtr o = object(type, ns, name))
        return {{}, o};
    return {KubeStatus::notFound(type, name), {}};
}

KubeListResult KubeStore::list(const KubeResourceType &type, const QString &ns, const KubeListOptions &options)
{
    KubeListResult result;
    QString error;
    const auto labels = Kube::LabelSelector::parse(options.labelSelector, &error);
    const auto fields
        = labels ? FieldSelector::parse(options.fieldSelector, supportedFields(type), &error) : std::nullopt;
    if (!labels || !fields) {
        result.error = KubeStatus::badRequest(error);
        return result;
    }
    compactExpired();
    const KubeListSnapshots::Snapshot *snapshot = nullptr;
    KubeListSnapshots::Snapshot fresh;
    QString snapshotId;
    qsizetype offset = 0;
    if (!options.continueToken.isEmpty()) {
        if (!options.resourceVersion.isEmpty() && options.resourceVersion != u"0") {
            result.error = KubeStatus::badRequest(u"specifying resource version is not allowed when using continue"_s);
            return result;
        }
        const auto position = KubeListSnapshots::decode(options.continueToken);
        if (!position) {
            result.error = KubeStatus::badRequest(u"continue key is not valid: incorrect encoded start resourceVersion"
                                                  " (version meta.k8s.io/v1)"_s);
            return result;
        }
        snapshot = m_snapshots->find(position->snapshotId);
        if (!snapshot) {
            // As etcd3's store does once the revision is compacted: 410, plus a token that continues
            // from the same key over the current state (an inconsistent list, as the message says).
            KubeListSnapshots::Snapshot current;
            current.items = objects(type, ns);
            current.resourceVersion = m_resourceVersion;
            current.created = m_clock.nowUtc();
            qsizetype from = 0;
            while (from < current.items.size()) {
                const QJsonObject md = current.items.at(from)->metadata();
                if (objectKey(md.value(u"namespace"_s).toString(), md.value(u"name"_s).toString())
                    >= position->startKey)
                    break;
                ++from;
            }
            const qint64 remaining = current.items.size() - from;
            const QString id = m_snapshots->add(std::move(current));
            result.error = KubeStatus::expired(
                u"The provided continue parameter is too old to display a consistent list result. You can start a "
                "new list without the continue parameter, or use the continue token in this response to retrieve "
                "the remainder of the results. Continuing with the provided token results in an inconsistent list "
                "- objects that were created, modified, or deleted between the time the first chunk was returned "
                "and now may show up in the list."_s);
            QJsonObject listMeta {
                {u"continue"_s, KubeListSnapshots::encode({id, m_resourceVersion, from, {}}, position->startKey)}};
            if (remaining > 0)
                listMeta.insert(u"remainingItemCount"_s, remaining);
            result.error.status.insert(u"metadata"_s, listMeta);
            return result;
        }
        snapshotId = position->snapshotId;
        offset = position->offset;
    } else {
        bool numeric = true;
        const qint64 rv = options.resourceVersion.isEmpty() ? 0 : options.resourceVersion.toLongLong(&numeric);
        if (!numeric) {
            result.error = KubeStatus::badRequest(u"invalid resource version: "_s + options.resourceVersion);
            return result;
        }
        const bool exact = options.resourceVersionMatch == u"Exact";
        if (!options.resourceVersionMatch.isEmpty() && !exact && options.resourceVersionMatch != u"NotOlderThan") {
            result.error = KubeStatus::make(
                422, u"Invalid"_s,
                u"ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value: \""_s
                    % options.resourceVersionMatch % u"\": supported values: \"Exact\", \"NotOlderThan\", \"\""_s);
            return result;
        }
        if (!options.resourceVersionMatch.isEmpty() && rv == 0 && exact) {
            result.error = KubeStatus::make(
                422, u"Invalid"_s,
                u"ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "
                "\"exact\" is forbidden for resourceVersion \"0\""_s);
            return result;
        }
        if (rv > m_resourceVersion) {
            result.error = KubeStatus::tooLargeResourceVersion(rv, m_resourceVersion);
            return result;
        }
        if (exact && rv < m_history.compactedRevision()) {
            result.error = KubeStatus::tooOldResourceVersion(rv, m_history.compactedRevision());
            return result;
        }
        fresh.items = exact ? objectsAt(type, ns, rv) : objects(type, ns);
        fresh.resourceVersion = exact ? rv : m_resourceVersion;
        fresh.created = m_clock.nowUtc();
        snapshot = &fresh;
    }
    const bool filtered = !labels->isEmpty() || !fields->isEmpty();
    const QList<KubeObjectPtr> &items = snapshot->items;
    qsizetype i = offset;
    for (; i < items.size() && (options.limit <= 0 || result.items.size() < options.limit); ++i) {
        const KubeObjectPtr &o = items.at(i);
        if (!filtered || (labels->matches(o->labels()) && fields->matches(o->json())))
            result.items.append(o);
    }
    result.resourceVersion = snapshot->resourceVersion;
    if (i < items.size()) {
        if (!filtered)
            result.remainingItemCount = items.size() - i;
        if (snapshotId.isEmpty())
            snapshotId = m_snapshots->add(std::move(fresh));
        const QJsonObject last = result.items.isEmpty() ? QJsonObject() : result.items.constLast()->metadata();
        const QString startKey = objectKey(last.value(u"namespace"_s).toString(), last.value(u"name"_s).toString());
        result.continueToken
            = KubeListSnapshots::encode({snapshotId, result.resourceVersion, i, {}}, startKey + QChar(u'\0'));
    }
    return result;
}

QList<KubeObjectPtr> KubeStore::objectsAt(const KubeResourceType &type, const QString &ns, qint64 resourceVersion) const
{
    // Undo, newest first, every change after the version: the store as it was then.
    QMap<QString, KubeObjectPtr> state;
    for (const KubeObjectPtr &o : objects(type, ns))
        state.insert(
            objectKey(o->metadata().value(u"namespace"_s).toString(), o->metadata().value(u"name"_s).toString()), o);
    std::vector<const KubeEvent *> later;
    for (auto it = m_history.after(resourceVersion); it != m_history.end(); ++it) {
        if (it->resourceType == &type && (ns.isEmpty() || !type.namespaced || it->ns == ns))
            later.push_back(&*it);
    }
    for (auto it = later.rbegin(); it != later.rend(); ++it) {
        const KubeEvent &e = **it;
        const QString key
            = objectKey(type.namespaced ? e.ns : QString(), e.object->metadata().value(u"name"_s).toString());
        if (e.type == "ADDED")
            state.remove(key);
        else if (e.previous)
            state.insert(key, e.previous);
    }
    return state.values();
}

KubeWatch *KubeStore::watch(const KubeResourceType &type, const QString &ns, const KubeWatchOptions &options,
                            QObject *parent, KubeError *error)
{
    QString message;
    const auto labels = Kube::LabelSelector::parse(options.labelSelector, &message);
    const auto fields
        = labels ? FieldSelector::parse(options.fieldSelector, supportedFields(type), &message) : std::nullopt;
    if (!labels || !fields) {
        *error = KubeStatus::badRequest(message);
        return nullptr;
    }
    bool numeric = true;
    const qint64 rv = options.resourceVersion.isEmpty() ? 0 : options.resourceVersion.toLongLong(&numeric);
    if (!numeric) {
        *error = KubeStatus::badRequest(u"invalid resource version: "_s + options.resourceVersion);
        return nullptr;
    }
    compactExpired();
    if (rv > m_resourceVersion) {
        // The watch cache never reached it (a restarted or different cluster): refuse rather than
        // start after it and miss every change up to it.
        *error = KubeStatus::tooLargeResourceVersion(rv, m_resourceVersion);
        return nullptr;
    }
    KubeError tooOld;
    if (rv > 0 && rv < m_history.compactedRevision()) {
        tooOld = KubeStatus::tooOldResourceVersion(rv, m_history.compactedRevision());
        if (m_options.tooOldWatchAsHttpError) {
            *error = tooOld;
            return nullptr;
        }
    }
    auto *w = new KubeWatch(this, type, type.namespaced ? ns : QString(), *labels, *fields, options, parent);
    w->m_startError = tooOld;
    return w;
}

void KubeStore::compactExpired()
{
    const QDateTime cutoff = m_clock.nowUtc().addMSecs(-m_options.compactionWindowMs);
    m_history.compactBefore(cutoff);
    m_snapshots->setMaximum(m_options.maxSnapshots);
    m_snapshots->expireBefore(cutoff);
}

void KubeStore::compactNow()
{
    m_history.compactThrough(m_resourceVersion);
    m_snapshots->clear();
    // A stream whose position is no longer in history cannot resume: tell it, as etcd would.
    const auto watches = m_watches;
    for (KubeWatch *w : watches) {
        if (w->position() < m_history.compactedRevision())
            w->expire(KubeStatus::tooOldResourceVersion(w->position(), m_history.compactedRevision()));
    }
}

void KubeStore::expireAllWatches()
{
    const auto watches = m_watches;
    for (KubeWatch *w : watches)
        w->expire(KubeStatus::tooOldResourceVersion(w->position(), m_history.compactedRevision()));
}

void KubeStore::dropAllWatches()
{
    const auto watches = m_watches;
    for (KubeWatch *w : watches)
        w->drop();
}

void KubeStore::registerWatch(KubeWatch *watch)
{
    if (!m_watches.contains(watch))
        m_watches.append(watch);
}

void KubeStore::unregisterWatch(KubeWatch *watch)
{
    m_watches.removeOne(watch);
}

} // namespace Amo::Sandbox
