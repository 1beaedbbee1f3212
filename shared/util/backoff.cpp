// SPDX-License-Identifier: MIT
#include "shared/util/backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Amo {

qint64 Backoff::delayMs(int retry) const
{
    return delayMs(retry, QRandomGenerator::global()->generateDouble());
}

qint64 Backoff::delayMs(int retry, double random) const
{
    const qint64 ceiling = std::min<qint64>(capMs, baseMs << std::clamp(retry, 0, 30));
    const double factor = minFactor + std::clamp(random, 0.0, 1.0) * (maxFactor - minFactor);
    return std::min<qint64>(capMs, qint64(double(ceiling) * factor));
}

} // namespace Amo
