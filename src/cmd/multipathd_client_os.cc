#include "cmd/multipathd_client_os.h"

#include <editline/readline.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "base/frame.h"
#include "cmd/multipathd_client.h"
#include "kernel/unix_socket.h"

namespace mpx {
namespace {

constexpr int kHistoryLines = 1000;

class SocketConnection : public MultipathdConnection {
 public:
  explicit SocketConnection(UniqueFd fd) : fd_(std::move(fd)) {}
  Status Send(std::string_view command) override { return SendFrame(fd_.get(), command); }
  Result<std::string> Receive(int timeout_ms) override {
    return ReceiveFrame(fd_.get(), timeout_ms, kMaxReplyBytes);
  }

 private:
  UniqueFd fd_;
};

Result<std::unique_ptr<MultipathdConnection>> Connect() {
  auto fd = ConnectAbstract(kMultipathdSocketName);
  if (!fd.ok()) return fd.error();
  return std::unique_ptr<MultipathdConnection>(
      std::make_unique<SocketConnection>(std::move(fd).value()));
}

// libedit's readline interface: line editing on a terminal, plain reading
// (no prompt) otherwise, as the reference's multipathc built with libedit.
class LibeditEditor : public LineEditor {
 public:
  LibeditEditor() {
    rl_readline_name = "multipathd";  // its section in ~/.editrc
    using_history();
    stifle_history(kHistoryLines);
    // Scripts piping commands in should not fill the user's history.
    if (::isatty(STDIN_FILENO) == 1) {
      const char* home = std::getenv("HOME");  // NOLINT(concurrency-mt-unsafe): one thread
      if (home != nullptr && *home != '\0')
        history_file_ = std::string(home) + "/.multipath_history";
    }
    if (!history_file_.empty()) (void)read_history(history_file_.c_str());
  }
  ~LibeditEditor() override {
    if (!history_file_.empty()) (void)write_history(history_file_.c_str());
  }
  LibeditEditor(const LibeditEditor&) = delete;
  LibeditEditor& operator=(const LibeditEditor&) = delete;

  std::optional<std::string> ReadLine(const char* prompt) override {
    char* line = readline(prompt);
    if (line == nullptr) return std::nullopt;
    std::string text(line);
    std::free(line);  // NOLINT(cppcoreguidelines-no-malloc): readline's
    return text;
  }
  void AddHistory(const std::string& line) override { add_history(line.c_str()); }

 private:
  std::string history_file_;
};

}  // namespace

int RunMultipathdClient(const MultipathdOptions& options, int uxsock_timeout_ms) {
  std::unique_ptr<LibeditEditor> editor;
  if (options.mode == MultipathdMode::kInteractive) editor = std::make_unique<LibeditEditor>();
  ClientIo io{.connect = Connect,
              .editor = editor.get(),
              .out = &std::cout,
              .err = &std::cerr,
              .out_is_terminal = ::isatty(STDOUT_FILENO) == 1};
  return RunMultipathdClient(options, uxsock_timeout_ms, io);
}

}  // namespace mpx
