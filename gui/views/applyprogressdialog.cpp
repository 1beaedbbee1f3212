// SPDX-License-Identifier: MIT
#include "gui/views/applyprogressdialog.h"

#include "gui/models/stateaccent.h"
#include "shared/sync/plantext.h"

#include <QCloseEvent>
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
    m_cancel->setAccessibleName(tr("Cancel Approve & Sync"));
    connect(m_cancel, &QPushButton::clicked, this, &ApplyProgressDialog::requestCancel);
    m_status->setText(tr("Checking that nothing changed since the preview…"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_items);
    layout->addWidget(m_cancel, 0, Qt::AlignRight);
    resize(760, 420);
}

void ApplyProgressDialog::requestCancel()
{
    if (!m_running || !m_cancel->isEnabled())
        return;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling: no further item starts; the items already sent finish…"));
    Q_EMIT cancelRequested();
}

void ApplyProgressDialog::reject()
{
    // hiding the dialog while the writes go on would leave them unstoppable
    if (m_running)
        requestCancel();
    else
        QDialog::reject();
}

void ApplyProgressDialog::closeEvent(QCloseEvent *event)
{
    if (m_running) {
        event->ignore();
        requestCancel();
        return;
    }
    QDialog::closeEvent(event);
}

void ApplyProgressDialog::onItemFinished(int index, const Sync::ActionResult &result)
{
    showResult(index, result);
    m_progress->setValue(++m_done);
    m_status->setText(tr("%1 of %2 items done").arg(m_done).arg(m_progress->maximum()));
}

void ApplyProgressDialog::showResult(int index, const Sync::ActionResult &result)
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
}

void ApplyProgressDialog::onFinished(const QList<Sync::ActionResult> &results)
{
    int counts[5] = {};
    for (int i = 0; i < results.size(); ++i) {
        ++counts[int(results.at(i).outcome)];
        showResult(i, results.at(i)); // cancelled items never reported one by one
    }
    QString summary = tr("%1 applied, %2 failed, %3 cancelled of %4")
                          .arg(counts[int(Outcome::Applied)])
                          .arg(counts[int(Outcome::Failed)])
                          .arg(counts[int(Outcome::Cancelled)])
                          .arg(results.size());
    if (counts[int(Outcome::Unchanged)] > 0)
        summary += tr(", %1 unchanged").arg(counts[int(Outcome::Unchanged)]);
    if (counts[int(Outcome::WaitingForNamespace)] > 0)
        summary += tr(", %1 waiting for a namespace").arg(counts[int(Outcome::WaitingForNamespace)]);
    m_summary = tr("Approve & Sync finished: %1.").arg(summary);
    m_running = false;
    m_status->setText(m_summary);
    m_progress->setValue(m_progress->maximum());
    m_cancel->setText(tr("Close"));
    m_cancel->setEnabled(true);
    disconnect(m_cancel, nullptr, this, nullptr);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::accept);
}

} // namespace Amo::Gui
