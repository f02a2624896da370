// kpartx's command line, as the reference's: kpartx [-a|-d|-u|-l] [-r] [-p
// delim] [-t format] [-f] [-g] [-s|-n] [-v] DEVICE (-t is not in its usage
// text but is accepted); flags may be joined ("-un"), -p and -t take the rest
// of their word or the next one.
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
  std::string type;                      // -t: read this format only
  bool verbose = false;                  // -v
  std::string device;
};

Result<KpartxOptions> ParseKpartxOptions(const std::vector<std::string>& args);
std::string KpartxUsage();

}  // namespace mpx
