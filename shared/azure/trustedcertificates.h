// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QSslCertificate>

#include <optional>

namespace Amo::Azure {

/**
 * The CAs a user configures the way Go programs on Linux take them: SSL_CERT_FILE (a PEM bundle) and
 * SSL_CERT_DIR (colon-separated directories of PEM files). They are trusted on top of the system store,
 * so a company's TLS-inspecting proxy or the simulator's CA works without replacing the public roots.
 * A kubeconfig's certificate-authority still replaces the roots for its API server (KubeClient).
 */
class TrustedCertificates
{
public:
    /** The extra CAs named by @p env; nullopt with *error naming the file or directory that cannot be used. */
    static std::optional<QList<QSslCertificate>> fromEnvironment(const QProcessEnvironment &env, QString *error);

    /**
     * Makes the system store plus the CAs of @p env the default for every HTTPS connection of this process
     * (Azure AD, ARM, IMDS, and an API server without its own CA). False with *error when a setting is bad.
     */
    static bool install(const QProcessEnvironment &env, QString *error);
};

} // namespace Amo::Azure
