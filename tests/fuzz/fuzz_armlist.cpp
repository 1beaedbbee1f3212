// SPDX-License-Identifier: MIT
// ARM list responses (what render mode and the inventory read), resource IDs and ARM/AAD error bodies.
#include "fuzzinput.h"

#include "shared/azure/tokenresponse.h"
#include "shared/kube/kubeerror.h"
#include "shared/mapping/msilistreader.h"
#include "shared/model/armresourceid.h"
#include "shared/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Amo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = AmoFuzz::bytes(data, size);
    const Mapping::MsiListReader::Result listed = Mapping::MsiListReader::read(input, u"fuzz"_s);
    (void)listed;
    Model::ArmResourceId id;
    QString error;
    Model::ArmResourceId::parse(QString::fromUtf8(input), &id, &error);
    const QJsonObject object = QJsonDocument::fromJson(input).object();
    (void)Azure::TokenResponse::fromJson(object, u"fuzz"_s, Clock::system());
    (void)Azure::TokenResponse::errorMessage(object);
    (void)Kube::KubeError::fromResponse(429, input, input.left(8));
    return 0;
}
