// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Model {

/** Why an MSI, or one of its target namespaces, is not turned into an AzureIdentity. */
struct Skip
{
    enum class Kind {
        TemplateError, // a template failed to execute
        NoNamespace, // the namespace template produced nothing
        IgnoredNamespace, // on the ignore list
        InvalidNamespace, // not a DNS-1123 label
        DuplicateNamespace, // listed twice
        InvalidName, // the name template's output is not a DNS-1123 subdomain
    };

    Kind kind = Kind::TemplateError;
    QString msiId;
    QString namespaceName; // empty when the whole MSI is skipped
    QString reason; // human-readable, names the culprit

    static QString kindName(Kind kind);
    bool operator==(const Skip &) const = default;
};

} // namespace Amo::Model
