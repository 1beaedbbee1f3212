// SPDX-License-Identifier: MIT
// Helpers shared by the fuzz targets: turn libFuzzer's bytes into the types the parsers take.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace AmoFuzz {

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/** Splits the input at NUL bytes (or newlines when there is none): several strings from one input. */
inline QList<QByteArray> parts(const QByteArray &input)
{
    return input.contains('\0') ? input.split('\0') : input.split('\n');
}

} // namespace AmoFuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
