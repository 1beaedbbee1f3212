// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/labelformat.h"
#include "shared/gotext/template.h"
#include "shared/mapping/mappingoptions.h"
#include "shared/mapping/msimapping.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Amo::Mapping {

/**
 * Turns MSIs into the AzureIdentity objects the operator wants: a pure function of the MSI, the options and "now".
 * Templates are parsed once, when the mapper is made; a mapper with bad options is invalid and says why.
 */
class IdentityMapper
{
    Q_DECLARE_TR_FUNCTIONS(IdentityMapper)
public:
    explicit IdentityMapper(MappingOptions options);

    bool isValid() const { return m_error.isEmpty(); }
    /** Names the option at fault: a template that does not parse, or a label format that yields bad keys. */
    QString error() const { return m_error; }
    const MappingOptions &options() const { return m_options; }

    MsiMapping map(const Model::Msi &msi, const QDateTime &nowUtc) const;

private:
    QStringList targetNamespaces(const QString &output, const Model::Msi &msi, MsiMapping &result) const;
    Model::DesiredIdentity makeIdentity(const Model::Msi &msi, const QString &ns, const QString &name,
                                        const QDateTime &nowUtc, MsiMapping &result) const;

    MappingOptions m_options;
    GoText::Template m_namespaceTemplate;
    GoText::Template m_nameTemplate;
    Config::LabelFormat m_labels;
    QStringList m_ignored;
    QString m_error;
};

} // namespace Amo::Mapping
