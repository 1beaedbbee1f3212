// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"
#include "shared/sync/operatorclients.h"

#include <QCoreApplication>
#include <QTemporaryDir>

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

    Sandbox::Sandbox &sandbox() { return *m_sandbox; }

private:
    std::unique_ptr<Sandbox::Sandbox> m_sandbox;
    QTemporaryDir m_dir;
    Sync::ClientEnvironment m_environment;
};

} // namespace Amo::Gui
