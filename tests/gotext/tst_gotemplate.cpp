// SPDX-License-Identifier: MIT
// Go text/template compatibility: every expected value below is what Go 1.19 printed for the same input.
#include "shared/gotext/msitemplatedata.h"
#include "shared/gotext/template.h"

#include "goreferencedata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Amo::GoText::ExecResult;
using Amo::GoText::MsiTemplateData;
using Amo::GoText::Template;
using Amo::GoText::Value;

namespace {
MsiTemplateData msi()
{
    return goReferenceMsi();
}

// []interface{}{"a", 2, nil, map[string]interface{}{"x": 1, "n": nil}}
Value sliceData()
{
    const Value inner = Value::fromEntries({{"x", Value::fromInt(1)}, {"n", Value::nil()}}, "interface {}");
    return Value::fromItems({Value::fromUtf8("a"), Value::fromInt(2), Value::nil(), inner}, "interface {}");
}

// map[string]interface{}{"s": "str", "i": 42, "f": 1.5, "n": nil, "l": []string{"x", "y"}, "m": map[string]string{"k":
// "v"}}
Value mapData()
{
    return Value::fromEntries({{"s", Value::fromUtf8("str")},
                               {"i", Value::fromInt(42)},
                               {"f", Value::fromFloat(1.5)},
                               {"n", Value::nil()},
                               {"l", Value::fromItems({Value::fromUtf8("x"), Value::fromUtf8("y")}, "string")},
                               {"m", Value::fromEntries({{"k", Value::fromUtf8("v")}}, "string")}},
                              "interface {}");
}

Value data(const QString &kind)
{
    if (kind == u"nil")
        return Value();
    if (kind == u"slice")
        return sliceData();
    if (kind == u"map")
        return mapData();
    return msi().toValue();
}

ExecResult run(const QString &text, const Value &value)
{
    const Template t = Template::parse(u"ns"_s, text);
    if (!t.isValid())
        return ExecResult {false, QString(), t.error()};
    return t.execute(value);
}
} // namespace

class TestGoTemplate : public QObject
{
    Q_OBJECT
private slots:
    void render_data();
    void render();
    void parseError_data();
    void parseError();
    void execError_data();
    void execError();
    void typeNameIsAParameter();
    void unexportedFieldOfAnonymousStruct();
    void templateDepthIsBounded();
    void executionStepsAreBounded();
    void executionNestingIsBounded();
    void parseNestingIsBounded();
    void hugePrecisionPrintsGoDigits();
    void outputIsBounded();
    void defaultTemplatesOfTheOperator();
    void defaultConstructedTemplateIsInvalid();
};

void TestGoTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dataKind");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("default-ns") << u"{{index .Tags \"k8snamespace\"}}"_s << u"msi"_s << u"team-a"_s; // source: go1.19
    QTest::newRow("default-name") << u"{{ .Name }}-{{ .ClientId }}"_s << u"msi"_s << u"msi-one-c1d2e3f4-0000-1111-2222-333344445555"_s; // source: go1.19
    QTest::newRow("text-only") << u"plain text"_s << u"msi"_s << u"plain text"_s; // source: go1.19
    QTest::newRow("empty") << u""_s << u"msi"_s << u""_s; // source: go1.19
    QTest::newRow("missing-field-map") << u"{{.Tags.nope}}"_s << u"msi"_s << u"<no value>"_s; // source: go1.19
    QTest::newRow("missing-index") << u"[{{index .Tags \"nope\"}}]"_s << u"msi"_s << u"[]"_s; // source: go1.19
    QTest::newRow("field-chain-missing-deeper") << u"{{.Tags.nope.deeper}}"_s << u"msi"_s << u"<no value>"_s; // source: go1.19
    QTest::newRow("trim-markers") << u"a  {{- .Name -}}  b"_s << u"msi"_s << u"amsi-oneb"_s; // source: go1.19
    QTest::newRow("trim-newlines") << u"x\n\t{{- 1 }}\n{{- 2 -}}\n y"_s << u"msi"_s << u"x12y"_s; // source: go1.19
    QTest::newRow("comment") << u"a{{/* comment */}}b"_s << u"msi"_s << u"ab"_s; // source: go1.19
    QTest::newRow("comment-trim") << u"a {{- /* c */ -}} b"_s << u"msi"_s << u"ab"_s; // source: go1.19
    QTest::newRow("pipeline") << u"{{.Name | printf \"%s!\"}}"_s << u"msi"_s << u"msi-one!"_s; // source: go1.19
    QTest::newRow("pipeline-chain") << u"{{\"Abc\" | lower | printf \"%q\"}}"_s << u"msi"_s << u"\"abc\""_s; // source: go1.19
    QTest::newRow("paren") << u"{{printf \"%s-%d\" (lower .Name) (len .Tags)}}"_s << u"msi"_s << u"msi-one-5"_s; // source: go1.19
    QTest::newRow("paren-field") << u"{{(index .Tags \"env\") | upper}}"_s << u"msi"_s << u"PROD"_s; // source: go1.19
    QTest::newRow("var-decl") << u"{{$x := .Name}}{{$x}}"_s << u"msi"_s << u"msi-one"_s; // source: go1.19
    QTest::newRow("var-assign") << u"{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}"_s << u"msi"_s << u"2"_s; // source: go1.19
    QTest::newRow("var-scope") << u"{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}"_s << u"msi"_s << u"21"_s; // source: go1.19
    QTest::newRow("dollar") << u"{{with .Tags}}{{$.Name}}{{end}}"_s << u"msi"_s << u"msi-one"_s; // source: go1.19
    QTest::newRow("var-field") << u"{{$t := .Tags}}{{$t.env}}"_s << u"msi"_s << u"Prod"_s; // source: go1.19
    QTest::newRow("if-else") << u"{{if .Tags.env}}yes{{else}}no{{end}}"_s << u"msi"_s << u"yes"_s; // source: go1.19
    QTest::newRow("if-elseif") << u"{{if .Tags.nope}}a{{else if eq .Tags.env \"Prod\"}}b{{else}}c{{end}}"_s << u"msi"_s << u"b"_s; // source: go1.19
    QTest::newRow("if-empty-string") << u"{{if .Tags.empty}}a{{else}}b{{end}}"_s << u"msi"_s << u"b"_s; // source: go1.19
    QTest::newRow("with-else") << u"{{with .Tags.nope}}x{{else}}none{{end}}"_s << u"msi"_s << u"none"_s; // source: go1.19
    QTest::newRow("with-dot") << u"{{with .Tags.env}}{{.}}{{end}}"_s << u"msi"_s << u"Prod"_s; // source: go1.19
    QTest::newRow("range-map") << u"{{range $k, $v := .Tags}}{{$k}}={{$v}};{{end}}"_s << u"msi"_s << u"a.b=dotted;empty=;env=Prod;k8snamespace=team-a;owner= Alice Smith ;"_s; // source: go1.19
    QTest::newRow("range-map-dot") << u"{{range .Tags}}[{{.}}]{{end}}"_s << u"msi"_s << u"[dotted][][Prod][team-a][ Alice Smith ]"_s; // source: go1.19
    QTest::newRow("range-slice") << u"{{range $i, $v := .}}{{$i}}:{{$v}} {{end}}"_s << u"slice"_s << u"0:a 1:2 2:<no value> 3:map[n:<nil> x:1] "_s; // source: go1.19
    QTest::newRow("range-else") << u"{{range .Tags.nope}}x{{else}}empty{{end}}"_s << u"msi"_s << u"empty"_s; // source: go1.19
    QTest::newRow("range-break") << u"{{range $k, $v := .Tags}}{{if eq $k \"env\"}}{{break}}{{end}}{{$k}},{{end}}"_s << u"msi"_s << u"a.b,empty,"_s; // source: go1.19
    QTest::newRow("range-continue") << u"{{range $k, $v := .Tags}}{{if eq $k \"env\"}}{{continue}}{{end}}{{$k}},{{end}}"_s << u"msi"_s << u"a.b,empty,k8snamespace,owner,"_s; // source: go1.19
    QTest::newRow("range-one-var") << u"{{range $v := .Tags}}{{$v}},{{end}}"_s << u"msi"_s << u"dotted,,Prod,team-a, Alice Smith ,"_s; // source: go1.19
    QTest::newRow("define-template") << u"{{define \"x\"}}[{{.}}]{{end}}{{template \"x\" .Name}}"_s << u"msi"_s << u"[msi-one]"_s; // source: go1.19
    QTest::newRow("block") << u"{{block \"b\" .Location}}<{{.}}>{{end}}"_s << u"msi"_s << u"<westeurope>"_s; // source: go1.19
    QTest::newRow("template-nodata") << u"{{define \"x\"}}[{{.}}]{{end}}{{template \"x\"}}"_s << u"msi"_s << u"[<no value>]"_s; // source: go1.19
    QTest::newRow("and-or") << u"{{and 1 0 \"x\"}}|{{or 0 \"\" \"y\"}}|{{and 1 2}}|{{or 0 \"\"}}"_s << u"msi"_s << u"0|y|2|"_s; // source: go1.19
    QTest::newRow("not") << u"{{not .Tags.empty}}{{not 1}}"_s << u"msi"_s << u"truefalse"_s; // source: go1.19
    QTest::newRow("len") << u"{{len .Tags}} {{len .Name}}"_s << u"msi"_s << u"5 7"_s; // source: go1.19
    QTest::newRow("index-string") << u"{{index .Name 0}}"_s << u"msi"_s << u"109"_s; // source: go1.19
    QTest::newRow("index-noargs") << u"{{index .Name}}"_s << u"msi"_s << u"msi-one"_s; // source: go1.19
    QTest::newRow("slice-string") << u"{{slice .Name 1 3}}|{{slice .Name 4}}|{{slice .Name}}"_s << u"msi"_s << u"si|one|msi-one"_s; // source: go1.19
    QTest::newRow("print") << u"{{print 1 2 \"a\" \"b\" 3 .Tags.nope}}"_s << u"msi"_s << u"1 2ab3 <nil>"_s; // source: go1.19
    QTest::newRow("println") << u"{{println 1 \"a\"}}"_s << u"msi"_s << u"1 a\n"_s; // source: go1.19
    QTest::newRow("printf-verbs") << u"{{printf \"%v %d %s %q %x %X %o %b %c %t %T %%\" 42 42 \"s\" \"q\" 255 255 8 5 65 true 1.5}}"_s << u"msi"_s << u"42 42 s \"q\" ff FF 10 101 A true float64 %"_s; // source: go1.19
    QTest::newRow("printf-float") << u"{{printf \"%e %f %g %.2f %8.3f %-8.2f| %+d %05d % d\" 1234.5678 1.5 0.000012345 3.14159 2.5 2.5 5 42 7}}"_s << u"msi"_s << u"1.234568e+03 1.500000 1.2345e-05 3.14    2.500 2.50    | +5 00042  7"_s; // source: go1.19
    QTest::newRow("printf-bad") << u"{{printf \"%d\" \"str\"}}"_s << u"msi"_s << u"%!d(string=str)"_s; // source: go1.19
    QTest::newRow("printf-missing") << u"{{printf \"%s %s\" \"a\"}}"_s << u"msi"_s << u"a %!s(MISSING)"_s; // source: go1.19
    QTest::newRow("printf-extra") << u"{{printf \"%s\" \"a\" 1 \"b\"}}"_s << u"msi"_s << u"a%!(EXTRA int=1, string=b)"_s; // source: go1.19
    QTest::newRow("printf-noverb") << u"{{printf \"abc%\"}}"_s << u"msi"_s << u"abc%!(NOVERB)"_s; // source: go1.19
    QTest::newRow("printf-map") << u"{{printf \"%v\" .Tags}}"_s << u"msi"_s << u"map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ]"_s; // source: go1.19
    QTest::newRow("printf-struct") << u"{{printf \"%v\" .}}"_s << u"msi"_s << u"{/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one msi-one westeurope rg-1 sub-1 c1d2e3f4-0000-1111-2222-333344445555 t-1 p-1 map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ] Microsoft.ManagedIdentity/userAssignedIdentities}"_s; // source: go1.19
    QTest::newRow("printf-struct-plus") << u"{{printf \"%+v\" .}}"_s << u"msi"_s << u"{Id:/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one Name:msi-one Location:westeurope ResourceGroup:rg-1 SubscriptionId:sub-1 ClientId:c1d2e3f4-0000-1111-2222-333344445555 TenantId:t-1 PrincipalID:p-1 Tags:map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ] Type:Microsoft.ManagedIdentity/userAssignedIdentities}"_s; // source: go1.19
    QTest::newRow("printf-T") << u"{{printf \"%T %T %T %T\" . .Tags 1 .Tags.nope}}"_s << u"msi"_s << u"main.MsiTemplateData map[string]string int <nil>"_s; // source: go1.19
    QTest::newRow("print-struct") << u"{{.}}"_s << u"msi"_s << u"{/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one msi-one westeurope rg-1 sub-1 c1d2e3f4-0000-1111-2222-333344445555 t-1 p-1 map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ] Microsoft.ManagedIdentity/userAssignedIdentities}"_s; // source: go1.19
    QTest::newRow("print-map") << u"{{.Tags}}"_s << u"msi"_s << u"map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ]"_s; // source: go1.19
    QTest::newRow("html") << u"{{html \"<a href=\\\"x\\\">&'\"}}"_s << u"msi"_s << u"&lt;a href=&#34;x&#34;&gt;&amp;&#39;"_s; // source: go1.19
    QTest::newRow("js") << u"{{js \"it's <b>\\\"q\\\" = \\\\ \\n\"}}"_s << u"msi"_s << u"it\\'s \\u003Cb\\u003E\\\"q\\\" \\u003D \\\\ \\u000A"_s; // source: go1.19
    QTest::newRow("urlquery") << u"{{urlquery \"a b&c=d/é\"}}"_s << u"msi"_s << u"a+b%26c%3Dd%2F%C3%A9"_s; // source: go1.19
    QTest::newRow("html-nil") << u"{{html .Tags.nope}}"_s << u"msi"_s << u"&lt;no value&gt;"_s; // source: go1.19
    QTest::newRow("eq-multi") << u"{{eq .Tags.env \"Dev\" \"Prod\"}}"_s << u"msi"_s << u"true"_s; // source: go1.19
    QTest::newRow("eq-missing") << u"{{eq .Tags.nope \"a\"}}"_s << u"msi"_s << u"false"_s; // source: go1.19
    QTest::newRow("ne-lt") << u"{{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1 2}}"_s << u"msi"_s << u"true true true true false"_s; // source: go1.19
    QTest::newRow("literals") << u"{{\"a\\tb\"}}|{{`raw\\n`}}|{{'a'}}|{{1.5}}|{{0x1F}}|{{0o17}}|{{0b101}}|{{1_000}}|{{true}}|{{-3}}|{{1e3}}|{{0x1p-2}}"_s << u"msi"_s << u"a\tb|raw\\n|97|1.5|31|15|5|1000|true|-3|1000|0.25"_s; // source: go1.19
    QTest::newRow("literal-complex") << u"{{1i}} {{printf \"%T\" 2i}} {{1+2i}}"_s << u"msi"_s << u"(0+1i) complex128 (1+2i)"_s; // source: go1.19
    QTest::newRow("extras") << u"{{lower \"ABC\"}} {{upper \"abc\"}} [{{trim .Tags.owner}}] {{replace \"-\" \"_\" .ClientId}} {{trunc 5 .Name}} {{trunc -3 .Name}} {{trunc 50 .Name}} {{trunc -50 .Name}}"_s << u"msi"_s << u"abc ABC [Alice Smith] c1d2e3f4_0000_1111_2222_333344445555 msi-o one msi-one msi-one"_s; // source: go1.19
    QTest::newRow("extras-unicode") << u"{{upper \"straße éa\"}} {{lower \"ÄÖÜ\"}} {{replace \"\" \".\" \"ab\"}}"_s << u"msi"_s << u"STRAßE ÉA äöü .a.b."_s; // source: go1.19
    QTest::newRow("nested-if-with-range") << u"{{range $k, $v := .Tags}}{{with $v}}{{if eq $k \"env\"}}{{.}}{{end}}{{end}}{{end}}"_s << u"msi"_s << u"Prod"_s; // source: go1.19
    QTest::newRow("chain-pipe") << u"{{(.Tags).env}}"_s << u"msi"_s << u"Prod"_s; // source: go1.19
    QTest::newRow("nil-data") << u"{{.Name}}"_s << u"nil"_s << u"<no value>"_s; // source: go1.19
    QTest::newRow("nil-data-dot") << u"{{.}}"_s << u"nil"_s << u"<no value>"_s; // source: go1.19
    QTest::newRow("slice-data") << u"{{index . 2}} {{index . 3}} {{len .}} {{printf \"%v\" .}}"_s << u"slice"_s << u"<no value> map[n:<nil> x:1] 4 [a 2 <nil> map[n:<nil> x:1]]"_s; // source: go1.19
    QTest::newRow("space-trim-weird") << u"{{- 3 -}}"_s << u"msi"_s << u"3"_s; // source: go1.19
    QTest::newRow("neg-number-trim") << u"{{-3}}"_s << u"msi"_s << u"-3"_s; // source: go1.19
    QTest::newRow("template-in-define-dollar") << u"{{define \"x\"}}{{$.Name}}{{end}}{{template \"x\" .}}"_s << u"msi"_s << u"msi-one"_s; // source: go1.19
    QTest::newRow("println-multi") << u"{{println}}"_s << u"msi"_s << u"\n"_s; // source: go1.19
    QTest::newRow("printf-width-star") << u"{{printf \"%*d|%-*d|%.*f\" 5 1 4 2 2 3.14159}}"_s << u"msi"_s << u"    1|2   |3.14"_s; // source: go1.19
    QTest::newRow("printf-index") << u"{{printf \"%[2]s %[1]s\" \"a\" \"b\"}}"_s << u"msi"_s << u"b a"_s; // source: go1.19
    QTest::newRow("printf-badindex") << u"{{printf \"%[3]s\" \"a\"}}"_s << u"msi"_s << u"%!s(BADINDEX)"_s; // source: go1.19
    QTest::newRow("printf-q-int") << u"{{printf \"%q %U %#U\" 65 65 9731}}"_s << u"msi"_s << u"'A' U+0041 U+2603 '☃'"_s; // source: go1.19
    QTest::newRow("printf-sharp") << u"{{printf \"%#x %#o %#b %#v %#q\" 255 8 5 \"s\" \"x\"}}"_s << u"msi"_s << u"0xff 010 0b101 \"s\" `x`"_s; // source: go1.19
    QTest::newRow("printf-bad-verbs") << u"{{printf \"%z %d %s\" 1 true nil}}"_s << u"msi"_s << u"%!z(int=1) %!d(bool=true) %!s(<nil>)"_s; // source: go1.19
    QTest::newRow("printf-nil-arg") << u"{{printf \"%v %d\" nil nil}}"_s << u"msi"_s << u"<nil> %!d(<nil>)"_s; // source: go1.19
    QTest::newRow("printf-string-x") << u"{{printf \"% x|%#x|%X|%10.3s|%-6s|\" \"hi\" \"hi\" \"hi\" \"abcdef\" \"ab\"}}"_s << u"msi"_s << u"68 69|0x6869|6869|       abc|ab    |"_s; // source: go1.19
    QTest::newRow("float-print") << u"{{1.0}} {{2.5e10}} {{1e21}} {{0.00001}} {{123456789.0}} {{1e6}} {{1e5}}"_s << u"msi"_s << u"1 2.5e+10 1e+21 1e-05 1.23456789e+08 1e+06 100000"_s; // source: go1.19
    QTest::newRow("float-g") << u"{{printf \"%g %g %g %.3g %.10g %G\" 100000.0 1000000.0 1e-5 3.14159 1.0 1e-7}}"_s << u"msi"_s << u"100000 1e+06 1e-05 3.14 1 1E-07"_s; // source: go1.19
    QTest::newRow("float-sharp") << u"{{printf \"%#g %#.3g %#f %#e\" 1.0 2.0 3.0 4.0}}"_s << u"msi"_s << u"1.00000 2.00 3.000000 4.000000e+00"_s; // source: go1.19
    QTest::newRow("int-width-prec") << u"{{printf \"%8.3d|%-8d|%08.3d|%x|%.0d|\" 5 -5 7 -255 0}}"_s << u"msi"_s << u"     005|-5      |     007|-ff||"_s; // source: go1.19
    QTest::newRow("index-multi") << u"{{index . \"m\" \"k\"}}"_s << u"map"_s << u"v"_s; // source: go1.19
    QTest::newRow("eq-nil-nil") << u"{{eq .Tags.a .Tags.b}}"_s << u"msi"_s << u"true"_s; // source: go1.19
    QTest::newRow("with-var") << u"{{with $x := .Tags.env}}{{$x}}{{end}}"_s << u"msi"_s << u"Prod"_s; // source: go1.19
    QTest::newRow("dash-field") << u"{{.Tags.a.b}}"_s << u"msi"_s << u"<no value>"_s; // source: go1.19
    QTest::newRow("hex-float-print") << u"{{0x10}} {{0X1.8p1}} {{-0x10}}"_s << u"msi"_s << u"16 3 -16"_s; // source: go1.19
    // clang-format on
}

void TestGoTemplate::render()
{
    QFETCH(QString, text);
    QFETCH(QString, dataKind);
    QFETCH(QString, expected);
    const ExecResult result = run(text, data(dataKind));
    QCOMPARE(result.error, QString());
    QVERIFY(result.ok);
    QCOMPARE(result.output, expected);
}

void TestGoTemplate::parseError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("literal-overflow") << u"{{99999999999999999999}}"_s << u"template: ns:1: integer overflow: \"99999999999999999999\""_s; // source: go1.19
    QTest::newRow("literal-bad-number") << u"{{3k}}"_s << u"template: ns:1: bad number syntax: \"3k\""_s; // source: go1.19
    QTest::newRow("literal-octal-bad") << u"{{08}}"_s << u"template: ns:1: integer overflow: \"08\""_s; // source: go1.19
    QTest::newRow("char-bad") << u"{{'ab'}}"_s << u"template: ns:1: malformed character constant: 'ab'"_s; // source: go1.19
    QTest::newRow("string-bad-escape") << u"{{\"\\q\"}}"_s << u"template: ns:1: invalid syntax"_s; // source: go1.19
    QTest::newRow("unclosed-action") << u"{{.Name"_s << u"template: ns:1: unclosed action"_s; // source: go1.19
    QTest::newRow("unclosed-action-nl") << u"{{.Name\n\nx"_s << u"template: ns:3: function \"x\" not defined"_s; // source: go1.19
    QTest::newRow("unterminated-string") << u"{{\"abc}}"_s << u"template: ns:1: unterminated quoted string"_s; // source: go1.19
    QTest::newRow("func-not-defined") << u"{{foo}}"_s << u"template: ns:1: function \"foo\" not defined"_s; // source: go1.19
    QTest::newRow("unexpected-end") << u"{{end}}"_s << u"template: ns:1: unexpected {{end}}"_s; // source: go1.19
    QTest::newRow("missing-end") << u"{{if true}}x"_s << u"template: ns:1: unexpected EOF"_s; // source: go1.19
    QTest::newRow("else-outside") << u"{{else}}"_s << u"template: ns:1: unexpected {{else}}"_s; // source: go1.19
    QTest::newRow("break-outside") << u"{{break}}"_s << u"template: ns:1: {{break}} outside {{range}}"_s; // source: go1.19
    QTest::newRow("undefined-var") << u"{{$x}}"_s << u"template: ns:1: undefined variable \"$x\""_s; // source: go1.19
    QTest::newRow("empty-action") << u"{{}}"_s << u"template: ns:1: missing value for command"_s; // source: go1.19
    QTest::newRow("empty-pipeline-stage") << u"{{.Name | 3}}"_s << u"template: ns:1: non executable command in pipeline stage 2"_s; // source: go1.19
    QTest::newRow("multi-define") << u"{{define \"a\"}}1{{end}}{{define \"a\"}}2{{end}}"_s << u"template: ns:1: template: multiple definition of template \"a\""_s; // source: go1.19
    QTest::newRow("define-in-if") << u"{{if true}}{{define \"a\"}}1{{end}}{{end}}"_s << u"template: ns:1: unexpected <define> in command"_s; // source: go1.19
    QTest::newRow("block-else") << u"{{block \"x\" .}}a{{else}}b{{end}}"_s << u"template: ns:1: unexpected {{else}} in block clause"_s; // source: go1.19
    QTest::newRow("bad-char") << u"{{.Name!}}"_s << u"template: ns:1: bad character U+0021 '!'"_s; // source: go1.19
    QTest::newRow("unrecognized-char") << u"{{\001}}"_s << u"template: ns:1: unrecognized character in action: U+0001"_s; // source: go1.19
    QTest::newRow("right-paren") << u"{{)}}"_s << u"template: ns:1: unexpected \")\" in command"_s; // source: go1.19
    QTest::newRow("unclosed-paren") << u"{{(1}}"_s << u"template: ns:1: unclosed left paren"_s; // source: go1.19
    QTest::newRow("unexpected-dot-after-term") << u"{{\"a\".b}}"_s << u"template: ns:1: unexpected . after term \"\\\"a\\\"\""_s; // source: go1.19
    QTest::newRow("parse-error-line") << u"line1\nline2\n{{if}}"_s << u"template: ns:3: missing value for if"_s; // source: go1.19
    QTest::newRow("too-many-decl") << u"{{$a, $b := 1}}"_s << u"template: ns:1: too many declarations in command"_s; // source: go1.19
    QTest::newRow("range-decl-bad") << u"{{range $a, $b, $c := .Tags}}{{end}}"_s << u"template: ns:1: too many declarations in range"_s; // source: go1.19
    QTest::newRow("range-can-only") << u"{{range $a, 1}}{{end}}"_s << u"template: ns:1: range can only initialize variables"_s; // source: go1.19
    QTest::newRow("unclosed-comment") << u"{{/* abc"_s << u"template: ns:1: unclosed comment"_s; // source: go1.19
    QTest::newRow("comment-bad-close") << u"{{/* abc */ x}}"_s << u"template: ns:1: comment ends before closing delimiter"_s; // source: go1.19
    QTest::newRow("if-decl-scope") << u"{{if $x := .Name}}{{$x}}{{end}}{{$x}}"_s << u"template: ns:1: undefined variable \"$x\""_s; // source: go1.19
    // clang-format on
}

