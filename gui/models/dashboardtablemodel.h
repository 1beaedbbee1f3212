// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace Amo::Gui {

/**
 * The common frame of the four views' models: one row per entry of a row list of a DashboardData,
 * a state column with accent colours, and roles for sorting and the state filter.
 */
class DashboardTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // the value to sort by (numbers for counts and days)
        StateRole, // int(RowState) of the row, on every column
    };

    explicit DashboardTableModel(QObject *parent = nullptr);

    void setDashboard(const DashboardDataPtr &data);
    const DashboardDataPtr &dashboard() const { return m_data; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    /**
     * Whether @p left sorts before @p right on @p column. Compares keys made once per load and
     * column, so sorting 10,000 rows does not build two QVariants per comparison.
     */
    bool lessThan(int left, int right, int column) const;

    virtual int stateColumn() const = 0;
    /** The row's main name and ID, for the copy actions. */
    virtual QString nameOf(int row) const = 0;
    virtual QString idOf(int row) const = 0;

protected:
    virtual int count(const DashboardData &data) const = 0;
    virtual QStringList headers() const = 0;
    virtual QVariant cell(int row, int column) const = 0;
    virtual RowState stateOf(int row) const = 0;
    virtual QVariant sortValue(int row, int column) const { return cell(row, column); }
    virtual QString toolTip(int row, int column) const;

    DashboardDataPtr m_data;

private:
    struct SortKey
    {
        bool isNumber = false;
        double number = 0;
        QString text; // case-folded
    };
    const std::vector<SortKey> &sortKeys(int column) const;

    mutable std::vector<std::vector<SortKey>> m_sortKeys; // per column, built on first sort
    mutable int m_columnCount = -1; // the number of headers(), which no language change alters
};

} // namespace Amo::Gui
