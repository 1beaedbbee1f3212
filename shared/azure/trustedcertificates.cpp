// SPDX-License-Identifier: MIT
#include "shared/azure/trustedcertificates.h"

#include <QDir>
#include <QFile>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

bool readBundle(const QString &path, QList<QSslCertificate> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"SSL_CERT_FILE %1 cannot be read: %2"_s.arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = u"SSL_CERT_FILE %1 holds no PEM certificate"_s.arg(path);
        return false;
    }
    out->append(certificates);
    return true;
}

bool readDirectory(const QString &path, QList<QSslCertificate> *out, QString *error)
{
    const QDir dir(path);
    if (!dir.exists() || !dir.isReadable()) {
        *error = u"SSL_CERT_DIR entry %1 is not a readable directory"_s.arg(path);
        return false;
    }
    // as Go's crypto/x509: every file is read, files that hold no PEM certificate are skipped
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo &entry : entries) {
        QFile file(entry.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly))
            out->append(QSslCertificate::fromData(file.readAll(), QSsl::Pem));
    }
    return true;
}

} // namespace

std::optional<QList<QSslCertificate>> TrustedCertificates::fromEnvironment(const QProcessEnvironment &env,
                                                                           QString *error)
{
    QList<QSslCertificate> out;
    const QString file = env.value(u"SSL_CERT_FILE"_s).trimmed();
    if (!file.isEmpty() && !readBundle(file, &out, error))
        return std::nullopt;
    const QString dirs = env.value(u"SSL_CERT_DIR"_s).trimmed();
    for (const QString &dir : dirs.split(u':', Qt::SkipEmptyParts)) {
        if (!readDirectory(dir, &out, error))
            return std::nullopt;
    }
    return out;
}

bool TrustedCertificates::install(const QProcessEnvironment &env, QString *error)
{
    const auto extra = fromEnvironment(env, error);
    if (!extra)
        return false;
    // Nothing added: keep Qt's default, whose on-demand loading also finds OpenSSL's hashed files
    // (/etc/ssl/certs/<hash>.0) that systemCaCertificates() does not list.
    if (extra->isEmpty())
        return true;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // an explicit list turns off Qt's on-demand root loading, so the system roots go in first
    QList<QSslCertificate> roots = QSslConfiguration::systemCaCertificates();
    roots.append(*extra);
    config.setCaCertificates(roots);
    QSslConfiguration::setDefaultConfiguration(config);
    return true;
}

} // namespace Amo::Azure
