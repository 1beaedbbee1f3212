// SPDX-License-Identifier: MIT
// Not a test: lists 10,000 MSIs over 5 subscriptions from the sandbox and prints requests and wall time.
#include "azuretestsupport.h"

#include "shared/azure/armclient.h"
#include "shared/azure/clientsecretcredential.h"
#include "shared/azure/msiinventoryjob.h"
#include "shared/azure/tokencache.h"
#include "shared/sandbox/requestlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int pageSize = argc > 1 ? QByteArray(argv[1]).toInt() : 100;
    const int parallel = argc > 2 ? QByteArray(argv[2]).toInt() : 4;
    const auto cert = Amo::Sandbox::CertificateAuthority::selfSigned(u"bench-app"_s);
    QString error;
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(cert, cert, 5, 2000, pageSize), &error);
    if (!scenario) {
        std::fprintf(stderr, "scenario: %s\n", qPrintable(error));
        return 1;
    }
    Amo::Sandbox::Sandbox sandbox;
    if (!sandbox.start(*scenario)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(sandbox.errorString()));
        return 1;
    }
    Amo::Logger logger(Amo::Logger::Format::Text, Amo::Logger::Level::Warning, stderr, Amo::Clock::system());
    QNetworkAccessManager nam;
    const CloudEnvironment cloud = sandboxCloud(sandbox);
    ClientSecretCredential credential({&nam, &Amo::Clock::system(), cloud.authorityHost, kTenant, 10000, {}},
                                      kSecretApp, kSecret);
    TokenCache tokens(&credential, Amo::Clock::system(), logger);
    ArmClientOptions options;
    options.parallelSubscriptions = parallel;
    ArmClient arm(&nam, cloud, &tokens, Amo::Clock::system(), logger, options);

    for (int run = 1; run <= 3; ++run) {
        sandbox.requestLog().clear();
        const int sentBefore = arm.requestsSent();
        QElapsedTimer timer;
        timer.start();
        const MsiInventory inv
            = AzureTest::run<MsiInventory>(arm.listMsis({}, nullptr), &MsiInventoryJob::finished, 600000);
        const qint64 ms = timer.elapsed();
        std::printf("run %d: %d MSIs in %lld subscriptions (%d failed), page size %d, parallel %d: "
                    "%d ARM requests (sandbox served %d incl. token), %lld ms wall\n",
                    run, inv.identityCount(), qlonglong(inv.subscriptions.size()), inv.failedSubscriptions(), pageSize,
                    parallel, arm.requestsSent() - sentBefore, sandbox.requestLog().total(), ms);
    }
    return 0;
}
