// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace Amo::Gui {

/** Asks for the agent's env settings: pasted text, or the contents of a file the user picks. */
class EnvImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EnvImportDialog(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);

private:
    void openFile();

    QPlainTextEdit *m_text = nullptr;
};

} // namespace Amo::Gui
