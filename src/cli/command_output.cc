#include "cli/command_output.h"

namespace mpx {

void CliLogger::Log(LogLevel level, std::string_view message) {
  if (!Enabled(level)) return;
  std::string line;
  if (level <= LogLevel::kWarning) line = program_ + ": ";
  line += message;
  line += '\n';
  sink_(line);
}

CommandOutput& Fail(CommandOutput& r, Logger& log, std::string_view msg) {
  log.Error(msg);
  r.exit_code = 1;
  return r;
}

}  // namespace mpx