void TestGoTemplate::parseError()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Template t = Template::parse(u"ns"_s, text);
    QVERIFY(!t.isValid());
    QCOMPARE(t.error(), expected);
    const ExecResult result = t.execute(msi().toValue());
    QVERIFY(!result.ok);
    QCOMPARE(result.error, expected);
}

void TestGoTemplate::execError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dataKind");
    QTest::addColumn<QString>("expectedOutput"); // what Go had written before failing
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("range-int") << u"{{range 3}}x{{end}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <3>: range can't iterate over 3"_s; // source: go1.19
    QTest::newRow("range-string") << u"{{range .Name}}x{{end}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <.Name>: range can't iterate over msi-one"_s; // source: go1.19
    QTest::newRow("template-undefined") << u"{{template \"nope\"}}"_s << u"msi"_s << u""_s << u"template: ns:1:11: executing \"ns\" at <{{template \"nope\"}}>: template \"nope\" not defined"_s; // source: go1.19
    QTest::newRow("len-missing") << u"{{len .Tags.nope}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <len .Tags.nope>: error calling len: reflect: call of reflect.Value.Type on zero Value"_s; // source: go1.19
    QTest::newRow("len-int") << u"{{len 3}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <len 3>: error calling len: len of type int"_s; // source: go1.19
    QTest::newRow("index-oob") << u"{{index .Name 7}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <index .Name 7>: error calling index: reflect: string index out of range"_s; // source: go1.19
    QTest::newRow("index-oob2") << u"{{index .Name 70}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <index .Name 70>: error calling index: index out of range: 70"_s; // source: go1.19
    QTest::newRow("index-map-int") << u"{{index .Tags 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <index .Tags 1>: error calling index: value has type int; should be string"_s; // source: go1.19
    QTest::newRow("index-nil") << u"{{index nil 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <index nil 1>: error calling index: index of untyped nil"_s; // source: go1.19
    QTest::newRow("slice-bad") << u"{{slice .Name 3 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <slice .Name 3 1>: error calling slice: invalid slice index: 3 > 1"_s; // source: go1.19
    QTest::newRow("slice-3") << u"{{slice .Name 1 2 3}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <slice .Name 1 2 3>: error calling slice: cannot 3-index slice a string"_s; // source: go1.19
    QTest::newRow("eq-incompat") << u"{{eq 1 \"a\"}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <eq 1 \"a\">: error calling eq: incompatible types for comparison"_s; // source: go1.19
    QTest::newRow("eq-map") << u"{{eq .Tags .Tags}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <eq .Tags .Tags>: error calling eq: non-comparable type map[a.b:dotted empty: env:Prod k8snamespace:team-a owner: Alice Smith ]: map[string]string"_s; // source: go1.19
    QTest::newRow("lt-float-int") << u"{{lt 1 1.5}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <lt 1 1.5>: error calling lt: incompatible types for comparison"_s; // source: go1.19
    QTest::newRow("lt-bool") << u"{{lt true false}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <lt true false>: error calling lt: invalid type for comparison"_s; // source: go1.19
    QTest::newRow("literal-nil") << u"{{nil}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <nil>: nil is not a command"_s; // source: go1.19
    QTest::newRow("field-missing-struct") << u"{{.Foo}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <.Foo>: can't evaluate field Foo in type main.MsiTemplateData"_s; // source: go1.19
    QTest::newRow("field-missing-struct-col") << u"ab\ncd {{.Name}} {{.Foo}}"_s << u"msi"_s << u"ab\ncd msi-one "_s << u"template: ns:2:15: executing \"ns\" at <.Foo>: can't evaluate field Foo in type main.MsiTemplateData"_s; // source: go1.19
    QTest::newRow("field-on-string") << u"{{.Name.Foo}}"_s << u"msi"_s << u""_s << u"template: ns:1:7: executing \"ns\" at <.Name.Foo>: can't evaluate field Foo in type string"_s; // source: go1.19
    QTest::newRow("assign-undefined") << u"{{$x = 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:7: executing \"ns\" at <1>: undefined variable: $x"_s; // source: go1.19
    QTest::newRow("args-non-function") << u"{{.Name 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <.Name>: Name has arguments but cannot be invoked as function"_s; // source: go1.19
    QTest::newRow("args-to-map-key") << u"{{.Tags.env 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:7: executing \"ns\" at <.Tags.env>: env is not a method but has arguments"_s; // source: go1.19
    QTest::newRow("wrong-args") << u"{{lower}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <lower>: wrong number of args for lower: want 1 got 0"_s; // source: go1.19
    QTest::newRow("wrong-args2") << u"{{lower \"a\" \"b\"}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <lower>: wrong number of args for lower: want 1 got 2"_s; // source: go1.19
    QTest::newRow("wrong-type") << u"{{trunc \"a\" .Name}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <\"a\">: expected integer; found \"a\""_s; // source: go1.19
    QTest::newRow("wrong-type-field") << u"{{trunc .Name .Name}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <.Name>: wrong type for value; expected int; got string"_s; // source: go1.19
    QTest::newRow("wrong-type-nil") << u"{{lower nil}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <nil>: cannot assign nil to string"_s; // source: go1.19
    QTest::newRow("expected-string") << u"{{lower 3}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <3>: expected string; found 3"_s; // source: go1.19
    QTest::newRow("invalid-value") << u"{{lower .Tags.nope}}"_s << u"msi"_s << u""_s << u"template: ns:1:13: executing \"ns\" at <.Tags.nope>: invalid value; expected string"_s; // source: go1.19
    QTest::newRow("chain-nil") << u"{{(nil).x}}"_s << u"msi"_s << u""_s << u"template: ns:1:3: executing \"ns\" at <nil>: nil is not a command"_s; // source: go1.19
    QTest::newRow("map-data") << u"{{.s}} {{.i}} {{.f}} {{.n}} {{.l}} {{.m}} {{index . \"n\"}} {{printf \"%v\" .n}} {{.n.x}}"_s << u"map"_s << u"str 42 1.5 <no value> [x y] map[k:v] <no value> <nil> "_s << u"template: ns:1:81: executing \"ns\" at <.n.x>: nil pointer evaluating interface {}.x"_s; // source: go1.19
    QTest::newRow("exec-error-line") << u"line1\nline2 {{if .Tags.env}}\n  {{.Nope}}{{end}}"_s << u"msi"_s << u"line1\nline2 \n  "_s << u"template: ns:3:4: executing \"ns\" at <.Nope>: can't evaluate field Nope in type main.MsiTemplateData"_s; // source: go1.19
    QTest::newRow("partial-output") << u"abc{{.Nope}}def"_s << u"msi"_s << u"abc"_s << u"template: ns:1:5: executing \"ns\" at <.Nope>: can't evaluate field Nope in type main.MsiTemplateData"_s; // source: go1.19
    QTest::newRow("not-func-dot") << u"{{. 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <.>: can't give argument to non-function ."_s; // source: go1.19
    QTest::newRow("var-args") << u"{{$x := 1}}{{$x 2}}"_s << u"msi"_s << u""_s << u"template: ns:1:13: executing \"ns\" at <$x>: can't give argument to non-function $x"_s; // source: go1.19
    QTest::newRow("eq-noargs") << u"{{eq 1}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <eq 1>: error calling eq: missing argument for comparison"_s; // source: go1.19
    QTest::newRow("and-noargs") << u"{{and}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <and>: wrong number of args for and: want at least 1 got 0"_s; // source: go1.19
    QTest::newRow("call-builtin") << u"{{call .Name}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <call .Name>: error calling call: non-function of type string"_s; // source: go1.19
    QTest::newRow("pipe-to-var") << u"{{\"x\" | $}}"_s << u"msi"_s << u""_s << u"template: ns:1:8: executing \"ns\" at <$>: can't give argument to non-function $"_s; // source: go1.19
    QTest::newRow("big-uint") << u"{{18446744073709551615}}"_s << u"msi"_s << u""_s << u"template: ns:1:2: executing \"ns\" at <18446744073709551615>: 18446744073709551615 overflows int"_s; // source: go1.19
    QTest::newRow("nested-define-name") << u"{{define \"x\"}}{{.Nope}}{{end}}{{template \"x\" .}}"_s << u"msi"_s << u""_s << u"template: ns:1:16: executing \"x\" at <.Nope>: can't evaluate field Nope in type main.MsiTemplateData"_s; // source: go1.19
    QTest::newRow("field-unicode-col") << u"é{{.Nope}}"_s << u"msi"_s << u"é"_s << u"template: ns:1:4: executing \"ns\" at <.Nope>: can't evaluate field Nope in type main.MsiTemplateData"_s; // source: go1.19
    // clang-format on
}

