// SPDX-License-Identifier: MIT
// Go's fmt.Sprintf, Sprint and Sprintln over Values.
#include "sprintf.h"

#include "printer.h"

namespace Amo::GoText {

QString sprintf(const QString &format, const QList<Value> &args)
{
    return QString::fromStdString(
        Printer::sprintf(format.toStdString(), std::vector<Value>(args.cbegin(), args.cend())));
}

QString sprint(const QList<Value> &args)
{
    return QString::fromStdString(Printer::sprint(std::vector<Value>(args.cbegin(), args.cend())));
}

QString sprintln(const QList<Value> &args)
{
    return QString::fromStdString(Printer::sprintln(std::vector<Value>(args.cbegin(), args.cend())));
}

} // namespace Amo::GoText
