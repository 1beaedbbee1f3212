// SPDX-License-Identifier: MIT
#include "shared/sandbox/app/sandboxapp.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenariogenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;

namespace {
volatile std::sig_atomic_t s_stop = 0;
void onSignal(int)
{
    s_stop = 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"azure-msi-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AMO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulates Azure AD, ARM and the Kubernetes API on 127.0.0.1 for demos and tests."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption scenarioOption(u"scenario"_s, u"Scenario JSON to serve."_s, u"FILE"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (default: a free one)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption tlsOption(u"tls"_s,
                                       u"Serve HTTPS with a generated CA; kubeconfig uses client certificates."_s);
    const QCommandLineOption caOption(u"tls-ca"_s, u"With --tls: sign the server certificate with this PEM CA."_s,
                                      u"FILE"_s);
    const QCommandLineOption caKeyOption(u"tls-ca-key"_s, u"The unencrypted PEM private key of --tls-ca."_s, u"FILE"_s);
    const QCommandLineOption outOption(u"out"_s, u"Where to write kubeconfig, sandbox.env and the environment file."_s,
                                       u"DIR"_s, u"sandbox-out"_s);
    const QCommandLineOption generateOption(
        u"generate"_s, u"Print a generated scenario: N MSIs, K namespaces, B bindings, fraction F drifted."_s,
        u"N:K:B:F"_s);
    parser.addOptions({scenarioOption, portOption, tlsOption, caOption, caKeyOption, outOption, generateOption});
    parser.process(app);

    if (parser.isSet(generateOption)) {
        ScenarioGenerator::Parameters parameters;
        if (!ScenarioGenerator::parse(parser.value(generateOption), &parameters)) {
            std::fprintf(stderr, "--generate wants N:K:B:F, e.g. 5000:200:1000:0.05\n");
            return 2;
        }
        const QByteArray json = QJsonDocument(ScenarioGenerator::generate(parameters)).toJson();
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return 0;
    }
    if (!parser.isSet(scenarioOption)) {
        std::fprintf(stderr, "--scenario FILE is required (or --generate N:K:B:F)\n");
        return 2;
    }
    QString error;
    const auto scenario = Scenario::load(parser.value(scenarioOption), &error);
    if (!scenario) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    SandboxOptions options;
    options.port = quint16(parser.value(portOption).toUInt());
    options.tls = parser.isSet(tlsOption);
    for (const auto &[option, target] :
         {std::pair {&caOption, &options.caCertificatePem}, std::pair {&caKeyOption, &options.caPrivateKeyPem}}) {
        if (!parser.isSet(*option))
            continue;
        QFile file(parser.value(*option));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "--%s %s: %s\n", qPrintable(option->names().first()), qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 2;
        }
        *target = file.readAll();
    }
    if (options.caCertificatePem.isEmpty() != options.caPrivateKeyPem.isEmpty()
        || (parser.isSet(caOption) && !options.tls)) {
        std::fprintf(stderr, "--tls-ca and --tls-ca-key go together, with --tls\n");
        return 2;
    }
    Sandbox sandbox;
    if (!sandbox.start(*scenario, options)) {
        std::fprintf(stderr, "%s\n", qPrintable(sandbox.errorString()));
        return 1;
    }
    SandboxApp files(sandbox);
    if (!files.writeClientFiles(parser.value(outOption), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("azure-msi-sandbox listening on %s\n", qPrintable(sandbox.baseUrl().toString()));
    for (const QString &f : files.writtenFiles())
        std::printf("wrote %s\n", qPrintable(f));
    std::printf("stop with Ctrl+C\n");
    std::fflush(stdout);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    // a flag polled from the event loop: nothing else is safe inside a signal handler
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [] {
        if (s_stop)
            QCoreApplication::quit();
    });
    poll.start(200);
    return app.exec();
}
