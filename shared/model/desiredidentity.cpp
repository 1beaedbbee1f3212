// SPDX-License-Identifier: MIT
#include "shared/model/desiredidentity.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

namespace {
QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}
} // namespace

QJsonObject DesiredIdentity::toJson() const
{
    QJsonObject metadata {{u"name"_s, name}, {u"namespace"_s, namespaceName}};
    if (!labels.isEmpty())
        metadata.insert(u"labels"_s, toObject(labels));
    if (!annotations.isEmpty())
        metadata.insert(u"annotations"_s, toObject(annotations));
    return QJsonObject {
        {u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
        {u"kind"_s, u"AzureIdentity"_s},
        {u"metadata"_s, metadata},
        // type 0 = user-assigned MSI; the CRD schema declares it an integer.
        {u"spec"_s, QJsonObject {{u"type"_s, 0}, {u"resourceID"_s, resourceId}, {u"clientID"_s, clientId}}},
    };
}

} // namespace Amo::Model
