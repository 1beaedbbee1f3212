// SPDX-License-Identifier: MIT
// "HTTP/2 when the server offers it": a real HTTP/2 server (nghttpd, Debian's nghttp2-server) answers a
// GET, and the client reports that the answer came over HTTP/2.
#include "kubetestenv.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;

class TestKubeHttp2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void negotiatesHttp2();
};

void TestKubeHttp2::negotiatesHttp2()
{
    const QString nghttpd = QStandardPaths::findExecutable(u"nghttpd"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
    QVERIFY2(!nghttpd.isEmpty(),
             "nghttpd (Debian package nghttp2-server) is required; scripts/install-deps.sh installs it");

    KubeTest::Env env; // for its CA and kubeconfig helper; nghttpd plays the API server
    const auto cert = env.ca.issueServerCertificate();
    const QString key = env.writeFile(u"h2.key"_s, cert.privateKeyPem);
    const QString crt = env.writeFile(u"h2.crt"_s, cert.certificatePem);
    QVERIFY(QDir(env.dir.path()).mkpath(u"htdocs/api/v1/namespaces"_s));
    env.writeFile(u"htdocs/api/v1/namespaces/team-a"_s,
                  R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}})");

    quint16 port = 0;
    {
        QTcpServer probe; // a free port for nghttpd
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    QProcess server;
    server.start(
        nghttpd,
        {u"--htdocs"_s, env.dir.filePath(u"htdocs"_s), u"--address=127.0.0.1"_s, QString::number(port), key, crt});
    QVERIFY(server.waitForStarted());
    QTest::qWait(300); // let it bind

    QString kubeconfig = env.kubeconfig(u"    token: t-admin\n"_s);
    kubeconfig.replace(env.server.baseUrl().toString(), u"https://127.0.0.1:%1"_s.arg(port));
    auto client = env.client(env.load(kubeconfig));
    KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    for (int attempt = 0; attempt < 20 && !r.ok(); ++attempt) { // nghttpd may need a moment to listen
        QTest::qWait(200);
        r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    }
    server.kill();
    server.waitForFinished();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QVERIFY2(r.object.value(u"metadata"_s).toObject().value(u"name"_s).toString() == u"team-a"_s,
             QJsonDocument(r.object).toJson().constData());
    QVERIFY(r.http2);
}

QTEST_GUILESS_MAIN(TestKubeHttp2)
#include "tst_kubehttp2.moc"
