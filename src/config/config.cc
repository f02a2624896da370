#include "config/config.h"

namespace mpx {
namespace {

Result<std::shared_ptr<const Regex>> CompileField(const OptionSet& o, Opt opt) {
  const Setting* s = o.Get(opt);
  if (s == nullptr) return std::shared_ptr<const Regex>();
  auto re = Regex::Compile(std::get<std::string>(s->value));
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
  if (vendor && !vendor->Matches(v)) return false;
  if (product && !product->Matches(p)) return false;
  if (revision && !revision->Matches(r)) return false;
  return true;
}

Result<DeviceEntry> MakeDeviceEntry(OptionSet options, std::string where) {
  if (!options.Get(Opt::kVendor) || !options.Get(Opt::kProduct)) {
    return MakeError(where + ": device section missing vendor or product; ignored", 22);
  }
  DeviceEntry e{std::move(options), std::move(where), nullptr, nullptr, nullptr};
  auto v = CompileField(e.options, Opt::kVendor);
  auto p = CompileField(e.options, Opt::kProduct);
  auto r = CompileField(e.options, Opt::kRevision);
  for (auto* c : {&v, &p, &r}) {
    if (!c->ok()) return MakeError(e.where + ": " + c->error().message, 22);
  }
  e.vendor = std::move(v).value();
  e.product = std::move(p).value();
  e.revision = std::move(r).value();
  return e;
}

}  // namespace mpx
