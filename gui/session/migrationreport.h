// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboardrows.h"

#include <QCoreApplication>
#include <QList>

namespace Amo::Gui {

/** The Migration view as a report a team can act on: Markdown (a table) or CSV (RFC 4180). */
class MigrationReport
{
    Q_DECLARE_TR_FUNCTIONS(MigrationReport)
public:
    enum class Format { Markdown, Csv };

    static QByteArray render(const QList<MigrationRow> &rows, Format format);
    static QByteArray toMarkdown(const QList<MigrationRow> &rows);
    static QByteArray toCsv(const QList<MigrationRow> &rows);

private:
    static QStringList headers();
    static QStringList cells(const MigrationRow &row);
};

} // namespace Amo::Gui
