// SPDX-License-Identifier: MIT
#pragma once

#include "kubeobject.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace Amo::Sandbox {

class KubeResourceType;

/**
 * Server-side printing (Accept: application/json;as=Table;g=meta.k8s.io;v=v1): a meta.k8s.io/v1
 * Table with the CRDs' additionalPrinterColumns, the built-in kinds' printer columns, or the
 * default Name / Created At columns, as kube-apiserver's table convertors build them.
 */
class KubeTable
{
public:
    /** True when @p accept asks for a Table first and the simulator can print @p type. */
    static bool wanted(const QByteArray &accept, const KubeResourceType &type);
    /** The Table for @p items; @p includeObject is None, Metadata (default) or Object. */
    static QJsonObject build(const KubeResourceType &type, const QList<KubeObjectPtr> &items,
                             const QString &includeObject, const QDateTime &now);
    /** k8s.io/apimachinery's duration.HumanDuration, as the printers' AGE column. */
    static QString humanDuration(qint64 seconds);
};

} // namespace Amo::Sandbox
