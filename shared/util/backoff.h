// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Amo {

/**
 * Exponential backoff with jitter, the one formula behind every retry: the ceiling base·2^retry
 * (capped), scaled by a random factor in [minFactor, maxFactor), capped again. The jitter spreads
 * clients apart so that they do not retry in lockstep. The Kubernetes client and informers use
 * "equal jitter" ([0.5, 1): half fixed, half random); ARM uses the Azure SDKs' [0.8, 1.3).
 */
struct Backoff
{
    qint64 baseMs = 200;
    qint64 capMs = 10000;
    double minFactor = 0.5;
    double maxFactor = 1.0;

    /** The wait before retry number @p retry (0-based). */
    qint64 delayMs(int retry) const;
    /** The same for a given draw @p random in [0, 1); delayMs(retry) draws it. */
    qint64 delayMs(int retry, double random) const;
};

} // namespace Amo
