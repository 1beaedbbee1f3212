// SPDX-License-Identifier: MIT
#include "shared/model/skip.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

QString Skip::kindName(Kind kind)
{
    switch (kind) {
    case Kind::TemplateError:
        return u"TemplateError"_s;
    case Kind::NoNamespace:
        return u"NoNamespace"_s;
    case Kind::IgnoredNamespace:
        return u"IgnoredNamespace"_s;
    case Kind::InvalidNamespace:
        return u"InvalidNamespace"_s;
    case Kind::DuplicateNamespace:
        return u"DuplicateNamespace"_s;
    case Kind::InvalidName:
        return u"InvalidName"_s;
    }
    return QString();
}

} // namespace Amo::Model
