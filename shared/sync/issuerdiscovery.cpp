// SPDX-License-Identifier: MIT
#include "shared/sync/issuerdiscovery.h"

#include "shared/kube/kubeclient.h"
#include "shared/kube/requestjob.h"

#include <QEventLoop>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

QString IssuerDiscovery::discover(Kube::KubeClient *kube, QString *error)
{
    Kube::RequestJob *job = kube->getPath(path(), Kube::Resource::ServiceAccounts);
    Kube::KubeResponse response;
    QEventLoop loop;
    QObject::connect(job, &Kube::RequestJob::finished, &loop, [&](const Kube::KubeResponse &answer) {
        response = answer;
        loop.quit();
    });
    job->start();
    loop.exec();

    const QString where = kube->url(path()).toString();
    const QString hint = tr("set --workloadidentity.issuer (WORKLOADIDENTITY_ISSUER) to the cluster's service "
                            "account issuer, e.g. the AKS OIDC issuer URL");
    if (!response.ok()) {
        *error
            = tr("cannot discover the service account issuer from %1: %2; %3").arg(where, response.error.message, hint);
        return {};
    }
    const QString issuer = response.object.value(u"issuer"_s).toString();
    const QUrl url(issuer, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty()) {
        *error = tr("%1 names no https issuer (\"issuer\": \"%2\"); Azure accepts only https issuers; %3")
                     .arg(where, issuer, hint);
        return {};
    }
    return issuer;
}

} // namespace Amo::Sync
