#include "kernel/event_loop.h"

#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>

#include <cerrno>
#include <cstring>

namespace mpx {
Result<std::unique_ptr<EventLoop>> EventLoop::Create() {
  UniqueFd ep(::epoll_create1(EPOLL_CLOEXEC));
  if (!ep.valid()) return ErrnoError("epoll_create1");
  UniqueFd tfd(::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
  if (!tfd.valid()) return ErrnoError("timerfd_create");
  UniqueFd efd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
  if (!efd.valid()) return ErrnoError("eventfd");
  std::unique_ptr<EventLoop> loop(new EventLoop(std::move(ep), std::move(tfd), std::move(efd)));
  if (Status s =
          loop->Watch(loop->timer_.get(), EPOLLIN, [l = loop.get()](uint32_t) { l->RunTimers(); });
      !s.ok()) {
    return s.error();
  }
  if (Status s =
          loop->Watch(loop->wake_.get(), EPOLLIN, [l = loop.get()](uint32_t) { l->RunPosted(); });
      !s.ok()) {
    return s.error();
  }
  return loop;
}

EventLoop::EventLoop(UniqueFd epoll, UniqueFd timer, UniqueFd wake)
    : epoll_(std::move(epoll)), timer_(std::move(timer)), wake_(std::move(wake)) {}

Status EventLoop::Watch(int fd, uint32_t events, FdCallback cb) {
  epoll_event ev{};
  ev.events = events;
  ev.data.fd = fd;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, fd, &ev) != 0) return ErrnoError("epoll_ctl add");
  fds_[fd] = std::make_shared<FdCallback>(std::move(cb));
  return {};
}

Status EventLoop::Modify(int fd, uint32_t events) {
  epoll_event ev{};
  ev.events = events;
  ev.data.fd = fd;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, fd, &ev) != 0) return ErrnoError("epoll_ctl mod");
  return {};
}

void EventLoop::Unwatch(int fd) {
  ::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
  fds_.erase(fd);
}

EventLoop::TimerId EventLoop::At(MonoTime deadline, std::function<void()> cb) {
  TimerId id = next_timer_++;
  timers_[id] = {deadline, std::move(cb)};
  deadlines_.emplace(deadline, id);
  ArmTimer();
  return id;
}

void EventLoop::Cancel(TimerId id) {
  auto it = timers_.find(id);
  if (it == timers_.end()) return;
  auto range = deadlines_.equal_range(it->second.first);
  for (auto d = range.first; d != range.second; ++d) {
    if (d->second == id) {
      deadlines_.erase(d);
      break;
    }
  }
  timers_.erase(it);
  ArmTimer();
}

void EventLoop::ArmTimer() {
  itimerspec spec{};
  if (!deadlines_.empty()) {
    int64_t us = std::max<int64_t>(deadlines_.begin()->first.count(), 1);
    spec.it_value.tv_sec = us / 1000000;
    spec.it_value.tv_nsec = (us % 1000000) * 1000;
  }
  ::timerfd_settime(timer_.get(), TFD_TIMER_ABSTIME, &spec, nullptr);
}

void EventLoop::RunTimers() {
  uint64_t expirations;
  while (::read(timer_.get(), &expirations, sizeof expirations) > 0) {
  }
  const MonoTime now = Now();
  std::vector<std::function<void()>> due;
  while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
    TimerId id = deadlines_.begin()->second;
    deadlines_.erase(deadlines_.begin());
    auto it = timers_.find(id);
    due.push_back(std::move(it->second.second));
    timers_.erase(it);
  }
  ArmTimer();
  for (auto& cb : due) cb();
}

Status EventLoop::WatchSignals(const std::vector<int>& signals, std::function<void(int)> cb) {
  sigset_t set;
  sigemptyset(&set);
  for (int s : signals) sigaddset(&set, s);
  if (::pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return ErrnoError("pthread_sigmask");
  signal_.Reset(::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
  if (!signal_.valid()) return ErrnoError("signalfd");
  on_signal_ = std::move(cb);
  return Watch(signal_.get(), EPOLLIN, [this](uint32_t) { ReadSignals(); });
}

void EventLoop::ReadSignals() {
  signalfd_siginfo info{};
  while (::read(signal_.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    on_signal_(static_cast<int>(info.ssi_signo));
  }
}

void EventLoop::Post(std::function<void()> cb) {
  {
    std::lock_guard lock(posted_mu_);
    posted_.push_back(std::move(cb));
  }
  uint64_t one = 1;
  (void)!::write(wake_.get(), &one, sizeof one);
}

void EventLoop::RunPosted() {
  uint64_t count;
  (void)!::read(wake_.get(), &count, sizeof count);
  std::vector<std::function<void()>> todo;
  {
    std::lock_guard lock(posted_mu_);
    todo.swap(posted_);
  }
  for (auto& cb : todo) cb();
}

void EventLoop::Stop() {
  {
    std::lock_guard lock(posted_mu_);
    stop_ = true;
  }
  uint64_t one = 1;
  (void)!::write(wake_.get(), &one, sizeof one);
}

Status EventLoop::Run() {
  epoll_event events[64];
  while (true) {
    {
      std::lock_guard lock(posted_mu_);
      if (stop_) {
        stop_ = false;
        return {};
      }
    }
    int n = ::epoll_wait(epoll_.get(), events, 64, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("epoll_wait");
    }
    for (int i = 0; i < n; ++i) {
      auto it = fds_.find(events[i].data.fd);
      if (it == fds_.end()) continue;               // unwatched by an earlier callback
      std::shared_ptr<FdCallback> cb = it->second;  // survives an Unwatch inside
      (*cb)(events[i].events);
    }
  }
}

}  // namespace mpx
