// SPDX-License-Identifier: MIT
#include "shared/config/configdump.h"
#include "shared/config/optionparser.h"

#include <QSet>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Config;

using Env = QHash<QString, QString>;
Q_DECLARE_METATYPE(Env)

namespace {

// Parses and returns the dump line of one option ("sync.interval=1h0m0s" -> "1h0m0s").
QString effective(const ParseResult &result, const QString &option)
{
    for (const QString &line : ConfigDump::lines(result.config)) {
        if (line.startsWith(option + u'='))
            return line.mid(option.size() + 1);
    }
    return u"<missing>"_s;
}

struct BadValue
{
    const char *tag;
    QString option;
    QStringList args;
    Env env;
    QString error;
};

// At least one bad value for every option of the table; coverage is checked by badValuesCoverEveryOption.
QList<BadValue> badValueRows()
{
    const QString guid = u"00000000-0000-0000-0000-000000000001"_s;
    // clang-format off
    return {
        {"debug env", u"debug"_s, {}, {{u"DEBUG"_s, u"yes"_s}},
         u"invalid value \"yes\" for --debug / DEBUG: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"yes\": invalid syntax)"_s},
        {"debug flag value", u"debug"_s, {u"--debug=true"_s}, {},
         u"invalid value \"true\" for --debug / DEBUG: expected no value: --debug is a switch; set DEBUG=true or DEBUG=false instead"_s},
        {"verbose env", u"verbose"_s, {}, {{u"VERBOSE"_s, u"on"_s}},
         u"invalid value \"on\" for --verbose / VERBOSE: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"on\": invalid syntax)"_s},
        {"verbose short value", u"verbose"_s, {u"-v=1"_s}, {},
         u"invalid value \"1\" for --verbose / VERBOSE: expected no value: --verbose is a switch; set VERBOSE=true or VERBOSE=false instead"_s},
        {"log.debug env", u"log.debug"_s, {}, {{u"LOG_DEBUG"_s, u"tRUE"_s}},
         u"invalid value \"tRUE\" for --log.debug / LOG_DEBUG: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"tRUE\": invalid syntax)"_s},
        {"log.devel env", u"log.devel"_s, {}, {{u"LOG_DEVEL"_s, u"2"_s}},
         u"invalid value \"2\" for --log.devel / LOG_DEVEL: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"2\": invalid syntax)"_s},
        {"log.json env", u"log.json"_s, {}, {{u"LOG_JSON"_s, u" true"_s}},
         u"invalid value \" true\" for --log.json / LOG_JSON: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \" true\": invalid syntax)"_s},
        {"instance.nodename", u"instance.nodename"_s, {u"--instance.nodename=Node_1"_s}, {},
         u"invalid value \"Node_1\" for --instance.nodename / INSTANCE_NODENAME: expected empty or a DNS-1123 subdomain (lower-case a-z, 0-9, '-', '.')"_s},
        {"instance.namespace", u"instance.namespace"_s, {}, {{u"INSTANCE_NAMESPACE"_s, u"my.namespace"_s}},
         u"invalid value \"my.namespace\" for --instance.namespace / INSTANCE_NAMESPACE: expected empty or a DNS-1123 label (lower-case a-z, 0-9, '-')"_s},
        {"instance.pod", u"instance.pod"_s, {u"--instance.pod"_s, u"-pod"_s}, {},
         u"invalid value \"-pod\" for --instance.pod / INSTANCE_POD: expected empty or a DNS-1123 subdomain (lower-case a-z, 0-9, '-', '.')"_s},
        {"lease.enable env", u"lease.enable"_s, {}, {{u"LEASE_ENABLE"_s, u"enabled"_s}},
         u"invalid value \"enabled\" for --lease.enable / LEASE_ENABLE: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"enabled\": invalid syntax)"_s},
        {"lease.name empty", u"lease.name"_s, {u"--lease.name="_s}, {},
         u"invalid value \"\" for --lease.name / LEASE_NAME: expected a DNS-1123 subdomain (lower-case a-z, 0-9, '-', '.')"_s},
        {"lease.name missing", u"lease.name"_s, {u"--lease.name"_s}, {}, u"missing value for --lease.name / LEASE_NAME"_s},
        {"lease.duration", u"lease.duration"_s, {u"--lease.duration=0s"_s}, {},
         u"invalid value \"0s\" for --lease.duration / LEASE_DURATION: expected a Go duration greater than zero, such as 1h or 30m"_s},
        {"lease.renewdeadline", u"lease.renewdeadline"_s, {}, {{u"LEASE_RENEWDEADLINE"_s, u"10"_s}},
         u"invalid value \"10\" for --lease.renewdeadline / LEASE_RENEWDEADLINE: expected a Go duration such as 1h or 30m (time: missing unit in duration \"10\")"_s},
        {"lease.retryperiod", u"lease.retryperiod"_s, {u"--lease.retryperiod=-2s"_s}, {},
         u"invalid value \"-2s\" for --lease.retryperiod / LEASE_RETRYPERIOD: expected a Go duration greater than zero, such as 1h or 30m"_s},
        {"sync.once env", u"sync.once"_s, {}, {{u"SYNC_ONCE"_s, u"once"_s}},
         u"invalid value \"once\" for --sync.once / SYNC_ONCE: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"once\": invalid syntax)"_s},
        {"azureidentity.expiry.renew zero", u"azureidentity.expiry.renew"_s, {u"--azureidentity.expiry.renew=0"_s}, {},
         u"invalid value \"0\" for --azureidentity.expiry.renew / AZUREIDENTITY_EXPIRY_RENEW: expected a fraction greater than 0 and at most 1, such as 0.5"_s},
        {"azureidentity.expiry.renew above one", u"azureidentity.expiry.renew"_s, {}, {{u"AZUREIDENTITY_EXPIRY_RENEW"_s, u"1.5"_s}},
         u"invalid value \"1.5\" for --azureidentity.expiry.renew / AZUREIDENTITY_EXPIRY_RENEW: expected a fraction greater than 0 and at most 1, such as 0.5"_s},
        {"dry-run value", u"dry-run"_s, {u"--dry-run=yes"_s}, {},
         u"invalid value \"yes\" for --dry-run: expected no value: --dry-run is a switch"_s},
        {"demo value", u"demo"_s, {u"--demo=1"_s}, {}, u"invalid value \"1\" for --demo: expected no value: --demo is a switch"_s},
        {"plan.output", u"plan.output"_s, {u"--plan.output=html"_s}, {},
         u"invalid value \"html\" for --plan.output: expected text, json or yaml"_s},
        {"sync.interval unit", u"sync.interval"_s, {u"--sync.interval=5x"_s}, {},
         u"invalid value \"5x\" for --sync.interval / SYNC_INTERVAL: expected a Go duration such as 1h or 30m (time: unknown unit \"x\" in duration \"5x\")"_s},
        {"sync.interval no unit", u"sync.interval"_s, {}, {{u"SYNC_INTERVAL"_s, u"5"_s}},
         u"invalid value \"5\" for --sync.interval / SYNC_INTERVAL: expected a Go duration such as 1h or 30m (time: missing unit in duration \"5\")"_s},
        {"sync.interval zero", u"sync.interval"_s, {u"--sync.interval"_s, u"0"_s}, {},
         u"invalid value \"0\" for --sync.interval / SYNC_INTERVAL: expected a Go duration greater than zero, such as 1h or 30m"_s},
        {"sync.interval negative", u"sync.interval"_s, {u"--sync.interval"_s, u"-1h"_s}, {},
         u"invalid value \"-1h\" for --sync.interval / SYNC_INTERVAL: expected a Go duration greater than zero, such as 1h or 30m"_s},
        {"sync.watch env", u"sync.watch"_s, {}, {{u"SYNC_WATCH"_s, u"no"_s}},
         u"invalid value \"no\" for --sync.watch / SYNC_WATCH: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"no\": invalid syntax)"_s},
        {"sync.locktime negative", u"sync.locktime"_s, {}, {{u"SYNC_LOCKTIME"_s, u"-5m"_s}},
         u"invalid value \"-5m\" for --sync.locktime / SYNC_LOCKTIME: expected a Go duration of zero or more, such as 5m or 0"_s},
        {"sync.locktime overflow", u"sync.locktime"_s, {u"--sync.locktime=2562048h"_s}, {},
         u"invalid value \"2562048h\" for --sync.locktime / SYNC_LOCKTIME: expected a Go duration such as 1h or 30m (time: invalid duration \"2562048h\")"_s},
        {"azure.environment", u"azure.environment"_s, {u"--azure.environment=MARSCLOUD"_s}, {},
         u"invalid value \"MARSCLOUD\" for --azure.environment / AZURE_ENVIRONMENT: expected an Azure environment: AZUREPUBLICCLOUD, AZURECHINACLOUD, AZUREUSGOVERNMENTCLOUD, AZUREGERMANCLOUD or AZURESTACKCLOUD"_s},
        {"azure.subscription flag", u"azure.subscription"_s, {u"--azure.subscription"_s, guid, u"--azure.subscription"_s, u"abc"_s}, {},
         u"invalid value \"abc\" for --azure.subscription / AZURE_SUBSCRIPTION_ID: expected subscription IDs (GUIDs such as 00000000-0000-0000-0000-000000000000)"_s},
        {"azure.subscription env", u"azure.subscription"_s, {}, {{u"AZURE_SUBSCRIPTION_ID"_s, guid + u",x"_s}},
         u"invalid value \"00000000-0000-0000-0000-000000000001,x\" for --azure.subscription / AZURE_SUBSCRIPTION_ID: expected subscription IDs (GUIDs such as 00000000-0000-0000-0000-000000000000)"_s},
        {"kubeconfig", u"kubeconfig"_s, {}, {{u"KUBECONFIG"_s, u"no-such-dir/kubeconfig"_s}},
         u"invalid value \"no-such-dir/kubeconfig\" for --kubeconfig / KUBECONFIG: expected empty or the path of a readable file"_s},
        {"kubernetes.context blank", u"kubernetes.context"_s, {u"--kubernetes.context=  "_s}, {},
         u"invalid value \"  \" for --kubernetes.context / KUBERNETES_CONTEXT: expected the name of a context in the kubeconfig"_s},
        {"kubernetes.qps zero", u"kubernetes.qps"_s, {u"--kubernetes.qps=0"_s}, {},
         u"invalid value \"0\" for --kubernetes.qps / KUBERNETES_QPS: expected a number greater than zero, such as 10 or 2.5"_s},
        {"kubernetes.qps text", u"kubernetes.qps"_s, {}, {{u"KUBERNETES_QPS"_s, u"fast"_s}},
         u"invalid value \"fast\" for --kubernetes.qps / KUBERNETES_QPS: expected a number"_s},
        {"kubernetes.burst fraction", u"kubernetes.burst"_s, {u"--kubernetes.burst"_s, u"2.5"_s}, {},
         u"invalid value \"2.5\" for --kubernetes.burst / KUBERNETES_BURST: expected a whole number from 1 to 1000000"_s},
        {"kubernetes.namespace.selector", u"kubernetes.namespace.selector"_s, {}, {{u"KUBERNETES_NAMESPACE_SELECTOR"_s, u"team in (a"_s}},
         u"invalid value \"team in (a\" for --kubernetes.namespace.selector / KUBERNETES_NAMESPACE_SELECTOR: expected a Kubernetes label selector such as msi.azure.k8s.io/allow=true (unable to parse requirement: found 'EOS', expected: ',', or ')')"_s},
        {"kubernetes.label.format verb", u"kubernetes.label.format"_s, {u"--kubernetes.label.format=msi/%d"_s}, {},
         u"invalid value \"msi/%d\" for --kubernetes.label.format / KUBERNETES_LABEL_FORMAT: expected a sprintf format with one %s whose result is a valid Kubernetes label key, e.g. msi.azure.k8s.io/%s (it yields \"msi/%!d(string=name)\")"_s},
        {"kubernetes.label.format key", u"kubernetes.label.format"_s, {u"--kubernetes.label.format=a/b/%s"_s}, {},
         u"invalid value \"a/b/%s\" for --kubernetes.label.format / KUBERNETES_LABEL_FORMAT: expected a sprintf format with one %s whose result is a valid Kubernetes label key, e.g. msi.azure.k8s.io/%s (it yields \"a/b/name\")"_s},
        {"kubernetes.namespace.ignore", u"kubernetes.namespace.ignore"_s, {}, {{u"KUBERNETES_NAMESPACE_IGNORE"_s, u"kube-system kube_public"_s}},
         u"invalid value \"kube_public\" for --kubernetes.namespace.ignore / KUBERNETES_NAMESPACE_IGNORE: expected namespace names (DNS-1123 labels such as kube-system)"_s},
        {"azureidentity.namespaced env", u"azureidentity.namespaced"_s, {}, {{u"AZUREIDENTITY_NAMESPACED"_s, u"y"_s}},
         u"invalid value \"y\" for --azureidentity.namespaced / AZUREIDENTITY_NAMESPACED: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"y\": invalid syntax)"_s},
        {"azureidentity.enable flag value", u"azureidentity.enable"_s, {u"--azureidentity.enable=maybe"_s}, {},
         u"invalid value \"maybe\" for --azureidentity.enable / AZUREIDENTITY_ENABLE: expected a boolean: true or false (also 1, t, 0, f, …) (strconv.ParseBool: parsing \"maybe\": invalid syntax)"_s},
        {"workloadidentity.enable env", u"workloadidentity.enable"_s, {}, {{u"WORKLOADIDENTITY_ENABLE"_s, u"on"_s}},
         u"invalid value \"on\" for --workloadidentity.enable / WORKLOADIDENTITY_ENABLE: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"on\": invalid syntax)"_s},
        {"workloadidentity.template.serviceaccount", u"workloadidentity.template.serviceaccount"_s, {u"--workloadidentity.template.serviceaccount={{ .Name"_s}, {},
         u"invalid value \"{{ .Name\" for --workloadidentity.template.serviceaccount / WORKLOADIDENTITY_TEMPLATE_SERVICEACCOUNT: expected a Go template such as {{ .Name }} (template: template:1: unclosed action)"_s},
        {"workloadidentity.template.credentialname", u"workloadidentity.template.credentialname"_s, {}, {{u"WORKLOADIDENTITY_TEMPLATE_CREDENTIALNAME"_s, u"{{}}"_s}},
         u"invalid value \"{{}}\" for --workloadidentity.template.credentialname / WORKLOADIDENTITY_TEMPLATE_CREDENTIALNAME: expected a Go template such as {{ .Name }} (template: template:1: missing value for command)"_s},
        {"workloadidentity.clustername", u"workloadidentity.clustername"_s, {u"--workloadidentity.clustername=Prod_1"_s}, {},
         u"invalid value \"Prod_1\" for --workloadidentity.clustername / WORKLOADIDENTITY_CLUSTERNAME: expected a DNS-1123 subdomain (lower-case a-z, 0-9, '-', '.')"_s},
        {"workloadidentity.issuer http", u"workloadidentity.issuer"_s, {u"--workloadidentity.issuer=http://oidc.example.com/"_s}, {},
         u"invalid value \"http://oidc.example.com/\" for --workloadidentity.issuer / WORKLOADIDENTITY_ISSUER: expected empty or an https URL such as https://oidc.example.com/"_s},
        {"workloadidentity.tenantannotation env", u"workloadidentity.tenantannotation"_s, {}, {{u"WORKLOADIDENTITY_TENANTANNOTATION"_s, u"yes"_s}},
         u"invalid value \"yes\" for --workloadidentity.tenantannotation / WORKLOADIDENTITY_TENANTANNOTATION: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"yes\": invalid syntax)"_s},
        {"azureidentity.template.namespace", u"azureidentity.template.namespace"_s, {u"--azureidentity.template.namespace={{ .Name"_s}, {},
         u"invalid value \"{{ .Name\" for --azureidentity.template.namespace / AZUREIDENTITY_TEMPLATE_NAMESPACE: expected a Go template such as {{ .Name }} (template: template:1: unclosed action)"_s},
        {"azureidentity.template.resourcename", u"azureidentity.template.resourcename"_s, {}, {{u"AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s, u"{{}}"_s}},
         u"invalid value \"{{}}\" for --azureidentity.template.resourcename / AZUREIDENTITY_TEMPLATE_RESOURCENAME: expected a Go template such as {{ .Name }} (template: template:1: missing value for command)"_s},
        {"azureidentity.binding.sync env", u"azureidentity.binding.sync"_s, {}, {{u"AZUREIDENTITY_BINDING_SYNC"_s, u"FaLsE"_s}},
         u"invalid value \"FaLsE\" for --azureidentity.binding.sync / AZUREIDENTITY_BINDING_SYNC: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"FaLsE\": invalid syntax)"_s},
        {"azureidentity.expiry env", u"azureidentity.expiry"_s, {}, {{u"AZUREIDENTITY_EXPIRY"_s, u"off"_s}},
         u"invalid value \"off\" for --azureidentity.expiry / AZUREIDENTITY_EXPIRY: expected a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False, or empty for true (strconv.ParseBool: parsing \"off\": invalid syntax)"_s},
        {"azureidentity.expiry.annotation", u"azureidentity.expiry.annotation"_s, {u"--azureidentity.expiry.annotation=janitor/-expires"_s}, {},
         u"invalid value \"janitor/-expires\" for --azureidentity.expiry.annotation / AZUREIDENTITY_EXPIRY_ANNOTATION: expected a Kubernetes annotation key: [DNS-1123 subdomain/]name, name of at most 63 characters [A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]"_s},
        {"azureidentity.expiry.duration", u"azureidentity.expiry.duration"_s, {}, {{u"AZUREIDENTITY_EXPIRY_DURATION"_s, u"90d"_s}},
         u"invalid value \"90d\" for --azureidentity.expiry.duration / AZUREIDENTITY_EXPIRY_DURATION: expected a Go duration such as 1h or 30m (time: unknown unit \"d\" in duration \"90d\")"_s},
        {"azureidentity.expiry.duration zero", u"azureidentity.expiry.duration"_s, {u"--azureidentity.expiry.duration=0s"_s}, {},
         u"invalid value \"0s\" for --azureidentity.expiry.duration / AZUREIDENTITY_EXPIRY_DURATION: expected a Go duration greater than zero, such as 1h or 30m"_s},
        {"azureidentity.expiry.timeformat", u"azureidentity.expiry.timeformat"_s, {u"--azureidentity.expiry.timeformat=YYYY-MM-DD"_s}, {},
         u"invalid value \"YYYY-MM-DD\" for --azureidentity.expiry.timeformat / AZUREIDENTITY_EXPIRY_TIMEFORMAT: expected a Go time layout with year, month and day, such as 2006-01-02"_s},
        {"server.bind no port", u"server.bind"_s, {u"--server.bind=8080"_s}, {},
         u"invalid value \"8080\" for --server.bind / SERVER_BIND: expected [host]:port with a port of 0-65535, e.g. :8080, 127.0.0.1:9000 or [::1]:8080"_s},
        {"server.bind port range", u"server.bind"_s, {}, {{u"SERVER_BIND"_s, u":65536"_s}},
         u"invalid value \":65536\" for --server.bind / SERVER_BIND: expected [host]:port with a port of 0-65535, e.g. :8080, 127.0.0.1:9000 or [::1]:8080"_s},
        {"server.bind bare ipv6", u"server.bind"_s, {u"--server.bind=::1:8080"_s}, {},
         u"invalid value \"::1:8080\" for --server.bind / SERVER_BIND: expected [host]:port with a port of 0-65535, e.g. :8080, 127.0.0.1:9000 or [::1]:8080"_s},
        {"server.timeout.read", u"server.timeout.read"_s, {u"--server.timeout.read=0"_s}, {},
         u"invalid value \"0\" for --server.timeout.read / SERVER_TIMEOUT_READ: expected a Go duration greater than zero, such as 1h or 30m"_s},
        {"server.timeout.write", u"server.timeout.write"_s, {}, {{u"SERVER_TIMEOUT_WRITE"_s, u"10"_s}},
         u"invalid value \"10\" for --server.timeout.write / SERVER_TIMEOUT_WRITE: expected a Go duration such as 1h or 30m (time: missing unit in duration \"10\")"_s},
        {"render empty", u"render"_s, {u"--render="_s}, {},
         u"invalid value \"\" for --render: expected - (stdin) or the path of a readable file"_s},
        {"render.output", u"render.output"_s, {u"--render.output"_s, u"xml"_s}, {},
         u"invalid value \"xml\" for --render.output: expected yaml or json"_s},
        {"help value", u"help"_s, {u"--help=yes"_s}, {}, u"invalid value \"yes\" for --help: expected no value: --help is a switch"_s},
        {"version value", u"version"_s, {u"--version=1"_s}, {}, u"invalid value \"1\" for --version: expected no value: --version is a switch"_s},
    };
    // clang-format on
}

} // namespace

class TestOptionParser : public QObject
{
    Q_OBJECT

private slots:
    void defaultsMatchStruct();
    void defaults_data();
    void defaults();
    void defaultsPassTheirChecks();
    void precedence_data();
    void precedence();
    void envBooleans_data();
    void envBooleans();
    void toggles();
    void arguments_data();
    void arguments();
    void badValues_data();
    void badValues();
    void badValuesCoverEveryOption();
    void requests();
    void helpListsEveryOption_data();
    void helpListsEveryOption();
    void helpGroupsAndAuthentication();
    void dumpMasksSecrets();
    void tableIsConsistent();
};

void TestOptionParser::defaultsMatchStruct()
{
    const ParseResult result = OptionParser().parse({}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.config == OperatorConfig {});
    QVERIFY(!result.helpRequested);
    QVERIFY(!result.versionRequested);
}

void TestOptionParser::defaults_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    // The seed's usage list; durations print as Go's Duration.String() does.
    QTest::newRow("debug") << u"debug"_s << u"false"_s;
    QTest::newRow("verbose") << u"verbose"_s << u"false"_s;
    QTest::newRow("log.devel") << u"log.devel"_s << u"false"_s;
    QTest::newRow("log.json") << u"log.json"_s << u"false"_s;
    QTest::newRow("instance.nodename") << u"instance.nodename"_s << QString();
    QTest::newRow("instance.namespace") << u"instance.namespace"_s << QString();
    QTest::newRow("instance.pod") << u"instance.pod"_s << QString();
    QTest::newRow("lease.enable") << u"lease.enable"_s << u"false"_s;
    QTest::newRow("lease.name") << u"lease.name"_s << u"azure-msi-operator-leader"_s;
    QTest::newRow("sync.interval") << u"sync.interval"_s << u"1h0m0s"_s;
    QTest::newRow("sync.watch") << u"sync.watch"_s << u"false"_s;
    QTest::newRow("sync.locktime") << u"sync.locktime"_s << u"5m0s"_s;
    QTest::newRow("azure.environment") << u"azure.environment"_s << u"AZUREPUBLICCLOUD"_s;
    QTest::newRow("azure.subscription") << u"azure.subscription"_s << u"[]"_s;
    QTest::newRow("kubeconfig") << u"kubeconfig"_s << QString();
    // Ours, for the Kubernetes client.
    QTest::newRow("kubernetes.context") << u"kubernetes.context"_s << QString();
    QTest::newRow("kubernetes.qps") << u"kubernetes.qps"_s << u"10"_s;
    QTest::newRow("kubernetes.burst") << u"kubernetes.burst"_s << u"50"_s;
    QTest::newRow("kubernetes.label.format") << u"kubernetes.label.format"_s << u"msi.azure.k8s.io/%s"_s;
    QTest::newRow("kubernetes.namespace.ignore")
        << u"kubernetes.namespace.ignore"_s << u"[kube-system kube-public default gatekeeper-system istio-system]"_s;
    QTest::newRow("azureidentity.namespaced") << u"azureidentity.namespaced"_s << u"false"_s;
    QTest::newRow("azureidentity.template.namespace")
        << u"azureidentity.template.namespace"_s << u"{{index .Tags \"k8snamespace\"}}"_s;
    QTest::newRow("azureidentity.template.resourcename")
        << u"azureidentity.template.resourcename"_s << u"{{ .Name }}-{{ .ClientId }}"_s;
    QTest::newRow("azureidentity.binding.sync") << u"azureidentity.binding.sync"_s << u"false"_s;
    QTest::newRow("azureidentity.expiry") << u"azureidentity.expiry"_s << u"false"_s;
    QTest::newRow("azureidentity.expiry.annotation") << u"azureidentity.expiry.annotation"_s << u"janitor/expires"_s;
    QTest::newRow("azureidentity.expiry.duration") << u"azureidentity.expiry.duration"_s << u"2190h0m0s"_s;
    QTest::newRow("azureidentity.expiry.timeformat") << u"azureidentity.expiry.timeformat"_s << u"2006-01-02"_s;
    QTest::newRow("server.bind") << u"server.bind"_s << u":8080"_s;
    QTest::newRow("server.timeout.read") << u"server.timeout.read"_s << u"5s"_s;
    QTest::newRow("server.timeout.write") << u"server.timeout.write"_s << u"10s"_s;
    QTest::newRow("render") << u"render"_s << QString();
    QTest::newRow("render.output") << u"render.output"_s << u"yaml"_s;
    QTest::newRow("lease.duration") << u"lease.duration"_s << u"15s"_s;
    QTest::newRow("lease.renewdeadline") << u"lease.renewdeadline"_s << u"10s"_s;
    QTest::newRow("lease.retryperiod") << u"lease.retryperiod"_s << u"2s"_s;
    QTest::newRow("sync.once") << u"sync.once"_s << u"false"_s;
    QTest::newRow("azureidentity.expiry.renew") << u"azureidentity.expiry.renew"_s << u"0.5"_s;
    QTest::newRow("dry-run") << u"dry-run"_s << u"false"_s;
    QTest::newRow("demo") << u"demo"_s << u"false"_s;
    QTest::newRow("plan.output") << u"plan.output"_s << u"text"_s;
    // Ours: workload identity mode, off by default; the AzureIdentity output on.
    QTest::newRow("azureidentity.enable") << u"azureidentity.enable"_s << u"true"_s;
    QTest::newRow("workloadidentity.enable") << u"workloadidentity.enable"_s << u"false"_s;
    QTest::newRow("workloadidentity.template.serviceaccount")
        << u"workloadidentity.template.serviceaccount"_s << u"{{ .Name }}"_s;
    QTest::newRow("workloadidentity.template.credentialname")
        << u"workloadidentity.template.credentialname"_s << QString();
    QTest::newRow("workloadidentity.clustername") << u"workloadidentity.clustername"_s << u"cluster"_s;
    QTest::newRow("workloadidentity.issuer") << u"workloadidentity.issuer"_s << QString();
    QTest::newRow("workloadidentity.tenantannotation") << u"workloadidentity.tenantannotation"_s << u"false"_s;
}

void TestOptionParser::defaults()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QCOMPARE(effective(OptionParser().parse({}, {}), option), expected);
}