void TestGoTemplate::execError()
{
    QFETCH(QString, text);
    QFETCH(QString, dataKind);
    QFETCH(QString, expectedOutput);
    QFETCH(QString, expected);
    const Template t = Template::parse(u"ns"_s, text);
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const ExecResult result = t.execute(data(dataKind));
    QVERIFY(!result.ok);
    QCOMPARE(result.error, expected);
    QCOMPARE(result.output, expectedOutput);
}

void TestGoTemplate::typeNameIsAParameter()
{
    // source: go1.19 with `type Identity struct{Name string; Tags map[string]string}` in package main.
    const Value identity = Value::fromStruct(
        "main.Identity", {{"Name", Value::fromUtf8("x")}, {"Tags", Value::fromEntries({}, "string")}});
    const Template t = Template::parse(u"name"_s, u"{{.Name}}-{{.Foo}}"_s);
    const ExecResult result = t.execute(identity);
    QCOMPARE(result.output, u"x-"_s);
    QCOMPARE(result.error,
             u"template: name:1:12: executing \"name\" at <.Foo>: can't evaluate field Foo in type main.Identity"_s);

    // The operator's struct under another Go name.
    const ExecResult renamed = run(u"{{.Foo}}"_s, msi().toValue(u"operator.Msi"_s));
    QCOMPARE(renamed.error,
             u"template: ns:1:2: executing \"ns\" at <.Foo>: can't evaluate field Foo in type operator.Msi"_s);
}

