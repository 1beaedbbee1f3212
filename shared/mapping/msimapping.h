// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/desiredidentity.h"
#include "shared/model/msi.h"
#include "shared/model/skip.h"

#include <QList>
#include <QStringList>

namespace Amo::Mapping {

/** What one MSI maps to: the raw template outputs, the objects wanted, and what was left out and why. */
struct MsiMapping
{
    Model::Msi msi;
    QString namespaceOutput; // raw output of the namespace template
    QString namespaceError; // its execution error, if any
    QString nameOutput; // raw output of the name template
    QString nameError;
    QList<Model::DesiredIdentity> identities;
    QList<Model::Skip> skips;
    QStringList warnings; // kept objects that lack something, e.g. the lookup labels
};

} // namespace Amo::Mapping
