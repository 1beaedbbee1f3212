// SPDX-License-Identifier: MIT
#include "agent/demoenvironment.h"

#include "shared/sandbox/app/sandboxapp.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenario.h"

#include <QFile>

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
    QFile env(m_dir.filePath(u"sandbox.env"_s));
    if (!env.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + env.fileName() + u": "_s + env.errorString();
        return false;
    }
    // KEY="value" lines, double-quoted with backslash escapes.
    while (!env.atEnd()) {
        const QString line = QString::fromUtf8(env.readLine()).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        if (line.startsWith(u'#') || eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"')) {
            value = value.mid(1, value.size() - 2);
            value.replace(u"\\\""_s, u"\""_s).replace(u"\\\\"_s, u"\\"_s);
        }
        m_environment.insert(line.left(eq), value);
    }
    return true;
}

} // namespace Amo::Agent
