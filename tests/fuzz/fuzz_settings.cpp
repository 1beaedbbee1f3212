// SPDX-License-Identifier: MIT
// What users type: options and their environment variables, Go durations, time layouts, label selectors.
#include "fuzzinput.h"

#include "shared/config/goduration.h"
#include "shared/config/gotimelayout.h"
#include "shared/config/optionparser.h"
#include "shared/kube/labelselector.h"

using namespace Amo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = AmoFuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);
    (void)Config::GoDuration::parse(text);
    (void)Kube::LabelSelector::parse(text);
    const QList<QByteArray> fields = AmoFuzz::parts(input);
    if (fields.size() >= 2) {
        const Config::GoTimeLayout layout(QString::fromUtf8(fields[0]));
        (void)layout.parse(QString::fromUtf8(fields[1]));
    }
    // Every field an argument; the first also the value of every environment variable.
    QStringList arguments;
    for (const QByteArray &field : fields)
        arguments.append(QString::fromUtf8(field));
    static const Config::OptionParser parser;
    (void)parser.parse(arguments, {});
    QHash<QString, QString> environment;
    for (const Config::OptionSpec &spec : parser.specs()) {
        if (!spec.env.isEmpty())
            environment.insert(spec.env, arguments.value(0));
    }
    (void)parser.parse({}, environment);
    return 0;
}
