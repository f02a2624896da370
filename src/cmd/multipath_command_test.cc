// The whole multipath command over a synthetic SAN, a fake device-mapper and
// temporary config and state files.
#include "cmd/multipath_command.h"

#include <gtest/gtest.h>
#include <sys/sysmacros.h>

#include <cstdio>

#include "cmd/command_test_fixture.h"

namespace mpx {
namespace {

const std::string W1 = testing::Naa6Wwid(1), W2 = testing::Naa6Wwid(2), W3 = testing::Naa6Wwid(3);

TEST_F(MultipathCommandTest, DryRunPrintsEveryMapInReferenceLayoutAndChangesNothing) {
  Ran r = Run({"-d"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1) + 1),
            ": " + W1 +
                " undef Linux,scsi_debug\n"
                "size=8.0M features='0' hwhandler='1 alua' wp=undef\n");
  // detect_prio: ALUA with access_state → sysfs prioritizer; host 0 is active/optimized.
  EXPECT_NE(r.out.find("|-+- policy='service-time 0' prio=50 status=undef\n"
                       "| `- 0:0:0:0 sda 8:0  undef ready running\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("`-+- policy='service-time 0' prio=10 status=undef\n"), std::string::npos);
  EXPECT_EQ(Calls("create"), 0u);
  EXPECT_EQ(State("wwids"), "");
}

TEST_F(MultipathCommandTest, CreatesMapsOnceAndRemembersTheirWwids) {
  Ran r = Run({"-v1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, W1 + "\n" + W2 + "\n" + W3 + "\n");
  ASSERT_NE(dm_.Find(W2), nullptr);
  EXPECT_EQ(dm_.Find(W2)->info.uuid, "mpath-" + W2);
  EXPECT_EQ(dm_.Find(W2)->table,
            "0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:16 1 service-time 0 1 1 8:64 1");
  EXPECT_NE(State("wwids").find("/" + W3 + "/\n"), std::string::npos);
  // A second run finds everything as wanted.
  Ran again = Run({});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(Calls("create"), 3u);
  EXPECT_EQ(Calls("reload"), 0u);
  // -r reloads anyway.
  Ran forced = Run({"-r", "-v1"});
  EXPECT_EQ(Calls("reload"), 3u);
}

// sda..sdf: the uevent attribute of each path, "" when nothing was written.
std::string Uevents(const testing::TestDir& dir) {
  std::string out;
  for (const char* dev : {"sda", "sdb", "sdc", "sdd", "sde", "sdf"}) {
    auto r = ReadWholeFile(dir.path() + "/sys/block/" + dev + "/uevent");
    out += std::string(dev) + "=" + (r.ok() ? r.value() : "?") + " ";
  }
  return out;
}

TEST_F(MultipathCommandTest, PathsOfAMapNewToTheWwidsFileGetAChangeUevent) {
  // W1 is already remembered: its map is created, its paths (sda, sdd) left alone.
  dir_.Write("etc/multipath/wwids", "/" + W1 + "/\n");
  // udev already claims sdc (W3, host 0); sdf (W3, host 1) is claimed but its
  // smart wait still runs; sdb has a partition.
  udev_.Set(makedev(8, 32), {{"DM_MULTIPATH_DEVICE_PATH", "1"}});
  udev_.Set(makedev(8, 80),
            {{"DM_MULTIPATH_DEVICE_PATH", "1"}, {"FIND_MULTIPATHS_WAIT_UNTIL", "99.5"}});
  dir_.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:1/block/sdb/sdb1/partition",
             "1\n");
  dir_.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:1/block/sdb/sdb1/uevent", "");
  Ran r = Run({"-v3"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Uevents(dir_), "sda= sdb=change sdc= sdd= sde=change sdf=change ");
  EXPECT_EQ(ReadWholeFile(dir_.path() + "/sys/block/sdb/sdb1/uevent").value(), "change");
  EXPECT_NE(r.out.find(W2 + ": change uevent for sdb sdb1 sde\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(W3 + ": change uevent for sdf\n"), std::string::npos) << r.out;
  // Flushed and created again: every WWID is known now, no uevent.
  dir_.Write("sys/block/sdb/uevent", "");
  ASSERT_EQ(Run({"-F"}).exit_code, 0);
  EXPECT_EQ(Run({}).exit_code, 0);
  EXPECT_EQ(Uevents(dir_), "sda= sdb= sdc= sdd= sde=change sdf=change ");
}

TEST_F(MultipathCommandTest, StderrHasTheLoadedTablesAndTheNoDaemonWarningAsTheReference) {
  const std::string warning =
      "Warning: multipath devices exist, but multipathd service is not running\n";
  Ran r = Run({"-q"});  // -q: queue_if_no_path stays, as configured
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(W2 + ": addmap [0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:16 1 "
                            "service-time 0 1 1 8:64 1]\n"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.err.ends_with(warning)) << r.err;
  EXPECT_NE(Run({"-r"}).err.find(W3 + ": reload ["), std::string::npos);
  ASSERT_FALSE(dm_.udev_flags().empty());
  EXPECT_FALSE(dm_.udev_flags().back().second.reload) << "-r: udev scans the map again";
  EXPECT_EQ(Run({"-ll"}).err, warning);
  EXPECT_EQ(Run({"-v1", "-ll"}).err, "");
  daemon_running_ = true;
  EXPECT_EQ(Run({"-ll"}).err, "");
  EXPECT_EQ(Run({}).err, "");  // nothing to do, and multipathd runs
}

TEST_F(MultipathCommandTest, StrictFindMultipathsNeedsTheWwidsFile) {
  Config("");
  Ran r = Run({"-v3"});
  EXPECT_EQ(Calls("create"), 0u);
  EXPECT_NE(r.out.find(W1 + ": not in wwids file, skipping (find_multipaths strict)"),
            std::string::npos);
  dir_.Write("etc/multipath/wwids", "/" + W2 + "/\n");
  Run({});
  EXPECT_EQ(Calls("create"), 1u);
  EXPECT_NE(dm_.Find(W2), nullptr);
  Run({"-i"});
  EXPECT_EQ(Calls("create"), 3u);
}

// Creating maps, "off" is greedy and "on"/"smart" take LUNs with two paths,
// as the reference does in the lab (tests/lab/answers.sh).
TEST_F(MultipathCommandTest, FindMultipathsModesWhenCreating) {
  size_t created = 0;
  for (const char* mode : {"off", "on", "smart", "greedy"}) {
    Config(std::string("defaults {\n find_multipaths ") + mode + "\n}\n");
    EXPECT_EQ(Run({}).exit_code, 0);
    created += 3;
    EXPECT_EQ(Calls("create"), created) << mode;
    ASSERT_EQ(Run({"-F"}).exit_code, 0);
    std::remove((dir_.path() + "/etc/multipath/wwids").c_str());
  }
}

TEST_F(MultipathCommandTest, UserFriendlyNamesUseAndGrowTheBindingsFile) {
  Config("defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n");
  dir_.Write("etc/multipath/bindings", "mpatha " + W2 + "\nbroken line here\n");
  Ran r = Run({"-v1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "mpathb\nmpatha\nmpathc\n");
  EXPECT_NE(r.err.find("bindings:2: expected \"alias wwid\", found 3 word(s), line ignored"),
            std::string::npos);
  EXPECT_EQ(State("bindings"),
            "mpatha " + W2 + "\nbroken line here\nmpathb " + W1 + "\nmpathc " + W3 + "\n");
  EXPECT_NE(dm_.Find("mpathb"), nullptr);
  // Turning the names off: as the reference, existing maps keep their names
  // until -r renames them back to their WWIDs.
  Config("defaults {\n find_multipaths greedy\n}\n");
  EXPECT_EQ(Run({"-v1"}).exit_code, 0);
  EXPECT_EQ(Calls("rename"), 0u);
  EXPECT_EQ(Run({"-v1", "-r"}).exit_code, 0);
  EXPECT_EQ(Calls("rename"), 3u);
  EXPECT_NE(dm_.Find(W1), nullptr);
}

// As the reference (seen in the lab): a configuration change alone reloads
// no map; -r does.
TEST_F(MultipathCommandTest, ConfigChangeReloadsWithMinusRAndDiffShowsIt) {
  Run({});
  Config("defaults {\n find_multipaths greedy\n path_grouping_policy multibus\n}\n");
  Run({});
  EXPECT_EQ(Calls("reload"), 0u);
  Ran d = Run({"-d", "-r", "--diff", W1});
  EXPECT_NE(d.out.find("reload: " + W1), std::string::npos) << d.out;
  EXPECT_NE(d.out.find("diff " + W1 +
                       ": 0 16384 multipath 0 1 alua [-2 1-] {+1 1+} service-time 0 "
                       "[-1 1-] {+2 1+} 8:0 1 [-service-time 0 1 1-] 8:48 1\n"),
            std::string::npos)
      << d.out;
  EXPECT_EQ(Calls("reload"), 0u);
  Run({"-r"});
  EXPECT_EQ(Calls("reload"), 3u);
  EXPECT_EQ(dm_.Find(W1)->table, "0 16384 multipath 0 1 alua 1 1 service-time 0 2 1 8:0 1 8:48 1");
}

// A map that lacks one of its paths gets it at the next run, as the
// reference; the others are left alone.
TEST_F(MultipathCommandTest, AMapGainingAPathIsReloaded) {
  Config("defaults {\n find_multipaths greedy\n}\n");
  Run({});
  ASSERT_TRUE(dm_.Reload(W3, "0 16384 multipath 0 1 alua 1 1 service-time 0 1 1 8:32 1", {}).ok());
  const size_t reloads = Calls("reload");
  Ran r = Run({"-v3"});
  EXPECT_EQ(Calls("reload"), reloads + 1);
  EXPECT_NE(r.out.find(W3 + ": reload: table differs"), std::string::npos) << r.out;
  // The kernel's state of the path the map had, as the reference prints it.
  EXPECT_NE(r.out.find("sdc 8:32 active ready"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sdf 8:80 undef  ready"), std::string::npos) << r.out;  // padded
  EXPECT_NE(r.out.find(W1 + ": every path is in map " + W1 + " already: left as it is"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(dm_.udev_flags().back().first, "reload " + W3);
  EXPECT_EQ(dm_.udev_flags().back().second, (MapUdevFlags{.reload = true}));
  // With a new name too, the map is only renamed, as the reference does;
  // the settled maps are not even named.
  Config("defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n");
  const char* one_path = "0 16384 multipath 0 1 alua 1 1 service-time 0 1 1 8:16 1";
  ASSERT_TRUE(dm_.Reload(W2, one_path, {}).ok());
  EXPECT_EQ(Run({}).exit_code, 0);
  EXPECT_EQ(Calls("reload"), reloads + 2);  // the one above only
  ASSERT_NE(dm_.Find("mpatha"), nullptr);
  EXPECT_EQ(dm_.Find("mpatha")->table, one_path);
  EXPECT_EQ(State("bindings").find(W1), std::string::npos) << State("bindings");
}

// As the reference's udev flags: skip_kpartx keeps kpartx off a map, a map
// with no usable path is not scanned.
TEST_F(MultipathCommandTest, UdevIsToldOfSkipKpartxDeadMapsAndReloads) {
  Config("defaults {\n find_multipaths greedy\n}\nmultipaths {\n multipath {\n  wwid " + W2 +
         "\n  skip_kpartx yes\n }\n}\n");
  for (const char* dev : {"0:0:0:0", "1:0:0:0"}) {  // sda and sdd: W1's paths
    const std::string host = std::string("host") + dev[0];
    dir_.Write(std::string("sys/devices/pseudo_0/adapter") + dev[0] + "/" + host + "/target" +
                   dev[0] + ":0:0/" + dev + "/state",
               "offline\n");
  }
  ASSERT_EQ(Run({}).exit_code, 0);
  std::map<std::string, MapUdevFlags> created;
  for (const auto& [what, flags] : dm_.udev_flags()) created[what] = flags;
  ASSERT_EQ(created.size(), 3u);
  EXPECT_EQ(created["create " + W1], (MapUdevFlags{.no_paths = true}));
  EXPECT_EQ(created["create " + W2], (MapUdevFlags{.no_kpartx = true}));
  EXPECT_EQ(created["create " + W3], MapUdevFlags{});
}

// The reference refuses to run only on a few mistakes (docs/config-errors.md).
TEST_F(MultipathCommandTest, BrokenConfigChangesNothing) {
  Run({});
  Config("blacklist {\n devnode \"sd[a-\"\n}\n");
  size_t calls = dm_.calls().size();
  Ran r = Run({});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("multipath.conf:2: invalid regular expression"), std::string::npos) << r.err;
  EXPECT_EQ(dm_.calls().size(), calls);
}

// Any other mistake is a warning, at every verbosity (the reference prints
// them before it applies -v), and the run goes on.
TEST_F(MultipathCommandTest, ConfigMistakesWarnAndTheRunGoesOn) {
  Config("defaults {\n path_grouping_policy sideways\n find_multipaths greedy\n}\n");
  Ran r = Run({"-v0"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("multipath.conf:2: invalid value for path_grouping_policy: \"sideways\""),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Calls("create"), 3u);
}

TEST_F(MultipathCommandTest, FlushRefusesBusyMapsAndRemovesTheRest) {
  Run({});
  dm_.SetOpenCount(W2, 1);
  Ran r = Run({"-F"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "multipath: " + W2 + ": map in use (open count 1), not removed\n");
  EXPECT_EQ(dm_.Find(W1), nullptr);
  EXPECT_NE(dm_.Find(W2), nullptr);
  Ran one = Run({"-f", "nosuchmap"});
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.err, "multipath: nosuchmap: no such multipath map\n");
  dm_.SetOpenCount(W2, 0);
  EXPECT_EQ(Run({"-f", W2}).exit_code, 0);
  EXPECT_EQ(dm_.Find(W2), nullptr);
}

// remove_retries: tries again a second apart while the map is busy; -R
// overrides it, as the reference.
TEST_F(MultipathCommandTest, RemoveRetriesFromTheConfigurationOrMinusR) {
  Run({});
  dm_.SetOpenCount(W2, 1);
  Config("defaults {\n find_multipaths greedy\n remove_retries 2\n}\n");
  size_t before = Calls("info");
  EXPECT_EQ(Run({"-f", W2}).exit_code, 1);
  EXPECT_EQ(Calls("info") - before, 3u);  // the first try and two more
  before = Calls("info");
  EXPECT_EQ(Run({"-R", "0", "-f", W2}).exit_code, 1);
  EXPECT_EQ(Calls("info") - before, 1u);
  EXPECT_NE(dm_.Find(W2), nullptr);
}

TEST_F(MultipathCommandTest, ListShowsKernelState) {
  Run({});
  ASSERT_TRUE(dm_.Message(W1, "fail_path 8:48").ok());
  Ran l = Run({"-l", W1});
  EXPECT_EQ(l.exit_code, 0) << l.err;
  EXPECT_EQ(l.out, W1 + " dm-0 Linux,scsi_debug\n"
                        "size=8.0M features='0' hwhandler='1 alua' wp=rw\n"
                        "|-+- policy='service-time 0' prio=0 status=active\n"
                        "| `- 0:0:0:0 sda 8:0  active undef running\n"
                        "`-+- policy='service-time 0' prio=0 status=enabled\n"
                        "  `- 1:0:0:0 sdd 8:48 failed undef running\n");
  Ran ll = Run({"-ll", W1});
  EXPECT_NE(ll.out.find("prio=50 status=active\n| `- 0:0:0:0 sda 8:0  active ready running\n"),
            std::string::npos)
      << ll.out;
}

// The JSON text without the whitespace outside strings.
std::string Compact(const std::string& json) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\')
        out.push_back(json[++i]);
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
      out.push_back(c);
    } else if (c != ' ' && c != '\n') {
      out.push_back(c);
    }
  }
  return out;
}

