// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Amo::Sandbox {
class Sandbox;
}

namespace Amo::Agent {

/**
 * The embedded simulator for --demo: Azure AD, ARM and the Kubernetes API on a loopback port,
 * loaded with the bundled scenario. It writes the same client files as azure-msi-sandbox and
 * hands back the environment that points the agent at them, so the demo runs the real code paths.
 */
class DemoEnvironment
{
public:
    DemoEnvironment();
    ~DemoEnvironment();

    /** Starts the simulator with a scenario file (the bundled one by default); false with *error on failure. */
    bool start(QString *error, const QString &scenarioPath = scenarioResource());
    /** Where the client files are: kubeconfig, azure-environment.json, sandbox.env. */
    QString directory() const { return m_dir.path(); }
    /** AZURE_*, KUBECONFIG and friends, as in the sandbox.env file. */
    const QHash<QString, QString> &environment() const { return m_environment; }
    Sandbox::Sandbox &sandbox() { return *m_sandbox; }
    /** Where the bundled scenario is compiled in. */
    static QString scenarioResource();

private:
    std::unique_ptr<Sandbox::Sandbox> m_sandbox;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_environment;
};

} // namespace Amo::Agent
