// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/writeaccess.h"
#include "shared/sync/action.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>

namespace Amo::Kube {
class KubeClient;
struct KubeResponse;
} // namespace Amo::Kube

namespace Amo::Gui {

/**
 * Asks the API server with SelfSubjectAccessReviews whether the user may make a plan's writes:
 * create and patch AzureIdentities and ServiceAccounts, patch AzureIdentityBindings (federated credentials
 * are Azure's to allow, not the API server's). Each verb is asked cluster-wide
 * first; only when that is denied is it asked per affected namespace. Emits finished once, then
 * deletes itself.
 */
class WriteAccessCheck : public QObject
{
    Q_OBJECT
public:
    WriteAccessCheck(Kube::KubeClient *client, const QList<Sync::Action> &writes, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(const Amo::Gui::WriteAccess &access);

private:
    struct Need
    {
        QString verb;
        QString resource; // plural in aadpodidentity.k8s.io
        friend bool operator<(const Need &a, const Need &b)
        {
            return std::tie(a.verb, a.resource) < std::tie(b.verb, b.resource);
        }
    };

    void ask(const Need &need, const QString &ns);
    void onAnswer(const Need &need, const QString &ns, const Kube::KubeResponse &response);
    void finishIfDone();

    Kube::KubeClient *m_client;
    QMap<Need, QSet<QString>> m_needs; // verb on resource -> the namespaces that need it
    QStringList m_denied;
    QString m_error;
    int m_pending = 0;
    bool m_done = false;
};

} // namespace Amo::Gui
