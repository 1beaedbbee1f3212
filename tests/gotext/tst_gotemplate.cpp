// SPDX-License-Identifier: MIT
#include "shared/gotext/template.h"

#include <QTest>

class TestGoTemplate : public QObject
{
    Q_OBJECT
private slots:
    void smoke();
};

void TestGoTemplate::smoke()
{
    using namespace Amo::GoText;
    const Template t = Template::parse(QStringLiteral("ns"), QStringLiteral("a{{1}}"));
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QCOMPARE(t.execute(Value()).output, QStringLiteral("a1"));
}

QTEST_GUILESS_MAIN(TestGoTemplate)
#include "tst_gotemplate.moc"
