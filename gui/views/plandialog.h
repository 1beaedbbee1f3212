// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QDialog>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Amo::Gui {

/**
 * The preview: the plan as a checklist grouped by action, with the summary. Writes start ticked;
 * reports are listed for reading only. Approve & Sync hands the ticked items to the main window.
 */
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlanDialog(const DashboardDataPtr &basis, QWidget *parent = nullptr);

    const DashboardDataPtr &basis() const { return m_basis; }
    /** The ticked write actions, in plan order. */
    QList<Sync::Action> tickedActions() const;
    /** Ticks exactly the write actions whose plan index is in @p indices. */
    void setTicked(const QList<int> &indices);
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void approveRequested();

private:
    void fill();
    void updateCount();
    QList<QTreeWidgetItem *> actionItems() const;

    DashboardDataPtr m_basis;
    QLabel *m_summary;
    QLabel *m_count;
    QTreeWidget *m_tree;
};

} // namespace Amo::Gui
