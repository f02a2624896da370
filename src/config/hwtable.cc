#include "config/hwtable.h"

namespace mpx {

std::vector<DeviceEntry> BuiltinHardwareTable() { return {}; }

}  // namespace mpx
