// SPDX-License-Identifier: MIT
#include "gui/models/drifttablemodel.h"

#include "gui/session/rowstatetext.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList DriftTableModel::headers() const
{
    return {tr("Namespace"), tr("Binding"), tr("Points at"), tr("Operator would set"), tr("State"), tr("Details")};
}

QVariant DriftTableModel::cell(int row, int column) const
{
    const DriftRow &r = m_data->drift.at(row);
    switch (column) {
    case Namespace:
        return r.namespaceName;
    case Name:
        return r.name;
    case Current:
        return r.current;
    case Wanted:
        return r.wanted;
    case State:
        return RowStateText::name(r.state);
    case Details:
        return r.detail;
    default:
        return {};
    }
}

QString DriftTableModel::nameOf(int row) const
{
    return m_data->drift.at(row).name;
}

QString DriftTableModel::idOf(int row) const
{
    const DriftRow &r = m_data->drift.at(row);
    return QString(r.namespaceName + u'/' + r.name);
}

} // namespace Amo::Gui
