// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/detailsbuilder.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Amo::Gui {

class YamlDiffView;

/** The selected row in depth: desired and live YAML side by side, and the raw template outputs of its MSI. */
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void setContent(const DetailsContent &content);
    void clear();
    const DetailsContent &content() const { return m_content; }
    YamlDiffView *diffView() const { return m_diff; }

private:
    DetailsContent m_content;
    QLabel *m_title;
    YamlDiffView *m_diff;
    QPlainTextEdit *m_templates;
};

} // namespace Amo::Gui
