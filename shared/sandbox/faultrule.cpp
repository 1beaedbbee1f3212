// SPDX-License-Identifier: MIT
#include "shared/sandbox/faultrule.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
struct KindName
{
    FaultKind kind;
    const char16_t *name;
};
constexpr std::array<KindName, 7> kKindNames {{{FaultKind::Latency, u"latency"},
                                               {FaultKind::Status, u"status"},
                                               {FaultKind::Reset, u"reset"},
                                               {FaultKind::Truncate, u"truncate"},
                                               {FaultKind::MalformedJson, u"malformed-json"},
                                               {FaultKind::Stall, u"stall"},
                                               {FaultKind::DropWatch, u"drop-watch"}}};

QString globToRegex(const QString &glob)
{
    QString rx = u"^"_s;
    for (const QChar c : glob) {
        if (c == u'*')
            rx += u".*"_s;
        else if (c == u'?')
            rx += u'.';
        else
            rx += QRegularExpression::escape(QString(c));
    }
    return rx + u'$';
}
} // namespace

QString FaultRule::kindName(FaultKind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return QString::fromUtf16(k.name);
    }
    return {};
}

std::optional<FaultKind> FaultRule::kindFromName(const QString &name)
{
    for (const KindName &k : kKindNames) {
        if (name == QString::fromUtf16(k.name))
            return k.kind;
    }
    return std::nullopt;
}

bool FaultRule::compile(QString *error)
{
    matcher = QRegularExpression(regex ? path : globToRegex(path));
    if (!matcher.isValid()) {
        if (error)
            *error = u"invalid path pattern '%1': %2"_s.arg(path, matcher.errorString());
        return false;
    }
    userAgentMatcher = QRegularExpression(userAgent.isEmpty() ? QString() : globToRegex(userAgent));
    return true;
}

bool FaultRule::matches(const QByteArray &requestMethod, const QString &requestPath,
                        const QByteArray &requestUserAgent) const
{
    if (!method.isEmpty() && method != "*" && method != requestMethod)
        return false;
    if (!userAgent.isEmpty() && !userAgentMatcher.match(QString::fromLatin1(requestUserAgent)).hasMatch())
        return false;
    return matcher.match(requestPath).hasMatch();
}

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    FaultRule r;
    const auto kind = kindFromName(json.value(u"kind"_s).toString());
    if (!kind) {
        if (error)
            *error = u"unknown fault kind '%1'"_s.arg(json.value(u"kind"_s).toString());
        return std::nullopt;
    }
    r.kind = *kind;
    r.id = json.value(u"id"_s).toString();
    r.method = json.value(u"method"_s).toString().toUpper().toLatin1();
    if (json.contains(u"regex"_s)) {
        r.path = json.value(u"regex"_s).toString();
        r.regex = true;
    } else {
        r.path = json.value(u"path"_s).toString(u"*"_s);
    }
    r.userAgent = json.value(u"userAgent"_s).toString();
    r.status = json.value(u"status"_s).toInt(r.kind == FaultKind::Status ? 503 : 0);
    if (r.kind == FaultKind::Status && r.status != 429 && r.status != 500 && r.status != 503
        && (r.status < 400 || r.status > 599)) {
        if (error)
            *error = u"status fault needs a 4xx or 5xx status"_s;
        return std::nullopt;
    }
    r.retryAfterSeconds = json.value(u"retryAfterSeconds"_s).toInt(1);
    if (json.contains(u"delayMs"_s)) {
        r.minDelayMs = r.maxDelayMs = json.value(u"delayMs"_s).toInt();
    } else {
        r.minDelayMs = json.value(u"minDelayMs"_s).toInt();
        r.maxDelayMs = std::max(r.minDelayMs, json.value(u"maxDelayMs"_s).toInt());
    }
    r.dropAfterEvents = json.value(u"afterEvents"_s).toInt(-1);
    r.dropAfterMs = json.value(u"afterMs"_s).toInt(-1);
    if (r.kind == FaultKind::DropWatch && r.dropAfterEvents < 0 && r.dropAfterMs < 0)
        r.dropAfterEvents = 0;
    r.times = json.value(u"times"_s).toInt(-1);
    r.fraction = std::clamp(json.value(u"fraction"_s).toDouble(1.0), 0.0, 1.0);
    if (!r.compile(error))
        return std::nullopt;
    return r;
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject o {{u"id"_s, id},       {u"kind"_s, kindName(kind)}, {regex ? u"regex"_s : u"path"_s, path},
                   {u"times"_s, times}, {u"fraction"_s, fraction},   {u"fired"_s, fired}};
    if (!method.isEmpty())
        o.insert(u"method"_s, QString::fromLatin1(method));
    if (!userAgent.isEmpty())
        o.insert(u"userAgent"_s, userAgent);
    if (kind == FaultKind::Status) {
        o.insert(u"status"_s, status);
        o.insert(u"retryAfterSeconds"_s, retryAfterSeconds);
    }
    if (minDelayMs > 0 || maxDelayMs > 0) {
        o.insert(u"minDelayMs"_s, minDelayMs);
        o.insert(u"maxDelayMs"_s, maxDelayMs);
    }
    if (kind == FaultKind::DropWatch) {
        o.insert(u"afterEvents"_s, dropAfterEvents);
        o.insert(u"afterMs"_s, dropAfterMs);
    }
    return o;
}

} // namespace Amo::Sandbox
