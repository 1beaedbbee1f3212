// SPDX-License-Identifier: MIT
// Records the Kubernetes API calls one bearer token makes to the simulator, as RBAC sees them
// (verb, API group, resource, namespace). It sits in front of the simulator's Kubernetes handler
// and answers nothing itself; the simulator's request log lacks the query, so it cannot tell a
// list from a watch.
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace DeployTest {

struct KubeCall
{
    QString verb;
    QString group;
    QString resource; // "resource" or "resource/subresource"
    QString ns; // empty: cluster scope or all namespaces
    QString path;

    QString describe() const
    {
        return QStringLiteral("%1 %2%3 %4")
            .arg(verb, group.isEmpty() ? QString() : group + u'/', resource,
                 ns.isEmpty() ? QStringLiteral("(cluster)") : u"in " + ns);
    }
};

class KubeCallRecorder final : public Amo::Sandbox::HttpHandler
{
public:
    explicit KubeCallRecorder(const QByteArray &token)
        : m_authorization("Bearer " + token)
    {
    }

    bool handle(const Amo::Sandbox::HttpRequest &request, Amo::Sandbox::HttpExchange &) override
    {
        if (request.header("authorization") != m_authorization)
            return false;
        KubeCall call;
        if (parse(request, &call))
            m_calls.append(call);
        return false;
    }

    const QList<KubeCall> &calls() const { return m_calls; }

private:
    static bool parse(const Amo::Sandbox::HttpRequest &request, KubeCall *call)
    {
        QStringList s = request.path.split(u'/', Qt::SkipEmptyParts);
        // Discovery (/api, /api/v1, /apis, /apis/g, /apis/g/v) is open to every authenticated caller.
        if (s.size() >= 3 && s.at(0) == u"api") {
            s = s.mid(2);
        } else if (s.size() >= 4 && s.at(0) == u"apis") {
            call->group = s.at(1);
            s = s.mid(3);
        } else {
            return false;
        }
        if (s.size() >= 3 && s.at(0) == u"namespaces") {
            call->ns = s.at(1);
            s = s.mid(2);
        }
        call->resource = s.value(0);
        const bool named = s.size() >= 2;
        if (s.size() >= 3)
            call->resource += u'/' + s.at(2);
        const QByteArray &m = request.method;
        const QString watch = request.query.queryItemValue(QStringLiteral("watch"));
        if (m == "GET")
            call->verb = named                        ? QStringLiteral("get")
                : (watch == u"true" || watch == u"1") ? QStringLiteral("watch")
                                                      : QStringLiteral("list");
        else if (m == "POST")
            call->verb = QStringLiteral("create");
        else if (m == "PUT")
            call->verb = QStringLiteral("update");
        else if (m == "PATCH")
            call->verb = QStringLiteral("patch");
        else if (m == "DELETE")
            call->verb = named ? QStringLiteral("delete") : QStringLiteral("deletecollection");
        else
            call->verb = QString::fromLatin1(m).toLower();
        call->path = request.path;
        return true;
    }

    QByteArray m_authorization;
    QList<KubeCall> m_calls;
};

} // namespace DeployTest
