// The daemon's commands: actions, shows (text, JSON, metrics), show config,
// persistent reservations, setmarginal, shutdown.
#include "daemon/daemon_test_fixture.h"

namespace mpx::daemon_test {
namespace {

TEST_F(DaemonTest, CommandsFailReinstateSwitchAndQueueing) {
  Start();
  EXPECT_EQ(Reply("fail path sdb"), "ok\n");
  EXPECT_EQ(CountMessages("mpathb fail_path 8:16"), 1u);
  EXPECT_EQ(PathOf("sdb").check.state, PathState::kDown);
  EXPECT_EQ(Reply("reinstate path 8:16"), "ok\n");
  EXPECT_EQ(CountMessages("mpathb reinstate_path 8:16"), 1u);
  EXPECT_EQ(Reply("fail path nosuchpath"), "fail\n");
  EXPECT_EQ(Reply("switchgroup map mpatha group 2"), "ok\n");
  EXPECT_EQ(MapNamed("mpatha").active_group, 2u);
  EXPECT_EQ(Reply("switchgroup map mpatha group 9"), "fail\n");
  EXPECT_EQ(Reply("switch map nosuchmap group 1"), "fail\n");
  EXPECT_EQ(Reply("disablequeueing maps"), "ok\n");
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 1u);
  EXPECT_EQ(CountMessages("mpathb fail_if_no_path"), 1u);
  // Disabled queueing stays off when paths come and go...
  io_.Down("/dev/sdb", true);
  Seconds(5);
  io_.Down("/dev/sdb", false);
  Seconds(5);
  EXPECT_EQ(CountMessages("mpathb queue_if_no_path"), 0u);
  // ...until restored.
  EXPECT_EQ(Reply("restorequeueing map mpathb"), "ok\n");
  EXPECT_EQ(CountMessages("mpathb queue_if_no_path"), 1u);
  EXPECT_EQ(Reply("suspend map mpatha"), "ok\n");
  EXPECT_TRUE(MapNamed("mpatha").info.suspended);
  EXPECT_EQ(Reply("resume map mpatha"), "ok\n");
  EXPECT_EQ(Reply("reload map mpatha"), "ok\n");
  EXPECT_EQ(Reply("shutdown"), "ok\n");
  EXPECT_TRUE(daemon_->stop_requested());
}

TEST_F(DaemonTest, ShowCommandsReadASnapshotThatLaterChangesDoNotTouch) {
  Start();
  std::shared_ptr<const Snapshot> before = daemon_->snapshot();
  io_.Down("/dev/sda", true);
  Seconds(5);
  const PathEntry* old_sda = nullptr;
  for (const auto& [id, e] : before->paths) {
    if (e->path.dev == "sda") old_sda = e.get();
  }
  ASSERT_NE(old_sda, nullptr);
  EXPECT_FALSE(old_sda->dm_failed);
  EXPECT_EQ(old_sda->check.state, PathState::kUp);
  std::string paths = Reply("show paths");
  EXPECT_EQ(paths.substr(0, paths.find('\n')),
            "hcil    dev dev_t pri dm_st  chk_st dev_st  next_check      ");
  EXPECT_NE(paths.find("0:0:0:0 sda 8:0   50  failed faulty running XXXXXXXXXX 5/5 "),
            std::string::npos)
      << paths;
  EXPECT_EQ(Reply("show maps"),
            "name   sysfs uuid                             \n"
            "mpatha dm-0  " +
                testing::Naa6Wwid(1) + "\nmpathb dm-1  " + testing::Naa6Wwid(2) + "\n");
  std::string stats = Reply("show maps stats");
  EXPECT_EQ(stats.substr(0, stats.find('\n')),
            "name   path_faults switch_grp map_loads total_q_time q_timeouts");
  EXPECT_NE(stats.find("\nmpatha 1           1          1         "), std::string::npos) << stats;
}

TEST_F(DaemonTest, ShutdownStopsQueueingUnlessForced) {
  Start();
  EXPECT_EQ(Reply("forcequeueing daemon"), "ok\n");
  daemon_->Shutdown();
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 0u);
  EXPECT_EQ(Reply("restorequeueing daemon"), "ok\n");
  daemon_->Shutdown();
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 1u);
  EXPECT_EQ(CountMessages("mpathb fail_if_no_path"), 1u);
}