void TestOptionParser::defaultsPassTheirChecks()
{
    // Defaults skip validation at parse time, so prove here that each one would pass it.
    for (const OptionSpec &spec : OptionTable::all()) {
        if (spec.defaults.isEmpty() || spec.env.isEmpty())
            continue;
        const QString value = spec.kind == OptionKind::StringList ? spec.defaults.join(u' ') : spec.defaults.first();
        const ParseResult result = OptionParser().parse({}, {{spec.env, value}});
        QVERIFY2(result.ok(), qPrintable(result.error));
    }
}

void TestOptionParser::precedence_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Env>("env");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");

    const QString a = u"00000000-0000-0000-0000-00000000000a"_s;
    const QString b = u"00000000-0000-0000-0000-00000000000b"_s;
    const QString c = u"00000000-0000-0000-0000-00000000000c"_s;

    QTest::newRow("env beats default") << QStringList {} << Env {{u"SYNC_INTERVAL"_s, u"30m"_s}} << u"sync.interval"_s
                                       << u"30m0s"_s;
    QTest::newRow("flag beats env") << QStringList {u"--sync.interval=2h"_s} << Env {{u"SYNC_INTERVAL"_s, u"30m"_s}}
                                    << u"sync.interval"_s << u"2h0m0s"_s;
    QTest::newRow("flag beats invalid env")
        << QStringList {u"--sync.interval"_s, u"1.5h"_s} << Env {{u"SYNC_INTERVAL"_s, u"bogus"_s}} << u"sync.interval"_s
        << u"1h30m0s"_s;
    QTest::newRow("last flag wins") << QStringList {u"--lease.name=a"_s, u"--lease.name=b"_s} << Env {}
                                    << u"lease.name"_s << u"b"_s;
    QTest::newRow("string env") << QStringList {} << Env {{u"LEASE_NAME"_s, u"my-lease"_s}} << u"lease.name"_s
                                << u"my-lease"_s;
    QTest::newRow("bool flag beats env false")
        << QStringList {u"--sync.watch"_s} << Env {{u"SYNC_WATCH"_s, u"false"_s}} << u"sync.watch"_s << u"true"_s;
    QTest::newRow("bool flag beats invalid env")
        << QStringList {u"--sync.watch"_s} << Env {{u"SYNC_WATCH"_s, u"maybe"_s}} << u"sync.watch"_s << u"true"_s;
    QTest::newRow("bool env true") << QStringList {} << Env {{u"LEASE_ENABLE"_s, u"true"_s}} << u"lease.enable"_s
                                   << u"true"_s;
    QTest::newRow("bool env empty") << QStringList {} << Env {{u"LEASE_ENABLE"_s, QString()}} << u"lease.enable"_s
                                    << u"true"_s;
    QTest::newRow("log.debug flag") << QStringList {u"--log.debug"_s} << Env {} << u"debug"_s << u"true"_s;
    QTest::newRow("log.debug env") << QStringList {} << Env {{u"LOG_DEBUG"_s, u"1"_s}} << u"debug"_s << u"true"_s;
    QTest::newRow("debug false, log.debug true")
        << QStringList {} << Env {{u"DEBUG"_s, u"false"_s}, {u"LOG_DEBUG"_s, u"t"_s}} << u"debug"_s << u"true"_s;
    QTest::newRow("debug true, log.debug false")
        << QStringList {} << Env {{u"DEBUG"_s, u"T"_s}, {u"LOG_DEBUG"_s, u"0"_s}} << u"debug"_s << u"true"_s;
    QTest::newRow("log.debug false alone")
        << QStringList {} << Env {{u"LOG_DEBUG"_s, u"FALSE"_s}} << u"debug"_s << u"false"_s;
    QTest::newRow("log.devel") << QStringList {} << Env {{u"LOG_DEVEL"_s, u"True"_s}} << u"log.devel"_s << u"true"_s;
    QTest::newRow("duration env with fraction")
        << QStringList {} << Env {{u"SERVER_TIMEOUT_READ"_s, u"1.5s"_s}} << u"server.timeout.read"_s << u"1.5s"_s;
    QTest::newRow("locktime zero allowed")
        << QStringList {u"--sync.locktime=0"_s} << Env {} << u"sync.locktime"_s << u"0s"_s;

    // Lists: env is space separated and replaces the default; flags repeat and replace env.
    QTest::newRow("list env") << QStringList {} << Env {{u"AZURE_SUBSCRIPTION_ID"_s, a + u' ' + b}}
                              << u"azure.subscription"_s << u'[' + a + u' ' + b + u']';
    QTest::newRow("list env extra spaces")
        << QStringList {} << Env {{u"AZURE_SUBSCRIPTION_ID"_s, u"  "_s + a + u"   "_s}} << u"azure.subscription"_s
        << u'[' + a + u']';
    QTest::newRow("list flags repeat") << QStringList {u"--azure.subscription"_s, a, u"--azure.subscription="_s + b}
                                       << Env {} << u"azure.subscription"_s << u'[' + a + u' ' + b + u']';
    QTest::newRow("list flags replace env")
        << QStringList {u"--azure.subscription"_s, c} << Env {{u"AZURE_SUBSCRIPTION_ID"_s, a + u' ' + b}}
        << u"azure.subscription"_s << u'[' + c + u']';
    QTest::newRow("ignore env replaces default")
        << QStringList {} << Env {{u"KUBERNETES_NAMESPACE_IGNORE"_s, u"kube-system"_s}}
        << u"kubernetes.namespace.ignore"_s << u"[kube-system]"_s;
    QTest::newRow("ignore env empty") << QStringList {} << Env {{u"KUBERNETES_NAMESPACE_IGNORE"_s, QString()}}
                                      << u"kubernetes.namespace.ignore"_s << u"[]"_s;
    QTest::newRow("ignore trimmed and lower-cased") << QStringList {u"--kubernetes.namespace.ignore"_s, u" Team-A "_s}
                                                    << Env {} << u"kubernetes.namespace.ignore"_s << u"[team-a]"_s;
    QTest::newRow("ignore env lower-cased")
        << QStringList {} << Env {{u"KUBERNETES_NAMESPACE_IGNORE"_s, u"KUBE-SYSTEM Foo"_s}}
        << u"kubernetes.namespace.ignore"_s << u"[kube-system foo]"_s;
    QTest::newRow("ignore flags replace default")
        << QStringList {u"--kubernetes.namespace.ignore=a"_s, u"--kubernetes.namespace.ignore=b"_s} << Env {}
        << u"kubernetes.namespace.ignore"_s << u"[a b]"_s;

    // Values that must be accepted.
    QTest::newRow("bind host") << QStringList {u"--server.bind=0.0.0.0:8080"_s} << Env {} << u"server.bind"_s
                               << u"0.0.0.0:8080"_s;
    QTest::newRow("bind loopback") << QStringList {u"--server.bind=127.0.0.1:9000"_s} << Env {} << u"server.bind"_s
                                   << u"127.0.0.1:9000"_s;
    QTest::newRow("bind ipv6") << QStringList {u"--server.bind=[::1]:8080"_s} << Env {} << u"server.bind"_s
                               << u"[::1]:8080"_s;
    QTest::newRow("bind port 0") << QStringList {} << Env {{u"SERVER_BIND"_s, u":0"_s}} << u"server.bind"_s << u":0"_s;
    QTest::newRow("bind hostname") << QStringList {u"--server.bind=localhost:65535"_s} << Env {} << u"server.bind"_s
                                   << u"localhost:65535"_s;
    QTest::newRow("environment case") << QStringList {u"--azure.environment=AzureChinaCloud"_s} << Env {}
                                      << u"azure.environment"_s << u"AzureChinaCloud"_s;
    QTest::newRow("label format empty") << QStringList {} << Env {{u"KUBERNETES_LABEL_FORMAT"_s, QString()}}
                                        << u"kubernetes.label.format"_s << QString();
    QTest::newRow("annotation without prefix") << QStringList {u"--azureidentity.expiry.annotation=expires"_s} << Env {}
                                               << u"azureidentity.expiry.annotation"_s << u"expires"_s;
    QTest::newRow("time format rfc3339")
        << QStringList {u"--azureidentity.expiry.timeformat=2006-01-02T15:04:05Z07:00"_s} << Env {}
        << u"azureidentity.expiry.timeformat"_s << u"2006-01-02T15:04:05Z07:00"_s;
    QTest::newRow("template from readme")
        << QStringList {} << Env {{u"AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s, u"{{ .Name }}"_s}}
        << u"azureidentity.template.resourcename"_s << u"{{ .Name }}"_s;
    QTest::newRow("render stdin") << QStringList {u"--render"_s, u"-"_s, u"--render.output=json"_s} << Env {}
                                  << u"render"_s << u"-"_s;
    QTest::newRow("short verbose") << QStringList {u"-v"_s} << Env {} << u"verbose"_s << u"true"_s;
}

void TestOptionParser::precedence()
{
    QFETCH(QStringList, args);
    QFETCH(Env, env);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    const ParseResult result = OptionParser().parse(args, env);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(effective(result, option), expected);
}

void TestOptionParser::envBooleans_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("expected");
    // Go 1.19 strconv.ParseBool accepted/rejected exactly these; an empty value means true (go-flags).
    const QStringList truthy {u"1"_s, u"t"_s, u"T"_s, u"TRUE"_s, u"true"_s, u"True"_s, QString()};
    const QStringList falsy {u"0"_s, u"f"_s, u"F"_s, u"FALSE"_s, u"false"_s, u"False"_s};
    const QStringList invalid {u"yes"_s, u"no"_s, u"tRUE"_s, u"on"_s, u"2"_s, u" true"_s, u"y"_s};
    for (const QString &v : truthy)
        QTest::newRow(qPrintable(u"true: \""_s + v + u'"')) << v << true << true;
    for (const QString &v : falsy)
        QTest::newRow(qPrintable(u"false: \""_s + v + u'"')) << v << true << false;
    for (const QString &v : invalid)
        QTest::newRow(qPrintable(u"invalid: \""_s + v + u'"')) << v << false << false;
}

