// SPDX-License-Identifier: MIT
#include "shared/azure/cloudenvironment.h"

#include "shared/util/boundedfile.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

struct KnownCloud
{
    const char16_t *name;
    const char16_t *arm;
    const char16_t *authority;
};

// go-autorest's table (environments.go); the two aliases map to the same clouds.
constexpr KnownCloud kClouds[] = {
    {u"AzurePublicCloud", u"https://management.azure.com/", u"https://login.microsoftonline.com/"},
    {u"AzureChinaCloud", u"https://management.chinacloudapi.cn/", u"https://login.chinacloudapi.cn/"},
    {u"AzureUSGovernmentCloud", u"https://management.usgovcloudapi.net/", u"https://login.microsoftonline.us/"},
    {u"AzureGermanCloud", u"https://management.microsoftazure.de/", u"https://login.microsoftonline.de/"},
};

std::optional<KnownCloud> known(const QString &upper)
{
    if (upper.isEmpty() || upper == u"AZUREPUBLICCLOUD"_s || upper == u"AZURECLOUD"_s)
        return kClouds[0];
    if (upper == u"AZURECHINACLOUD"_s)
        return kClouds[1];
    if (upper == u"AZUREUSGOVERNMENTCLOUD"_s || upper == u"AZUREUSGOVERNMENT"_s)
        return kClouds[2];
    if (upper == u"AZUREGERMANCLOUD"_s)
        return kClouds[3];
    return std::nullopt;
}

} // namespace

QString CloudEnvironment::scope() const
{
    QString audience = tokenAudience;
    while (audience.endsWith(u'/'))
        audience.chop(1);
    return audience + u"/.default"_s;
}

bool CloudEnvironment::isAcceptableEndpoint(const QUrl &url, QString *why)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *why = u"is not an absolute URL"_s;
        return false;
    }
    if (url.scheme() == u"https"_s)
        return true;
    if (url.scheme() == u"http"_s) {
        const QString host = url.host();
        if (host == u"localhost"_s || QHostAddress(host).isLoopback())
            return true;
        *why = u"must use https (plain http is accepted only on loopback hosts)"_s;
        return false;
    }
    *why = u"must use https"_s;
    return false;
}

std::optional<QUrl> CloudEnvironment::endpoint(const QString &value, const QString &what, QString *error)
{
    QString text = value.trimmed();
    if (!text.endsWith(u'/'))
        text += u'/';
    const QUrl url(text, QUrl::StrictMode);
    QString why;
    if (!isAcceptableEndpoint(url, &why)) {
        *error = u"%1 \"%2\" %3"_s.arg(what, value, why);
        return std::nullopt;
    }
    return url;
}

bool CloudEnvironment::overrideAuthorityHost(const QString &url, QString *error)
{
    const auto host = endpoint(url, u"AZURE_AUTHORITY_HOST"_s, error);
    if (!host)
        return false;
    authorityHost = *host;
    return true;
}

std::optional<CloudEnvironment> CloudEnvironment::fromName(const QString &name, const QProcessEnvironment &env,
                                                           QString *error)
{
    const QString upper = name.trimmed().toUpper();
    std::optional<CloudEnvironment> result;
    if (upper == u"AZURESTACKCLOUD"_s) {
        const QString path = env.value(u"AZURE_ENVIRONMENT_FILEPATH"_s);
        if (path.isEmpty()) {
            *error = u"AZURE_ENVIRONMENT is AZURESTACKCLOUD but AZURE_ENVIRONMENT_FILEPATH is not set"_s;
            return std::nullopt;
        }
        result = fromFile(path, error);
    } else if (const auto cloud = known(upper)) {
        const QString arm = QStringView(cloud->arm).toString();
        result = CloudEnvironment {QStringView(cloud->name).toString(), QUrl(arm),
                                   QUrl(QStringView(cloud->authority).toString()), arm};
    } else {
        *error = u"There is no cloud environment matching the name \"%1\""_s.arg(upper);
        return std::nullopt;
    }
    if (!result)
        return std::nullopt;
    const QString authority = env.value(u"AZURE_AUTHORITY_HOST"_s).trimmed();
    if (!authority.isEmpty() && !result->overrideAuthorityHost(authority, error))
        return std::nullopt;
    // go-autorest's AZURE_AD_RESOURCE: the audience tokens are requested for (empty: the cloud's)
    const QString resource = env.value(u"AZURE_AD_RESOURCE"_s).trimmed();
    if (!resource.isEmpty()) {
        const QUrl url(resource, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty()) {
            *error = u"AZURE_AD_RESOURCE \"%1\" is not a resource URI (e.g. https://management.azure.com/)"_s.arg(
                resource);
            return std::nullopt;
        }
        result->tokenAudience = resource;
    }
    return result;
}

std::optional<CloudEnvironment> CloudEnvironment::fromFile(const QString &path, QString *error)
{
    const Util::BoundedFile::Result read = Util::BoundedFile::read(path);
    if (!read.ok) {
        *error = u"cannot read Azure environment file: %1"_s.arg(read.error);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(read.data, &parseError);
    if (!doc.isObject()) {
        *error = u"Azure environment file %1 is not a JSON object: %2"_s.arg(path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    CloudEnvironment cloud;
    cloud.name = o.value(u"name"_s).toString();
    const QString prefix = u"Azure environment file %1: "_s.arg(path);
    QString why;
    const auto arm = endpoint(o.value(u"resourceManagerEndpoint"_s).toString(), u"resourceManagerEndpoint"_s, &why);
    const auto aad = arm
        ? endpoint(o.value(u"activeDirectoryEndpoint"_s).toString(), u"activeDirectoryEndpoint"_s, &why)
        : std::nullopt;
    if (!arm || !aad) {
        *error = prefix + why;
        return std::nullopt;
    }
    cloud.resourceManagerEndpoint = *arm;
    cloud.authorityHost = *aad;
    cloud.tokenAudience = o.value(u"tokenAudience"_s).toString().trimmed();
    if (cloud.tokenAudience.isEmpty())
        cloud.tokenAudience = arm->toString();
    return cloud;
}

} // namespace Amo::Azure