void TestGoTemplate::unexportedFieldOfAnonymousStruct()
{
    // source: go1.19, data struct{ name string }{"y"}
    const Value anonymous = Value::fromStruct("struct { name string }", {{"name", Value::fromUtf8("y")}});
    const ExecResult result = run(u"{{.name}}"_s, anonymous);
    QCOMPARE(
        result.error,
        u"template: ns:1:2: executing \"ns\" at <.name>: name is an unexported field of struct type struct { name string }"_s);
}

void TestGoTemplate::templateDepthIsBounded()
{
    // Go 1.19 prints the same text with its limit of 100000; ours is lower to protect the stack.
    const ExecResult result
        = run(u"{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}"_s, msi().toValue());
    QVERIFY(!result.ok);
    QCOMPARE(result.error,
             u"template: ns:1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (100)"_s);
}

void TestGoTemplate::executionStepsAreBounded()
{
    // 40 templates each calling the next twice: 2^40 calls, far beyond any real template. Go would run "forever".
    QString text;
    for (int i = 0; i < 40; ++i)
        text += u"{{define \"t%1\"}}{{template \"t%2\"}}{{template \"t%2\"}}{{end}}"_s.arg(i).arg(i + 1);
    text += u"{{define \"t40\"}}x{{end}}{{template \"t0\"}}"_s;
    const ExecResult result = run(text, Value());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"exceeded maximum execution steps (2000000)"_s), qPrintable(result.error));
}

