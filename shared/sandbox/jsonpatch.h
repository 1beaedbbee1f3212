// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Amo::Sandbox {

/** RFC 6902 JSON patch over QJson values (merge patch: Amo::MergePatch). */
class JsonPatch
{
public:
    enum class Failure {
        None,
        Malformed, // the patch document itself is wrong: HTTP 400
        NotApplicable, // a path is missing or a `test` failed: HTTP 422
    };
    struct Result
    {
        QJsonValue value;
        Failure failure = Failure::None;
        QString error;
    };

    /** RFC 6902: add, remove, replace, move, copy, test, applied atomically. */
    static Result apply(const QJsonValue &target, const QJsonArray &operations);
};

} // namespace Amo::Sandbox
