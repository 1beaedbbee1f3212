// SPDX-License-Identifier: MIT
#pragma once

#include "shared/kube/connectionloader.h"
#include "shared/kube/kubeclient.h"
#include "shared/kube/kubeconfigloader.h"
#include "shared/kube/listjob.h"
#include "shared/kube/requestjob.h"
#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/kubeapihandler.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace KubeTest {

using namespace Qt::StringLiterals;

/** Records the query of every request (the sandbox log keeps paths only) and passes it on. */
class QueryRecorder : public Amo::Sandbox::HttpHandler
{
public:
    bool handle(const Amo::Sandbox::HttpRequest &request, Amo::Sandbox::HttpExchange &) override
    {
        requests.append(QString::fromLatin1(request.method) + u' ' + request.path + u'?'
                        + request.query.toString(QUrl::FullyDecoded));
        return false;
    }
    QStringList requests;
};

/** The simulated API server on loopback (optionally TLS with its own CA) plus helpers to reach it. */
class Env
{
public:
    explicit Env(bool tls = true, const QByteArray &scenario = {})
    {
        const QJsonObject section = QJsonDocument::fromJson(scenario.isEmpty() ? defaultScenario() : scenario).object();
        loadError = handler.loadScenario(section);
        server.addHandler(&recorder);
        server.addHandler(&handler);
        if (tls)
            server.enableTls(&ca);
        server.listen();
    }

    static QByteArray defaultScenario()
    {
        return R"({"namespaces": ["team-a", "team-b"],
            "users": [{"name": "admin", "token": "t-admin", "groups": ["system:masters"]},
                      {"name": "reader", "token": "t-reader"},
                      {"name": "ops", "token": "t-ops", "groups": ["system:masters"]}],
            "rbac": [{"user": "reader", "verbs": ["get", "list", "watch"], "apiGroups": ["*"], "resources": ["*"]}]})";
    }

    QString caData() const { return QString::fromLatin1(ca.authority().certificatePem.toBase64()); }

    /** A kubeconfig with one cluster (this server), one context and the given user stanza. */
    QString kubeconfig(const QString &userYaml, const QString &clusterExtra = {}, bool withCa = true) const
    {
        QString cluster = u"    server: "_s + server.baseUrl().toString() + u'\n';
        if (withCa)
            cluster += u"    certificate-authority-data: "_s + caData() + u'\n';
        return u"apiVersion: v1\nkind: Config\nclusters:\n- name: sandbox\n  cluster:\n"_s + cluster + clusterExtra
            + u"contexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: me\n    namespace: team-a\n"
              u"current-context: sandbox\nusers:\n- name: me\n  user:\n"_s
            + userYaml;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
        return path;
    }

    Amo::Kube::RestConfig load(const QString &yaml)
    {
        const QString path = writeFile(u"config-%1"_s.arg(++m_files), yaml.toUtf8());
        const Amo::Kube::RestConfigResult r = Amo::Kube::KubeConfigLoader::load({path}, {});
        lastError = r.error;
        return r.config.value_or(Amo::Kube::RestConfig {});
    }

    std::unique_ptr<Amo::Kube::KubeClient> client(const Amo::Kube::RestConfig &config,
                                                  Amo::Kube::ClientOptions options = fastOptions())
    {
        // One manager per client: Qt pools connections per host and port, whatever the TLS settings.
        networks.push_back(std::make_unique<QNetworkAccessManager>());
        return std::make_unique<Amo::Kube::KubeClient>(networks.back().get(), config, options, Amo::Clock::system(),
                                                       nullptr);
    }

    static Amo::Kube::ClientOptions fastOptions()
    {
        Amo::Kube::ClientOptions o;
        o.qps = 0; // tests measure behaviour, not the limiter
        o.backoffBaseMs = 10;
        o.backoffCapMs = 100;
        o.requestTimeoutMs = 5000;
        return o;
    }

    Amo::Sandbox::KubeStore &store() { return handler.store(); }

    Amo::Sandbox::CertificateAuthority ca;
    Amo::Sandbox::KubeApiHandler handler;
    Amo::Sandbox::HttpServer server;
    QueryRecorder recorder;
    QTemporaryDir dir;
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    QString loadError;
    QString lastError;

private:
    int m_files = 0;
};

/** Starts a job and spins the event loop until it finishes (bounded). */
template<typename Job, typename Result> Result run(Job *job, void (Job::*signal)(const Result &), int timeoutMs = 20000)
{
    Result result;
    bool done = false;
    QEventLoop loop;
    QObject::connect(job, signal, &loop, [&](const Result &r) {
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec();
    return result;
}

inline Amo::Kube::KubeResponse run(Amo::Kube::RequestJob *job)
{
    return run(job, &Amo::Kube::RequestJob::finished);
}

inline Amo::Kube::ListResult run(Amo::Kube::ListJob *job)
{
    return run(job, &Amo::Kube::ListJob::finished);
}

inline QJsonObject identity(const QString &ns, const QString &name, const QString &clientId = u"c"_s)
{
    return QJsonObject {{u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
                        {u"kind"_s, u"AzureIdentity"_s},
                        {u"metadata"_s, QJsonObject {{u"name"_s, name}, {u"namespace"_s, ns}}},
                        {u"spec"_s,
                         QJsonObject {{u"type"_s, 0},
                                      {u"clientID"_s, clientId},
                                      {u"resourceID"_s, QString(u"/subscriptions/s/rg/"_s + name)}}}};
}

} // namespace KubeTest
