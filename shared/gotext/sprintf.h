// SPDX-License-Identifier: MIT
// Go's fmt.Sprintf, Sprint and Sprintln over Values.
#pragma once

#include "value.h"

#include <QList>
#include <QString>

namespace Amo::GoText {

/** Go's fmt.Sprintf (e.g. for --kubernetes.label.format "msi.azure.k8s.io/%s"); an invalid Value is Go's nil. */
QString sprintf(const QString &format, const QList<Value> &args);
/** Go's fmt.Sprint. */
QString sprint(const QList<Value> &args);
/** Go's fmt.Sprintln. */
QString sprintln(const QList<Value> &args);

} // namespace Amo::GoText
