// SPDX-License-Identifier: MIT
// Go templates: the parser, the executor (against an MSI, as the operator runs them) and printf formats.
#include "fuzzinput.h"

#include "shared/gotext/msitemplatedata.h"
#include "shared/gotext/sprintf.h"
#include "shared/gotext/template.h"

using namespace Qt::StringLiterals;
using namespace Amo::GoText;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Value msi = [] {
        MsiTemplateData d;
        d.id = u"/subscriptions/s-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a"_s;
        d.name = u"a"_s;
        d.location = u"westeurope"_s;
        d.resourceGroup = u"rg-1"_s;
        d.subscriptionId = u"s-1"_s;
        d.clientId = u"c1d2e3f4-0000-1111-2222-333344445555"_s;
        d.tags = {{u"k8snamespace"_s, u"team-a,team-b"_s}, {u"env"_s, u"Prod"_s}};
        return d.toValue();
    }();
    const QString text = QString::fromUtf8(AmoFuzz::bytes(data, size));
    const Template parsed = Template::parse(u"fuzz"_s, text);
    if (parsed.isValid())
        parsed.execute(msi);
    else
        (void)parsed.error();
    (void)sprintf(text, {Value::fromFloat(1.5), Value::fromInt(-7), Value::fromString(u"x"_s), msi});
    return 0;
}
