// SPDX-License-Identifier: MIT
// KubeStore's write paths: create, update, patch, delete and the commit that feeds history and watches.
#include "kubestore.h"

#include "jsonpatch.h"
#include "kuberesourcetype.h"
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

} // namespace

KubeError KubeStore::checkTarget(const KubeResourceType &type, const QString &ns) const
{
    if (type.namespaced && !namespaceExists(ns))
        return KubeStatus::namespaceNotFound(ns);
    return {};
}

KubeError KubeStore::validate(const KubeResourceType &type, const QJsonObject &object) const
{
    const QJsonObject metadata = object.value(kMetadata).toObject();
    const QJsonArray causes = KubeValidation::validateMetadata(metadata, isNamespaceType(type));
    if (causes.isEmpty())
        return {};
    return KubeStatus::invalid(type.kind, type.group, metadata.value(u"name"_s).toString(), causes);
}

KubeResult KubeStore::create(const KubeResourceType &type, const QString &ns, QJsonObject object)
{
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
    if (metadata.value(u"name"_s).toString().isEmpty() && !metadata.value(u"generateName"_s).toString().isEmpty())
        metadata.insert(u"name"_s, QString(metadata.value(u"generateName"_s).toString() + randomSuffix()));
    const QString name = metadata.value(u"name"_s).toString();
    object.insert(kMetadata, metadata);
    if (const KubeError e = validate(type, object); e.isError())
        return {e, {}};
    if (this->object(type, effectiveNs, name))
        return {KubeStatus::alreadyExists(type, name), {}};

    object.insert(u"kind"_s, type.kind);
    object.insert(u"apiVersion"_s, type.apiVersion());
    if (type.namespaced)
        metadata.insert(u"namespace"_s, effectiveNs);
    else
        metadata.remove(u"namespace"_s);
    metadata.insert(u"uid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(u"generation"_s, 1);
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
    return {{}, commit(type, effectiveNs, object, {}, "ADDED")};
}

KubeResult KubeStore::update(const KubeResourceType &type, const QString &ns, const QString &name, QJsonObject object)
{
    return write(type, ns, name, std::move(object), false);
}

KubeResult KubeStore::write(const KubeResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                            bool ignoreResourceVersion)
{
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
    if (!existing)
        return {KubeStatus::notFound(type, name), {}};
    const QString rv = metadata.value(u"resourceVersion"_s).toString();
    if (!ignoreResourceVersion && !rv.isEmpty() && rv != QString::number(existing->resourceVersion()))
        return {KubeStatus::conflict(type, name), {}};
    if (const KubeError e = validate(type, object); e.isError())
        return {e, {}};

    const QJsonObject old = existing->json();
    const QJsonObject oldMetadata = old.value(kMetadata).toObject();
    for (const QString &key : {u"uid"_s, u"creationTimestamp"_s, u"generation"_s, u"resourceVersion"_s})
        metadata.insert(key, oldMetadata.value(key));
    if (type.namespaced)
        metadata.insert(u"namespace"_s, effectiveNs);
    if (isNamespaceType(type))
        object.insert(u"status"_s, old.value(u"status"_s)); // status has its own subresource
    object.insert(u"kind"_s, type.kind);
    object.insert(u"apiVersion"_s, type.apiVersion());
    if (content(object) != content(old))
        metadata.insert(u"generation"_s, oldMetadata.value(u"generation"_s).toInteger() + 1);
    object.insert(kMetadata, metadata);
    // An update that changes nothing is not written, as etcd3's GuaranteedUpdate skips it.
    if (object == old)
        return {{}, existing};
    return {{}, commit(type, effectiveNs, object, existing, "MODIFIED")};
}

KubeResult KubeStore::patch(const KubeResourceType &type, const QString &ns, const QString &name,
                            KubePatchType patchType, const QByteArray &body)
{
    if (patchType == KubePatchType::Apply || (patchType == KubePatchType::Strategic && type.customResource))
        return {KubeStatus::unsupportedMediaType(), {}};
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
    return write(type, ns, name, patched.toObject(), false);
}

KubeResult KubeStore::remove(const KubeResourceType &type, const QString &ns, const QString &name,
                             const QJsonObject &deleteOptions)
{
    const QString effectiveNs = type.namespaced ? ns : QString();
    const KubeObjectPtr existing = this->object(type, effectiveNs, name);
    if (!existing)
        return {KubeStatus::notFound(type, name), {}};
    const QJsonObject preconditions = deleteOptions.value(u"preconditions"_s).toObject();
    const QJsonObject metadata = existing->metadata();
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
    if (isNamespaceType(type)) {
        for (const KubeResourceType &t : KubeResourceType::all()) {
            if (!t.namespaced)
                continue;
            for (const KubeObjectPtr &o : objects(t, name))
                commit(t, name, o->json(), o, "DELETED");
        }
    }
    return {{}, commit(type, effectiveNs, existing->json(), existing, "DELETED")};
}

KubeObjectPtr KubeStore::commit(const KubeResourceType &type, const QString &ns, QJsonObject object,
                                const KubeObjectPtr &previous, const QByteArray &eventType)
{
    const QDateTime now = m_clock.nowUtc();
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
    return stored;
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
