// The multipathd command line, parsed into a value as the reference 0.9.4
// parses it (getopt ":dsv:k::Bniw", options anywhere among the words, "--"
// ends them). No globals, no printing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace mpx {

enum class MultipathdMode {
  kDaemon,       // no command: run the daemon (-d: in the foreground)
  kCommand,      // `multipathd show paths` or -k"show paths": one command
  kInteractive,  // -k alone: the multipathd> prompt
};

struct MultipathdOptions {
  MultipathdMode mode = MultipathdMode::kDaemon;
  // kCommand: the text sent, as the reference builds it: -k's argument as
  // given, or the words each followed by a space (quoted when they hold one)
  // and a newline: `multipathd show paths` sends "show paths \n".
  std::string command;
  bool foreground = false;          // -d
  bool timestamps = true;           // -s turns them off
  std::optional<int> verbosity;     // -v N; unset: the configuration's
  bool bindings_read_only = false;  // -B
  bool poll_dmevents = true;        // -w turns it off (a thread per map instead)
  bool ignored_n = false;           // -n: deprecated, ignored with kIgnoredNWarning
};

// What the reference logs for -n (at level 0: always).
inline constexpr const char* kIgnoredNWarning =
    "WARNING: ignoring deprecated option -n, use 'ignore_wwids = no' instead";

// The reference's limit on a command built from words (its CMDSIZE).
inline constexpr size_t kMaxCommandWordsBytes = 160;

// Parses argv[1..]. Errors are the reference's, for the program to print to
// stderr before exiting 1: "Invalid argument '-x'", "multipathd command too
// large"; a -v value not starting with a digit has an empty message (the
// reference exits 1 without a word).
Result<MultipathdOptions> ParseMultipathdOptions(const std::vector<std::string>& args);

}  // namespace mpx
