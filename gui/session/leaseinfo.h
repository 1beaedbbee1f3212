// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Amo::Gui {

/** The agent's leader Lease as last read: who holds it and whether that hold is still current. */
struct LeaseInfo
{
    QString holder; // spec.holderIdentity; empty: nobody
    QDateTime renewTime; // UTC
    int durationSeconds = 0;

    /** Held and not expired at @p nowUtc: an in-cluster agent is writing. */
    bool isActive(const QDateTime &nowUtc) const
    {
        return !holder.isEmpty() && renewTime.isValid() && renewTime.addSecs(durationSeconds) > nowUtc;
    }

    /** Reads a coordination.k8s.io/v1 Lease. */
    static LeaseInfo fromJson(const QJsonObject &lease)
    {
        const QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
        LeaseInfo info;
        info.holder = spec.value(QLatin1String("holderIdentity")).toString();
        info.renewTime = QDateTime::fromString(spec.value(QLatin1String("renewTime")).toString(), Qt::ISODateWithMs);
        info.renewTime.setTimeSpec(Qt::UTC);
        info.durationSeconds = spec.value(QLatin1String("leaseDurationSeconds")).toInt();
        return info;
    }
};

} // namespace Amo::Gui
