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
    bool isRunning() const { return m_running; }
    /** "12 applied, 0 failed, 48 cancelled of 60" once finished. */
    QString summary() const { return m_summary; }

    /** Esc: while writing, asks for a cancel (the dialog stays until the items in flight finished). */
    void reject() override;

protected:
    void closeEvent(QCloseEvent *event) override;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_status;
    QProgressBar *m_progress;
    QTreeWidget *m_items;
    QPushButton *m_cancel;
    int m_done = 0;
    bool m_running = true;
    QString m_summary;

    void requestCancel();
    void showResult(int index, const Sync::ActionResult &result);
};

} // namespace Amo::Gui
