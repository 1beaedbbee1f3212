// SPDX-License-Identifier: MIT
// Go-like dynamic value used as template data and as function arguments.
#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Amo::GoText {

/**
 * A value as Go's reflect sees it: invalid ("no value"), a nil interface, bool, signed or unsigned integer, float,
 * complex, string, map[string]T (kept sorted by key bytes), slice or struct (ordered named fields).
 * Strings are kept as UTF-8 bytes because Go strings are byte strings.
 * Every value carries its Go type name ("int", "map[string]string", "main.MsiTemplateData", …) for %T and errors.
 */
class Value
{
public:
    enum class Kind { Invalid, Nil, Bool, Int, Uint, Float, Complex, String, Map, Slice, Struct };
    using Entry = std::pair<std::string, Value>;

    Value() = default;

    static Value invalid() { return {}; }
    static Value nil(const std::string &typeName = "interface {}");
    static Value fromBool(bool b);
    static Value fromInt(std::int64_t i, const std::string &typeName = "int");
    static Value fromUint(std::uint64_t u, const std::string &typeName = "uint");
    static Value fromFloat(double f, const std::string &typeName = "float64");
    static Value fromComplex(double re, double im);
    static Value fromString(const QString &s);
    static Value fromUtf8(std::string bytes);
    /** A map[string]string. */
    static Value fromStringMap(const QMap<QString, QString> &map);
    /** A map[string]<elemType>; elemType names the Go element type, e.g. "interface {}". */
    static Value fromMap(const QMap<QString, Value> &map, const std::string &elemType = "interface {}");
    static Value fromEntries(std::vector<Entry> entries, const std::string &elemType);
    static Value fromList(const QList<Value> &items, const std::string &elemType = "interface {}");
    static Value fromItems(std::vector<Value> items, const std::string &elemType);
    /** A struct value of Go type typeName (e.g. "main.MsiTemplateData") with fields in declaration order. */
    static Value fromStruct(const std::string &typeName, std::vector<Entry> fields);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    const std::string &typeName() const { return m_type; }
    /** Element type name of a map or slice. */
    const std::string &elemType() const { return m_elem; }

    bool toBool() const { return m_bool; }
    std::int64_t toInt() const { return m_int; }
    std::uint64_t toUint() const { return m_uint; }
    double toFloat() const { return m_float; }
    double imag() const { return m_imag; }
    const std::string &bytes() const { return m_str; }
    QString toQString() const { return QString::fromStdString(m_str); }

    /** Length of a string (bytes), map, slice; field count of a struct. */
    std::size_t size() const;
    /** Map entries sorted by key, or struct fields in order. */
    const std::vector<Entry> &entries() const;
    const std::vector<Value> &items() const;
    /** Map lookup; nullptr when the key is absent. */
    const Value *find(const std::string &key) const;
    /** Go's zero value of the named type (only the basic types and interfaces are known). */
    static Value zeroOf(const std::string &typeName);

private:
    Kind m_kind = Kind::Invalid;
    std::string m_type;
    std::string m_elem;
    bool m_bool = false;
    std::int64_t m_int = 0;
    std::uint64_t m_uint = 0;
    double m_float = 0;
    double m_imag = 0;
    std::string m_str;
    std::shared_ptr<const std::vector<Entry>> m_entries;
    std::shared_ptr<const std::vector<Value>> m_items;
};

} // namespace Amo::GoText
