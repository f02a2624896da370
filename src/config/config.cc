#include "config/config.h"

#include "config/config_regex.h"

namespace mpx {
namespace {

Result<std::shared_ptr<const Regex>> CompileField(const OptionSet& o, Opt opt) {
  const Setting* s = o.Get(opt);
  if (s == nullptr) return std::shared_ptr<const Regex>();
  auto re = CompileConfigRegex(std::get<std::string>(s->value));
  if (!re.ok()) return re.error();
  return std::make_shared<const Regex>(std::move(re).value());
}

}  // namespace

std::string OptionSet::Text(Opt opt) const {
  const Setting* s = Get(opt);
  if (s == nullptr) return "";
  const auto* t = std::get_if<std::string>(&s->value);
  return t ? *t : "";
}

bool OptionSet::empty() const {
  for (const auto& v : values_) {
    if (v) return false;
  }
  return true;
}

bool DeviceEntry::Matches(const std::string& v, const std::string& p, const std::string& r) const {
  if (never_matches) return false;
  if (vendor && !vendor->Matches(v)) return false;
  if (product && !product->Matches(p)) return false;
  if (revision && !revision->Matches(r)) return false;
  return true;
}

Result<DeviceEntry> MakeDeviceEntry(OptionSet options, std::string where) {
  if (!options.Get(Opt::kVendor) || !options.Get(Opt::kProduct)) {
    return MakeError(where + ": device section missing vendor or product; ignored", 22);
  }
  DeviceEntry e{std::move(options), std::move(where), nullptr, nullptr, nullptr, false};
  auto v = CompileField(e.options, Opt::kVendor);
  auto p = CompileField(e.options, Opt::kProduct);
  auto r = CompileField(e.options, Opt::kRevision);
  if (!v.ok() || !p.ok() || !r.ok()) {  // the parser has warned
    e.never_matches = true;
    return e;
  }
  e.vendor = std::move(v).value();
  e.product = std::move(p).value();
  e.revision = std::move(r).value();
  return e;
}

}  // namespace mpx
