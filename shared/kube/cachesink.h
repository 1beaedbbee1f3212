// SPDX-License-Identifier: MIT
#pragma once

#include "watchstreamparser.h"

#include <QJsonArray>

namespace Amo::Kube {

/** What an Informer feeds: a full replacement built from list pages, then single watch events. */
class CacheSink
{
public:
    virtual ~CacheSink() = default;
    virtual void beginReplace() = 0;
    virtual void addPage(const QJsonArray &items) = 0;
    /** Swaps in the listed state; differences to the old state are reported as events. */
    virtual void commitReplace() = 0;
    virtual void abortReplace() = 0;
    virtual void apply(const WatchEvent &event) = 0;
};

} // namespace Amo::Kube
