#include "base/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <memory>

namespace mpx {

ThreadPool::ThreadPool(size_t max_threads) : max_(std::max<size_t>(1, max_threads)) {}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void ThreadPool::Submit(std::function<void()> task) {
  std::lock_guard lock(mu_);
  queue_.push_back(std::move(task));
  if (idle_ < queue_.size() && workers_.size() < max_) {
    workers_.emplace_back([this] { Work(); });
    return;
  }
  cv_.notify_one();
}

void ThreadPool::Work() {
  std::unique_lock lock(mu_);
  while (true) {
    ++idle_;
    cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;  // stopping, and nothing left to run
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

size_t ThreadPool::threads() const {
  std::lock_guard lock(mu_);
  return workers_.size();
}

size_t ThreadPool::busy() const {
  std::lock_guard lock(mu_);
  return workers_.size() - idle_;
}

void ParallelFor(ThreadPool& pool, size_t n, size_t helpers, const std::function<void(size_t)>& f) {
  if (n == 0) return;
  struct Shared {
    std::atomic<size_t> next{0};
    std::mutex mu;
    std::condition_variable cv;
    size_t done = 0;
  };
  auto shared = std::make_shared<Shared>();
  auto run = [shared, n, &f] {
    size_t mine = 0;
    for (size_t i = shared->next++; i < n; i = shared->next++) {
      f(i);
      ++mine;
    }
    return mine;
  };
  helpers = std::min(helpers, n - 1);
  for (size_t h = 0; h < helpers; ++h) {
    // A helper that starts after the caller finished everything finds no
    // index left and only signs off; `f` is not touched then.
    pool.Submit([shared, run] {
      size_t mine = run();
      std::lock_guard lock(shared->mu);
      shared->done += mine;
      shared->cv.notify_all();
    });
  }
  size_t mine = run();
  std::unique_lock lock(shared->mu);
  shared->done += mine;
  // Every index has been taken; wait until each taken one has finished. A
  // helper still queued behind blocked tasks holds no index, so it is not
  // waited for.
  shared->cv.wait(lock, [&] { return shared->done == n; });
}

size_t HelpersFor(const ThreadPool& pool, size_t n) {
  if (n < 8) return 0;
  // A big pool is sized for many blocked tasks (hung checks), not for one
  // job's parallelism: at most 64 helpers.
  return std::min({n / 4, pool.max_threads(), size_t{64}});
}

}  // namespace mpx
