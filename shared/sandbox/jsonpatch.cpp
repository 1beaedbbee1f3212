// SPDX-License-Identifier: MIT
#include "jsonpatch.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

struct PatchError
{
    JsonPatch::Failure failure;
    QString message;
};

QStringList splitPointer(const QString &pointer)
{
    if (pointer.isEmpty())
        return {};
    if (!pointer.startsWith(u'/'))
        throw PatchError {JsonPatch::Failure::Malformed, u"invalid JSON pointer: \""_s % pointer % u"\""_s};
    QStringList tokens = pointer.mid(1).split(u'/');
    for (QString &t : tokens)
        t = t.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    return tokens;
}

PatchError missing(const QString &op, const QString &path)
{
    return {JsonPatch::Failure::NotApplicable,
            op % u" operation does not apply: doc is missing path: \""_s % path % u"\""_s};
}

qsizetype arrayIndex(const QString &token, qsizetype size, bool allowEnd, const QString &op, const QString &path)
{
    if (allowEnd && token == u"-")
        return size;
    bool ok = false;
    const qsizetype i = token.toLongLong(&ok);
    if (!ok || i < 0 || i > size || (!allowEnd && i == size))
        throw missing(op, path);
    return i;
}

QJsonValue getAt(const QJsonValue &doc, const QStringList &tokens, const QString &op, const QString &path)
{
    QJsonValue v = doc;
    for (const QString &t : tokens) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(t))
                throw missing(op, path);
            v = o.value(t);
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            v = a.at(arrayIndex(t, a.size(), false, op, path));
        } else {
            throw missing(op, path);
        }
    }
    return v;
}

enum class Mode { Add, Remove, Replace };

// Rebuilds the document along the path, since QJson values are immutable copies.
QJsonValue modify(const QJsonValue &doc, const QStringList &tokens, qsizetype depth, Mode mode, const QJsonValue &value,
                  const QString &op, const QString &path)
{
    if (depth == tokens.size())
        return value; // replacing the whole document
    const QString &t = tokens.at(depth);
    const bool last = depth + 1 == tokens.size();
    if (doc.isObject()) {
        QJsonObject o = doc.toObject();
        if (last) {
            if (mode != Mode::Add && !o.contains(t))
                throw missing(op, path);
            if (mode == Mode::Remove)
                o.remove(t);
            else
                o.insert(t, value);
            return o;
        }
        if (!o.contains(t))
            throw missing(op, path);
        o.insert(t, modify(o.value(t), tokens, depth + 1, mode, value, op, path));
        return o;
    }
    if (doc.isArray()) {
        QJsonArray a = doc.toArray();
        if (last) {
            const qsizetype i = arrayIndex(t, a.size(), mode == Mode::Add, op, path);
            if (mode == Mode::Add)
                a.insert(i, value);
            else if (mode == Mode::Remove)
                a.removeAt(i);
            else
                a.replace(i, value);
            return a;
        }
        const qsizetype i = arrayIndex(t, a.size(), false, op, path);
        a.replace(i, modify(a.at(i), tokens, depth + 1, mode, value, op, path));
        return a;
    }
    throw missing(op, path);
}

QJsonValue applyOne(const QJsonValue &doc, const QJsonObject &operation)
{
    const QString op = operation.value(u"op"_s).toString();
    if (!operation.value(u"path"_s).isString())
        throw PatchError {JsonPatch::Failure::Malformed, op % u" operation missing path"_s};
    const QString path = operation.value(u"path"_s).toString();
    const QStringList tokens = splitPointer(path);
    const bool needsValue = op == u"add" || op == u"replace" || op == u"test";
    if (needsValue && !operation.contains(u"value"_s))
        throw PatchError {JsonPatch::Failure::Malformed, op % u" operation missing value"_s};
    const QJsonValue value = operation.value(u"value"_s);
    if (op == u"add")
        return modify(doc, tokens, 0, Mode::Add, value, op, path);
    if (op == u"remove")
        return modify(doc, tokens, 0, Mode::Remove, {}, op, path);
    if (op == u"replace")
        return modify(doc, tokens, 0, Mode::Replace, value, op, path);
    if (op == u"test") {
        if (getAt(doc, tokens, op, path) != value)
            throw PatchError {JsonPatch::Failure::NotApplicable, u"testing value "_s % path % u" failed"_s};
        return doc;
    }
    if (op == u"move" || op == u"copy") {
        if (!operation.value(u"from"_s).isString())
            throw PatchError {JsonPatch::Failure::Malformed, op % u" operation missing from"_s};
        const QString from = operation.value(u"from"_s).toString();
        const QStringList fromTokens = splitPointer(from);
        const QJsonValue moved = getAt(doc, fromTokens, op, from);
        QJsonValue base = doc;
        if (op == u"move") {
            if (path.startsWith(from + u'/'))
                throw PatchError {JsonPatch::Failure::NotApplicable, u"move operation would move into a child"_s};
            base = modify(doc, fromTokens, 0, Mode::Remove, {}, op, from);
        }
        return modify(base, tokens, 0, Mode::Add, moved, op, path);
    }
    throw PatchError {JsonPatch::Failure::Malformed, u"Unexpected kind: "_s + op};
}

} // namespace

JsonPatch::Result JsonPatch::apply(const QJsonValue &target, const QJsonArray &operations)
{
    Result r;
    r.value = target;
    try {
        for (const auto &op : operations) {
            if (!op.isObject())
                throw PatchError {Failure::Malformed, u"json: cannot unmarshal a non-object operation"_s};
            r.value = applyOne(r.value, op.toObject());
        }
    } catch (const PatchError &e) {
        return {target, e.failure, e.message};
    }
    return r;
}

} // namespace Amo::Sandbox
