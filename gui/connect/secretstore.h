// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace Amo::Gui {

/**
 * The profiles' secrets (client secret or certificate password) in the system keychain through
 * QtKeychain: service "azure-msi-dashboard", one entry per profile name. Every call is asynchronous
 * and answers with exactly one signal; error is empty on success. A missing entry is not an error:
 * read() answers with an empty secret and remove() succeeds. Secrets are never logged.
 */
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);

    static QString serviceName();

    void read(const QString &profile);
    void write(const QString &profile, const QString &secret);
    void remove(const QString &profile);

Q_SIGNALS:
    void secretRead(const QString &profile, const QString &secret, const QString &error);
    void secretWritten(const QString &profile, const QString &error);
    void secretRemoved(const QString &profile, const QString &error);

private:
    static void prepare(QKeychain::Job *job, const QString &profile);
};

} // namespace Amo::Gui
