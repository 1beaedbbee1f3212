// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Amo::Gui {

/** What the details pane shows for one row: desired and live YAML, and the raw template outputs. */
struct DetailsContent
{
    QString title;
    QString desiredYaml;
    QString liveYaml;
    QString templateOutputs;
};

/**
 * Builds the details of a selected row: the objects as the next sync would leave them (the live object
 * with the planned patch applied, or the object to create) next to the objects as they are now.
 */
class DetailsBuilder
{
    Q_DECLARE_TR_FUNCTIONS(DetailsBuilder)
public:
    static DetailsContent forMsi(const DashboardData &data, int mapping);
    static DetailsContent forIdentity(const DashboardData &data, const QString &ns, const QString &name);
    static DetailsContent forBinding(const DashboardData &data, const QString &ns, const QString &name);
    static DetailsContent forNamespace(const DashboardData &data, const QString &name);

    static QJsonObject liveIdentity(const Model::ObservedIdentity &identity);
    static QJsonObject liveBinding(const Model::ObservedBinding &binding);

private:
    /** The desired and live YAML of one AzureIdentity; @p fallback is used when nothing exists or is planned. */
    static std::pair<QString, QString> identityYaml(const DashboardData &data, const QString &ns, const QString &name,
                                                    const QJsonObject &fallback);
};

} // namespace Amo::Gui
