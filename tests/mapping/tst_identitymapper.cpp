// SPDX-License-Identifier: MIT
#include "shared/mapping/identitymapper.h"
#include "shared/util/yamlwriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo;

namespace {
QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(AMO_SOURCE_DIR "/tests/mapping/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(name));
    return file.readAll();
}

Model::Msi seedMsi()
{
    Model::Msi msi;
    QString error;
    if (!Model::Msi::fromArmJson(QJsonDocument::fromJson(readData(u"seed-msi.json"_s)).object(), &msi, &error))
        qFatal("seed MSI: %s", qPrintable(error));
    return msi;
}

Model::Msi msiWith(const QString &name, const QString &group, const QMap<QString, QString> &tags)
{
    Model::Msi msi = seedMsi();
    msi.id = u"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/%1/providers/"
             "Microsoft.ManagedIdentity/userAssignedIdentities/%2"_s.arg(group, name);
    msi.name = name;
    msi.resourceGroup = group;
    msi.subscriptionId = u"0b1f6471-1bf0-4dda-aec3-111122223333"_s;
    msi.tags = tags;
    return msi;
}

const QDateTime kNow = QDateTime(QDate(2021, 8, 29), QTime(0, 0), Qt::UTC);
} // namespace

class TestIdentityMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedExampleGolden_data();
    void seedExampleGolden();
    void namespaces_data();
    void namespaces();
    void invalidNameSkipsWithHint();
    void templateErrorSkips();
    void labelsOmittedWhenValuesInvalid();
    void emptyLabelFormatDisablesLabels();
    void badOptionsAreReported_data();
    void badOptionsAreReported();
    void expiryUsesLayoutAndDuration();
};

void TestIdentityMapper::seedExampleGolden_data()
{
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<bool>("expiry");
    QTest::addColumn<QString>("golden");
    QTest::newRow("defaults") << false << false << u"seed-azureidentity.yaml"_s;
    QTest::newRow("namespaced + expiry") << true << true << u"seed-azureidentity-namespaced-expiry.yaml"_s;
}

void TestIdentityMapper::seedExampleGolden()
{
    QFETCH(bool, namespaced);
    QFETCH(bool, expiry);
    QFETCH(QString, golden);
    Mapping::MappingOptions options;
    options.namespaced = namespaced;
    options.expiry = expiry;
    const Mapping::IdentityMapper mapper(options);
    QVERIFY2(mapper.isValid(), qPrintable(mapper.error()));

    // 2021-08-29T00:00Z + 2190h = 2021-11-28T06:00Z, the date the seed README shows.
    const Mapping::MsiMapping result = mapper.map(seedMsi(), kNow);
    QVERIFY(result.skips.isEmpty());
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.identities.size(), 1);
    QCOMPARE(YamlWriter::document(result.identities.first().toJson()), QString::fromUtf8(readData(golden)));
}

void TestIdentityMapper::namespaces_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("skipped"); // "namespace:Kind"
    QTest::newRow("one") << u"team-a"_s << QStringList {u"team-a"_s} << QStringList {};
    QTest::newRow("two, spaced") << u"team-a, team-b"_s << QStringList {u"team-a"_s, u"team-b"_s} << QStringList {};
    QTest::newRow("upper case is lowered") << u"Team-A"_s << QStringList {u"team-a"_s} << QStringList {};
    QTest::newRow("empties dropped") << u",team-a,, ,"_s << QStringList {u"team-a"_s} << QStringList {};
    QTest::newRow("duplicate") << u"team-a,TEAM-A"_s << QStringList {u"team-a"_s}
                               << QStringList {u"team-a:DuplicateNamespace"_s};
    QTest::newRow("ignored after trim+lower")
        << u" Kube-System ,team-a"_s << QStringList {u"team-a"_s} << QStringList {u"kube-system:IgnoredNamespace"_s};
    QTest::newRow("invalid characters") << u"Team_A!"_s << QStringList {}
                                        << QStringList {u"team_a!:InvalidNamespace"_s};
    QTest::newRow("too long") << QString(64, u'a') << QStringList {}
                              << QStringList {QString(64, u'a') + u":InvalidNamespace"_s};
    QTest::newRow("dot is not allowed in a namespace")
        << u"a.b"_s << QStringList {} << QStringList {u"a.b:InvalidNamespace"_s};
    QTest::newRow("missing tag") << QString() << QStringList {} << QStringList {u":NoNamespace"_s};
}

void TestIdentityMapper::namespaces()
{
    QFETCH(QString, tag);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, skipped);
    Mapping::MappingOptions options;
    options.ignoredNamespaces = {u"kube-system"_s, u"default"_s};
    const Mapping::IdentityMapper mapper(options);
    QMap<QString, QString> tags;
    if (!tag.isNull())
        tags.insert(u"k8snamespace"_s, tag);
    const Mapping::MsiMapping result = mapper.map(msiWith(u"app"_s, u"rg"_s, tags), kNow);

    QStringList got;
    for (const auto &identity : result.identities)
        got << identity.namespaceName;
    QCOMPARE(got, expected);
    QStringList gotSkips;
    for (const auto &skip : result.skips) {
        gotSkips << skip.namespaceName + u':' + Model::Skip::kindName(skip.kind);
        QVERIFY2(!skip.reason.isEmpty(), "every skip says why");
    }
    QCOMPARE(gotSkips, skipped);
}

