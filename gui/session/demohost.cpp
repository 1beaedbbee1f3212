// SPDX-License-Identifier: MIT
#include "gui/session/demohost.h"

#include "shared/sandbox/app/sandboxapp.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenario.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

DemoHost::DemoHost()
    : m_anchor(new QObject)
{
    m_thread.setObjectName(u"demo-simulator"_s);
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    // A QObject with sockets: it must be born on the thread that serves it.
    runInSandbox([this] { m_sandbox = new Sandbox::Sandbox; });
}

DemoHost::~DemoHost()
{
    runInSandbox([this] {
        delete m_sandbox;
        m_sandbox = nullptr;
    });
    m_thread.quit();
    m_thread.wait();
    delete m_anchor; // its thread has ended: nothing can call into it any more
}

void DemoHost::runInSandbox(const std::function<void()> &work)
{
    const bool queued = QMetaObject::invokeMethod(m_anchor, work, Qt::BlockingQueuedConnection);
    Q_ASSERT(queued);
    Q_UNUSED(queued)
}

QString DemoHost::bundledScenarioPath()
{
    return u":/amo/demo-scenario.json"_s;
}

bool DemoHost::start(QString *error)
{
    const auto scenario = Sandbox::Scenario::load(bundledScenarioPath(), error);
    return scenario && start(*scenario, error);
}

bool DemoHost::start(const Sandbox::Scenario &scenario, QString *error)
{
    if (!m_dir.isValid()) {
        *error = tr("Cannot create a temporary folder for the demo: %1").arg(m_dir.errorString());
        return false;
    }
    bool written = false;
    runInSandbox([&] {
        if (!m_sandbox->start(scenario)) {
            *error = tr("The demo simulator did not start: %1").arg(m_sandbox->errorString());
            return;
        }
        const Sandbox::SandboxApp files(*m_sandbox);
        written = files.writeClientFiles(m_dir.path(), error);
        if (written) {
            m_environment.environment = QProcessEnvironment(); // the demo never sees the user's credentials
            for (const auto &[key, value] : files.environment(m_dir.path()))
                m_environment.environment.insert(key, value);
        }
    });
    if (!written)
        return false;
    m_environment.serviceAccountDir = QDir(m_dir.path()).filePath(u"no-service-account"_s);
    return true;
}

Config::OperatorConfig DemoHost::config(Config::OperatorConfig base) const
{
    base.azureEnvironment = m_environment.environment.value(u"AZURE_ENVIRONMENT"_s);
    base.kubeconfig = m_environment.environment.value(u"KUBECONFIG"_s);
    base.kubernetesContext.clear();
    return base;
}

} // namespace Amo::Gui
