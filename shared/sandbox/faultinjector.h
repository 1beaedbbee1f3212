// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/faultrule.h"

#include <QList>
#include <QRandomGenerator>

namespace Amo::Sandbox {

/** What the server does to one request. */
struct FaultDecision
{
    int delayMs = 0; // summed from every matching latency rule (and a latency on the action rule)
    std::optional<FaultRule> action; // the first matching non-latency rule that fired
    QStringList fired; // ids of every rule that fired, for the log
};

/** The active fault rules; decides per request, reproducibly for a given seed. */
class FaultInjector
{
public:
    FaultInjector();

    /** Adds a rule and returns its id (a fresh one when the rule has none). */
    QString add(FaultRule rule);
    bool remove(const QString &id);
    void clear();
    QList<FaultRule> rules() const { return m_rules; }
    void setSeed(quint32 seed);

    /** Picks the faults for one request, counting down the rules that fire. */
    FaultDecision decide(const QByteArray &method, const QString &path, const QByteArray &userAgent = {});

private:
    QList<FaultRule> m_rules;
    QRandomGenerator m_random;
    int m_nextId = 1;
};

} // namespace Amo::Sandbox
