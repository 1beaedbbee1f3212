// SPDX-License-Identifier: MIT
#include "shared/sync/identitydiff.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
QJsonValue valueOf(const QMap<QString, QString> &map, const QString &key)
{
    const auto it = map.constFind(key);
    return it == map.cend() ? QJsonValue(QJsonValue::Null) : QJsonValue(it.value());
}
} // namespace

QString IdentityDiff::behaviorAnnotation()
{
    return u"aadpodidentity.k8s.io/Behavior"_s;
}

QString IdentityDiff::behaviorNamespaced()
{
    return u"namespaced"_s;
}

IdentityDiff IdentityDiff::between(const Model::DesiredIdentity &desired, const Model::ObservedIdentity &observed,
                                   const PlannerOptions &options, const ExpiryRule &expiry, const QDateTime &nowUtc)
{
    IdentityDiff diff;
    diff.m_resourceVersion = observed.resourceVersion;

    // Only the lookup labels are ours; the mapper puts nothing else into desired.labels.
    for (auto it = desired.labels.begin(); it != desired.labels.end(); ++it)
        diff.compare(diff.m_labels, u"metadata.labels"_s, it.key(), valueOf(observed.labels, it.key()), it.value());

    // The original always wrote its annotation set, so turning namespaced mode off removed Behavior.
    const QJsonValue behavior = options.namespaced ? QJsonValue(behaviorNamespaced()) : QJsonValue(QJsonValue::Null);
    diff.compare(diff.m_annotations, u"metadata.annotations"_s, behaviorAnnotation(),
                 valueOf(observed.annotations, behaviorAnnotation()), behavior);

    if (options.expiry) {
        const QString key = options.expiryAnnotation;
        // A present but empty value must read as unparseable, not as missing.
        const auto it = observed.annotations.constFind(key);
        const QString existing = it == observed.annotations.cend() ? QString() : (it->isNull() ? u""_s : *it);
        if (ExpiryRule::needsRenewal(expiry.judge(existing, nowUtc))) {
            QString renewed = desired.annotations.value(key);
            if (renewed.isEmpty())
                renewed = expiry.valueFor(nowUtc);
            diff.compare(diff.m_annotations, u"metadata.annotations"_s, key, valueOf(observed.annotations, key),
                         renewed);
        }
    }

    diff.compare(diff.m_spec, u"spec"_s, u"type"_s,
                 observed.type ? QJsonValue(*observed.type) : QJsonValue(QJsonValue::Null), 0);
    diff.compare(diff.m_spec, u"spec"_s, u"resourceID"_s,
                 observed.resourceId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(observed.resourceId),
                 desired.resourceId);
    diff.compare(diff.m_spec, u"spec"_s, u"clientID"_s,
                 observed.clientId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(observed.clientId),
                 desired.clientId);
    return diff;
}

void IdentityDiff::compare(QJsonObject &section, const QString &path, const QString &key, const QJsonValue &from,
                           const QJsonValue &to)
{
    if (from == to)
        return;
    section.insert(key, to);
    const QString field = path == u"spec"_s ? QString(path + u'.' + key) : QString(path + u'[' + key + u']');
    m_changes << FieldChange {field, from, to};
}

QJsonObject IdentityDiff::patch() const
{
    if (m_changes.isEmpty())
        return QJsonObject();
    QJsonObject metadata {{u"resourceVersion"_s, m_resourceVersion}};
    if (!m_labels.isEmpty())
        metadata.insert(u"labels"_s, m_labels);
    if (!m_annotations.isEmpty())
        metadata.insert(u"annotations"_s, m_annotations);
    QJsonObject patch {{u"metadata"_s, metadata}};
    if (!m_spec.isEmpty())
        patch.insert(u"spec"_s, m_spec);
    return patch;
}

} // namespace Amo::Sync
