// EventLoop: one thread's epoll loop with typed sources: file descriptors
// (sockets, udev's netlink monitor, device-mapper's event fd), one-shot
// timers on CLOCK_MONOTONIC (one timerfd armed for the earliest), signals
// (signalfd; the caller blocks them in every thread first), and callbacks
// posted from other threads (an eventfd wakes the loop). Callbacks run on the
// loop's thread, one at a time, so the state they touch needs no lock.
#pragma once

#include <sys/epoll.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "base/result.h"
#include "base/unique_fd.h"
#include "kernel/clock.h"

namespace mpx {

class EventLoop {
 public:
  using FdCallback = std::function<void(uint32_t events)>;
  using TimerId = uint64_t;

  static Result<std::unique_ptr<EventLoop>> Create();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // `events`: EPOLLIN, EPOLLOUT, ... The fd stays the caller's.
  Status Watch(int fd, uint32_t events, FdCallback cb);
  Status Modify(int fd, uint32_t events);
  void Unwatch(int fd);

  // Runs `cb` once at `deadline` (CLOCK_MONOTONIC); returns its id.
  TimerId At(MonoTime deadline, std::function<void()> cb);
  void Cancel(TimerId id);
  MonoTime Now() const { return clock_.Now(); }

  // Blocks `signals` for the calling thread (call before other threads
  // start, so they inherit the mask) and delivers them to `cb` on the loop.
  Status WatchSignals(const std::vector<int>& signals, std::function<void(int signo)> cb);

  // Thread-safe: `cb` runs on the loop's thread soon.
  void Post(std::function<void()> cb);

  // Runs until Stop(); returns an error only when epoll itself fails.
  Status Run();
  // Thread-safe.
  void Stop();

 private:
  EventLoop(UniqueFd epoll, UniqueFd timer, UniqueFd wake);
  void ArmTimer();
  void RunTimers();
  void RunPosted();
  void ReadSignals();

  RealClock clock_;
  UniqueFd epoll_, timer_, wake_, signal_;
  std::map<int, std::shared_ptr<FdCallback>> fds_;
  std::multimap<MonoTime, TimerId> deadlines_;
  std::map<TimerId, std::pair<MonoTime, std::function<void()>>> timers_;
  TimerId next_timer_ = 1;
  std::function<void(int)> on_signal_;
  std::mutex posted_mu_;
  std::vector<std::function<void()>> posted_;
  bool stop_ = false;  // guarded by posted_mu_
};

}  // namespace mpx