TEST_F(DaemonTest, MapJsonIsTheReferencesLayout) {
  Start();
  std::string json = Reply("show map mpatha json");
  const std::string wwid = testing::Naa6Wwid(1);
  EXPECT_EQ(json.substr(0, json.find("\"vend\"")),
            "{\n"
            "   \"major_version\": 0,\n"
            "   \"minor_version\": 1,\n"
            "   \"map\":{\n"
            "      \"name\" : \"mpatha\",\n"
            "      \"uuid\" : \"" +
                wwid +
                "\",\n"
                "      \"sysfs\" : \"dm-0\",\n"
                "      \"failback\" : \"immediate\",\n"
                "      \"queueing\" : \"2 chk\",\n"
                "      \"paths\" : 2,\n"
                "      \"write_prot\" : \"rw\",\n"
                "      \"dm_st\" : \"active\",\n"
                "      \"features\" : \"1 queue_if_no_path\",\n"
                "      \"hwhandler\" : \"1 alua\",\n"
                "      \"action\" : \"create\",\n"
                "      \"path_faults\" : 0,\n      ");
  EXPECT_NE(json.find("      \"path_groups\": [{\n"
                      "         \"selector\" : \"service-time 0\",\n"
                      "         \"pri\" : 50,\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("         \"paths\": [{\n"
                      "            \"dev\" : \"sda\",\n"
                      "            \"dev_t\" : \"8:0\",\n"
                      "            \"dm_st\" : \"active\",\n"
                      "            \"dev_st\" : \"running\",\n"
                      "            \"chk_st\" : \"ready\",\n"
                      "            \"checker\" : \"tur\",\n"
                      "            \"pri\" : 50,\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("            \"lun_hex\" : \"0x0000000000000000\",\n"
                      "            \"marginal_st\" : \"normal\"\n"
                      "         }]\n"
                      "      },{\n"),
            std::string::npos)
      << json;
  EXPECT_TRUE(json.ends_with("         }]\n      }]\n   }\n}\n")) << json;
  std::string maps = Reply("show maps json");
  EXPECT_EQ(
      maps.rfind("{\n   \"major_version\": 0,\n   \"minor_version\": 1,\n   \"maps\": [{\n", 0),
      0u);
  EXPECT_NE(maps.find("\n   },{\n      \"name\" : \"mpathb\",\n"), std::string::npos);
  EXPECT_TRUE(maps.ends_with("         }]\n      }]\n   }]\n}\n")) << maps;
}

