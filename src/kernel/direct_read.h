// DirectReads: O_DIRECT reads of a block device's first block with a hard
// time limit, for SgIo::ReadFirstBlock.
//
// A direct read has no timeout of its own: it waits for the block layer,
// whose error handling can take minutes on a failing path. So each read runs
// on a detached helper thread and the caller waits at most its timeout. A
// read that outlives the wait keeps running; a later call for the same node
// waits for that read again instead of starting another, so a hung device
// holds one thread, not one per check (the reference's directio checker
// keeps its one AIO request the same way). Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "kernel/scsi_io.h"

namespace mpx {

class DirectReads : public std::enable_shared_from_this<DirectReads> {
 public:
  struct Job;
  // Reads the first block of `devnode` (or joins the read already running
  // for it), waiting at most `timeout_ms`. Must be called on an object owned
  // by a shared_ptr: running reads keep it alive.
  Result<BlockRead> Read(const std::string& devnode, unsigned timeout_ms);

 private:
  std::shared_ptr<Job> StartOrJoin(const std::string& devnode);
  void Finish(const std::string& devnode, const std::shared_ptr<Job>& job);

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Job>> running_;  // guarded by mu_
};

}  // namespace mpx
