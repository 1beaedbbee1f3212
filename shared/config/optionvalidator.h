// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/optionspec.h"

#include <QString>

namespace Amo::Config {

/**
 * Judges option values this layer can judge without Azure or a cluster. Each check returns an empty
 * string when the value is fine, else what was expected ("a Go duration greater than zero").
 */
class OptionValidator
{
public:
    /** Normalises one value before it is checked (namespace names are trimmed and lower-cased). */
    static QString normalize(OptionCheck check, const QString &value);

    static QString checkString(OptionCheck check, const QString &value);
    static QString checkDuration(OptionCheck check, GoDuration value);
    static QString checkNumber(OptionCheck check, double value);

    /** Kubernetes names and keys, as apimachinery's validation defines them. */
    static bool isDnsLabel(const QString &value);
    static bool isDnsSubdomain(const QString &value);
    static bool isQualifiedName(const QString &value);
    /** `[host]:port` as Go's net.Listen takes it: ":8080", "0.0.0.0:8080", "[::1]:8080". */
    static bool isHostPort(const QString &value);
};

} // namespace Amo::Config
