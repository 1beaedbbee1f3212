// SPDX-License-Identifier: MIT
#include "shared/config/optionvalidator.h"

#include "shared/config/gotimelayout.h"
#include "shared/config/labelformat.h"
#include "shared/gotext/template.h"
#include "shared/kube/labelselector.h"
#include "shared/kube/namevalidation.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

bool matches(const QRegularExpression &re, const QString &value)
{
    return re.match(value).hasMatch();
}

bool isUuid(const QString &value)
{
    static const QRegularExpression re(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    return matches(re, value);
}

bool isAzureEnvironment(const QString &value)
{
    // The names go-autorest's EnvironmentFromName accepts (case-insensitive); AZURESTACKCLOUD reads
    // its endpoints from AZURE_ENVIRONMENT_FILEPATH.
    static const QStringList names {u"AZUREPUBLICCLOUD"_s, u"AZURECLOUD"_s,        u"AZURECHINACLOUD"_s,
                                    u"AZUREGERMANCLOUD"_s, u"AZUREUSGOVERNMENT"_s, u"AZUREUSGOVERNMENTCLOUD"_s,
                                    u"AZURESTACKCLOUD"_s};
    return names.contains(value.toUpper());
}

QString checkLabelFormat(const QString &value)
{
    const LabelFormat format(value); // an empty format means: no labels
    if (format.error().isEmpty())
        return {};
    return u"a sprintf format with one %s whose result is a valid Kubernetes label key, e.g. msi.azure.k8s.io/%s "
           "(it yields \""_s
        + format.nameKey() + u"\")"_s;
}

QString checkLabelSelector(const QString &value)
{
    QString error;
    if (value.isEmpty() || Kube::LabelSelector::parse(value, &error))
        return {};
    return u"a Kubernetes label selector such as msi.azure.k8s.io/allow=true ("_s + error + u')';
}

// The real parser, so the message is Go's own ("template: x:1: unclosed action").
QString checkTemplate(const QString &value)
{
    const GoText::Template parsed = GoText::Template::parse(u"template"_s, value);
    if (parsed.isValid())
        return {};
    return u"a Go template such as {{ .Name }} ("_s + parsed.error() + u')';
}

QString checkTimeLayout(const QString &value)
{
    static const QString expected = u"a Go time layout with year, month and day, such as 2006-01-02"_s;
    const GoTimeLayout layout(value);
    if (!layout.hasDateElements())
        return expected;
    // What we write must read back, or every later sync would see an unparseable expiry.
    const QDateTime probe(QDate(2021, 11, 28), QTime(13, 4, 5), Qt::UTC);
    if (!layout.parse(layout.format(probe)))
        return expected;
    return {};
}

} // namespace

bool OptionValidator::isDnsLabel(const QString &value)
{
    return Kube::NameValidation::dns1123Label(value).isEmpty();
}

bool OptionValidator::isDnsSubdomain(const QString &value)
{
    return Kube::NameValidation::dns1123Subdomain(value).isEmpty();
}

bool OptionValidator::isQualifiedName(const QString &value)
{
    return Kube::NameValidation::qualifiedName(value).isEmpty();
}

bool OptionValidator::isHostPort(const QString &value)
{
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon < 0)
        return false;
    const QString port = value.mid(colon + 1);
    bool numeric = !port.isEmpty() && port.size() <= 5;
    for (const QChar c : port)
        numeric = numeric && c.isDigit() && c.unicode() < 128;
    if (!numeric || port.toInt() > 65535)
        return false;

    const QString host = value.left(colon);
    if (host.isEmpty())
        return true;
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        const QHostAddress address(host.mid(1, host.size() - 2));
        return address.protocol() == QAbstractSocket::IPv6Protocol;
    }
    if (host.contains(u':'))
        return false; // IPv6 needs brackets
    if (QHostAddress(host).protocol() == QAbstractSocket::IPv4Protocol)
        return true;
    // Host names resolve at listen time; here we only insist on DNS characters.
    static const QRegularExpression hostname(
        u"^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$"_s);
    return host.size() <= 253 && matches(hostname, host);
}

QString OptionValidator::normalize(OptionCheck check, const QString &value)
{
    if (check == OptionCheck::NamespaceNames)
        return value.trimmed().toLower();
    return value;
}

