// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/msi.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Amo::Mapping {

/**
 * Reads MSIs from JSON in ARM's list format ({"value":[…],"nextLink":…}) or as a bare array.
 * Bad items are reported by position and skipped; the good ones are still read.
 */
class MsiListReader
{
public:
    struct Result
    {
        QList<Model::Msi> msis;
        QStringList errors; // each names the culprit: the input, or the item by index and id
        QStringList warnings; // e.g. a nextLink that render mode does not follow
    };

    /** `source` names the input in messages (a file name, or "stdin"). */
    static Result read(const QByteArray &json, const QString &source);
};

} // namespace Amo::Mapping
