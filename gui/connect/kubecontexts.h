// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Amo::Gui {

/** The contexts a kubeconfig offers, found the way the agent finds the kubeconfig itself. */
struct KubeContexts
{
    QStringList files; // the files that were read
    QStringList names; // in file order, first file winning a name
    QString current; // the merged current-context
    QString error; // an unreadable file; empty when all could be read

    /** The explicit file, else every file of $KUBECONFIG, else ~/.kube/config. */
    static QStringList candidateFiles(const QString &kubeconfig,
                                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    static KubeContexts list(const QString &kubeconfig,
                             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
};

} // namespace Amo::Gui
