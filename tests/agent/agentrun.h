// SPDX-License-Identifier: MIT
#pragma once

#include "agent/agentapp.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdio>

/** Runs the agent in-process with the given arguments and environment, capturing what it prints. */
struct AgentRun
{
    int exitCode = -1;
    QString out;
    QString err;

    static AgentRun exec(const QStringList &args, const QHash<QString, QString> &env = {})
    {
        std::FILE *out = std::tmpfile();
        std::FILE *err = std::tmpfile();
        AgentRun run;
        run.exitCode
            = Amo::Agent::AgentApp(out, err).run(QStringList {QStringLiteral("azure-msi-operator")} + args, env);
        run.out = readAll(out);
        run.err = readAll(err);
        return run;
    }

private:
    static QString readAll(std::FILE *file)
    {
        QByteArray bytes;
        std::rewind(file);
        char buffer[4096];
        size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
            bytes.append(buffer, qsizetype(n));
        std::fclose(file);
        return QString::fromUtf8(bytes);
    }
};
