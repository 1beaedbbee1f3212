// SPDX-License-Identifier: MIT
#include "gui/views/userprompt.h"

#include <QMessageBox>

namespace Amo::Gui {

bool UserPrompt::confirm(QWidget *parent, const QString &title, const QString &text, bool warning)
{
    if (!s_answers.isEmpty()) {
        s_asked << title << text;
        return s_answers.takeFirst();
    }
    const auto answer = warning
        ? QMessageBox::warning(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        : QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes;
}

void UserPrompt::inform(QWidget *parent, const QString &title, const QString &text)
{
    if (!s_answers.isEmpty()) {
        s_asked << title << text;
        s_answers.takeFirst();
        return;
    }
    QMessageBox::information(parent, title, text);
}

} // namespace Amo::Gui