TEST_F(DaemonTest, MetricsAndJsonForEveryShow) {
  Start();
  io_.Down("/dev/sda", true);
  Seconds(5);
  std::string metrics = Reply("show metrics");
  EXPECT_NE(metrics.find("# TYPE mpx_path_up gauge\n"), std::string::npos);
  EXPECT_NE(metrics.find("mpx_path_up{path=\"sda\",dev_t=\"8:0\",map=\"mpatha\"} 0\n"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("mpx_path_up{path=\"sdb\",dev_t=\"8:16\",map=\"mpathb\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.find("mpx_map_usable_paths{map=\"mpatha\",wwid=\"" + testing::Naa6Wwid(1) +
                         "\"} 1\n"),
            std::string::npos);
  EXPECT_NE(
      metrics.find("mpx_path_check_failures_total{path=\"sda\",dev_t=\"8:0\",map=\"mpatha\"} 1\n"),
      std::string::npos);
  std::string paths = Reply("show paths json");
  EXPECT_EQ(paths.rfind("{\n  \"schema_version\": \"1.0\",\n  \"paths\": [\n", 0), 0u) << paths;
  EXPECT_NE(paths.find("\"checker_state\": \"faulty\""), std::string::npos);
  EXPECT_NE(Reply("show status json").find("\"down\": 1"), std::string::npos);
  EXPECT_NE(Reply("show path sda json").find("\"dm_state\": \"failed\""), std::string::npos);
  EXPECT_EQ(Reply("show path sdzz"), "fail\n");
}

TEST_F(DaemonTest, ShowConfigBlacklistAndDevicesAsTheReference) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n"
      "blacklist {\n devnode \"^hd[a-z]\"\n wwid \"^3600bad\"\n"
      " device {\n  vendor \"ACME\"\n  product \"Widget\"\n }\n}\n"
      "blacklist_exceptions {\n property \"^ID_GOOD\"\n}\n");
  dir_.Write("sys/block/hda/dev", "3:0\n");  // a node the blacklist names
  options_.verbosity = 3;                    // multipathd -v3
  Start();
  const std::string bl = Reply("show blacklist");
  EXPECT_EQ(bl.substr(0, bl.find("udev property rules:")),
            "device node rules:\n"
            "- blacklist:\n"
            "        (config file rule) ^hd[a-z]\n"
            "        (default rule)     !^(sd[a-z]|dasd[a-z]|nvme[0-9])\n"
            "- exceptions:\n"
            "        <empty>\n");
  EXPECT_NE(bl.find("udev property rules:\n- blacklist:\n        <empty>\n- exceptions:\n"
                    "        (config file rule) ^ID_GOOD\n"
                    "        (default rule)     (SCSI_IDENT_|ID_WWN)\n"
                    "protocol rules:\n- blacklist:\n        <empty>\n- exceptions:\n"
                    "        <empty>\n"
                    "wwid rules:\n- blacklist:\n        (config file rule) ^3600bad\n"),
            std::string::npos)
      << bl;
  EXPECT_NE(bl.find("device rules:\n- blacklist:\n        (config file rule) ACME:Widget\n"),
            std::string::npos)
      << bl;
  // The built-in hardware table's product_blacklist entries are default rules.
  EXPECT_NE(bl.find("        (default rule)     ^DGC:LUNZ\n"), std::string::npos) << bl;

  EXPECT_EQ(Reply("show devices"),
            "available block devices:\n"
            "    hda devnode blacklisted, unmonitored\n"
            "    sda devnode whitelisted, monitored\n"
            "    sdb devnode whitelisted, monitored\n"
            "    sdc devnode whitelisted, monitored\n"
            "    sdd devnode whitelisted, monitored\n");

  // show config: the merged configuration, as multipath -t prints it; local:
  // only what is present (the scsi_debug-like devices and the two maps).
  const std::string all = Reply("show config");
  EXPECT_EQ(all.rfind("defaults {\n", 0), 0u) << all.substr(0, 200);
  EXPECT_NE(all.find("\tfind_multipaths \"greedy\"\n"), std::string::npos);
  EXPECT_NE(all.find("\tverbosity 3\n"), std::string::npos);  // the daemon's, as the reference
  EXPECT_NE(all.find("\tdevnode \"^hd[a-z]\"\n"), std::string::npos);
  const std::string local = Reply("show config local");
  EXPECT_LT(local.size(), all.size() / 2);
  EXPECT_NE(local.find("\twwid \"" + testing::Naa6Wwid(1) + "\""), std::string::npos) << local;
  EXPECT_EQ(all.find("\twwid \"" + testing::Naa6Wwid(1) + "\""), std::string::npos);
}

