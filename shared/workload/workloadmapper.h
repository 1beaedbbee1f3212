// SPDX-License-Identifier: MIT
#pragma once

#include "shared/gotext/template.h"
#include "shared/mapping/msimapping.h"
#include "shared/model/skip.h"
#include "shared/workload/workloadoptions.h"
#include "shared/workload/workloadpair.h"

#include <QCoreApplication>
#include <QList>

namespace Amo::Workload {

/** What one MSI maps to in workload identity mode. */
struct WorkloadMapping
{
    QList<WorkloadPair> pairs;
    QList<Model::Skip> skips; // pairs left out, with the culprit named
};

/**
 * Turns an MSI's mapping (its target namespaces, already filtered by the ignore list and validated) into
 * ServiceAccount and federated credential pairs. Pure: same input, same pairs.
 */
class WorkloadMapper
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadMapper)
public:
    explicit WorkloadMapper(WorkloadOptions options);

    bool isValid() const { return m_error.isEmpty(); }
    /** Names the option at fault. */
    QString error() const { return m_error; }

    WorkloadMapping map(const Mapping::MsiMapping &mapping) const;

private:
    QString credentialName(const Model::Msi &msi, const QString &ns, const QString &serviceAccount,
                           QString *problem) const;

    WorkloadOptions m_options;
    GoText::Template m_serviceAccountTemplate;
    GoText::Template m_credentialTemplate;
    QString m_error;
};

} // namespace Amo::Workload
