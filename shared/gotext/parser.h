// SPDX-License-Identifier: MIT
// Recursive-descent parser for Go's text/template syntax.
#pragma once

#include "lexer.h"
#include "node.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace Amo::GoText {

/** Thrown on a parse error; message is Go's complete error text. */
struct ParseFailure
{
    std::string message;
};

/**
 * One Go parse.Tree while it is being parsed. The top-level template and every {{define}} and {{block}} get
 * their own Parser, sharing one token stream and one set of finished trees, exactly as Go's parser does;
 * that sharing is what makes Go's line numbers in error messages come out the same.
 */
class Parser
{
public:
    using TreeSet = std::map<std::string, std::unique_ptr<Node>>;
    struct Shared
    {
        std::string parseName;
        std::vector<Item> items;
        std::size_t next = 0;
        std::set<std::string> functions;
        TreeSet trees;
        int depth = 0;
    };

    /** Parses text as template name; returns all trees by name, or throws ParseFailure. */
    static TreeSet parse(const std::string &name, const std::string &text, const std::set<std::string> &functions);

private:
    Parser(Shared &shared, std::string name);

    Item nextItem();
    void backup() { ++m_peekCount; }
    void backup2(const Item &t1);
    void backup3(const Item &t2, const Item &t1);
    Item peek();
    Item nextNonSpace();
    Item peekNonSpace();
    [[noreturn]] void errorf(const std::string &message) const;
    Item expect(Item::Type expected, const std::string &context);
    Item expectOneOf(Item::Type a, Item::Type b, const std::string &context);
    [[noreturn]] void unexpected(const Item &token, const std::string &context) const;

    void parseTop();
    void parseDefinition();
    void add();
    static bool isEmptyTree(const Node *n);
    Node::Ptr itemList(Node::Ptr *end);
    Node::Ptr textOrAction();
    Node::Ptr action();
    Node::Ptr breakOrContinue(const Item &token, Node::Type type, const std::string &word);
    Node::Ptr pipeline(const std::string &context, Item::Type end);
    void checkPipeline(const Node &pipe, const std::string &context) const;
    Node::Ptr parseControl(Node::Type type, bool allowElseIf, const std::string &context);
    Node::Ptr elseControl();
    Node::Ptr endControl();
    Node::Ptr blockControl();
    Node::Ptr templateControl();
    std::string parseTemplateName(const Item &token, const std::string &context) const;
    Node::Ptr command();
    Node::Ptr operand();
    Node::Ptr term();
    Node::Ptr newNumber(const Item &token) const;
    Node::Ptr useVar(int pos, const std::string &name) const;
    static Node::Ptr newVariable(int pos, const std::string &name);
    static Node::Ptr newField(int pos, const std::string &name);

    Shared &m_shared;
    std::string m_name;
    Node::Ptr m_root;
    Item m_token[3];
    int m_peekCount = 0;
    std::vector<std::string> m_vars;
    int m_actionLine = 0;
    int m_rangeDepth = 0;
};

} // namespace Amo::GoText
