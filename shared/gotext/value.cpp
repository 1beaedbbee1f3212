// SPDX-License-Identifier: MIT
// Go-like dynamic value used as template data and as function arguments.
#include "value.h"

#include <algorithm>

namespace Amo::GoText {

Value Value::nil(const std::string &typeName)
{
    Value v;
    v.m_kind = Kind::Nil;
    v.m_type = typeName;
    return v;
}

Value Value::fromBool(bool b)
{
    Value v;
    v.m_kind = Kind::Bool;
    v.m_type = "bool";
    v.m_bool = b;
    return v;
}

Value Value::fromInt(std::int64_t i, const std::string &typeName)
{
    Value v;
    v.m_kind = Kind::Int;
    v.m_type = typeName;
    v.m_int = i;
    return v;
}

Value Value::fromUint(std::uint64_t u, const std::string &typeName)
{
    Value v;
    v.m_kind = Kind::Uint;
    v.m_type = typeName;
    v.m_uint = u;
    return v;
}

Value Value::fromFloat(double f, const std::string &typeName)
{
    Value v;
    v.m_kind = Kind::Float;
    v.m_type = typeName;
    v.m_float = f;
    return v;
}

Value Value::fromComplex(double re, double im)
{
    Value v;
    v.m_kind = Kind::Complex;
    v.m_type = "complex128";
    v.m_float = re;
    v.m_imag = im;
    return v;
}

Value Value::fromString(const QString &s)
{
    return fromUtf8(s.toStdString());
}

Value Value::fromUtf8(std::string bytes)
{
    Value v;
    v.m_kind = Kind::String;
    v.m_type = "string";
    v.m_str = std::move(bytes);
    return v;
}

Value Value::fromStringMap(const QMap<QString, QString> &map)
{
    std::vector<Entry> entries;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        entries.emplace_back(it.key().toStdString(), fromString(it.value()));
    return fromEntries(std::move(entries), "string");
}

Value Value::fromMap(const QMap<QString, Value> &map, const std::string &elemType)
{
    std::vector<Entry> entries;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        entries.emplace_back(it.key().toStdString(), it.value());
    return fromEntries(std::move(entries), elemType);
}

Value Value::fromEntries(std::vector<Entry> entries, const std::string &elemType)
{
    // Go prints and ranges over maps in key order; std::string compares bytes as unsigned, like Go.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.first < b.first; });
    entries.erase(
        std::unique(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.first == b.first; }),
        entries.end());
    Value v;
    v.m_kind = Kind::Map;
    v.m_type = "map[string]" + elemType;
    v.m_elem = elemType;
    v.m_entries = std::make_shared<const std::vector<Entry>>(std::move(entries));
    return v;
}

Value Value::fromList(const QList<Value> &items, const std::string &elemType)
{
    return fromItems(std::vector<Value>(items.cbegin(), items.cend()), elemType);
}

Value Value::fromItems(std::vector<Value> items, const std::string &elemType)
{
    Value v;
    v.m_kind = Kind::Slice;
    v.m_type = "[]" + elemType;
    v.m_elem = elemType;
    v.m_items = std::make_shared<const std::vector<Value>>(std::move(items));
    return v;
}

Value Value::fromStruct(const std::string &typeName, std::vector<Entry> fields)
{
    Value v;
    v.m_kind = Kind::Struct;
    v.m_type = typeName;
    v.m_entries = std::make_shared<const std::vector<Entry>>(std::move(fields));
    return v;
}

std::size_t Value::size() const
{
    switch (m_kind) {
    case Kind::String:
        return m_str.size();
    case Kind::Map:
    case Kind::Struct:
        return m_entries ? m_entries->size() : 0;
    case Kind::Slice:
        return m_items ? m_items->size() : 0;
    default:
        return 0;
    }
}

const std::vector<Value::Entry> &Value::entries() const
{
    static const std::vector<Entry> empty;
    return m_entries ? *m_entries : empty;
}

const std::vector<Value> &Value::items() const
{
    static const std::vector<Value> empty;
    return m_items ? *m_items : empty;
}

const Value *Value::find(const std::string &key) const
{
    const auto &e = entries();
    auto it
        = std::lower_bound(e.begin(), e.end(), key, [](const Entry &a, const std::string &k) { return a.first < k; });
    if (it == e.end() || it->first != key)
        return nullptr;
    return &it->second;
}

Value Value::zeroOf(const std::string &typeName)
{
    if (typeName == "string")
        return fromUtf8({});
    if (typeName == "bool")
        return fromBool(false);
    if (typeName == "int" || typeName == "int8" || typeName == "int16" || typeName == "int32" || typeName == "int64")
        return fromInt(0, typeName);
    if (typeName == "uint" || typeName == "uint8" || typeName == "uint16" || typeName == "uint32"
        || typeName == "uint64")
        return fromUint(0, typeName);
    if (typeName == "float64" || typeName == "float32")
        return fromFloat(0, typeName);
    if (typeName.rfind("map[string]", 0) == 0)
        return fromEntries({}, typeName.substr(11));
    if (typeName.rfind("[]", 0) == 0)
        return fromItems({}, typeName.substr(2));
    return nil(typeName);
}

} // namespace Amo::GoText
