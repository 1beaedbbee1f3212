// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace Amo::Azure {

/**
 * One Azure cloud: where ARM lives, where Azure AD lives and which audience tokens are for.
 * All three always come from the same environment; only AZURE_AUTHORITY_HOST may replace the authority.
 *
 * Endpoints must be https. Plain http is accepted only for loopback hosts (127.0.0.0/8, ::1,
 * localhost), so tests and demos can point everything at the local simulator.
 */
struct CloudEnvironment
{
    QString name;
    QUrl resourceManagerEndpoint; // always ends with '/'
    QUrl authorityHost; // always ends with '/'
    QString tokenAudience; // v1 "resource"; the v2 scope is derived from it

    /** The v2 scope: the audience plus "/.default" (one slash between them). */
    QString scope() const;
    /** The v1 resource / managed identity "resource" parameter. */
    QString resource() const { return tokenAudience; }

    /**
     * go-autorest names, case-insensitive. An empty name is the public cloud. AZURESTACKCLOUD reads the
     * file named by AZURE_ENVIRONMENT_FILEPATH in @p env. AZURE_AUTHORITY_HOST in @p env overrides the authority,
     * AZURE_AD_RESOURCE (go-autorest) the token audience.
     */
    static std::optional<CloudEnvironment> fromName(const QString &name, const QProcessEnvironment &env,
                                                    QString *error);
    /** The JSON environment file format of go-autorest (name, resourceManagerEndpoint, …). */
    static std::optional<CloudEnvironment> fromFile(const QString &path, QString *error);

    /** Replaces the authority host; false (with *error) unless https or loopback http. */
    bool overrideAuthorityHost(const QString &url, QString *error);

    /** True for https URLs, and for http URLs whose host is a loopback address. */
    static bool isAcceptableEndpoint(const QUrl &url, QString *why);
    /** Parses an endpoint, checks it and appends the trailing slash. */
    static std::optional<QUrl> endpoint(const QString &value, const QString &what, QString *error);
};

} // namespace Amo::Azure
