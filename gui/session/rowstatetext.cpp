// SPDX-License-Identifier: MIT
#include "gui/session/rowstatetext.h"

namespace Amo::Gui {

QString RowStateText::name(RowState state)
{
    switch (state) {
    case RowState::InSync:
        return tr("in sync");
    case RowState::WillCreate:
        return tr("will create");
    case RowState::WillUpdate:
        return tr("will update");
    case RowState::WillRepoint:
        return tr("will re-point");
    case RowState::WaitingForNamespace:
        return tr("waiting for namespace");
    case RowState::Skipped:
        return tr("skipped");
    case RowState::Conflict:
        return tr("conflict");
    case RowState::Orphan:
        return tr("orphan");
    case RowState::Ignored:
        return tr("ignored");
    case RowState::Missing:
        return tr("missing");
    case RowState::Drifted:
        return tr("drifted");
    case RowState::Expired:
        return tr("expired");
    case RowState::ExpiringSoon:
        return tr("expires soon");
    case RowState::Fine:
        return tr("fine");
    case RowState::Blocked:
        return tr("blocked");
    case RowState::NeedsChanges:
        return tr("needs changes");
    case RowState::Ready:
        return tr("ready");
    }
    return {};
}

} // namespace Amo::Gui
