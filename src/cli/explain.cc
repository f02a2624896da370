#include "cli/explain.h"

#include <sys/sysmacros.h>

#include <algorithm>
#include <set>

#include "config/keywords.h"
#include "config/resolve.h"
#include "discovery/discover.h"
#include "engine/setup.h"
#include "engine/shape.h"
#include "engine/state_files.h"
#include "model/candidate_map.h"
#include "output/json_writer.h"
#include "state/bindings.h"

namespace mpx {
namespace {

// One blacklist or exception rule checked against a path.
struct RuleCheck {
  std::string section;  // "blacklist" or "blacklist_exceptions"
  std::string kind;     // devnode, device, protocol, property, wwid
  std::string pattern;
  std::string origin;  // "file:line" or "built-in"
  bool matched = false;
};

struct PathExplained {
  const Path* path = nullptr;
  std::vector<RuleCheck> rules;
  std::optional<std::string> blacklisted;  // the deciding reason
};

struct SettingExplained {
  std::string keyword, value, origin;
};

const char* KindName(Blacklist::Kind k) {
  switch (k) {
    case Blacklist::Kind::kDevnode:
      return "devnode";
    case Blacklist::Kind::kProperty:
      return "property";
    case Blacklist::Kind::kProtocol:
      return "protocol";
    case Blacklist::Kind::kWwid:
      return "wwid";
  }
  return "";
}

PathExplained ExplainPath(const Blacklist& bl, const Path& p, const UdevDb& udev,
                          const std::string& uid_attribute) {
  PathExplained out;
  out.path = &p;
  std::vector<std::string> props;
  auto db = udev.Lookup(makedev(p.major, p.minor));
  if (db) {
    for (const auto& [name, value] : *db) props.push_back(name);
  }
  const std::string protocol = ProtocolName(p);
  auto value_of = [&](Blacklist::Kind k) -> std::vector<std::string> {
    switch (k) {
      case Blacklist::Kind::kDevnode:
        return {p.dev};
      case Blacklist::Kind::kProtocol:
        return {protocol};
      case Blacklist::Kind::kWwid:
        return {p.wwid};
      case Blacklist::Kind::kProperty:
        return props;
    }
    return {};
  };
  for (bool exceptions : {false, true}) {
    const std::string section = exceptions ? "blacklist_exceptions" : "blacklist";
    for (Blacklist::Kind k : {Blacklist::Kind::kDevnode, Blacklist::Kind::kProtocol,
                              Blacklist::Kind::kProperty, Blacklist::Kind::kWwid}) {
      for (const BlacklistEntry& e : bl.Entries(k, exceptions)) {
        const std::vector<std::string> values = value_of(k);
        bool m = std::any_of(values.begin(), values.end(),
                             [&](const std::string& v) { return e.regex.Matches(v); });
        out.rules.push_back({section, KindName(k), e.regex.pattern(), e.origin, m});
      }
    }
    for (const BlacklistDeviceEntry& d : bl.Devices(exceptions)) {
      bool m =
          (!d.vendor || d.vendor->Matches(p.vendor)) && (!d.product || d.product->Matches(p.model));
      std::string pattern = "vendor \"" + (d.vendor ? d.vendor->pattern() : "") + "\" product \"" +
                            (d.product ? d.product->pattern() : "") + "\"";
      out.rules.push_back({section, "device", pattern, d.origin, m});
    }
  }
  // The decision, in the order the paths are examined.
  out.blacklisted = bl.CheckDevnode(p.dev);
  if (!out.blacklisted) out.blacklisted = bl.CheckDevice(p.vendor, p.model);
  if (!out.blacklisted) out.blacklisted = bl.CheckProtocol(protocol);
  if (!out.blacklisted && db) {
    const bool uid_seen = !uid_attribute.empty() && db->count(uid_attribute) > 0;
    out.blacklisted = bl.CheckProperties(props, uid_seen);
  }
  if (!out.blacklisted) out.blacklisted = bl.CheckWwid(p.wwid);
  return out;
}

// Where an effective value comes from, in words a person can check.
std::string OriginOf(const Selection& sel, Opt opt, const Effective& e) {
  switch (e.origin) {
    case Origin::kMultipaths:
      return "multipaths entry at " + e.where;
    case Origin::kOverrides:
      return "overrides at " + e.where;
    case Origin::kDefaults:
      return "defaults at " + e.where;
    case Origin::kInternal:
      return "default";
    case Origin::kDevices:
      for (const DeviceEntry* d : sel.device_entries()) {
        if (d->options.Get(opt) == nullptr) continue;
        if (d->where != "built-in") return "device entry at " + d->where;
        return "built-in device \"" + d->options.Text(Opt::kVendor) + "\" \"" +
               d->options.Text(Opt::kProduct) + "\"";
      }
      return "device entry";
  }
  return "";
}

std::vector<SettingExplained> EffectiveSettings(const Config& config, const Path& p,
                                                const std::string& wwid) {
  Selection sel(config, DeviceIdentity{p.vendor, p.model, p.rev, ProtocolName(p)}, wwid);
  std::vector<SettingExplained> out;
  std::set<Opt> seen;  // a synonym ("checker") shares its keyword's row
  for (const Keyword& kw : KeywordTable()) {
    if (!seen.insert(kw.opt).second) continue;
    if ((kw.scopes & (kInDevice | kInMultipath)) == 0 || kw.opt == Opt::kVendor ||
        kw.opt == Opt::kProduct || kw.opt == Opt::kRevision || kw.opt == Opt::kWwid) {
      continue;
    }
    if (kw.status != Keyword::kCurrent) continue;  // deprecated synonyms: their keyword shows
    auto e = sel.Find(kw.opt);
    if (!e) continue;
    out.push_back({std::string(kw.name), FormatValue(kw, e->value), OriginOf(sel, kw.opt, *e)});
  }
  return out;
}

std::string Text(const std::string& wwid, const std::vector<PathExplained>& paths,
                 const MultipathVerdict& verdict, const std::vector<SettingExplained>& settings) {
  std::string out = "WWID " + wwid + "\n";
  for (const PathExplained& pe : paths) {
    const Path& p = *pe.path;
    out += "\npath " + p.dev + " (" + p.DevT() + ") " + p.vendor + "," + p.model + " " +
           ProtocolName(p) + ", WWID from " + p.wwid_source + "\n";
    for (const RuleCheck& r : pe.rules) {
      const std::string pattern = r.kind == "device" ? r.pattern : "\"" + r.pattern + "\"";
      out += "  " + r.section + " " + r.kind + " " + pattern + " (" + r.origin +
             "): " + (r.matched ? "matches" : "no match") + "\n";
    }
    out +=
        pe.blacklisted ? "  => blacklisted: " + *pe.blacklisted + "\n" : "  => not blacklisted\n";
  }
  out += "\nfind_multipaths: " + verdict.why + " => " +
         (verdict.multipath ? "multipathed" : "not multipathed") + "\n";
  out += "\nsettings (for " + paths.front().path->dev + "):\n";
  size_t width = 0;
  for (const SettingExplained& s : settings)
    width = std::max(width, s.keyword.size() + s.value.size() + 1);
  for (const SettingExplained& s : settings) {
    std::string kv = s.keyword + " " + s.value;
    out += "  " + kv + std::string(width - kv.size() + 2, ' ') + "(" + s.origin + ")\n";
  }
  return out;
}

std::string Json(const std::string& wwid, const std::vector<PathExplained>& paths,
                 const MultipathVerdict& verdict, const std::vector<SettingExplained>& settings) {
  JsonWriter w;
  w.BeginObject().Field("wwid", wwid).Key("paths").BeginArray();
  for (const PathExplained& pe : paths) {
    const Path& p = *pe.path;
    w.BeginObject()
        .Field("dev", p.dev)
        .Field("dev_t", p.DevT())
        .Field("vendor", p.vendor)
        .Field("product", p.model)
        .Field("protocol", ProtocolName(p))
        .Field("wwid_source", p.wwid_source)
        .Key("rules")
        .BeginArray();
    for (const RuleCheck& r : pe.rules) {
      w.BeginObject()
          .Field("section", r.section)
          .Field("kind", r.kind)
          .Field("pattern", r.pattern)
          .Field("origin", r.origin)
          .Field("matched", r.matched)
          .EndObject();
    }
    w.EndArray().Field("blacklisted", pe.blacklisted.has_value());
    if (pe.blacklisted) w.Field("reason", *pe.blacklisted);
    w.EndObject();
  }
  w.EndArray()
      .Key("find_multipaths")
      .BeginObject()
      .Field("multipath", verdict.multipath)
      .Field("why", verdict.why)
      .EndObject()
      .Key("settings")
      .BeginArray();
  for (const SettingExplained& s : settings) {
    w.BeginObject()
        .Field("keyword", s.keyword)
        .Field("value", s.value)
        .Field("origin", s.origin)
        .EndObject();
  }
  w.EndArray().EndObject();
  return w.Take() + "\n";
}

// The WWID the target names: a path's, a WWID, or a map's (device-mapper,
// else the bindings file).
std::optional<std::string> TargetWwid(const std::string& target, const PathSet& all, Env& env) {
  const std::string dev = target.rfind("/dev/", 0) == 0 ? target.substr(5) : target;
  for (const Path& p : all) {
    if (p.dev == dev || p.DevT() == target || p.wwid == target) return p.wwid;
  }
  if (env.dm.Availability().available()) {
    if (auto info = env.dm.Info(target); info.ok() && info->uuid.rfind("mpath-", 0) == 0) {
      return info->uuid.substr(6);
    }
  }
  if (auto text = env.files.Read(env.paths.bindings_file); text.ok() && text->has_value()) {
    BindingsFile b = ParseBindings(**text, env.paths.bindings_file);
    for (const Binding& binding : b.bindings) {
      if (binding.alias == target) return binding.wwid;
    }
  }
  return std::nullopt;
}

}  // namespace

CommandOutput RunExplain(const ExplainRequest& req, Env& env) {
  CommandOutput r;
  auto setup = LoadSetup(env.files, env.paths);
  if (!setup.ok()) return Fail(r, env.log, setup.error().message);
  ReportConfigWarnings(*setup, env.log);
  // Every path, blacklisted or not: the blacklist is explained here.
  DiscoveryResult found = DiscoverEveryPath(env, setup->config());
  auto wwid = TargetWwid(req.target, found.paths, env);
  if (!wwid) return Fail(r, env.log, req.target + ": no such path, WWID or map");

  std::vector<PathExplained> paths;
  CandidateMap candidate;
  candidate.wwid = *wwid;
  for (const Path& p : found.paths) {
    if (p.wwid != *wwid) continue;
    paths.push_back(
        ExplainPath(setup->blacklist, p, env.udev, UidAttributeFor(setup->config(), p)));
    if (!paths.back().blacklisted) candidate.paths.push_back(p.id());
  }
  if (paths.empty()) return Fail(r, env.log, req.target + ": no path of " + *wwid + " found");

  bool exists = false;
  if (env.dm.Availability().available()) exists = env.dm.InfoByUuid("mpath-" + *wwid).ok();
  auto wwids = LoadWwids(env.files, env.paths.wwids_file);
  MultipathVerdict verdict =
      candidate.paths.empty()
          ? MultipathVerdict{false, *wwid + ": every path is blacklisted"}
          : FindMultipathsVerdict(setup->find_multipaths, candidate, exists, false,
                                  wwids.ok() ? *wwids : WwidsFile{}, false);
  const Path& first =
      candidate.paths.empty() ? *paths.front().path : found.paths.at(candidate.paths.front());
  std::vector<SettingExplained> settings = EffectiveSettings(setup->config(), first, *wwid);
  r.out = req.json ? Json(*wwid, paths, verdict, settings) : Text(*wwid, paths, verdict, settings);
  return r;
}

}  // namespace mpx
