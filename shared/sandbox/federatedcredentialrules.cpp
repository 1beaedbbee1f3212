// SPDX-License-Identifier: MIT
#include "shared/sandbox/federatedcredentialrules.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

bool FederatedCredentialRules::validName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9][a-zA-Z0-9-_]{2,119}$"_s);
    return pattern.match(name).hasMatch();
}

std::optional<FederatedCredentialProblem> FederatedCredentialRules::checkName(const QString &name)
{
    if (validName(name))
        return std::nullopt;
    return FederatedCredentialProblem {
        400, u"BadRequest"_s,
        u"The federated identity credential name '%1' is invalid. It must match the pattern "
        "'^[a-zA-Z0-9]{1}[a-zA-Z0-9-_]{2,119}$': start with a letter or a digit, then 2 to 119 letters, digits, "
        "hyphens or underscores."_s.arg(name)};
}

std::optional<FederatedCredentialProblem>
FederatedCredentialRules::checkProperties(const ScenarioFederatedCredential &credential)
{
    if (credential.issuer.isEmpty() || credential.subject.isEmpty() || credential.audiences.isEmpty())
        return FederatedCredentialProblem {400, u"BadRequest"_s,
                                           u"The request format was unexpected. Federated Identity Credential must "
                                           "specify 'issuer', 'subject' and 'audience'."_s};
    const QUrl issuer(credential.issuer, QUrl::StrictMode);
    if (!issuer.isValid() || issuer.scheme() != u"https"_s || issuer.host().isEmpty())
        return FederatedCredentialProblem {
            400, u"BadRequest"_s,
            u"The issuer '%1' is invalid. The issuer of a federated identity credential must be a valid URL that "
            "uses the https scheme."_s.arg(credential.issuer)};
    if (credential.audiences.size() != 1 || credential.audiences.constFirst().isEmpty())
        return FederatedCredentialProblem {
            400, u"BadRequest"_s,
            u"Federated Identity Credential must have exactly one audience; %1 were given."_s.arg(
                credential.audiences.size())};
    return std::nullopt;
}

std::optional<FederatedCredentialProblem>
FederatedCredentialRules::checkAgainst(const ScenarioMsi &identity, const ScenarioFederatedCredential &credential)
{
    bool replaces = false;
    for (const ScenarioFederatedCredential &other : identity.federatedIdentityCredentials) {
        if (other.name.compare(credential.name, Qt::CaseInsensitive) == 0) {
            replaces = true;
            continue;
        }
        if (other.issuer == credential.issuer && other.subject == credential.subject)
            return FederatedCredentialProblem {
                400, u"BadRequest"_s,
                u"Issuer and subject combination already exists for this Managed Identity. The federated identity "
                "credential '%1' has issuer '%2' and subject '%3'."_s.arg(other.name, other.issuer, other.subject)};
    }
    if (!replaces && identity.federatedIdentityCredentials.size() >= ScenarioMsi::kMaxFederatedCredentials)
        return FederatedCredentialProblem {
            400, u"BadRequest"_s,
            u"Too many Federated Identity Credentials. The managed identity '%1' already has the maximum of %2 "
            "federated identity credentials."_s.arg(identity.name,
                                                    QString::number(ScenarioMsi::kMaxFederatedCredentials))};
    return std::nullopt;
}

} // namespace Amo::Sandbox