void TestOptionParser::envBooleans()
{
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(bool, expected);
    const ParseResult result = OptionParser().parse({}, {{u"AZUREIDENTITY_EXPIRY"_s, value}});
    QCOMPARE(result.ok(), ok);
    if (ok)
        QCOMPARE(result.config.azureIdentityExpiry, expected);
    else
        QVERIFY(result.error.contains(u"--azureidentity.expiry / AZUREIDENTITY_EXPIRY"_s));
}

void TestOptionParser::toggles()
{
    // A switch whose default is true takes =false; bare, or =true, it is on; its env var parses as a bool.
    QVERIFY(OptionParser().parse({}, {}).config.azureIdentityEnable);
    for (const QString &off : {u"--azureidentity.enable=false"_s, u"--azureidentity.enable=0"_s}) {
        const ParseResult r = OptionParser().parse({off}, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!r.config.azureIdentityEnable);
    }
    QVERIFY(OptionParser().parse({u"--azureidentity.enable"_s}, {}).config.azureIdentityEnable);
    QVERIFY(OptionParser().parse({u"--azureidentity.enable=true"_s}, {}).config.azureIdentityEnable);
    QVERIFY(!OptionParser().parse({}, {{u"AZUREIDENTITY_ENABLE"_s, u"false"_s}}).config.azureIdentityEnable);
    // A flag beats the environment.
    QVERIFY(OptionParser()
                .parse({u"--azureidentity.enable=true"_s}, {{u"AZUREIDENTITY_ENABLE"_s, u"false"_s}})
                .config.azureIdentityEnable);
    QVERIFY(OptionParser().helpText().contains(u"--azureidentity.enable[=true|false]"_s));
}

