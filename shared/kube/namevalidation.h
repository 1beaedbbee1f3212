// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Amo::Kube {

/**
 * Kubernetes name and label rules, as apimachinery's validation package states them.
 * Each check returns the list of problems (empty = valid), worded like the API server's.
 */
class NameValidation
{
public:
    static constexpr int Dns1123LabelMaxLength = 63;
    static constexpr int Dns1123SubdomainMaxLength = 253;
    static constexpr int LabelValueMaxLength = 63;
    static constexpr int QualifiedNameMaxLength = 63;

    /** Namespace names. */
    static QStringList dns1123Label(const QString &value);
    /** Object names (AzureIdentity, Lease, Event). */
    static QStringList dns1123Subdomain(const QString &value);
    /** Label values; the empty string is valid. */
    static QStringList labelValue(const QString &value);
    /** Label and annotation keys: an optional DNS-1123 subdomain prefix, '/', and a name part. */
    static QStringList qualifiedName(const QString &value);
};

} // namespace Amo::Kube
