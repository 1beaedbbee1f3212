// SPDX-License-Identifier: MIT
#include "kubeprotobuf.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

// How one field of a message maps to JSON.
enum class Kind { String, Int, Bool, Bytes, Time, Message, StringMap, BytesMap };

struct Field
{
    QString json;
    Kind kind = Kind::String;
    bool repeated = false;
    QString message; // for Kind::Message
};

using Message = QHash<int, Field>;

const QHash<QString, Message> &messages()
{
    static const QHash<QString, Message> table = [] {
        const auto s = [](const char *json, bool repeated = false) {
            return Field {QString::fromLatin1(json), Kind::String, repeated, {}};
        };
        const auto m = [](const char *json, const char *message, bool repeated = false) {
            return Field {QString::fromLatin1(json), Kind::Message, repeated, QString::fromLatin1(message)};
        };
        const auto k = [](const char *json, Kind kind) {
            return Field {QString::fromLatin1(json), kind, false, {}};
        };
        QHash<QString, Message> t;
        t[u"Unknown"_s] = {{1, m("typeMeta", "TypeMeta")},
                           {2, k("raw", Kind::Bytes)},
                           {3, s("contentEncoding")},
                           {4, s("contentType")}};
        t[u"TypeMeta"_s] = {{1, s("apiVersion")}, {2, s("kind")}};
        t[u"ObjectMeta"_s] = {{1, s("name")},
                              {2, s("generateName")},
                              {3, s("namespace")},
                              {4, s("selfLink")},
                              {5, s("uid")},
                              {6, s("resourceVersion")},
                              {7, k("generation", Kind::Int)},
                              {8, k("creationTimestamp", Kind::Time)},
                              {9, k("deletionTimestamp", Kind::Time)},
                              {10, k("deletionGracePeriodSeconds", Kind::Int)},
                              {11, k("labels", Kind::StringMap)},
                              {12, k("annotations", Kind::StringMap)},
                              {13, m("ownerReferences", "OwnerReference", true)},
                              {14, s("finalizers", true)}};
        t[u"OwnerReference"_s] = {{1, s("kind")},
                                  {3, s("name")},
                                  {4, s("uid")},
                                  {5, s("apiVersion")},
                                  {6, k("controller", Kind::Bool)},
                                  {7, k("blockOwnerDeletion", Kind::Bool)}};
        t[u"ObjectReference"_s] = {{1, s("kind")},       {2, s("namespace")},       {3, s("name")},     {4, s("uid")},
                                   {5, s("apiVersion")}, {6, s("resourceVersion")}, {7, s("fieldPath")}};
        t[u"LocalObjectReference"_s] = {{1, s("name")}};
        t[u"Namespace"_s]
            = {{1, m("metadata", "ObjectMeta")}, {2, m("spec", "NamespaceSpec")}, {3, m("status", "NamespaceStatus")}};
        t[u"NamespaceSpec"_s] = {{1, s("finalizers", true)}};
        t[u"NamespaceStatus"_s] = {{1, s("phase")}};
        t[u"ConfigMap"_s] = {{1, m("metadata", "ObjectMeta")},
                             {2, k("data", Kind::StringMap)},
                             {3, k("binaryData", Kind::BytesMap)},
                             {4, k("immutable", Kind::Bool)}};
        t[u"ServiceAccount"_s] = {{1, m("metadata", "ObjectMeta")},
                                  {2, m("secrets", "ObjectReference", true)},
                                  {3, m("imagePullSecrets", "LocalObjectReference", true)},
                                  {4, k("automountServiceAccountToken", Kind::Bool)}};
        t[u"SelfSubjectAccessReview"_s]
            = {{1, m("metadata", "ObjectMeta")}, {2, m("spec", "SelfSubjectAccessReviewSpec")}};
        t[u"SelfSubjectAccessReviewSpec"_s] = {{1, m("resourceAttributes", "ResourceAttributes")},
                                               {2, m("nonResourceAttributes", "NonResourceAttributes")}};
        t[u"ResourceAttributes"_s] = {{1, s("namespace")}, {2, s("verb")},        {3, s("group")}, {4, s("version")},
                                      {5, s("resource")},  {6, s("subresource")}, {7, s("name")}};
        t[u"NonResourceAttributes"_s] = {{1, s("path")}, {2, s("verb")}};
        t[u"SelfSubjectRulesReview"_s]
            = {{1, m("metadata", "ObjectMeta")}, {2, m("spec", "SelfSubjectRulesReviewSpec")}};
        t[u"SelfSubjectRulesReviewSpec"_s] = {{1, s("namespace")}};
        t[u"SelfSubjectReview"_s] = {{1, m("metadata", "ObjectMeta")}};
        return t;
    }();
    return table;
}

const QHash<QString, QString> &kinds()
{
    static const QHash<QString, QString> table {
        {u"v1/Namespace"_s, u"Namespace"_s},
        {u"v1/ConfigMap"_s, u"ConfigMap"_s},
        {u"v1/ServiceAccount"_s, u"ServiceAccount"_s},
        {u"authorization.k8s.io/v1/SelfSubjectAccessReview"_s, u"SelfSubjectAccessReview"_s},
        {u"authorization.k8s.io/v1/SelfSubjectRulesReview"_s, u"SelfSubjectRulesReview"_s},
        {u"authentication.k8s.io/v1/SelfSubjectReview"_s, u"SelfSubjectReview"_s},
    };
    return table;
}

