// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

namespace Amo::Sandbox {

/** Builds large, reproducible scenarios for load tests and benchmarks. */
class ScenarioGenerator
{
public:
    struct Parameters
    {
        int msis = 1000; // N
        int namespaces = 50; // K
        int bindings = 200; // B
        double driftedFraction = 0.1; // F: share of bindings pointing at an outdated AzureIdentity name
        int subscriptions = 3;
        quint32 seed = 1;
    };

    /** Parses "N:K:B:F" (e.g. "5000:200:1000:0.05"); false on a malformed text. */
    static bool parse(const QString &text, Parameters *parameters);
    static QJsonObject generate(const Parameters &parameters);
};

} // namespace Amo::Sandbox
