// SPDX-License-Identifier: MIT
#include "shared/config/goduration.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using Amo::Config::GoDuration;

class TestGoDuration : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void toString_data();
    void toString();
    void conversions();
};

void TestGoDuration::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<QString>("string");
    QTest::addColumn<QString>("error");

    // clang-format off
    // Every expected value below is what Go 1.19's time.ParseDuration returned.
    QTest::newRow("1h") << u"1h"_s << true << Q_INT64_C(3600000000000) << u"1h0m0s"_s << QString();
    QTest::newRow("5m") << u"5m"_s << true << Q_INT64_C(300000000000) << u"5m0s"_s << QString();
    QTest::newRow("2190h") << u"2190h"_s << true << Q_INT64_C(7884000000000000) << u"2190h0m0s"_s << QString();
    QTest::newRow("1h30m") << u"1h30m"_s << true << Q_INT64_C(5400000000000) << u"1h30m0s"_s << QString();
    QTest::newRow("1.5h") << u"1.5h"_s << true << Q_INT64_C(5400000000000) << u"1h30m0s"_s << QString();
    QTest::newRow("300ms") << u"300ms"_s << true << Q_INT64_C(300000000) << u"300ms"_s << QString();
    QTest::newRow("1µs") << u"1µs"_s << true << Q_INT64_C(1000) << u"1µs"_s << QString();
    QTest::newRow("1us") << u"1us"_s << true << Q_INT64_C(1000) << u"1µs"_s << QString();
    QTest::newRow("1μs") << u"1μs"_s << true << Q_INT64_C(1000) << u"1µs"_s << QString();
    QTest::newRow("-1h") << u"-1h"_s << true << Q_INT64_C(-3600000000000) << u"-1h0m0s"_s << QString();
    QTest::newRow("0") << u"0"_s << true << Q_INT64_C(0) << u"0s"_s << QString();
    QTest::newRow(".5s") << u".5s"_s << true << Q_INT64_C(500000000) << u"500ms"_s << QString();
    QTest::newRow("5") << u"5"_s << false << qint64(0) << QString() << u"time: missing unit in duration \"5\""_s;
    QTest::newRow("5x") << u"5x"_s << false << qint64(0) << QString() << u"time: unknown unit \"x\" in duration \"5x\""_s;
    QTest::newRow("(empty)") << u""_s << false << qint64(0) << QString() << u"time: invalid duration \"\""_s;
    QTest::newRow("+5s") << u"+5s"_s << true << Q_INT64_C(5000000000) << u"5s"_s << QString();
    QTest::newRow("-0") << u"-0"_s << true << Q_INT64_C(0) << u"0s"_s << QString();
    QTest::newRow("+0") << u"+0"_s << true << Q_INT64_C(0) << u"0s"_s << QString();
    QTest::newRow("0s") << u"0s"_s << true << Q_INT64_C(0) << u"0s"_s << QString();
    QTest::newRow("1h0m0s") << u"1h0m0s"_s << true << Q_INT64_C(3600000000000) << u"1h0m0s"_s << QString();
    QTest::newRow("1.s") << u"1.s"_s << true << Q_INT64_C(1000000000) << u"1s"_s << QString();
    QTest::newRow(".s") << u".s"_s << false << qint64(0) << QString() << u"time: invalid duration \".s\""_s;
    QTest::newRow("-.s") << u"-.s"_s << false << qint64(0) << QString() << u"time: invalid duration \"-.s\""_s;
    QTest::newRow("1..5s") << u"1..5s"_s << false << qint64(0) << QString() << u"time: missing unit in duration \"1..5s\""_s;
    QTest::newRow("1e3s") << u"1e3s"_s << false << qint64(0) << QString() << u"time: unknown unit \"e\" in duration \"1e3s\""_s;
    QTest::newRow("1ns") << u"1ns"_s << true << Q_INT64_C(1) << u"1ns"_s << QString();
    QTest::newRow("1.0000000001s") << u"1.0000000001s"_s << true << Q_INT64_C(1000000000) << u"1s"_s << QString();
    QTest::newRow("9223372036854775807ns") << u"9223372036854775807ns"_s << true << Q_INT64_C(9223372036854775807) << u"2562047h47m16.854775807s"_s << QString();
    QTest::newRow("9223372036854775808ns") << u"9223372036854775808ns"_s << false << qint64(0) << QString() << u"time: invalid duration \"9223372036854775808ns\""_s;
    QTest::newRow("2562047h") << u"2562047h"_s << true << Q_INT64_C(9223369200000000000) << u"2562047h0m0s"_s << QString();
    QTest::newRow("2562048h") << u"2562048h"_s << false << qint64(0) << QString() << u"time: invalid duration \"2562048h\""_s;
    QTest::newRow("2562047h47m16.854775807s") << u"2562047h47m16.854775807s"_s << true << Q_INT64_C(9223372036854775807) << u"2562047h47m16.854775807s"_s << QString();
    QTest::newRow("2562047h47m16.854775808s") << u"2562047h47m16.854775808s"_s << false << qint64(0) << QString() << u"time: invalid duration \"2562047h47m16.854775808s\""_s;
    QTest::newRow("-2562047h47m16.854775808s") << u"-2562047h47m16.854775808s"_s << true << std::numeric_limits<qint64>::min() << u"-2562047h47m16.854775808s"_s << QString();
    QTest::newRow("-2562047h47m16.854775809s") << u"-2562047h47m16.854775809s"_s << false << qint64(0) << QString() << u"time: invalid duration \"-2562047h47m16.854775809s\""_s;
    QTest::newRow("99999999999999999999s") << u"99999999999999999999s"_s << false << qint64(0) << QString() << u"time: invalid duration \"99999999999999999999s\""_s;
    QTest::newRow("0.000000001s") << u"0.000000001s"_s << true << Q_INT64_C(1) << u"1ns"_s << QString();
    QTest::newRow("0.0000000009s") << u"0.0000000009s"_s << true << Q_INT64_C(0) << u"0s"_s << QString();
    QTest::newRow("1h-5m") << u"1h-5m"_s << false << qint64(0) << QString() << u"time: unknown unit \"h-\" in duration \"1h-5m\""_s;
    QTest::newRow("1 h") << u"1 h"_s << false << qint64(0) << QString() << u"time: unknown unit \" h\" in duration \"1 h\""_s;
    QTest::newRow(" 1h") << u" 1h"_s << false << qint64(0) << QString() << u"time: invalid duration \" 1h\""_s;
    QTest::newRow("1h ") << u"1h "_s << false << qint64(0) << QString() << u"time: unknown unit \"h \" in duration \"1h \""_s;
    QTest::newRow("1H") << u"1H"_s << false << qint64(0) << QString() << u"time: unknown unit \"H\" in duration \"1H\""_s;
    QTest::newRow("1d") << u"1d"_s << false << qint64(0) << QString() << u"time: unknown unit \"d\" in duration \"1d\""_s;
    QTest::newRow("1w") << u"1w"_s << false << qint64(0) << QString() << u"time: unknown unit \"w\" in duration \"1w\""_s;
    QTest::newRow("3h2m1s") << u"3h2m1s"_s << true << Q_INT64_C(10921000000000) << u"3h2m1s"_s << QString();
    QTest::newRow("100000000000000000000ns") << u"100000000000000000000ns"_s << false << qint64(0) << QString() << u"time: invalid duration \"100000000000000000000ns\""_s;
    QTest::newRow("1.99999999999999999999s") << u"1.99999999999999999999s"_s << true << Q_INT64_C(2000000000) << u"2s"_s << QString();
    QTest::newRow("4.5m") << u"4.5m"_s << true << Q_INT64_C(270000000000) << u"4m30s"_s << QString();
    QTest::newRow("-.5h") << u"-.5h"_s << true << Q_INT64_C(-1800000000000) << u"-30m0s"_s << QString();
    QTest::newRow("-") << u"-"_s << false << qint64(0) << QString() << u"time: invalid duration \"-\""_s;
    QTest::newRow("+") << u"+"_s << false << qint64(0) << QString() << u"time: invalid duration \"+\""_s;
    QTest::newRow("ms") << u"ms"_s << false << qint64(0) << QString() << u"time: invalid duration \"ms\""_s;
    QTest::newRow("5mm") << u"5mm"_s << false << qint64(0) << QString() << u"time: unknown unit \"mm\" in duration \"5mm\""_s;
    QTest::newRow("1m1") << u"1m1"_s << false << qint64(0) << QString() << u"time: missing unit in duration \"1m1\""_s;
    QTest::newRow("2h45m") << u"2h45m"_s << true << Q_INT64_C(9900000000000) << u"2h45m0s"_s << QString();
    QTest::newRow("-1.5h") << u"-1.5h"_s << true << Q_INT64_C(-5400000000000) << u"-1h30m0s"_s << QString();
    QTest::newRow("10us") << u"10us"_s << true << Q_INT64_C(10000) << u"10µs"_s << QString();
    QTest::newRow("0.5ms") << u"0.5ms"_s << true << Q_INT64_C(500000) << u"500µs"_s << QString();
    QTest::newRow("1e") << u"1e"_s << false << qint64(0) << QString() << u"time: unknown unit \"e\" in duration \"1e\""_s;
    QTest::newRow("18446744073709551615ns") << u"18446744073709551615ns"_s << false << qint64(0) << QString() << u"time: invalid duration \"18446744073709551615ns\""_s;
    QTest::newRow("1h1h") << u"1h1h"_s << true << Q_INT64_C(7200000000000) << u"2h0m0s"_s << QString();
    QTest::newRow("0x10s") << u"0x10s"_s << false << qint64(0) << QString() << u"time: unknown unit \"x\" in duration \"0x10s\""_s;
    QTest::newRow("24h") << u"24h"_s << true << Q_INT64_C(86400000000000) << u"24h0m0s"_s << QString();
    QTest::newRow("8760h") << u"8760h"_s << true << Q_INT64_C(31536000000000000) << u"8760h0m0s"_s << QString();
    QTest::newRow("720h") << u"720h"_s << true << Q_INT64_C(2592000000000000) << u"720h0m0s"_s << QString();
    QTest::newRow("1µ") << u"1µ"_s << false << qint64(0) << QString() << u"time: unknown unit \"\\xc2\\xb5\" in duration \"1\\xc2\\xb5\""_s;
    QTest::newRow("5\"s") << u"5\"s"_s << false << qint64(0) << QString() << u"time: unknown unit \"\\\"s\" in duration \"5\\\"s\""_s;
    QTest::newRow("1.333333333333h") << u"1.333333333333h"_s << true << Q_INT64_C(4799999999998) << u"1h19m59.999999998s"_s << QString();
    QTest::newRow("0.1ns") << u"0.1ns"_s << true << Q_INT64_C(0) << u"0s"_s << QString();
    QTest::newRow("1.9ns") << u"1.9ns"_s << true << Q_INT64_C(1) << u"1ns"_s << QString();
    QTest::newRow("30s") << u"30s"_s << true << Q_INT64_C(30000000000) << u"30s"_s << QString();
    QTest::newRow("10s") << u"10s"_s << true << Q_INT64_C(10000000000) << u"10s"_s << QString();
    QTest::newRow("5s") << u"5s"_s << true << Q_INT64_C(5000000000) << u"5s"_s << QString();
    QTest::newRow("1h.5m") << u"1h.5m"_s << true << Q_INT64_C(3630000000000) << u"1h0m30s"_s << QString();
    QTest::newRow("--1h") << u"--1h"_s << false << qint64(0) << QString() << u"time: invalid duration \"--1h\""_s;
    QTest::newRow("00") << u"00"_s << false << qint64(0) << QString() << u"time: missing unit in duration \"00\""_s;
    QTest::newRow("007s") << u"007s"_s << true << Q_INT64_C(7000000000) << u"7s"_s << QString();
    QTest::newRow("1	s") << u"1\u0009s"_s << false << qint64(0) << QString() << u"time: unknown unit \"\\x09s\" in duration \"1\\x09s\""_s;
    // clang-format on
}

