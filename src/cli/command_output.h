// What a one-shot command prints on stdout and how it exits; what it has to
// say on stderr goes to its Logger (CliLogger).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/logger.h"

namespace mpx {

struct CommandOutput {
  std::string out;
  int exit_code = 0;
};

// The one-shot programs' log: a line is shown when its level is at most the
// verbosity (-v); errors and warnings read "<program>: <message>", the rest
// bare, as the reference prints its table lines ("mpatha: addmap [...]").
// `sink` receives each line with its '\n' (stderr in the programs, a string
// in tests). Thread-safe when the sink is.
class CliLogger : public Logger {
 public:
  CliLogger(std::string program, int verbosity, std::function<void(std::string_view)> sink)
      : program_(std::move(program)), verbosity_(verbosity), sink_(std::move(sink)) {}
  void Log(LogLevel level, std::string_view message) override;
  bool Enabled(LogLevel level) const override { return static_cast<int>(level) <= verbosity_; }

 private:
  std::string program_;
  int verbosity_;
  std::function<void(std::string_view)> sink_;
};

// Logs `msg` as an error and makes the exit code 1; returns r.
CommandOutput& Fail(CommandOutput& r, Logger& log, std::string_view msg);

}  // namespace mpx
