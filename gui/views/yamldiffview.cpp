// SPDX-License-Identifier: MIT
#include "gui/views/yamldiffview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSet>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

QPlainTextEdit *makeEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

/** The accent blended into the base colour: tinted enough to see, light or dark, with the text still readable. */
QColor tint(const QColor &base, const QColor &accent)
{
    const double a = 0.28;
    return QColor::fromRgbF(float(base.redF() * (1 - a) + accent.redF() * a),
                            float(base.greenF() * (1 - a) + accent.greenF() * a),
                            float(base.blueF() * (1 - a) + accent.blueF() * a));
}

} // namespace

YamlDiffView::YamlDiffView(QWidget *parent)
    : QWidget(parent)
    , m_desired(makeEdit(this, u"desiredYaml"_s))
    , m_live(makeEdit(this, u"liveYaml"_s))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Desired (after the next sync)"), this), 0, 0);
    layout->addWidget(new QLabel(tr("Live (in the cluster now)"), this), 0, 1);
    layout->addWidget(m_desired, 1, 0);
    layout->addWidget(m_live, 1, 1);
    m_desired->setToolTip(tr("The objects as the next sync would leave them; changed lines are highlighted"));
    m_live->setToolTip(tr("The objects as they are in the cluster now; lines the sync changes are highlighted"));
}

void YamlDiffView::setYaml(const QString &desired, const QString &live)
{
    m_desired->setPlainText(desired);
    m_live->setPlainText(live);
    highlight();
}

QString YamlDiffView::desired() const
{
    return m_desired->toPlainText();
}

QString YamlDiffView::live() const
{
    return m_live->toPlainText();
}

void YamlDiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        highlight(); // light/dark switch: re-derive the tints
}

void YamlDiffView::highlight()
{
    // With nothing desired (an orphan, which the operator never deletes) the live object is not
    // "to be removed": leave it unpainted.
    const QString desired = m_desired->toPlainText();
    m_highlighted = highlight(m_desired, m_live->toPlainText(), QColor(0x3a, 0x9a, 0x3a))
        + (desired.isEmpty() ? highlight(m_live, m_live->toPlainText(), QColor())
                             : highlight(m_live, desired, QColor(0xdc, 0x32, 0x2f)));
}

int YamlDiffView::highlight(QPlainTextEdit *edit, const QString &other, const QColor &accent)
{
    const QStringList otherLines = other.split(u'\n');
    const QSet<QString> present(otherLines.cbegin(), otherLines.cend());
    QTextCharFormat format;
    format.setBackground(tint(palette().color(QPalette::Base), accent));
    format.setProperty(QTextFormat::FullWidthSelection, true);
    QList<QTextEdit::ExtraSelection> selections;
    // only highlight when there is something to compare with
    if (!other.isEmpty() || !edit->toPlainText().isEmpty()) {
        for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
            if (block.text().isEmpty() || present.contains(block.text()) || block.text() == u"---"_s)
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.format = format;
            selections << selection;
        }
    }
    edit->setExtraSelections(selections);
    return int(selections.size());
}

} // namespace Amo::Gui
