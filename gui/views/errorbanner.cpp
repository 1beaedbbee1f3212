// SPDX-License-Identifier: MIT
#include "gui/views/errorbanner.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    setObjectName(u"errorBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(u"errorBannerText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setAccessibleName(tr("Error message"));
    m_copy->setObjectName(u"errorBannerCopy"_s);
    m_copy->setToolTip(tr("Copy the message to the clipboard"));
    m_copy->setAccessibleName(tr("Copy the error message"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_plain); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_copy, 0, Qt::AlignTop);
    QFrame::hide();
}

void ErrorBanner::setLines(Level level, const QStringList &lines)
{
    if (lines.isEmpty()) {
        clear();
        return;
    }
    m_level = level;
    m_plain = lines.join(u'\n');
    QStringList html;
    for (const QString &line : lines)
        html << line.toHtmlEscaped();
    html.first() = u"<b>"_s + html.first() + u"</b>"_s;
    m_text->setText(html.join(u"<br>"_s));
    const bool error = level == Level::Error;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(
        style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning).pixmap(size, size));
    QPalette pal = palette();
    pal.setColor(QPalette::Window, error ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf3, 0xcd));
    pal.setColor(QPalette::WindowText, error ? QColor(0x58, 0x15, 0x1c) : QColor(0x66, 0x4d, 0x03));
    setPalette(pal);
    m_text->setPalette(pal);
    QFrame::show();
}

void ErrorBanner::clear()
{
    m_plain.clear();
    m_text->clear();
    QFrame::hide();
}

} // namespace Amo::Gui
