// SPDX-License-Identifier: MIT
// proxy-url in a kubeconfig: requests reach the API server through an HTTP CONNECT proxy.
#include "kubetestenv.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;

namespace {
/** A minimal HTTP CONNECT proxy on loopback that pipes bytes both ways and records what it was asked. */
class ConnectProxy : public QObject
{
public:
    ConnectProxy()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                serve(client);
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QStringList requests;

private:
    void serve(QTcpSocket *client)
    {
        auto *buffer = new QByteArray;
        connect(client, &QTcpSocket::disconnected, client, [client, buffer] {
            delete buffer;
            client->deleteLater();
        });
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            if (client->property("upstream").isValid())
                return; // the tunnel is up: the pipe below reads from here on
            buffer->append(client->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray requestLine = buffer->left(buffer->indexOf("\r\n"));
            requests << QString::fromLatin1(requestLine);
            const QList<QByteArray> parts = requestLine.split(' ');
            const QList<QByteArray> hostPort = parts.value(1).split(':');
            auto *upstream = new QTcpSocket(client);
            client->setProperty("upstream", true);
            const QByteArray rest = buffer->mid(end + 4);
            connect(upstream, &QTcpSocket::connected, client, [client, upstream, rest] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!rest.isEmpty())
                    upstream->write(rest);
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client,
                        [client, upstream] { client->write(upstream->readAll()); });
                connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            });
            upstream->connectToHost(QString::fromLatin1(hostPort.value(0)), hostPort.value(1).toUShort());
        });
    }

    QTcpServer m_server;
};
} // namespace

class TestKubeProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsGoThroughProxyUrl();
};

void TestKubeProxy::requestsGoThroughProxyUrl()
{
    KubeTest::Env env;
    ConnectProxy proxy;
    const QString extra = u"    proxy-url: http://127.0.0.1:%1\n"_s.arg(proxy.port());
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s, extra)));
    QCOMPARE(client->config().proxyUrl.port(), int(proxy.port()));
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(proxy.requests.size(), 1);
    QVERIFY2(proxy.requests.first().startsWith(u"CONNECT 127.0.0.1:%1 "_s.arg(env.server.port())),
             qPrintable(proxy.requests.first()));
}

QTEST_GUILESS_MAIN(TestKubeProxy)
#include "tst_kubeproxy.moc"
