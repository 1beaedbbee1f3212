// SPDX-License-Identifier: MIT
#include "shared/sandbox/faultinjector.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

FaultInjector::FaultInjector()
    : m_random(1)
{
}

QString FaultInjector::add(FaultRule rule)
{
    if (rule.id.isEmpty())
        rule.id = u"fault-%1"_s.arg(m_nextId++);
    if (!rule.matcher.isValid() || rule.matcher.pattern().isEmpty())
        rule.compile(nullptr);
    // a rule with the same id replaces the old one, so scripts can re-post safely
    remove(rule.id);
    m_rules.append(rule);
    return rule.id;
}

bool FaultInjector::remove(const QString &id)
{
    return m_rules.removeIf([&id](const FaultRule &r) { return r.id == id; }) > 0;
}

void FaultInjector::clear()
{
    m_rules.clear();
}

void FaultInjector::setSeed(quint32 seed)
{
    m_random.seed(seed);
}

FaultDecision FaultInjector::decide(const QByteArray &method, const QString &path, const QByteArray &userAgent)
{
    FaultDecision decision;
    for (FaultRule &rule : m_rules) {
        if (rule.exhausted() || !rule.matches(method, path, userAgent))
            continue;
        const bool isAction = rule.kind != FaultKind::Latency;
        if (isAction && decision.action)
            continue;
        // draw only for fractional rules so adding a rule does not shift other rules' draws
        if (rule.fraction < 1.0 && m_random.generateDouble() >= rule.fraction)
            continue;
        ++rule.fired;
        decision.fired.append(rule.id);
        if (rule.maxDelayMs > 0) {
            decision.delayMs += rule.minDelayMs
                + (rule.maxDelayMs > rule.minDelayMs ? m_random.bounded(rule.maxDelayMs - rule.minDelayMs + 1) : 0);
        }
        if (isAction)
            decision.action = rule;
    }
    return decision;
}

} // namespace Amo::Sandbox
