// SPDX-License-Identifier: MIT
#include "gui/views/plandialog.h"

#include "gui/views/dashboardicons.h"
#include "gui/views/planexport.h"
#include "shared/sync/plantext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Sync::Action;

namespace {

constexpr int kIndexRole = Qt::UserRole + 1;

QString groupTitle(Action::Kind kind, int count)
{
    switch (kind) {
    case Action::Kind::CreateIdentity:
        return PlanDialog::tr("Create AzureIdentity (%n)", nullptr, count);
    case Action::Kind::UpdateIdentity:
        return PlanDialog::tr("Update AzureIdentity (%n)", nullptr, count);
    case Action::Kind::RepointBinding:
        return PlanDialog::tr("Re-point binding (%n)", nullptr, count);
    case Action::Kind::WaitForNamespace:
        return PlanDialog::tr("Waiting for namespace, not written (%n)", nullptr, count);
    case Action::Kind::Conflict:
        return PlanDialog::tr("Conflict, not written (%n)", nullptr, count);
    case Action::Kind::Orphan:
        return PlanDialog::tr("Orphan, reported only (%n)", nullptr, count);
    case Action::Kind::Skip:
        return PlanDialog::tr("Skipped (%n)", nullptr, count);
    case Action::Kind::CreateServiceAccount:
        return PlanDialog::tr("Create ServiceAccount (%n)", nullptr, count);
    case Action::Kind::UpdateServiceAccount:
        return PlanDialog::tr("Update ServiceAccount (%n)", nullptr, count);
    case Action::Kind::CreateFederatedCredential:
        return PlanDialog::tr("Create federated credential in Azure (%n)", nullptr, count);
    case Action::Kind::UpdateFederatedCredential:
        return PlanDialog::tr("Update federated credential in Azure (%n)", nullptr, count);
    case Action::Kind::Blocked:
        return PlanDialog::tr("Blocked by an Azure limit, not written (%n)", nullptr, count);
    }
    return {};
}

QString detailOf(const Action &action)
{
    switch (action.kind) {
    case Action::Kind::UpdateIdentity: {
        QStringList fields;
        for (const Sync::FieldChange &change : action.changes)
            fields << change.field;
        return fields.join(u", "_s);
    }
    case Action::Kind::RepointBinding:
        return PlanDialog::tr("%1 → %2").arg(action.fromIdentity, action.toIdentity);
    default:
        return action.reason;
    }
}

QString identityKey(const QString &ns, const QString &name)
{
    return QString(ns + u'/' + name);
}

} // namespace

