#include "config/printer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "config/hwtable.h"
#include "config/lexer.h"
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

// What `multipath` (not multipathd) sets before it prints: it checks paths
// one at a time and never retriggers uevents.
void AsMultipathRuns(Config* c) {
  c->defaults.Set(Opt::kForceSync, Setting{int64_t{1}, "multipath"});
  c->defaults.Set(Opt::kRetriggerTries, Setting{int64_t{0}, "multipath"});
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string PrintLikeMultipathT(const std::string& text) {
  auto p = ParseConfig(text, "multipath.conf");
  if (!p.ok()) return "error: " + p.error().message;
  p->config.builtin_devices = BuiltinHardwareTable();
  AsMultipathRuns(&p->config);
  return PrintConfig(p->config);
}

// The first line where two texts differ, for a readable failure.
std::string FirstDifference(const std::string& want, const std::string& got) {
  std::vector<std::string_view> w = SplitConfigLines(want), g = SplitConfigLines(got);
  for (size_t i = 0; i < std::max(w.size(), g.size()); ++i) {
    std::string_view a = i < w.size() ? w[i] : "(end)", b = i < g.size() ? g[i] : "(end)";
    if (a != b) {
      return "line " + std::to_string(i + 1) + ": want \"" + std::string(a) + "\", got \"" +
             std::string(b) + "\"";
    }
  }
  return "";
}

// tests/reference/print/NAME.t is the reference's `multipath -t` for NAME.conf
// (record_print.sh): mpx prints the same text.
TEST(PrinterTest, PresentMapsGetTheirNameAsAComment) {
  auto p = ParseConfig(
      "multipaths {\n multipath {\n  wwid w1\n  alias db\n }\n"
      " multipath {\n  wwid w2\n  reservation_key 0x12\n }\n}\n",
      "multipath.conf");
  ASSERT_TRUE(p.ok()) << p.error().message;
  PresentDevices present;
  present.maps = {{"w1", "db"}, {"w2", "mpathb"}, {"w3", "mpathc"}};
  std::string out = PrintConfig(p->config, {.merged = true, .present = present});
  std::string multipaths = out.substr(out.find("multipaths {"));
  EXPECT_EQ(
      multipaths,
      "multipaths {\n"
      "\tmultipath {\n\t\twwid \"w1\"\n\t\talias \"db\"\n\t\t# alias \"db\"\n\t}\n"
      "\tmultipath {\n\t\twwid \"w2\"\n\t\treservation_key 0x12\n\t\t# alias \"mpathb\"\n\t}\n"
      "\tmultipath {\n\t\twwid \"w3\"\n\t\t# alias \"mpathc\"\n\t}\n"
      "}\n");
}

TEST(PrinterTest, PrintsWhatTheReferencePrints) {
  const std::string dir = std::string(MPX_SOURCE_DIR) + "/tests/reference/print/";
  for (const char* name : {"empty", "defaults", "defaults2", "devices", "overrides", "multipaths",
                           "blacklists", "quoting"}) {
    std::string want = ReadFile(dir + name + ".t");
    ASSERT_FALSE(want.empty()) << name;
    EXPECT_EQ(FirstDifference(want, PrintLikeMultipathT(ReadFile(dir + name + ".conf"))), "")
        << name;
  }
}

// `multipath -t` output is a configuration that prints as itself.
TEST(PrinterTest, PrintedConfigPrintsTheSame) {
  const std::string dir = std::string(MPX_SOURCE_DIR) + "/tests/reference/print/";
  for (const char* name : {"empty", "defaults", "defaults2", "devices", "overrides", "multipaths",
                           "blacklists", "quoting"}) {
    std::string once = PrintLikeMultipathT(ReadFile(dir + name + ".conf"));
    auto again = ParseConfig(once, "printed");
    ASSERT_TRUE(again.ok()) << name << ": " << again.error().message;
    // Only what the reference says of its own output too: bindings_file,
    // wwids_file and prkeys_file are deprecated.
    EXPECT_EQ(again->warnings.size(), 3u) << name;
    for (const std::string& w : again->warnings) {
      EXPECT_NE(w.find("is deprecated and will be disabled in a future release"), std::string::npos)
          << name << ": " << w;
    }
    again->config.builtin_devices = BuiltinHardwareTable();
    EXPECT_EQ(PrintConfig(again->config), once) << name;
  }
}

// Where the reference's -t output does not read back as what it printed,
// mpx prints what does.
TEST(PrinterTest, PrintsWhatReadsBack) {
  auto p = ParseConfig(
      "defaults {\n uid 1000\n gid 100\n uid_attrs \"sd:ID_SERIAL nvme:ID_WWN\"\n max_fds 0\n}\n",
      "multipath.conf");
  ASSERT_TRUE(p.ok());
  std::string out = PrintConfig(p->config, {.merged = false});
  EXPECT_EQ(out,
            "defaults {\n"
            "\tuid_attrs \"sd:ID_SERIAL nvme:ID_WWN\"\n"  // the reference: bare
            "\tmax_fds 0\n"                               // the reference: nothing (max)
            "\tuid 1000\n"                                // the reference: 01750
            "\tgid 100\n"                                 // the reference: 0144
            "}\n");
  auto again = ParseConfig(out, "printed");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(PrintConfig(again->config, {.merged = false}), out);
  // The reference prints a blacklist device's "device {" only with a vendor
  // and its "}" only with a product.
  p = ParseConfig("blacklist {\n device {\n  vendor V\n }\n device {\n  product P\n }\n}\n", "f");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(
      PrintConfig(p->config, {.merged = false}),
      "blacklist {\n\tdevice {\n\t\tvendor \"V\"\n\t}\n\tdevice {\n\t\tproduct \"P\"\n\t}\n}\n");
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
}

}  // namespace
}  // namespace mpx
