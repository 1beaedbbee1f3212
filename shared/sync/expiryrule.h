// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/gotimelayout.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace Amo::Sync {

/**
 * When to renew the expiry annotation (--azureidentity.expiry.*). Renewing on every sync would make
 * every resync a write, so a value is kept while enough of the duration is left; an identity whose MSI
 * disappears is then no longer renewed and expires within one duration.
 */
class ExpiryRule
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryRule)
public:
    enum class Verdict {
        Keep, // threshold × duration or more left, and no more than the duration
        Missing,
        Unparseable, // does not parse with the configured layout
        Due, // less than threshold × duration left, or already expired
        TooFar, // more than one duration left: the duration was shortened or the value edited by hand
    };

    ExpiryRule(const QString &layout, std::chrono::nanoseconds duration, double threshold);

    /** Judges an existing annotation; @p value is null when the annotation is absent. */
    Verdict judge(const QString &value, const QDateTime &nowUtc) const;
    static bool needsRenewal(Verdict verdict) { return verdict != Verdict::Keep; }

    /** The value written now: now + duration in the configured layout, as the original wrote it. */
    QString valueFor(const QDateTime &nowUtc) const;

private:
    Config::GoTimeLayout m_layout;
    std::chrono::nanoseconds m_duration;
    double m_threshold;
};

} // namespace Amo::Sync
