// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Amo::Sandbox {

class Sandbox;

/** Writes what clients need to reach a running sandbox: kubeconfig, Azure environment file, sandbox.env. */
class SandboxApp
{
public:
    explicit SandboxApp(const Sandbox &sandbox)
        : m_sandbox(sandbox)
    {
    }

    /** Writes DIR/kubeconfig, DIR/azure-environment.json, DIR/sandbox.env (and DIR/ca.crt with TLS). */
    bool writeClientFiles(const QString &directory, QString *error) const;
    QStringList writtenFiles() const { return m_written; }
    /**
     * The variables of DIR/sandbox.env (AZURE_*, KUBECONFIG, SANDBOX_*, …) for the files in @p directory,
     * so in-process callers need not read the file back.
     */
    QList<std::pair<QString, QString>> environment(const QString &directory) const;

private:
    QByteArray kubeconfig(const QString &directory) const;
    QByteArray environmentJson() const;
    QByteArray envFile(const QString &directory) const;

    const Sandbox &m_sandbox;
    mutable QStringList m_written;
};

} // namespace Amo::Sandbox
