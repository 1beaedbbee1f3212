// SPDX-License-Identifier: MIT
#include "shared/workload/workloadpair.h"
#include "shared/workload/workloadannotations.h"

using namespace Qt::StringLiterals;

namespace Amo::Workload {

QJsonObject WorkloadPair::serviceAccountJson() const
{
    QJsonObject labelObject;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        labelObject.insert(it.key(), it.value());
    QJsonObject annotations {{WorkloadAnnotations::clientId(), clientId}};
    if (!tenantId.isEmpty())
        annotations.insert(WorkloadAnnotations::tenantId(), tenantId);
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"ServiceAccount"_s},
            {u"metadata"_s,
             QJsonObject {{u"name"_s, serviceAccount},
                          {u"namespace"_s, namespaceName},
                          {u"labels"_s, labelObject},
                          {u"annotations"_s, annotations}}}};
}

} // namespace Amo::Workload