PlanDialog::PlanDialog(const DashboardDataPtr &basis, QWidget *parent)
    : QDialog(parent)
    , m_basis(basis)
    , m_summary(new QLabel(this))
    , m_stale(new QLabel(this))
    , m_count(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(u"planDialog"_s);
    setWindowTitle(tr("Preview"));
    m_summary->setObjectName(u"planSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stale->setObjectName(u"planStale"_s);
    m_stale->setWordWrap(true);
    m_stale->setVisible(false);
    m_count->setObjectName(u"planCount"_s);
    m_tree->setObjectName(u"planTree"_s);
    m_tree->setAccessibleName(tr("Plan items"));
    m_tree->setHeaderLabels({tr("Object"), tr("Details")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 420);
    m_tree->setUniformRowHeights(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *json = buttons->addButton(tr("Export ticked as JSON…"), QDialogButtonBox::ActionRole);
    json->setToolTip(tr("Save the ticked items, and the items reported only, in the plan's stable JSON form"));
    QPushButton *yaml = buttons->addButton(tr("Export ticked as YAML…"), QDialogButtonBox::ActionRole);
    yaml->setToolTip(tr("Save the ticked items, and the items reported only, as YAML"));
    m_approve = buttons->addButton(tr("Approve && Sync"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(u"approveButton"_s);
    m_approve->setIcon(DashboardIcons::icon(u"emblem-ok"_s, QStyle::SP_DialogApplyButton));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_approve->setToolTip(tr("Apply exactly the ticked items (Ctrl+Return)"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(json, &QPushButton::clicked, this,
            [this] { PlanExport::saveInteractively(this, tickedPlan(), PlanExport::Format::Json); });
    connect(yaml, &QPushButton::clicked, this,
            [this] { PlanExport::saveInteractively(this, tickedPlan(), PlanExport::Format::Yaml); });
    connect(m_approve, &QPushButton::clicked, this, &PlanDialog::approveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemChanged, this, &PlanDialog::onItemChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_stale);
    layout->addWidget(m_tree);
    layout->addWidget(m_count);
    layout->addWidget(buttons);
    resize(900, 600);
    fill();
}

void PlanDialog::fill()
{
    const Sync::Plan &plan = m_basis->plan;
    m_summary->setText(Sync::PlanText::summary(plan));
    const QSignalBlocker blocker(m_tree);
    m_items.fill(nullptr, plan.actions.size());
    m_ticked.fill(0, plan.actions.size());
    // Items are built detached and handed over in one go: adding 12,000 one by one to a live
    // tree notifies the view 12,000 times.
    QMap<int, QTreeWidgetItem *> groups;
    QMap<int, QList<QTreeWidgetItem *>> children;
    for (int i = 0; i < plan.actions.size(); ++i) {
        const Action &action = plan.actions.at(i);
        QTreeWidgetItem *&group = groups[int(action.kind)];
        if (!group) {
            group = new QTreeWidgetItem;
            group->setData(0, Qt::UserRole, int(action.kind));
            if (action.isWrite()) {
                group->setFlags(group->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
                group->setCheckState(0, Qt::Checked);
            }
        }
        auto *item = new QTreeWidgetItem;
        const QString object
            = action.name.isEmpty() ? action.msiId : QString(action.namespaceName + u'/' + action.name);
        item->setText(0, QString(Sync::PlanText::symbol(action.kind) + u' ' + object));
        QString detail = detailOf(action);
        QString tip = Sync::PlanText::line(action);
        if (action.kind == Action::Kind::RepointBinding && !action.afterIdentity.isEmpty()) {
            detail = tr("%1 (needs AzureIdentity %2 written in this run)").arg(detail, action.afterIdentity);
            tip += u'\n'
                + tr("Waits for AzureIdentity %1/%2 to be written in this run: ticking this ticks that identity, "
                     "unticking the identity unticks this.")
                      .arg(action.namespaceName, action.afterIdentity);
            m_waitingRepoints[identityKey(action.namespaceName, action.afterIdentity)].append(i);
        }
        if (action.kind == Action::Kind::CreateIdentity || action.kind == Action::Kind::UpdateIdentity)
            m_identityWrites.insert(identityKey(action.namespaceName, action.name), i);
        item->setText(1, detail);
        item->setToolTip(0, tip);
        item->setToolTip(1, detail);
        item->setData(0, kIndexRole, i);
        if (action.isWrite()) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
            m_ticked[i] = 1;
            ++m_tickedCount;
        }
        m_items[i] = item;
        children[int(action.kind)].append(item);
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        it.value()->addChildren(children.value(it.key()));
        it.value()->setText(0, groupTitle(Action::Kind(it.key()), int(children.value(it.key()).size())));
    }
    m_tree->addTopLevelItems(groups.values());
    for (QTreeWidgetItem *group : std::as_const(groups)) {
        group->setFirstColumnSpanned(true);
        group->setExpanded(Action::Kind(group->data(0, Qt::UserRole).toInt()) <= Action::Kind::RepointBinding);
    }
    updateCount();
}

void PlanDialog::onItemChanged(QTreeWidgetItem *item)
{
    const QVariant index = item->data(0, kIndexRole);
    if (!index.isValid())
        return; // a group: its children report one by one
    const int i = index.toInt();
    const char ticked = (item->flags() & Qt::ItemIsUserCheckable) && item->checkState(0) == Qt::Checked;
    if (m_ticked.value(i) == ticked)
        return;
    m_ticked[i] = ticked;
    m_tickedCount += ticked ? 1 : -1;
    const Action &action = m_basis->plan.actions.at(i);
    if (ticked && action.kind == Action::Kind::RepointBinding && !action.afterIdentity.isEmpty()) {
        const int identity = m_identityWrites.value(identityKey(action.namespaceName, action.afterIdentity), -1);
        if (identity >= 0 && !m_ticked.at(identity))
            m_items.at(identity)->setCheckState(0, Qt::Checked);
    } else if (!ticked && action.kind != Action::Kind::RepointBinding) {
        for (int repoint : m_waitingRepoints.value(identityKey(action.namespaceName, action.name))) {
            if (m_ticked.at(repoint))
                m_items.at(repoint)->setCheckState(0, Qt::Unchecked);
        }
    }
    scheduleCount();
}

QList<Action> PlanDialog::tickedActions() const
{
    QList<Action> actions;
    actions.reserve(m_tickedCount);
    for (int i = 0; i < m_ticked.size(); ++i) {
        if (m_ticked.at(i))
            actions << m_basis->plan.actions.at(i);
    }
    return actions;
}

Sync::Plan PlanDialog::tickedPlan() const
{
    Sync::Plan plan;
    plan.generatedAt = m_basis->plan.generatedAt;
    for (int i = 0; i < m_basis->plan.actions.size(); ++i) {
        const Action &action = m_basis->plan.actions.at(i);
        if (!action.isWrite() || m_ticked.at(i))
            plan.actions << action;
    }
    return plan;
}

void PlanDialog::setTicked(const QList<int> &indices)
{
    const QSet<int> wanted(indices.cbegin(), indices.cend());
    // untick first, so a re-point ticked below can still tick the identity it needs
    for (int i = 0; i < m_items.size(); ++i) {
        if ((m_items.at(i)->flags() & Qt::ItemIsUserCheckable) && !wanted.contains(i))
            m_items.at(i)->setCheckState(0, Qt::Unchecked);
    }
    for (int i : wanted) {
        if (i >= 0 && i < m_items.size() && (m_items.at(i)->flags() & Qt::ItemIsUserCheckable))
            m_items.at(i)->setCheckState(0, Qt::Checked);
    }
}

void PlanDialog::setWriteState(bool readOnly, bool applying, const QString &denied)
{
    m_approve->setVisible(!readOnly);
    m_approve->setEnabled(!applying && denied.isEmpty());
    m_approve->setToolTip(denied.isEmpty() ? tr("Apply exactly the ticked items (Ctrl+Return)")
                                           : tr("Approve & Sync is disabled: %1").arg(denied));
}

void PlanDialog::markStale(const QString &why)
{
    m_isStale = true;
    m_stale->setText(tr("<b>This preview is stale:</b> %1. Approve & Sync re-checks and refuses what changed; run a "
                        "new preview (Ctrl+P) to see the current plan.")
                         .arg(why.toHtmlEscaped()));
    m_stale->setVisible(true);
    setWindowTitle(tr("Preview (stale)"));
}

void PlanDialog::scheduleCount()
{
    // a group toggle changes thousands of items: count once, after the last
    if (std::exchange(m_countPending, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_countPending = false;
        updateCount();
    });
}

void PlanDialog::updateCount()
{
    m_count->setText(tr("Ticked for writing: %n", nullptr, m_tickedCount));
}

} // namespace Amo::Gui
