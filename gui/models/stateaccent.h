// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboardrows.h"

#include <QColor>

namespace Amo::Gui {

/**
 * The accent colour of a state: mid-tone hues that keep their contrast on light and dark palettes.
 * Invalid for states that need no accent, so the palette's text colour applies.
 */
class StateAccent
{
public:
    static QColor color(RowState state);
};

} // namespace Amo::Gui
