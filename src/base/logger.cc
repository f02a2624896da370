#include "base/logger.h"

namespace mpx {

void CaptureLogger::Log(LogLevel level, std::string_view message) {
  if (!Enabled(level)) return;
  std::lock_guard lock(mu_);
  lines_.emplace_back(level, std::string(message));
}

std::vector<std::pair<LogLevel, std::string>> CaptureLogger::lines() const {
  std::lock_guard lock(mu_);
  return lines_;
}

std::string CaptureLogger::Text() const {
  std::lock_guard lock(mu_);
  std::string out;
  for (const auto& [level, text] : lines_) out += text + "\n";
  return out;
}

bool CaptureLogger::Contains(std::string_view fragment) const {
  std::lock_guard lock(mu_);
  for (const auto& line : lines_) {
    if (line.second.find(fragment) != std::string::npos) return true;
  }
  return false;
}

}  // namespace mpx
