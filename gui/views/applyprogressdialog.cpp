// SPDX-License-Identifier: MIT
#include "gui/views/applyprogressdialog.h"

#include "gui/models/stateaccent.h"
#include "shared/sync/plantext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Outcome = Sync::ActionResult::Outcome;

namespace {

QString outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
        return ApplyProgressDialog::tr("applied");
    case Outcome::Unchanged:
        return ApplyProgressDialog::tr("unchanged");
    case Outcome::WaitingForNamespace:
        return ApplyProgressDialog::tr("waiting for namespace");
    case Outcome::Failed:
        return ApplyProgressDialog::tr("failed");
    case Outcome::Cancelled:
        return ApplyProgressDialog::tr("cancelled");
    }
    return {};
}

} // namespace

ApplyProgressDialog::ApplyProgressDialog(const QList<Sync::Action> &actions, QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_items(new QTreeWidget(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"applyProgress"_s);
    setWindowTitle(tr("Approve & Sync"));
    m_items->setObjectName(u"applyItems"_s);
    m_items->setHeaderLabels({tr("Item"), tr("Result")});
    m_items->setRootIsDecorated(false);
    m_items->setColumnWidth(0, 480);
    for (const Sync::Action &action : actions) {
        auto *item = new QTreeWidgetItem(m_items);
        item->setText(0, Sync::PlanText::line(action));
        item->setText(1, tr("pending"));
    }
    m_progress->setRange(0, int(actions.size()));
    m_progress->setValue(0);
    m_cancel->setObjectName(u"cancelApply"_s);
    m_cancel->setToolTip(tr("Start no further items; items already sent still finish"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
    m_status->setText(tr("Checking that nothing changed since the preview…"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_items);
    layout->addWidget(m_cancel, 0, Qt::AlignRight);
    resize(760, 420);
}

void ApplyProgressDialog::onItemFinished(int index, const Sync::ActionResult &result)
{
    if (QTreeWidgetItem *item = m_items->topLevelItem(index)) {
        item->setText(1,
                      result.error.isEmpty() ? outcomeText(result.outcome)
                                             : tr("%1: %2").arg(outcomeText(result.outcome), result.error));
        item->setToolTip(1, item->text(1));
        const RowState state = result.outcome == Outcome::Failed ? RowState::Conflict
            : result.outcome == Outcome::Applied                 ? RowState::InSync
                                                                 : RowState::WaitingForNamespace;
        item->setForeground(1, StateAccent::color(state));
    }
    m_progress->setValue(++m_done);
    m_status->setText(tr("%1 of %2 items done").arg(m_done).arg(m_progress->maximum()));
}

void ApplyProgressDialog::onFinished(const QList<Sync::ActionResult> &results)
{
    int applied = 0, failed = 0;
    for (const Sync::ActionResult &result : results) {
        applied += result.outcome == Outcome::Applied;
        failed += result.outcome == Outcome::Failed;
    }
    m_status->setText(tr("Finished: %1 applied, %2 failed, %3 in all.").arg(applied).arg(failed).arg(results.size()));
    m_progress->setValue(m_progress->maximum());
    m_cancel->setText(tr("Close"));
    m_cancel->setEnabled(true);
    disconnect(m_cancel, nullptr, this, nullptr);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::accept);
}

} // namespace Amo::Gui
