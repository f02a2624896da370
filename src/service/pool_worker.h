// PoolWorker: the daemon's Worker over a ThreadPool, handing results back
// through `post` (the event loop's Post), so they run on the loop's thread.
#pragma once

#include <functional>
#include <utility>

#include "base/thread_pool.h"
#include "daemon/worker.h"

namespace mpx {

class PoolWorker : public Worker {
 public:
  using Post = std::function<void(std::function<void()>)>;
  PoolWorker(ThreadPool& pool, Post post) : pool_(pool), post_(std::move(post)) {}
  void Run(std::function<void()> work, std::function<void()> then) override {
    pool_.Submit([this, work = std::move(work), then = std::move(then)]() mutable {
      work();
      post_(std::move(then));
    });
  }

 private:
  ThreadPool& pool_;
  Post post_;
};

}  // namespace mpx
