// SPDX-License-Identifier: MIT
#include "gui/models/stateaccent.h"

namespace Amo::Gui {

QColor StateAccent::color(RowState state)
{
    switch (state) {
    case RowState::Conflict:
    case RowState::Expired:
    case RowState::Missing:
    case RowState::Blocked:
        return QColor(0xdc, 0x32, 0x2f); // red
    case RowState::ExpiringSoon:
    case RowState::Drifted:
    case RowState::WaitingForNamespace:
    case RowState::Orphan:
    case RowState::NeedsChanges:
        return QColor(0xcb, 0x7a, 0x00); // amber
    case RowState::WillCreate:
    case RowState::WillUpdate:
    case RowState::WillRepoint:
        return QColor(0x26, 0x8b, 0xd2); // blue
    case RowState::Fine:
    case RowState::InSync:
    case RowState::Ready:
        return QColor(0x3a, 0x9a, 0x3a); // green
    case RowState::Skipped:
    case RowState::Ignored:
        return {};
    }
    return {};
}

} // namespace Amo::Gui
