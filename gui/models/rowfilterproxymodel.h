// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace Amo::Gui {

/** Sorts by the models' SortRole and keeps rows whose text matches in any column and whose state is the chosen one. */
class RowFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RowFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    /** Only rows in this RowState (as int); nullopt: any state. */
    void setState(std::optional<int> state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    std::optional<int> m_state;
};

} // namespace Amo::Gui
