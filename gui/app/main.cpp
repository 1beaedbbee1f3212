// SPDX-License-Identifier: MIT
#include "gui/session/dashboardsession.h"
#include "gui/views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Amo;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"azure-msi-dashboard"_s);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Azure MSI Dashboard"));
    QApplication::setApplicationVersion(QStringLiteral(AMO_VERSION));

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
    parser.addOptions({demoOption, screenshotOption});
    parser.process(app);

    Config::OperatorConfig config;
    const bool demo = parser.isSet(demoOption);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (demo) {
        config.azureIdentityBindingSync = true;
        config.azureIdentityExpiry = true;
    } else if (env.contains(u"AZURE_ENVIRONMENT"_s)) {
        config.azureEnvironment = env.value(u"AZURE_ENVIRONMENT"_s);
    }

    Gui::MainWindow window;
    if (parser.isSet(screenshotOption)) {
        window.setScreenshotPath(parser.value(screenshotOption));
        window.resize(1400, 850);
    }
    auto *session = new Gui::DashboardSession(config, Sync::ClientEnvironment {}, demo);
    QString error;
    if (!session->open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        delete session;
        return 1;
    }
    window.setSession(session);
    window.show();
    session->refresh();
    return app.exec();
}
