// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QDialog>
#include <QHash>
#include <QVector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Amo::Gui {

/**
 * The preview: the plan as a checklist grouped by action, with the summary. Writes start ticked;
 * reports are listed for reading only. Approve & Sync hands the ticked items to the main window.
 * A re-point that waits for its AzureIdentity's write is tied to it: ticking the re-point ticks the
 * identity, unticking the identity unticks the re-point (the applier refuses one without the other).
 */
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlanDialog(const DashboardDataPtr &basis, QWidget *parent = nullptr);

    const DashboardDataPtr &basis() const { return m_basis; }
    /** The ticked write actions, in plan order. */
    QList<Sync::Action> tickedActions() const;
    /** Ticks exactly the write actions whose plan index is in @p indices (and what they need). */
    void setTicked(const QList<int> &indices);
    int tickedCount() const { return m_tickedCount; }
    /** The plan with only the ticked writes (reports kept): what Export saves. */
    Sync::Plan tickedPlan() const;
    QTreeWidget *tree() const { return m_tree; }
    /** Hides Approve & Sync when read only; disables it while applying or without write access. */
    void setWriteState(bool readOnly, bool applying, const QString &denied);
    /** The world changed since this plan was computed: say so, and refuse nothing here (the re-check does). */
    void markStale(const QString &why);
    bool isStale() const { return m_isStale; }

Q_SIGNALS:
    void approveRequested();

private:
    void fill();
    void onItemChanged(QTreeWidgetItem *item);
    void scheduleCount();
    void updateCount();

    DashboardDataPtr m_basis;
    QLabel *m_summary;
    QLabel *m_stale;
    QLabel *m_count;
    QTreeWidget *m_tree;
    QPushButton *m_approve = nullptr;
    QVector<QTreeWidgetItem *> m_items; // by plan index
    QVector<char> m_ticked; // by plan index: 1 when a write is ticked
    int m_tickedCount = 0;
    QHash<QString, int> m_identityWrites; // "ns/name" -> plan index of its create or update
    QHash<QString, QList<int>> m_waitingRepoints; // "ns/name" -> re-points that wait for that identity
    bool m_countPending = false;
    bool m_isStale = false;
};

} // namespace Amo::Gui
