#include "service/metrics_file.h"

#include <charconv>
#include <cstdio>
#include <utility>

#include "base/atomic_file.h"
#include "daemon/show_json.h"

namespace mpx {

Result<int> ParseMetricsInterval(std::string_view text) {
  int seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || seconds < 1 ||
      seconds > 86400) {
    return MakeError("MPX_METRICS_INTERVAL=" + std::string(text) +
                     ": not a number of seconds from 1 to 86400");
  }
  return seconds;
}

MetricsFile::MetricsFile(const std::string& dir, Logger& log)
    : path_(dir + "/" + kMetricsFileName), log_(log) {}

Status MetricsFile::Write(const Snapshot& snapshot) {
  Status s = WriteFileAtomically(path_, Metrics(snapshot));
  if (!s.ok() && !failing_) {
    log_.Warning("metrics textfile: " + s.error().message + " (trying again, quietly)");
  } else if (s.ok() && failing_) {
    log_.Notice("metrics textfile: " + path_ + " written again");
  }
  failing_ = !s.ok();
  return s;
}

void MetricsFile::Remove() { (void)std::remove(path_.c_str()); }

MetricsFileWriter::MetricsFileWriter(std::unique_ptr<MetricsFile> file, SnapshotSource snapshot,
                                     std::chrono::milliseconds interval)
    : file_(std::move(file)),
      snapshot_(std::move(snapshot)),
      interval_(interval),
      thread_([this] { Run(); }) {}

MetricsFileWriter::~MetricsFileWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
  file_->Remove();
}

void MetricsFileWriter::Run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    if (std::shared_ptr<const Snapshot> s = snapshot_()) (void)file_->Write(*s);
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace mpx
