// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Amo::Gui {

/**
 * A coloured strip above the views that says what failed, where the eye is: selectable text, a Copy
 * button, hidden while there is nothing to say.
 */
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Warning, Error };

    explicit ErrorBanner(QWidget *parent = nullptr);

    /** Shows @p lines (the first one in bold); an empty list hides the banner. */
    void setLines(Level level, const QStringList &lines);
    void clear();
    QString text() const { return m_plain; }
    Level level() const { return m_level; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_copy;
    QString m_plain;
    Level m_level = Level::Warning;
};

} // namespace Amo::Gui