void TestOptionParser::arguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("positional");

    QTest::newRow("equals") << QStringList {u"--lease.name=x"_s} << QString() << QStringList {};
    QTest::newRow("separate") << QStringList {u"--lease.name"_s, u"x"_s} << QString() << QStringList {};
    QTest::newRow("value with equals") << QStringList {u"--kubernetes.label.format=a.b/%s"_s} << QString()
                                       << QStringList {};
    QTest::newRow("double dash ends options")
        << QStringList {u"--debug"_s, u"--"_s, u"--nope"_s} << QString() << QStringList {u"--nope"_s};
    QTest::newRow("positional kept") << QStringList {u"extra"_s, u"-"_s} << QString()
                                     << QStringList {u"extra"_s, u"-"_s};
    QTest::newRow("unknown long") << QStringList {u"--nope"_s} << u"unknown flag --nope (see --help)"_s
                                  << QStringList {};
    QTest::newRow("unknown long with value")
        << QStringList {u"--bind=:80"_s} << u"unknown flag --bind (see --help)"_s << QStringList {};
    QTest::newRow("unknown short") << QStringList {u"-x"_s} << u"unknown flag -x (see --help)"_s << QStringList {};
    QTest::newRow("unknown in short run")
        << QStringList {u"-vq"_s} << u"unknown flag -q (see --help)"_s << QStringList {};
    QTest::newRow("case matters") << QStringList {u"--DEBUG"_s} << u"unknown flag --DEBUG (see --help)"_s
                                  << QStringList {};
    QTest::newRow("missing value at end") << QStringList {u"--sync.interval"_s}
                                          << u"missing value for --sync.interval / SYNC_INTERVAL"_s << QStringList {};
    QTest::newRow("option instead of value") << QStringList {u"--lease.name"_s, u"--debug"_s}
                                             << u"missing value for --lease.name / LEASE_NAME"_s << QStringList {};
    QTest::newRow("newline stays one line")
        << QStringList {u"--render.output=a\nb"_s}
        << u"invalid value \"a\\nb\" for --render.output: expected yaml or json"_s << QStringList {};
}

