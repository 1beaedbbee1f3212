// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Amo {

/**
 * Writes JSON values as block-style YAML that kubectl reads back to the same JSON.
 * Kubernetes' usual key order (apiVersion, kind, metadata, spec, …) is kept; other keys are sorted.
 */
class YamlWriter
{
public:
    /** One YAML document, without the leading "---". */
    static QString document(const QJsonObject &object);
    /** A scalar as YAML writes it: plain when that is unambiguous, else double-quoted. */
    static QString scalar(const QString &value);
};

} // namespace Amo
