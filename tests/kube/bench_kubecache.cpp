// SPDX-License-Identifier: MIT
// Prints figures, asserts nothing: memory per 10,000 cached AzureIdentities, and the requests and
// wall time to list 30,000 objects from the simulator (default flow control and unlimited).
#include "kubetestenv.h"

#include "shared/kube/informer.h"
#include "shared/model/clusterstate.h"
#include "shared/sync/clusterstatesink.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <malloc.h>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;

namespace {

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QJsonObject realisticIdentity(int i)
{
    QJsonObject o = KubeTest::identity(u"team-%1"_s.arg(i % 50), u"msi-%1-identity"_s.arg(i), QString::number(i, 16));
    QJsonObject meta = o[u"metadata"_s].toObject();
    meta[u"labels"_s] = QJsonObject {{u"app.kubernetes.io/managed-by"_s, u"azure-msi-operator"_s},
                                     {u"azure-msi-operator/subscription"_s, u"00000000-0000-0000-0000-000000000000"_s}};
    meta[u"annotations"_s] = QJsonObject {{u"janitor/expires"_s, u"2030-01-01T00:00:00Z"_s}};
    o[u"metadata"_s] = meta;
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KubeTest::Env env(false);
    for (int ns = 0; ns < 50; ++ns)
        env.store().put(QJsonObject {{u"apiVersion"_s, u"v1"_s},
                                     {u"kind"_s, u"Namespace"_s},
                                     {u"metadata"_s, QJsonObject {{u"name"_s, u"team-%1"_s.arg(ns)}}}});
    for (int i = 0; i < 30000; ++i)
        env.store().put(realisticIdentity(i));

    for (const bool limited : {true, false}) {
        ClientOptions options; // the shipped defaults: qps 10, burst 50, pages of 500
        if (!limited)
            options.qps = 0;
        auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)), options);
        QElapsedTimer timer;
        timer.start();
        const ListResult r = KubeTest::run(client->list(Resource::AzureIdentities, {}, {}), &ListJob::finished, 120000);
        std::printf("list 30,000 AzureIdentities (%s): %lld items, %d requests, %lld ms\n",
                    limited ? "qps 10 burst 50" : "no client rate limit", qint64(r.itemCount), client->requestCount(),
                    timer.elapsed());
    }

    // Heap in use (glibc), not RSS: freed list buffers would otherwise hide the cache's growth.
    QJsonArray page;
    for (int i = 0; i < 30000; ++i)
        page.append(realisticIdentity(i));
    const size_t before = mallinfo2().uordblks;
    // The cache the reconciler holds: a ClusterState fed through its sink.
    auto state = std::make_unique<Amo::Model::ClusterState>();
    Amo::Sync::ClusterStateSink sink(Amo::Sync::ClusterStateSink::Kind::Identity, state.get());
    sink.beginReplace();
    sink.addPage(page);
    sink.commitReplace();
    const size_t after = mallinfo2().uordblks;
    const double mib = double(after - before) / (1024.0 * 1024.0);
    const qint64 cached = state->identities().size();
    std::printf("cache of %lld AzureIdentities (2 labels, 1 annotation each): %.1f MiB heap, %.2f MiB per 10,000\n",
                cached, mib, mib / (double(cached) / 10000.0));
    std::printf("process resident size: %lld KiB\n", residentKiB());
    return 0;
}
