#include "config/printer.h"

#include "policy/blacklist.h"

namespace mpx {
namespace {

class Printer {
 public:
  explicit Printer(bool merged) : merged_(merged) {}

  void Options(const OptionSet& o, unsigned scope, int depth, bool with_defaults) {
    for (const Keyword& kw : KeywordTable()) {
      if (!(kw.scopes & scope)) continue;
      if (const Setting* s = o.Get(kw.opt)) {
        Line(depth, std::string(kw.name) + " " + FormatValue(kw, s->value));
      } else if (with_defaults) {
        if (auto v = CompiledDefault(kw)) {
          Line(depth, std::string(kw.name) + " " + FormatValue(kw, *v));
        }
      }
    }
  }

  void Blacklist(const char* name, const BlacklistSection& b, Opt builtin_kind,
                 const char* builtin_pattern) {
    if (!merged_ && b.empty()) return;
    Line(0, std::string(name) + " {");
    for (const Keyword& kw : KeywordTable()) {
      if (!(kw.scopes & kInBlacklist)) continue;
      for (const BlacklistItem& item : b.items) {
        if (item.kind == kw.opt)
          Line(1, std::string(kw.name) + " " + FormatValue(kw, item.pattern));
      }
      if (merged_ && kw.opt == builtin_kind) {
        Line(1, std::string(kw.name) + " " + FormatValue(kw, std::string(builtin_pattern)));
      }
    }
    for (const BlacklistDevice& d : b.devices) {
      Entry("device", d.options, kInBlacklistDevice);
    }
    Line(0, "}");
  }

  void Entry(const char* name, const OptionSet& o, unsigned scope) {
    Line(1, std::string(name) + " {");
    Options(o, scope, 2, false);
    Line(1, "}");
  }

  void Line(int depth, const std::string& text) {
    out_.append(static_cast<size_t>(depth), '\t');
    out_ += text;
    out_ += '\n';
  }

  std::string& out() { return out_; }
  bool merged() const { return merged_; }

 private:
  bool merged_;
  std::string out_;
};

}  // namespace

std::string PrintConfig(const Config& c, const PrintOptions& options) {
  Printer p(options.merged);
  if (p.merged() || !c.defaults.empty()) {
    p.Line(0, "defaults {");
    p.Options(c.defaults, kInDefaults, 1, p.merged());
    p.Line(0, "}");
  }
  p.Blacklist("blacklist", c.blacklist, Opt::kBlDevnode, kBuiltinDevnodeBlacklist);
  p.Blacklist("blacklist_exceptions", c.blacklist_exceptions, Opt::kBlProperty,
              kBuiltinPropertyException);
  bool any_devices = !c.devices.empty() || (p.merged() && !c.builtin_devices.empty());
  if (p.merged() || any_devices) {
    p.Line(0, "devices {");
    if (p.merged()) {
      for (const DeviceEntry& d : c.builtin_devices) p.Entry("device", d.options, kInDevice);
    }
    for (const DeviceEntry& d : c.devices) p.Entry("device", d.options, kInDevice);
    p.Line(0, "}");
  }
  if (p.merged() || !c.overrides.empty()) {
    p.Line(0, "overrides {");
    p.Options(c.overrides, kInOverrides, 1, false);
    p.Line(0, "}");
  }
  if (!c.multipaths.empty()) {
    p.Line(0, "multipaths {");
    for (const MultipathEntry& m : c.multipaths) p.Entry("multipath", m.options, kInMultipath);
    p.Line(0, "}");
  }
  return std::move(p.out());
}

}  // namespace mpx