void TestOptionParser::arguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    QFETCH(QStringList, positional);
    const ParseResult result = OptionParser().parse(args, {});
    QCOMPARE(result.error, error);
    if (error.isEmpty())
        QCOMPARE(result.positional, positional);
}

void TestOptionParser::badValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Env>("env");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("error");
    for (const BadValue &row : badValueRows())
        QTest::newRow(row.tag) << row.args << row.env << row.option << row.error;
}

void TestOptionParser::badValues()
{
    QFETCH(QStringList, args);
    QFETCH(Env, env);
    QFETCH(QString, option);
    QFETCH(QString, error);
    const ParseResult result = OptionParser().parse(args, env);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    // One line that names the option by flag (and env var, if it has one).
    QVERIFY(!result.error.contains(u'\n'));
    const OptionSpec *spec = OptionTable::find(option);
    QVERIFY(spec);
    QVERIFY(result.error.contains(OptionParser::displayName(*spec)));
}

void TestOptionParser::badValuesCoverEveryOption()
{
    QSet<QString> covered;
    for (const BadValue &row : badValueRows())
        covered.insert(row.option);
    for (const OptionSpec &spec : OptionTable::all())
        QVERIFY2(covered.contains(spec.longName), qPrintable(u"no bad value for --"_s + spec.longName));
}

