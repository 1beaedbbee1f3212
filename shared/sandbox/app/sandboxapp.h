// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

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

private:
    QByteArray kubeconfig(const QString &directory) const;
    QByteArray environmentJson() const;
    QByteArray envFile(const QString &directory) const;

    const Sandbox &m_sandbox;
    mutable QStringList m_written;
};

} // namespace Amo::Sandbox
