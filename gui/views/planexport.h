// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/plan.h"

#include <QCoreApplication>

class QWidget;

namespace Amo::Gui {

/** Plan export in the stable JSON form (PlanJson) or as YAML of the same document. */
class PlanExport
{
    Q_DECLARE_TR_FUNCTIONS(PlanExport)
public:
    enum class Format { Json, Yaml };

    static QByteArray bytes(const Sync::Plan &plan, Format format);
    /** Writes @p path; false with a reason in *error. */
    static bool save(const Sync::Plan &plan, const QString &path, Format format, QString *error);
    /** Asks for a file name, then saves; reports failures in a message box. */
    static void saveInteractively(QWidget *parent, const Sync::Plan &plan, Format format);
};

} // namespace Amo::Gui
