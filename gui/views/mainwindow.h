// SPDX-License-Identifier: MIT
#pragma once

#include "gui/connect/profile.h"
#include "gui/session/dashboarddata.h"
#include "shared/sync/actionresult.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTabWidget;
class QTableView;
class QToolBar;

namespace Amo::Gui {

class ApplyProgressDialog;
class DashboardSession;
class ErrorBanner;
class DashboardTableModel;
class DetailsPane;
class PlanDialog;
class ProfileOpener;
class ProfileStore;
class RowFilterProxyModel;
class SecretStore;

/** The dashboard window: six views over the latest load, the details pane, Preview and Approve & Sync. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum View { Msis, Namespaces, Drift, Expiry, Workload, Migration, ViewCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Takes ownership; replaces the current session. */
    void setSession(DashboardSession *session);
    DashboardSession *session() const { return m_session; }
    /** Once the first load finished: render the window to @p path and quit. */
    void setScreenshotPath(const QString &path) { m_screenshot = path; }
    /** The view the screenshot shows (default: the MSIs). */
    void setScreenshotView(View view) { m_screenshotView = view; }
    /** Workload identity mode for every session from now on (the toolbar's toggle); re-reads when connected. */
    void setWorkloadIdentity(bool enabled);
    bool workloadIdentity() const;
    /** Writes the Migration view's rows as Markdown or CSV (by the suffix) to @p path; false with *error. */
    bool exportMigration(const QString &path, QString *error) const;

    DashboardTableModel *model(View view) const { return m_models[view]; }
    RowFilterProxyModel *proxy(View view) const { return m_proxies[view]; }
    QTableView *table(View view) const { return m_tables[view]; }
    PlanDialog *planDialog() const;
    DetailsPane *details() const { return m_details; }
    QString leaseText() const;
    QString statusText() const;
    ErrorBanner *banner() const { return m_banner; }
    /** The per-item results of the latest Approve & Sync; they stay after its dialog is closed. */
    ApplyProgressDialog *applyDialog() const;
    /** Hides every write action (--read-only, or a profile marked read only). */
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly || m_profileReadOnly; }
    /** Forces read-only for every profile (the --read-only option). */
    void setForcedReadOnly(bool readOnly);

    void refresh();
    void preview();
    void approve();
    void cancel();

    /** The saved profiles; by default the user's QSettings. Tests pass one of their own (not owned). */
    void setProfileStore(ProfileStore *store);
    ProfileStore *profileStore() const { return m_profiles; }
    /** The Demo profile (with any saved plan options), or the saved profile @p name. */
    std::optional<Profile> findProfile(const QString &name) const;
    /** The last used profile when it still exists, else the Demo profile. */
    QString initialProfile() const;
    /** Reads the profile's secret, then connects to it and loads; @p remember makes it the last used. */
    void openProfile(const QString &name, bool remember = true);
    QString currentProfile() const { return m_profileName; }
    QComboBox *profilePicker() const { return m_profilePicker; }
    void newProfile();
    void editProfile();
    void deleteProfile();
    /** Saves what the profile dialog accepted (its secret already went to the keychain) and opens it. */
    void saveProfile(const Profile &profile, const QString &secret, const QString &previousName = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    /** A profile's session is set and its first load started. */
    void profileOpened(const QString &name);
    void profileFailed(const QString &name, const QString &error);

private:
    void buildActions();
    void buildProfileBar(QToolBar *bar);
    void reloadProfileList();
    void onProfileOpened(const QString &name, DashboardSession *session);
    void onProfileFailed(const QString &name, const QString &error);
    void buildViews();
    void buildStatusBar();
    QTableView *makeTable(View view);
    void onLoaded(const DashboardDataPtr &data);
    void onPreviewReady(const DashboardDataPtr &data);
    void onLoadingChanged(bool loading);
    void onLeaseChanged();
    void onSelectionChanged();
    void onApplyRefused(const QStringList &reasons);
    void onApplyStarted(int count);
    void onApplyFinished(const QList<Sync::ActionResult> &results);
    void updateBanner();
    void updateTitle();
    void updateRowCount();
    void showReadStatus(const DashboardData &loaded);
    void setStatus(const QString &text);
    void showShortcuts();
    void updateStateFilter();
    void showContextMenu(View view, const QPoint &pos);
    void updateActions();
    void takeScreenshot();
    void exportMigrationInteractively();
    View currentView() const;

    QPointer<DashboardSession> m_session;
    DashboardTableModel *m_models[ViewCount] = {};
    RowFilterProxyModel *m_proxies[ViewCount] = {};
    QTableView *m_tables[ViewCount] = {};
    bool m_columnsFitted[ViewCount] = {};
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    DetailsPane *m_details = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_lease = nullptr;
    QLabel *m_access = nullptr;
    QLabel *m_rowCount = nullptr;
    ErrorBanner *m_banner = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_previewAction = nullptr;
    QAction *m_approveAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportYamlAction = nullptr;
    QAction *m_resultsAction = nullptr;
    QAction *m_workloadAction = nullptr;
    QAction *m_exportMigrationAction = nullptr;
    bool m_readOnly = false; // --read-only
    bool m_profileReadOnly = false; // the open profile is marked read only
    bool m_closeAfterApply = false;
    int m_applyTotal = 0;
    int m_applyDone = 0;
    QString m_applySummary; // shown with the read that follows an apply
    QPointer<PlanDialog> m_planDialog;
    QPointer<ApplyProgressDialog> m_applyDialog;
    QString m_screenshot;
    View m_screenshotView = Msis;

    std::unique_ptr<ProfileStore> m_ownedProfiles;
    ProfileStore *m_profiles = nullptr;
    SecretStore *m_secrets = nullptr;
    ProfileOpener *m_opener = nullptr;
    QComboBox *m_profilePicker = nullptr;
    QAction *m_newProfileAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_deleteProfileAction = nullptr;
    QString m_profileName;
};

} // namespace Amo::Gui
