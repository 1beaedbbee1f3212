// SPDX-License-Identifier: MIT
// Parse tree node of a template, mirroring Go's text/template/parse nodes.
#include "node.h"

#include "goquote.h"

namespace Amo::GoText {

std::string Node::toString() const
{
    std::string out;
    writeTo(out);
    return out;
}

void Node::writeTo(std::string &out) const
{
    switch (type) {
    case Type::Text:
        out += text;
        return;
    case Type::Comment:
        out += "{{" + text + "}}";
        return;
    case Type::Action:
        out += "{{";
        pipe->writeTo(out);
        out += "}}";
        return;
    case Type::Pipe:
        if (!decl.empty()) {
            for (std::size_t i = 0; i < decl.size(); ++i) {
                if (i > 0)
                    out += ", ";
                decl[i]->writeTo(out);
            }
            out += " := ";
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i > 0)
                out += " | ";
            nodes[i]->writeTo(out);
        }
        return;
    case Type::Command:
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i > 0)
                out += ' ';
            if (nodes[i]->type == Type::Pipe) {
                out += '(';
                nodes[i]->writeTo(out);
                out += ')';
                continue;
            }
            nodes[i]->writeTo(out);
        }
        return;
    case Type::Identifier:
    case Type::Number:
        out += text;
        return;
    case Type::String:
        out += quoted;
        return;
    case Type::Variable:
        for (std::size_t i = 0; i < ident.size(); ++i) {
            if (i > 0)
                out += '.';
            out += ident[i];
        }
        return;
    case Type::Field:
        for (const auto &id : ident)
            out += "." + id;
        return;
    case Type::Chain:
        if (chainBase->type == Type::Pipe) {
            out += '(';
            chainBase->writeTo(out);
            out += ')';
        } else {
            chainBase->writeTo(out);
        }
        for (const auto &id : ident)
            out += "." + id;
        return;
    case Type::Dot:
        out += '.';
        return;
    case Type::Nil:
        out += "nil";
        return;
    case Type::Bool:
        out += boolValue ? "true" : "false";
        return;
    case Type::List:
        for (const auto &n : nodes)
            n->writeTo(out);
        return;
    case Type::If:
    case Type::Range:
    case Type::With:
        out += type == Type::If ? "{{if " : (type == Type::Range ? "{{range " : "{{with ");
        pipe->writeTo(out);
        out += "}}";
        list->writeTo(out);
        if (elseList) {
            out += "{{else}}";
            elseList->writeTo(out);
        }
        out += "{{end}}";
        return;
    case Type::Template:
        out += "{{template " + GoQuote::quote(text);
        if (pipe) {
            out += ' ';
            pipe->writeTo(out);
        }
        out += "}}";
        return;
    case Type::Break:
        out += "{{break}}";
        return;
    case Type::Continue:
        out += "{{continue}}";
        return;
    case Type::Else:
        out += "{{else}}";
        return;
    case Type::End:
        out += "{{end}}";
        return;
    }
}

} // namespace Amo::GoText
