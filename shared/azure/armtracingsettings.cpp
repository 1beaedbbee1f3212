// SPDX-License-Identifier: MIT
#include "shared/azure/armtracingsettings.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

QStringList split(const QString &value)
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return value.split(separators, Qt::SkipEmptyParts);
}

bool readBool(const QProcessEnvironment &env, const QString &name, bool *out, QString *error)
{
    const QString value = env.value(name).trimmed().toLower();
    if (value.isEmpty())
        return true;
    static const QStringList yes {u"1"_s, u"true"_s, u"y"_s, u"yes"_s, u"enabled"_s};
    static const QStringList no {u"0"_s, u"false"_s, u"n"_s, u"no"_s, u"disabled"_s};
    if (yes.contains(value))
        *out = true;
    else if (no.contains(value))
        *out = false;
    else {
        *error = u"%1=\"%2\" is not a boolean (use true/false, 1/0, yes/no, enabled/disabled)"_s.arg(name,
                                                                                                     env.value(name));
        return false;
    }
    return true;
}

} // namespace

QString ArmTracingSettings::exposedName(const QString &label)
{
    QString snake;
    for (qsizetype i = 0; i < label.size(); ++i) {
        const QChar c = label.at(i);
        // subscriptionID -> subscription_id: a run of capitals is one word
        if (c.isUpper() && i > 0 && !label.at(i - 1).isUpper())
            snake += u'_';
        snake += c.toLower();
    }
    return snake;
}

QStringList ArmTracingSettings::allLabels()
{
    return {u"apiEndpoint"_s,      u"routingRegion"_s, u"subscriptionID"_s, u"tenantID"_s,
            u"resourceProvider"_s, u"method"_s,        u"statusCode"_s};
}

std::optional<ArmTracingSettings> ArmTracingSettings::fromEnvironment(const QProcessEnvironment &env, QString *error)
{
    ArmTracingSettings s;
    s.fallbackTenantId = env.value(u"AZURE_TENANT_ID"_s).trimmed();
    if (!readBool(env, u"METRIC_AZURERM_API_REQUEST_ENABLE"_s, &s.requestEnabled, error)
        || !readBool(env, u"METRIC_AZURERM_API_RATELIMIT_ENABLE"_s, &s.ratelimitEnabled, error)
        || !readBool(env, u"METRIC_AZURERM_API_RATELIMIT_AUTORESET"_s, &s.ratelimitAutoreset, error))
        return std::nullopt;

    const QString buckets = env.value(u"METRIC_AZURERM_API_REQUEST_BUCKETS"_s);
    if (!buckets.trimmed().isEmpty()) {
        s.buckets.clear();
        for (const QString &part : split(buckets)) {
            bool ok = false;
            const double v = part.toDouble(&ok);
            if (!ok || !std::isfinite(v)) {
                *error = u"METRIC_AZURERM_API_REQUEST_BUCKETS=\"%1\": \"%2\" is not a number"_s.arg(buckets, part);
                return std::nullopt;
            }
            if (!s.buckets.isEmpty() && v <= s.buckets.last()) {
                *error
                    = u"METRIC_AZURERM_API_REQUEST_BUCKETS=\"%1\": buckets must be strictly increasing"_s.arg(buckets);
                return std::nullopt;
            }
            s.buckets.append(v);
        }
    }

    const QString labels = env.value(u"METRIC_AZURERM_API_REQUEST_LABELS"_s);
    if (!labels.trimmed().isEmpty()) {
        QStringList chosen;
        for (const QString &part : split(labels)) {
            bool known = false;
            for (const QString &label : allLabels()) {
                // The original's names (apiEndpoint) and the exposed ones (api_endpoint) both work.
                if (label.compare(part, Qt::CaseInsensitive) == 0 || exposedName(label) == part.toLower()) {
                    chosen.append(label);
                    known = true;
                }
            }
            if (!known) {
                *error = u"METRIC_AZURERM_API_REQUEST_LABELS=\"%1\": unknown label \"%2\" (known: %3)"_s.arg(
                    labels, part, allLabels().join(u", "_s));
                return std::nullopt;
            }
        }
        s.labels.clear();
        for (const QString &label : allLabels()) {
            if (chosen.contains(label))
                s.labels.append(label);
        }
    }
    return s;
}

} // namespace Amo::Azure
