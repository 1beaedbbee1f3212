// SPDX-License-Identifier: MIT
#include "agent/demoenvironment.h"

#include "shared/sandbox/app/sandboxapp.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenario.h"

using namespace Qt::StringLiterals;

namespace Amo::Agent {

DemoEnvironment::DemoEnvironment()
    : m_sandbox(std::make_unique<Sandbox::Sandbox>())
{
}

DemoEnvironment::~DemoEnvironment() = default;

QString DemoEnvironment::scenarioResource()
{
    return u":/demo/demo-scenario.json"_s;
}

bool DemoEnvironment::start(QString *error, const QString &scenarioPath)
{
    const std::optional<Sandbox::Scenario> scenario = Sandbox::Scenario::load(scenarioPath, error);
    if (!scenario)
        return false;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary folder: "_s + m_dir.errorString();
        return false;
    }
    if (!m_sandbox->start(*scenario)) {
        *error = m_sandbox->errorString();
        return false;
    }
    const Sandbox::SandboxApp files(*m_sandbox);
    if (!files.writeClientFiles(m_dir.path(), error))
        return false;
    for (const auto &[key, value] : files.environment(m_dir.path()))
        m_environment.insert(key, value);
    return true;
}

} // namespace Amo::Agent
