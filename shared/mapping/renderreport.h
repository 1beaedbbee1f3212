// SPDX-License-Identifier: MIT
#pragma once

#include "shared/mapping/msimapping.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Amo::Mapping {

/** Writes mappings as kubectl-ready YAML, or as a JSON report with the raw template outputs and skips. */
class RenderReport
{
public:
    /** Multi-document YAML of every desired AzureIdentity ("---" before each). */
    static QString yaml(const QList<MsiMapping> &mappings);
    /** One line per skip and warning, for stderr. */
    static QString skipLines(const QList<MsiMapping> &mappings);
    /**
     * {"msis":[{"id","templates":{"namespace":{"output"|"error"},"resourcename":{…}},
     *           "objects":[…],"skips":[{"kind","namespace","reason"}],"warnings":[…]}]}
     */
    static QJsonObject json(const QList<MsiMapping> &mappings);
};

} // namespace Amo::Mapping
