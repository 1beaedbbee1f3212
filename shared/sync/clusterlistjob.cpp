// SPDX-License-Identifier: MIT
#include "shared/sync/clusterlistjob.h"

#include "shared/kube/kubeclient.h"
#include "shared/kube/listjob.h"
#include "shared/sync/clusterstatesink.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

ClusterListJob::ClusterListJob(Kube::KubeClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_sinks[0] = std::make_unique<ClusterStateSink>(ClusterStateSink::Kind::Namespace, &m_result.state);
    m_sinks[1] = std::make_unique<ClusterStateSink>(ClusterStateSink::Kind::Identity, &m_result.state);
    m_sinks[2] = std::make_unique<ClusterStateSink>(ClusterStateSink::Kind::Binding, &m_result.state);
}

ClusterListJob::~ClusterListJob()
{
    for (const QPointer<QObject> &job : std::as_const(m_jobs))
        delete job.data();
}

void ClusterListJob::start()
{
    const Kube::Resource resources[]
        = {Kube::Resource::Namespaces, Kube::Resource::AzureIdentities, Kube::Resource::AzureIdentityBindings};
    for (int i = 0; i < 3; ++i) {
        Kube::ListOptions options;
        options.keepItems = false; // pages go straight into the state
        auto *job = m_client->list(resources[i], {}, options);
        ClusterStateSink *sink = m_sinks[i].get();
        sink->beginReplace();
        connect(job, &Kube::ListJob::page, this, [sink](const QJsonArray &items) { sink->addPage(items); });
        connect(job, &Kube::ListJob::restarted, this, [sink] { sink->beginReplace(); });
        const QString what = Kube::ResourceInfo::of(resources[i]).plural;
        connect(job, &Kube::ListJob::finished, this, [this, sink, what](const Kube::ListResult &result) {
            if (result.ok())
                sink->commitReplace();
            else
                sink->abortReplace();
            onListed(what, result.ok() ? QString() : result.error.message);
        });
        m_jobs.append(job);
        ++m_pending;
    }
    for (const QPointer<QObject> &job : std::as_const(m_jobs))
        static_cast<Kube::ListJob *>(job.data())->start();
}

void ClusterListJob::cancel()
{
    if (m_done)
        return;
    m_pending = 0;
    onListed({}, tr("cancelled"));
}

void ClusterListJob::onListed(const QString &what, const QString &error)
{
    if (m_done)
        return;
    if (!error.isEmpty() && m_result.error.isEmpty())
        m_result.error = what.isEmpty() ? error : tr("listing %1 failed: %2").arg(what, error);
    if (--m_pending > 0 && m_result.error.isEmpty())
        return;
    m_done = true;
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace Amo::Sync