TEST_F(MultipathCommandTest, ListAsJson) {
  Run({});
  ASSERT_TRUE(dm_.Message(W1, "fail_path 8:48").ok());
  Ran l = Run({"-ll", "--json", W1});
  l.out = Compact(l.out);
  EXPECT_EQ(l.exit_code, 0) << l.err;
  EXPECT_EQ(
      l.out.rfind("{\"schema_version\":\"1.2\",\"checked\":true,\"maps\":[{\"name\":\"" + W1, 0),
      0u)
      << l.out;
  EXPECT_NE(l.out.find("\"dm_node\":\"dm-0\""), std::string::npos);
  EXPECT_NE(l.out.find("\"write_protect\":\"rw\""), std::string::npos);
  EXPECT_NE(l.out.find("{\"dev\":\"sda\",\"dev_t\":\"8:0\",\"hctl\":\"0:0:0:0\",\"dm_state\":"
                       "\"active\",\"checker_state\":\"ready\",\"sysfs_state\":\"running\","
                       "\"priority\":50}"),
            std::string::npos)
      << l.out;
  EXPECT_NE(l.out.find("\"dev\":\"sdd\",\"dev_t\":\"8:48\",\"hctl\":\"1:0:0:0\",\"dm_state\":"
                       "\"failed\""),
            std::string::npos);
  // -l: no checker ran, so no priorities.
  Ran plain = Run({"-l", "--json"});
  plain.out = Compact(plain.out);
  EXPECT_NE(plain.out.find("\"checked\":false"), std::string::npos);
  EXPECT_NE(plain.out.find("\"priority\":null"), std::string::npos);
  EXPECT_EQ(std::count(plain.out.begin(), plain.out.end(), '{'), 1 + 3 * (1 + 2 + 2));
}

