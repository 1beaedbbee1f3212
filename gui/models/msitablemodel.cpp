// SPDX-License-Identifier: MIT
#include "gui/models/msitablemodel.h"

#include "gui/session/rowstatetext.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList MsiTableModel::headers() const
{
    return {tr("Name"),      tr("Subscription"),      tr("Resource group"), tr("Location"), tr("Client ID"),
            tr("Tag value"), tr("Target namespaces"), tr("AzureIdentity"),  tr("State"),    tr("Details"),
            tr("Expires")};
}

QVariant MsiTableModel::cell(int row, int column) const
{
    const MsiRow &r = m_data->msis.at(row);
    switch (column) {
    case Name:
        return r.name;
    case Subscription:
        return r.subscription;
    case ResourceGroup:
        return r.resourceGroup;
    case Location:
        return r.location;
    case ClientId:
        return r.clientId;
    case TagValue:
        return r.tagValue;
    case Namespaces:
        return r.namespaces.join(u", "_s);
    case Identity:
        return r.identityName;
    case State:
        return RowStateText::name(r.state);
    case Details:
        return r.detail;
    case Expires:
        return r.expiry;
    default:
        return {};
    }
}

QString MsiTableModel::nameOf(int row) const
{
    return m_data->msis.at(row).name;
}

QString MsiTableModel::idOf(int row) const
{
    return m_data->msis.at(row).msiId;
}

} // namespace Amo::Gui
