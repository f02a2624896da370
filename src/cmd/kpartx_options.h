// kpartx's command line, as the reference's: kpartx [-a|-d|-u|-l] [-r] [-p
// delim] [-f] [-g] [-s|-n] [-v] DEVICE; flags may be joined ("-un"), -p takes
// the rest of its word or the next one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "cli/kpartx.h"

namespace mpx {

struct KpartxOptions {
  KpartxOp op = KpartxOp::kList;
  std::optional<std::string> delimiter;  // -p
  bool read_only = false;                // -r
  bool force_gpt = false;                // -g
  bool verbose = false;                  // -v
  std::string device;
};

Result<KpartxOptions> ParseKpartxOptions(const std::vector<std::string>& args);
std::string KpartxUsage();

}  // namespace mpx
