// SPDX-License-Identifier: MIT
// KubeStore's write paths: create, update, patch, delete and the commit that feeds history and watches.
#include "kubestore.h"

#include "jsonpatch.h"
#include "kuberesourcetype.h"
#include "kubeschema.h"
#include "kubevalidation.h"

#include "shared/util/mergepatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QString kMetadata = u"metadata"_s;

bool isNamespaceType(const KubeResourceType &type)
{
    return type.group.isEmpty() && type.resource == u"namespaces";
}

// What generation tracks: everything but metadata and status.
QJsonObject content(QJsonObject o)
{
    o.remove(kMetadata);
    o.remove(u"status"_s);
    o.remove(u"kind"_s);
    o.remove(u"apiVersion"_s);
    return o;
}

QString randomSuffix()
{
    // apiserver's generateName alphabet: no vowels, no confusable digits.
    static const QString alphabet = u"bcdfghjklmnpqrstvwxz2456789"_s;
    QString s;
    for (int i = 0; i < 5; ++i)
        s.append(alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size()))));
    return s;
}

// Holds the store in dry-run mode for one request, nested calls included.
class DryRunScope
{
public:
    DryRunScope(bool &flag, bool dryRun)
        : m_flag(flag)
        , m_saved(flag)
    {
        m_flag = m_flag || dryRun;
    }
    ~DryRunScope() { m_flag = m_saved; }
    DryRunScope(const DryRunScope &) = delete;
    DryRunScope &operator=(const DryRunScope &) = delete;

private:
    bool &m_flag;
    bool m_saved;
};

} // namespace

KubeError KubeStore::checkTarget(const KubeResourceType &type, const QString &ns) const
{
    if (type.namespaced && !namespaceExists(ns))
        return KubeStatus::namespaceNotFound(ns);
    return {};
}

KubeError KubeStore::decode(const KubeResourceType &type, QJsonObject &object, const KubeWriteOptions &options,
                            QStringList *warnings) const
{
    const QJsonObject schema = KubeSchema::forType(type);
    if (schema.isEmpty())
        return {};
    const KubeSchema::Outcome out = KubeSchema::apply(object, schema, type.customResource);
    const QString handled
        = type.kind % u" in version \""_s % type.version % u"\" cannot be handled as a "_s % type.kind % u": "_s;
    if (!out.decodeError.isEmpty())
        return KubeStatus::badRequest(handled + out.decodeError);
    QStringList unknown;
    for (const QString &field : out.unknownFields)
        unknown.append(u"unknown field \""_s % field % u"\""_s);
    if (!unknown.isEmpty() && options.fieldValidation == u"Strict")
        return KubeStatus::badRequest(handled % u"strict decoding error: "_s % unknown.join(u", "_s));
    if (options.fieldValidation == u"Warn")
        *warnings += unknown;
    if (!out.causes.isEmpty()) {
        return KubeStatus::invalid(type.kind, type.group,
                                   object.value(kMetadata).toObject().value(u"name"_s).toString(), out.causes);
    }
    return {};
}

KubeError KubeStore::validate(const KubeResourceType &type, const QJsonObject &object) const
{
    const QJsonObject metadata = object.value(kMetadata).toObject();
    QJsonArray causes = KubeValidation::validateMetadata(metadata, isNamespaceType(type));
    QJsonArray kindCauses;
    if (type.group.isEmpty() && type.kind == u"ConfigMap")
        kindCauses = KubeValidation::validateConfigMap(object);
    else if (type.kind == u"Lease")
        kindCauses = KubeValidation::validateLease(object);
    else if (type.kind == u"Event")
        kindCauses = KubeValidation::validateEvent(object, !type.group.isEmpty());
    for (const QJsonValue &c : std::as_const(kindCauses))
        causes.append(c);
    if (causes.isEmpty())
        return {};
    return KubeStatus::invalid(type.kind, type.group, metadata.value(u"name"_s).toString(), causes);
}