class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_bytes(bytes)
    {
    }

    bool atEnd() const { return m_pos >= m_bytes.size(); }
    bool failed() const { return m_failed; }

    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                break;
            const auto b = quint8(m_bytes.at(m_pos++));
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        m_failed = true;
        return 0;
    }
    QByteArray bytes()
    {
        const quint64 n = varint();
        if (m_failed || n > quint64(m_bytes.size() - m_pos)) {
            m_failed = true;
            return {};
        }
        const QByteArray out = m_bytes.mid(m_pos, qsizetype(n));
        m_pos += qsizetype(n);
        return out;
    }
    void skip(int wireType)
    {
        switch (wireType) {
        case 0:
            varint();
            break;
        case 1:
            m_pos += 8;
            break;
        case 2:
            bytes();
            break;
        case 5:
            m_pos += 4;
            break;
        default:
            m_failed = true;
        }
        if (m_pos > m_bytes.size())
            m_failed = true;
    }

private:
    const QByteArray m_bytes;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

std::optional<QJsonObject> decodeMessage(const QByteArray &bytes, const QString &name);

std::optional<std::pair<QString, QByteArray>> mapEntry(const QByteArray &bytes)
{
    Reader r(bytes);
    QString key;
    QByteArray value;
    while (!r.atEnd() && !r.failed()) {
        const quint64 tag = r.varint();
        if ((tag & 7) != 2) {
            r.skip(int(tag & 7));
            continue;
        }
        const QByteArray b = r.bytes();
        if ((tag >> 3) == 1)
            key = QString::fromUtf8(b);
        else if ((tag >> 3) == 2)
            value = b;
    }
    if (r.failed())
        return std::nullopt;
    return std::make_pair(key, value);
}

std::optional<QJsonValue> decodeTime(const QByteArray &bytes)
{
    Reader r(bytes);
    qint64 seconds = 0;
    while (!r.atEnd() && !r.failed()) {
        const quint64 tag = r.varint();
        if (tag == (1 << 3))
            seconds = qint64(r.varint());
        else
            r.skip(int(tag & 7));
    }
    if (r.failed())
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

std::optional<QJsonObject> decodeMessage(const QByteArray &bytes, const QString &name)
{
    const Message &message = messages().value(name);
    QJsonObject out;
    Reader r(bytes);
    while (!r.atEnd() && !r.failed()) {
        const quint64 tag = r.varint();
        const int wireType = int(tag & 7);
        const auto it = message.constFind(int(tag >> 3));
        if (it == message.constEnd()) {
            r.skip(wireType); // a field we do not map (managedFields, status, ...)
            continue;
        }
        const Field &f = *it;
        QJsonValue value;
        if (f.kind == Kind::Int || f.kind == Kind::Bool) {
            if (wireType != 0)
                return std::nullopt;
            const quint64 v = r.varint();
            value = f.kind == Kind::Bool ? QJsonValue(v != 0) : QJsonValue(qint64(v));
        } else {
            if (wireType != 2)
                return std::nullopt;
            const QByteArray b = r.bytes();
            if (r.failed())
                return std::nullopt;
            if (f.kind == Kind::String) {
                value = QString::fromUtf8(b);
            } else if (f.kind == Kind::Bytes) {
                value = QString::fromLatin1(b.toBase64());
            } else if (f.kind == Kind::Time) {
                const auto t = decodeTime(b);
                if (!t)
                    return std::nullopt;
                value = *t;
            } else if (f.kind == Kind::Message) {
                const auto o = decodeMessage(b, f.message);
                if (!o)
                    return std::nullopt;
                value = *o;
            } else {
                const auto entry = mapEntry(b);
                if (!entry)
                    return std::nullopt;
                QJsonObject map = out.value(f.json).toObject();
                map.insert(entry->first,
                           f.kind == Kind::BytesMap ? QString::fromLatin1(entry->second.toBase64())
                                                    : QString::fromUtf8(entry->second));
                out.insert(f.json, map);
                continue;
            }
        }
        if (f.repeated) {
            QJsonArray list = out.value(f.json).toArray();
            list.append(value);
            out.insert(f.json, list);
        } else {
            out.insert(f.json, value);
        }
    }
    if (r.failed())
        return std::nullopt;
    return out;
}

} // namespace

bool KubeProtobuf::supports(const QString &apiVersion, const QString &kind)
{
    return kinds().contains(apiVersion % u"/"_s % kind);
}

std::optional<QJsonObject> KubeProtobuf::decode(const QByteArray &body, QString *error)
{
    static const QByteArray magic("k8s\0", 4);
    if (!body.startsWith(magic)) {
        *error = u"provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]"_s;
        return std::nullopt;
    }
    const auto unknown = decodeMessage(body.mid(4), u"Unknown"_s);
    if (!unknown) {
        *error = u"the protobuf envelope (runtime.Unknown) cannot be decoded"_s;
        return std::nullopt;
    }
    const QJsonObject typeMeta = unknown->value(u"typeMeta"_s).toObject();
    const QString apiVersion = typeMeta.value(u"apiVersion"_s).toString();
    const QString kind = typeMeta.value(u"kind"_s).toString();
    const QString message = kinds().value(apiVersion % u"/"_s % kind);
    if (message.isEmpty()) {
        *error = u"no kind \"%1\" is registered for version \"%2\" in the simulator's protobuf decoder"_s.arg(
            kind, apiVersion);
        return std::nullopt;
    }
    auto object = decodeMessage(QByteArray::fromBase64(unknown->value(u"raw"_s).toString().toLatin1()), message);
    if (!object) {
        *error = u"unable to decode the protobuf body of a "_s + kind;
        return std::nullopt;
    }
    object->insert(u"apiVersion"_s, apiVersion);
    object->insert(u"kind"_s, kind);
    return object;
}

} // namespace Amo::Sandbox
