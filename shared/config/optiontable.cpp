// SPDX-License-Identifier: MIT
#include "shared/config/optiontable.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

using K = OptionKind;
using C = OptionCheck;
using Cfg = OperatorConfig;

OptionSpec row(QString longName, QString env, QStringList defaults, QString help, K kind, OptionField field,
               C check = C::None)
{
    OptionSpec spec;
    spec.longName = std::move(longName);
    spec.env = std::move(env);
    spec.defaults = std::move(defaults);
    spec.help = std::move(help);
    spec.group = OptionTable::applicationGroup();
    spec.kind = kind;
    spec.field = field;
    spec.check = check;
    return spec;
}

// Modifiers for the rows that need more than the common columns.
OptionSpec withShort(OptionSpec spec, QChar shortName)
{
    spec.shortName = shortName;
    return spec;
}

OptionSpec aliasFor(OptionSpec spec, QString longName)
{
    spec.aliasOf = std::move(longName);
    return spec;
}

OptionSpec inGroup(OptionSpec spec, QString group, QString valueName = {})
{
    spec.group = std::move(group);
    spec.valueName = std::move(valueName);
    return spec;
}

QList<OptionSpec> buildTable()
{
    // clang-format off
    QList<OptionSpec> t{
        // The original's usage list, in its order; descriptions follow the original.
        row(u"debug"_s, u"DEBUG"_s, {}, u"debug mode"_s, K::Bool, &Cfg::debug),
        withShort(row(u"verbose"_s, u"VERBOSE"_s, {}, u"verbose mode"_s, K::Bool, &Cfg::verbose), u'v'),
        aliasFor(row(u"log.debug"_s, u"LOG_DEBUG"_s, {}, u"debug mode (same as --debug)"_s, K::Bool, &Cfg::debug),
                 u"debug"_s),
        row(u"log.devel"_s, u"LOG_DEVEL"_s, {}, u"development mode"_s, K::Bool, &Cfg::logDevel),
        row(u"log.json"_s, u"LOG_JSON"_s, {}, u"Switch log output to json format"_s, K::Bool, &Cfg::logJson),
        row(u"instance.nodename"_s, u"INSTANCE_NODENAME"_s, {}, u"Name of node where autopilot is running"_s,
            K::String, &Cfg::instanceNodeName, C::OptionalDnsSubdomain),
        row(u"instance.namespace"_s, u"INSTANCE_NAMESPACE"_s, {}, u"Name of namespace where autopilot is running"_s,
            K::String, &Cfg::instanceNamespace, C::OptionalDnsLabel),
        row(u"instance.pod"_s, u"INSTANCE_POD"_s, {}, u"Name of pod where autopilot is running"_s,
            K::String, &Cfg::instancePod, C::OptionalDnsSubdomain),
        row(u"lease.enable"_s, u"LEASE_ENABLE"_s, {},
            u"Enable lease (leader election; enabled by default in docker images)"_s, K::Bool, &Cfg::leaseEnable),
        row(u"lease.name"_s, u"LEASE_NAME"_s, {u"azure-msi-operator-leader"_s}, u"Name of lease lock"_s,
            K::String, &Cfg::leaseName, C::DnsSubdomain),
        row(u"lease.duration"_s, u"LEASE_DURATION"_s, {u"15s"_s},
            u"How long a Lease holds without renewal (time.Duration)"_s, K::Duration, &Cfg::leaseDuration,
            C::PositiveDuration),
        row(u"lease.renewdeadline"_s, u"LEASE_RENEWDEADLINE"_s, {u"10s"_s},
            u"How long the holder keeps trying to renew before it stops writing (time.Duration)"_s, K::Duration,
            &Cfg::leaseRenewDeadline, C::PositiveDuration),
        row(u"lease.retryperiod"_s, u"LEASE_RETRYPERIOD"_s, {u"2s"_s},
            u"How often the Lease is renewed or tried (time.Duration)"_s, K::Duration, &Cfg::leaseRetryPeriod,
            C::PositiveDuration),
        row(u"sync.interval"_s, u"SYNC_INTERVAL"_s, {u"1h"_s}, u"Sync interval (time.duration)"_s,
            K::Duration, &Cfg::syncInterval, C::PositiveDuration),
        row(u"sync.watch"_s, u"SYNC_WATCH"_s, {}, u"Sync using namespace watch"_s, K::Bool, &Cfg::syncWatch),
        row(u"sync.locktime"_s, u"SYNC_LOCKTIME"_s, {u"5m"_s}, u"Lock time until next sync (time.duration)"_s,
            K::Duration, &Cfg::syncLockTime, C::NonNegativeDuration),
        row(u"sync.once"_s, u"SYNC_ONCE"_s, {}, u"Run one full sync and exit with its status"_s, K::Bool,
            &Cfg::syncOnce),
        row(u"azure.environment"_s, u"AZURE_ENVIRONMENT"_s, {u"AZUREPUBLICCLOUD"_s}, u"Azure environment name"_s,
            K::String, &Cfg::azureEnvironment, C::AzureEnvironment),
        row(u"azure.subscription"_s, u"AZURE_SUBSCRIPTION_ID"_s, {}, u"Azure subscription ID"_s,
            K::StringList, &Cfg::azureSubscriptions, C::SubscriptionIds),
        row(u"kubeconfig"_s, u"KUBECONFIG"_s, {}, u"Kubernetes config path (should be empty if in-cluster)"_s,
            K::String, &Cfg::kubeconfig, C::OptionalExistingFile),
        row(u"kubernetes.context"_s, u"KUBERNETES_CONTEXT"_s, {},
            u"Kubernetes context to use instead of the kubeconfig's current-context"_s, K::String,
            &Cfg::kubernetesContext, C::ContextName),
        row(u"kubernetes.qps"_s, u"KUBERNETES_QPS"_s, {u"10"_s},
            u"Client-side rate limit for Kubernetes API requests (requests per second)"_s, K::Number,
            &Cfg::kubernetesQps, C::PositiveNumber),
        row(u"kubernetes.burst"_s, u"KUBERNETES_BURST"_s, {u"50"_s},
            u"Requests allowed in a burst above the rate limit"_s, K::Number, &Cfg::kubernetesBurst,
            C::PositiveInteger),
        row(u"kubernetes.label.format"_s, u"KUBERNETES_LABEL_FORMAT"_s, {u"msi.azure.k8s.io/%s"_s},
            u"Kubernetes label format (sprintf, if empty, labels are not set)"_s,
            K::String, &Cfg::kubernetesLabelFormat, C::LabelFormat),
        row(u"kubernetes.namespace.ignore"_s, u"KUBERNETES_NAMESPACE_IGNORE"_s,
            {u"kube-system"_s, u"kube-public"_s, u"default"_s, u"gatekeeper-system"_s, u"istio-system"_s},
            u"Do not maintain these namespaces"_s, K::StringList, &Cfg::kubernetesNamespaceIgnore, C::NamespaceNames),
        row(u"kubernetes.namespace.selector"_s, u"KUBERNETES_NAMESPACE_SELECTOR"_s, {},
            u"Maintain only namespaces whose labels match this label selector (e.g. msi.azure.k8s.io/allow=true)"_s,
            K::String, &Cfg::kubernetesNamespaceSelector, C::LabelSelector),
        row(u"azureidentity.enable"_s, u"AZUREIDENTITY_ENABLE"_s, {u"true"_s},
            u"Write AzureIdentity resources (--azureidentity.enable=false with --workloadidentity.enable: "
            u"workload identity alone)"_s, K::Toggle, &Cfg::azureIdentityEnable),
        row(u"azureidentity.namespaced"_s, u"AZUREIDENTITY_NAMESPACED"_s, {},
            u"Set aadpodidentity.k8s.io/Behavior=namespaced annotation for AzureIdentity resources"_s,
            K::Bool, &Cfg::azureIdentityNamespaced),
        row(u"azureidentity.template.namespace"_s, u"AZUREIDENTITY_TEMPLATE_NAMESPACE"_s,
            {u"{{index .Tags \"k8snamespace\"}}"_s}, u"Golang template for Kubernetes namespace"_s,
            K::String, &Cfg::azureIdentityTemplateNamespace, C::GoTemplate),
        row(u"azureidentity.template.resourcename"_s, u"AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s,
            {u"{{ .Name }}-{{ .ClientId }}"_s}, u"Golang template for Kubernetes resource name"_s,
            K::String, &Cfg::azureIdentityTemplateResourceName, C::GoTemplate),
        row(u"azureidentity.binding.sync"_s, u"AZUREIDENTITY_BINDING_SYNC"_s, {},
            u"Sync AzureIdentity to AzureIdentityBinding using lookup label"_s, K::Bool, &Cfg::azureIdentityBindingSync),
        row(u"azureidentity.expiry"_s, u"AZUREIDENTITY_EXPIRY"_s, {},
            u"Enable setting of expiry for removal of old AzureIdentity resources (use with hjacobs/kube-janitor)"_s,
            K::Bool, &Cfg::azureIdentityExpiry),
        row(u"azureidentity.expiry.annotation"_s, u"AZUREIDENTITY_EXPIRY_ANNOTATION"_s, {u"janitor/expires"_s},
            u"Name of expiry annotation"_s, K::String, &Cfg::azureIdentityExpiryAnnotation, C::AnnotationKey),
        row(u"azureidentity.expiry.duration"_s, u"AZUREIDENTITY_EXPIRY_DURATION"_s, {u"2190h"_s},
            u"Duration of expiry value (time.Duration)"_s,
            K::Duration, &Cfg::azureIdentityExpiryDuration, C::PositiveDuration),
        row(u"azureidentity.expiry.timeformat"_s, u"AZUREIDENTITY_EXPIRY_TIMEFORMAT"_s, {u"2006-01-02"_s},
            u"Format of absolute time"_s, K::String, &Cfg::azureIdentityExpiryTimeFormat, C::TimeLayout),
        row(u"azureidentity.expiry.renew"_s, u"AZUREIDENTITY_EXPIRY_RENEW"_s, {u"0.5"_s},
            u"Renew the expiry once less than this fraction of the duration is left"_s, K::Number,
            &Cfg::azureIdentityExpiryRenew, C::Fraction),
        // Ours: workload identity mode.
        row(u"workloadidentity.enable"_s, u"WORKLOADIDENTITY_ENABLE"_s, {},
            u"Write a ServiceAccount per MSI and namespace and a federated identity credential on the MSI"_s,
            K::Bool, &Cfg::workloadIdentityEnable),
        row(u"workloadidentity.template.serviceaccount"_s, u"WORKLOADIDENTITY_TEMPLATE_SERVICEACCOUNT"_s,
            {u"{{ .Name }}"_s}, u"Golang template for the ServiceAccount name"_s,
            K::String, &Cfg::workloadIdentityTemplateServiceAccount, C::GoTemplate),
        row(u"workloadidentity.template.credentialname"_s, u"WORKLOADIDENTITY_TEMPLATE_CREDENTIALNAME"_s, {},
            u"Golang template for the federated credential name (default: cluster, namespace and ServiceAccount, "
            u"shortened with a hash to fit Azure's 120 characters)"_s,
            K::String, &Cfg::workloadIdentityTemplateCredentialName, C::OptionalGoTemplate),
        row(u"workloadidentity.clustername"_s, u"WORKLOADIDENTITY_CLUSTERNAME"_s, {u"cluster"_s},
            u"Name of this cluster in default credential names"_s,
            K::String, &Cfg::workloadIdentityClusterName, C::DnsSubdomain),
        row(u"workloadidentity.issuer"_s, u"WORKLOADIDENTITY_ISSUER"_s, {},
            u"The cluster's service account issuer URL (default: read from the API server's "
            u"/.well-known/openid-configuration)"_s,
            K::String, &Cfg::workloadIdentityIssuer, C::OptionalHttpsUrl),
        row(u"workloadidentity.tenantannotation"_s, u"WORKLOADIDENTITY_TENANTANNOTATION"_s, {},
            u"Also annotate ServiceAccounts with azure.workload.identity/tenant-id"_s,
            K::Bool, &Cfg::workloadIdentityTenantAnnotation),
        row(u"server.bind"_s, u"SERVER_BIND"_s, {u":8080"_s}, u"Server address"_s,
            K::String, &Cfg::serverBind, C::HostPort),
        row(u"server.timeout.read"_s, u"SERVER_TIMEOUT_READ"_s, {u"5s"_s}, u"Server read timeout"_s,
            K::Duration, &Cfg::serverTimeoutRead, C::PositiveDuration),
        row(u"server.timeout.write"_s, u"SERVER_TIMEOUT_WRITE"_s, {u"10s"_s}, u"Server write timeout"_s,
            K::Duration, &Cfg::serverTimeoutWrite, C::PositiveDuration),

        // Ours: render manifests offline.
        inGroup(row(u"render"_s, {}, {},
                    u"Read MSIs in ARM list format from FILE (- for stdin), print the manifests and exit; "
                    u"contacts neither Azure nor a cluster"_s, K::String, &Cfg::render, C::RenderSource),
                OptionTable::renderGroup(), u"FILE"_s),
        inGroup(row(u"render.output"_s, {}, {u"yaml"_s}, u"Output format of --render: yaml or json"_s,
                    K::String, &Cfg::renderOutput, C::RenderOutput),
                OptionTable::renderGroup(), u"yaml|json"_s),

        // Ours: modes.
        inGroup(row(u"dry-run"_s, {}, {},
                    u"Plan against the live cluster, print the plan and exit: 0 nothing to do, 2 changes pending, "
                    u"1 error"_s, K::Bool, &Cfg::dryRun), OptionTable::modeGroup()),
        inGroup(row(u"demo"_s, {}, {},
                    u"Run one sync against the embedded simulator with the bundled demo scenario and exit"_s,
                    K::Bool, &Cfg::demo), OptionTable::modeGroup()),
        inGroup(row(u"plan.output"_s, {}, {u"text"_s}, u"Format of the plan printed by --dry-run and --demo"_s,
                    K::String, &Cfg::planOutput, C::PlanOutput),
                OptionTable::modeGroup(), u"text|json|yaml"_s),

        withShort(inGroup(row(u"help"_s, {}, {}, u"Show this help message"_s, K::Help, std::monostate{}),
                          OptionTable::helpGroup()), u'h'),
        inGroup(row(u"version"_s, {}, {}, u"Show the version and exit"_s, K::Version, std::monostate{}),
                OptionTable::helpGroup()),
    };
    // clang-format on
    return t;
}

} // namespace

const QList<OptionSpec> &OptionTable::all()
{
    static const QList<OptionSpec> table = buildTable();
    return table;
}

const OptionSpec *OptionTable::find(QStringView longName, const QList<OptionSpec> &specs)
{
    for (const OptionSpec &spec : specs) {
        if (spec.longName == longName)
            return &spec;
    }
    return nullptr;
}

QString OptionTable::applicationGroup()
{
    return u"Application Options"_s;
}

QString OptionTable::renderGroup()
{
    return u"Render options"_s;
}

QString OptionTable::modeGroup()
{
    return u"Modes"_s;
}

QString OptionTable::helpGroup()
{
    return u"Help Options"_s;
}

} // namespace Amo::Config
