// DaemonLogger: multipathd's log. In the foreground (-d) each line goes to
// the sink (stdout) prefixed with the time of day, as the reference prints
// ("Dec 02 13:42:05 | sda: mark as failed"), unless -s; in the background
// the sink is syslog and adds its own stamp. A line is written when its
// level is at most the verbosity (-v, default 2). Thread-safe: checks log
// from the pool's threads.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "base/logger.h"

namespace mpx {

class DaemonLogger : public Logger {
 public:
  using Sink = std::function<void(LogLevel, std::string_view line)>;
  // `timestamp` gives the prefix for a line ("" for none).
  DaemonLogger(int verbosity, std::function<std::string()> timestamp, Sink sink)
      : verbosity_(verbosity), timestamp_(std::move(timestamp)), sink_(std::move(sink)) {}
  void Log(LogLevel level, std::string_view message) override;
  bool Enabled(LogLevel level) const override { return static_cast<int>(level) <= verbosity_; }

 private:
  int verbosity_;
  std::function<std::string()> timestamp_;
  Sink sink_;
  std::mutex mu_;
};

}  // namespace mpx
