// SPDX-License-Identifier: MIT
#pragma once

// Internal to shared/metrics: only its .cpp files include this, so prometheus-cpp's headers stay
// out of the headers that the clients include.
#include <prometheus/labels.h>

#include <QString>
#include <QStringList>

namespace Amo::Metrics {

/** The label values, given in the order of @p names, as prometheus-cpp's label map. */
prometheus::Labels toLabels(const QStringList &names, const QStringList &values);
/** prometheus-cpp writes HELP texts as they are; the text format wants backslash and newline escaped. */
std::string escapedHelp(const QString &help);

} // namespace Amo::Metrics
