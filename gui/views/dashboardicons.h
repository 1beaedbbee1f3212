// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QStyle>

namespace Amo::Gui {

/** Icons from the desktop theme, then the bundled SVGs (when present), then the style's standard icons. */
class DashboardIcons
{
public:
    static QIcon icon(const QString &themeName, QStyle::StandardPixmap fallback);
};

} // namespace Amo::Gui
