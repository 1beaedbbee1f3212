// SPDX-License-Identifier: MIT
// The window against the standalone simulator (the azure-msi-sandbox program), reached the way a
// user would: a profile imported from its sandbox.env, the secret in the keychain
// (scripts/with-keyring.sh).
#include "gui/connect/envimport.h"
#include "gui/connect/profilestore.h"
#include "gui/connect/secretstore.h"
#include "gui/models/dashboardtablemodel.h"
#include "gui/session/dashboardsession.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/userprompt.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;

class TestGuiProfiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void storedProfileLoadsStandaloneSimulator();
    void demoProfileIsFirstAndSwitchesBack();
    void deleteRemovesProfileAndSecret();

private:
    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QString m_sandboxUrl;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    QString m_name;
    QString m_secret;
};

namespace {

constexpr int timeoutMs = 60000;

} // namespace

void TestGuiProfiles::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "no D-Bus session: run the test through scripts/with-keyring.sh");
    QVERIFY(m_dir.isValid());
    QString error;
    const QString out = m_dir.filePath(u"sandbox-out"_s);
    m_sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sandbox.start(
        QStringLiteral(AMO_SANDBOX_EXE),
        {u"--scenario"_s, QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json"), u"--out"_s, out});
    QVERIFY2(m_sandbox.waitForStarted(timeoutMs), qPrintable(m_sandbox.errorString()));
    const QString envFile = QDir(out).filePath(u"sandbox.env"_s);
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray printed; // it names each client file once that file is complete
    while (!printed.contains("sandbox.env") && !deadline.hasExpired() && m_sandbox.state() == QProcess::Running) {
        m_sandbox.waitForReadyRead(100);
        printed += m_sandbox.readAllStandardOutput();
    }
    QVERIFY2(printed.contains("sandbox.env"), printed.constData());
    QFile env(envFile);
    QVERIFY(env.open(QIODevice::ReadOnly));
    for (const QByteArray &line : env.readAll().split('\n')) {
        if (line.startsWith("SANDBOX_URL="))
            m_sandboxUrl = QString::fromUtf8(line.mid(12)).remove(u'"');
    }
    QVERIFY(!m_sandboxUrl.isEmpty());

    // the profile a user makes with "Import from Env…" from the simulator's sandbox.env
    std::optional<Profile> profile = EnvImport::fromEnvFile(envFile, &m_secret, &error);
    QVERIFY2(profile, qPrintable(error));
    QVERIFY(!m_secret.isEmpty());
    m_name = u"Standalone %1"_s.arg(QCoreApplication::applicationPid()); // unique in the shared keychain
    profile->name = m_name;
    QVERIFY2(profile->validate().isEmpty(), qPrintable(profile->validate()));

    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"profiles.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(m_settings.get());
    m_store->save(*profile);
    SecretStore secrets;
    QSignalSpy written(&secrets, &SecretStore::secretWritten);
    secrets.write(m_name, m_secret);
    QVERIFY(written.wait(timeoutMs));
    QVERIFY2(written.first().last().toString().isEmpty(), qPrintable(written.first().last().toString()));

    m_window = std::make_unique<MainWindow>();
    m_window->setProfileStore(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiProfiles::cleanupTestCase()
{
    m_window.reset();
    SecretStore secrets;
    QSignalSpy removed(&secrets, &SecretStore::secretRemoved);
    secrets.remove(m_name);
    removed.wait(timeoutMs);
    m_sandbox.terminate();
    m_sandbox.waitForFinished(timeoutMs);
}

void TestGuiProfiles::storedProfileLoadsStandaloneSimulator()
{
    QComboBox *picker = m_window->profilePicker();
    QCOMPARE(picker->itemText(0), u"Demo"_s);
    const int index = picker->findData(m_name);
    QVERIFY(index > 0);

    QSignalSpy opened(m_window.get(), &MainWindow::profileOpened);
    QSignalSpy failed(m_window.get(), &MainWindow::profileFailed);
    m_window->openProfile(m_name); // reads the secret from the keychain first
    QVERIFY(opened.wait(timeoutMs));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_window->currentProfile(), m_name);
    QCOMPARE(picker->currentText(), m_name);
    QCOMPARE(m_store->lastUsed(), m_name);
    QVERIFY(!m_window->session()->demoHost());
    QVERIFY2(m_window->session()->clusterDescription().contains(m_sandboxUrl),
             qPrintable(m_window->session()->clusterDescription()));

    QSignalSpy loaded(m_window->session(), &DashboardSession::loaded);
    QVERIFY(loaded.wait(timeoutMs));
    const int msis = m_window->model(MainWindow::Msis)->rowCount();
    QVERIFY(msis > 0);
    QCOMPARE(msis, int(m_window->session()->data()->msis.size()));

    QSignalSpy ready(m_window->session(), &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(timeoutMs));
    QVERIFY(m_window->planDialog());
    QCOMPARE(m_window->planDialog()->tickedActions().size(), m_window->session()->data()->plan.writeCount());

    // the secret went to the keychain only
    m_settings->sync();
    QFile ini(m_settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(m_secret.toUtf8()));
}

void TestGuiProfiles::demoProfileIsFirstAndSwitchesBack()
{
    QSignalSpy opened(m_window.get(), &MainWindow::profileOpened);
    m_window->openProfile(u"Demo"_s);
    QVERIFY(opened.wait(timeoutMs));
    QVERIFY(m_window->session()->demoHost());
    QCOMPARE(m_window->profilePicker()->currentText(), u"Demo"_s);
    QSignalSpy loaded(m_window->session(), &DashboardSession::loaded);
    QVERIFY(loaded.wait(timeoutMs));
    QVERIFY(m_window->model(MainWindow::Msis)->rowCount() > 0);
    QVERIFY(m_window->model(MainWindow::Drift)->rowCount() > 0); // the demo's binding sync is on
}

void TestGuiProfiles::deleteRemovesProfileAndSecret()
{
    QSignalSpy opened(m_window.get(), &MainWindow::profileOpened);
    m_window->openProfile(m_name);
    QVERIFY(opened.wait(timeoutMs));
    UserPrompt::setNextAnswers({true});
    m_window->deleteProfile();
    UserPrompt::clearAsked();
    QVERIFY(!m_store->profileNames().contains(m_name));
    QCOMPARE(m_window->profilePicker()->findData(m_name), -1);
    QCOMPARE(m_window->currentProfile(), u"Demo"_s);

    SecretStore secrets;
    QSignalSpy read(&secrets, &SecretStore::secretRead);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            read.clear();
            secrets.read(m_name);
            return read.wait(timeoutMs) && read.first().at(1).toString().isEmpty();
        }(),
        timeoutMs);
}

QTEST_MAIN(TestGuiProfiles)
#include "tst_guiprofiles.moc"
