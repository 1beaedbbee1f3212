// SPDX-License-Identifier: MIT
#include "gui/connect/profile.h"
#include "gui/session/dashboardsession.h"
#include "gui/views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Amo;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"azure-msi-operator"_s);
    QApplication::setApplicationName(u"azure-msi-dashboard"_s);
    QApplication::setApplicationVersion(QStringLiteral(AMO_VERSION));
    QGuiApplication::setDesktopFileName(u"io.github.azure_msi_operator.Dashboard"_s);

    // Before the first tr(): the catalogue embedded by amo_translations, then Qt's own strings.
    QTranslator translator;
    if (translator.load(QLocale(), u"azure-msi-dashboard"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Azure MSI Dashboard"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Shows Azure managed identities and their AzureIdentity objects."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s,
                                        QApplication::translate("main", "Open the Demo profile (embedded simulator)."));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, QApplication::translate("main", "Render the window to FILE once loaded, then quit."),
        u"FILE"_s);
    const QCommandLineOption readOnlyOption(
        u"read-only"_s, QApplication::translate("main", "Hide every write action, whatever the profile says."));
    const QCommandLineOption workloadOption(
        u"workload-identity"_s,
        QApplication::translate("main", "Turn on workload identity mode (ServiceAccounts, federated credentials)."));
    const QCommandLineOption viewOption(
        u"screenshot-view"_s,
        QApplication::translate("main", "The view the screenshot shows: msis, workload or migration."), u"VIEW"_s);
    parser.addOptions({demoOption, screenshotOption, readOnlyOption, workloadOption, viewOption});
    parser.process(app);

    Gui::MainWindow window;
    window.setForcedReadOnly(parser.isSet(readOnlyOption));
    window.setWorkloadIdentity(parser.isSet(workloadOption));
    if (parser.isSet(screenshotOption)) {
        window.setScreenshotPath(parser.value(screenshotOption));
        window.resize(1400, 850);
        const QString view = parser.value(viewOption);
        if (view == u"workload")
            window.setScreenshotView(Gui::MainWindow::Workload);
        else if (view == u"migration")
            window.setScreenshotView(Gui::MainWindow::Migration);
        if (!view.isEmpty())
            window.resize(1800, 600); // wide rows, no details pane
    }
    window.show();
    // --demo is a one-off: it does not replace the profile the user last worked with.
    if (parser.isSet(demoOption))
        window.openProfile(Gui::Profile::demoProfile().name, false);
    else
        window.openProfile(window.initialProfile());
    return app.exec();
}
