// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTabWidget;
class QTableView;

namespace Amo::Gui {

class ApplyProgressDialog;
class DashboardSession;
class DashboardTableModel;
class DetailsPane;
class PlanDialog;
class RowFilterProxyModel;

/** The dashboard window: four views over the latest load, the details pane, Preview and Approve & Sync. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum View { Msis, Namespaces, Drift, Expiry, ViewCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Takes ownership; replaces the current session. */
    void setSession(DashboardSession *session);
    DashboardSession *session() const { return m_session; }
    /** Once the first load finished: render the window to @p path and quit. */
    void setScreenshotPath(const QString &path) { m_screenshot = path; }

    DashboardTableModel *model(View view) const { return m_models[view]; }
    RowFilterProxyModel *proxy(View view) const { return m_proxies[view]; }
    QTableView *table(View view) const { return m_tables[view]; }
    PlanDialog *planDialog() const;
    DetailsPane *details() const { return m_details; }
    QString leaseText() const;

    void refresh();
    void preview();
    void approve();
    void cancel();

private:
    void buildActions();
    void buildViews();
    void buildStatusBar();
    QTableView *makeTable(View view);
    void onLoaded(const DashboardDataPtr &data);
    void onPreviewReady(const DashboardDataPtr &data);
    void onLoadingChanged(bool loading);
    void onLeaseChanged();
    void onSelectionChanged();
    void onApplyRefused(const QStringList &reasons);
    void updateStateFilter();
    void showContextMenu(View view, const QPoint &pos);
    void updateActions();
    void takeScreenshot();
    View currentView() const;

    QPointer<DashboardSession> m_session;
    DashboardTableModel *m_models[ViewCount] = {};
    RowFilterProxyModel *m_proxies[ViewCount] = {};
    QTableView *m_tables[ViewCount] = {};
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    DetailsPane *m_details = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_lease = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_previewAction = nullptr;
    QAction *m_approveAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportYamlAction = nullptr;
    QPointer<PlanDialog> m_planDialog;
    QPointer<ApplyProgressDialog> m_applyDialog;
    QString m_screenshot;
};

} // namespace Amo::Gui
