// The node_exporter textfile: multipathd's `show metrics` (Prometheus text)
// written to <dir>/multipathd.prom every few seconds, for node_exporter's
// textfile collector (--collector.textfile.directory=<dir>). mpx only: the
// directory and interval come from the environment (MPX_METRICS_TEXTFILE_DIR,
// MPX_METRICS_INTERVAL; docs/multipathd.md), as the reference's options have
// no room for them.
//
// Each write replaces the file atomically (a temporary file beside it, whose
// name does not end in .prom, fsync, rename), so the collector reads the old
// or the new metrics, never half. The metrics are rendered from a Snapshot,
// so writing never holds the daemon's state.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "base/logger.h"
#include "base/result.h"
#include "daemon/state.h"

namespace mpx {

inline constexpr const char* kMetricsFileName = "multipathd.prom";
inline constexpr int kDefaultMetricsInterval = 15;  // seconds

struct MetricsFileOptions {
  std::string dir;  // absolute; "" writes no file
  int interval = kDefaultMetricsInterval;
};

// MPX_METRICS_INTERVAL's value: whole seconds, 1 to 86400. The error says so.
Result<int> ParseMetricsInterval(std::string_view text);

// One file; Write() from one thread at a time.
class MetricsFile {
 public:
  MetricsFile(const std::string& dir, Logger& log);
  // Replaces the file with `snapshot`'s metrics, as `show metrics` answers.
  // A failure (a missing or read-only directory, a full disk) is a warning,
  // logged once until a write succeeds again; it is also returned.
  Status Write(const Snapshot& snapshot);
  // Deletes the file (at shutdown: no metrics of a daemon that is not running).
  void Remove();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  Logger& log_;
  bool failing_ = false;
};

// Writes a MetricsFile at once and then every `interval` on a thread of its
// own, so that a slow or hung file system never delays the event loop, until
// destroyed; then removes the file.
class MetricsFileWriter {
 public:
  using SnapshotSource = std::function<std::shared_ptr<const Snapshot>()>;
  MetricsFileWriter(std::unique_ptr<MetricsFile> file, SnapshotSource snapshot,
                    std::chrono::milliseconds interval);
  ~MetricsFileWriter();
  MetricsFileWriter(const MetricsFileWriter&) = delete;
  MetricsFileWriter& operator=(const MetricsFileWriter&) = delete;

 private:
  void Run();

  std::unique_ptr<MetricsFile> file_;
  SnapshotSource snapshot_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;     // last: starts once the members above exist
};

}  // namespace mpx
