// SPDX-License-Identifier: MIT
#include "gui/views/mainwindow.h"

#include "gui/connect/profilestore.h"
#include "gui/models/drifttablemodel.h"
#include "gui/models/expirytablemodel.h"
#include "gui/models/migrationtablemodel.h"
#include "gui/models/msitablemodel.h"
#include "gui/models/namespacetablemodel.h"
#include "gui/models/rowfilterproxymodel.h"
#include "gui/models/workloadtablemodel.h"
#include "gui/session/applysummary.h"
#include "gui/session/dashboardsession.h"
#include "gui/session/detailsbuilder.h"
#include "gui/session/migrationreport.h"
#include "gui/session/rowstatetext.h"
#include "gui/session/stalenesscheck.h"
#include "gui/views/applyprogressdialog.h"
#include "gui/views/detailspane.h"
#include "gui/views/errorbanner.h"
#include "gui/views/plandialog.h"
#include "gui/views/userprompt.h"
#include "shared/sync/plantext.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

// QT_LOGGING_RULES=amo.gui.timing.debug=true shows where a load spends time on the GUI thread.
Q_LOGGING_CATEGORY(lcTiming, "amo.gui.timing", QtWarningMsg)

namespace Amo::Gui {

namespace {

/** "42 s", "5 min", "3 h": how old data read at @p then is. */
QString ageText(const QDateTime &then)
{
    const qint64 seconds = std::max<qint64>(0, then.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 120)
        return MainWindow::tr("%n s", nullptr, int(seconds));
    if (seconds < 2 * 3600)
        return MainWindow::tr("%n min", nullptr, int(seconds / 60));
    return MainWindow::tr("%n h", nullptr, int(seconds / 3600));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Azure MSI Dashboard"));
    buildStatusBar();
    buildViews();
    buildActions();
    resize(1400, 850);
}

MainWindow::~MainWindow()
{
    // A session cancels its load as it dies and says so: not to a half-destroyed window.
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        delete m_session;
    }
}

void MainWindow::buildViews()
{
    m_models[Msis] = new MsiTableModel(this);
    m_models[Namespaces] = new NamespaceTableModel(this);
    m_models[Drift] = new DriftTableModel(this);
    m_models[Expiry] = new ExpiryTableModel(this);
    m_models[Workload] = new WorkloadTableModel(this);
    m_models[Migration] = new MigrationTableModel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"viewTabs"_s);
    const QString titles[ViewCount]
        = {tr("MSIs"), tr("Namespaces"), tr("Binding drift"), tr("Expiry"), tr("Workload identity"), tr("Migration")};
    const QString tips[ViewCount] = {tr("Every MSI and what the next sync does about it"),
                                     tr("Every target namespace: exists, ignored, identities aimed at it"),
                                     tr("Bindings that point elsewhere than the operator would set, or at nothing"),
                                     tr("Managed AzureIdentities by expiry date, orphans included"),
                                     tr("Workload identity mode: per pair the ServiceAccount and the federated "
                                        "credential, and each identity's credentials out of 20"),
                                     tr("The pods behind each AzureIdentityBinding and what they need for workload "
                                        "identity (workload identity mode reads them)")};
    for (int v = 0; v < ViewCount; ++v) {
        m_proxies[v] = new RowFilterProxyModel(this);
        m_proxies[v]->setSourceModel(m_models[v]);
        m_tables[v] = makeTable(View(v));
        m_tabs->addTab(m_tables[v], titles[v]);
        m_tabs->setTabToolTip(v, tips[v]);
        m_tables[v]->setAccessibleName(titles[v]);
        connect(m_proxies[v], &QAbstractItemModel::modelReset, this, &MainWindow::updateRowCount);
        connect(m_proxies[v], &QAbstractItemModel::layoutChanged, this, &MainWindow::updateRowCount);
        connect(m_proxies[v], &QAbstractItemModel::rowsInserted, this, &MainWindow::updateRowCount);
        connect(m_proxies[v], &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateRowCount);
    }

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F): matches any column"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only rows containing this text in any column (Ctrl+F; Esc clears it)"));
    m_filter->setAccessibleName(tr("Filter rows"));
    m_filter->installEventFilter(this);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(focusFilter);
    // Ctrl+1…6 pick a view, Ctrl+Tab and Ctrl+Shift+Tab step through them
    for (int v = 0; v < ViewCount; ++v) {
        auto *pick = new QAction(this);
        pick->setObjectName(u"viewAction%1"_s.arg(v + 1));
        pick->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + v)), QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + v))});
        connect(pick, &QAction::triggered, this, [this, v] { m_tabs->setCurrentIndex(v); });
        addAction(pick);
    }
    auto *next = new QAction(this);
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab));
    connect(next, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % ViewCount); });
    addAction(next);
    auto *previous = new QAction(this);
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab));
    connect(previous, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + ViewCount - 1) % ViewCount); });
    addAction(previous);
    auto *help = new QAction(this);
    help->setObjectName(u"shortcutsAction"_s);
    help->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
    connect(help, &QAction::triggered, this, &MainWindow::showShortcuts);
    addAction(help);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(u"stateFilter"_s);
    m_stateFilter->setToolTip(tr("Show only rows in this state"));
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (RowFilterProxyModel *proxy : m_proxies)
            proxy->setText(text);
        updateRowCount();
    });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant state = m_stateFilter->currentData();
        m_proxies[currentView()]->setState(state.isValid() ? std::optional<int>(state.toInt()) : std::nullopt);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        for (RowFilterProxyModel *proxy : m_proxies)
            proxy->setState(std::nullopt);
        updateStateFilter();
        onSelectionChanged();
        updateRowCount();
    });

    auto *top = new QWidget(this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    auto *stateLabel = new QLabel(tr("&State:"), top);
    stateLabel->setBuddy(m_stateFilter);
    m_stateFilter->setAccessibleName(tr("State filter"));
    filterRow->addWidget(stateLabel);
    filterRow->addWidget(m_stateFilter);
    m_rowCount = new QLabel(top);
    m_rowCount->setObjectName(u"rowCount"_s);
    filterRow->addWidget(m_rowCount);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new ErrorBanner(top);
    topLayout->addWidget(m_banner);
    topLayout->addLayout(filterRow);
    topLayout->addWidget(m_tabs);

    m_details = new DetailsPane(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"mainSplitter"_s);
    split->addWidget(top);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    setCentralWidget(split);
    updateStateFilter();
}

