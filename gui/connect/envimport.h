// SPDX-License-Identifier: MIT
#pragma once

#include "gui/connect/profile.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace Amo::Gui {

/**
 * Turns the agent's env settings into a profile: KEY=value lines as in a Kubernetes env file, a
 * .env file or a shell script (`export KEY=value`, # comments, single or double quotes). The
 * AZURE_* credential variables pick the sign-in method; every operator variable goes through the
 * agent's own OptionParser, so defaults and validation are the agent's. The profile's name is left
 * empty for the caller to choose.
 */
class EnvImport
{
    Q_DECLARE_TR_FUNCTIONS(Amo::Gui::EnvImport)

public:
    /**
     * Null with *error naming the variable (or line) at fault. @p secret receives the client secret
     * or certificate password; @p warnings lists unknown and unused variables.
     */
    static std::optional<Profile> fromEnvText(const QString &text, QString *secret, QString *error,
                                              QStringList *warnings = nullptr);
    static std::optional<Profile> fromEnvFile(const QString &path, QString *secret, QString *error,
                                              QStringList *warnings = nullptr);

    /** The KEY=value pairs of @p text, later lines winning; null with *error on a malformed line. */
    static std::optional<QHash<QString, QString>> parseLines(const QString &text, QString *error);
};

} // namespace Amo::Gui
