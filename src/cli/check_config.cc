#include "cli/check_config.h"

#include "config/hwtable.h"
#include "config/lint.h"
#include "discovery/discover.h"
#include "engine/config_files.h"
#include "engine/setup.h"
#include "policy/blacklist.h"

namespace mpx {
namespace {

// Every SCSI path on the machine, blacklisted or not: the rules are checked
// against all of them.
PresentSystem FindPresent(Env& env, const Config& config) {
  PresentSystem present;
  DiscoveryResult found = DiscoverEveryPath(env, config);
  present.known = true;
  for (const Path& p : found.paths) {
    present.devices.push_back({p.dev, p.wwid, {p.vendor, p.model, p.rev, ProtocolName(p)}});
  }
  return present;
}

}  // namespace

CommandOutput RunCheckConfig(const CheckConfigRequest& req, Env& env) {
  CommandOutput r;
  Result<ParsedConfig> parsed = MakeError("", 0);
  if (req.file.empty()) {
    parsed = LoadConfig(env.files, env.paths.config_file, env.paths.config_dir);
  } else {
    auto text = env.files.Read(req.file);
    if (!text.ok() || !text->has_value()) {
      r.out = req.file + ": error: " + (text.ok() ? "no such file" : text.error().message) +
              "\n1 error, 0 warnings\n";
      r.exit_code = 1;
      return r;
    }
    parsed = ParseConfig(**text, req.file);
    if (parsed.ok()) parsed->config.builtin_devices = BuiltinHardwareTable();
  }
  if (!parsed.ok()) {  // what the tools refuse to run with: it names file:line
    LintFinding f = FindingFromMessage(parsed.error().message);
    f.error = true;
    r.out = FormatFindings({f});
    r.exit_code = 1;
    return r;
  }
  std::vector<LintFinding> findings = LintConfig(*parsed, FindPresent(env, parsed->config));
  r.out = FormatFindings(findings);
  for (const LintFinding& f : findings) {
    if (f.error) r.exit_code = 1;
  }
  return r;
}

}  // namespace mpx