void TestIdentityMapper::invalidNameSkipsWithHint()
{
    const Mapping::IdentityMapper mapper {Mapping::MappingOptions {}};
    const auto result = mapper.map(msiWith(u"ReportingJob"_s, u"rg"_s, {{u"k8snamespace"_s, u"team-a"_s}}), kNow);
    QVERIFY(result.identities.isEmpty());
    QCOMPARE(result.skips.size(), 1);
    QCOMPARE(result.skips.first().kind, Model::Skip::Kind::InvalidName);
    QVERIFY2(result.skips.first().reason.contains(u"\"ReportingJob-df398181-f42f-41b4-b791-b1d4572be315\""_s),
             qPrintable(result.skips.first().reason));
    QVERIFY2(result.skips.first().reason.contains(u"lower"_s), qPrintable(result.skips.first().reason));

    Mapping::MappingOptions lowered;
    lowered.nameTemplate = u"{{ lower .Name }}"_s;
    const auto fixed = Mapping::IdentityMapper(lowered).map(
        msiWith(u"ReportingJob"_s, u"rg"_s, {{u"k8snamespace"_s, u"team-a"_s}}), kNow);
    QCOMPARE(fixed.identities.size(), 1);
    QCOMPARE(fixed.identities.first().name, u"reportingjob"_s);
}

void TestIdentityMapper::templateErrorSkips()
{
    Mapping::MappingOptions options;
    options.nameTemplate = u"{{ .Missing }}"_s;
    const Mapping::IdentityMapper mapper(options);
    QVERIFY(mapper.isValid()); // parses; fails only when executed
    const auto result = mapper.map(seedMsi(), kNow);
    QVERIFY(result.identities.isEmpty());
    QCOMPARE(result.skips.size(), 1);
    QCOMPARE(result.skips.first().kind, Model::Skip::Kind::TemplateError);
    QVERIFY(!result.nameError.isEmpty());
    QVERIFY2(result.nameError.contains(u"can't evaluate field Missing"_s), qPrintable(result.nameError));
}

void TestIdentityMapper::labelsOmittedWhenValuesInvalid()
{
    // Resource groups may hold parentheses, which label values may not.
    const Mapping::IdentityMapper mapper {Mapping::MappingOptions {}};
    const auto result = mapper.map(msiWith(u"app"_s, u"rg(prod)"_s, {{u"k8snamespace"_s, u"team-a"_s}}), kNow);
    QCOMPARE(result.identities.size(), 1);
    QVERIFY(result.identities.first().labels.isEmpty());
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().contains(u"binding sync"_s));
}

void TestIdentityMapper::emptyLabelFormatDisablesLabels()
{
    Mapping::MappingOptions options;
    options.labelFormat.clear();
    const Mapping::IdentityMapper mapper(options);
    QVERIFY(mapper.isValid());
    const auto result = mapper.map(seedMsi(), kNow);
    QCOMPARE(result.identities.size(), 1);
    QVERIFY(result.identities.first().labels.isEmpty());
    QVERIFY(result.warnings.isEmpty());
}

void TestIdentityMapper::badOptionsAreReported_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("namespace template") << u"ns"_s << u"{{ index .Tags "_s << u"--azureidentity.template.namespace"_s;
    QTest::newRow("name template") << u"name"_s << u"{{ .Name "_s << u"--azureidentity.template.resourcename"_s;
    QTest::newRow("unknown function") << u"name"_s << u"{{ nope .Name }}"_s << u"function \"nope\" not defined"_s;
    QTest::newRow("label format without %s")
        << u"label"_s << u"msi.azure.k8s.io/name"_s << u"--kubernetes.label.format"_s;
    QTest::newRow("label format with bad key") << u"label"_s << u"msi azure/%s"_s << u"invalid label key"_s;
    QTest::newRow("label format with two slashes") << u"label"_s << u"a/b/%s"_s << u"invalid label key"_s;
    QTest::newRow("expiry annotation") << u"annotation"_s << u"janitor//expires"_s
                                       << u"--azureidentity.expiry.annotation"_s;
}

void TestIdentityMapper::badOptionsAreReported()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, mentions);
    Mapping::MappingOptions options;
    options.expiry = true;
    if (field == u"ns"_s)
        options.namespaceTemplate = value;
    else if (field == u"name"_s)
        options.nameTemplate = value;
    else if (field == u"label"_s)
        options.labelFormat = value;
    else
        options.expiryAnnotation = value;
    const Mapping::IdentityMapper mapper(options);
    QVERIFY(!mapper.isValid());
    QVERIFY2(mapper.error().contains(mentions), qPrintable(mapper.error()));
    QVERIFY(mapper.map(seedMsi(), kNow).identities.isEmpty());
}

void TestIdentityMapper::expiryUsesLayoutAndDuration()
{
    Mapping::MappingOptions options;
    options.expiry = true;
    options.expiryDuration = std::chrono::hours(36) + std::chrono::minutes(30);
    options.expiryTimeFormat = u"2006-01-02T15:04:05Z07:00"_s;
    options.expiryAnnotation = u"example.com/expires"_s;
    const auto result = Mapping::IdentityMapper(options).map(seedMsi(), kNow);
    QCOMPARE(result.identities.size(), 1);
    QCOMPARE(result.identities.first().annotations.value(u"example.com/expires"_s), u"2021-08-30T12:30:00Z"_s);
    QVERIFY(!result.identities.first().annotations.contains(u"aadpodidentity.k8s.io/Behavior"_s));
}

QTEST_GUILESS_MAIN(TestIdentityMapper)
#include "tst_identitymapper.moc"
