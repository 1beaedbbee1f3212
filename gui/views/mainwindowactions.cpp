// SPDX-License-Identifier: MIT
// MainWindow: toolbar actions, shortcuts, status bar and context menus.
#include "gui/models/dashboardtablemodel.h"
#include "gui/models/rowfilterproxymodel.h"
#include "gui/session/dashboardsession.h"
#include "gui/views/applyprogressdialog.h"
#include "gui/views/dashboardicons.h"
#include "gui/views/detailspane.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/planexport.h"
#include "gui/views/yamldiffview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
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
    m_exportJsonAction = add(u"exportJsonAction"_s, tr("Export JSON…"), u"document-save"_s, QStyle::SP_DialogSaveButton,
                             {}, tr("Save the current plan as JSON"));
    m_exportYamlAction = add(u"exportYamlAction"_s, tr("Export YAML…"), u"document-save-as"_s,
                             QStyle::SP_DialogSaveButton, {}, tr("Save the current plan as YAML"));
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
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_lease);
}

void MainWindow::updateActions()
{
    const bool connected = m_session != nullptr;
    const bool loading = connected && m_session->isLoading();
    const bool applying = connected && m_session->isApplying();
    const bool hasData = connected && m_session->data();
    m_refreshAction->setEnabled(connected && !applying);
    m_cancelAction->setEnabled(loading);
    m_previewAction->setEnabled(connected && !applying);
    m_approveAction->setEnabled(connected && !applying && !loading);
    m_exportJsonAction->setEnabled(hasData);
    m_exportYamlAction->setEnabled(hasData);
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
