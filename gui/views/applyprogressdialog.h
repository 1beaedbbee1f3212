// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/actionresult.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace Amo::Gui {

/** Approve & Sync in progress: one line per approved item with its result, a progress bar and Cancel. */
class ApplyProgressDialog : public QDialog
{
    Q_OBJECT
public:
    ApplyProgressDialog(const QList<Sync::Action> &actions, QWidget *parent = nullptr);

    void onItemFinished(int index, const Sync::ActionResult &result);
    void onFinished(const QList<Sync::ActionResult> &results);
    QTreeWidget *items() const { return m_items; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_status;
    QProgressBar *m_progress;
    QTreeWidget *m_items;
    QPushButton *m_cancel;
    int m_done = 0;
};

} // namespace Amo::Gui
