// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace Amo::Gui {

/**
 * Yes/no questions to the user. Tests queue answers with setNextAnswers(); each question then takes
 * the next one instead of opening a modal message box.
 */
class UserPrompt
{
public:
    static bool confirm(QWidget *parent, const QString &title, const QString &text, bool warning = false);
    static void inform(QWidget *parent, const QString &title, const QString &text);

    static void setNextAnswers(const QList<bool> &answers) { s_answers = answers; }
    /** The questions asked while answers were queued (title, then text). */
    static QStringList asked() { return s_asked; }
    static void clearAsked() { s_asked.clear(); }

private:
    static inline QList<bool> s_answers;
    static inline QStringList s_asked;
};

} // namespace Amo::Gui
