// SPDX-License-Identifier: MIT
#pragma once

#include "kubeerror.h"
#include "resource.h"

#include <QJsonArray>
#include <QObject>

namespace Amo::Kube {

class KubeClient;

struct ListOptions
{
    QString labelSelector;
    QString fieldSelector;
    int pageSize = 0; // 0: the client's listPageSize (500)
    bool keepItems = true; // false: items arrive only through ListJob::page (caches do this)
    int maxRestarts = 3; // an expired continue token restarts the list this often
};

struct ListResult
{
    KubeError error;
    QJsonArray items; // all pages, unless keepItems is false
    QString resourceVersion; // of the consistent snapshot: watch from here
    int pages = 0;
    int restarts = 0;
    qsizetype itemCount = 0;
    bool ok() const { return !error.isError(); }
};

/**
 * A complete list through `limit`/`continue` pages. When a continue token has expired (410) the
 * list starts over from the first page (emitting restarted, so consumers drop earlier pages).
 */
class ListJob : public QObject
{
    Q_OBJECT
public:
    ListJob(KubeClient *client, Resource resource, const QString &ns, const ListOptions &options,
            QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    /** One page of items; all pages of one pass share resourceVersion. */
    void page(const QJsonArray &items);
    void restarted();
    void finished(const Amo::Kube::ListResult &result);

private:
    void requestPage();
    void finish();

    KubeClient *m_client;
    Resource m_resource;
    QString m_ns;
    ListOptions m_options;
    QString m_continue;
    ListResult m_result;
};

} // namespace Amo::Kube
