// SPDX-License-Identifier: MIT
#include "shared/gotext/template.h"

#include <QTest>

class TestGoSprintf : public QObject
{
    Q_OBJECT
private slots:
    void smoke();
};

void TestGoSprintf::smoke()
{
    using namespace Amo::GoText;
    const Template t = Template::parse(QStringLiteral("ns"), QStringLiteral("a{{1}}"));
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QCOMPARE(t.execute(Value()).output, QStringLiteral("a1"));
}

QTEST_GUILESS_MAIN(TestGoSprintf)
#include "tst_gosprintf.moc"
