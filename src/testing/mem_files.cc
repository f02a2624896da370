#include "testing/mem_files.h"

#include <cstring>

namespace mpx::testing {

Result<std::optional<std::string>> MemFiles::Read(const std::string& path) const {
  if (auto e = read_errors_.find(path); e != read_errors_.end()) {
    return MakeError("cannot read " + path + ": " + std::strerror(e->second), e->second);
  }
  auto it = files_.find(path);
  if (it == files_.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Status MemFiles::WriteWithMode(const std::string& path, std::string_view text, unsigned new_mode) {
  if (auto e = write_errors_.find(path); e != write_errors_.end()) {
    return MakeError("cannot write " + path + ": " + std::strerror(e->second), e->second);
  }
  files_[path] = std::string(text);
  modes_.emplace(path, new_mode);
  ++write_count_[path];
  return {};
}

Result<std::vector<std::string>> MemFiles::List(const std::string& dir) const {
  std::vector<std::string> names;
  const std::string prefix = dir + "/";
  for (const auto& [path, text] : files_) {
    if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos) {
      names.push_back(path.substr(prefix.size()));
    }
  }
  return names;  // std::map keeps them sorted
}

Result<std::unique_ptr<FileLease>> MemFiles::Lock(const std::string& path) {
  locked_.insert(path);
  return std::unique_ptr<FileLease>(std::make_unique<FileLease>());
}

Result<std::string> MemFiles::RealPath(const std::string& path) const {
  auto it = links_.find(path);
  return it == links_.end() ? path : it->second;
}

std::optional<std::string> MemFiles::Get(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

int MemFiles::writes(const std::string& path) const {
  auto it = write_count_.find(path);
  return it == write_count_.end() ? 0 : it->second;
}

}  // namespace mpx::testing
