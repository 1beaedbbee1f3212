// SPDX-License-Identifier: MIT
// ArmHandler: federated identity credentials under a user-assigned identity (Microsoft.ManagedIdentity).
#include "shared/sandbox/armhandler.h"

#include "shared/sandbox/federatedcredentialrules.h"
#include "shared/sandbox/scenario.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
const QString kFicType = u"Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials"_s;
} // namespace

QStringList ArmHandler::federatedCredentialApiVersions()
{
    // the resource type arrived with 2022-01-31-preview; older identity versions do not know it
    return {u"2022-01-31-preview"_s, u"2023-01-31"_s, u"2023-07-31-preview"_s, u"2024-11-30"_s,
            u"2025-01-31-preview"_s};
}

QJsonObject ArmHandler::federatedCredentialJson(const ScenarioMsi &identity, const ScenarioFederatedCredential &fic)
{
    QJsonArray audiences;
    for (const QString &a : fic.audiences)
        audiences.append(a);
    return QJsonObject {
        {u"id"_s, QString(identity.resourceId() + u"/federatedIdentityCredentials/"_s + fic.name)},
        {u"name"_s, fic.name},
        {u"type"_s, kFicType},
        {u"properties"_s,
         QJsonObject {{u"issuer"_s, fic.issuer}, {u"subject"_s, fic.subject}, {u"audiences"_s, audiences}}}};
}

void ArmHandler::federatedCredentials(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                      const FicTarget &target)
{
    const QByteArray &method = request.method;
    const bool collection = target.name.isEmpty();
    if (collection ? method != "GET" : (method != "GET" && method != "PUT" && method != "DELETE")) {
        fail(exchange, context, 405, u"MethodNotAllowed"_s,
             u"The requested resource does not support http method '%1'."_s.arg(QString::fromLatin1(method)));
        return;
    }
    const QString apiVersion = request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded);
    if (apiVersion.isEmpty()) {
        fail(exchange, context, 400, u"MissingApiVersionParameter"_s,
             u"The api-version query parameter (?api-version=) is required for all requests."_s);
        return;
    }
    if (!federatedCredentialApiVersions().contains(apiVersion, Qt::CaseInsensitive)) {
        fail(exchange, context, 400, u"NoRegisteredProviderFound"_s,
             u"No registered resource provider found for location 'westeurope' and API version '%1' for type "
             "'userAssignedIdentities/federatedIdentityCredentials'. The supported api-versions are '%2'. The "
             "supported locations are 'eastus, westus, westeurope, northeurope'."_s.arg(
                 apiVersion, federatedCredentialApiVersions().join(u", "_s)));
        return;
    }
    if (!admit(exchange, context, target.subscriptionId, method))
        return;
    const QString verb = method == "GET" ? u"read"_s : method == "PUT" ? u"write"_s : u"delete"_s;
    const ScenarioSubscription *sub
        = subscriptionFor(exchange, context, target.subscriptionId,
                          u"Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/"_s + verb);
    if (!sub)
        return;
    bool groupExists = false;
    for (const ScenarioMsi &m : m_scenario->msis) {
        groupExists = groupExists
            || (m.subscriptionId.compare(sub->id, Qt::CaseInsensitive) == 0
                && m.resourceGroup.compare(target.group, Qt::CaseInsensitive) == 0);
    }
    if (!groupExists) {
        fail(exchange, context, 404, u"ResourceGroupNotFound"_s,
             u"Resource group '%1' could not be found."_s.arg(target.group));
        return;
    }
    ScenarioMsi *identity = m_scenario->findMsi(sub->id, target.group, target.identity);
    if (!identity) {
        fail(exchange, context, 404, u"ParentResourceNotFound"_s,
             u"Failed to perform '%1' on resource(s) of type 'userAssignedIdentities/federatedIdentityCredentials', "
             "because the parent resource '%2' could not be found."_s.arg(
                 verb,
                 u"/subscriptions/%1/resourceGroups/%2/providers/Microsoft.ManagedIdentity/"
                 "userAssignedIdentities/%3"_s.arg(sub->id, target.group, target.identity)));
        return;
    }
    if (collection) {
        listFederatedCredentials(request, exchange, context, *identity);
        return;
    }
    if (method == "PUT") {
        putFederatedCredential(request, exchange, context, *identity, target.name);
        return;
    }
    QList<ScenarioFederatedCredential> &fics = identity->federatedIdentityCredentials;
    for (qsizetype i = 0; i < fics.size(); ++i) {
        if (fics.at(i).name.compare(target.name, Qt::CaseInsensitive) != 0)
            continue;
        if (method == "GET") {
            reply(exchange, context, 200, federatedCredentialJson(*identity, fics.at(i)));
        } else {
            fics.removeAt(i);
            context.headers.emplaceBack("Cache-Control", "no-cache");
            exchange.respond(HttpResponse {200, context.headers, {}});
        }
        return;
    }
    if (method == "DELETE") {
        context.headers.emplaceBack("Cache-Control", "no-cache");
        exchange.respond(HttpResponse {204, context.headers, {}});
        return;
    }
    fail(exchange, context, 404, u"ResourceNotFound"_s,
         u"The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/%1/federatedIdentityCredentials/%2' under "
         "resource group '%3' was not found. For more details please go to "
         "https://aka.ms/ARMResourceNotFoundFix"_s.arg(identity->name, target.name, target.group));
}

