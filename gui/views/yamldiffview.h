// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Amo::Gui {

/** Desired and live YAML side by side; lines found on one side only are highlighted. */
class YamlDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit YamlDiffView(QWidget *parent = nullptr);

    void setYaml(const QString &desired, const QString &live);
    QString desired() const;
    QString live() const;
    /** Lines highlighted on the desired and the live side. */
    int highlightedLines() const { return m_highlighted; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void highlight();
    int highlight(QPlainTextEdit *edit, const QString &other, const QColor &accent);

    QPlainTextEdit *m_desired;
    QPlainTextEdit *m_live;
    int m_highlighted = 0;
};

} // namespace Amo::Gui
