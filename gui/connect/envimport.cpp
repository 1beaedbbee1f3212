// SPDX-License-Identifier: MIT
#include "gui/connect/envimport.h"

#include "gui/connect/planoptions.h"

#include "shared/config/optionparser.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

// Variables the dashboard reads itself rather than handing to the option parser.
const QStringList &credentialNames()
{
    static const QStringList names {
        u"AZURE_TENANT_ID"_s,
        u"AZURE_CLIENT_ID"_s,
        u"AZURE_CLIENT_SECRET"_s,
        u"AZURE_CLIENT_CERTIFICATE_PATH"_s,
        u"AZURE_CERTIFICATE_PATH"_s,
        u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s,
        u"AZURE_CERTIFICATE_PASSWORD"_s,
        u"AZURE_ENVIRONMENT_FILEPATH"_s,
    };
    return names;
}

// The value after '=': quoted values keep everything inside the quotes; unquoted ones end at " #".
std::optional<QString> parseValue(QStringView raw, QString *why)
{
    const QStringView value = raw.trimmed();
    if (value.startsWith(u'\'')) {
        const qsizetype end = value.indexOf(u'\'', 1);
        if (end < 0) {
            *why = EnvImport::tr("missing closing '");
            return std::nullopt;
        }
        return value.mid(1, end - 1).toString();
    }
    if (value.startsWith(u'"')) {
        QString out;
        for (qsizetype i = 1; i < value.size(); ++i) {
            const QChar c = value.at(i);
            if (c == u'"')
                return out;
            if (c == u'\\' && i + 1 < value.size()) {
                const QChar next = value.at(++i);
                out += next == u'n' ? QChar(u'\n') : next;
                continue;
            }
            out += c;
        }
        *why = EnvImport::tr("missing closing \"");
        return std::nullopt;
    }
    const qsizetype comment = value.indexOf(u" #"_s);
    return (comment < 0 ? value : value.left(comment)).trimmed().toString();
}

} // namespace

std::optional<QHash<QString, QString>> EnvImport::parseLines(const QString &text, QString *error)
{
    static const QRegularExpression keyPattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    QHash<QString, QString> values;
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QStringView line = QStringView(lines.at(n)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u"export "))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        const QString key = (eq < 0 ? line : line.left(eq)).trimmed().toString();
        if (eq < 0 || !keyPattern.match(key).hasMatch()) {
            *error = tr("Line %1: expected KEY=value.").arg(n + 1);
            return std::nullopt;
        }
        QString why;
        const std::optional<QString> value = parseValue(line.mid(eq + 1), &why);
        if (!value) {
            *error = tr("Line %1 (%2): %3.").arg(n + 1).arg(key, why);
            return std::nullopt;
        }
        values.insert(key, *value);
    }
    return values;
}

std::optional<Profile> EnvImport::fromEnvText(const QString &text, QString *secret, QString *error,
                                              QStringList *warnings)
{
    QString dummyError;
    QStringList dummyWarnings;
    error = error ? error : &dummyError;
    warnings = warnings ? warnings : &dummyWarnings;
    const std::optional<QHash<QString, QString>> values = parseLines(text, error);
    if (!values)
        return std::nullopt;

    QHash<QString, QString> optionEnv;
    QStringList optionNames;
    for (const Config::OptionSpec &spec : Config::OptionTable::all()) {
        if (!spec.env.isEmpty())
            optionNames.append(spec.env);
    }
    const QStringList planNames = PlanOptions::envNames();
    const QStringList profileNames {u"AZURE_ENVIRONMENT"_s, u"AZURE_SUBSCRIPTION_ID"_s, u"KUBECONFIG"_s,
                                    u"KUBERNETES_CONTEXT"_s};
    QStringList keys = values->keys();
    keys.sort();
    for (const QString &key : keys) {
        if (optionNames.contains(key)) {
            optionEnv.insert(key, values->value(key));
            if (!planNames.contains(key) && !profileNames.contains(key))
                warnings->append(tr("%1 only affects the agent; the dashboard does not use it.").arg(key));
        } else if (!credentialNames().contains(key)) {
            warnings->append(tr("%1 is not an operator setting and was ignored.").arg(key));
        }
    }

    const Config::ParseResult parsed = Config::OptionParser().parse({}, optionEnv);
    if (!parsed.ok()) {
        *error = parsed.error;
        return std::nullopt;
    }

    Profile profile;
    PlanOptions::copy(parsed.config, &profile.options);
    profile.cloud = parsed.config.azureEnvironment;
    profile.subscriptions = parsed.config.azureSubscriptions;
    profile.kubeconfig = parsed.config.kubeconfig;
    profile.context = parsed.config.kubernetesContext;
    profile.environmentFile = values->value(u"AZURE_ENVIRONMENT_FILEPATH"_s);
    profile.tenantId = values->value(u"AZURE_TENANT_ID"_s);
    profile.clientId = values->value(u"AZURE_CLIENT_ID"_s);
    profile.certificatePath
        = values->value(u"AZURE_CLIENT_CERTIFICATE_PATH"_s, values->value(u"AZURE_CERTIFICATE_PATH"_s));
    const QString clientSecret = values->value(u"AZURE_CLIENT_SECRET"_s);
    const QString certificatePassword
        = values->value(u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s, values->value(u"AZURE_CERTIFICATE_PASSWORD"_s));

    // The same order as the agent's credential chain: the first configured method wins.
    QString chosenSecret;
    if (!clientSecret.isEmpty()) {
        profile.authMethod = Profile::AuthMethod::ClientSecret;
        chosenSecret = clientSecret;
    } else if (!profile.certificatePath.isEmpty()) {
        profile.authMethod = Profile::AuthMethod::ClientCertificate;
        chosenSecret = certificatePassword;
    } else if (!profile.clientId.isEmpty()) {
        profile.authMethod = Profile::AuthMethod::ManagedIdentity;
    } else {
        profile.authMethod = Profile::AuthMethod::AzureCli;
    }
    if (profile.authMethod != Profile::AuthMethod::ClientCertificate)
        profile.certificatePath.clear();
    if (secret)
        *secret = chosenSecret;
    error->clear();
    return profile;
}

std::optional<Profile> EnvImport::fromEnvFile(const QString &path, QString *secret, QString *error,
                                              QStringList *warnings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = tr("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromEnvText(QString::fromUtf8(file.readAll()), secret, error, warnings);
}

} // namespace Amo::Gui