void TestOptionParser::requests()
{
    const ParseResult help = OptionParser().parse({u"-h"_s}, {{u"SYNC_INTERVAL"_s, u"bogus"_s}});
    QVERIFY(help.ok()); // help wins over bad values, as with go-flags
    QVERIFY(help.helpRequested);
    QVERIFY(OptionParser().parse({u"--help"_s}, {}).helpRequested);
    QVERIFY(OptionParser().parse({u"-vh"_s}, {}).helpRequested);

    const ParseResult version = OptionParser().parse({u"--version"_s}, {});
    QVERIFY(version.ok());
    QVERIFY(version.versionRequested);
    QVERIFY(!version.helpRequested);

    QTemporaryFile input;
    QVERIFY(input.open());
    const ParseResult render = OptionParser().parse({u"--render="_s + input.fileName()}, {});
    QVERIFY2(render.ok(), qPrintable(render.error));
    QCOMPARE(render.config.render, input.fileName());
    QCOMPARE(render.config.renderOutput, u"yaml"_s);

    const ParseResult kubeconfig = OptionParser().parse({}, {{u"KUBECONFIG"_s, input.fileName()}});
    QVERIFY2(kubeconfig.ok(), qPrintable(kubeconfig.error));
    QCOMPARE(kubeconfig.config.kubeconfig, input.fileName());
}

