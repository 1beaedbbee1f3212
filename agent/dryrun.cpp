// SPDX-License-Identifier: MIT
#include "agent/dryrun.h"

#include "agent/planoutput.h"
#include "shared/config/operatorconfig.h"
#include "shared/kube/kubeclient.h"
#include "shared/sync/operatorclients.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/snapshotjob.h"
#include "shared/sync/workloadstatejob.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace Amo::Agent {

DryRun::DryRun(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger,
               std::FILE *out)
    : m_config(config)
    , m_clients(clients)
    , m_logger(logger)
    , m_out(out)
{
}

int DryRun::run()
{
    const Clock &clock = m_clients.kube()->clock();
    auto *job = new Sync::SnapshotJob(m_clients.arm(), m_clients.kube(), m_config.azureSubscriptions, {}, clock);
    Sync::Snapshot snapshot;
    QEventLoop loop;
    QObject::connect(job, &Sync::SnapshotJob::finished, &loop, [&](const Sync::Snapshot &result) {
        snapshot = result;
        loop.quit();
    });
    job->start();
    loop.exec();

    if (!snapshot.clusterError.isEmpty()) {
        m_logger.error(u"cannot read the cluster"_s, {{u"error"_s, snapshot.clusterError}});
        return ExitError;
    }
    if (!snapshot.azureError.isEmpty()) {
        m_logger.error(u"cannot list the subscriptions"_s, {{u"error"_s, snapshot.azureError}});
        return ExitError;
    }
    const Sync::PlanBuilder builder(m_config);
    if (builder.workloadEnabled()) {
        // What workload identity mode plans from: read after the MSIs, for just the identities with a pair.
        auto *workload = new Sync::WorkloadStateJob(
            m_clients.kube(), m_clients.arm(),
            builder.workloadIdentities(builder.map(snapshot.catalog.msis(), clock.nowUtc())));
        QEventLoop wait;
        QObject::connect(workload, &Sync::WorkloadStateJob::finished, &wait,
                         [&](const Sync::WorkloadStateResult &read) {
                             snapshot.workload = read.state;
                             snapshot.workloadError = read.error;
                             snapshot.workloadRead = true;
                             wait.quit();
                         });
        workload->start();
        wait.exec();
        if (!snapshot.workloadError.isEmpty()) {
            m_logger.error(u"cannot read the workload identity state"_s, {{u"error"_s, snapshot.workloadError}});
            return ExitError;
        }
    }
    const Sync::PlanResult result = builder.build(snapshot, clock.nowUtc());
    const QByteArray text = PlanOutput::render(result.plan, m_config.planOutput);
    std::fwrite(text.constData(), 1, size_t(text.size()), m_out);
    std::fflush(m_out);

    const QStringList failed = snapshot.catalog.failedSubscriptions();
    for (const QString &id : failed) {
        m_logger.error(
            u"subscription listing failed; the plan leaves its MSIs out"_s,
            {{u"subscription"_s, id}, {u"error"_s, snapshot.catalog.subscriptions().value(id.toLower()).lastError}});
    }
    if (!failed.isEmpty())
        return ExitError;
    return result.plan.hasWrites() ? ExitPending : ExitNothingToDo;
}

} // namespace Amo::Agent
