// SPDX-License-Identifier: MIT
#pragma once

#include "restconfig.h"

#include <QJsonObject>
#include <QStringList>

namespace Amo::Kube {

/** The outcome of loading a connection: a config, or an error text; warnings either way. */
struct RestConfigResult
{
    std::optional<RestConfig> config;
    QString error;
    QStringList warnings;
    bool ok() const { return config.has_value(); }
};

/**
 * Reads kubeconfig files the way kubectl does: several files merge in order (the first file to
 * name a cluster, user or context wins that name; the first current-context wins; missing files
 * are skipped; unreadable ones are errors), relative paths resolve against each file's folder,
 * and one context (the override, else current-context) becomes a RestConfig.
 */
class KubeConfigLoader
{
public:
    /** Parses one file and resolves its relative paths. Sets @p error when unreadable. */
    static QJsonObject readFile(const QString &path, QString *error);
    /** Merges already-read files, first wins. */
    static QJsonObject merge(const QList<QJsonObject> &files);
    /** Loads and merges @p paths; missing files are skipped unless every file is missing. */
    static RestConfigResult load(const QStringList &paths, const QString &contextOverride);
    /** Turns the selected context of a merged config into a RestConfig. */
    static RestConfigResult resolve(const QJsonObject &merged, const QString &contextOverride,
                                    const QString &sourceDescription);

private:
    static QString resolveCluster(const QJsonObject &cluster, RestConfigResult &result);
    static QString resolveUser(const QString &userName, const QJsonObject &user, RestConfigResult &result);
};

} // namespace Amo::Kube
