// SPDX-License-Identifier: MIT
#include "shared/config/gotimelayout.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Config::GoTimeLayout;

class TestGoTimeLayout : public QObject
{
    Q_OBJECT

private slots:
    void format_data();
    void format();
    void formatUsesMilliseconds();
    void parse_data();
    void parse();
    void roundTrip_data();
    void roundTrip();
    void hasDateElements_data();
    void hasDateElements();
};

void TestGoTimeLayout::format_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<int>("nanosecond");
    QTest::addColumn<QString>("expected");

    // The table was printed by Go 1.19 (see its "source" field): every layout at several instants.
    QFile file(QStringLiteral(AMO_SOURCE_DIR "/tests/config/data/go-time-format.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(doc.value(u"source"_s).toString().contains(u"Go go1.19"_s));

    QList<QPair<QDateTime, int>> instants;
    for (const QJsonValue &v : doc.value(u"instants"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const int ns = o.value(u"nanosecond"_s).toInt();
        const QDate date = QDate::fromString(o.value(u"date"_s).toString(), Qt::ISODate);
        const QTime time = QTime::fromString(o.value(u"time"_s).toString(), Qt::ISODate).addMSecs(ns / 1000000);
        instants.append({QDateTime(date, time, Qt::UTC), ns});
    }
    QCOMPARE(instants.size(), 8);

    for (const QJsonValue &v : doc.value(u"rows"_s).toArray()) {
        const QJsonArray row = v.toArray();
        const QString layout = row.at(0).toString();
        const int index = row.at(1).toInt();
        const QString tag = (layout.isEmpty() ? u"(empty)"_s : layout) + u" @"_s + QString::number(index);
        QTest::newRow(qPrintable(tag)) << layout << instants.at(index).first << instants.at(index).second
                                       << row.at(2).toString();
    }
}

void TestGoTimeLayout::format()
{
    QFETCH(QString, layout);
    QFETCH(QDateTime, instant);
    QFETCH(int, nanosecond);
    QFETCH(QString, expected);
    QCOMPARE(GoTimeLayout(layout).format(instant, nanosecond), expected);
}

void TestGoTimeLayout::formatUsesMilliseconds()
{
    const QDateTime t(QDate(2020, 10, 1), QTime(13, 30, 0, 120), Qt::UTC);
    // Go 1.19 printed "13:30:00.120000000" and "13:30:00.12" for this instant.
    QCOMPARE(GoTimeLayout(u"15:04:05.000000000"_s).format(t), u"13:30:00.120000000"_s);
    QCOMPARE(GoTimeLayout(u"15:04:05.999"_s).format(t), u"13:30:00.12"_s);
    // A non-UTC QDateTime is converted first, since the layout describes UTC.
    QCOMPARE(GoTimeLayout(u"2006-01-02 15:04"_s).format(t.toOffsetFromUtc(3600)), u"2020-10-01 13:30"_s);
}

void TestGoTimeLayout::parse_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("utc"); // RFC 3339 seconds, as Go printed it
    QTest::addColumn<int>("nanosecond");
    QTest::addColumn<QString>("error");

    // clang-format off
    // Every expected value below is what Go 1.19 time.Parse returned (shown in UTC).
    QTest::newRow("2006-01-02 <- 2021-11-28") << u"2006-01-02"_s << u"2021-11-28"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 <- 2021-11-8") << u"2006-01-02"_s << u"2021-11-8"_s << false << QString() << 0 << u"parsing time \"2021-11-8\" as \"2006-01-02\": cannot parse \"8\" as \"02\""_s;
    QTest::newRow("2006-01-02 <- 2021-02-30") << u"2006-01-02"_s << u"2021-02-30"_s << false << QString() << 0 << u"parsing time \"2021-02-30\": day out of range"_s;
    QTest::newRow("2006-01-02 <- 2024-02-29") << u"2006-01-02"_s << u"2024-02-29"_s << true << u"2024-02-29T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 <- 2023-02-29") << u"2006-01-02"_s << u"2023-02-29"_s << false << QString() << 0 << u"parsing time \"2023-02-29\": day out of range"_s;
    QTest::newRow("2006-01-02 <- 21-11-28") << u"2006-01-02"_s << u"21-11-28"_s << false << QString() << 0 << u"parsing time \"21-11-28\" as \"2006-01-02\": cannot parse \"1-28\" as \"2006\""_s;
    QTest::newRow("2006-01-02 <- 2021-11-28 ") << u"2006-01-02"_s << u"2021-11-28 "_s << false << QString() << 0 << u"parsing time \"2021-11-28 \": extra text: \" \""_s;
    QTest::newRow("2006-01-02 <- (empty)") << u"2006-01-02"_s << u""_s << false << QString() << 0 << u"parsing time \"\" as \"2006-01-02\": cannot parse \"\" as \"2006\""_s;
    QTest::newRow("2006-01-02 <- 2021-13-01") << u"2006-01-02"_s << u"2021-13-01"_s << false << QString() << 0 << u"parsing time \"2021-13-01\": month out of range"_s;
    QTest::newRow("2006-01-02 <- 2021-00-01") << u"2006-01-02"_s << u"2021-00-01"_s << false << QString() << 0 << u"parsing time \"2021-00-01\": month out of range"_s;
    QTest::newRow("2006-1-2 <- 2021-1-2") << u"2006-1-2"_s << u"2021-1-2"_s << true << u"2021-01-02T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-1-2 <- 2021-11-28") << u"2006-1-2"_s << u"2021-11-28"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("02.01.2006 <- 28.11.2021") << u"02.01.2006"_s << u"28.11.2021"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02T15:04:05Z07:00 <- 2021-11-28T10:20:30Z") << u"2006-01-02T15:04:05Z07:00"_s << u"2021-11-28T10:20:30Z"_s << true << u"2021-11-28T10:20:30Z"_s << 0 << QString();
    QTest::newRow("2006-01-02T15:04:05Z07:00 <- 2021-11-28T10:20:30+02:00") << u"2006-01-02T15:04:05Z07:00"_s << u"2021-11-28T10:20:30+02:00"_s << true << u"2021-11-28T08:20:30Z"_s << 0 << QString();
    QTest::newRow("2006-01-02T15:04:05Z07:00 <- 2021-11-28T10:20:30.5+02:00") << u"2006-01-02T15:04:05Z07:00"_s << u"2021-11-28T10:20:30.5+02:00"_s << true << u"2021-11-28T08:20:30Z"_s << 500000000 << QString();
    QTest::newRow("2006-01-02T15:04:05.999999999Z07:00 <- 2021-11-28T10:20:30.123456789-05:30") << u"2006-01-02T15:04:05.999999999Z07:00"_s << u"2021-11-28T10:20:30.123456789-05:30"_s << true << u"2021-11-28T15:50:30Z"_s << 123456789 << QString();
    QTest::newRow("Mon, 02 Jan 2006 15:04:05 MST <- Sun, 28 Nov 2021 10:20:30 UTC") << u"Mon, 02 Jan 2006 15:04:05 MST"_s << u"Sun, 28 Nov 2021 10:20:30 UTC"_s << true << u"2021-11-28T10:20:30Z"_s << 0 << QString();
    QTest::newRow("Mon, 02 Jan 2006 15:04:05 MST <- Sun, 28 Nov 2021 10:20:30 CET") << u"Mon, 02 Jan 2006 15:04:05 MST"_s << u"Sun, 28 Nov 2021 10:20:30 CET"_s << true << u"2021-11-28T10:20:30Z"_s << 0 << QString();
    QTest::newRow("Mon, 02 Jan 2006 15:04:05 MST <- sun, 28 nov 2021 10:20:30 GMT") << u"Mon, 02 Jan 2006 15:04:05 MST"_s << u"sun, 28 nov 2021 10:20:30 GMT"_s << true << u"2021-11-28T10:20:30Z"_s << 0 << QString();
    QTest::newRow("Mon, 02 Jan 2006 15:04:05 -0700 <- Sun, 28 Nov 2021 10:20:30 +0100") << u"Mon, 02 Jan 2006 15:04:05 -0700"_s << u"Sun, 28 Nov 2021 10:20:30 +0100"_s << true << u"2021-11-28T09:20:30Z"_s << 0 << QString();
    QTest::newRow("January 2, 2006 <- November 28, 2021") << u"January 2, 2006"_s << u"November 28, 2021"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("January 2, 2006 <- Nov 28, 2021") << u"January 2, 2006"_s << u"Nov 28, 2021"_s << false << QString() << 0 << u"parsing time \"Nov 28, 2021\" as \"January 2, 2006\": cannot parse \"Nov 28, 2021\" as \"January\""_s;
    QTest::newRow("Monday 2006-01-02 <- Friday 2021-11-28") << u"Monday 2006-01-02"_s << u"Friday 2021-11-28"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("Monday 2006-01-02 <- Funday 2021-11-28") << u"Monday 2006-01-02"_s << u"Funday 2021-11-28"_s << false << QString() << 0 << u"parsing time \"Funday 2021-11-28\" as \"Monday 2006-01-02\": cannot parse \"Funday 2021-11-28\" as \"Monday\""_s;
    QTest::newRow("3:04PM <- 12:30AM") << u"3:04PM"_s << u"12:30AM"_s << true << u"0000-01-01T00:30:00Z"_s << 0 << QString();
    QTest::newRow("3:04PM <- 12:30PM") << u"3:04PM"_s << u"12:30PM"_s << true << u"0000-01-01T12:30:00Z"_s << 0 << QString();
    QTest::newRow("3:04PM <- 1:05pm") << u"3:04PM"_s << u"1:05pm"_s << false << QString() << 0 << u"parsing time \"1:05pm\" as \"3:04PM\": cannot parse \"\" as \"PM\""_s;
    QTest::newRow("3:04pm <- 1:05pm") << u"3:04pm"_s << u"1:05pm"_s << true << u"0000-01-01T13:05:00Z"_s << 0 << QString();
    QTest::newRow("15:04 <- 24:00") << u"15:04"_s << u"24:00"_s << false << QString() << 0 << u"parsing time \"24:00\": hour out of range"_s;
    QTest::newRow("15:04 <- 23:60") << u"15:04"_s << u"23:60"_s << false << QString() << 0 << u"parsing time \"23:60\": minute out of range"_s;
    QTest::newRow("2006-002 <- 2024-060") << u"2006-002"_s << u"2024-060"_s << true << u"2024-02-29T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-002 <- 2023-366") << u"2006-002"_s << u"2023-366"_s << false << QString() << 0 << u"parsing time \"2023-366\": day-of-year out of range"_s;
    QTest::newRow("2006-002 <- 2024-366") << u"2006-002"_s << u"2024-366"_s << true << u"2024-12-31T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 __2 <- 2021  32") << u"2006 __2"_s << u"2021  32"_s << true << u"2021-02-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("06-01-02 <- 69-01-02") << u"06-01-02"_s << u"69-01-02"_s << true << u"1969-01-02T00:00:00Z"_s << 0 << QString();
    QTest::newRow("06-01-02 <- 68-01-02") << u"06-01-02"_s << u"68-01-02"_s << true << u"2068-01-02T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 15:04:05 <- 2021-11-28 10:20:30.25") << u"2006-01-02 15:04:05"_s << u"2021-11-28 10:20:30.25"_s << true << u"2021-11-28T10:20:30Z"_s << 250000000 << QString();
    QTest::newRow("2006-01-02 15:04:05.000 <- 2021-11-28 10:20:30.25") << u"2006-01-02 15:04:05.000"_s << u"2021-11-28 10:20:30.25"_s << false << QString() << 0 << u"parsing time \"2021-11-28 10:20:30.25\" as \"2006-01-02 15:04:05.000\": cannot parse \".25\" as \".000\""_s;
    QTest::newRow("2006-01-02 15:04:05.000 <- 2021-11-28 10:20:30.250") << u"2006-01-02 15:04:05.000"_s << u"2021-11-28 10:20:30.250"_s << true << u"2021-11-28T10:20:30Z"_s << 250000000 << QString();
    QTest::newRow("2006-01-02 15:04:05.999 <- 2021-11-28 10:20:30") << u"2006-01-02 15:04:05.999"_s << u"2021-11-28 10:20:30"_s << true << u"2021-11-28T10:20:30Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 15:04:05,999 <- 2021-11-28 10:20:30.5") << u"2006-01-02 15:04:05,999"_s << u"2021-11-28 10:20:30.5"_s << true << u"2021-11-28T10:20:30Z"_s << 500000000 << QString();
    QTest::newRow("2006-01-02 MST <- 2021-11-28 GMT+3") << u"2006-01-02 MST"_s << u"2021-11-28 GMT+3"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 -07 <- 2021-11-28 +03") << u"2006-01-02 -07"_s << u"2021-11-28 +03"_s << true << u"2021-11-27T21:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 -0700 <- 2021-11-28 -0130") << u"2006-01-02 -0700"_s << u"2021-11-28 -0130"_s << true << u"2021-11-28T01:30:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 Z0700 <- 2021-11-28 Z") << u"2006-01-02 Z0700"_s << u"2021-11-28 Z"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 -07:00:00 <- 2021-11-28 +01:02:03") << u"2006-01-02 -07:00:00"_s << u"2021-11-28 +01:02:03"_s << true << u"2021-11-27T22:57:57Z"_s << 0 << QString();
    QTest::newRow("Jan _2 2006 <- Nov  8 2021") << u"Jan _2 2006"_s << u"Nov  8 2021"_s << true << u"2021-11-08T00:00:00Z"_s << 0 << QString();
    QTest::newRow("Jan _2 2006 <- Nov 8 2021") << u"Jan _2 2006"_s << u"Nov 8 2021"_s << true << u"2021-11-08T00:00:00Z"_s << 0 << QString();
    QTest::newRow("Jan _2 2006 <- Nov 18 2021") << u"Jan _2 2006"_s << u"Nov 18 2021"_s << true << u"2021-11-18T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006  01 <- 2021 11") << u"2006  01"_s << u"2021 11"_s << true << u"2021-11-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 01 <- 2021   11") << u"2006 01"_s << u"2021   11"_s << true << u"2021-11-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 <- 2021-11-28x") << u"2006-01-02"_s << u"2021-11-28x"_s << false << QString() << 0 << u"parsing time \"2021-11-28x\": extra text: \"x\""_s;
    QTest::newRow("01/02 <- 11/28") << u"01/02"_s << u"11/28"_s << true << u"0000-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("15:04:05 <- 10:20:30") << u"15:04:05"_s << u"10:20:30"_s << true << u"0000-01-01T10:20:30Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 MST <- 2021-11-28 PST") << u"2006-01-02 MST"_s << u"2021-11-28 PST"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 MST <- 2021-11-28 pst") << u"2006-01-02 MST"_s << u"2021-11-28 pst"_s << false << QString() << 0 << u"parsing time \"2021-11-28 pst\" as \"2006-01-02 MST\": cannot parse \"pst\" as \"MST\""_s;
    QTest::newRow("2006-01-02 15 MST <- 2021-11-28 10 ChST") << u"2006-01-02 15 MST"_s << u"2021-11-28 10 ChST"_s << true << u"2021-11-28T10:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 -07:00 <- 2021-11-28 +25:00") << u"2006-01-02 -07:00"_s << u"2021-11-28 +25:00"_s << true << u"2021-11-26T23:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 <- 0000-01-01") << u"2006-01-02"_s << u"0000-01-01"_s << true << u"0000-01-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("01-02 <- 02-29") << u"01-02"_s << u"02-29"_s << true << u"0000-02-29T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 <- 2021-1-28") << u"2006-01-02"_s << u"2021-1-28"_s << false << QString() << 0 << u"parsing time \"2021-1-28\" as \"2006-01-02\": cannot parse \"1-28\" as \"01\""_s;
    QTest::newRow("2006-1-02 <- 2021-1-28") << u"2006-1-02"_s << u"2021-1-28"_s << true << u"2021-01-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 15:04:05 <- 2021-11-28 10:20:.5") << u"2006-01-02 15:04:05"_s << u"2021-11-28 10:20:.5"_s << true << u"2021-11-28T10:20:00Z"_s << 500000000 << QString();
    QTest::newRow("Z070000 <- Z") << u"Z070000"_s << u"Z"_s << false << QString() << 0 << u"parsing time \"Z\" as \"Z070000\": cannot parse \"Z\" as \"Z070000\""_s;
    QTest::newRow("Z07:00:00 <- Z") << u"Z07:00:00"_s << u"Z"_s << false << QString() << 0 << u"parsing time \"Z\" as \"Z07:00:00\": cannot parse \"Z\" as \"Z07:00:00\""_s;
    QTest::newRow("2006 05.999 <- 2021 01.1234567891") << u"2006 05.999"_s << u"2021 01.1234567891"_s << false << QString() << 0 << u"parsing time \"2021 01.1234567891\": extra text: \"1\""_s;
    QTest::newRow("2006 05.000 <- 2021 01.1234567891") << u"2006 05.000"_s << u"2021 01.1234567891"_s << false << QString() << 0 << u"parsing time \"2021 01.1234567891\": extra text: \"4567891\""_s;
    QTest::newRow("2006 .000 <- 2021 .-12") << u"2006 .000"_s << u"2021 .-12"_s << false << QString() << 0 << u"parsing time \"2021 .-12\": fractional second out of range"_s;
    QTest::newRow("2006 05 <- 2021 01,5") << u"2006 05"_s << u"2021 01,5"_s << true << u"2021-01-01T00:00:01Z"_s << 500000000 << QString();
    QTest::newRow("2006 Z07:00 <- 2021 +0100") << u"2006 Z07:00"_s << u"2021 +0100"_s << false << QString() << 0 << u"parsing time \"2021 +0100\" as \"2006 Z07:00\": cannot parse \"+0100\" as \"Z07:00\""_s;
    QTest::newRow("2006-01-02 Mon <- 2021-11-28 MON") << u"2006-01-02 Mon"_s << u"2021-11-28 MON"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 __2 <- 2021 1") << u"2006 __2"_s << u"2021 1"_s << true << u"2021-01-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 002 <- 2021 32") << u"2006 002"_s << u"2021 32"_s << false << QString() << 0 << u"parsing time \"2021 32\" as \"2006 002\": cannot parse \"32\" as \"002\""_s;
    QTest::newRow("2006-01-02 002 <- 2021-02-01 032") << u"2006-01-02 002"_s << u"2021-02-01 032"_s << true << u"2021-02-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 002 <- 2021-02-02 032") << u"2006-01-02 002"_s << u"2021-02-02 032"_s << false << QString() << 0 << u"parsing time \"2021-02-02 032\": day-of-year does not match day"_s;
    QTest::newRow("2006-01-02 002 <- 2021-03-01 032") << u"2006-01-02 002"_s << u"2021-03-01 032"_s << false << QString() << 0 << u"parsing time \"2021-03-01 032\": day-of-year does not match month"_s;
    QTest::newRow("2006 06 <- 2021 +5") << u"2006 06"_s << u"2021 +5"_s << true << u"2005-01-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 MST <- 2021 ABCDT") << u"2006 MST"_s << u"2021 ABCDT"_s << true << u"2021-01-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 MST <- 2021 ABCD") << u"2006 MST"_s << u"2021 ABCD"_s << false << QString() << 0 << u"parsing time \"2021 ABCD\" as \"2006 MST\": cannot parse \"ABCD\" as \"MST\""_s;
    QTest::newRow("2006 MST <- 2021 ABCDEF") << u"2006 MST"_s << u"2021 ABCDEF"_s << false << QString() << 0 << u"parsing time \"2021 ABCDEF\" as \"2006 MST\": cannot parse \"ABCDEF\" as \"MST\""_s;
    QTest::newRow("2006 MST <- 2021 +05") << u"2006 MST"_s << u"2021 +05"_s << true << u"2021-01-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006 MST <- 2021 GMT-24") << u"2006 MST"_s << u"2021 GMT-24"_s << false << QString() << 0 << u"parsing time \"2021 GMT-24\": extra text: \"-24\""_s;
    QTest::newRow("2006 MST <- 2021 AB") << u"2006 MST"_s << u"2021 AB"_s << false << QString() << 0 << u"parsing time \"2021 AB\" as \"2006 MST\": cannot parse \"AB\" as \"MST\""_s;
    QTest::newRow("15:04 pm <- 10:00 am") << u"15:04 pm"_s << u"10:00 am"_s << true << u"0000-01-01T10:00:00Z"_s << 0 << QString();
    QTest::newRow("3 PM <- 13 PM") << u"3 PM"_s << u"13 PM"_s << false << QString() << 0 << u"parsing time \"13 PM\": hour out of range"_s;
    QTest::newRow("2006 1 <- 2021 123") << u"2006 1"_s << u"2021 123"_s << false << QString() << 0 << u"parsing time \"2021 123\": extra text: \"3\""_s;
    QTest::newRow("2006-01-02 -0700 <- 2021-11-28 Z") << u"2006-01-02 -0700"_s << u"2021-11-28 Z"_s << false << QString() << 0 << u"parsing time \"2021-11-28 Z\" as \"2006-01-02 -0700\": cannot parse \"Z\" as \"-0700\""_s;
    QTest::newRow("2006-01-02 -07:00 <- 2021-11-28 +01-00") << u"2006-01-02 -07:00"_s << u"2021-11-28 +01-00"_s << false << QString() << 0 << u"parsing time \"2021-11-28 +01-00\" as \"2006-01-02 -07:00\": cannot parse \"+01-00\" as \"-07:00\""_s;
    QTest::newRow("2006-01-02 -07:00 <- 2021-11-28 +01:61") << u"2006-01-02 -07:00"_s << u"2021-11-28 +01:61"_s << true << u"2021-11-27T21:59:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02  15 <- 2021-11-28 10") << u"2006-01-02  15"_s << u"2021-11-28 10"_s << true << u"2021-11-28T10:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02  <- 2021-11-28") << u"2006-01-02 "_s << u"2021-11-28"_s << true << u"2021-11-28T00:00:00Z"_s << 0 << QString();
    QTest::newRow("Jan 2006 <- JANUARY 2021") << u"Jan 2006"_s << u"JANUARY 2021"_s << false << QString() << 0 << u"parsing time \"JANUARY 2021\" as \"Jan 2006\": cannot parse \"UARY 2021\" as \" \""_s;
    QTest::newRow("January 2006 <- JANUARY 2021") << u"January 2006"_s << u"JANUARY 2021"_s << true << u"2021-01-01T00:00:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 <- 2021-11-28ä") << u"2006-01-02"_s << u"2021-11-28ä"_s << false << QString() << 0 << u"parsing time \"2021-11-28\\xc3\\xa4\": extra text: \"\\xc3\\xa4\""_s;
    QTest::newRow("2006-01-02 <- 2O21-11-28") << u"2006-01-02"_s << u"2O21-11-28"_s << false << QString() << 0 << u"parsing time \"2O21-11-28\" as \"2006-01-02\": cannot parse \"-11-28\" as \"2006\""_s;
    QTest::newRow("2006-01-02T15:04:05Z07:00 <- 2021-11-28T10:20:30-07:00") << u"2006-01-02T15:04:05Z07:00"_s << u"2021-11-28T10:20:30-07:00"_s << true << u"2021-11-28T17:20:30Z"_s << 0 << QString();
    QTest::newRow("Monday, 02-Jan-06 15:04:05 MST <- Sunday, 28-Nov-21 10:20:30 UTC") << u"Monday, 02-Jan-06 15:04:05 MST"_s << u"Sunday, 28-Nov-21 10:20:30 UTC"_s << true << u"2021-11-28T10:20:30Z"_s << 0 << QString();
    QTest::newRow("Mon Jan _2 15:04:05 2006 <- Sun Nov  8 10:20:30 2021") << u"Mon Jan _2 15:04:05 2006"_s << u"Sun Nov  8 10:20:30 2021"_s << true << u"2021-11-08T10:20:30Z"_s << 0 << QString();
    QTest::newRow("3:04PM <- 3:04PM") << u"3:04PM"_s << u"3:04PM"_s << true << u"0000-01-01T15:04:00Z"_s << 0 << QString();
    QTest::newRow("Jan _2 15:04:05.000000000 <- Nov 28 10:20:30.000000001") << u"Jan _2 15:04:05.000000000"_s << u"Nov 28 10:20:30.000000001"_s << true << u"0000-11-28T10:20:30Z"_s << 1 << QString();
    QTest::newRow("2006-01-02 15:04:05.000000000 <- 2021-11-28 10:20:30.123456789") << u"2006-01-02 15:04:05.000000000"_s << u"2021-11-28 10:20:30.123456789"_s << true << u"2021-11-28T10:20:30Z"_s << 123456789 << QString();
    QTest::newRow("Z07 <- +05") << u"Z07"_s << u"+05"_s << true << u"-0001-12-31T19:00:00Z"_s << 0 << QString();
    QTest::newRow("-070000 <- -010203") << u"-070000"_s << u"-010203"_s << true << u"0000-01-01T01:02:03Z"_s << 0 << QString();
    QTest::newRow("2006-01-02T15:04:05Z07:00 <- 2021-11-28T10:20:30+0200") << u"2006-01-02T15:04:05Z07:00"_s << u"2021-11-28T10:20:30+0200"_s << false << QString() << 0 << u"parsing time \"2021-11-28T10:20:30+0200\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+0200\" as \"Z07:00\""_s;
    QTest::newRow("2006-01-02 <- -021-11-28") << u"2006-01-02"_s << u"-021-11-28"_s << false << QString() << 0 << u"parsing time \"-021-11-28\" as \"2006-01-02\": cannot parse \"-021-11-28\" as \"2006\""_s;
    QTest::newRow("2006-01-02 03:04 PM <- 2021-11-28 00:04 AM") << u"2006-01-02 03:04 PM"_s << u"2021-11-28 00:04 AM"_s << true << u"2021-11-28T00:04:00Z"_s << 0 << QString();
    QTest::newRow("2006-01-02 3 PM <- 2021-11-28 x PM") << u"2006-01-02 3 PM"_s << u"2021-11-28 x PM"_s << false << QString() << 0 << u"parsing time \"2021-11-28 x PM\" as \"2006-01-02 3 PM\": cannot parse \"x PM\" as \"3\""_s;
    QTest::newRow("2006 -07:00 <- 2021 +0x:00") << u"2006 -07:00"_s << u"2021 +0x:00"_s << false << QString() << 0 << u"parsing time \"2021 +0x:00\" as \"2006 -07:00\": cannot parse \"\" as \"-07:00\""_s;
    QTest::newRow("2006 -07:00 <- 2021 x01:00") << u"2006 -07:00"_s << u"2021 x01:00"_s << false << QString() << 0 << u"parsing time \"2021 x01:00\" as \"2006 -07:00\": cannot parse \"\" as \"-07:00\""_s;
    QTest::newRow("2006 .000 <- 2021 .12x") << u"2006 .000"_s << u"2021 .12x"_s << false << QString() << 0 << u"parsing time \"2021 .12x\" as \"2006 .000\": cannot parse \"\" as \".000\""_s;
    QTest::newRow("2006 PM <- 2021 XM") << u"2006 PM"_s << u"2021 XM"_s << false << QString() << 0 << u"parsing time \"2021 XM\" as \"2006 PM\": cannot parse \"\" as \"PM\""_s;
    QTest::newRow("2006 Z07:00 <- 2021 z") << u"2006 Z07:00"_s << u"2021 z"_s << false << QString() << 0 << u"parsing time \"2021 z\" as \"2006 Z07:00\": cannot parse \"z\" as \"Z07:00\""_s;
    QTest::newRow("2006-01-02 15:04:05.999999999 <- 2021-11-28 10:20:30.1") << u"2006-01-02 15:04:05.999999999"_s << u"2021-11-28 10:20:30.1"_s << true << u"2021-11-28T10:20:30Z"_s << 100000000 << QString();
    QTest::newRow("Mon Jan 2 2006 <- Tue Feb 30 2021") << u"Mon Jan 2 2006"_s << u"Tue Feb 30 2021"_s << false << QString() << 0 << u"parsing time \"Tue Feb 30 2021\": day out of range"_s;
    QTest::newRow("2006 January <- 2021 Sept") << u"2006 January"_s << u"2021 Sept"_s << false << QString() << 0 << u"parsing time \"2021 Sept\" as \"2006 January\": cannot parse \"Sept\" as \"January\""_s;
    // clang-format on
}

