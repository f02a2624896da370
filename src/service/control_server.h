// ControlServer: multipathd's control socket on a thread of its own.
//
// Clients send framed commands (daemon/frame.h). A show command is answered
// on this thread from the daemon's latest snapshot, so it never waits for a
// check, a uevent or a reconfigure; any other command needs root
// (SO_PEERCRED) and runs on the daemon's loop (`run_on_loop`), its reply
// coming back here. Bounded: at most kMaxClients connections, commands of at
// most kMaxCommandBytes, one command at a time per connection (no reading
// while its reply is pending), idle connections closed after a while.
// Malformed frames close the connection; nothing a client sends can crash
// or stall the server.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "base/frame.h"
#include "base/result.h"
#include "base/unique_fd.h"
#include "daemon/cli_command.h"
#include "kernel/event_loop.h"

namespace mpx {

class ControlServer {
 public:
  static constexpr size_t kMaxClients = 256;
  static constexpr int kIdleSeconds = 60;

  struct Handlers {
    // Answers a read-only command (any thread).
    std::function<std::string(const CliCommand&)> show;
    // Runs `work` on the daemon's loop thread.
    std::function<void(std::function<void()>)> run_on_loop;
    // Answers a command that changes something (on the loop thread).
    std::function<std::string(const CliCommand&)> act;
    // The reply header for unknown or incomplete commands ("... CLI commands
    // reference:" follows).
    std::string version_line;
  };

  // `listen_fd`: a listening socket (ListenAbstract, or systemd's).
  ControlServer(UniqueFd listen_fd, Handlers handlers);
  ~ControlServer();  // stops the thread
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;

  Status Start();
  void Stop();

  // The reply to one command line from a client with `uid` (no I/O), for
  // tests and the thread alike; `done` gets the reply (at once for shows and
  // errors, later for actions).
  void Answer(const std::string& line, uid_t uid, std::function<void(std::string)> done);

 private:
  struct Client;
  void OnAccept();
  void OnReadable(int fd);
  void OnWritable(int fd);
  void Send(int fd, const std::string& reply);
  void Close(int fd);
  void SweepIdle();
  void ScheduleSweep();

  UniqueFd listen_;
  Handlers handlers_;
  std::unique_ptr<EventLoop> loop_;
  std::thread thread_;
  std::map<int, std::unique_ptr<Client>> clients_;
};

}  // namespace mpx
