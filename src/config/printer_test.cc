#include "config/printer.h"

#include <gtest/gtest.h>

#include "config/parser.h"

namespace mpx {
namespace {

const char* kUserConfig =
    "defaults {\n"
    "  polling_interval 10\n"
    "  no_path_retry 0\n"
    "}\n"
    "blacklist {\n"
    "  device {\n"
    "    product \"2.5\"\" SSD\"\n"
    "    vendor X\n"
    "  }\n"
    "  wwid \"^36\"\n"
    "  devnode \"^loop\"\n"
    "}\n"
    "devices {\n"
    "  device {\n"
    "    vendor ACME\n"
    "    product W\n"
    "    failback 30\n"
    "    path_grouping_policy multibus\n"
    "  }\n"
    "}\n"
    "multipaths {\n"
    "  multipath {\n"
    "    wwid w1\n"
    "    alias db\n"
    "  }\n"
    "}\n";

TEST(PrinterTest, OnlyWhatWasSet) {
  auto p = ParseConfig(kUserConfig, "multipath.conf");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(PrintConfig(p->config, {.merged = false}),
            "defaults {\n"
            "\tpolling_interval 10\n"
            "\tno_path_retry \"fail\"\n"
            "}\n"
            "blacklist {\n"
            "\tdevnode \"^loop\"\n"
            "\twwid \"^36\"\n"
            "\tdevice {\n"
            "\t\tvendor \"X\"\n"
            "\t\tproduct \"2.5\"\" SSD\"\n"
            "\t}\n"
            "}\n"
            "devices {\n"
            "\tdevice {\n"
            "\t\tvendor \"ACME\"\n"
            "\t\tproduct \"W\"\n"
            "\t\tpath_grouping_policy \"multibus\"\n"
            "\t\tfailback 30\n"
            "\t}\n"
            "}\n"
            "multipaths {\n"
            "\tmultipath {\n"
            "\t\twwid \"w1\"\n"
            "\t\talias \"db\"\n"
            "\t}\n"
            "}\n");
}

TEST(PrinterTest, MergedLikeMultipathT) {
  Config empty;
  EXPECT_EQ(PrintConfig(empty),
            "defaults {\n"
            "\tpolling_interval 5\n"
            "\tpath_grouping_policy \"failover\"\n"
            "\tuid_attribute \"ID_SERIAL\"\n"
            "\tpath_selector \"service-time 0\"\n"
            "\tpath_checker \"tur\"\n"
            "\talias_prefix \"mpath\"\n"
            "\tfeatures \"0\"\n"
            "\tprio \"const\"\n"
            "\tprio_args \"\"\n"
            "\tfailback \"manual\"\n"
            "\trr_weight \"uniform\"\n"
            "\tno_path_retry \"fail\"\n"
            "\trr_min_io_rq 1\n"
            "\tuser_friendly_names \"no\"\n"
            "\tretain_attached_hw_handler \"yes\"\n"
            "\tdetect_prio \"yes\"\n"
            "\tfind_multipaths \"strict\"\n"
            "\tfind_multipaths_timeout -10\n"
            "}\n"
            "blacklist {\n"
            "\tdevnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\"\n"
            "}\n"
            "blacklist_exceptions {\n"
            "\tproperty \"(SCSI_IDENT_|ID_WWN)\"\n"
            "}\n"
            "devices {\n"
            "}\n"
            "overrides {\n"
            "}\n");
}

TEST(PrinterTest, MergedKeepsUserEntriesBeforeBuiltIns) {
  auto p = ParseConfig(kUserConfig, "multipath.conf");
  ASSERT_TRUE(p.ok());
  std::string out = PrintConfig(p->config);
  EXPECT_NE(out.find("\tpolling_interval 10\n"), std::string::npos);
  EXPECT_NE(out.find("\tdevnode \"^loop\"\n\tdevnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\"\n"),
            std::string::npos);
}

TEST(PrinterTest, ParsePrintParseGivesTheSameConfig) {
  auto first = ParseConfig(kUserConfig, "multipath.conf");
  ASSERT_TRUE(first.ok());
  std::string printed = PrintConfig(first->config, {.merged = false});
  auto second = ParseConfig(printed, "printed");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_TRUE(second->warnings.empty());
  EXPECT_EQ(PrintConfig(second->config, {.merged = false}), printed);
  // The merged output parses too, to the same effective defaults.
  auto merged = ParseConfig(PrintConfig(first->config), "merged");
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(
      PrintConfig(merged->config, {.merged = false}).find("defaults {\n\tpolling_interval 10\n"),
      0u);
}

}  // namespace
}  // namespace mpx
