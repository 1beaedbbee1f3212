// SPDX-License-Identifier: MIT
#include "gui/connect/secretstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

QString SecretStore::serviceName()
{
    return u"azure-msi-dashboard"_s;
}

void SecretStore::prepare(QKeychain::Job *job, const QString &profile)
{
    job->setKey(profile);
    job->setAutoDelete(true);
    // A plain-text file would break the promise that secrets only live in the keychain.
    job->setInsecureFallback(false);
}

void SecretStore::read(const QString &profile)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    prepare(job, profile);
    connect(job, &QKeychain::Job::finished, this, [this, job, profile] {
        if (job->error() == QKeychain::NoError)
            Q_EMIT secretRead(profile, job->textData(), {});
        else if (job->error() == QKeychain::EntryNotFound)
            Q_EMIT secretRead(profile, {}, {});
        else
            Q_EMIT secretRead(profile, {}, job->errorString());
    });
    job->start();
}

void SecretStore::write(const QString &profile, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    prepare(job, profile);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, profile] {
        Q_EMIT secretWritten(profile, job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void SecretStore::remove(const QString &profile)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    prepare(job, profile);
    connect(job, &QKeychain::Job::finished, this, [this, job, profile] {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        Q_EMIT secretRemoved(profile, ok ? QString() : job->errorString());
    });
    job->start();
}

} // namespace Amo::Gui
