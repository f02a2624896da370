// Discovery over sysfs trees recorded in the lab (tests/fixtures/, made by
// lab/record-fixtures.sh): with the udev properties recorded beside them, mpx
// gives every path the WWID the reference printed on the same guest; without
// udev it gives the reference's own VPD fallback.
#include <gtest/gtest.h>
#include <sys/sysmacros.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "base/test_dir.h"
#include "base/thread_pool.h"
#include "discovery/discover.h"
#include "policy/coalesce.h"

namespace mpx {
namespace {

namespace fs = std::filesystem;

// The directory holding sys/, udev/ and reference-v3.txt, under `dir`.
std::string FindRecording(const std::string& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_directory() && e.path().filename() == "sys" && fs::exists(e.path() / "block")) {
      return e.path().parent_path().string();
    }
  }
  return "";
}

// udev/<dev>.properties files (udevadm info --query=property) keyed by dev_t.
MapUdevDb LoadUdev(const std::string& top) {
  MapUdevDb db;
  if (!fs::is_directory(top + "/udev")) return db;
  for (const auto& e : fs::directory_iterator(top + "/udev")) {
    std::ifstream in(e.path());
    Properties props;
    for (std::string line; std::getline(in, line);) {
      auto eq = line.find('=');
      if (eq != std::string::npos) props[line.substr(0, eq)] = line.substr(eq + 1);
    }
    if (props.count("MAJOR") && props.count("MINOR")) {
      db.Set(makedev(std::stoul(props["MAJOR"]), std::stoul(props["MINOR"])), props);
    }
  }
  return db;
}

// "sdb: uid = 1Linux_scsi_debug_2000 (udev)" lines of the reference's -v3.
std::map<std::string, std::string> ReferenceUids(const std::string& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  static const std::regex re(R"(\| (sd[a-z]+): uid = (\S+) \()");
  std::map<std::string, std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
    out[(*it)[1]] = (*it)[2];
  }
  return out;
}

class RecordedTreeTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    std::string tarball = std::string(MPX_SOURCE_DIR) + "/tests/fixtures/" + GetParam();
    ASSERT_TRUE(fs::exists(tarball)) << "fixture missing: " << tarball;
    std::string cmd = "tar -xzf '" + tarball + "' -C '" + dir_.path() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    top_ = FindRecording(dir_.path());
    ASSERT_FALSE(top_.empty()) << "no sys/block in " << tarball;
    fs_.emplace(DirSysfs::Open(top_ + "/sys").value());
  }
  DiscoveryResult Run(const UdevDb& udev) {
    NoScsiIo scsi;
    WwidEnv env{*fs_, udev, scsi};
    return Discover(env, Blacklist::BuiltIn(), pool_);
  }
  testing::TestDir dir_;
  std::string top_;
  std::optional<DirSysfs> fs_;
  ThreadPool pool_{2};
};

TEST_P(RecordedTreeTest, WwidsEqualTheReferenceOnTheSameGuest) {
  MapUdevDb udev = LoadUdev(top_);
  auto ref = ReferenceUids(top_ + "/reference-v3.txt");
  ASSERT_FALSE(ref.empty()) << "reference output has no uid lines";
  DiscoveryResult r = Run(udev);
  ASSERT_EQ(r.paths.size(), ref.size());
  for (const Path& p : r.paths) {
    ASSERT_TRUE(ref.count(p.dev)) << p.dev;
    EXPECT_EQ(p.wwid, ref[p.dev]) << p.dev;
    EXPECT_EQ(p.wwid_source, "udev ID_SERIAL") << p.dev;
    EXPECT_EQ(p.sysfs_state, "running");
    EXPECT_GT(p.size_sectors, 0u);
  }
}

TEST_P(RecordedTreeTest, WithoutUdevEveryPathStillHasAnIdentityAndMapsMatch) {
  MapUdevDb udev = LoadUdev(top_);
  DiscoveryResult with = Run(udev);
  DiscoveryResult without = Run(NoUdevDb());
  ASSERT_EQ(with.paths.size(), without.paths.size());
  for (const Path& p : without.paths) EXPECT_EQ(p.wwid_source, "sysfs vpd_pg83") << p.dev;
  // Different strings, same grouping: each LUN's paths coalesce identically.
  auto a = Coalesce(with.paths), b = Coalesce(without.paths);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].paths, b[i].paths);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RecordedTreeTest,
                         ::testing::Values("sysfs-scsi_debug.tar.gz",
                                           "sysfs-scsi_debug-systemd.tar.gz",
                                           "sysfs-scsi-hd.tar.gz"));

}  // namespace
}  // namespace mpx
