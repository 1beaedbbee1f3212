// SPDX-License-Identifier: MIT
// MainWindow: toolbar actions, shortcuts, status bar and context menus.
#include "gui/models/dashboardtablemodel.h"
#include "gui/models/rowfilterproxymodel.h"
#include "gui/session/dashboardsession.h"
#include "gui/session/migrationreport.h"
#include "gui/views/applyprogressdialog.h"
#include "gui/views/dashboardicons.h"
#include "gui/views/detailspane.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/planexport.h"
#include "gui/views/userprompt.h"
#include "gui/views/yamldiffview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSaveFile>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

void MainWindow::buildActions()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    buildProfileBar(bar);
    bar->addSeparator();
    auto add = [this, bar](const QString &objectName, const QString &text, const QString &icon,
                           QStyle::StandardPixmap fallback, const QKeySequence &key, const QString &tip) {
        auto *action = new QAction(DashboardIcons::icon(icon, fallback), text, this);
        action->setObjectName(objectName);
        action->setShortcut(key);
        action->setToolTip(tip);
        bar->addAction(action);
        return action;
    };
    m_refreshAction = add(u"refreshAction"_s, tr("Refresh"), u"view-refresh"_s, QStyle::SP_BrowserReload,
                          QKeySequence(Qt::Key_F5), tr("Read Azure and the cluster again (F5)"));
    m_cancelAction = add(u"cancelAction"_s, tr("Cancel"), u"process-stop"_s, QStyle::SP_BrowserStop,
                         QKeySequence(Qt::Key_Escape), tr("Stop the read in progress (Esc)"));
    bar->addSeparator();
    m_previewAction
        = add(u"previewAction"_s, tr("Preview"), u"document-preview"_s, QStyle::SP_FileDialogContentsView,
              QKeySequence(Qt::CTRL | Qt::Key_P), tr("Compute the plan and show it as a checklist (Ctrl+P)"));
    m_approveAction = add(u"approveAction"_s, tr("Approve && Sync"), u"emblem-ok"_s, QStyle::SP_DialogApplyButton,
                          QKeySequence(Qt::CTRL | Qt::Key_Return),
                          tr("Apply exactly the items ticked in the preview (Ctrl+Return)"));
    bar->addSeparator();
    m_exportJsonAction = add(
        u"exportJsonAction"_s, tr("Export JSON…"), u"document-save"_s, QStyle::SP_DialogSaveButton, {},
        tr("Save the whole plan of the latest read as JSON, every item (the preview exports only the ticked ones)"));
    m_exportYamlAction = add(
        u"exportYamlAction"_s, tr("Export YAML…"), u"document-save-as"_s, QStyle::SP_DialogSaveButton, {},
        tr("Save the whole plan of the latest read as YAML, every item (the preview exports only the ticked ones)"));
    m_exportMigrationAction
        = add(u"exportMigrationAction"_s, tr("Export migration…"), u"document-export"_s, QStyle::SP_DialogSaveButton,
              {}, tr("Save the Migration view as a report (Markdown or CSV) a team can act on"));
    bar->addSeparator();
    m_workloadAction
        = add(u"workloadIdentityAction"_s, tr("Workload identity"), u"system-users"_s, QStyle::SP_DirLinkIcon, {},
              tr("Workload identity mode: also plan ServiceAccounts and federated credentials, and "
                 "read the pods for the Migration view"));
    m_workloadAction->setCheckable(true);
    bar->addSeparator();
    m_resultsAction
        = add(u"applyResultsAction"_s, tr("Apply results"), u"view-list-details"_s, QStyle::SP_FileDialogDetailedView,
              {}, tr("Show the per-item results of the latest Approve & Sync"));
    connect(m_resultsAction, &QAction::triggered, this, [this] {
        if (m_applyDialog) {
            m_applyDialog->show();
            m_applyDialog->raise();
            m_applyDialog->activateWindow();
        }
    });
    connect(m_workloadAction, &QAction::toggled, this, &MainWindow::setWorkloadIdentity);
    connect(m_exportMigrationAction, &QAction::triggered, this, &MainWindow::exportMigrationInteractively);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancel);
    connect(m_previewAction, &QAction::triggered, this, &MainWindow::preview);
    connect(m_approveAction, &QAction::triggered, this, &MainWindow::approve);
    connect(m_exportJsonAction, &QAction::triggered, this, [this] {
        if (m_session && m_session->data())
            PlanExport::saveInteractively(this, m_session->data()->plan, PlanExport::Format::Json);
    });
    connect(m_exportYamlAction, &QAction::triggered, this, [this] {
        if (m_session && m_session->data())
            PlanExport::saveInteractively(this, m_session->data()->plan, PlanExport::Format::Yaml);
    });
    updateActions();
}

