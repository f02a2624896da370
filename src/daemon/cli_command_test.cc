#include "daemon/cli_command.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

struct Case {
  const char* line;
  CliCmd cmd;
  const char* path = "";
  const char* map = "";
  const char* group = "";
  const char* format = "";
  const char* key = "";
  bool json = false;
  bool read_only = false;
};

TEST(CliCommandTest, ParsesTheReferenceCommandsAndSynonyms) {
  const Case cases[] = {
      {.line = "show paths", .cmd = CliCmd::kShowPaths, .read_only = true},
      {.line = "list paths", .cmd = CliCmd::kShowPaths, .read_only = true},
      {.line = "show paths format \"%d %w %t\"",
       .cmd = CliCmd::kShowPathsFormat,
       .format = "%d %w %t",
       .read_only = true},
      {.line = "show paths raw format %d|%t",
       .cmd = CliCmd::kShowPathsRawFormat,
       .format = "%d|%t",
       .read_only = true},
      {.line = "show path sda", .cmd = CliCmd::kShowPath, .path = "sda", .read_only = true},
      {.line = "list multipaths", .cmd = CliCmd::kShowMaps, .read_only = true},
      {.line = "show maps json", .cmd = CliCmd::kShowMapsJson, .json = true, .read_only = true},
      {.line = "show multipath mpatha topology",
       .cmd = CliCmd::kShowMapTopology,
       .map = "mpatha",
       .read_only = true},
      {.line = "show map mpatha json",
       .cmd = CliCmd::kShowMapJson,
       .map = "mpatha",
       .json = true,
       .read_only = true},
      {.line = "show map 253:0 raw format \"%n %d\"",
       .cmd = CliCmd::kShowMapRawFormat,
       .map = "253:0",
       .format = "%n %d",
       .read_only = true},
      {.line = "show config local", .cmd = CliCmd::kShowConfigLocal, .read_only = true},
      {.line = "switch map mpatha group 2",
       .cmd = CliCmd::kSwitchGroup,
       .map = "mpatha",
       .group = "2"},
      {.line = "switchgroup multipath mpathb group 1",
       .cmd = CliCmd::kSwitchGroup,
       .map = "mpathb",
       .group = "1"},
      {.line = "remove path sdb", .cmd = CliCmd::kDelPath, .path = "sdb"},
      {.line = "del maps", .cmd = CliCmd::kDelMaps},
      {.line = "fail path 8:16", .cmd = CliCmd::kFailPath, .path = "8:16"},
      {.line = "reinstate path sdc", .cmd = CliCmd::kReinstatePath, .path = "sdc"},
      {.line = "reconfigure all", .cmd = CliCmd::kReconfigureAll},
      {.line = "disablequeueing maps", .cmd = CliCmd::kDisableQueueingMaps},
      {.line = "restorequeueing map mpatha", .cmd = CliCmd::kRestoreQueueingMap, .map = "mpatha"},
      {.line = "forcequeueing daemon", .cmd = CliCmd::kForceQueueingDaemon},
      {.line = "setprkey map mpatha key 0x123abc",
       .cmd = CliCmd::kSetPrKey,
       .map = "mpatha",
       .key = "0x123abc"},
      {.line = "exit", .cmd = CliCmd::kQuit, .read_only = true},
      {.line = "  show   status  ", .cmd = CliCmd::kShowStatus, .read_only = true},
      // Beyond the reference: JSON for every show command, and metrics.
      {.line = "show paths json", .cmd = CliCmd::kShowPaths, .json = true, .read_only = true},
      {.line = "show status json", .cmd = CliCmd::kShowStatus, .json = true, .read_only = true},
      {.line = "show path sda json",
       .cmd = CliCmd::kShowPath,
       .path = "sda",
       .json = true,
       .read_only = true},
      {.line = "show metrics", .cmd = CliCmd::kShowMetrics, .read_only = true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto r = ParseCliCommand(c.line);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->cmd, c.cmd);
    EXPECT_EQ(r->path, c.path);
    EXPECT_EQ(r->map, c.map);
    EXPECT_EQ(r->group, c.group);
    EXPECT_EQ(r->format, c.format);
    EXPECT_EQ(r->key, c.key);
    EXPECT_EQ(r->json, c.json);
    EXPECT_EQ(r->read_only, c.read_only);
  }
}

TEST(CliCommandTest, UnknownAndIncompleteCommandsGetTheReferenceReplies) {
  const std::pair<const char*, const char*> cases[] = {
      {"show", "show: Missing argument"},
      {"show paths format", "show paths format: Missing argument"},
      {"switchgroup map mpatha", "switchgroup map mpatha: Missing argument"},
      {"show bogus", "show bogus: not found"},
      {"bogus", "bogus: not found"},
      {"show pa", "show pa: not found"},
      {"show paths extra", "show paths extra: not found"},
      {"fail path sda now", "fail path sda now: not found"},
      {"show paths format \"%d", "show paths format \"%d: unclosed quote"},
  };
  for (const auto& [line, message] : cases) {
    SCOPED_TRACE(line);
    auto r = ParseCliCommand(line);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, message);
  }
}

TEST(CliCommandTest, UsageListsEveryCommandWithItsSynonyms) {
  std::string usage = CliUsage();
  EXPECT_NE(usage.find(" list|show paths raw format $format\n"), std::string::npos);
  EXPECT_NE(usage.find(" switch|switchgroup map|multipath $map group $group\n"), std::string::npos);
  EXPECT_NE(usage.find(" remove|del maps|multipaths\n"), std::string::npos);
  EXPECT_NE(usage.find(" quit|exit\n"), std::string::npos);
}

TEST(CliCommandTest, QuotedWordsKeepTheirBlanks) {
  auto w = SplitCliWords("show paths format \"%d  %w\" x\"y z\"");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.value(), (std::vector<std::string>{"show", "paths", "format", "%d  %w", "xy z"}));
}

}  // namespace
}  // namespace mpx
