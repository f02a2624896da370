// multipathd's client: one command (`multipathd show paths`,
// `multipathd -k"show paths"`) or the interactive prompt (`multipathd -k`),
// with the reference 0.9.4's messages and exit codes. The socket and the
// terminal are behind small interfaces so that tests drive it with fakes;
// multipathd_client_os.h has the real ones.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/result.h"
#include "cmd/multipathd_options.h"

namespace mpx {

// uxsock_timeout's default in the reference (ms).
inline constexpr int kDefaultUxsockTimeoutMs = 4000;

// A connection to the daemon. Errors carry the errno the reference prints.
class MultipathdConnection {
 public:
  virtual ~MultipathdConnection() = default;
  virtual Status Send(std::string_view command) = 0;
  // ETIMEDOUT when no reply came within `timeout_ms`.
  virtual Result<std::string> Receive(int timeout_ms) = 0;
};

// The prompt's input: lines and their history.
class LineEditor {
 public:
  virtual ~LineEditor() = default;
  // The next line without its newline; nullopt at the end of input.
  virtual std::optional<std::string> ReadLine(const char* prompt) = 0;
  virtual void AddHistory(const std::string& line) = 0;
};

struct ClientIo {
  // Connects to the daemon; an error when none listens.
  std::function<Result<std::unique_ptr<MultipathdConnection>>()> connect;
  LineEditor* editor = nullptr;  // kInteractive only
  std::ostream* out = nullptr;   // replies and the reference's failure words
  std::ostream* err = nullptr;
  bool out_is_terminal = true;  // colours are stripped from replies otherwise
};

// Runs `options`' kCommand or kInteractive mode and returns the exit code:
// one command: 1 when the daemon cannot be reached (silently, as the
// reference 0.9.4), cannot be sent to ("cannot send packet"), does not answer
// in time ("timeout receiving packet") or the reply breaks off ("error -5
// receiving packet"); 1 when the reply is "fail\n"; else 0. The reply is
// printed as is. Interactive: 1 when the daemon cannot be reached, else 0.
// `uxsock_timeout_ms`: the configuration's uxsock_timeout; the reply is waited
// for 100 ms longer, as the reference does.
int RunMultipathdClient(const MultipathdOptions& options, int uxsock_timeout_ms,
                        const ClientIo& io);

// The exit code for a reply to one command (0.9.4: only a bare "fail\n" is 1;
// "fail\n" with a reason after it is 0).
int ExitCodeForReply(std::string_view reply);

// "quit" or "exit", with blanks around: leaves the prompt.
bool IsQuit(std::string_view line);

// The reply without ANSI colour sequences (ESC '[' ... 'm'), for output that
// is not a terminal.
std::string StripColors(std::string_view reply);

}  // namespace mpx
