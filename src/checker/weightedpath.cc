#include "checker/weightedpath.h"

#include <regex.h>

#include "base/strings.h"
#include "scsi/vpd.h"

namespace mpx {
namespace {

std::string Attr(const Sysfs* sysfs, const std::string& path) {
  if (sysfs == nullptr) return "[unknown]";
  auto v = sysfs->Read(path);
  return v.ok() ? std::string(Trim(*v)) : "[unknown]";
}

// The path's serial; discovery reads it only for group_by_serial maps, so
// read VPD page 0x80 from sysfs when it is not known yet.
std::string Serial(const Sysfs* sysfs, const Path& p) {
  if (!p.serial.empty() || sysfs == nullptr) return p.serial;
  auto page = sysfs->Read("block/" + p.dev + "/device/vpd_pg80");
  if (!page.ok()) return "";
  const auto* bytes = reinterpret_cast<const uint8_t*>(page->data());
  auto serial = scsi::WwidFromVpd80({bytes, page->size()});
  return serial.ok() ? serial.value() : "";
}

std::string Subject(const std::string& key, const PrioIo& io, const Path& p) {
  if (key == "hbtl") return p.hctl.ToString();
  if (key == "devname") return p.dev;
  if (key == "serial") return Serial(io.sysfs, p);
  return WeightedPathWwn(io.sysfs, p);
}

bool RegexMatches(const std::string& pattern, const std::string& text) {
  regex_t re;
  if (regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB) != 0) return false;
  bool match = regexec(&re, text.c_str(), 0, nullptr, 0) == 0;
  regfree(&re);
  return match;
}

}  // namespace

std::string WeightedPathWwn(const Sysfs* sysfs, const Path& p) {
  const bool fc = p.transport == "fc";
  const std::string host = "class/fc_host/host" + std::to_string(p.hctl.host) + "/";
  const std::string target = "class/fc_transport/target" + std::to_string(p.hctl.host) + ":" +
                             std::to_string(p.hctl.channel) + ":" + std::to_string(p.hctl.target) +
                             "/";
  std::string s = fc ? Attr(sysfs, host + "node_name") : "[undef]";
  s += ":" + (fc ? Attr(sysfs, host + "port_name") : "[undef]");
  s += ":" + (p.target_node_name.empty() ? "[undef]" : p.target_node_name);
  s += ":" + (fc ? Attr(sysfs, target + "port_name") : "[undef]");
  return s;
}

int WeightedPathPriority(const WeightedPathArgs& args, const std::string& subject) {
  for (const auto& [regex, prio] : args.rules) {
    if (RegexMatches(regex, subject)) return AtoiPrefix(prio);
  }
  return 0;
}

PrioResult WeightedPathPrio(const PrioRequest& q) {
  auto args = ParseWeightedPathArgs(q.args);
  if (!args.ok()) return {0, q.path.dev + ": weightedpath - " + args.error().message};
  return {WeightedPathPriority(*args, Subject(args->key, q.io, q.path)), ""};
}

}  // namespace mpx
