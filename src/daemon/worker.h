// Worker: runs blocking work (SCSI checks, discovery of a new path) off the
// daemon's event loop and hands the result back on the loop's thread, so the
// state has one writer and a hung device never stalls the loop.
#pragma once

#include <functional>

namespace mpx {

class Worker {
 public:
  virtual ~Worker() = default;
  // Runs `work` on some other thread, then `then` on the loop's thread (after
  // whatever the loop is doing). `work` must not touch the daemon's state.
  virtual void Run(std::function<void()> work, std::function<void()> then) = 0;
};

}  // namespace mpx
