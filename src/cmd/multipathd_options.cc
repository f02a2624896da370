#include "cmd/multipathd_options.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace mpx {
namespace {

Error Invalid(char c) { return MakeError(std::string("Invalid argument '-") + c + "'", EINVAL); }

// -v N: the reference takes atoi() of a value starting with a digit and
// exits 1 silently otherwise. Clamped so that a long number cannot overflow.
Status SetVerbosity(const std::string& value, MultipathdOptions* o) {
  if (value.empty() || std::isdigit(static_cast<unsigned char>(value[0])) == 0) {
    return MakeError("", EINVAL);
  }
  size_t digits = 0;
  while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits])) != 0) {
    ++digits;
  }
  o->verbosity = digits > 6 ? 999999 : std::atoi(value.substr(0, digits).c_str());
  return {};
}

// The command from words, as the reference's main() builds it.
Result<std::string> CommandFromWords(const std::vector<std::string>& words) {
  std::string cmd;
  for (const std::string& w : words) {
    cmd += w.find(' ') != std::string::npos ? "\"" + w + "\" " : w + " ";
    if (cmd.size() >= kMaxCommandWordsBytes) {
      return MakeError("multipathd command too large", E2BIG);
    }
  }
  cmd += '\n';
  // The newline is cut when it does not fit the reference's buffer (with its NUL).
  if (cmd.size() > kMaxCommandWordsBytes - 1) cmd.resize(kMaxCommandWordsBytes - 1);
  return cmd;
}

struct Parser {
  const std::vector<std::string>& args;
  MultipathdOptions o;
  bool k = false;                    // -k seen; the last one counts
  std::optional<std::string> k_arg;  // its attached argument
  std::vector<std::string> words;

  // One "-xyz" group; `i` moves on when -v takes the next word.
  Status Group(size_t& i) {
    const std::string& a = args[i];
    for (size_t j = 1; j < a.size(); ++j) {
      const char c = a[j];
      const std::string rest = a.substr(j + 1);
      switch (c) {
        case 'd':
          o.foreground = true;
          break;
        case 's':
          o.timestamps = false;
          break;
        case 'B':
          o.bindings_read_only = true;
          break;
        case 'n':
          o.ignored_n = true;
          break;
        case 'w':
          o.poll_dmevents = false;
          break;
        case 'k':  // an optional argument: only when attached
          k = true;
          k_arg = rest.empty() ? std::nullopt : std::optional<std::string>(rest);
          return {};
        case 'v':
          if (!rest.empty()) return SetVerbosity(rest, &o);
          if (i + 1 >= args.size()) return Invalid('v');
          return SetVerbosity(args[++i], &o);
        default:  // also 'i', which the reference lists but does not handle
          return Invalid(c);
      }
    }
    return {};
  }

  Status Run() {
    bool options_end = false;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (options_end || a.size() < 2 || a[0] != '-') {
        words.push_back(a);
      } else if (a == "--") {
        options_end = true;
      } else if (Status s = Group(i); !s.ok()) {
        return s;
      }
    }
    return {};
  }
};

}  // namespace

Result<MultipathdOptions> ParseMultipathdOptions(const std::vector<std::string>& args) {
  Parser p{.args = args};
  if (Status s = p.Run(); !s.ok()) return s.error();
  if (p.k) {
    p.o.mode = p.k_arg ? MultipathdMode::kCommand : MultipathdMode::kInteractive;
    p.o.command = p.k_arg.value_or("");
  } else if (!p.words.empty()) {
    auto cmd = CommandFromWords(p.words);
    if (!cmd.ok()) return cmd.error();
    p.o.mode = MultipathdMode::kCommand;
    p.o.command = std::move(cmd).value();
  }
  return std::move(p.o);
}

}  // namespace mpx