void TestOptionParser::helpListsEveryOption_data()
{
    QTest::addColumn<QString>("line"); // what the option's entry must contain

    // The seed's usage list, with env vars and defaults as the original printed them.
    QTest::newRow("debug") << u"--debug debug mode [$DEBUG]"_s;
    QTest::newRow("verbose") << u"-v, --verbose verbose mode [$VERBOSE]"_s;
    QTest::newRow("log.json") << u"--log.json Switch log output to json format [$LOG_JSON]"_s;
    QTest::newRow("log.debug") << u"--log.debug debug mode (same as --debug) [$LOG_DEBUG]"_s;
    QTest::newRow("log.devel") << u"--log.devel development mode [$LOG_DEVEL]"_s;
    QTest::newRow("instance.nodename")
        << u"--instance.nodename= Name of node where autopilot is running [$INSTANCE_NODENAME]"_s;
    QTest::newRow("instance.namespace")
        << u"--instance.namespace= Name of namespace where autopilot is running [$INSTANCE_NAMESPACE]"_s;
    QTest::newRow("instance.pod") << u"--instance.pod= Name of pod where autopilot is running [$INSTANCE_POD]"_s;
    QTest::newRow("lease.enable")
        << u"--lease.enable Enable lease (leader election; enabled by default in docker images) [$LEASE_ENABLE]"_s;
    QTest::newRow("lease.name")
        << u"--lease.name= Name of lease lock (default: azure-msi-operator-leader) [$LEASE_NAME]"_s;
    QTest::newRow("sync.interval")
        << u"--sync.interval= Sync interval (time.duration) (default: 1h) [$SYNC_INTERVAL]"_s;
    QTest::newRow("sync.watch") << u"--sync.watch Sync using namespace watch [$SYNC_WATCH]"_s;
    QTest::newRow("sync.locktime")
        << u"--sync.locktime= Lock time until next sync (time.duration) (default: 5m) [$SYNC_LOCKTIME]"_s;
    QTest::newRow("azure.environment")
        << u"--azure.environment= Azure environment name (default: AZUREPUBLICCLOUD) [$AZURE_ENVIRONMENT]"_s;
    QTest::newRow("azure.subscription") << u"--azure.subscription= Azure subscription ID [$AZURE_SUBSCRIPTION_ID]"_s;
    QTest::newRow("kubeconfig")
        << u"--kubeconfig= Kubernetes config path (should be empty if in-cluster) [$KUBECONFIG]"_s;
    QTest::newRow("kubernetes.label.format")
        << u"--kubernetes.label.format= Kubernetes label format (sprintf, if empty, labels are not set) (default: msi.azure.k8s.io/%s) [$KUBERNETES_LABEL_FORMAT]"_s;
    QTest::newRow("kubernetes.namespace.ignore")
        << u"--kubernetes.namespace.ignore= Do not maintain these namespaces (default: kube-system, kube-public, default, gatekeeper-system, istio-system) [$KUBERNETES_NAMESPACE_IGNORE]"_s;
    QTest::newRow("azureidentity.namespaced")
        << u"--azureidentity.namespaced Set aadpodidentity.k8s.io/Behavior=namespaced annotation for AzureIdentity resources [$AZUREIDENTITY_NAMESPACED]"_s;
    QTest::newRow("azureidentity.template.namespace")
        << u"--azureidentity.template.namespace= Golang template for Kubernetes namespace (default: {{index .Tags \"k8snamespace\"}}) [$AZUREIDENTITY_TEMPLATE_NAMESPACE]"_s;
    QTest::newRow("azureidentity.template.resourcename")
        << u"--azureidentity.template.resourcename= Golang template for Kubernetes resource name (default: {{ .Name }}-{{ .ClientId }}) [$AZUREIDENTITY_TEMPLATE_RESOURCENAME]"_s;
    QTest::newRow("azureidentity.binding.sync")
        << u"--azureidentity.binding.sync Sync AzureIdentity to AzureIdentityBinding using lookup label [$AZUREIDENTITY_BINDING_SYNC]"_s;
    QTest::newRow("azureidentity.expiry")
        << u"--azureidentity.expiry Enable setting of expiry for removal of old AzureIdentity resources (use with hjacobs/kube-janitor) [$AZUREIDENTITY_EXPIRY]"_s;
    QTest::newRow("azureidentity.expiry.annotation")
        << u"--azureidentity.expiry.annotation= Name of expiry annotation (default: janitor/expires) [$AZUREIDENTITY_EXPIRY_ANNOTATION]"_s;
    QTest::newRow("azureidentity.expiry.duration")
        << u"--azureidentity.expiry.duration= Duration of expiry value (time.Duration) (default: 2190h) [$AZUREIDENTITY_EXPIRY_DURATION]"_s;
    QTest::newRow("azureidentity.expiry.timeformat")
        << u"--azureidentity.expiry.timeformat= Format of absolute time (default: 2006-01-02) [$AZUREIDENTITY_EXPIRY_TIMEFORMAT]"_s;
    QTest::newRow("server.bind") << u"--server.bind= Server address (default: :8080) [$SERVER_BIND]"_s;
    QTest::newRow("server.timeout.read")
        << u"--server.timeout.read= Server read timeout (default: 5s) [$SERVER_TIMEOUT_READ]"_s;
    QTest::newRow("server.timeout.write")
        << u"--server.timeout.write= Server write timeout (default: 10s) [$SERVER_TIMEOUT_WRITE]"_s;
    QTest::newRow("help") << u"-h, --help Show this help message"_s;
    QTest::newRow("kubernetes.context")
        << u"--kubernetes.context= Kubernetes context to use instead of the kubeconfig's current-context "
           "[$KUBERNETES_CONTEXT]"_s;
    QTest::newRow("kubernetes.qps") << u"--kubernetes.qps= Client-side rate limit for Kubernetes API requests "
                                       "(requests per second) (default: 10) [$KUBERNETES_QPS]"_s;
    QTest::newRow("kubernetes.burst")
        << u"--kubernetes.burst= Requests allowed in a burst above the rate limit (default: 50) [$KUBERNETES_BURST]"_s;
    QTest::newRow("render") << u"--render=FILE Read MSIs in ARM list format"_s;
    QTest::newRow("render.output")
        << u"--render.output=yaml|json Output format of --render: yaml or json (default: yaml)"_s;
    QTest::newRow("version") << u"--version Show the version and exit"_s;
}

