// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboardsession.h"
#include "gui/session/demohost.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"
#include "shared/sandbox/sandbox.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

namespace GuiTest {

using namespace Qt::StringLiterals;

constexpr int kTimeoutMs = 60000;

/** The options the Demo profile uses: binding sync and expiry on, so every view has rows. */
inline Amo::Config::OperatorConfig demoConfig()
{
    Amo::Config::OperatorConfig config;
    config.azureIdentityBindingSync = true;
    config.azureIdentityExpiry = true;
    return config;
}

/** A demo session, opened (simulator running) but not loaded yet. */
inline std::unique_ptr<Amo::Gui::DashboardSession> openDemo(const Amo::Sandbox::Scenario *scenario = nullptr)
{
    auto session = std::make_unique<Amo::Gui::DashboardSession>(demoConfig(), Amo::Sync::ClientEnvironment {}, true);
    if (scenario)
        session->setDemoScenario(*scenario);
    QString error;
    if (!session->open(&error)) {
        qWarning("open: %s", qPrintable(error));
        return nullptr;
    }
    return session;
}

/** Refreshes and waits for the load; null on failure or timeout. */
inline Amo::Gui::DashboardDataPtr load(Amo::Gui::DashboardSession &session)
{
    QSignalSpy loaded(&session, &Amo::Gui::DashboardSession::loaded);
    session.refresh();
    if (!loaded.wait(kTimeoutMs))
        return nullptr;
    return loaded.first().first().value<Amo::Gui::DashboardDataPtr>();
}

/** Runs @p work on the simulator's thread (the demo serves from its own thread) and waits for it. */
inline void inSandbox(Amo::Gui::DashboardSession &session, const std::function<void()> &work)
{
    session.demoHost()->runInSandbox(work);
}

/** The simulator's Kubernetes objects: touch them inside inSandbox() only. */
inline Amo::Sandbox::KubeStore &store(Amo::Gui::DashboardSession &session)
{
    auto *handler = static_cast<Amo::Sandbox::KubeApiHandler *>(session.demoHost()->sandbox().cluster().native());
    return handler->store();
}

inline const Amo::Sandbox::KubeResourceType &typeOf(const QString &plural)
{
    const QString group = plural == u"leases" ? u"coordination.k8s.io"_s : u"aadpodidentity.k8s.io"_s;
    return *Amo::Sandbox::KubeResourceType::find(group, u"v1"_s, plural);
}

/** "kind ns/name" → resourceVersion of every AzureIdentity and binding in the simulator. */
inline QMap<QString, QString> versions(Amo::Gui::DashboardSession &session)
{
    QMap<QString, QString> out;
    inSandbox(session, [&] {
        for (const QString &plural : {u"azureidentities"_s, u"azureidentitybindings"_s}) {
            for (const auto &o : store(session).objects(typeOf(plural))) {
                const QJsonObject meta = o->json().value(u"metadata"_s).toObject();
                out.insert(plural + u' ' + meta.value(u"namespace"_s).toString() + u'/'
                               + meta.value(u"name"_s).toString(),
                           meta.value(u"resourceVersion"_s).toString());
            }
        }
    });
    return out;
}

} // namespace GuiTest
