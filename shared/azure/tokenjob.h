// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokenresult.h"

#include <QObject>

namespace Amo::Azure {

/**
 * One token request. Connect finished(), then call start(); the job emits finished() exactly once
 * (never from inside start()) and deletes itself afterwards.
 */
class TokenJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;

Q_SIGNALS:
    void finished(const Amo::Azure::TokenResult &result);

protected:
    /** Emits finished(result) and schedules deletion. */
    void finish(const TokenResult &result);
    /** Same, from the event loop: for results known before any I/O. */
    void finishLater(const TokenResult &result);
};

} // namespace Amo::Azure
