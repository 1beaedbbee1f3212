// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"
#include "shared/sync/operatorclients.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <memory>

namespace Amo::Sandbox {
class Sandbox;
struct Scenario;
} // namespace Amo::Sandbox

namespace Amo::Gui {

/**
 * The embedded simulator behind the Demo profile: starts a Sandbox on loopback, writes its client
 * files (kubeconfig, Azure environment, sandbox.env) into a private temporary folder and turns them
 * into the options and environment the operator's clients are built from.
 *
 * The simulator runs in a thread of its own: serving 10,000 MSIs on the GUI thread froze the window
 * for seconds. The Sandbox is created, used and destroyed on that thread only; reach it through
 * runInSandbox().
 */
class DemoHost
{
    Q_DECLARE_TR_FUNCTIONS(DemoHost)
public:
    DemoHost();
    ~DemoHost();

    /** The scenario bundled with the dashboard (resources/sandbox/demo-scenario.json). */
    static QString bundledScenarioPath();

    bool start(QString *error);
    bool start(const Sandbox::Scenario &scenario, QString *error);

    /** @p base with the sandbox's cloud and kubeconfig filled in. */
    Config::OperatorConfig config(Config::OperatorConfig base = {}) const;
    /** The variables of sandbox.env on top of nothing else: the demo never sees the user's credentials. */
    Sync::ClientEnvironment environment() const { return m_environment; }

    /** Runs @p work on the simulator's thread and waits for it; the only safe way to touch sandbox(). */
    void runInSandbox(const std::function<void()> &work);
    /** Lives on the simulator's thread: use it inside runInSandbox() only. */
    Sandbox::Sandbox &sandbox() { return *m_sandbox; }

private:
    QThread m_thread;
    QObject *m_anchor = nullptr; // lives on m_thread, so queued calls run there
    Sandbox::Sandbox *m_sandbox = nullptr; // created and deleted on m_thread
    QTemporaryDir m_dir;
    Sync::ClientEnvironment m_environment;
};

} // namespace Amo::Gui
