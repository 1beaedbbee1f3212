// SPDX-License-Identifier: MIT
#include "shared/util/boundedfile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Amo::Util {

BoundedFile::Result BoundedFile::read(const QString &path, qint64 maxBytes)
{
    Result r;
    struct stat st
    {
    };
    // stat follows symbolic links, as Kubernetes' projected token files are.
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        r.error = u"cannot read %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.error = u"%1 is not a regular file"_s.arg(path);
        return r;
    }
    if (st.st_size > maxBytes) {
        r.error = u"%1 is larger than %2 bytes"_s.arg(path).arg(maxBytes);
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return r;
    }
    return readDevice(file, path, maxBytes); // the file may grow after stat
}

BoundedFile::Result BoundedFile::readDevice(QIODevice &device, const QString &name, qint64 maxBytes)
{
    Result r;
    for (;;) {
        const QByteArray chunk = device.read(qMin<qint64>(qint64(64) << 10, maxBytes + 1 - r.data.size()));
        if (chunk.isEmpty())
            break; // the end (a blocking read returns nothing only there) or an error
        r.data += chunk;
        if (r.data.size() > maxBytes) {
            r.data.clear();
            r.error = u"%1 is larger than %2 bytes"_s.arg(name).arg(maxBytes);
            return r;
        }
    }
    r.ok = true;
    return r;
}

} // namespace Amo::Util