void TestGoDuration::parse()
{
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(qint64, nanoseconds);
    QFETCH(QString, string);
    QFETCH(QString, error);

    QString message;
    const auto parsed = GoDuration::parse(input, &message);
    QCOMPARE(parsed.has_value(), ok);
    if (ok) {
        QCOMPARE(parsed->nanoseconds(), nanoseconds);
        QCOMPARE(parsed->toString(), string);
        QVERIFY(message.isEmpty());
    } else {
        QCOMPARE(message, error);
    }
}

void TestGoDuration::toString_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<QString>("expected");

    // clang-format off
    // Expected values printed by Go 1.19 time.Duration.String()
    QTest::newRow("0") << Q_INT64_C(0) << u"0s"_s;
    QTest::newRow("1") << Q_INT64_C(1) << u"1ns"_s;
    QTest::newRow("999") << Q_INT64_C(999) << u"999ns"_s;
    QTest::newRow("1000") << Q_INT64_C(1000) << u"1µs"_s;
    QTest::newRow("1001") << Q_INT64_C(1001) << u"1.001µs"_s;
    QTest::newRow("1500") << Q_INT64_C(1500) << u"1.5µs"_s;
    QTest::newRow("999999") << Q_INT64_C(999999) << u"999.999µs"_s;
    QTest::newRow("1000000") << Q_INT64_C(1000000) << u"1ms"_s;
    QTest::newRow("1500000") << Q_INT64_C(1500000) << u"1.5ms"_s;
    QTest::newRow("1000000000") << Q_INT64_C(1000000000) << u"1s"_s;
    QTest::newRow("1500000000") << Q_INT64_C(1500000000) << u"1.5s"_s;
    QTest::newRow("60000000000") << Q_INT64_C(60000000000) << u"1m0s"_s;
    QTest::newRow("3600000000000") << Q_INT64_C(3600000000000) << u"1h0m0s"_s;
    QTest::newRow("5400000000000") << Q_INT64_C(5400000000000) << u"1h30m0s"_s;
    QTest::newRow("7884000000000000") << Q_INT64_C(7884000000000000) << u"2190h0m0s"_s;
    QTest::newRow("-1") << Q_INT64_C(-1) << u"-1ns"_s;
    QTest::newRow("-1500000000") << Q_INT64_C(-1500000000) << u"-1.5s"_s;
    QTest::newRow("-3600000000000") << Q_INT64_C(-3600000000000) << u"-1h0m0s"_s;
    QTest::newRow("9223372036854775807") << Q_INT64_C(9223372036854775807) << u"2562047h47m16.854775807s"_s;
    QTest::newRow("-9223372036854775808") << std::numeric_limits<qint64>::min() << u"-2562047h47m16.854775808s"_s;
    QTest::newRow("100") << Q_INT64_C(100) << u"100ns"_s;
    QTest::newRow("12345678901") << Q_INT64_C(12345678901) << u"12.345678901s"_s;
    QTest::newRow("86400000000000") << Q_INT64_C(86400000000000) << u"24h0m0s"_s;
    QTest::newRow("3723000000000") << Q_INT64_C(3723000000000) << u"1h2m3s"_s;
    QTest::newRow("1000001") << Q_INT64_C(1000001) << u"1.000001ms"_s;
    QTest::newRow("61000000000") << Q_INT64_C(61000000000) << u"1m1s"_s;
    QTest::newRow("300000000") << Q_INT64_C(300000000) << u"300ms"_s;
    QTest::newRow("10000000000") << Q_INT64_C(10000000000) << u"10s"_s;
    QTest::newRow("-999") << Q_INT64_C(-999) << u"-999ns"_s;
    // clang-format on
}

void TestGoDuration::toString()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(QString, expected);
    QCOMPARE(GoDuration(nanoseconds).toString(), expected);
}

void TestGoDuration::conversions()
{
    QCOMPARE(GoDuration::fromHours(2190).toString(), u"2190h0m0s"_s);
    QCOMPARE(GoDuration::fromMinutes(5).milliseconds(), 300000);
    QCOMPARE(GoDuration(-1999999).milliseconds(), -1); // truncates toward zero like Go
    QVERIFY(GoDuration::fromSeconds(5) < GoDuration::fromSeconds(10));
    QCOMPARE(GoDuration::fromSeconds(1).toChrono(), std::chrono::seconds(1));
}

QTEST_GUILESS_MAIN(TestGoDuration)
#include "tst_goduration.moc"