QTableView *MainWindow::makeTable(View view)
{
    auto *table = new QTableView(this);
    table->setObjectName(u"table%1"_s.arg(int(view)));
    table->setModel(m_proxies[view]);
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    // fixed row heights and no content-based sizing: both would measure all 10,000 rows
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setDefaultSectionSize(140);
    table->horizontalHeader()->setStretchLastSection(true);
    // columns fit their contents, measured on the first rows only (all 10,000 would stall)
    table->horizontalHeader()->setResizeContentsPrecision(50);
    table->setTabKeyNavigation(false); // Tab leaves the table
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this,
            [this, view](const QPoint &pos) { showContextMenu(view, pos); });
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onSelectionChanged);
    return table;
}

void MainWindow::setSession(DashboardSession *session)
{
    if (m_session)
        m_session->deleteLater();
    m_session = session;
    session->setParent(this);
    if (m_workloadAction->isChecked())
        session->setWorkloadIdentity(true);
    else if (session->workloadIdentity())
        m_workloadAction->setChecked(true); // the profile's options turned it on
    // What is shown belongs to the previous connection.
    if (m_planDialog)
        m_planDialog->deleteLater();
    for (DashboardTableModel *model : m_models)
        model->setDashboard(nullptr);
    std::fill(std::begin(m_columnsFitted), std::end(m_columnsFitted), false);
    updateStateFilter();
    m_details->clear();
    connect(session, &DashboardSession::loaded, this, &MainWindow::onLoaded);
    connect(session, &DashboardSession::previewReady, this, &MainWindow::onPreviewReady);
    connect(session, &DashboardSession::loadingChanged, this, &MainWindow::onLoadingChanged);
    connect(session, &DashboardSession::leaseChanged, this, &MainWindow::onLeaseChanged);
    connect(session, &DashboardSession::applyRefused, this, &MainWindow::onApplyRefused);
    connect(session, &DashboardSession::loadFailed, this,
            [this](const QString &error) { setStatus(tr("Loading failed: %1").arg(error)); });
    connect(session, &DashboardSession::problemsChanged, this, &MainWindow::updateBanner);
    connect(session, &DashboardSession::writeAccessChanged, this, &MainWindow::updateActions);
    connect(session, &DashboardSession::liveStarted, this, [this] {
        if (m_session && m_session->data() && !m_session->isLoading() && !m_session->isApplying())
            showReadStatus(*m_session->data());
    });
    connect(session, &DashboardSession::progress, this, [this](const QString &step, int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        if (m_session && m_session->isApplying())
            setStatus(
                tr("Approve & Sync: checking that nothing changed… %1 (%2 of %3)").arg(step).arg(done).arg(total));
        else
            setStatus(tr("Reading… %1 (%2 of %3)").arg(step).arg(done).arg(total));
    });
    connect(session, &DashboardSession::applyStarted, this,
            [this](const QList<Sync::Action> &actions) { onApplyStarted(int(actions.size())); });
    connect(session, &DashboardSession::applyItemFinished, this, [this] {
        ++m_applyDone;
        setStatus(tr("Approve & Sync: writing, %1 of %2 items done…").arg(m_applyDone).arg(m_applyTotal));
    });
    connect(session, &DashboardSession::applyFinished, this, &MainWindow::onApplyFinished);
    setStatus(tr("Connected to %1").arg(session->clusterDescription()));
    m_banner->clear();
    m_lease->clear();
    updateTitle();
    updateActions();
}

