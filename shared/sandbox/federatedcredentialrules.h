// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/scenario.h"

#include <QString>

#include <optional>

namespace Amo::Sandbox {

/** An ARM error a federated identity credential write earns: HTTP status, code and message. */
struct FederatedCredentialProblem
{
    int status = 400;
    QString code;
    QString message;
};

/**
 * The checks Microsoft.ManagedIdentity applies to a federated identity credential on a
 * user-assigned identity, shared by the ARM PUT and the scenario loader.
 */
class FederatedCredentialRules
{
public:
    /** `^[a-zA-Z0-9][a-zA-Z0-9-_]{2,119}$` */
    static bool validName(const QString &name);
    static std::optional<FederatedCredentialProblem> checkName(const QString &name);
    /** issuer (https URL), subject and exactly one audience. */
    static std::optional<FederatedCredentialProblem> checkProperties(const ScenarioFederatedCredential &credential);
    /**
     * Against the identity's credentials: the issuer + subject pair must be unique and a new name
     * may not make it the 21st. A credential of the same name is being replaced and does not count.
     */
    static std::optional<FederatedCredentialProblem> checkAgainst(const ScenarioMsi &identity,
                                                                  const ScenarioFederatedCredential &credential);
};

} // namespace Amo::Sandbox
