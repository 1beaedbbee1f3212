// SPDX-License-Identifier: MIT
// The Kubernetes watch stream: newline-delimited JSON events, fed in two arbitrary chunks.
#include "fuzzinput.h"

#include "shared/kube/watchstreamparser.h"
#include "shared/model/observedbinding.h"
#include "shared/model/observedidentity.h"
#include "shared/model/observednamespace.h"

using namespace Amo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = AmoFuzz::bytes(data, size);
    const qsizetype cut = input.isEmpty() ? 0 : qsizetype(std::uint8_t(input[0])) % (input.size() + 1);
    Kube::WatchStreamParser parser;
    QList<Kube::WatchEvent> events = parser.feed(input.left(cut));
    events += parser.feed(input.mid(cut));
    for (const Kube::WatchEvent &event : std::as_const(events)) {
        // What the cluster state reads from each event.
        (void)Model::ObservedIdentity::fromJson(event.object);
        (void)Model::ObservedBinding::fromJson(event.object);
        (void)Model::ObservedNamespace::fromJson(event.object);
    }
    Kube::WatchEvent one;
    QString error;
    Kube::WatchStreamParser::decode(input, &one, &error);
    return 0;
}