void TestGoTemplate::executionNestingIsBounded()
{
    // 900 nested ifs per level of a recursive template: Go would keep growing its stack; we stop.
    const QString ifs
        = QString(u"{{if 1}}"_s).repeated(900) + u"{{template \"r\" .}}"_s + QString(u"{{end}}"_s).repeated(900);
    const ExecResult result = run(u"{{define \"r\"}}"_s + ifs + u"{{end}}{{template \"r\" .}}"_s, Value());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.endsWith(u"exceeded maximum nesting depth (2000)"_s), qPrintable(result.error));
}

void TestGoTemplate::parseNestingIsBounded()
{
    const QString parens = u"{{"_s + QString(5000, u'(') + u"1"_s + QString(5000, u')') + u"}}"_s;
    QCOMPARE(Template::parse(u"ns"_s, parens).error(), u"template: ns:1: max expression depth exceeded"_s);
    QString ifs;
    for (int i = 0; i < 3000; ++i)
        ifs += u"{{if 1}}"_s;
    QCOMPARE(Template::parse(u"ns"_s, ifs).error(), u"template: ns:1: max expression depth exceeded"_s);
    // Moderate nesting is fine.
    const QString ok = u"{{"_s + QString(50, u'(') + u"1"_s + QString(50, u')') + u"}}"_s;
    QCOMPARE(run(ok, Value()).output, u"1"_s);
}