void MainWindow::refresh()
{
    if (m_session)
        m_session->refresh();
}

void MainWindow::preview()
{
    if (m_session)
        m_session->preview();
}

void MainWindow::cancel()
{
    if (m_session)
        m_session->cancel();
}

void MainWindow::onLoadingChanged(bool loading)
{
    m_progress->setVisible(loading);
    if (loading) {
        m_progress->setRange(0, 0);
        setStatus(tr("Reading Azure and the cluster…"));
    } else if (m_session && !m_session->data() && m_session->problems().isEmpty()) {
        setStatus(tr("Cancelled"));
    }
    updateActions();
}

void MainWindow::onLoaded(const DashboardDataPtr &loaded)
{
    QElapsedTimer timer;
    timer.start();
    for (int v = 0; v < ViewCount; ++v) {
        QElapsedTimer one;
        one.start();
        m_models[v]->setDashboard(loaded); // the proxies sort here
        qCDebug(lcTiming, "view %d: %d rows reset and sorted in %lld ms", v, m_models[v]->rowCount(), one.elapsed());
    }
    // Fit the columns once per session: measuring again on every reload stalled the loop (~300 ms
    // at 10,000 rows) and would undo the user's own column widths.
    for (int v = 0; v < ViewCount; ++v) {
        if (!m_columnsFitted[v] && m_models[v]->rowCount() > 0) {
            m_tables[v]->resizeColumnsToContents(); // sampled: see makeTable()
            m_columnsFitted[v] = true;
        }
    }
    const qint64 resetMs = timer.restart();
    updateStateFilter();
    updateRowCount();
    qCDebug(lcTiming, "models reset and sorted in %lld ms, state filter in %lld ms", resetMs, timer.elapsed());
    showReadStatus(*loaded);
    if (!m_applySummary.isEmpty())
        setStatus(QString(std::exchange(m_applySummary, {}) + u' ' + m_status->text()));
    onSelectionChanged();
    updateBanner();
    if (m_planDialog && m_planDialog->basis() != loaded && !m_planDialog->isStale()) {
        const QStringList changes
            = StalenessCheck::check(*m_planDialog->basis(), loaded->snapshot, m_planDialog->basis()->plan.writes());
        if (!changes.isEmpty())
            m_planDialog->markStale(changes.first());
        else if (!(loaded->plan.actions == m_planDialog->basis()->plan.actions))
            m_planDialog->markStale(tr("the cluster or Azure changed, and with it the plan"));
    }
    updateActions();
    if (!m_screenshot.isEmpty())
        QTimer::singleShot(m_session && m_session->isLive() ? 100 : 3000, this, &MainWindow::takeScreenshot);
}

