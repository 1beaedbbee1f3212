// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Model {

/** The parts of an ARM resource ID that the operator needs. ARM IDs are case-insensitive. */
struct ArmResourceId
{
    QString subscriptionId;
    QString resourceGroup;
    QString provider; // e.g. Microsoft.ManagedIdentity
    QString resourceType; // e.g. userAssignedIdentities
    QString name;

    /** Parses "/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}" in any letter case. */
    static bool parse(const QString &id, ArmResourceId *out, QString *error);
    bool isUserAssignedIdentity() const;
};

} // namespace Amo::Model
