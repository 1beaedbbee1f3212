// SPDX-License-Identifier: MIT
#include "workloadtestdata.h"

#include "shared/workload/workloadannotations.h"
#include "shared/workload/workloadmapper.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Workload;
using namespace WorkloadTest;

class TestWorkloadMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedMsiGetsOnePairPerNamespace();
    void serviceAccountObjectCarriesTheAnnotations();
    void tenantAnnotationIsOptIn();
    void badServiceAccountNameIsSkipped();
    void credentialNameTemplate_data();
    void credentialNameTemplate();
    void badTemplatesNameTheOption();
};

void TestWorkloadMapper::seedMsiGetsOnePairPerNamespace()
{
    WorkloadOptions options;
    options.clusterName = u"prod"_s;
    options.issuer = kIssuer;
    const WorkloadMapping result
        = WorkloadMapper(options).map(mapped(msi(u"foobar"_s, kClientId, u"test123, team-b, kube-system"_s)));
    QCOMPARE(result.pairs.size(), 2); // kube-system is on the ignore list: the mapping already dropped it
    const WorkloadPair &pair = result.pairs.first();
    QCOMPARE(pair.namespaceName, u"test123"_s);
    QCOMPARE(pair.serviceAccount, u"foobar"_s);
    QCOMPARE(pair.credential.name, u"prod-test123-foobar"_s);
    QCOMPARE(pair.credential.subject, u"system:serviceaccount:test123:foobar"_s);
    QCOMPARE(pair.credential.issuer, kIssuer);
    QCOMPARE(pair.credential.audiences, QStringList {u"api://AzureADTokenExchange"_s});
    QCOMPARE(pair.labels.value(u"msi.azure.k8s.io/name"_s), u"foobar"_s);
    QCOMPARE(pair.labels.value(u"app.kubernetes.io/managed-by"_s), u"azure-msi-operator"_s);
    QCOMPARE(result.pairs.at(1).namespaceName, u"team-b"_s);
}

void TestWorkloadMapper::serviceAccountObjectCarriesTheAnnotations()
{
    const WorkloadMapping result
        = WorkloadMapper(WorkloadOptions()).map(mapped(msi(u"foobar"_s, kClientId, u"test123"_s)));
    QCOMPARE(result.pairs.size(), 1);
    const QJsonObject sa = result.pairs.first().serviceAccountJson();
    QCOMPARE(sa.value(u"kind"_s).toString(), u"ServiceAccount"_s);
    const QJsonObject metadata = sa.value(u"metadata"_s).toObject();
    QCOMPARE(metadata.value(u"namespace"_s).toString(), u"test123"_s);
    QCOMPARE(metadata.value(u"annotations"_s).toObject(),
             (QJsonObject {{u"azure.workload.identity/client-id"_s, kClientId}}));
    QCOMPARE(metadata.value(u"labels"_s).toObject().value(u"msi.azure.k8s.io/resourcegroup"_s).toString(), u"barfoo"_s);
}

void TestWorkloadMapper::tenantAnnotationIsOptIn()
{
    WorkloadOptions options;
    options.tenantAnnotation = true;
    const WorkloadMapping result = WorkloadMapper(options).map(mapped(msi(u"foobar"_s, kClientId, u"test123"_s)));
    QCOMPARE(result.pairs.first().tenantId, u"11111111-2222-3333-4444-555555555555"_s);
    const QJsonObject annotations
        = result.pairs.first().serviceAccountJson().value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
    QCOMPARE(annotations.value(u"azure.workload.identity/tenant-id"_s).toString(),
             u"11111111-2222-3333-4444-555555555555"_s);
}

void TestWorkloadMapper::badServiceAccountNameIsSkipped()
{
    WorkloadOptions options;
    options.serviceAccountTemplate = u"{{ .Name }}_sa"_s;
    const WorkloadMapping result = WorkloadMapper(options).map(mapped(msi(u"foobar"_s, kClientId, u"test123"_s)));
    QVERIFY(result.pairs.isEmpty());
    QCOMPARE(result.skips.size(), 1);
    QCOMPARE(result.skips.first().kind, Amo::Model::Skip::Kind::InvalidName);
    QVERIFY2(result.skips.first().reason.contains(u"\"foobar_sa\""_s), qPrintable(result.skips.first().reason));
}

void TestWorkloadMapper::credentialNameTemplate_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("fields") << u"{{ .Cluster }}-{{ .Namespace }}-{{ .ServiceAccount }}-{{ .Name }}"_s
                            << u"c1-test123-foobar-foobar"_s << QString();
    QTest::newRow("invalid output") << u"{{ .Namespace }}/{{ .ServiceAccount }}"_s << QString()
                                    << u"\"test123/foobar\" is not a valid federated identity credential name"_s;
    QTest::newRow("execution error") << u"{{ index .Tags 1 }}"_s << QString() << u"credential name template failed: "_s;
}

void TestWorkloadMapper::credentialNameTemplate()
{
    QFETCH(QString, templateText);
    QFETCH(QString, name);
    QFETCH(QString, problem);
    WorkloadOptions options;
    options.clusterName = u"c1"_s;
    options.credentialNameTemplate = templateText;
    const WorkloadMapper mapper(options);
    QVERIFY2(mapper.isValid(), qPrintable(mapper.error()));
    const WorkloadMapping result = mapper.map(mapped(msi(u"foobar"_s, kClientId, u"test123"_s)));
    if (problem.isEmpty()) {
        QCOMPARE(result.pairs.size(), 1);
        QCOMPARE(result.pairs.first().credential.name, name);
    } else {
        QVERIFY(result.pairs.isEmpty());
        QCOMPARE(result.skips.size(), 1);
        QCOMPARE(result.skips.first().namespaceName, u"test123"_s);
        QVERIFY2(result.skips.first().reason.contains(problem), qPrintable(result.skips.first().reason));
    }
}

void TestWorkloadMapper::badTemplatesNameTheOption()
{
    WorkloadOptions options;
    options.serviceAccountTemplate = u"{{ .Name"_s;
    QVERIFY(WorkloadMapper(options).error().startsWith(u"--workloadidentity.template.serviceaccount: "_s));
    options = WorkloadOptions();
    options.credentialNameTemplate = u"{{ end }}"_s;
    QVERIFY(WorkloadMapper(options).error().startsWith(u"--workloadidentity.template.credentialname: "_s));
}

QTEST_GUILESS_MAIN(TestWorkloadMapper)
#include "tst_workloadmapper.moc"