void TestGoTemplate::hugePrecisionPrintsGoDigits()
{
    // Go prints the exact decimal expansion of the double, then zeros, for any precision.
    QCOMPARE(run(u"{{printf \"%.600e\" 1.5}}"_s, Value()).output, u"1.5"_s + QString(599, u'0') + u"e+00"_s);
    QCOMPARE(run(u"{{printf \"%.600g\" 1.5}}"_s, Value()).output, u"1.5"_s);
    QCOMPARE(run(u"{{printf \"%.800f\" 1.5}}"_s, Value()).output, u"1.5"_s + QString(799, u'0'));
    QCOMPARE(run(u"{{printf \"%.60f\" 0.1}}"_s, Value()).output,
             u"0.100000000000000005551115123125782702118158340454101562500000"_s);
    QCOMPARE(run(u"{{printf \"%.70g\" 0.1}}"_s, Value()).output,
             u"0.1000000000000000055511151231257827021181583404541015625"_s);
    const QString tiny = run(u"{{printf \"%.2000f\" 5e-324}}"_s, Value()).output;
    QCOMPARE(tiny.size(), 2002);
    QVERIFY2(tiny.startsWith(u"0.000"_s) && tiny.mid(2, 1074).endsWith(u"5"_s), qPrintable(tiny.left(40)));
    QCOMPARE(tiny.mid(2 + 1074), QString(2000 - 1074, u'0'));
    const QString big = run(u"{{printf \"%.900e\" 1e308}}"_s, Value()).output;
    QVERIFY2(big.startsWith(u"1.000000000000000010979063629440"_s) && big.endsWith(u"00e+308"_s),
             qPrintable(big.left(40)));
    QCOMPARE(big.size(), 2 + 900 + 5);
}

