#include "cmd/kpartx_options.h"

#include <cerrno>

namespace mpx {

Result<KpartxOptions> ParseKpartxOptions(const std::vector<std::string>& args) {
  KpartxOptions o;
  bool have_device = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 2 || a[0] != '-') {
      if (have_device) return MakeError("one device only: " + a, EINVAL);
      o.device = a;
      have_device = true;
      continue;
    }
    for (size_t k = 1; k < a.size(); ++k) {
      switch (a[k]) {
        case 'a':
          o.op = KpartxOp::kAdd;
          break;
        case 'd':
          o.op = KpartxOp::kDelete;
          break;
        case 'u':
          o.op = KpartxOp::kUpdate;
          break;
        case 'l':
          o.op = KpartxOp::kList;
          break;
        case 'r':
          o.read_only = true;
          break;
        case 'g':
          o.force_gpt = true;
          break;
        case 'v':
          o.verbose = true;
          break;
        case 'f':
        case 's':
        case 'n':
          break;  // udev decides when nodes appear
        case 'p':
        case 't': {
          std::string value;
          if (k + 1 < a.size()) {
            value = a.substr(k + 1);
          } else if (i + 1 < args.size()) {
            value = args[++i];
          } else {
            return MakeError(a[k] == 'p' ? "-p needs a delimiter" : "-t needs a format", EINVAL);
          }
          if (a[k] == 'p') {
            o.delimiter = value;
          } else {
            o.type = value;
          }
          k = a.size();
          break;
        }
        default:
          return MakeError(std::string("unknown option -") + a[k], EINVAL);
      }
    }
  }
  if (!have_device) return MakeError("no device given", EINVAL);
  return o;
}

std::string KpartxUsage() {
  return "Usage:\n"
         "  kpartx [-a|-d|-u|-l] [-r] [-p] [-f] [-g] [-s|-n] [-v] wholedisk\n"
         "\t-a add partition devmappings\n"
         "\t-r devmappings will be readonly\n"
         "\t-d del partition devmappings\n"
         "\t-u update partition devmappings\n"
         "\t-l list partitions devmappings that would be added by -a\n"
         "\t-p set device name-partition number delimiter\n"
         "\t-g force GUID partition table (GPT)\n"
         "\t-f force devmap create\n"
         "\t-v verbose\n"
         "\t-n nosync mode. Return before the partitions are created\n"
         "\t-s sync mode (Default). Don't return until the partitions are created\n";
}

}  // namespace mpx
