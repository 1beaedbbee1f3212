// SPDX-License-Identifier: MIT
#include "agent/rendercommand.h"

#include "shared/mapping/identitymapper.h"
#include "shared/mapping/msilistreader.h"
#include "shared/mapping/renderreport.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include "shared/util/boundedfile.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
void write(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

RenderCommand::RenderCommand(const Mapping::IdentityMapper &mapper, const Logger &logger, std::FILE *out,
                             std::FILE *err)
    : m_mapper(mapper)
    , m_logger(logger)
    , m_out(out)
    , m_err(err)
{
}

int RenderCommand::run(const QString &source, const QString &format) const
{
    const bool fromStdin = source == u"-"_s;
    const QString name = fromStdin ? u"stdin"_s : source;
    Util::BoundedFile::Result read;
    if (fromStdin) {
        QFile file;
        if (file.open(stdin, QIODevice::ReadOnly))
            read = Util::BoundedFile::readDevice(file, name, MaxInputBytes);
        else
            read.error = file.errorString();
    } else {
        read = Util::BoundedFile::read(source, MaxInputBytes);
    }
    if (!read.ok) {
        m_logger.error(u"cannot read MSIs"_s, {{u"file"_s, name}, {u"error"_s, read.error}});
        return 1;
    }
    const Mapping::MsiListReader::Result input = Mapping::MsiListReader::read(read.data, name);
    for (const QString &warning : input.warnings)
        m_logger.warning(warning);
    for (const QString &error : input.errors)
        m_logger.error(error);

    // One "now" for the whole run, so every expiry date in the output agrees.
    const QDateTime now = Clock::system().nowUtc();
    QList<Mapping::MsiMapping> mappings;
    mappings.reserve(input.msis.size());
    for (const Model::Msi &msi : input.msis)
        mappings << m_mapper.map(msi, now);

    if (format == u"json"_s) {
        write(m_out,
              QString::fromUtf8(QJsonDocument(Mapping::RenderReport::json(mappings)).toJson(QJsonDocument::Indented)));
    } else {
        write(m_out, Mapping::RenderReport::yaml(mappings));
        write(m_err, Mapping::RenderReport::skipLines(mappings));
    }
    return input.errors.isEmpty() ? 0 : 1;
}

} // namespace Amo::Agent
