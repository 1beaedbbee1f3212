// SPDX-License-Identifier: MIT
// A parsed Go text/template, executable against a Value.
#include "template.h"

#include "builtins.h"
#include "executor.h"
#include "parser.h"

using namespace Qt::StringLiterals;

namespace Amo::GoText {

struct Template::Data
{
    std::string name;
    std::string text;
    std::string error;
    Parser::TreeSet trees;
};

Template::Template()
    : m_d(std::make_shared<Data>())
{
}

Template Template::parse(const QString &name, const QString &text)
{
    auto d = std::make_shared<Data>();
    d->name = name.toStdString();
    d->text = text.toStdString();
    std::set<std::string> functionNames;
    for (const auto &entry : Builtins::functions())
        functionNames.insert(entry.first);
    try {
        d->trees = Parser::parse(d->name, d->text, functionNames);
    } catch (const ParseFailure &failure) {
        d->error = failure.message;
        d->trees.clear();
    }
    Template t;
    t.m_d = std::move(d);
    return t;
}

bool Template::isValid() const
{
    return m_d->error.empty() && m_d->trees.count(m_d->name) > 0;
}

QString Template::error() const
{
    if (!m_d->error.empty())
        return QString::fromStdString(m_d->error);
    if (!isValid())
        return u"template: no template parsed"_s;
    return {};
}

QString Template::name() const
{
    return QString::fromStdString(m_d->name);
}

ExecResult Template::execute(const Value &data) const
{
    ExecResult result;
    if (!isValid()) {
        result.error = error();
        return result;
    }
    std::string out;
    Executor executor(m_d->trees, m_d->name, m_d->text, Builtins::functions(), out);
    try {
        executor.execute(m_d->name, data);
        result.ok = true;
    } catch (const ExecFailure &failure) {
        result.error = QString::fromStdString(failure.message);
    }
    result.output = QString::fromStdString(out);
    return result;
}

} // namespace Amo::GoText
