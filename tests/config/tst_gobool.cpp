// SPDX-License-Identifier: MIT
#include "shared/config/gobool.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Config::GoBool;

class TestGoBool : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void TestGoBool::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("value");
    QTest::addColumn<QString>("error");

    // clang-format off
    // Expected values printed by Go 1.19 strconv.ParseBool
    QTest::newRow("1") << u"1"_s << true << true << QString();
    QTest::newRow("t") << u"t"_s << true << true << QString();
    QTest::newRow("T") << u"T"_s << true << true << QString();
    QTest::newRow("TRUE") << u"TRUE"_s << true << true << QString();
    QTest::newRow("true") << u"true"_s << true << true << QString();
    QTest::newRow("True") << u"True"_s << true << true << QString();
    QTest::newRow("0") << u"0"_s << true << false << QString();
    QTest::newRow("f") << u"f"_s << true << false << QString();
    QTest::newRow("F") << u"F"_s << true << false << QString();
    QTest::newRow("FALSE") << u"FALSE"_s << true << false << QString();
    QTest::newRow("false") << u"false"_s << true << false << QString();
    QTest::newRow("False") << u"False"_s << true << false << QString();
    QTest::newRow("(empty)") << u""_s << false << false << u"strconv.ParseBool: parsing \"\": invalid syntax"_s;
    QTest::newRow("yes") << u"yes"_s << false << false << u"strconv.ParseBool: parsing \"yes\": invalid syntax"_s;
    QTest::newRow("no") << u"no"_s << false << false << u"strconv.ParseBool: parsing \"no\": invalid syntax"_s;
    QTest::newRow("tRUE") << u"tRUE"_s << false << false << u"strconv.ParseBool: parsing \"tRUE\": invalid syntax"_s;
    QTest::newRow("on") << u"on"_s << false << false << u"strconv.ParseBool: parsing \"on\": invalid syntax"_s;
    QTest::newRow("off") << u"off"_s << false << false << u"strconv.ParseBool: parsing \"off\": invalid syntax"_s;
    QTest::newRow("2") << u"2"_s << false << false << u"strconv.ParseBool: parsing \"2\": invalid syntax"_s;
    QTest::newRow(" true") << u" true"_s << false << false << u"strconv.ParseBool: parsing \" true\": invalid syntax"_s;
    QTest::newRow("true ") << u"true "_s << false << false << u"strconv.ParseBool: parsing \"true \": invalid syntax"_s;
    QTest::newRow("FaLsE") << u"FaLsE"_s << false << false << u"strconv.ParseBool: parsing \"FaLsE\": invalid syntax"_s;
    QTest::newRow("y") << u"y"_s << false << false << u"strconv.ParseBool: parsing \"y\": invalid syntax"_s;
    QTest::newRow("n") << u"n"_s << false << false << u"strconv.ParseBool: parsing \"n\": invalid syntax"_s;
    QTest::newRow("00") << u"00"_s << false << false << u"strconv.ParseBool: parsing \"00\": invalid syntax"_s;
    QTest::newRow("01") << u"01"_s << false << false << u"strconv.ParseBool: parsing \"01\": invalid syntax"_s;
    QTest::newRow("+1") << u"+1"_s << false << false << u"strconv.ParseBool: parsing \"+1\": invalid syntax"_s;
    QTest::newRow("tru") << u"tru"_s << false << false << u"strconv.ParseBool: parsing \"tru\": invalid syntax"_s;
    QTest::newRow("truee") << u"truee"_s << false << false << u"strconv.ParseBool: parsing \"truee\": invalid syntax"_s;
    // clang-format on
}

void TestGoBool::parse()
{
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(bool, value);
    QFETCH(QString, error);

    QString message;
    const auto parsed = GoBool::parse(input, &message);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(*parsed, value);
    else
        QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestGoBool)
#include "tst_gobool.moc"
