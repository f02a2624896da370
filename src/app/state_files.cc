#include "app/state_files.h"

#include <cerrno>

#include "base/atomic_file.h"

namespace mpx {

Result<std::string> ReadStateFile(const std::string& path) {
  auto r = ReadWholeFile(path);
  if (!r.ok() && r.error().code == ENOENT) return std::string();
  return r;
}

Result<WwidsFile> LoadWwids(const std::string& path) {
  auto text = ReadStateFile(path);
  if (!text.ok()) return text.error();
  return ParseWwids(text.value(), path);
}

}  // namespace mpx
