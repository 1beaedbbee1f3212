// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokenjob.h"

namespace Amo::Azure {

/** Something that can obtain access tokens; each request is a TokenJob. */
class TokenCredential : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /** The SDK-style type name used in logs and errors, e.g. "WorkloadIdentityCredential". */
    virtual QString name() const = 0;
    /** A new, unstarted job for a token with @p scope (v2 form, ending in "/.default"). */
    virtual TokenJob *createJob(const QString &scope, QObject *parent) = 0;
};

} // namespace Amo::Azure
