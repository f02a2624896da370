// ThreadPool: persistent worker threads for blocking work (sysfs reads, SCSI
// commands), created once per process instead of per call.
//
// Workers are started on demand: when a task arrives and no worker is idle,
// a new one starts, up to `max_threads`. So a task that blocks for a long
// time (a SCSI command to a hung path) holds one worker and never delays
// tasks submitted after it while the limit allows; at the limit, tasks wait
// in FIFO order. The destructor runs every queued task, then joins.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mpx {

class ThreadPool {
 public:
  explicit ThreadPool(size_t max_threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  void Submit(std::function<void()> task);

  size_t max_threads() const { return max_; }
  // Workers started so far (they persist), and those running a task now.
  size_t threads() const;
  size_t busy() const;

 private:
  void Work();

  const size_t max_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  size_t idle_ = 0;
  bool stopping_ = false;
};

// Runs f(i) for every i in [0, n), on the calling thread and up to
// `helpers` pool workers, and returns when all have run. Each index runs
// exactly once; f must only touch state owned by index i (or guard shared
// state). The caller works too, so a pool busy with other tasks only makes
// it slower, never stuck.
void ParallelFor(ThreadPool& pool, size_t n, size_t helpers, const std::function<void(size_t)>& f);

// Helpers worth using for `n` items of blocking work: none for small jobs,
// about one per four items, at most the pool's size and 64.
size_t HelpersFor(const ThreadPool& pool, size_t n);

}  // namespace mpx
