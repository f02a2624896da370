// UdevDb: what udev's database knows about a block device.
//
// The product uses LibUdevDb (libudev); tests use MapUdevDb. "Unknown" (no
// database entry, e.g. udevd never ran) is distinct from "known without the
// property": both make discovery fall back to VPD pages.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

struct udev;

namespace mpx {

using Properties = std::map<std::string, std::string>;

// Implementations must be safe to call from several threads at once.
class UdevDb {
 public:
  virtual ~UdevDb() = default;
  // All properties of the initialized block device `devt`, or nullopt when
  // udev has no record of it.
  virtual std::optional<Properties> Lookup(dev_t devt) const = 0;
};

// No udev at all (initramfs, benchmarks, unit tests without properties).
class NoUdevDb : public UdevDb {
 public:
  std::optional<Properties> Lookup(dev_t) const override { return std::nullopt; }
};

// Properties given by the test.
class MapUdevDb : public UdevDb {
 public:
  void Set(dev_t devt, Properties props) { db_[devt] = std::move(props); }
  std::optional<Properties> Lookup(dev_t devt) const override {
    auto it = db_.find(devt);
    if (it == db_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<dev_t, Properties> db_;
};

// The real database through libudev. Falls back to "unknown" for every device
// when libudev cannot be initialised. Thread-safe: libudev objects are not,
// so lookups are serialised on mu_.
class LibUdevDb : public UdevDb {
 public:
  LibUdevDb();
  ~LibUdevDb() override;
  LibUdevDb(const LibUdevDb&) = delete;
  LibUdevDb& operator=(const LibUdevDb&) = delete;
  std::optional<Properties> Lookup(dev_t devt) const override;

 private:
  mutable std::mutex mu_;
  ::udev* udev_;  // guarded by mu_
};

}  // namespace mpx
