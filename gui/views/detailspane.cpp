// SPDX-License-Identifier: MIT
#include "gui/views/detailspane.h"

#include "gui/views/yamldiffview.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_diff(new YamlDiffView(this))
    , m_templates(new QPlainTextEdit(this))
{
    setObjectName(u"detailsPane"_s);
    m_title->setObjectName(u"detailsTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_templates->setObjectName(u"templateOutputs"_s);
    m_templates->setReadOnly(true);
    m_templates->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_templates->setPlaceholderText(tr("Raw template outputs of the selected MSI"));
    m_templates->setToolTip(
        tr("What the namespace and name templates produced for this MSI, and why parts were skipped"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_diff);
    split->addWidget(m_templates);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split);
    clear();
}

void DetailsPane::setContent(const DetailsContent &content)
{
    m_content = content;
    m_title->setText(content.title);
    m_diff->setYaml(content.desiredYaml, content.liveYaml);
    m_templates->setPlainText(content.templateOutputs);
}

void DetailsPane::clear()
{
    setContent({});
    m_title->setText(tr("Select a row to see its objects"));
}

} // namespace Amo::Gui