void TestGoTemplate::outputIsBounded()
{
    // A fan-out of large widths would allocate gigabytes; past 1 MiB it is an error, like too many steps.
    const ExecResult wide = run(u"{{range $i, $e := .}}{{printf \"%999999d\" 1}}{{end}}"_s,
                                Value::fromList(QList<Value>(8, Value::fromInt(1))));
    QVERIFY(!wide.ok);
    QVERIFY2(wide.error.endsWith(u"output exceeds maximum size (1048576 bytes)"_s), qPrintable(wide.error));
    QVERIFY(wide.output.size() <= 1048576);
    const QString verbs = QString(u"%999999[1]d"_s).repeated(50);
    const ExecResult one = run(u"{{printf \""_s + verbs + u"\" 1}}"_s, Value());
    QVERIFY2(!one.ok, qPrintable(QString::number(one.output.size()) + u" "_s + one.output.left(80)));
    QVERIFY2(one.error.endsWith(u"error calling printf: output exceeds 1048576 bytes"_s), qPrintable(one.error));
    const ExecResult replaced = run(u"{{replace \"\" (printf \"%999999d\" 1) (printf \"%999999d\" 1)}}"_s, Value());
    QVERIFY(!replaced.ok);
    QVERIFY2(replaced.error.endsWith(u"error calling replace: result exceeds 1048576 bytes"_s),
             qPrintable(replaced.error));
    // Just below the bound works.
    QCOMPARE(run(u"{{printf \"%999999d\" 1}}"_s, Value()).output.size(), 999999);
}

void TestGoTemplate::defaultTemplatesOfTheOperator()
{
    QCOMPARE(MsiTemplateData::defaultGoTypeName(), u"main.MsiTemplateData"_s);
    MsiTemplateData d = msi();
    d.tags.remove(u"k8snamespace"_s);
    // source: go1.19: a missing tag via index is "", via a field chain "<no value>".
    QCOMPARE(run(u"{{index .Tags \"k8snamespace\"}}"_s, d.toValue()).output, QString());
    QCOMPARE(run(u"{{.Tags.k8snamespace}}"_s, d.toValue()).output, u"<no value>"_s);
    QCOMPARE(run(u"{{ .Name }}-{{ .ClientId }}"_s, d.toValue()).output,
             u"msi-one-c1d2e3f4-0000-1111-2222-333344445555"_s);
}

void TestGoTemplate::defaultConstructedTemplateIsInvalid()
{
    const Template t;
    QVERIFY(!t.isValid());
    QVERIFY(!t.execute(Value()).ok);
}

QTEST_GUILESS_MAIN(TestGoTemplate)
#include "tst_gotemplate.moc"