QString OptionValidator::checkString(OptionCheck check, const QString &value)
{
    switch (check) {
    case OptionCheck::None:
    case OptionCheck::PositiveDuration:
    case OptionCheck::NonNegativeDuration:
    case OptionCheck::PositiveNumber:
    case OptionCheck::PositiveInteger:
        return {};
    case OptionCheck::HostPort:
        return isHostPort(value) ? QString()
                                 : u"[host]:port with a port of 0-65535, e.g. :8080, 127.0.0.1:9000 or [::1]:8080"_s;
    case OptionCheck::AnnotationKey:
        return isQualifiedName(value)
            ? QString()
            : u"a Kubernetes annotation key: [DNS-1123 subdomain/]name, name of at most 63 characters "
              u"[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]"_s;
    case OptionCheck::NamespaceNames:
        return isDnsLabel(value) ? QString() : u"namespace names (DNS-1123 labels such as kube-system)"_s;
    case OptionCheck::DnsSubdomain:
        return isDnsSubdomain(value) ? QString() : u"a DNS-1123 subdomain (lower-case a-z, 0-9, '-', '.')"_s;
    case OptionCheck::OptionalDnsSubdomain:
        return value.isEmpty() || isDnsSubdomain(value)
            ? QString()
            : u"empty or a DNS-1123 subdomain (lower-case a-z, 0-9, '-', '.')"_s;
    case OptionCheck::OptionalDnsLabel:
        return value.isEmpty() || isDnsLabel(value) ? QString()
                                                    : u"empty or a DNS-1123 label (lower-case a-z, 0-9, '-')"_s;
    case OptionCheck::AzureEnvironment:
        return isAzureEnvironment(value)
            ? QString()
            : u"an Azure environment: AZUREPUBLICCLOUD, AZURECHINACLOUD, AZUREUSGOVERNMENTCLOUD, AZUREGERMANCLOUD "
              u"or AZURESTACKCLOUD"_s;
    case OptionCheck::SubscriptionIds:
        return isUuid(value) ? QString() : u"subscription IDs (GUIDs such as 00000000-0000-0000-0000-000000000000)"_s;
    case OptionCheck::LabelFormat:
        return checkLabelFormat(value);
    case OptionCheck::LabelSelector:
        return checkLabelSelector(value);
    case OptionCheck::GoTemplate:
        return checkTemplate(value);
    case OptionCheck::OptionalGoTemplate:
        return value.isEmpty() ? QString() : checkTemplate(value);
    case OptionCheck::OptionalHttpsUrl: {
        // Azure accepts only https issuers for federated credentials.
        const QUrl url(value, QUrl::StrictMode);
        return value.isEmpty() || (url.isValid() && url.scheme() == u"https" && !url.host().isEmpty())
            ? QString()
            : u"empty or an https URL such as https://oidc.example.com/"_s;
    }
    case OptionCheck::TimeLayout:
        return checkTimeLayout(value);
    case OptionCheck::OptionalExistingFile: {
        const QFileInfo info(value);
        return value.isEmpty() || (info.isFile() && info.isReadable()) ? QString()
                                                                       : u"empty or the path of a readable file"_s;
    }
    case OptionCheck::RenderSource:
        // Whether the file can be read is a runtime error (exit status 1), reported when it is read.
        return !value.isEmpty() ? QString() : u"- (stdin) or the path of a readable file"_s;
    case OptionCheck::ContextName:
        return value.isEmpty() || !value.trimmed().isEmpty() ? QString() : u"the name of a context in the kubeconfig"_s;
    case OptionCheck::RenderOutput:
        return value == u"yaml" || value == u"json" ? QString() : u"yaml or json"_s;
    case OptionCheck::PlanOutput:
        return value == u"text" || value == u"yaml" || value == u"json" ? QString() : u"text, json or yaml"_s;
    default:
        return {};
    }
    return {};
}

QString OptionValidator::checkDuration(OptionCheck check, GoDuration value)
{
    if (check == OptionCheck::PositiveDuration && value <= GoDuration())
        return u"a Go duration greater than zero, such as 1h or 30m"_s;
    if (check == OptionCheck::NonNegativeDuration && value < GoDuration())
        return u"a Go duration of zero or more, such as 5m or 0"_s;
    return {};
}

QString OptionValidator::checkNumber(OptionCheck check, double value)
{
    switch (check) {
    case OptionCheck::PositiveNumber:
        return value > 0 && std::isfinite(value) ? QString() : u"a number greater than zero, such as 10 or 2.5"_s;
    case OptionCheck::Fraction:
        return value > 0 && value <= 1 ? QString() : u"a fraction greater than 0 and at most 1, such as 0.5"_s;
    case OptionCheck::PositiveInteger:
        return value >= 1 && value <= 1e6 && value == std::floor(value) ? QString()
                                                                        : u"a whole number from 1 to 1000000"_s;
    default:
        return {};
    }
}

} // namespace Amo::Config
