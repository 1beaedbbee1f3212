// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboardrows.h"

#include <QCoreApplication>
#include <QString>

namespace Amo::Gui {

/** The translated names of row states, as the state columns and the state filter show them. */
class RowStateText
{
    Q_DECLARE_TR_FUNCTIONS(RowStateText)
public:
    static QString name(RowState state);
};

} // namespace Amo::Gui
