#include "config/lint.h"

#include <algorithm>
#include <set>

#include "base/posix_regex.h"
#include "config/keywords.h"

namespace mpx {

LintFinding FindingFromMessage(const std::string& w) {
  LintFinding f;
  size_t colon = w.find(": ");
  size_t line_colon = w.rfind(':', colon == std::string::npos ? 0 : colon - 1);
  bool located = colon != std::string::npos && line_colon != std::string::npos &&
                 line_colon + 1 < colon &&
                 std::all_of(w.begin() + static_cast<long>(line_colon) + 1,
                             w.begin() + static_cast<long>(colon),
                             [](char c) { return c >= '0' && c <= '9'; });
  f.where = located ? w.substr(0, colon) : "";
  f.message = located ? w.substr(colon + 2) : w;
  // What only repeats itself or is on its way out still works as written.
  f.error = f.message.find("deprecated") == std::string::npos &&
            f.message.find("duplicate") == std::string::npos;
  return f;
}

namespace {

// A rule's pattern compiled once; one that does not compile matches nothing.
struct Pattern {
  explicit Pattern(const std::string& text) : re(Regex::Compile(text)) {}
  bool Matches(const std::string& text) const { return re.ok() && re->Matches(text); }
  Result<Regex> re;
};

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

void UnmatchedRules(const BlacklistSection& section, const char* name, const PresentSystem& present,
                    std::vector<LintFinding>* out) {
  for (const BlacklistItem& item : section.items) {
    const Pattern pattern(item.pattern);
    bool any = false;
    for (const PresentSystem::Device& d : present.devices) {
      if (item.kind == Opt::kBlDevnode) any = any || pattern.Matches(d.devnode);
      if (item.kind == Opt::kBlWwid) any = any || pattern.Matches(d.wwid);
      if (item.kind == Opt::kBlProtocol) any = any || pattern.Matches(d.id.protocol);
      if (item.kind == Opt::kBlProperty) any = true;  // udev properties are not looked at here
    }
    if (!any) {
      out->push_back({item.where, false,
                      std::string(name) + " " + std::string(KeywordFor(item.kind).name) + " " +
                          Quoted(item.pattern) + " matches no present device"});
    }
  }
  for (const BlacklistDevice& dev : section.devices) {
    const std::string vendor = dev.options.Text(Opt::kVendor);
    const std::string product = dev.options.Text(Opt::kProduct);
    const Pattern vendor_re(vendor), product_re(product);
    bool any = std::any_of(present.devices.begin(), present.devices.end(), [&](auto& d) {
      return (vendor.empty() || vendor_re.Matches(d.id.vendor)) &&
             (product.empty() || product_re.Matches(d.id.product));
    });
    if (!any) {
      out->push_back({dev.where, false,
                      std::string(name) + " device " + Quoted(vendor) + " " + Quoted(product) +
                          " matches no present device"});
    }
  }
}

// A user device entry whose every setting a later entry for the same
// vendor/product/revision sets again never takes effect.
void ShadowedDevices(const Config& c, std::vector<LintFinding>* out) {
  for (size_t i = 0; i < c.devices.size(); ++i) {
    const DeviceEntry& a = c.devices[i];
    for (size_t j = i + 1; j < c.devices.size(); ++j) {
      const DeviceEntry& b = c.devices[j];
      if (a.options.Text(Opt::kVendor) != b.options.Text(Opt::kVendor) ||
          a.options.Text(Opt::kProduct) != b.options.Text(Opt::kProduct) ||
          a.options.Text(Opt::kRevision) != b.options.Text(Opt::kRevision)) {
        continue;
      }
      bool covered = true;
      for (size_t k = 0; k < kOptCount && covered; ++k) {
        const Opt opt = static_cast<Opt>(k);
        covered = a.options.Get(opt) == nullptr || b.options.Get(opt) != nullptr;
      }
      if (covered) {
        out->push_back({a.where, false,
                        "device entry " + Quoted(a.options.Text(Opt::kVendor)) + " " +
                            Quoted(a.options.Text(Opt::kProduct)) +
                            " never takes effect: the one at " + b.where +
                            " sets all of its keywords again"});
        break;
      }
    }
  }
}

void DevLossShorterThanRetries(const Config& c, const PresentSystem& present,
                               std::vector<LintFinding>* out) {
  std::set<std::string> reported;
  auto check = [&](const DeviceIdentity& id, const std::string& wwid, const std::string& what) {
    Selection sel(c, id, wwid);
    auto loss = sel.Find(Opt::kDevLossTmo);
    const std::optional<int64_t> retry = RetrySeconds(c, sel);
    if (!loss || loss->number() <= 0 || !retry) return;
    const int64_t need = *retry;
    const int64_t npr = sel.Get(Opt::kNoPathRetry).number();
    const int64_t polling = Selection(c, {}, "").Get(Opt::kPollingInterval).number();
    if (need <= loss->number() || !reported.insert(loss->where).second) return;
    out->push_back(
        {loss->where.rfind("built-in", 0) == 0 ? "" : loss->where, false,
         "dev_loss_tmo " + std::to_string(loss->number()) + " is shorter than no_path_retry " +
             std::to_string(npr) + " x polling_interval " + std::to_string(polling) + " = " +
             std::to_string(need) + " s" + what + ": the paths would go before the retries end (" +
             std::to_string(need) + " s is used)"});
  };
  check({}, "", "");
  for (const PresentSystem::Device& d : present.devices) {
    check(d.id, d.wwid, " (for " + d.devnode + ", " + d.id.vendor + "," + d.id.product + ")");
  }
}

}  // namespace

std::vector<LintFinding> LintConfig(const ParsedConfig& parsed, const PresentSystem& present) {
  std::vector<LintFinding> out;
  for (const std::string& w : parsed.warnings) out.push_back(FindingFromMessage(w));
  ShadowedDevices(parsed.config, &out);
  if (present.known) {
    UnmatchedRules(parsed.config.blacklist, "blacklist", present, &out);
    UnmatchedRules(parsed.config.blacklist_exceptions, "blacklist_exceptions", present, &out);
  }
  DevLossShorterThanRetries(parsed.config, present, &out);
  return out;
}

std::string FormatFindings(const std::vector<LintFinding>& findings) {
  std::string out;
  size_t errors = 0;
  for (const LintFinding& f : findings) {
    errors += f.error ? 1 : 0;
    out += (f.where.empty() ? "" : f.where + ": ") + (f.error ? "error: " : "warning: ") +
           f.message + "\n";
  }
  const size_t warnings = findings.size() - errors;
  out += std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") +
         std::to_string(warnings) + (warnings == 1 ? " warning\n" : " warnings\n");
  return out;
}

}  // namespace mpx
