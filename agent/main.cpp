// SPDX-License-Identifier: MIT
#include "agent/agentapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("azure-msi-operator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AMO_VERSION));
    return Amo::Agent::AgentApp().run(QCoreApplication::arguments());
}
