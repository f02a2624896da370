#include "config/lint.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

std::string Lint(const std::string& text, const PresentSystem& present = {}) {
  auto p = ParseConfig(text, "m.conf");
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? FormatFindings(LintConfig(*p, present)) : "";
}

PresentSystem TwoLuns() {
  PresentSystem s;
  s.known = true;
  s.devices = {{"sda", "36001405aaaa", {"LIO-ORG", "disk0", "4.0", "scsi:unspec"}},
               {"sdb", "36001405aaaa", {"LIO-ORG", "disk0", "4.0", "scsi:unspec"}},
               {"sdc", "36001405bbbb", {"LIO-ORG", "disk1", "4.0", "scsi:unspec"}}};
  return s;
}

TEST(LintTest, ACleanConfigHasNothingToSay) {
  EXPECT_EQ(Lint("defaults {\n user_friendly_names yes\n}\n", TwoLuns()), "0 errors, 0 warnings\n");
}

TEST(LintTest, WhatTheToolsIgnoreIsAnErrorWhatIsDeprecatedOrRepeatedAWarning) {
  std::string out = Lint(
      "defaults {\n polling_interval 5\n no_such_keyword 1\n rr_min_io_rq -3\n"
      " getuid_callout \"/lib/udev/scsi_id -g\"\n}\n"
      "multipaths {\n multipath {\n  wwid w1\n }\n multipath {\n  wwid w1\n }\n}\n");
  EXPECT_NE(out.find("m.conf:3: error: "), std::string::npos) << out;
  EXPECT_NE(out.find("m.conf:4: error: "), std::string::npos) << out;
  EXPECT_NE(out.find("m.conf:5: warning: "), std::string::npos) << out;
  EXPECT_NE(out.find(": warning: duplicate multipath section"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("2 errors, 2 warnings\n")) << out;
}

TEST(LintTest, ADeviceEntryFullyReplacedByALaterOneIsReported) {
  std::string out = Lint(
      "devices {\n"
      " device {\n  vendor ACME\n  product X\n  no_path_retry 5\n }\n"  // line 2
      " device {\n  vendor ACME\n  product Y\n  no_path_retry 6\n }\n"  // other product
      " device {\n  vendor ACME\n  product X\n  no_path_retry 7\n  failback 9\n }\n"  // line 12
      " device {\n  vendor ACME\n  product Y\n  failback 3\n }\n"                     // Y keeps npr
      "}\n");
  // The parser's notes on repeated entries, then which one never counts.
  EXPECT_EQ(out,
            "m.conf:12: warning: duplicate device section for \"ACME\" \"X\" (also at m.conf:2); "
            "merged, later settings win\n"
            "m.conf:18: warning: duplicate device section for \"ACME\" \"Y\" (also at m.conf:7); "
            "merged, later settings win\n"
            "m.conf:2: warning: device entry \"ACME\" \"X\" never takes effect: the one at "
            "m.conf:12 sets all of its keywords again\n"
            "0 errors, 3 warnings\n");
}

TEST(LintTest, BlacklistRulesThatMatchNoPresentDevice) {
  const std::string conf =
      "blacklist {\n wwid \"^36001405a\"\n devnode \"^nvme\"\n"
      " device {\n  vendor HITACHI\n }\n}\n"
      "blacklist_exceptions {\n wwid 36001405bbbb\n protocol scsi:fcp\n}\n";
  std::string out = Lint(conf, TwoLuns());
  EXPECT_EQ(out,
            "m.conf:3: warning: blacklist devnode \"^nvme\" matches no present device\n"
            "m.conf:4: warning: blacklist device \"HITACHI\" \"\" matches no present device\n"
            "m.conf:10: warning: blacklist_exceptions protocol \"scsi:fcp\" matches no present "
            "device\n"
            "0 errors, 3 warnings\n");
  EXPECT_EQ(Lint(conf), "0 errors, 0 warnings\n") << "present devices unknown: not checked";
}

TEST(LintTest, DevLossShorterThanTheRetries) {
  EXPECT_EQ(Lint("defaults {\n polling_interval 10\n no_path_retry 12\n dev_loss_tmo 60\n}\n"),
            "m.conf:4: warning: dev_loss_tmo 60 is shorter than no_path_retry 12 x "
            "polling_interval 10 = 120 s: the paths would go before the retries end (120 s is "
            "used)\n"
            "0 errors, 1 warning\n");
  EXPECT_EQ(Lint("defaults {\n no_path_retry 12\n dev_loss_tmo 60\n}\n"), "0 errors, 0 warnings\n")
      << "12 x 5 = 60: long enough";
  // Per present device: the devices section's dev_loss_tmo for LIO-ORG.
  std::string out = Lint(
      "defaults {\n no_path_retry 30\n}\n"
      "devices {\n device {\n  vendor LIO-ORG\n  product .*\n  dev_loss_tmo 100\n }\n}\n",
      TwoLuns());
  EXPECT_NE(out.find("m.conf:8: warning: dev_loss_tmo 100 is shorter than no_path_retry 30 x "
                     "polling_interval 5 = 150 s (for sda, LIO-ORG,disk0)"),
            std::string::npos)
      << out;
  EXPECT_TRUE(out.ends_with("0 errors, 1 warning\n")) << out;
}

}  // namespace
}  // namespace mpx
