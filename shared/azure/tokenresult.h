// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/accesstoken.h"

namespace Amo::Azure {

/** What one token request ended with. `error` names the credential and the reason; it never holds a secret. */
struct TokenResult
{
    enum class Status {
        Ok,
        Unavailable, // this credential is not set up here (no IMDS, no az): a chain tries the next one
        Failed, // set up but refused or broken: a chain stops and reports it
    };

    Status status = Status::Failed;
    AccessToken token;
    QString credential; // e.g. "ClientSecretCredential"
    QString error;

    bool ok() const { return status == Status::Ok; }
    static TokenResult success(const QString &credential, AccessToken token)
    {
        return {Status::Ok, std::move(token), credential, {}};
    }
    static TokenResult failure(const QString &credential, const QString &why, Status status = Status::Failed)
    {
        return {status, {}, credential, credential + QStringLiteral(": ") + why};
    }
};

} // namespace Amo::Azure
