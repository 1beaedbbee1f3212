// SPDX-License-Identifier: MIT
#include "gui/views/planexport.h"

#include "gui/views/userprompt.h"
#include "shared/sync/planjson.h"

#include <QFileDialog>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QByteArray PlanExport::bytes(const Sync::Plan &plan, Format format)
{
    if (format == Format::Json)
        return Sync::PlanJson::toBytes(plan);
    return Sync::PlanJson::toYaml(plan);
}

bool PlanExport::save(const Sync::Plan &plan, const QString &path, Format format, QString *error)
{
    QSaveFile file(path);
    const QByteArray content = bytes(plan, format);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void PlanExport::saveInteractively(QWidget *parent, const Sync::Plan &plan, Format format)
{
    const bool json = format == Format::Json;
    const QString path = QFileDialog::getSaveFileName(
        parent, json ? tr("Export plan as JSON") : tr("Export plan as YAML"), json ? u"plan.json"_s : u"plan.yaml"_s,
        json ? tr("JSON files (*.json)") : tr("YAML files (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!save(plan, path, format, &error))
        UserPrompt::inform(parent, tr("Export failed"), tr("The plan could not be written to %1: %2").arg(path, error));
}

} // namespace Amo::Gui