void TestGoTimeLayout::parse()
{
    QFETCH(QString, layout);
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, utc);
    QFETCH(int, nanosecond);
    QFETCH(QString, error);

    QString message;
    const auto parsed = GoTimeLayout(layout).parse(value, &message);
    QCOMPARE(parsed.has_value(), ok);
    if (!ok) {
        QCOMPARE(message, error);
        return;
    }
    QVERIFY(parsed->utc.isValid());
    QCOMPARE(GoTimeLayout(u"2006-01-02T15:04:05Z07:00"_s).format(parsed->utc), utc);
    QCOMPARE(parsed->nanosecond, nanosecond);
    QCOMPARE(parsed->utc.time().msec(), nanosecond / 1000000);
}

void TestGoTimeLayout::roundTrip_data()
{
    QTest::addColumn<QString>("layout");
    QTest::newRow("default") << u"2006-01-02"_s;
    QTest::newRow("rfc3339") << u"2006-01-02T15:04:05Z07:00"_s;
    QTest::newRow("rfc3339 nano") << u"2006-01-02T15:04:05.999999999Z07:00"_s;
    QTest::newRow("rfc1123") << u"Mon, 02 Jan 2006 15:04:05 MST"_s;
    QTest::newRow("rfc1123z") << u"Mon, 02 Jan 2006 15:04:05 -0700"_s;
    QTest::newRow("ansic") << u"Mon Jan _2 15:04:05 2006"_s;
    QTest::newRow("long names") << u"Monday, January 2, 2006 3:04:05.000 PM"_s;
    QTest::newRow("year day") << u"2006-002 15:04"_s;
    QTest::newRow("compact") << u"20060102150405"_s;
}

