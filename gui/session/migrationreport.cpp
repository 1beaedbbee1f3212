// SPDX-License-Identifier: MIT
#include "gui/session/migrationreport.h"

#include "gui/session/migrationrowbuilder.h"
#include "gui/session/rowstatetext.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return QString(u'"' + quoted + u'"');
}

QString markdownCell(const QString &text)
{
    QString cell = text;
    cell.replace(u"|"_s, u"\\|"_s);
    cell.replace(u"\n"_s, u" "_s);
    return cell;
}

} // namespace

QStringList MigrationReport::headers()
{
    return {tr("Namespace"),
            tr("Binding"),
            tr("Selector"),
            tr("AzureIdentity"),
            tr("MSI"),
            tr("Owner kind"),
            tr("Owner"),
            tr("Pods"),
            tr("ServiceAccount now"),
            tr("ServiceAccount needed"),
            tr("Label %1").arg(MigrationRowBuilder::useLabel()),
            tr("State"),
            tr("To do")};
}

QStringList MigrationReport::cells(const MigrationRow &row)
{
    return {row.namespaceName,
            row.binding,
            row.selector,
            row.azureIdentity,
            row.msiName,
            row.ownerKind,
            row.ownerName,
            row.pods.join(u' '),
            row.currentServiceAccount,
            row.serviceAccount,
            row.ownerKind.isEmpty() ? QString() : (row.hasUseLabel ? tr("present") : tr("missing")),
            RowStateText::name(row.state),
            row.detail};
}

QByteArray MigrationReport::render(const QList<MigrationRow> &rows, Format format)
{
    return format == Format::Csv ? toCsv(rows) : toMarkdown(rows);
}

QByteArray MigrationReport::toMarkdown(const QList<MigrationRow> &rows)
{
    QString text = tr("# Migration from aad-pod-identity to workload identity") + u"\n\n"_s;
    text += tr("Each workload needs its pods to run as the ServiceAccount named below and to carry the label "
               "`%1: \"true\"`; the ServiceAccount and its federated credential are written by workload identity "
               "mode.")
                .arg(MigrationRowBuilder::useLabel())
        + u"\n\n"_s;
    const QStringList head = headers();
    text += u"| "_s + head.join(u" | "_s) + u" |\n"_s;
    text += u"|"_s + QStringList(head.size(), u"---"_s).join(u'|') + u"|\n"_s;
    for (const MigrationRow &row : rows) {
        QStringList line;
        for (const QString &cell : cells(row))
            line << markdownCell(cell);
        text += u"| "_s + line.join(u" | "_s) + u" |\n"_s;
    }
    return text.toUtf8();
}

QByteArray MigrationReport::toCsv(const QList<MigrationRow> &rows)
{
    QString text;
    auto addLine = [&text](const QStringList &fields) {
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        text += quoted.join(u',') + u"\r\n"_s;
    };
    addLine(headers());
    for (const MigrationRow &row : rows)
        addLine(cells(row));
    return text.toUtf8();
}

} // namespace Amo::Gui
