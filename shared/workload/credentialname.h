// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Amo::Workload {

/**
 * Names of federated identity credentials. Azure allows ^[a-zA-Z0-9][a-zA-Z0-9-_]{2,119}$; the default name is
 * readable ("<cluster>-<namespace>-<serviceaccount>") and gets a stable hash suffix whenever it had to be
 * shortened or changed to fit, so that two pairs never share a name by accident of shortening.
 */
class CredentialName
{
    Q_DECLARE_TR_FUNCTIONS(CredentialName)
public:
    static constexpr int MaxLength = 120;

    /** Empty when @p name is a valid credential name; otherwise why it is not. */
    static QString problem(const QString &name);
    /** The default name for a ServiceAccount; @p cluster may be empty. Always valid. */
    static QString build(const QString &cluster, const QString &namespaceName, const QString &serviceAccount);
};

} // namespace Amo::Workload
