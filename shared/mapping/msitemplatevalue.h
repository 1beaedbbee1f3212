// SPDX-License-Identifier: MIT
#pragma once

#include "shared/gotext/value.h"
#include "shared/model/msi.h"

namespace Amo::Mapping {

/** The data the namespace and name templates see for @p msi, shaped and typed like the original's Go struct. */
GoText::Value msiTemplateValue(const Model::Msi &msi);

} // namespace Amo::Mapping
