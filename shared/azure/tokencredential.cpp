// SPDX-License-Identifier: MIT
#include "shared/azure/tokencredential.h"

// Here so AUTOMOC generates TokenCredential's meta-object in this library.
