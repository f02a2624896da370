#include "engine/config_files.h"

#include "config/hwtable.h"

namespace mpx {

Result<std::vector<std::string>> ListDropIns(const Files& files, const std::string& conf_dir) {
  auto names = files.List(conf_dir);
  if (!names.ok()) return names.error();
  std::vector<std::string> out;
  for (const std::string& name : names.value()) {
    if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".conf") != 0) continue;
    out.push_back(conf_dir + "/" + name);
  }
  return out;
}

Result<ParsedConfig> LoadConfig(const Files& files, const std::string& path,
                                const std::string& conf_dir) {
  std::vector<ConfigSource> sources;
  auto main = files.Read(path);
  if (!main.ok()) return main.error();
  if (*main) sources.push_back({path, std::move(**main), false});
  auto dropins = ListDropIns(files, conf_dir);
  if (!dropins.ok()) return dropins.error();
  for (const std::string& file : *dropins) {
    auto text = files.Read(file);
    if (!text.ok()) return text.error();
    if (*text) sources.push_back({file, std::move(**text), true});
  }
  auto parsed = ParseConfig(sources);
  if (!parsed.ok()) return parsed.error();
  parsed->config.builtin_devices = BuiltinHardwareTable();
  return parsed;
}

}  // namespace mpx
