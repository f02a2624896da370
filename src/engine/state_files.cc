#include "engine/state_files.h"

namespace mpx {

Result<std::string> ReadStateFile(const Files& files, const std::string& path) {
  auto r = files.Read(path);
  if (!r.ok()) return r.error();
  return r->value_or("");
}

Result<WwidsFile> LoadWwids(const Files& files, const std::string& path) {
  auto text = ReadStateFile(files, path);
  if (!text.ok()) return text.error();
  return ParseWwids(text.value(), path);
}

}  // namespace mpx
