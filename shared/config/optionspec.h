// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"

#include <QChar>
#include <QString>
#include <QStringList>

#include <variant>

namespace Amo::Config {

/** How an option's text becomes a value. */
enum class OptionKind {
    Bool, // flag by presence; env parsed like strconv.ParseBool, set-but-empty means true
    Toggle, // a Bool with a default that a flag may turn off: --name (true) or --name=false
    String,
    StringList, // flag repeatable; env split on spaces; flags replace env, env replaces the default
    Duration, // Go time.ParseDuration syntax
    Number, // a decimal number, e.g. 10 or 2.5
    Help, // -h/--help: a request, not a setting
    Version, // --version: a request, not a setting
};

/** What this layer can judge about a value beyond its kind; see OptionValidator. */
enum class OptionCheck {
    None,
    PositiveDuration,
    NonNegativeDuration,
    HostPort,
    AnnotationKey,
    NamespaceNames, // list items: trimmed, lower-cased, DNS-1123 labels
    DnsSubdomain,
    OptionalDnsSubdomain,
    OptionalDnsLabel,
    AzureEnvironment,
    SubscriptionIds,
    LabelFormat,
    LabelSelector, // empty, or a Kubernetes label selector
    GoTemplate,
    OptionalGoTemplate, // empty, or a Go template
    OptionalHttpsUrl, // empty, or an absolute https URL
    TimeLayout,
    OptionalExistingFile,
    RenderSource,
    RenderOutput,
    ContextName, // any text a kubeconfig may use, but not blank
    PositiveNumber,
    PositiveInteger,
    Fraction, // greater than 0, at most 1
    PlanOutput, // text, json or yaml
};

/** The OperatorConfig member an option writes; monostate for requests such as --help. */
using OptionField = std::variant<std::monostate, bool OperatorConfig::*, QString OperatorConfig::*,
                                 QStringList OperatorConfig::*, GoDuration OperatorConfig::*, double OperatorConfig::*>;

/** One row of the option table: everything the parser, the help text and the config dump need. */
struct OptionSpec
{
    QString longName; // without "--"
    QChar shortName; // null if none
    QString env; // empty: flag only
    QStringList defaults; // as text; several only for lists
    QString help;
    QString group;
    OptionKind kind = OptionKind::String;
    OptionField field;
    OptionCheck check = OptionCheck::None;
    QString valueName; // shown as --name=VALUE in the help; empty shows "--name="
    QString aliasOf; // long name of the option whose field this one also sets (booleans only)
    bool secret = false; // printed as *** by ConfigDump
};

} // namespace Amo::Config