TEST_F(MultipathCommandTest, UnknownDeviceIsAnError) {
  Ran r = Run({"-d", "sdzz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "multipath: sdzz: no such path, WWID or map\n");
  EXPECT_TRUE(r.out.empty());
}

TEST_F(MultipathCommandTest, DeviceArgumentSelectsItsMap) {
  EXPECT_EQ(Run({"-d", "-v1", "/dev/sde"}).out, W2 + "\n");
  Run({"/dev/sde"});
  EXPECT_EQ(Calls("create"), 1u);
  EXPECT_NE(dm_.Find(W2), nullptr);
}

TEST_F(MultipathCommandTest, JsonHasPathsSkippedAndMaps) {
  dir_.Write("sys/devices/virtual/block/loop0/dev", "7:0\n");
  dir_.Symlink("../devices/virtual/block/loop0", "sys/block/loop0");
  Ran r = Run({"-d", "--json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("{\n  \"schema_version\": \"1.2\",\n  \"dry_run\": true,\n"
                        "  \"device_mapper\": {\n    \"available\": true\n  },\n  \"paths\": [\n",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("\"action\": \"create\""), std::string::npos);
  EXPECT_NE(r.out.find("\"wwid_source\": \"sysfs vpd_pg83\""), std::string::npos);
  EXPECT_NE(r.out.find("\"checker_state\": \"ready\""), std::string::npos);
  EXPECT_NE(r.out.find("\"dev\": \"loop0\",\n      \"reason\": \"devnode blacklisted"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"uuid\": \"mpath-" + W2 + "\""), std::string::npos);
}

}  // namespace
}  // namespace mpx
