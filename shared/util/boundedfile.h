// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace Amo::Util {

/**
 * Reads the small inputs the programs take from files (tokens, certificates, environment files, MSI
 * lists) with a size bound. A path that is not a regular file (a FIFO, /dev/zero, a directory) is
 * refused before it is opened, so nothing blocks on it or reads without end.
 */
class BoundedFile
{
public:
    static constexpr qint64 DefaultLimit = qint64(4) << 20; // far above any token or certificate

    struct Result
    {
        bool ok = false;
        QByteArray data;
        QString error; // names the file and why, e.g. "/dev/zero is not a regular file"
    };

    /** Reads a regular file of at most @p maxBytes. */
    static Result read(const QString &path, qint64 maxBytes = DefaultLimit);
    /** Reads an open, blocking device (a file, stdin) to its end, failing once more than @p maxBytes arrived. */
    static Result readDevice(QIODevice &device, const QString &name, qint64 maxBytes);
};

} // namespace Amo::Util
