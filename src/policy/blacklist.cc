#include "policy/blacklist.h"

namespace mpx {
namespace {

Status Add(std::vector<BlacklistEntry>& list, const std::string& pattern, std::string origin) {
  auto re = Regex::Compile(pattern);
  if (!re.ok()) return re.error();
  list.push_back({std::move(re).value(), std::move(origin)});
  return {};
}

}  // namespace

Blacklist Blacklist::BuiltIn() {
  Blacklist b;
  Status s = b.AddDevnode("!^(sd[a-z]|dasd[a-z]|nvme[0-9])", "built-in");
  (void)s;  // a constant pattern; covered by tests
  return b;
}

Status Blacklist::AddDevnode(const std::string& p, std::string o) { return Add(devnode_, p, std::move(o)); }
Status Blacklist::AddDevnodeException(const std::string& p, std::string o) {
  return Add(devnode_except_, p, std::move(o));
}
Status Blacklist::AddWwid(const std::string& p, std::string o) { return Add(wwid_, p, std::move(o)); }
Status Blacklist::AddWwidException(const std::string& p, std::string o) {
  return Add(wwid_except_, p, std::move(o));
}

std::optional<std::string> Blacklist::Check(const std::vector<BlacklistEntry>& entries,
                                            const std::vector<BlacklistEntry>& exceptions,
                                            const std::string& what, const std::string& value) {
  for (const auto& e : exceptions) {
    if (e.regex.Matches(value)) return std::nullopt;
  }
  for (const auto& e : entries) {
    if (e.regex.Matches(value)) {
      return what + " blacklisted by " + what + " \"" + e.regex.pattern() + "\" (" + e.origin + ")";
    }
  }
  return std::nullopt;
}

std::optional<std::string> Blacklist::CheckDevnode(const std::string& dev) const {
  return Check(devnode_, devnode_except_, "devnode", dev);
}

std::optional<std::string> Blacklist::CheckWwid(const std::string& wwid) const {
  return Check(wwid_, wwid_except_, "wwid", wwid);
}

}  // namespace mpx