void ArmHandler::putFederatedCredential(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                        ScenarioMsi &identity, const QString &name)
{
    if (const auto problem = FederatedCredentialRules::checkName(name)) {
        fail(exchange, context, problem->status, problem->code, problem->message);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        fail(exchange, context, 400, u"InvalidRequestContent"_s,
             u"The request content was invalid and could not be deserialized: '%1'."_s.arg(
                 document.isObject() || parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                     : u"not a JSON object"_s));
        return;
    }
    const QJsonObject properties = document.object().value(u"properties"_s).toObject();
    ScenarioFederatedCredential fic;
    fic.issuer = properties.value(u"issuer"_s).toString();
    fic.subject = properties.value(u"subject"_s).toString();
    fic.audiences.clear();
    for (const QJsonValue &a : properties.value(u"audiences"_s).toArray())
        fic.audiences.append(a.toString());
    fic.name = name;
    auto problem = FederatedCredentialRules::checkProperties(fic);
    if (!problem)
        problem = FederatedCredentialRules::checkAgainst(identity, fic);
    if (problem) {
        fail(exchange, context, problem->status, problem->code, problem->message);
        return;
    }
    for (ScenarioFederatedCredential &existing : identity.federatedIdentityCredentials) {
        if (existing.name.compare(name, Qt::CaseInsensitive) == 0) {
            fic.name = existing.name; // ARM keeps the name as first written
            existing = fic;
            reply(exchange, context, 200, federatedCredentialJson(identity, fic));
            return;
        }
    }
    identity.federatedIdentityCredentials.append(fic);
    reply(exchange, context, 201, federatedCredentialJson(identity, fic));
}

void ArmHandler::listFederatedCredentials(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                          const ScenarioMsi &identity) const
{
    qsizetype top = 0;
    if (request.query.hasQueryItem(u"$top"_s)) {
        bool ok = false;
        const QString text = request.query.queryItemValue(u"$top"_s, QUrl::FullyDecoded);
        top = text.toLongLong(&ok);
        if (!ok || top < 1) {
            fail(exchange, context, 400, u"InvalidParameter"_s,
                 u"The value '%1' of the query parameter '$top' is invalid: it must be an integer of at least 1."_s.arg(
                     text));
            return;
        }
    }
    QJsonArray items;
    for (const ScenarioFederatedCredential &fic : identity.federatedIdentityCredentials)
        items.append(federatedCredentialJson(identity, fic));
    QJsonObject body;
    if (page(request, exchange, context, items, &body, top))
        reply(exchange, context, 200, body);
}

} // namespace Amo::Sandbox
