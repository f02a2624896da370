#include "kernel/direct_read.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <thread>

#include "base/unique_fd.h"

namespace mpx {

struct DirectReads::Job {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;                       // guarded by mu
  Result<BlockRead> result = BlockRead{};  // guarded by mu
};

namespace {

constexpr size_t kMaxBlock = 4096;

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};

// One O_DIRECT read of the first block, as the reference's directio checker:
// the soft block size (BLKBSZGET, capped at 4096 because DASD reports
// nonsense; 512 when unknown) bytes at offset 0.
Result<BlockRead> ReadOnce(const std::string& devnode) {
  UniqueFd fd(::open(devnode.c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC));
  if (!fd.valid()) {
    int err = errno;
    return MakeError(devnode + ": cannot open: " + std::strerror(err), err);
  }
  BlockRead r;
  int bs = 0;
  if (::ioctl(fd.get(), BLKBSZGET, &bs) < 0 || bs <= 0) bs = 512;
  r.block_size = std::min(static_cast<size_t>(bs), kMaxBlock);
  std::unique_ptr<void, FreeDeleter> buf(std::aligned_alloc(kMaxBlock, kMaxBlock));
  if (!buf) return MakeError(devnode + ": out of memory for a direct read", ENOMEM);
  const auto start = std::chrono::steady_clock::now();
  ssize_t n = ::pread(fd.get(), buf.get(), r.block_size, 0);
  r.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  if (n < 0) {
    r.error = errno;
  } else {
    r.bytes = static_cast<size_t>(n);
  }
  return r;
}

}  // namespace

std::shared_ptr<DirectReads::Job> DirectReads::StartOrJoin(const std::string& devnode) {
  auto job = std::make_shared<Job>();
  {
    std::lock_guard lock(mu_);
    auto [it, inserted] = running_.try_emplace(devnode, job);
    if (!inserted) return it->second;
  }
  auto work = [self = shared_from_this(), job, devnode] {
    Result<BlockRead> r = ReadOnce(devnode);
    {
      std::lock_guard job_lock(job->mu);
      job->result = std::move(r);
      job->done = true;
    }
    job->cv.notify_all();
    self->Finish(devnode, job);
  };
  try {
    std::thread(work).detach();
  } catch (const std::system_error&) {
    work();  // no thread to spare: read on the caller's thread, as the reference's sync mode
  }
  return job;
}

void DirectReads::Finish(const std::string& devnode, const std::shared_ptr<Job>& job) {
  std::lock_guard lock(mu_);
  if (auto it = running_.find(devnode); it != running_.end() && it->second == job) {
    running_.erase(it);
  }
}

Result<BlockRead> DirectReads::Read(const std::string& devnode, unsigned timeout_ms) {
  std::shared_ptr<Job> job = StartOrJoin(devnode);
  const auto wait = std::chrono::milliseconds(timeout_ms);
  std::unique_lock lock(job->mu);
  if (!job->cv.wait_for(lock, wait, [&] { return job->done; })) {
    BlockRead r;
    r.timed_out = true;
    r.elapsed = wait;
    return r;
  }
  return job->result;
}

}  // namespace mpx
