// SPDX-License-Identifier: MIT
#include "gui/views/plandialog.h"

#include "gui/views/dashboardicons.h"
#include "gui/views/planexport.h"
#include "shared/sync/plantext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
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

} // namespace

PlanDialog::PlanDialog(const DashboardDataPtr &basis, QWidget *parent)
    : QDialog(parent)
    , m_basis(basis)
    , m_summary(new QLabel(this))
    , m_count(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(u"planDialog"_s);
    setWindowTitle(tr("Preview"));
    m_summary->setObjectName(u"planSummary"_s);
    m_summary->setWordWrap(true);
    m_tree->setObjectName(u"planTree"_s);
    m_tree->setHeaderLabels({tr("Object"), tr("Details")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 420);
    m_tree->setUniformRowHeights(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *json = buttons->addButton(tr("Export JSON…"), QDialogButtonBox::ActionRole);
    json->setToolTip(tr("Save the plan in its stable JSON form"));
    QPushButton *yaml = buttons->addButton(tr("Export YAML…"), QDialogButtonBox::ActionRole);
    yaml->setToolTip(tr("Save the plan as YAML"));
    QPushButton *approve = buttons->addButton(tr("Approve && Sync"), QDialogButtonBox::AcceptRole);
    approve->setObjectName(u"approveButton"_s);
    approve->setIcon(DashboardIcons::icon(u"emblem-ok"_s, QStyle::SP_DialogApplyButton));
    approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    approve->setToolTip(tr("Apply exactly the ticked items (Ctrl+Return)"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(json, &QPushButton::clicked, this,
            [this] { PlanExport::saveInteractively(this, m_basis->plan, PlanExport::Format::Json); });
    connect(yaml, &QPushButton::clicked, this,
            [this] { PlanExport::saveInteractively(this, m_basis->plan, PlanExport::Format::Yaml); });
    connect(approve, &QPushButton::clicked, this, &PlanDialog::approveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemChanged, this, &PlanDialog::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
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
    QMap<int, QTreeWidgetItem *> groups;
    for (int i = 0; i < plan.actions.size(); ++i) {
        const Action &action = plan.actions.at(i);
        QTreeWidgetItem *&group = groups[int(action.kind)];
        if (!group) {
            group = new QTreeWidgetItem(m_tree);
            group->setData(0, Qt::UserRole, int(action.kind));
            group->setFirstColumnSpanned(true);
            if (action.isWrite()) {
                group->setFlags(group->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
                group->setCheckState(0, Qt::Checked);
            }
        }
        auto *item = new QTreeWidgetItem(group);
        const QString object
            = action.name.isEmpty() ? action.msiId : QString(action.namespaceName + u'/' + action.name);
        item->setText(0, QString(Sync::PlanText::symbol(action.kind) + u' ' + object));
        item->setText(1, detailOf(action));
        item->setToolTip(0, Sync::PlanText::line(action));
        item->setToolTip(1, detailOf(action));
        item->setData(0, kIndexRole, i);
        if (action.isWrite()) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
        }
    }
    for (QTreeWidgetItem *group : std::as_const(groups)) {
        group->setText(0, groupTitle(Action::Kind(group->data(0, Qt::UserRole).toInt()), group->childCount()));
        group->setExpanded(Action::Kind(group->data(0, Qt::UserRole).toInt()) <= Action::Kind::RepointBinding);
    }
    updateCount();
}

QList<QTreeWidgetItem *> PlanDialog::actionItems() const
{
    QList<QTreeWidgetItem *> items;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c)
            items << group->child(c);
    }
    return items;
}

QList<Action> PlanDialog::tickedActions() const
{
    QList<int> indices;
    for (QTreeWidgetItem *item : actionItems()) {
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState(0) == Qt::Checked)
            indices << item->data(0, kIndexRole).toInt();
    }
    std::sort(indices.begin(), indices.end());
    QList<Action> actions;
    for (int i : std::as_const(indices))
        actions << m_basis->plan.actions.at(i);
    return actions;
}

void PlanDialog::setTicked(const QList<int> &indices)
{
    for (QTreeWidgetItem *item : actionItems()) {
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(0, indices.contains(item->data(0, kIndexRole).toInt()) ? Qt::Checked : Qt::Unchecked);
    }
}

void PlanDialog::updateCount()
{
    m_count->setText(tr("Ticked for writing: %n", nullptr, int(tickedActions().size())));
}

} // namespace Amo::Gui
