// SPDX-License-Identifier: MIT
// Runs against the real Secret Service (scripts/with-keyring.sh starts one). Without a
// reachable keychain every step fails: a skipped test would hide a broken setup.
#include "gui/connect/secretstore.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Gui::SecretStore;

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writeReadRemove();
    void missingEntryIsEmpty();

private:
    QString m_profile;
};

namespace {

constexpr int timeoutMs = 20000;

QString errorOf(const QList<QVariant> &arguments)
{
    return arguments.last().toString();
}

} // namespace

void TestSecretStore::initTestCase()
{
    // Unique per run, so parallel or aborted runs never see each other's entries.
    m_profile = u"tst_secretstore-%1"_s.arg(QCoreApplication::applicationPid());
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "no D-Bus session: run the test through scripts/with-keyring.sh");
}

void TestSecretStore::writeReadRemove()
{
    SecretStore store;
    QSignalSpy written(&store, &SecretStore::secretWritten);
    QSignalSpy read(&store, &SecretStore::secretRead);
    QSignalSpy removed(&store, &SecretStore::secretRemoved);
    const QString secret = u"pä$$wörd with spaces"_s;

    store.write(m_profile, secret);
    QVERIFY(written.wait(timeoutMs));
    QCOMPARE(written.first().first().toString(), m_profile);
    QVERIFY2(errorOf(written.first()).isEmpty(), qPrintable(errorOf(written.first())));

    store.read(m_profile);
    QVERIFY(read.wait(timeoutMs));
    QVERIFY2(errorOf(read.first()).isEmpty(), qPrintable(errorOf(read.first())));
    QCOMPARE(read.first().at(1).toString(), secret);

    store.remove(m_profile);
    QVERIFY(removed.wait(timeoutMs));
    QVERIFY2(errorOf(removed.first()).isEmpty(), qPrintable(errorOf(removed.first())));

    store.read(m_profile);
    QVERIFY(read.wait(timeoutMs));
    QVERIFY2(errorOf(read.last()).isEmpty(), qPrintable(errorOf(read.last())));
    QVERIFY(read.last().at(1).toString().isEmpty());
}

void TestSecretStore::missingEntryIsEmpty()
{
    SecretStore store;
    QSignalSpy removed(&store, &SecretStore::secretRemoved);
    store.remove(m_profile + u"-never-written"_s);
    QVERIFY(removed.wait(timeoutMs));
    QVERIFY2(errorOf(removed.first()).isEmpty(), qPrintable(errorOf(removed.first())));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