TEST_F(DaemonTest, PersistentReservationCommandsAsTheReference) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n reservation_key file\n}\n"
      "multipaths {\n multipath {\n  wwid " +
      testing::Naa6Wwid(2) + "\n  reservation_key 0x1234abcd\n }\n}\n");
  Start();
  const std::string file = paths_.prkeys_file;
  auto read = [&] { return files_.Read(file).value().value_or("(none)"); };
  auto body = [&] {
    std::string t = read();
    return t.substr(std::min(t.size(), PrKeysHeader().size()));
  };
  ASSERT_EQ(read(), PrKeysHeader()) << "started with the maps";
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // prflag: "0"/"1" without a newline; maps by alias or dm-N, not WWID.
  EXPECT_EQ(Reply("getprstatus map mpatha"), "0");
  EXPECT_EQ(Reply("setprstatus map mpatha"), "ok\n");
  EXPECT_EQ(Reply("getprstatus map dm-0"), "1");
  EXPECT_EQ(Reply("getprstatus map " + testing::Naa6Wwid(1)), "fail\n");
  EXPECT_EQ(Reply("unsetprstatus map mpatha"), "ok\n");
  EXPECT_EQ(Reply("getprstatus map mpatha"), "0");
  EXPECT_EQ(Reply("setprstatus map nosuch"), "fail\n");
  // Keys from the file.
  EXPECT_EQ(Reply("getprkey map mpatha"), "none\n");
  EXPECT_EQ(Reply("setprkey map mpatha key 0xabc"), "ok\n");
  EXPECT_EQ(Reply("getprkey map mpatha"), "0xabc\n");
  EXPECT_EQ(body(), "0x0000000000000abc " + testing::Naa6Wwid(1) + "\n");
  EXPECT_EQ(Reply("setprkey map mpatha key 12:aptpl"), "ok\n");
  EXPECT_EQ(Reply("getprkey map mpatha"), "0x12:aptpl\n");
  EXPECT_EQ(body(), "0X0000000000000012 " + testing::Naa6Wwid(1) + "\n");
  for (const char* bad : {"xyz", "0x00000000000000001", "file"}) {
    EXPECT_EQ(Reply(std::string("setprkey map mpatha key ") + bad), "fail\n") << bad;
  }
  EXPECT_EQ(Reply("getprkey map mpatha"), "0x12:aptpl\n");
  EXPECT_EQ(Reply("unsetprkey map mpatha"), "ok\n");
  EXPECT_EQ(Reply("getprkey map mpatha"), "none\n");
  EXPECT_EQ(body(), "#X0000000000000012 " + testing::Naa6Wwid(1) + "\n");
  EXPECT_EQ(Reply("setprkey map mpatha key 0x0"), "ok\n");  // 0: no key
  EXPECT_EQ(Reply("getprkey map mpatha"), "none\n");
  // A key from multipath.conf: shown; setprkey writes the file, then fails.
  EXPECT_EQ(Reply("getprkey map mpathb"), "0x1234abcd\n");
  EXPECT_EQ(Reply("setprkey map mpathb key 0x55"), "fail\n");
  EXPECT_EQ(Reply("getprkey map mpathb"), "0x1234abcd\n");
  EXPECT_NE(body().find("0x0000000000000055 " + testing::Naa6Wwid(2)), std::string::npos);
  // A restarted daemon reads the file.
  EXPECT_EQ(Reply("setprkey map mpatha key 0x77:aptpl"), "ok\n");
  daemon_.reset();
  Start();
  EXPECT_EQ(Reply("getprkey map mpatha"), "0x77:aptpl\n");
  EXPECT_EQ(Reply("getprstatus map mpatha"), "0");
}

TEST_F(DaemonTest, SetmarginalPutsAPathInAGroupUsedLastWithMarginalPathgroups) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " path_grouping_policy group_by_prio\n failback immediate\n marginal_pathgroups on\n}\n");
  Start();
  const std::string before = dm_.Table("mpatha").value();
  EXPECT_EQ(Reply("setmarginal path sda"), "ok\n");
  // sda (active/optimized) is marginal: its group comes last and is not used
  // while sdc's group has a usable path.
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:32 1 service-time 0 1 1 8:0 1");
  const MapEntry& m = MapNamed("mpatha");
  ASSERT_EQ(m.map.groups.size(), 2u);
  EXPECT_TRUE(m.map.groups[1].marginal);
  EXPECT_EQ(m.active_group, 1u);
  EXPECT_EQ(Reply("show paths raw format \"%d %M\""),
            "sda marginal\nsdb normal\nsdc normal\nsdd normal\n");
  EXPECT_TRUE(log_.Contains("sda: marked marginal"));
  ASSERT_FALSE(dm_.udev_flags().empty());
  EXPECT_EQ(dm_.udev_flags().back().first, "reload mpatha");
  EXPECT_EQ(dm_.udev_flags().back().second, MapUdevFlags{}) << "as the reference's own reloads";
  EXPECT_EQ(Reply("unsetmarginal map mpatha"), "ok\n");
  EXPECT_EQ(Reply("show paths raw format \"%d %M\""),
            "sda normal\nsdb normal\nsdc normal\nsdd normal\n");
  EXPECT_EQ(dm_.Table("mpatha").value(), before);
  EXPECT_EQ(Reply("setmarginal path nosuchpath"), "fail\n");
}

}  // namespace
}  // namespace mpx::daemon_test
