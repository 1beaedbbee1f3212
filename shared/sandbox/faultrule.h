// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace Amo::Sandbox {

/** The misbehaviours the sandbox can inject. */
enum class FaultKind {
    Latency, // delay, then answer normally
    Status, // answer 429 (with Retry-After), 500 or 503 without calling the handler
    Reset, // send the head and half the body, then reset the connection (RST)
    Truncate, // announce the full Content-Length, send half, then close normally
    MalformedJson, // replace the body by syntactically broken JSON
    Stall, // never answer
    DropWatch, // abort a streamed (watch) response after N events or a delay
};

/**
 * Which requests a fault hits and how: method + path (glob or regex), for the next
 * `times` matches (-1: no limit) and to a `fraction` of them (seeded RNG).
 * JSON form: see SCENARIO.md ("faults").
 */
struct FaultRule
{
    QString id;
    QByteArray method; // empty: any method
    QString path = QStringLiteral("*"); // glob: '*' any run of characters (also '/'), '?' one; or regex
    bool regex = false;
    QString userAgent; // glob on the User-Agent header; empty: any client (tells replicas apart)
    FaultKind kind = FaultKind::Status;
    int status = 503;
    int retryAfterSeconds = 1;
    int minDelayMs = 0;
    int maxDelayMs = 0;
    int dropAfterEvents = -1;
    int dropAfterMs = -1;
    int times = -1;
    double fraction = 1.0;
    int fired = 0;

    bool matches(const QByteArray &requestMethod, const QString &requestPath,
                 const QByteArray &requestUserAgent = {}) const;
    bool exhausted() const { return times >= 0 && fired >= times; }

    static std::optional<FaultRule> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    static QString kindName(FaultKind kind);
    static std::optional<FaultKind> kindFromName(const QString &name);

    /** Compiled path matcher; fromJson() and FaultInjector::add() set it. */
    QRegularExpression matcher;
    QRegularExpression userAgentMatcher;
    bool compile(QString *error);
};

} // namespace Amo::Sandbox