KubeResult KubeStore::create(const KubeResourceType &type, const QString &ns, QJsonObject object,
                             const KubeWriteOptions &options)
{
    const DryRunScope dryRun(m_dryRun, options.dryRun);
    const QString effectiveNs = type.namespaced ? ns : QString();
    if (const KubeError e = checkTarget(type, effectiveNs); e.isError())
        return {e, {}};
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString bodyNs = metadata.value(u"namespace"_s).toString();
    if (type.namespaced && !bodyNs.isEmpty() && bodyNs != effectiveNs) {
        return {KubeStatus::badRequest(
                    u"the namespace of the provided object does not match the namespace sent on the request"_s),
                {}};
    }
    if (object.contains(u"kind"_s) && object.value(u"kind"_s).toString() != type.kind) {
        return {KubeStatus::badRequest(u"the kind in the data ("_s % object.value(u"kind"_s).toString()
                                       % u") does not match the expected kind ("_s % type.kind % u")"_s),
                {}};
    }
    KubeResult result;
    if (const KubeError e = decode(type, object, options, &result.warnings); e.isError())
        return {e, {}, result.warnings};
    metadata = object.value(kMetadata).toObject();
    if (type.namespaced)
        metadata.insert(u"namespace"_s, effectiveNs); // validation compares it with the Event's object
    if (metadata.value(u"name"_s).toString().isEmpty() && !metadata.value(u"generateName"_s).toString().isEmpty())
        metadata.insert(u"name"_s, QString(metadata.value(u"generateName"_s).toString() + randomSuffix()));
    const QString name = metadata.value(u"name"_s).toString();
    object.insert(kMetadata, metadata);
    if (const KubeError e = validate(type, object); e.isError())
        return {e, {}, result.warnings};
    // Admission (NamespaceLifecycle) runs after decoding and before storage.
    if (type.namespaced && isTerminating(effectiveNs))
        return {KubeStatus::namespaceTerminating(effectiveNs), {}, result.warnings};
    if (this->object(type, effectiveNs, name))
        return {KubeStatus::alreadyExists(type, name), {}, result.warnings};

    object.insert(u"kind"_s, type.kind);
    object.insert(u"apiVersion"_s, type.apiVersion());
    if (!type.namespaced)
        metadata.remove(u"namespace"_s);
    // Fields only the server sets; managedFields too, as no field manager is simulated.
    for (const QString &key : {u"deletionTimestamp"_s, u"deletionGracePeriodSeconds"_s, u"generation"_s,
                               u"resourceVersion"_s, u"selfLink"_s, u"managedFields"_s})
        metadata.remove(key);
    metadata.insert(u"uid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (type.customResource)
        metadata.insert(u"generation"_s, 1); // built-in kinds without a generation strategy leave it unset
    metadata.insert(u"creationTimestamp"_s, m_clock.nowUtc().toString(Qt::ISODate));
    if (isNamespaceType(type)) {
        // What the apiserver adds to every namespace.
        QJsonObject labels = metadata.value(u"labels"_s).toObject();
        labels.insert(u"kubernetes.io/metadata.name"_s, name);
        metadata.insert(u"labels"_s, labels);
        object.insert(u"spec"_s, QJsonObject {{u"finalizers"_s, QJsonArray {u"kubernetes"_s}}});
        object.insert(u"status"_s, QJsonObject {{u"phase"_s, u"Active"_s}});
    }
    object.insert(kMetadata, metadata);
    result.object = commit(type, effectiveNs, object, {}, "ADDED");
    if (isNamespaceType(type) && m_options.defaultServiceAccounts && !m_dryRun) {
        // kube-controller-manager's serviceaccounts controller: every namespace has "default"
        const KubeResourceType *accounts = KubeResourceType::find({}, u"v1"_s, u"serviceaccounts"_s);
        if (!this->object(*accounts, name, u"default"_s))
            create(*accounts, name, QJsonObject {{kMetadata, QJsonObject {{u"name"_s, u"default"_s}}}});
    }
    return result;
}

KubeResult KubeStore::update(const KubeResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                             const KubeWriteOptions &options)
{
    return write(type, ns, name, std::move(object), false, options);
}

KubeResult KubeStore::write(const KubeResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                            bool ignoreResourceVersion, const KubeWriteOptions &options)
{
    const DryRunScope dryRun(m_dryRun, options.dryRun);
    const QString effectiveNs = type.namespaced ? ns : QString();
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString bodyName = metadata.value(u"name"_s).toString();
    if (bodyName != name) {
        return {KubeStatus::badRequest(u"the name of the object ("_s % bodyName
                                       % u") does not match the name on the URL ("_s % name % u")"_s),
                {}};
    }
    const QString bodyNs = metadata.value(u"namespace"_s).toString();
    if (type.namespaced && !bodyNs.isEmpty() && bodyNs != effectiveNs) {
        return {KubeStatus::badRequest(
                    u"the namespace of the provided object does not match the namespace sent on the request"_s),
                {}};
    }
    const KubeObjectPtr existing = this->object(type, effectiveNs, name);
    if (!existing) {
        // Strategies with AllowCreateOnUpdate (Lease, Event) turn a PUT to a missing object into a create.
        if (!ignoreResourceVersion && type.allowCreateOnUpdate) {
            if (const QString rv = metadata.value(u"resourceVersion"_s).toString(); !rv.isEmpty())
                return {KubeStatus::notFound(type, name), {}}; // a precondition on something that is not there
            return create(type, ns, object, options);
        }
        return {KubeStatus::notFound(type, name), {}};
    }
    const QString rv = metadata.value(u"resourceVersion"_s).toString();
    if (!ignoreResourceVersion && rv.isEmpty() && !type.allowUnconditionalUpdate) {
        return {
            KubeStatus::invalid(type.kind, type.group, name,
                                QJsonArray {KubeValidation::cause(u"FieldValueInvalid"_s, u"metadata.resourceVersion"_s,
                                                                  u"Invalid value: 0x0: must be specified for "
                                                                  "an update"_s)}),
            {}};
    }
    if (!ignoreResourceVersion && !rv.isEmpty() && rv != QString::number(existing->resourceVersion()))
        return {KubeStatus::conflict(type, name), {}};
    const QJsonObject old = existing->json();
    const QJsonObject oldMetadata = old.value(kMetadata).toObject();
    const QString uid = metadata.value(u"uid"_s).toString();
    if (!uid.isEmpty() && uid != oldMetadata.value(u"uid"_s).toString()) {
        return {KubeStatus::make(409, u"Conflict"_s,
                                 u"Operation cannot be fulfilled on "_s % type.qualifiedResource() % u" \""_s % name
                                     % u"\": Precondition failed: UID in precondition: "_s % uid
                                     % u", UID in object meta: "_s % oldMetadata.value(u"uid"_s).toString(),
                                 QJsonObject {{u"name"_s, name}, {u"group"_s, type.group}, {u"kind"_s, type.resource}}),
                {}};
    }
    KubeResult result;
    if (const KubeError e = decode(type, object, options, &result.warnings); e.isError())
        return {e, {}, result.warnings};
    metadata = object.value(kMetadata).toObject();
    if (type.namespaced)
        metadata.insert(u"namespace"_s, effectiveNs);
    object.insert(kMetadata, metadata);
    if (const KubeError e = validate(type, object); e.isError())
        return {e, {}, result.warnings};

    metadata.remove(u"managedFields"_s); // no field manager is simulated
    for (const QString &key : {u"uid"_s, u"creationTimestamp"_s, u"generation"_s, u"resourceVersion"_s,
                               u"deletionTimestamp"_s, u"deletionGracePeriodSeconds"_s}) {
        if (oldMetadata.contains(key))
            metadata.insert(key, oldMetadata.value(key));
        else
            metadata.remove(key);
    }
    if (isNamespaceType(type)) {
        object.insert(u"status"_s, old.value(u"status"_s)); // status has its own subresource
        object.insert(u"spec"_s, old.value(u"spec"_s)); // and spec.finalizers its own
    }
    object.insert(u"kind"_s, type.kind);
    object.insert(u"apiVersion"_s, type.apiVersion());
    // Custom resources without a status subresource count every change but metadata.
    if (type.customResource && content(object) != content(old))
        metadata.insert(u"generation"_s, oldMetadata.value(u"generation"_s).toInteger() + 1);
    object.insert(kMetadata, metadata);
    // An update that changes nothing is not written, as etcd3's GuaranteedUpdate skips it.
    if (object == old) {
        result.object = existing;
        return result;
    }
    result.object = commit(type, effectiveNs, object, existing, "MODIFIED");
    // The last finalizer gone from an object being deleted: now it really goes.
    if (metadata.contains(u"deletionTimestamp"_s) && metadata.value(u"finalizers"_s).toArray().isEmpty())
        finishDeletion(type, effectiveNs, result.object);
    return result;
}

KubeResult KubeStore::patch(const KubeResourceType &type, const QString &ns, const QString &name,
                            KubePatchType patchType, const QByteArray &body, const KubeWriteOptions &options)
{
    if (patchType == KubePatchType::Apply || (patchType == KubePatchType::Strategic && type.customResource))
        return {KubeStatus::unsupportedMediaType(!type.customResource), {}};
    const KubeObjectPtr existing = this->object(type, ns, name);
    if (!existing)
        return {KubeStatus::notFound(type, name), {}};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {KubeStatus::badRequest(u"error decoding patch: "_s + parseError.errorString()), {}};
    QJsonValue patched;
    if (patchType == KubePatchType::Json) {
        if (!document.isArray())
            return {KubeStatus::badRequest(u"json: cannot unmarshal object into Go value of type jsonpatch.Patch"_s),
                    {}};
        const JsonPatch::Result r = JsonPatch::apply(existing->json(), document.array());
        if (r.failure == JsonPatch::Failure::Malformed)
            return {KubeStatus::badRequest(r.error), {}};
        if (r.failure == JsonPatch::Failure::NotApplicable) {
            const QJsonObject cause {
                {u"reason"_s, u"FieldValueInvalid"_s}, {u"message"_s, r.error}, {u"field"_s, u"patch"_s}};
            return {KubeStatus::make(422, u"Invalid"_s,
                                     u"the server rejected our request due to an error in our request"_s,
                                     QJsonObject {{u"causes"_s, QJsonArray {cause}}}),
                    {}};
        }
        patched = r.value;
    } else {
        // Strategic merge on built-in kinds is approximated by a merge patch (lists are replaced).
        if (!document.isObject())
            return {KubeStatus::badRequest(u"error decoding patch: the patch is not a JSON object"_s), {}};
        patched = MergePatch::apply(existing->json(), document.object());
    }
    if (!patched.isObject())
        return {KubeStatus::badRequest(u"the patched document is not an object"_s), {}};
    // A patch is applied to the current version: only a resourceVersion the patch itself sets is a precondition.
    QJsonObject object = patched.toObject();
    const bool rvFromPatch = object.value(kMetadata).toObject().value(u"resourceVersion"_s)
        != existing->metadata().value(u"resourceVersion"_s);
    return write(type, ns, name, object, !rvFromPatch, options);
}

bool KubeStore::isTerminating(const QString &ns) const
{
    static const KubeResourceType *namespaces = KubeResourceType::find({}, u"v1"_s, u"namespaces"_s);
    const KubeObjectPtr o = object(*namespaces, {}, ns);
    return o && o->json().value(u"status"_s).toObject().value(u"phase"_s).toString() == u"Terminating";
}

KubeResult KubeStore::remove(const KubeResourceType &type, const QString &ns, const QString &name,
                             const QJsonObject &deleteOptions, const KubeWriteOptions &options)
{
    const DryRunScope dryRun(m_dryRun, options.dryRun);
    const QString effectiveNs = type.namespaced ? ns : QString();
    const KubeObjectPtr existing = this->object(type, effectiveNs, name);
    if (!existing)
        return {KubeStatus::notFound(type, name), {}};
    const QJsonObject preconditions = deleteOptions.value(u"preconditions"_s).toObject();
    QJsonObject metadata = existing->metadata();
    for (const QString &field : {u"resourceVersion"_s, u"uid"_s}) {
        const QString wanted = preconditions.value(field).toString();
        const QString actual = metadata.value(field).toString();
        if (!wanted.isEmpty() && wanted != actual) {
            const QString label = field == u"uid" ? u"UID"_s : u"ResourceVersion"_s;
            return {KubeStatus::make(
                        409, u"Conflict"_s,
                        u"Operation cannot be fulfilled on "_s % type.qualifiedResource() % u" \""_s % name
                            % u"\": the "_s % label % u" in the precondition ("_s % wanted % u") does not match the "_s
                            % label % u" in record ("_s % actual % u"). The object might have been modified"_s,
                        QJsonObject {{u"name"_s, name}, {u"group"_s, type.group}, {u"kind"_s, type.resource}}),
                    {}};
        }
    }
    const bool hasFinalizers = !metadata.value(u"finalizers"_s).toArray().isEmpty();
    if (!isNamespaceType(type) && !hasFinalizers)
        return {{}, commit(type, effectiveNs, existing->json(), existing, "DELETED")};
    // Graceful: mark it, and keep it until its finalizers (or, for a namespace, its contents) are gone.
    if (metadata.contains(u"deletionTimestamp"_s))
        return {{}, existing};
    QJsonObject object = existing->json();
    metadata.insert(u"deletionTimestamp"_s, m_clock.nowUtc().toString(Qt::ISODate));
    metadata.insert(u"deletionGracePeriodSeconds"_s, 0);
    object.insert(kMetadata, metadata);
    if (isNamespaceType(type)) {
        QJsonObject status = object.value(u"status"_s).toObject();
        status.insert(u"phase"_s, u"Terminating"_s);
        object.insert(u"status"_s, status);
    }
    KubeObjectPtr marked = commit(type, effectiveNs, object, existing, "MODIFIED");
    if (isNamespaceType(type)) {
        // The namespace controller's work, done at once: delete the contents, then the namespace if empty.
        for (const KubeResourceType &t : KubeResourceType::all()) {
            if (!t.namespaced)
                continue;
            for (const KubeObjectPtr &o : objects(t, name))
                remove(t, name, o->metadata().value(u"name"_s).toString(), {}, options);
        }
        if (!m_dryRun)
            finishDeletion(type, {}, marked);
        marked = this->object(type, {}, name) ? this->object(type, {}, name) : marked;
    }
    return {{}, marked};
}

void KubeStore::finishDeletion(const KubeResourceType &type, const QString &ns, const KubeObjectPtr &object)
{
    if (isNamespaceType(type)) {
        const QString name = object->metadata().value(u"name"_s).toString();
        for (const KubeResourceType &t : KubeResourceType::all()) {
            if (t.namespaced && !objects(t, name).isEmpty())
                return; // still has contents waiting on their finalizers
        }
    } else if (!object->metadata().value(u"finalizers"_s).toArray().isEmpty()) {
        return;
    }
    commit(type, ns, object->json(), object, "DELETED");
    if (type.namespaced && isTerminating(ns)) {
        static const KubeResourceType *namespaces = KubeResourceType::find({}, u"v1"_s, u"namespaces"_s);
        if (const KubeObjectPtr n = this->object(*namespaces, {}, ns))
            finishDeletion(*namespaces, {}, n);
    }
}

KubeObjectPtr KubeStore::commit(const KubeResourceType &type, const QString &ns, QJsonObject object,
                                const KubeObjectPtr &previous, const QByteArray &eventType)
{
    const QDateTime now = m_clock.nowUtc();
    if (m_dryRun) {
        // What would be stored, with the version it would replace: nothing is written or announced.
        return std::make_shared<const KubeObject>(std::move(object), previous ? previous->resourceVersion() : 0);
    }
    m_history.compactBefore(now.addMSecs(-m_options.compactionWindowMs));
    const qint64 rv = ++m_resourceVersion;
    QJsonObject metadata = object.value(kMetadata).toObject();
    metadata.insert(u"resourceVersion"_s, QString::number(rv));
    const QString key = objectKey(ns, metadata.value(u"name"_s).toString());
    object.insert(kMetadata, metadata);
    auto stored = std::make_shared<const KubeObject>(std::move(object), rv);
    Bucket &bucket = m_buckets[type.key()];
    if (eventType == "DELETED")
        bucket.remove(key);
    else
        bucket.insert(key, stored);
    const KubeEvent event {eventType, rv, &type, ns, stored, previous, now};
    m_history.append(event);
    const auto watches = m_watches;
    for (KubeWatch *w : watches)
        w->deliver(event);
    // core/v1 and events.k8s.io/v1 Events are one stored object served in two shapes: keep the
    // other shape at the same resourceVersion, so either API sees every Event.
    if (const KubeResourceType *twin = eventTwin(type)) {
        const bool toEventsApi = !twin->group.isEmpty();
        auto twinStored = std::make_shared<const KubeObject>(convertEvent(stored->json(), toEventsApi), rv);
        Bucket &twinBucket = m_buckets[twin->key()];
        const KubeObjectPtr twinPrevious = twinBucket.value(key);
        if (eventType == "DELETED")
            twinBucket.remove(key);
        else
            twinBucket.insert(key, twinStored);
        const KubeEvent twinEvent {eventType, rv, twin, ns, twinStored, twinPrevious, now};
        m_history.append(twinEvent);
        for (KubeWatch *w : watches)
            w->deliver(twinEvent);
    }
    return stored;
}

const KubeResourceType *KubeStore::eventTwin(const KubeResourceType &type)
{
    if (type.kind != u"Event")
        return nullptr;
    return KubeResourceType::find(type.group.isEmpty() ? u"events.k8s.io"_s : QString(), u"v1"_s, u"events"_s);
}

QJsonObject KubeStore::convertEvent(QJsonObject event, bool toEventsApi)
{
    // pkg/apis/events/v1/conversion.go: the field pairs that differ between the two shapes.
    static const QList<std::pair<QString, QString>> renames {
        {u"involvedObject"_s, u"regarding"_s},
        {u"message"_s, u"note"_s},
        {u"reportingComponent"_s, u"reportingController"_s},
        {u"source"_s, u"deprecatedSource"_s},
        {u"firstTimestamp"_s, u"deprecatedFirstTimestamp"_s},
        {u"lastTimestamp"_s, u"deprecatedLastTimestamp"_s},
        {u"count"_s, u"deprecatedCount"_s},
    };
    QJsonObject out = event;
    for (const auto &[core, events] : renames) {
        const QString &from = toEventsApi ? core : events;
        const QString &to = toEventsApi ? events : core;
        out.remove(from);
        if (event.contains(from))
            out.insert(to, event.value(from));
    }
    out.insert(u"apiVersion"_s, toEventsApi ? u"events.k8s.io/v1"_s : u"v1"_s);
    return out;
}

KubeResult KubeStore::put(const QJsonObject &object)
{
    const KubeResourceType *type
        = KubeResourceType::findByKind(object.value(u"apiVersion"_s).toString(), object.value(u"kind"_s).toString());
    if (!type)
        return {KubeStatus::badRequest(u"unknown apiVersion/kind in "_s
                                       + QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))),
                {}};
    const QJsonObject metadata = object.value(kMetadata).toObject();
    const QString ns = type->namespaced ? metadata.value(u"namespace"_s).toString(u"default"_s) : QString();
    if (type->namespaced && !namespaceExists(ns)) {
        const KubeResourceType *namespaces = KubeResourceType::find({}, u"v1"_s, u"namespaces"_s);
        if (const KubeResult r = create(*namespaces, {}, QJsonObject {{kMetadata, QJsonObject {{u"name"_s, ns}}}});
            !r.ok())
            return r;
    }
    const QString name = metadata.value(u"name"_s).toString();
    if (this->object(*type, ns, name))
        return write(*type, ns, name, object, true);
    return create(*type, ns, object);
}

} // namespace Amo::Sandbox