void MainWindow::buildStatusBar()
{
    m_status = new QLabel(tr("Not connected"), this);
    m_status->setObjectName(u"statusText"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setMaximumWidth(180);
    m_progress->setVisible(false);
    m_lease = new QLabel(this);
    m_lease->setObjectName(u"leaseText"_s);
    m_lease->setToolTip(tr("Whether an in-cluster agent holds the leader Lease and is writing"));
    m_access = new QLabel(this);
    m_access->setObjectName(u"accessText"_s);
    m_access->setToolTip(tr("Whether you may make the plan's writes, as the API server answered"));
    // the status text gets the room; the others take what they need and no more
    m_status->setMinimumWidth(200);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_access);
    statusBar()->addPermanentWidget(m_lease);
}

void MainWindow::updateActions()
{
    const bool connected = m_session != nullptr;
    const bool loading = connected && m_session->isLoading();
    const bool applying = connected && m_session->isApplying();
    const bool hasData = connected && m_session->data();
    m_refreshAction->setEnabled(connected && !applying);
    m_cancelAction->setEnabled(loading && !applying);
    m_previewAction->setEnabled(connected && !applying);
    m_exportJsonAction->setEnabled(hasData);
    m_exportYamlAction->setEnabled(hasData);
    m_exportMigrationAction->setEnabled(hasData && !m_session->data()->migration.isEmpty());
    m_resultsAction->setEnabled(m_applyDialog != nullptr);
    m_resultsAction->setVisible(!isReadOnly());
    m_approveAction->setVisible(!isReadOnly());
    QString denied;
    if (connected && !isReadOnly()) {
        const WriteAccess access = m_session->writeAccess();
        if (access.state == WriteAccess::State::Denied)
            denied = access.reason;
    }
    m_approveAction->setEnabled(connected && !applying && !loading && !isReadOnly() && denied.isEmpty());
    m_access->setText(isReadOnly()            ? tr("Read only")
                          : !denied.isEmpty() ? tr("No write access: %1").arg(denied)
                                              : QString());
    m_access->setVisible(!m_access->text().isEmpty());
    m_approveAction->setToolTip(denied.isEmpty() ? tr("Apply exactly the items ticked in the preview (Ctrl+Return)")
                                                 : tr("Approve & Sync is disabled: %1").arg(denied));
    if (m_planDialog)
        m_planDialog->setWriteState(isReadOnly(), applying, denied);
}

void MainWindow::setWorkloadIdentity(bool enabled)
{
    if (m_workloadAction->isChecked() != enabled) {
        m_workloadAction->setChecked(enabled); // toggled() comes back here
        return;
    }
    if (m_session && m_session->workloadIdentity() != enabled) {
        m_session->setWorkloadIdentity(enabled);
        refresh();
    }
}

bool MainWindow::workloadIdentity() const
{
    return m_workloadAction->isChecked();
}

bool MainWindow::exportMigration(const QString &path, QString *error) const
{
    if (!m_session || !m_session->data()) {
        *error = tr("Nothing is loaded yet.");
        return false;
    }
    const auto format = path.endsWith(u".csv"_s, Qt::CaseInsensitive) ? MigrationReport::Format::Csv
                                                                      : MigrationReport::Format::Markdown;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(MigrationReport::render(m_session->data()->migration, format)) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::exportMigrationInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the migration report"), u"migration.md"_s,
                                                      tr("Markdown (*.md);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportMigration(path, &error))
        setStatus(tr("Migration report saved to %1.").arg(path));
    else
        UserPrompt::inform(this, tr("Export migration"), error);
}

void MainWindow::setReadOnly(bool readOnly)
{
    m_profileReadOnly = readOnly;
    updateActions();
    updateTitle();
}

void MainWindow::setForcedReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
    updateTitle();
}

void MainWindow::showContextMenu(View view, const QPoint &pos)
{
    const QModelIndex index = m_tables[view]->indexAt(pos);
    if (!index.isValid())
        return;
    const int row = m_proxies[view]->mapToSource(index).row();
    DashboardTableModel *model = m_models[view];
    QMenu menu(this);
    auto copy = [&menu](const QString &text, const QString &value, const QString &tip) {
        QAction *action = menu.addAction(text, &menu, [value] { QApplication::clipboard()->setText(value); });
        action->setToolTip(tip);
        action->setEnabled(!value.isEmpty());
    };
    copy(tr("Copy name"), model->nameOf(row), tr("Copy the row's name to the clipboard"));
    copy(tr("Copy ID"), model->idOf(row), tr("Copy the row's ID to the clipboard"));
    if (view == Msis) {
        const QModelIndex client = model->index(row, 4);
        copy(tr("Copy client ID"), client.data().toString(), tr("Copy the MSI's client ID"));
    }
    copy(tr("Copy cell"), index.data().toString(), tr("Copy the text of this cell"));
    copy(tr("Copy desired YAML"), m_details->diffView()->desired(), tr("Copy the desired objects as YAML"));
    copy(tr("Copy live YAML"), m_details->diffView()->live(), tr("Copy the live objects as YAML"));
    menu.setToolTipsVisible(true);
    menu.exec(m_tables[view]->viewport()->mapToGlobal(pos));
}

} // namespace Amo::Gui
