#include "service/control_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "kernel/unix_socket.h"

namespace mpx {

struct ControlServer::Client {
  UniqueFd fd;
  uid_t uid = 0;
  FrameReader reader{kMaxCommandBytes};
  std::string out;    // reply bytes not yet written
  bool busy = false;  // a command's reply is pending: do not read more
  MonoTime last_activity{};
};

ControlServer::ControlServer(UniqueFd listen_fd, Handlers handlers)
    : listen_(std::move(listen_fd)), handlers_(std::move(handlers)) {}

ControlServer::~ControlServer() { Stop(); }

Status ControlServer::Start() {
  auto loop = EventLoop::Create();
  if (!loop.ok()) return loop.error();
  loop_ = std::move(loop).value();
  if (Status s = loop_->Watch(listen_.get(), EPOLLIN, [this](uint32_t) { OnAccept(); }); !s.ok()) {
    return s;
  }
  ScheduleSweep();
  thread_ = std::thread([this] {
    (void)loop_->Run();
    clients_.clear();
  });
  return {};
}

void ControlServer::Stop() {
  if (!thread_.joinable()) return;
  loop_->Stop();
  thread_.join();
}

void ControlServer::Answer(const std::string& line, uid_t uid,
                           std::function<void(std::string)> done) {
  auto command = ParseCliCommand(line);
  if (!command.ok()) {
    done(command.error().message + "\n" + handlers_.version_line + "\n" + CliUsage());
    return;
  }
  if (command->read_only) {
    done(handlers_.show(*command));
    return;
  }
  if (uid != 0) {
    done("permission deny: need to be root\n");
    return;
  }
  handlers_.run_on_loop(
      [this, c = std::move(command).value(), done = std::move(done)] { done(handlers_.act(c)); });
}

void ControlServer::OnAccept() {
  while (true) {
    auto fd = AcceptConnection(listen_.get());
    if (!fd.ok()) return;  // EAGAIN: none left (other errors: try again on the next wakeup)
    if (clients_.size() >= kMaxClients) continue;  // dropped: closing it is the answer
    auto peer = PeerOf(fd->get());
    if (!peer.ok()) continue;
    auto c = std::make_unique<Client>();
    c->uid = peer->uid;
    c->last_activity = loop_->Now();
    int raw = fd->get();
    c->fd = std::move(fd).value();
    if (!loop_
             ->Watch(raw, EPOLLIN,
                     [this, raw](uint32_t ev) {
                       if (ev & EPOLLOUT) OnWritable(raw);
                       if (ev & (EPOLLIN | EPOLLHUP | EPOLLERR)) OnReadable(raw);
                     })
             .ok()) {
      continue;
    }
    clients_[raw] = std::move(c);
  }
}

void ControlServer::OnReadable(int fd) {
  auto it = clients_.find(fd);
  if (it == clients_.end()) return;
  Client& c = *it->second;
  if (c.busy) return;
  char buf[4096];
  ssize_t n = ::read(fd, buf, sizeof buf);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
    Close(fd);
    return;
  }
  if (n < 0) return;
  c.last_activity = loop_->Now();
  std::vector<std::string> commands;
  if (!c.reader.Feed(std::span<const char>(buf, static_cast<size_t>(n)), &commands).ok()) {
    Close(fd);  // a length no command has: not a client we can talk to
    return;
  }
  if (commands.empty()) return;
  // One command at a time: the rest of a pipelined burst is dropped with the
  // connection's reader state, as the reference's clients never pipeline.
  c.busy = true;
  (void)loop_->Modify(fd, 0);
  Answer(commands.front(), c.uid, [this, fd](std::string reply) {
    loop_->Post([this, fd, reply = std::move(reply)] { Send(fd, reply); });
  });
}

void ControlServer::Send(int fd, const std::string& reply) {
  auto it = clients_.find(fd);
  if (it == clients_.end()) return;  // gone meanwhile
  Client& c = *it->second;
  c.out += EncodeFrame(reply);
  OnWritable(fd);
}

void ControlServer::OnWritable(int fd) {
  auto it = clients_.find(fd);
  if (it == clients_.end()) return;
  Client& c = *it->second;
  while (!c.out.empty()) {
    ssize_t n = ::send(fd, c.out.data(), c.out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      (void)loop_->Modify(fd, EPOLLOUT);
      return;
    }
    if (n <= 0) {
      Close(fd);
      return;
    }
    c.out.erase(0, static_cast<size_t>(n));
  }
  c.busy = false;
  c.last_activity = loop_->Now();
  (void)loop_->Modify(fd, EPOLLIN);
}

void ControlServer::Close(int fd) {
  loop_->Unwatch(fd);
  clients_.erase(fd);
}

void ControlServer::ScheduleSweep() {
  loop_->At(loop_->Now() + std::chrono::seconds(5), [this] {
    SweepIdle();
    ScheduleSweep();
  });
}

void ControlServer::SweepIdle() {
  const MonoTime now = loop_->Now();
  std::vector<int> idle;
  for (const auto& [fd, c] : clients_) {
    if (!c->busy && now - c->last_activity > std::chrono::seconds(kIdleSeconds)) idle.push_back(fd);
  }
  for (int fd : idle) Close(fd);
}

}  // namespace mpx
