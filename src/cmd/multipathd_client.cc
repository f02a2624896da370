#include "cmd/multipathd_client.h"

#include <cerrno>

namespace mpx {
namespace {

// The reference waits this much longer than uxsock_timeout, which is the
// daemon's own limit for a command: its "timeout" reply arrives first.
constexpr int kReplyGraceMs = 100;

int OneCommand(const std::string& command, int timeout_ms, const ClientIo& io) {
  auto conn = io.connect();
  if (!conn.ok()) return 1;
  if (!(*conn)->Send(command).ok()) {
    *io.out << "cannot send packet\n";
    return 1;
  }
  auto reply = (*conn)->Receive(timeout_ms);
  if (!reply.ok()) {
    if (reply.error().code == ETIMEDOUT) {
      *io.out << "timeout receiving packet\n";
    } else {
      *io.out << "error " << -reply.error().code << " receiving packet\n";
    }
    return 1;
  }
  *io.out << *reply << std::flush;
  return ExitCodeForReply(*reply);
}

// The multipathd> prompt, as the reference's multipathc: one connection for
// the session; a line that cannot be sent or answered ends it.
int Interactive(int timeout_ms, const ClientIo& io) {
  auto conn = io.connect();
  if (!conn.ok()) {
    *io.err << "ERROR: failed to connect to multipathd\n";
    return 1;
  }
  while (std::optional<std::string> line = io.editor->ReadLine("multipathd> ")) {
    if (line->empty()) continue;
    if (IsQuit(*line)) break;
    if (!(*conn)->Send(*line).ok()) break;
    auto reply = (*conn)->Receive(timeout_ms);
    if (!reply.ok()) break;
    *io.out << (io.out_is_terminal ? *reply : StripColors(*reply)) << std::flush;
    io.editor->AddHistory(*line);
  }
  return 0;
}

}  // namespace

int ExitCodeForReply(std::string_view reply) { return reply == "fail\n" ? 1 : 0; }

bool IsQuit(std::string_view line) {
  constexpr std::string_view kBlanks = " \t\n\v\f\r";
  size_t begin = line.find_first_not_of(kBlanks);
  if (begin == std::string_view::npos) return false;
  line = line.substr(begin, line.find_last_not_of(kBlanks) - begin + 1);
  return line == "quit" || line == "exit";
}

std::string StripColors(std::string_view reply) {
  std::string out;
  out.reserve(reply.size());
  for (size_t i = 0; i < reply.size(); ++i) {
    if (reply[i] == '\x1b' && i + 1 < reply.size() && reply[i + 1] == '[') {
      size_t m = reply.find('m', i + 2);
      if (m == std::string_view::npos) break;
      i = m;
      continue;
    }
    out.push_back(reply[i]);
  }
  return out;
}

int RunMultipathdClient(const MultipathdOptions& options, int uxsock_timeout_ms,
                        const ClientIo& io) {
  const int timeout_ms = uxsock_timeout_ms + kReplyGraceMs;
  if (options.mode == MultipathdMode::kDaemon) return 1;  // not the client's to run
  if (options.mode == MultipathdMode::kInteractive) return Interactive(timeout_ms, io);
  return OneCommand(options.command, timeout_ms, io);
}

}  // namespace mpx