void MainWindow::updateStateFilter()
{
    const QSignalBlocker blocker(m_stateFilter);
    m_stateFilter->clear();
    m_stateFilter->addItem(tr("All states"));
    const DashboardTableModel *model = m_models[currentView()];
    QList<int> states;
    for (int row = 0; row < model->rowCount(); ++row) {
        const int state = model->index(row, 0).data(DashboardTableModel::StateRole).toInt();
        if (!states.contains(state))
            states << state;
    }
    std::sort(states.begin(), states.end());
    for (int state : std::as_const(states))
        m_stateFilter->addItem(RowStateText::name(RowState(state)), state);
}

void MainWindow::showReadStatus(const DashboardData &loaded)
{
    const QStringList failed = loaded.snapshot.catalog.failedSubscriptions();
    const QString when = QLocale().toString(loaded.snapshot.takenAt.toLocalTime(), QLocale::ShortFormat);
    const QString azureAge = tr("Azure read at %1 (%2 ago)").arg(when, ageText(loaded.snapshot.takenAt));
    const QString cluster = m_session && m_session->isLive() ? tr("cluster live") : tr("cluster read with Azure");
    setStatus(failed.isEmpty() ? tr("%1, %2. MSIs: %n. %3", nullptr, int(loaded.msis.size()))
                                     .arg(azureAge, cluster, Sync::PlanText::summary(loaded.plan))
                               : tr("%1, %2. MSIs: %n, failing subscriptions: %3. %4", nullptr, int(loaded.msis.size()))
                                     .arg(azureAge, cluster)
                                     .arg(failed.size())
                                     .arg(Sync::PlanText::summary(loaded.plan)));
}

void MainWindow::setStatus(const QString &text)
{
    // a long status may be cut by the labels on the right: the tooltip always has all of it
    m_status->setText(text);
    m_status->setToolTip(text);
}

