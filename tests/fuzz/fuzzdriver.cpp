// SPDX-License-Identifier: MIT
// Stand-in for libFuzzer where the compiler has none (GCC builds): runs every seed file, then a
// fixed number of deterministic mutations of them, through LLVMFuzzerTestOneInput. The suite runs
// it this way (under ASan+UBSan in the asan preset); clang builds link libFuzzer instead.
#include "fuzzinput.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdio>
#include <random>

namespace {

QByteArray mutate(const QByteArray &seed, std::mt19937 &rng)
{
    QByteArray out = seed;
    const int edits = 1 + int(rng() % 8);
    for (int e = 0; e < edits; ++e) {
        const auto pos = out.isEmpty() ? 0 : qsizetype(rng() % std::uint32_t(out.size()));
        switch (rng() % 7) {
        case 0: // flip a bit
            if (!out.isEmpty())
                out[pos] = char(out[pos] ^ char(1 << (rng() % 8)));
            break;
        case 1: // a random byte
            out.insert(pos, char(rng() % 256));
            break;
        case 2: // drop a run
            out.remove(pos, qsizetype(rng() % 16));
            break;
        case 3: // repeat a slice: deep nesting, long runs
            out.insert(pos, out.mid(pos, qsizetype(rng() % 32)).repeated(int(1 + rng() % 64)));
            break;
        case 4: // a byte that parsers care about
            out.insert(pos, "{}[]\"\\:,%.-+0123456789eE\n\0 "[rng() % 28]);
            break;
        case 5: // truncate
            out.truncate(pos);
            break;
        default: // an interesting number
            out.insert(pos, QByteArray::number(qint64(rng()) * ((rng() & 1) ? 1 : -1000000007LL)));
            break;
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 2000;
    QList<QByteArray> seeds;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QStringLiteral("-runs="))) {
            runs = arg.mid(6).toInt();
            continue;
        }
        if (arg.startsWith(u'-'))
            continue; // other libFuzzer flags mean nothing here
        QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                seeds.append(file.readAll());
        }
    }
    if (seeds.isEmpty())
        seeds.append(QByteArray());
    for (const QByteArray &seed : std::as_const(seeds))
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(seed.constData()), std::size_t(seed.size()));
    std::mt19937 rng(20261204);
    for (int i = 0; i < runs; ++i) {
        const QByteArray input = mutate(seeds.at(qsizetype(rng() % std::uint32_t(seeds.size()))), rng);
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()), std::size_t(input.size()));
    }
    std::printf("fuzz driver: %lld seeds, %d mutations, no crash\n", static_cast<long long>(seeds.size()), runs);
    return 0;
}
