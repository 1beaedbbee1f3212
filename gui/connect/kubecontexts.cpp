// SPDX-License-Identifier: MIT
#include "gui/connect/kubecontexts.h"

#include "shared/kube/kubeconfigloader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList KubeContexts::candidateFiles(const QString &kubeconfig, const QProcessEnvironment &env)
{
    if (!kubeconfig.isEmpty())
        return {kubeconfig};
    const QString list = env.value(u"KUBECONFIG"_s);
    if (!list.isEmpty())
        return list.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    const QString home = env.value(u"HOME"_s, QDir::homePath());
    return {home + u"/.kube/config"_s};
}

KubeContexts KubeContexts::list(const QString &kubeconfig, const QProcessEnvironment &env)
{
    KubeContexts result;
    QList<QJsonObject> files;
    for (const QString &path : candidateFiles(kubeconfig, env)) {
        if (!QFileInfo::exists(path))
            continue; // kubectl skips missing files of a list, and so does the agent
        QString error;
        const QJsonObject file = Kube::KubeConfigLoader::readFile(path, &error);
        if (!error.isEmpty()) {
            result.error = error;
            continue;
        }
        files.append(file);
        result.files.append(path);
    }
    const QJsonObject merged = Kube::KubeConfigLoader::merge(files);
    for (const QJsonValue &context : merged.value(u"contexts"_s).toArray()) {
        const QString name = context.toObject().value(u"name"_s).toString();
        if (!name.isEmpty() && !result.names.contains(name))
            result.names.append(name);
    }
    result.current = merged.value(u"current-context"_s).toString();
    return result;
}

} // namespace Amo::Gui
