// Logger: where library code reports what it did and what went wrong, instead
// of returning strings or printing. Levels follow the reference's verbosity
// (-v0 errors only, -v1 warnings, -v2 the default, -v3 details, -v4 debug):
// a line is shown when its level is at most the verbosity.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpx {

enum class LogLevel : int { kError = 0, kWarning = 1, kNotice = 2, kInfo = 3, kDebug = 4 };

class Logger {
 public:
  virtual ~Logger() = default;
  virtual void Log(LogLevel level, std::string_view message) = 0;
  // Whether a line of `level` would be shown (so callers skip costly text).
  virtual bool Enabled(LogLevel level) const = 0;

  void Error(std::string_view m) { Log(LogLevel::kError, m); }
  void Warning(std::string_view m) { Log(LogLevel::kWarning, m); }
  void Notice(std::string_view m) { Log(LogLevel::kNotice, m); }
  void Info(std::string_view m) { Log(LogLevel::kInfo, m); }
  void Debug(std::string_view m) { Log(LogLevel::kDebug, m); }
};

// Keeps the lines up to a verbosity, in order; thread-safe. The one-shot
// commands collect their log this way, and tests read it.
class CaptureLogger : public Logger {
 public:
  explicit CaptureLogger(int verbosity = 4) : verbosity_(verbosity) {}
  void Log(LogLevel level, std::string_view message) override;
  bool Enabled(LogLevel level) const override { return static_cast<int>(level) <= verbosity_; }

  std::vector<std::pair<LogLevel, std::string>> lines() const;
  // Every line as text, each ending in '\n'.
  std::string Text() const;
  bool Contains(std::string_view fragment) const;

 private:
  int verbosity_;
  mutable std::mutex mu_;
  std::vector<std::pair<LogLevel, std::string>> lines_;
};

// Discards everything.
class NullLogger : public Logger {
 public:
  void Log(LogLevel, std::string_view) override {}
  bool Enabled(LogLevel) const override { return false; }
};

}  // namespace mpx
