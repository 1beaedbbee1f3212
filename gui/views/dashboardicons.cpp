// SPDX-License-Identifier: MIT
#include "gui/views/dashboardicons.h"

#include <QApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QIcon DashboardIcons::icon(const QString &themeName, QStyle::StandardPixmap fallback)
{
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    const QString bundled = u":/icons/%1.svg"_s.arg(themeName);
    if (QFile::exists(bundled))
        return QIcon(bundled);
    return QApplication::style()->standardIcon(fallback);
}

} // namespace Amo::Gui
