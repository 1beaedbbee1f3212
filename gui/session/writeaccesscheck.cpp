// SPDX-License-Identifier: MIT
#include "gui/session/writeaccesscheck.h"

#include "shared/kube/kubeclient.h"
#include "shared/kube/requestjob.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Sync::Action;

WriteAccessCheck::WriteAccessCheck(Kube::KubeClient *client, const QList<Action> &writes, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    for (const Action &action : writes) {
        switch (action.kind) {
        case Action::Kind::CreateIdentity:
            m_needs[{u"create"_s, u"azureidentities"_s}].insert(action.namespaceName);
            break;
        case Action::Kind::UpdateIdentity:
            m_needs[{u"patch"_s, u"azureidentities"_s}].insert(action.namespaceName);
            break;
        case Action::Kind::RepointBinding:
            m_needs[{u"patch"_s, u"azureidentitybindings"_s}].insert(action.namespaceName);
            break;
        case Action::Kind::CreateServiceAccount:
            m_needs[{u"create"_s, u"serviceaccounts"_s}].insert(action.namespaceName);
            break;
        case Action::Kind::UpdateServiceAccount:
            m_needs[{u"patch"_s, u"serviceaccounts"_s}].insert(action.namespaceName);
            break;
        default:
            break;
        }
    }
}

void WriteAccessCheck::start()
{
    m_pending = 1; // held until every cluster-wide question is out
    for (auto it = m_needs.cbegin(); it != m_needs.cend(); ++it)
        ask(it.key(), QString());
    --m_pending;
    finishIfDone();
}

void WriteAccessCheck::ask(const Need &need, const QString &ns)
{
    // ServiceAccounts are core/v1 (the empty group); the rest is aad-pod-identity's
    const QString group = need.resource == u"serviceaccounts" ? QString() : u"aadpodidentity.k8s.io"_s;
    QJsonObject attributes {{u"verb"_s, need.verb}, {u"group"_s, group}, {u"resource"_s, need.resource}};
    if (!ns.isEmpty())
        attributes.insert(u"namespace"_s, ns);
    const QJsonObject review {{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                              {u"kind"_s, u"SelfSubjectAccessReview"_s},
                              {u"spec"_s, QJsonObject {{u"resourceAttributes"_s, attributes}}}};
    // a question changes nothing on the server: safe to retry
    auto *job = new Kube::RequestJob(m_client, "POST", Kube::Resource::SelfSubjectAccessReviews, {}, {}, {},
                                     QJsonDocument(review).toJson(QJsonDocument::Compact), "application/json",
                                     Kube::RequestJob::Retry::Safe, m_client); // dies with its client
    ++m_pending;
    connect(job, &Kube::RequestJob::finished, this,
            [this, need, ns](const Kube::KubeResponse &response) { onAnswer(need, ns, response); });
    job->start();
}

void WriteAccessCheck::onAnswer(const Need &need, const QString &ns, const Kube::KubeResponse &response)
{
    --m_pending;
    if (!response.ok()) {
        if (m_error.isEmpty())
            m_error = tr("the API server did not answer a SelfSubjectAccessReview: %1").arg(response.error.message);
    } else if (!response.object.value(u"status"_s).toObject().value(u"allowed"_s).toBool()) {
        if (ns.isEmpty()) {
            // not everywhere: maybe in each namespace that needs it
            for (const QString &target : m_needs.value(need))
                ask(need, target);
        } else {
            m_denied << tr("you may not %1 %2 in namespace %3").arg(need.verb, need.resource, ns);
        }
    }
    finishIfDone();
}

void WriteAccessCheck::finishIfDone()
{
    if (m_pending > 0 || m_done)
        return;
    m_done = true;
    WriteAccess access;
    if (!m_denied.isEmpty()) {
        m_denied.sort();
        access.state = WriteAccess::State::Denied;
        const qsizetype more = m_denied.size() - 3;
        access.reason = QStringList(m_denied.mid(0, 3)).join(u"; "_s);
        if (more > 0)
            access.reason += tr(" (and %n more)", nullptr, int(more));
    } else if (!m_error.isEmpty()) {
        access.state = WriteAccess::State::Unknown;
        access.reason = m_error;
    } else {
        access.state = WriteAccess::State::Allowed;
    }
    Q_EMIT finished(access);
    deleteLater();
}

} // namespace Amo::Gui
