// multipath -t and -T over the synthetic SAN (vendor "Linux", product
// "scsi_debug"), a fake device-mapper and temporary config files.
#include <gtest/gtest.h>

#include "cmd/command_test_fixture.h"

namespace mpx {
namespace {

const std::string W1 = testing::Naa6Wwid(1), W2 = testing::Naa6Wwid(2), W3 = testing::Naa6Wwid(3);

using ShowConfigTest = MultipathCommandTest;

TEST_F(ShowConfigTest, PrintsTheMergedConfigurationAsMultipathDoes) {
  Config("defaults {\n polling_interval 10\n force_sync no\n bogus 1\n}\n");
  Ran r = Run({"-t"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string head =
      "defaults {\n\tverbosity 2\n\tpolling_interval 10\n\tmax_polling_interval 40\n\treas";
  EXPECT_EQ(r.out.substr(0, head.size()), head);
  // multipath checks paths one at a time and never retriggers: so it prints.
  EXPECT_NE(r.out.find("\tforce_sync \"yes\"\n"), std::string::npos);
  EXPECT_NE(r.out.find("\tretrigger_tries 0\n"), std::string::npos);
  EXPECT_NE(r.out.find("\t\tvendor \"3PARdata\"\n\t\tproduct \"VV\"\n"), std::string::npos);
  const std::string tail = "overrides {\n}\n";
  ASSERT_GE(r.out.size(), tail.size());
  EXPECT_EQ(r.out.substr(r.out.size() - tail.size()), tail);
  // The configuration's warnings, as every command that reads it.
  EXPECT_NE(r.err.find("multipath.conf:4: invalid keyword in the defaults section: bogus"),
            std::string::npos)
      << r.err;
}

TEST_F(ShowConfigTest, ARefusedConfigurationPrintsNothing) {
  Config("defaults {\n reservation_key 0x\n}\n");
  Ran r = Run({"-t"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("multipath.conf:2: invalid value for reservation_key: \"0x\""),
            std::string::npos)
      << r.err;
}

TEST_F(ShowConfigTest, PresentOnlyLimitsDevicesAndMultipaths) {
  Config(
      "defaults {\n find_multipaths greedy\n}\n"
      "devices {\n device {\n  vendor Linux\n  product scsi_debug\n  no_path_retry 3\n }\n"
      " device {\n  vendor ACME\n  product X\n }\n}\n"
      "multipaths {\n multipath {\n  wwid " +
      W2 + "\n  alias db\n }\n multipath {\n  wwid 3600absent\n }\n}\n");
  ASSERT_EQ(Run({}).exit_code, 0);  // creates the three maps
  Ran r = Run({"-T"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  size_t devices = r.out.find("devices {\n");
  ASSERT_NE(devices, std::string::npos);
  EXPECT_EQ(r.out.substr(devices),
            "devices {\n"
            "\tdevice {\n"
            "\t\tvendor \"Linux\"\n"
            "\t\tproduct \"scsi_debug\"\n"
            "\t\tno_path_retry 3\n"
            "\t}\n"
            "}\n"
            "overrides {\n"
            "}\n"
            "multipaths {\n"
            "\tmultipath {\n"
            "\t\twwid \"" +
                W2 +
                "\"\n"
                "\t\talias \"db\"\n"
                "\t\t# alias \"db\"\n"  // even so: the reference's -T in the lab
                "\t}\n"
                "\tmultipath {\n"
                "\t\twwid \"" +
                W1 +
                "\"\n"
                "\t}\n"
                "\tmultipath {\n"
                "\t\twwid \"" +
                W3 +
                "\"\n"
                "\t}\n"
                "}\n");
  // The blacklist keeps every built-in entry's product_blacklist.
  EXPECT_NE(r.out.find("\t\tvendor \"SGI\"\n\t\tproduct \"Universal Xport\"\n"), std::string::npos);
}

TEST_F(ShowConfigTest, PresentOnlyNeedsDeviceMapper) {
  DmAvailability none;
  none.absence = DmAbsence::kNoDriver;
  dm_.SetAvailability(none);
  Ran r = Run({"-T"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(Run({"-t"}).exit_code, 0);  // -t reads only files
}

TEST_F(ShowConfigTest, CheckConfigListsErrorsAndWarningsAndExitsOneOnErrors) {
  // The synthetic SAN: vendor Linux, product scsi_debug, WWIDs W1..W3.
  Config(
      "defaults {\n bogus 1\n no_path_retry 30\n dev_loss_tmo 60\n}\n"
      "blacklist {\n wwid " +
      W1 + "\n devnode \"^nvme\"\n}\n");
  Ran r = Run({"--check-config"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  const std::string conf = dir_.path() + "/etc/multipath.conf";
  EXPECT_NE(r.out.find(conf + ":2: error: invalid keyword in the defaults section: bogus"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(conf + ":4: warning: dev_loss_tmo 60 is shorter than no_path_retry 30"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(conf + ":8: warning: blacklist devnode \"^nvme\" matches no present device"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("blacklist wwid"), std::string::npos) << "W1 is present: " << r.out;
  EXPECT_TRUE(r.out.ends_with("1 error, 2 warnings\n")) << r.out;
  EXPECT_EQ(Calls("create"), 0u) << "a lint changes nothing";

  dir_.Write("other.conf", "defaults {\n user_friendly_names yes\n}\n");
  r = Run({"--check-config", dir_.path() + "/other.conf"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "0 errors, 0 warnings\n");
  r = Run({"--check-config", dir_.path() + "/missing.conf"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, dir_.path() + "/missing.conf: error: no such file\n1 error, 0 warnings\n");
  Config("defaults {\n reservation_key 0x\n}\n");  // refused by the tools
  r = Run({"--check-config"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(conf + ":2: error: invalid value for reservation_key"), std::string::npos)
      << r.out;
}

TEST_F(ShowConfigTest, ExplainSaysWhyForEachRuleVerdictAndSetting) {
  Config("defaults {\n find_multipaths strict\n}\nblacklist {\n wwid " + W2 +
         "\n}\ndevices {\n device {\n  vendor Linux\n  product scsi_debug\n  no_path_retry 7\n"
         " }\n}\n");
  const std::string conf = dir_.path() + "/etc/multipath.conf";
  Ran r = Run({"--explain", "sda"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "WWID " + W1);
  // Both paths of LUN 1, each rule with its origin and outcome.
  EXPECT_NE(r.out.find("path sda (8:0) Linux,scsi_debug scsi:unspec"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("path sdd (8:48)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  blacklist wwid \"" + W2 + "\" (" + conf + ":5): no match\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  blacklist device vendor \"EMC\" product \"LUNZ\" (built-in): no match\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  => not blacklisted\n"), std::string::npos);
  EXPECT_NE(r.out.find("find_multipaths: " + W1 +
                       ": not in wwids file, skipping (find_multipaths strict) => not multipathed"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  no_path_retry 7 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(device entry at " + conf + ":8)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  path_grouping_policy \"failover\" "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("  checker "), std::string::npos) << "deprecated synonyms left out";

  // A blacklisted LUN, by WWID, as JSON; a WWID in the wwids file.
  dir_.Write("etc/multipath/wwids", "/" + W1 + "/\n");
  r = Run({"--explain", W2, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("\"reason\": \"wwid blacklisted by wwid \\\"" + W2 + "\\\" (" + conf + ":5)\""),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("every path is blacklisted"), std::string::npos) << r.out;
  r = Run({"--explain", "/dev/sda"});
  EXPECT_NE(r.out.find(": in the wwids file (find_multipaths strict) => multipathed"),
            std::string::npos)
      << r.out;
  r = Run({"--explain", "nosuch"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nosuch: no such path, WWID or map"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace mpx