void MainWindow::updateRowCount()
{
    const View view = currentView();
    const int shown = m_proxies[view]->rowCount();
    const int all = m_models[view]->rowCount();
    m_rowCount->setText(shown == all ? tr("Rows: %n", nullptr, all)
                                     : tr("Rows: %1 of %n", nullptr, all).arg(QLocale().toString(shown)));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Esc in a non-empty filter clears it (instead of cancelling a read)
    if (watched == m_filter && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
        if (event->type() == QEvent::KeyPress)
            m_filter->clear();
        event->accept();
        return event->type() == QEvent::KeyPress;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showShortcuts()
{
    UserPrompt::inform(this, tr("Keyboard shortcuts"),
                       tr("F5\tRefresh: read Azure and the cluster again\n"
                          "Esc\tCancel the read in progress; in the filter: clear it\n"
                          "Ctrl+P\tPreview the plan as a checklist\n"
                          "Ctrl+Return\tApprove & Sync the ticked items\n"
                          "Ctrl+F\tFilter the rows\n"
                          "Ctrl+1…6, Alt+1…6\tMSIs, Namespaces, Binding drift, Expiry, Workload identity, "
                          "Migration\n"
                          "Ctrl+Tab, Ctrl+Shift+Tab\tNext, previous view\n"
                          "Alt+R\tPick a profile\n"
                          "Ctrl+Shift+M\tThe profile menu\n"
                          "F1, ?\tThis list"));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_tabs->currentIndex());
}

void MainWindow::onSelectionChanged()
{
    const View view = currentView();
    const QModelIndex current = m_tables[view]->selectionModel()->currentIndex();
    const DashboardDataPtr shown = m_models[view]->dashboard();
    if (!current.isValid() || !shown) {
        m_details->clear();
        return;
    }
    const int row = m_proxies[view]->mapToSource(current).row();
    switch (view) {
    case Msis:
        m_details->setContent(DetailsBuilder::forMsi(*shown, shown->msis.at(row).mapping));
        break;
    case Namespaces:
        m_details->setContent(DetailsBuilder::forNamespace(*shown, shown->namespaces.at(row).name));
        break;
    case Drift:
        m_details->setContent(
            DetailsBuilder::forBinding(*shown, shown->drift.at(row).namespaceName, shown->drift.at(row).name));
        break;
    case Expiry:
        m_details->setContent(
            DetailsBuilder::forIdentity(*shown, shown->expiry.at(row).namespaceName, shown->expiry.at(row).name));
        break;
    default: // the workload identity views: their rows say it all
        m_details->clear();
        break;
    }
}

PlanDialog *MainWindow::planDialog() const
{
    return m_planDialog;
}

QString MainWindow::leaseText() const
{
    return m_lease->text();
}

ApplyProgressDialog *MainWindow::applyDialog() const
{
    return m_applyDialog;
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::updateTitle()
{
    QString title = tr("Azure MSI Dashboard");
    if (!m_profileName.isEmpty())
        title = tr("%1 – %2").arg(m_profileName, title);
    if (m_session)
        title = tr("%1 – %2").arg(title, m_session->clusterDescription());
    if (isReadOnly())
        title = tr("%1 (read only)").arg(title);
    setWindowTitle(title);
}

void MainWindow::updateBanner()
{
    if (!m_session) {
        m_banner->clear();
        return;
    }
    const ReadProblems &problems = m_session->problems();
    QStringList lines;
    if (!problems.cluster.isEmpty())
        lines << problems.cluster;
    if (!problems.azure.isEmpty()) {
        lines << (problems.azureNeverListed
                      ? problems.azure
                      : tr("%1. Showing the MSIs of the last good listing; none of them is reported as an orphan.")
                            .arg(problems.azure));
    }
    if (!problems.subscriptions.isEmpty()) {
        lines << problems.subscriptions;
        lines << tr("Identities of failing subscriptions are not reported as orphans.");
    }
    if (!problems.workload.isEmpty())
        lines << problems.workload;
    if (problems.blocking()) {
        const DashboardDataPtr shown = m_session->data();
        lines << (shown ? tr("The views show the last good read, from %1 (%2 old): they are stale. No plan is built "
                             "on the failed read.")
                              .arg(QLocale().toString(shown->snapshot.takenAt.toLocalTime(), QLocale::ShortFormat),
                                   ageText(shown->snapshot.takenAt))
                        : tr("Nothing could be loaded yet; press F5 to try again."));
    }
    if (!m_session->leaseError().isEmpty() && problems.cluster.isEmpty())
        lines << tr("Cannot read the Lease: %1. Approve & Sync asks first, as if an agent were writing.")
                     .arg(m_session->leaseError());
    m_banner->setLines(problems.blocking() ? ErrorBanner::Level::Error : ErrorBanner::Level::Warning, lines);
}

void MainWindow::onLeaseChanged()
{
    updateBanner();
    const auto lease = m_session ? m_session->lease() : std::nullopt;
    if (m_session && !m_session->leaseError().isEmpty())
        m_lease->setText(tr("Cannot read the Lease: %1").arg(m_session->leaseError()));
    else if (m_session && m_session->agentActive())
        m_lease->setText(tr("Agent active: %1 holds the Lease").arg(lease->holder));
    else if (lease && !lease->holder.isEmpty())
        m_lease->setText(tr("Agent Lease expired (last holder %1)").arg(lease->holder));
    else
        m_lease->setText(tr("No agent holds the Lease"));
}

void MainWindow::onPreviewReady(const DashboardDataPtr &planned)
{
    if (m_planDialog)
        m_planDialog->deleteLater();
    QElapsedTimer timer;
    timer.start();
    m_planDialog = new PlanDialog(planned, this);
    connect(m_planDialog, &PlanDialog::approveRequested, this, &MainWindow::approve);
    updateActions(); // read only, write access
    const qint64 built = timer.restart();
    m_planDialog->show();
    qCDebug(lcTiming, "preview: %lld items built in %lld ms, shown in %lld ms", qint64(planned->plan.actions.size()),
            built, timer.elapsed());
}

void MainWindow::approve()
{
    if (!m_session || m_session->isApplying())
        return;
    if (!m_planDialog) {
        setStatus(tr("Computing a preview first; approve the ticked items there."));
        preview();
        return;
    }
    const QList<Sync::Action> actions = m_planDialog->tickedActions();
    if (actions.isEmpty()) {
        UserPrompt::inform(this, tr("Approve & Sync"), tr("No item is ticked."));
        return;
    }
    const QString question = ApplySummary::of(actions).question(m_session->clusterDescription(), actions.size());
    if (!UserPrompt::confirm(this, tr("Approve & Sync"), question))
        return;
    if (m_session->agentActive()
        && !UserPrompt::confirm(this, tr("Two writers"),
                                tr("The in-cluster agent %1 holds the Lease and is writing too. Two writers are "
                                   "active; apply anyway?")
                                    .arg(m_session->lease()->holder),
                                true))
        return;
    // unknown is not "no agent": ask as if one were writing
    if (!m_session->agentActive() && !m_session->leaseError().isEmpty()
        && !UserPrompt::confirm(this, tr("Two writers"),
                                tr("The agent's Lease cannot be read (%1), so an in-cluster agent may be writing "
                                   "too. Apply anyway?")
                                    .arg(m_session->leaseError()),
                                true))
        return;
    if (m_applyDialog)
        m_applyDialog->deleteLater(); // the results of the previous apply
    m_applyDialog = new ApplyProgressDialog(actions, this);
    connect(m_applyDialog, &ApplyProgressDialog::cancelRequested, m_session, &DashboardSession::cancelApply);
    connect(m_session, &DashboardSession::applyItemFinished, m_applyDialog, &ApplyProgressDialog::onItemFinished);
    m_applyDialog->show();
    const DashboardDataPtr basis = m_planDialog->basis();
    m_planDialog->close();
    m_planDialog->deleteLater();
    m_session->approve(basis, actions);
    updateActions();
}

void MainWindow::onApplyStarted(int count)
{
    m_applyTotal = count;
    m_applyDone = 0;
    setStatus(tr("Approve & Sync: writing, 0 of %1 items done…").arg(count));
    updateActions();
}

void MainWindow::onApplyFinished(const QList<Sync::ActionResult> &results)
{
    if (m_applyDialog) {
        m_applyDialog->onFinished(results);
        m_applySummary = m_applyDialog->summary();
        setStatus(m_applySummary);
    }
    updateActions();
    if (m_closeAfterApply)
        close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session && m_session->isApplying()) {
        event->ignore();
        if (m_closeAfterApply)
            return;
        if (UserPrompt::confirm(this, tr("Approve & Sync is running"),
                                tr("Writes to the cluster are in progress. Cancel the remaining items and close the "
                                   "window once the items already sent have finished?"),
                                true)) {
            m_closeAfterApply = true;
            m_session->cancelApply();
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::onApplyRefused(const QStringList &reasons)
{
    if (m_applyDialog)
        m_applyDialog->close();
    if (m_closeAfterApply) {
        m_closeAfterApply = false;
        close();
        return;
    }
    setStatus(tr("Nothing was written: %1").arg(reasons.value(0)));
    updateActions();
    UserPrompt::inform(
        this, tr("Run a new preview"),
        tr("Nothing was written:\n%1\n\nRun a new preview (Ctrl+P) and approve again.").arg(reasons.join(u'\n')));
}

void MainWindow::takeScreenshot()
{
    if (m_screenshotView != Msis) {
        m_tabs->setCurrentIndex(m_screenshotView);
        // these views have no details: give the rows the room
        if (auto *split = qobject_cast<QSplitter *>(centralWidget()))
            split->setSizes({split->height(), 0});
        m_tables[m_screenshotView]->resizeColumnsToContents();
        m_tables[m_screenshotView]->selectRow(0);
        const bool ok = grab().save(m_screenshot);
        qInfo("screenshot %s: %s", qPrintable(m_screenshot), ok ? "written" : "FAILED");
        QCoreApplication::exit(ok ? 0 : 1);
        return;
    }
    QTableView *table = m_tables[Msis];
    // show an MSI with something to do, so the details pane has a difference to highlight
    int pick = 0;
    for (int row = 0; row < m_proxies[Msis]->rowCount(); ++row) {
        const auto state = RowState(m_proxies[Msis]->index(row, 0).data(DashboardTableModel::StateRole).toInt());
        if (state == RowState::WillUpdate) {
            pick = row;
            break;
        }
    }
    table->selectRow(pick);
    table->scrollTo(m_proxies[Msis]->index(pick, 0));
    const bool ok = grab().save(m_screenshot);
    qInfo("screenshot %s: %s", qPrintable(m_screenshot), ok ? "written" : "FAILED");
    QCoreApplication::exit(ok ? 0 : 1);
}

} // namespace Amo::Gui