void TestGoTimeLayout::roundTrip()
{
    // What we write as an expiry annotation must read back to the same instant.
    QFETCH(QString, layout);
    const GoTimeLayout l(layout);
    for (const QDateTime &t : {QDateTime(QDate(2021, 11, 28), QTime(0, 0), Qt::UTC),
                               QDateTime(QDate(2024, 2, 29), QTime(12, 0, 7, 250), Qt::UTC),
                               QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)}) {
        const QString text = l.format(t);
        QString error;
        const auto parsed = l.parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(l.format(parsed->utc), text);
    }
}

void TestGoTimeLayout::hasDateElements_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<bool>("expected");
    QTest::newRow("default") << u"2006-01-02"_s << true;
    QTest::newRow("names") << u"January 2, 2006"_s << true;
    QTest::newRow("year day") << u"2006-002"_s << true;
    QTest::newRow("short year") << u"02.01.06"_s << true;
    QTest::newRow("no year") << u"01-02"_s << false;
    QTest::newRow("no day") << u"2006-01"_s << false;
    QTest::newRow("time only") << u"15:04:05"_s << false;
    QTest::newRow("text") << u"expires"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestGoTimeLayout::hasDateElements()
{
    QFETCH(QString, layout);
    QFETCH(bool, expected);
    QCOMPARE(GoTimeLayout(layout).hasDateElements(), expected);
}

QTEST_GUILESS_MAIN(TestGoTimeLayout)
#include "tst_gotimelayout.moc"