void TestOptionParser::helpListsEveryOption()
{
    QFETCH(QString, line);
    // Wrapping and column padding are layout, not content: compare with whitespace collapsed.
    const QString help = OptionParser().helpText().simplified();
    QVERIFY2(help.contains(line.simplified()), qPrintable(line));
}

void TestOptionParser::helpGroupsAndAuthentication()
{
    const QString help = OptionParser().helpText();
    QVERIFY(help.startsWith(u"Usage:\n  azure-msi-operator [OPTIONS]\n"_s));
    const qsizetype app = help.indexOf(u"\nApplication Options:\n"_s);
    const qsizetype render = help.indexOf(u"\nRender options:\n"_s);
    const qsizetype helpGroup = help.indexOf(u"\nHelp Options:\n"_s);
    QVERIFY(app > 0);
    QVERIFY(render > app);
    QVERIFY(helpGroup > render);
    QVERIFY(help.simplified().contains(u"Azure API authentication uses environment variables"_s));
    // Every env var of the table appears, and no line runs past the width.
    for (const OptionSpec &spec : OptionTable::all()) {
        QVERIFY(help.contains(u"--"_s + spec.longName));
        if (!spec.env.isEmpty())
            QVERIFY(help.contains(u"[$"_s + spec.env + u']'));
    }
    for (const QString &l : help.split(u'\n'))
        QVERIFY2(l.size() <= 120, qPrintable(l));
}

void TestOptionParser::dumpMasksSecrets()
{
    const QStringList lines = ConfigDump::lines(OperatorConfig {});
    QVERIFY(lines.contains(u"sync.interval=1h0m0s"_s));
    QVERIFY(lines.contains(
        u"kubernetes.namespace.ignore=[kube-system kube-public default gatekeeper-system istio-system]"_s));
    QVERIFY(!lines.join(u'\n').contains(u"help"_s));

    // No option is secret today; a table with one proves the dump never prints its value.
    QList<OptionSpec> specs = OptionTable::all();
    for (OptionSpec &spec : specs) {
        if (spec.longName == u"instance.pod")
            spec.secret = true;
    }
    const ParseResult result = OptionParser(specs).parse({u"--instance.pod=s3cr3t-value"_s}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QString text = ConfigDump::oneLine(result.config, specs);
    QVERIFY(text.contains(u"instance.pod=***"_s));
    QVERIFY(!text.contains(u"s3cr3t"_s));
    QVERIFY(ConfigDump::lines(OperatorConfig {}, specs).contains(u"instance.pod=***"_s));
}

void TestOptionParser::tableIsConsistent()
{
    QSet<QString> longNames;
    QSet<QString> envs;
    for (const OptionSpec &spec : OptionTable::all()) {
        QVERIFY2(!longNames.contains(spec.longName), qPrintable(spec.longName));
        longNames.insert(spec.longName);
        if (!spec.env.isEmpty()) {
            QVERIFY2(!envs.contains(spec.env), qPrintable(spec.env));
            envs.insert(spec.env);
        }
        // The field's type must match the kind, or the parser would write the wrong member.
        switch (spec.kind) {
        case OptionKind::Bool:
        case OptionKind::Toggle:
            QVERIFY(std::holds_alternative<bool OperatorConfig::*>(spec.field));
            break;
        case OptionKind::String:
            QVERIFY(std::holds_alternative<QString OperatorConfig::*>(spec.field));
            break;
        case OptionKind::StringList:
            QVERIFY(std::holds_alternative<QStringList OperatorConfig::*>(spec.field));
            break;
        case OptionKind::Duration:
            QVERIFY(std::holds_alternative<GoDuration OperatorConfig::*>(spec.field));
            break;
        case OptionKind::Number:
            QVERIFY(std::holds_alternative<double OperatorConfig::*>(spec.field));
            break;
        case OptionKind::Help:
        case OptionKind::Version:
            QVERIFY(std::holds_alternative<std::monostate>(spec.field));
            break;
        }
        if (!spec.aliasOf.isEmpty()) {
            const OptionSpec *primary = OptionTable::find(spec.aliasOf);
            QVERIFY(primary);
            QVERIFY(primary->field == spec.field);
        }
    }
}

QTEST_GUILESS_MAIN(TestOptionParser)
#include "tst_optionparser.moc"
