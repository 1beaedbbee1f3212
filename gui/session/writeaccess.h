// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Gui {

/** Whether the signed-in user may make the writes of the current plan, as the API server answered. */
struct WriteAccess
{
    enum class State {
        Unknown, // not asked yet, or the server could not answer (the apply reports any 403 itself)
        Checking,
        Allowed,
        Denied,
    };
    State state = State::Unknown;
    QString reason; // Denied: what is not allowed where; Unknown: why it could not be asked
};

} // namespace Amo::Gui
