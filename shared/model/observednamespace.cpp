// SPDX-License-Identifier: MIT
#include "shared/model/observednamespace.h"

#include "shared/model/stringpool.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

QString ObservedNamespace::allowedSourcesAnnotation()
{
    return u"msi.azure.k8s.io/allowed-sources"_s;
}

ObservedNamespace ObservedNamespace::fromJson(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    ObservedNamespace ns;
    ns.name = metadata.value(u"name"_s).toString();
    ns.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
    // The API server sets the phase a moment after the deletionTimestamp; either one means "going away".
    const bool deleting = !metadata.value(u"deletionTimestamp"_s).toString().isEmpty();
    const QString phase = object.value(u"status"_s).toObject().value(u"phase"_s).toString();
    ns.phase = deleting || phase == u"Terminating"_s ? Phase::Terminating : Phase::Active;
    ns.labels = StringPool::stringMap(metadata.value(u"labels"_s).toObject());
    const QJsonValue allowed = metadata.value(u"annotations"_s).toObject().value(allowedSourcesAnnotation());
    if (allowed.isString())
        ns.allowedSources = allowed.toString();
    return ns;
}

} // namespace Amo::Model
