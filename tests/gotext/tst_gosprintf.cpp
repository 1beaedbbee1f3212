// SPDX-License-Identifier: MIT
// Go fmt.Sprintf compatibility: every expected value below is what Go 1.19 printed for the same input.
#include "shared/gotext/msitemplatedata.h"
#include "shared/gotext/sprintf.h"

#include "goreferencedata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Amo::GoText::MsiTemplateData;
using Amo::GoText::Value;

namespace {
Value msiData()
{
    return goReferenceMsi().toValue();
}
} // namespace

class TestGoSprintf : public QObject
{
    Q_OBJECT
private slots:
    void sprintf_data();
    void sprintf();
    void sprintAndSprintln();
};

void TestGoSprintf::sprintf_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QList<Value>>("args");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("label-format") << u"msi.azure.k8s.io/%s"_s << QList<Value>{Value::fromString(u"team-a"_s)} << u"msi.azure.k8s.io/team-a"_s; // source: go1.19
    QTest::newRow("label-no-verb") << u"msi.azure.k8s.io/name"_s << QList<Value>{Value::fromString(u"team-a"_s)} << u"msi.azure.k8s.io/name%!(EXTRA string=team-a)"_s; // source: go1.19
    QTest::newRow("label-two-verbs") << u"%s/%s"_s << QList<Value>{Value::fromString(u"team-a"_s)} << u"team-a/%!s(MISSING)"_s; // source: go1.19
    QTest::newRow("percent") << u"100%%"_s << QList<Value>{} << u"100%"_s; // source: go1.19
    QTest::newRow("v-string") << u"%v|%s|%q"_s << QList<Value>{Value::fromString(u"a\"b"_s), Value::fromString(u"x"_s), Value::fromString(u"tab\there"_s)} << u"a\"b|x|\"tab\\there\""_s; // source: go1.19
    QTest::newRow("q-unicode") << u"%q|%+q|%#q"_s << QList<Value>{Value::fromString(u"é☃\001"_s), Value::fromString(u"é☃"_s), Value::fromString(u"back`tick"_s)} << u"\"é☃\\x01\"|\"\\u00e9\\u2603\"|\"back`tick\""_s; // source: go1.19
    QTest::newRow("d-flags") << u"%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%O|%b"_s << QList<Value>{Value::fromInt(42), Value::fromInt(42), Value::fromInt(42), Value::fromInt(-42), Value::fromInt(42), Value::fromInt(42), Value::fromInt(3054), Value::fromInt(3054), Value::fromInt(8), Value::fromInt(8), Value::fromInt(10)} << u"42|   42|42   |-0042|+42| 42|bee|BEE|10|0o10|1010"_s; // source: go1.19
    QTest::newRow("d-prec") << u"%.3d|%8.3d|%.0d|%#x|%#o|%#b"_s << QList<Value>{Value::fromInt(7), Value::fromInt(-7), Value::fromInt(0), Value::fromInt(0), Value::fromInt(0), Value::fromInt(3)} << u"007|    -007||0x0|0|0b11"_s; // source: go1.19
    QTest::newRow("c-U") << u"%c|%c|%U|%#U|%q"_s << QList<Value>{Value::fromInt(9786), Value::fromInt(-1), Value::fromInt(128512), Value::fromInt(65), Value::fromInt(9786)} << u"☺|�|U+1F600|U+0041 'A'|'☺'"_s; // source: go1.19
    QTest::newRow("floats") << u"%f|%.2f|%8.3f|%-8.1f|%+.1e|%E|%g|%G|%v"_s << QList<Value>{Value::fromFloat(3.14159), Value::fromFloat(3.14159), Value::fromFloat(-2.5), Value::fromFloat(2.25), Value::fromFloat(12345.678), Value::fromFloat(0.000123), Value::fromFloat(1e+20), Value::fromFloat(1e-10), Value::fromFloat(0.1)} << u"3.141590|3.14|  -2.500|2.2     |+1.2e+04|1.230000E-04|1e+20|1E-10|0.1"_s; // source: go1.19
    QTest::newRow("float-round") << u"%.0f|%.1f|%.2f|%.3g|%g"_s << QList<Value>{Value::fromFloat(2.5), Value::fromFloat(0.05), Value::fromFloat(1.005), Value::fromFloat(1234.5678), Value::fromFloat(100.0)} << u"2|0.1|1.00|1.23e+03|100"_s; // source: go1.19
    QTest::newRow("float-zero-pad") << u"%08.3f|%+08.3f|%-08.3f|% .2f"_s << QList<Value>{Value::fromFloat(-3.14159), Value::fromFloat(3.14159), Value::fromFloat(3.14159), Value::fromFloat(2.0)} << u"-003.142|+003.142|3.142   | 2.00"_s; // source: go1.19
    QTest::newRow("float-big") << u"%v|%v|%v|%v"_s << QList<Value>{Value::fromFloat(123456.0), Value::fromFloat(1234567.0), Value::fromFloat(0.0001), Value::fromFloat(1e-05)} << u"123456|1.234567e+06|0.0001|1e-05"_s; // source: go1.19
    QTest::newRow("bool") << u"%t|%v|%5t|%d"_s << QList<Value>{Value::fromBool(true), Value::fromBool(false), Value::fromBool(true), Value::fromBool(true)} << u"true|false| true|%!d(bool=true)"_s; // source: go1.19
    QTest::newRow("bad-verb") << u"%d|%s|%x|%e|%t"_s << QList<Value>{Value::fromString(u"s"_s), Value::fromInt(1), Value::fromBool(true), Value::fromInt(3), Value::fromString(u"x"_s)} << u"%!d(string=s)|%!s(int=1)|%!x(bool=true)|%!e(int=3)|%!t(string=x)"_s; // source: go1.19
    QTest::newRow("missing") << u"%s %d %v"_s << QList<Value>{} << u"%!s(MISSING) %!d(MISSING) %!v(MISSING)"_s; // source: go1.19
    QTest::newRow("extra") << u"x"_s << QList<Value>{Value::fromInt(1), Value::fromString(u"a"_s), Value()} << u"x%!(EXTRA int=1, string=a, <nil>)"_s; // source: go1.19
    QTest::newRow("noverb") << u"abc%"_s << QList<Value>{} << u"abc%!(NOVERB)"_s; // source: go1.19
    QTest::newRow("noverb-flags") << u"abc%-5"_s << QList<Value>{} << u"abc%!(NOVERB)"_s; // source: go1.19
    QTest::newRow("nil-args") << u"%v|%s|%d|%T"_s << QList<Value>{Value(), Value(), Value(), Value()} << u"<nil>|%!s(<nil>)|%!d(<nil>)|<nil>"_s; // source: go1.19
    QTest::newRow("T") << u"%T|%T|%T|%T|%T|%T"_s << QList<Value>{Value::fromString(u""_s), Value::fromInt(1), Value::fromFloat(1.0), Value::fromBool(true), Value::fromStringMap({{u"a"_s, u"b"_s}}), Value::fromList({Value::fromString(u"x"_s), Value::fromString(u"y"_s)}, "string")} << u"string|int|float64|bool|map[string]string|[]string"_s; // source: go1.19
    QTest::newRow("map") << u"%v|%s|%d"_s << QList<Value>{Value::fromStringMap({{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}}), Value::fromStringMap({{u"k"_s, u"v"_s}}), Value::fromStringMap({{u"k"_s, u"v"_s}})} << u"map[a:1 b:2]|map[k:v]|map[%!d(string=k):%!d(string=v)]"_s; // source: go1.19
    QTest::newRow("map-plusv-sharpv") << u"%+v|%#v"_s << QList<Value>{Value::fromStringMap({{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}}), Value::fromStringMap({{u"k"_s, u"v"_s}})} << u"map[a:1 b:2]|map[string]string{\"k\":\"v\"}"_s; // source: go1.19
    QTest::newRow("slice") << u"%v|%q|%x|%5s|%#v"_s << QList<Value>{Value::fromList({Value::fromString(u"x"_s), Value::fromString(u"y"_s)}, "string"), Value::fromList({Value::fromString(u"x"_s), Value::fromString(u"y"_s)}, "string"), Value::fromList({Value::fromString(u"hi"_s), Value::fromString(u"yo"_s)}, "string"), Value::fromList({Value::fromString(u"a"_s), Value::fromString(u"b"_s)}, "string"), Value::fromList({Value::fromString(u"a"_s)}, "string")} << u"[x y]|[\"x\" \"y\"]|[6869 796f]|[    a     b]|[]string{\"a\"}"_s; // source: go1.19
    QTest::newRow("struct") << u"%v"_s << QList<Value>{msiData()} << u"{/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one msi-one westeurope rg-1 sub-1 c1d2e3f4-0000-1111-2222-333344445555 t-1 p-1 map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ] Microsoft.ManagedIdentity/userAssignedIdentities}"_s; // source: go1.19
    QTest::newRow("struct-plus") << u"%+v"_s << QList<Value>{msiData()} << u"{Id:/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one Name:msi-one Location:westeurope ResourceGroup:rg-1 SubscriptionId:sub-1 ClientId:c1d2e3f4-0000-1111-2222-333344445555 TenantId:t-1 PrincipalID:p-1 Tags:map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ] Type:Microsoft.ManagedIdentity/userAssignedIdentities}"_s; // source: go1.19
    QTest::newRow("struct-sharp") << u"%#v"_s << QList<Value>{msiData()} << u"main.MsiTemplateData{Id:\"/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one\", Name:\"msi-one\", Location:\"westeurope\", ResourceGroup:\"rg-1\", SubscriptionId:\"sub-1\", ClientId:\"c1d2e3f4-0000-1111-2222-333344445555\", TenantId:\"t-1\", PrincipalID:\"p-1\", Tags:map[string]string{\"a.b\":\"dotted\", \"empty\":\"\", \"env\":\"Prod\", \"k8snamespace\":\"team-a\", \"owner\":\" Alice Smith \"}, Type:\"Microsoft.ManagedIdentity/userAssignedIdentities\"}"_s; // source: go1.19
    QTest::newRow("width-star") << u"%*s|%-*s|%.*s|%*d"_s << QList<Value>{Value::fromInt(6), Value::fromString(u"ab"_s), Value::fromInt(6), Value::fromString(u"ab"_s), Value::fromInt(2), Value::fromString(u"abcdef"_s), Value::fromInt(-4), Value::fromInt(7)} << u"    ab|ab    |ab|7   "_s; // source: go1.19
    QTest::newRow("width-star-bad") << u"%*s|%.*s"_s << QList<Value>{Value::fromString(u"x"_s), Value::fromString(u"ab"_s), Value::fromString(u"y"_s), Value::fromString(u"cd"_s)} << u"%!(BADWIDTH)ab|%!(BADPREC)cd"_s; // source: go1.19
    QTest::newRow("arg-index") << u"%[2]d %[1]d|%[1]s%[1]s|%[3]*.[2]*[1]f"_s << QList<Value>{Value::fromInt(1), Value::fromInt(2)} << u"2 1|%!s(int=1)%!s(int=1)|%!f(BADINDEX)"_s; // source: go1.19
    QTest::newRow("arg-index2") << u"%[3]*.[2]*[1]f"_s << QList<Value>{Value::fromFloat(12.0), Value::fromInt(2), Value::fromInt(6)} << u" 12.00"_s; // source: go1.19
    QTest::newRow("arg-index-bad") << u"%[5]d|%[x]d|%[0]d"_s << QList<Value>{Value::fromInt(1)} << u"%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)"_s; // source: go1.19
    QTest::newRow("string-prec") << u"%.2s|%.0s|%5.1s|%-5.3q|%.1q"_s << QList<Value>{Value::fromString(u"héllo"_s), Value::fromString(u"abc"_s), Value::fromString(u"xyz"_s), Value::fromString(u"abcdef"_s), Value::fromString(u"é"_s)} << u"hé||    x|\"abc\"|\"é\""_s; // source: go1.19
    QTest::newRow("uint8") << u"%v|%d|%c|%x|%T"_s << QList<Value>{Value::fromUint(65, "uint8"), Value::fromUint(65, "uint8"), Value::fromUint(65, "uint8"), Value::fromUint(255, "uint8"), Value::fromUint(1, "uint8")} << u"65|65|A|ff|uint8"_s; // source: go1.19
    QTest::newRow("hex-string-space") << u"% x|% X|%#x|% #x|%x"_s << QList<Value>{Value::fromString(u"abc"_s), Value::fromString(u"abc"_s), Value::fromString(u"abc"_s), Value::fromString(u"abc"_s), Value::fromString(u""_s)} << u"61 62 63|61 62 63|0x616263|0x61 0x62 0x63|"_s; // source: go1.19
    QTest::newRow("nan-inf-like") << u"%5.1f|%-7.2f|%07.2f"_s << QList<Value>{Value::fromFloat(-0.0), Value::fromFloat(1.0), Value::fromFloat(-1.0)} << u" -0.0|1.00   |-001.00"_s; // source: go1.19
    QTest::newRow("sharp-g") << u"%#g|%#.4g|%#v|%#.0f|%#.0e"_s << QList<Value>{Value::fromFloat(1.0), Value::fromFloat(123.0), Value::fromFloat(2.0), Value::fromFloat(3.0), Value::fromFloat(4.0)} << u"1.00000|123.0|2|3.|4.e+00"_s; // source: go1.19
    QTest::newRow("unicode-width") << u"%5s|%-5s|%5q"_s << QList<Value>{Value::fromString(u"é"_s), Value::fromString(u"☃"_s), Value::fromString(u"é"_s)} << u"    é|☃    |  \"é\""_s; // source: go1.19
    QTest::newRow("plus-space-string") << u"%+s|% s|%+v"_s << QList<Value>{Value::fromString(u"a"_s), Value::fromString(u"b"_s), Value::fromInt(3)} << u"a|b|3"_s; // source: go1.19
    QTest::newRow("percent-width") << u"%5%|%-5%|%d"_s << QList<Value>{Value::fromInt(1)} << u"%|%|1"_s; // source: go1.19
    QTest::newRow("many") << u"%s-%s-%s"_s << QList<Value>{Value::fromString(u"a"_s), Value::fromString(u"b"_s), Value::fromString(u"c"_s)} << u"a-b-c"_s; // source: go1.19
    QTest::newRow("verb-unicode") << u"%é"_s << QList<Value>{Value::fromInt(1)} << u"%!é(int=1)"_s; // source: go1.19
    // clang-format on
}

void TestGoSprintf::sprintf()
{
    QFETCH(QString, format);
    QFETCH(QList<Value>, args);
    QFETCH(QString, expected);
    QCOMPARE(Amo::GoText::sprintf(format, args), expected);
}

void TestGoSprintf::sprintAndSprintln()
{
    // source: go1.19: fmt.Sprint(1, 2, "a", "b", 3, nil) and fmt.Sprintln(1, "a")
    const QList<Value> args {Value::fromInt(1),    Value::fromInt(2), Value::fromUtf8("a"),
                             Value::fromUtf8("b"), Value::fromInt(3), Value()};
    QCOMPARE(Amo::GoText::sprint(args), u"1 2ab3 <nil>"_s);
    QCOMPARE(Amo::GoText::sprintln({Value::fromInt(1), Value::fromUtf8("a")}), u"1 a\n"_s);
}

QTEST_GUILESS_MAIN(TestGoSprintf)
#include "tst_gosprintf.moc"
