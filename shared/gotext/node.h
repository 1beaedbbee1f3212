// SPDX-License-Identifier: MIT
// Parse tree node of a template, mirroring Go's text/template/parse nodes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace Amo::GoText {

/** One parse-tree node (a plain aggregate); which members are used depends on type (see the comments). */
struct Node
{
    enum class Type {
        Text,
        Action,
        Bool,
        Chain,
        Command,
        Dot,
        Field,
        Identifier,
        If,
        List,
        Nil,
        Number,
        Pipe,
        Range,
        String,
        Template,
        Variable,
        With,
        Comment,
        Break,
        Continue,
        Else,
        End
    };
    using Ptr = std::unique_ptr<Node>;

    Node(Type nodeType, int position)
        : type(nodeType)
        , pos(position)
    {
    }

    Type type;
    int pos; // byte offset in the template text
    int line = 0;
    std::string text; // Text, Comment, Identifier, String (unquoted), Number (as written), Template (name)
    std::string quoted; // String: as written, with quotes
    std::vector<std::string> ident; // Field, Variable (name then fields), Chain (fields)
    std::vector<Ptr> nodes; // List items, Command args, Pipe commands
    std::vector<Ptr> decl; // Pipe: declared or assigned variables
    bool isAssign = false; // Pipe: "=" rather than ":="
    bool boolValue = false; // Bool
    Ptr pipe; // Action, If, Range, With, Template
    Ptr list; // If, Range, With
    Ptr elseList; // If, Range, With
    Ptr chainBase; // Chain: the node the fields apply to

    struct Number
    {
        bool isInt = false;
        bool isUint = false;
        bool isFloat = false;
        bool isComplex = false;
        std::int64_t i = 0;
        std::uint64_t u = 0;
        double f = 0;
        double re = 0;
        double im = 0;
    } number;

    /** Go's Node.String(): the source-like form used in execution error contexts. */
    std::string toString() const;
    void writeTo(std::string &out) const;
};

} // namespace Amo::GoText
