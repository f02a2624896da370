#include "config/load.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/unique_fd.h"

namespace mpx {
namespace {

// nullopt when the file does not exist.
Result<std::optional<std::string>> ReadText(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) {
    int err = errno;
    if (err == ENOENT) return std::optional<std::string>();
    return MakeError("cannot read " + path + ": " + std::strerror(err), err);
  }
  std::string text;
  char buf[8192];
  while (true) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      return MakeError("cannot read " + path + ": " + std::strerror(err), err);
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  return std::optional<std::string>(std::move(text));
}

}  // namespace

std::vector<DeviceEntry> BuiltinHardwareTable() { return {}; }

Result<std::vector<std::string>> ListDropIns(const std::string& conf_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(conf_dir, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return names;
    return MakeError("cannot read " + conf_dir + ": " + ec.message(), ec.value());
  }
  for (const fs::directory_entry& e : it) {
    std::string name = e.path().filename().string();
    if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".conf") != 0) continue;
    if (!e.is_regular_file(ec)) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (std::string& n : names) n = (fs::path(conf_dir) / n).string();
  return names;
}

Result<ParsedConfig> LoadConfig(const std::string& path, const std::string& conf_dir) {
  std::vector<ConfigSource> sources;
  auto main = ReadText(path);
  if (!main.ok()) return main.error();
  if (*main) sources.push_back({path, std::move(**main), false});
  auto dropins = ListDropIns(conf_dir);
  if (!dropins.ok()) return dropins.error();
  for (const std::string& file : *dropins) {
    auto text = ReadText(file);
    if (!text.ok()) return text.error();
    if (*text) sources.push_back({file, std::move(**text), true});
  }
  auto parsed = ParseConfig(sources);
  if (!parsed.ok()) return parsed.error();
  parsed->config.builtin_devices = BuiltinHardwareTable();
  return parsed;
}

}  // namespace mpx
