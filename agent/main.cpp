// SPDX-License-Identifier: MIT
#include "agent/agentapp.h"

#include <QCoreApplication>

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // Qt's network and DNS threads would each get a malloc arena of their own, whose freed memory
    // stays resident; the agent allocates little off the main thread, so two arenas are plenty.
    mallopt(M_ARENA_MAX, 2);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("azure-msi-operator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AMO_VERSION));
    return Amo::Agent::AgentApp().run(QCoreApplication::arguments());
}
