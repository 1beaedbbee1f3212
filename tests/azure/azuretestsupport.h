// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/cloudenvironment.h"
#include "shared/azure/retrypolicy.h"
#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/sandbox.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace AzureTest {

using namespace Qt::StringLiterals;

inline const QString kTenant = u"11111111-1111-1111-1111-111111111111"_s;
inline const QString kSecretApp = u"22222222-2222-2222-2222-222222222222"_s;
inline const QString kCertApp = u"33333333-3333-3333-3333-333333333333"_s;
inline const QString kMiClient = u"66666666-6666-6666-6666-666666666666"_s;
inline const QString kMiClient2 = u"77777777-7777-7777-7777-777777777777"_s;
inline const QString kIssuer = u"https://oidc.sandbox.test/cluster-1/"_s;
inline const QString kSubject = u"system:serviceaccount:ops:operator"_s;
inline const QString kSecret = u"s3cret+value/with=chars"_s;

/** Starts the job, waits (bounded) for its finished signal and returns what it carried. */
template<typename Result, typename Job, typename Signal> Result run(Job *job, Signal signal, int timeoutMs = 30000)
{
    std::optional<Result> out;
    QEventLoop loop;
    QObject::connect(job, signal, &loop, [&](const Result &r) {
        out = r;
        loop.quit();
    });
    job->start();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    return out.value_or(Result {});
}

/** The SDKs' retry rules with delays short enough for tests. */
inline Amo::Azure::RetryPolicy fastRetry()
{
    Amo::Azure::RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 50;
    policy.maxRetryAfterMs = 50;
    return policy;
}

/** A cloud whose ARM endpoint, authority and audience are all the sandbox. */
inline Amo::Azure::CloudEnvironment sandboxCloud(const Amo::Sandbox::Sandbox &sandbox)
{
    const QUrl base(sandbox.endpoint());
    return {u"Sandbox"_s, base, base, sandbox.endpoint()};
}

/** Log lines go to a temporary file so tests can check what was (and was not) logged. */
class CapturedLog
{
public:
    CapturedLog()
        : m_file(std::tmpfile())
        , m_logger(Amo::Logger::Format::Text, Amo::Logger::Level::Debug, m_file, Amo::Clock::system())
    {
    }
    ~CapturedLog() { std::fclose(m_file); }
    const Amo::Logger &logger() const { return m_logger; }
    QString text() const
    {
        std::fflush(m_file);
        std::rewind(m_file);
        QByteArray out;
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, m_file)) > 0)
            out.append(buffer, qsizetype(n));
        std::fseek(m_file, 0, SEEK_END);
        return QString::fromUtf8(out);
    }

private:
    std::FILE *m_file;
    Amo::Logger m_logger;
};

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/** Tenant, two apps, a federated issuer, a user, two managed identities, @p subs subscriptions with @p perSub MSIs. */
inline QJsonObject scenarioJson(const Amo::Sandbox::IssuedCertificate &appCert,
                                const Amo::Sandbox::IssuedCertificate &issuerKey, int subs = 1, int perSub = 5,
                                int pageSize = 100)
{
    QJsonArray subscriptions;
    QJsonArray msis;
    for (int s = 0; s < subs; ++s) {
        const QString id = u"aaaaaaaa-0000-0000-0000-%1"_s.arg(s, 12, 10, QLatin1Char('0'));
        subscriptions.append(QJsonObject {{u"id"_s, id}, {u"displayName"_s, u"sub-%1"_s.arg(s)}});
        for (int i = 0; i < perSub; ++i)
            msis.append(QJsonObject {{u"subscriptionId"_s, id},
                                     {u"resourceGroup"_s, u"rg-%1"_s.arg(i % 7)},
                                     {u"name"_s, u"id-%1-%2"_s.arg(s).arg(i)},
                                     {u"tags"_s, QJsonObject {{u"k8snamespace"_s, u"team-%1"_s.arg(i % 11)}}}});
    }
    return QJsonObject {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, kTenant}, {u"domains"_s, QJsonArray {u"contoso.test"_s}}}}},
        {u"applications"_s,
         QJsonArray {QJsonObject {{u"clientId"_s, kSecretApp}, {u"secrets"_s, QJsonArray {kSecret}}},
                     QJsonObject {{u"clientId"_s, kCertApp},
                                  {u"certificates"_s, QJsonArray {QString::fromLatin1(appCert.certificatePem)}},
                                  {u"federatedCredentials"_s,
                                   QJsonArray {QJsonObject {{u"issuer"_s, kIssuer}, {u"subject"_s, kSubject}}}}}}},
        {u"federatedIssuers"_s,
         QJsonArray {QJsonObject {{u"issuer"_s, kIssuer},
                                  {u"keys"_s, QJsonArray {QString::fromLatin1(issuerKey.certificatePem)}},
                                  {u"signingKey"_s, QString::fromLatin1(issuerKey.privateKeyPem)}}}},
        {u"users"_s,
         QJsonArray {QJsonObject {{u"username"_s, u"alice@contoso.test"_s}, {u"password"_s, u"correct horse"_s}}}},
        {u"managedIdentities"_s,
         QJsonArray {QJsonObject {{u"clientId"_s, kMiClient}, {u"default"_s, true}},
                     QJsonObject {{u"clientId"_s, kMiClient2},
                                  {u"resourceId"_s,
                                   u"/subscriptions/x/resourceGroups/rg/providers/"
                                   "Microsoft.ManagedIdentity/userAssignedIdentities/mi2"_s}}}},
        {u"appService"_s, QJsonObject {{u"path"_s, u"/msi/token"_s}, {u"identityHeader"_s, u"hdr-123"_s}}},
        {u"subscriptions"_s, subscriptions},
        {u"msis"_s, msis},
        {u"arm"_s,
         QJsonObject {{u"pageSize"_s, pageSize},
                      {u"throttle"_s, QJsonObject {{u"budget"_s, 100000}, {u"refillPerSecond"_s, 10000}}}}}};
}

} // namespace AzureTest
