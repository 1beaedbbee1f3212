// SPDX-License-Identifier: MIT
#include "shared/workload/workloadstep.h"

using namespace Qt::StringLiterals;

namespace Amo::Workload {

QString WorkloadStep::resourceKind() const
{
    // Every credential step, reports included, names its credential; ServiceAccount steps have none.
    return credential.name.isEmpty() ? u"ServiceAccount"_s : u"FederatedIdentityCredential"_s;
}

QString WorkloadStep::kindName(Kind kind)
{
    switch (kind) {
    case Kind::CreateServiceAccount:
        return u"CreateServiceAccount"_s;
    case Kind::UpdateServiceAccount:
        return u"UpdateServiceAccount"_s;
    case Kind::CreateFederatedCredential:
        return u"CreateFederatedCredential"_s;
    case Kind::UpdateFederatedCredential:
        return u"UpdateFederatedCredential"_s;
    case Kind::Blocked:
        return u"Blocked"_s;
    case Kind::Conflict:
        return u"Conflict"_s;
    case Kind::Orphan:
        return u"Orphan"_s;
    }
    return QString();
}

} // namespace Amo::Workload
