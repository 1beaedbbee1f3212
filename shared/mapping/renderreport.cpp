// SPDX-License-Identifier: MIT
#include "shared/mapping/renderreport.h"

#include "shared/util/yamlwriter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Mapping {

namespace {
QJsonObject templateRun(const QString &output, const QString &error)
{
    if (!error.isEmpty())
        return QJsonObject {{u"error"_s, error}};
    return QJsonObject {{u"output"_s, output}};
}
} // namespace

QString RenderReport::yaml(const QList<MsiMapping> &mappings)
{
    QString out;
    for (const MsiMapping &mapping : mappings) {
        for (const Model::DesiredIdentity &identity : mapping.identities)
            out += u"---\n"_s + YamlWriter::document(identity.toJson());
    }
    return out;
}

QString RenderReport::skipLines(const QList<MsiMapping> &mappings)
{
    QString out;
    for (const MsiMapping &mapping : mappings) {
        for (const Model::Skip &skip : mapping.skips) {
            out += u"skip %1%2: %3\n"_s.arg(
                skip.msiId, skip.namespaceName.isEmpty() ? QString() : u" in namespace "_s + skip.namespaceName,
                skip.reason);
        }
        for (const QString &warning : mapping.warnings)
            out += u"warning %1: %2\n"_s.arg(mapping.msi.id, warning);
    }
    return out;
}

QJsonObject RenderReport::json(const QList<MsiMapping> &mappings)
{
    QJsonArray msis;
    for (const MsiMapping &mapping : mappings) {
        QJsonArray objects;
        for (const Model::DesiredIdentity &identity : mapping.identities)
            objects.append(identity.toJson());
        QJsonArray skips;
        for (const Model::Skip &skip : mapping.skips) {
            QJsonObject entry {{u"kind"_s, Model::Skip::kindName(skip.kind)}, {u"reason"_s, skip.reason}};
            if (!skip.namespaceName.isEmpty())
                entry.insert(u"namespace"_s, skip.namespaceName);
            skips.append(entry);
        }
        msis.append(QJsonObject {
            {u"id"_s, mapping.msi.id},
            {u"templates"_s,
             QJsonObject {{u"namespace"_s, templateRun(mapping.namespaceOutput, mapping.namespaceError)},
                          {u"resourcename"_s, templateRun(mapping.nameOutput, mapping.nameError)}}},
            {u"objects"_s, objects},
            {u"skips"_s, skips},
            {u"warnings"_s, QJsonArray::fromStringList(mapping.warnings)},
        });
    }
    return QJsonObject {{u"msis"_s, msis}};
}

} // namespace Amo::Mapping
