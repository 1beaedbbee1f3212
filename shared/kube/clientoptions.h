// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Kube {

/**
 * Tunables of KubeClient. The operator mostly watches and writes little, so the defaults sit
 * above client-go's 5/10 only as far as start-up needs: three initial lists of 30,000 objects are
 * ~180 pages, which a burst of 50 refilled at 10/s finishes in about 13 s, while a steady
 * trickle of writes never comes near the limit and leaves API Priority and Fairness headroom.
 */
struct ClientOptions
{
    static constexpr double DefaultQps = 10.0;
    static constexpr int DefaultBurst = 50;

    double qps = DefaultQps; // --kubernetes.qps / KUBERNETES_QPS; <= 0: unlimited
    int burst = DefaultBurst; // --kubernetes.burst / KUBERNETES_BURST
    int maxInFlight = 16; // non-watch requests at once
    int requestTimeoutMs = 30 * 1000;
    int maxRetries = 5; // after the first attempt; Retry-After waits count too
    int backoffBaseMs = 200;
    int backoffCapMs = 10 * 1000;
    int maxRetryAfterSeconds = 60; // longer Retry-After values are capped
    int listPageSize = 500;
    int execTimeoutMs = 120 * 1000;
    QString userAgent; // empty: "azure-msi-operator/AMO_VERSION"
};

} // namespace Amo::Kube
