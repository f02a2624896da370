// MemFiles: Files in memory, for tests. Records every write; a path can be
// made to fail reads or writes with an errno.
#pragma once

#include <map>
#include <set>
#include <string>

#include "kernel/files.h"

namespace mpx::testing {

class MemFiles : public Files {
 public:
  Result<std::optional<std::string>> Read(const std::string& path) const override;
  using Files::Write;
  Status WriteWithMode(const std::string& path, std::string_view text, unsigned new_mode) override;
  Result<std::vector<std::string>> List(const std::string& dir) const override;
  Result<std::unique_ptr<FileLease>> Lock(const std::string& path) override;
  Result<std::string> RealPath(const std::string& path) const override;
  Status Remove(const std::string& path) override {
    files_.erase(path);
    return {};
  }
  // RealPath follows these (from -> to); other paths are their own.
  void Link(const std::string& from, const std::string& to) { links_[from] = to; }

  void Put(const std::string& path, std::string text) { files_[path] = std::move(text); }
  // nullopt when absent.
  std::optional<std::string> Get(const std::string& path) const;
  void FailReads(const std::string& path, int err) { read_errors_[path] = err; }
  void FailWrites(const std::string& path, int err) { write_errors_[path] = err; }
  int writes(const std::string& path) const;
  // The mode the file got when it was first written.
  unsigned mode(const std::string& path) const { return modes_.at(path); }
  const std::set<std::string>& locked() const { return locked_; }

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, int> read_errors_, write_errors_;
  std::map<std::string, int> write_count_;
  std::map<std::string, unsigned> modes_;
  std::set<std::string> locked_;
  std::map<std::string, std::string> links_;
};

}  // namespace mpx::testing
