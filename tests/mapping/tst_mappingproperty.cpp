// SPDX-License-Identifier: MIT
// Property: every Azure-legal MSI maps to objects that Kubernetes accepts, or to a skip with a reason.
#include "shared/mapping/identitymapper.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Amo;

namespace {
// Kubernetes' own patterns (apimachinery), checked independently of the code under test.
const QRegularExpression kDnsLabel(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s);
const QRegularExpression kDnsSubdomain(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"_s);
const QRegularExpression kQualifiedNamePart(u"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"_s);
const QRegularExpression kLabelValue(u"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"_s);

bool validKey(const QString &key)
{
    const QStringList parts = key.split(u'/');
    if (parts.size() > 2)
        return false;
    const QString name = parts.last();
    if (name.size() > 63 || !kQualifiedNamePart.match(name).hasMatch())
        return false;
    return parts.size() == 1 || (parts[0].size() <= 253 && kDnsSubdomain.match(parts[0]).hasMatch());
}

class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_rng(seed)
    {
    }

    int between(int lo, int hi) { return lo + int(m_rng.bounded(hi - lo + 1)); }
    QChar pick(const QString &alphabet) { return alphabet.at(between(0, int(alphabet.size()) - 1)); }

    // Azure: 3-128 characters; alphanumerics, hyphens and underscores; starts with a letter or number.
    QString msiName()
    {
        static const QString first = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"_s;
        static const QString rest = first + u"-_"_s;
        static const QString lowerFirst = u"abcdefghijklmnopqrstuvwxyz0123456789"_s;
        static const QString lowerRest = lowerFirst + u"-"_s;
        const bool lowerOnly = between(0, 1) == 0; // the common naming style
        const int length = lengthUpTo(128, 3);
        QString name(1, pick(lowerOnly ? lowerFirst : first));
        while (name.size() < length)
            name += pick(lowerOnly ? lowerRest : rest);
        return name;
    }

    // Azure: 1-90 characters; Unicode letters and digits, underscore, parentheses, hyphen, period; not ending in '.'.
    QString resourceGroup()
    {
        static const QString chars = u"abcxyzABCXYZ019_()-.äöüßéЖж日本"_s;
        const int length = lengthUpTo(90, 1);
        QString group;
        while (group.size() < length)
            group += pick(chars);
        while (group.endsWith(u'.'))
            group.chop(1);
        return group.isEmpty() ? u"rg"_s : group;
    }

    QString tagValue()
    {
        // Half the tags are well-formed lists, so the object path is exercised as much as the skip path.
        if (between(0, 1) == 0) {
            QStringList namespaces;
            for (int n = between(1, 3); n > 0; --n)
                namespaces << u"team-"_s + QString::number(between(0, 999));
            return namespaces.join(u", "_s);
        }
        static const QString chars = u"abcz019-_. ,ABZ!/"_s;
        QString tag;
        const int length = between(0, 80);
        while (tag.size() < length)
            tag += pick(chars);
        return tag;
    }

    QString uuid()
    {
        return QUuid::createUuidV5(QUuid(), QString::number(m_rng.generate())).toString(QUuid::WithoutBraces);
    }

private:
    // Favour the edges: short names, the maximum, and one past typical limits.
    int lengthUpTo(int max, int min)
    {
        switch (between(0, 3)) {
        case 0:
            return min;
        case 1:
            return max;
        default:
            return between(min, max);
        }
    }

    QRandomGenerator m_rng;
};
} // namespace

class TestMappingProperty : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void objectsAreValidOrSkipped_data();
    void objectsAreValidOrSkipped();
};

void TestMappingProperty::objectsAreValidOrSkipped_data()
{
    QTest::addColumn<QString>("nameTemplate");
    QTest::addColumn<QString>("labelFormat");
    QTest::newRow("default") << u"{{ .Name }}-{{ .ClientId }}"_s << u"msi.azure.k8s.io/%s"_s;
    QTest::newRow("name only") << u"{{ .Name }}"_s << u"msi.azure.k8s.io/%s"_s;
    QTest::newRow("lower name") << u"{{ lower .Name }}"_s << u"%s"_s;
    QTest::newRow("group and name") << u"{{ lower .ResourceGroup }}.{{ lower .Name }}"_s << QString();
    QTest::newRow("truncated") << u"{{ trunc 63 (lower .Name) }}"_s << u"example.com/msi-%s"_s;
}

void TestMappingProperty::objectsAreValidOrSkipped()
{
    QFETCH(QString, nameTemplate);
    QFETCH(QString, labelFormat);
    Mapping::MappingOptions options;
    options.nameTemplate = nameTemplate;
    options.labelFormat = labelFormat;
    options.namespaced = true;
    options.expiry = true;
    const Mapping::IdentityMapper mapper(options);
    QVERIFY2(mapper.isValid(), qPrintable(mapper.error()));

    Generator gen(0x5eed0000u + quint32(QTest::currentDataTag()[0]));
    const QDateTime now = QDateTime(QDate(2026, 1, 31), QTime(23, 59, 59), Qt::UTC);
    int objects = 0;
    int skips = 0;
    for (int i = 0; i < 3000; ++i) {
        Model::Msi msi;
        msi.name = gen.msiName();
        msi.resourceGroup = gen.resourceGroup();
        msi.subscriptionId = gen.uuid();
        msi.clientId = gen.uuid();
        msi.id = u"/subscriptions/%1/resourceGroups/%2/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%3"_s
                     .arg(msi.subscriptionId, msi.resourceGroup, msi.name);
        msi.tags.insert(u"k8snamespace"_s, gen.tagValue());

        const Mapping::MsiMapping result = mapper.map(msi, now);
        for (const Model::Skip &skip : result.skips)
            QVERIFY2(!skip.reason.isEmpty(), qPrintable(msi.id));
        if (result.identities.isEmpty())
            QVERIFY2(!result.skips.isEmpty(), qPrintable(u"no object and no skip for "_s + msi.id));
        skips += int(result.skips.size());

        for (const Model::DesiredIdentity &identity : result.identities) {
            ++objects;
            const QString context = msi.id + u" -> "_s + identity.namespaceName + u'/' + identity.name;
            QVERIFY2(identity.name.size() <= 253 && kDnsSubdomain.match(identity.name).hasMatch(), qPrintable(context));
            QVERIFY2(identity.namespaceName.size() <= 63 && kDnsLabel.match(identity.namespaceName).hasMatch(),
                     qPrintable(context));
            for (auto it = identity.labels.begin(); it != identity.labels.end(); ++it) {
                QVERIFY2(validKey(it.key()), qPrintable(context + u" label key "_s + it.key()));
                QVERIFY2(it.value().size() <= 63 && kLabelValue.match(it.value()).hasMatch(),
                         qPrintable(context + u" label value "_s + it.value()));
            }
            for (auto it = identity.annotations.begin(); it != identity.annotations.end(); ++it)
                QVERIFY2(validKey(it.key()), qPrintable(context + u" annotation "_s + it.key()));
            QCOMPARE(identity.resourceId, msi.id.toLower());
            QCOMPARE(identity.clientId, msi.clientId);
        }
    }
    qInfo("%d objects, %d skips", objects, skips);
    QVERIFY(objects > 0);
}

QTEST_GUILESS_MAIN(TestMappingProperty)
#include "tst_mappingproperty.moc"
