#include "policy/dm_table.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(DmTableTest, ParsesTheReferenceExample) {
  auto t = ParseTable(
      "0 2097152 multipath 1 queue_if_no_path 0 2 1 round-robin 0 2 1 8:16 1 8:32 1 "
      "round-robin 0 1 1 8:48 1");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->length, 2097152u);
  EXPECT_EQ(t->features, std::vector<std::string>{"queue_if_no_path"});
  EXPECT_EQ(t->hwhandler, "");
  EXPECT_EQ(t->initial_group, 1u);
  ASSERT_EQ(t->groups.size(), 2u);
  EXPECT_EQ(t->groups[0].selector, "round-robin");
  EXPECT_EQ(t->groups[0].paths[1], (DmTablePath{"8:32", {"1"}}));
  EXPECT_EQ(t->groups[1].paths[0].dev, "8:48");
}

TEST(DmTableTest, FormatParseIsIdentity) {
  const char* tables[] = {
      "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:16 1",
      "0 2097152 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 2 1 8:16 1 8:32 1 "
      "service-time 0 1 1 8:48 1",
      "0 8 multipath 3 queue_if_no_path pg_init_retries 50 0 1 1 round-robin 0 1 1 65:16 100",
      "0 8 multipath 4 pg_init_retries 50 pg_init_delay_msecs 2000 2 emc 1 1 1 round-robin 0 1 1 "
      "8:0 1",
      "16 4096 multipath 2 queue_mode bio 3 rdac a b 3 2 queue-length 0 1 1 8:0 1 "
      "historical-service-time 2 x y 2 2 8:16 1 7 8:32 2 9 round-robin 0 1 0 259:1048575",
      "0 0 multipath 0 0 0 0",
      "0 18446744073709551615 multipath 1 retain_attached_hw_handler 0 1 1 service-time 0 1 2 "
      "4294967295:4294967295 1 1",
  };
  for (const char* line : tables) {
    auto t = ParseTable(line);
    ASSERT_TRUE(t.ok()) << line << ": " << t.error().message;
    EXPECT_EQ(FormatTable(*t), line);
  }
}

TEST(DmTableTest, AcceptsTheKernelsTrailingSpaceAndOtherBlanks) {
  auto t = ParseTable("0 8 multipath 0 0 1 1 service-time 0 1 2 8:16 1 1 \n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(FormatTable(*t), "0 8 multipath 0 0 1 1 service-time 0 1 2 8:16 1 1");
  EXPECT_TRUE(ParseTable("0\t8  multipath 0 0 0 0").ok());
}

struct BadCase {
  const char* line;
  const char* error;
};

TEST(DmTableTest, MalformedTablesNameTheWordAndWhatWasExpected) {
  const BadCase cases[] = {
      {"", "dm table: word 0 (end of line): expected the start sector"},
      {"x", "dm table: word 0 (\"x\"): expected the start sector"},
      {"0 -8 multipath", "dm table: word 1 (\"-8\"): expected the length in sectors"},
      {"0 8 linear 8:0 0", "dm table: word 2 (\"linear\"): expected the target type \"multipath\""},
      {"0 8 multipath", "dm table: word 3 (end of line): expected the number of feature words"},
      {"0 8 multipath 2 queue_if_no_path",
       "dm table: word 5 (end of line): expected a feature word"},
      {"0 8 multipath 0 2 alua", "dm table: word 6 (end of line): expected a hardware handler arg"},
      {"0 8 multipath 0 0 1 0",
       "dm table: word 6 (\"0\"): expected the initial path group, 1 to 1"},
      {"0 8 multipath 0 0 2 3",
       "dm table: word 6 (\"3\"): expected the initial path group, 1 to 2"},
      {"0 8 multipath 0 0 0 1",
       "dm table: word 6 (\"1\"): expected the initial path group, 0 with no groups"},
      {"0 8 multipath 0 0 1 1 service-time x",
       "dm table: word 8 (\"x\"): expected the number of selector args"},
      {"0 8 multipath 0 0 1 1 service-time 0 0 1",
       "dm table: word 9 (\"0\"): expected the number of paths, at least 1"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 sdb 1",
       "dm table: word 11 (\"sdb\"): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8: 1",
       "dm table: word 11 (\"8:\"): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8:16:1 1",
       "dm table: word 11 (\"8:16:1\"): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 2 1 8:16 1",
       "dm table: word 13 (end of line): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8:16",
       "dm table: word 12 (end of line): expected a per-path arg"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8:16 1 8:32 1",
       "dm table: word 13 (\"8:32\"): expected the end of the table"},
      {"0 8 multipath 0 0 4294967296 1",
       "dm table: word 5 (\"4294967296\"): expected the number of path groups"},
      {"0 8 multipath 99999999999 0",
       "dm table: word 3 (\"99999999999\"): expected the number of feature words"},
  };
  for (const auto& c : cases) {
    auto t = ParseTable(c.line);
    ASSERT_FALSE(t.ok()) << c.line;
    EXPECT_EQ(t.error().message, c.error) << c.line;
    EXPECT_EQ(t.error().code, 22);
  }
}

TEST(DmTableTest, HugeCountsFailAtTheEndInsteadOfAllocating) {
  auto t = ParseTable("0 8 multipath 4294967295 a b");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message, "dm table: word 6 (end of line): expected a feature word");
}

// Lines read back from the Debian 12 kernel (6.1) in the lab (tests/lab/dm_probe.cc).
TEST(DmTableTest, KernelNormalisation) {
  struct Echo {
    const char* given;
    const char* kernel;
  };
  const Echo echoes[] = {
      // service-time prints 2 per-path args: repeat count and relative throughput.
      {"0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1",
       "0 16384 multipath 0 1 alua 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1 "},
      // Features in the kernel's order; repeat counts above 1 become 1; "0"
      // stays "0" although scsi_dh_alua is attached to the paths.
      {"0 16384 multipath 3 pg_init_retries 50 queue_if_no_path 0 2 1 round-robin 0 1 1 8:0 3 "
       "round-robin 0 1 1 8:16 3",
       "0 16384 multipath 3 queue_if_no_path pg_init_retries 50 0 2 1 round-robin 0 1 1 8:0 1 "
       "round-robin 0 1 1 8:16 1 "},
  };
  for (const auto& e : echoes) {
    auto given = ParseTable(e.given);
    auto kernel = ParseTable(e.kernel);
    ASSERT_TRUE(given.ok() && kernel.ok()) << e.kernel;
    EXPECT_EQ(FormatTable(*kernel) + " ", e.kernel);
    EXPECT_EQ(kernel->groups.size(), given->groups.size());
  }
  // After "switch_group 2" and "fail_if_no_path" the table shows the group
  // the next I/O goes to and the features without queue_if_no_path.
  auto t = ParseTable(
      "0 16384 multipath 2 pg_init_retries 50 0 2 2 round-robin 0 1 1 8:0 1 round-robin 0 1 1 8:16 "
      "1 ");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->initial_group, 2u);
  // Statuses: fresh (no I/O yet, no group active), after fail_path, and the
  // reference's map after its pg_init.
  for (const char* line : {
           "0 16384 multipath 2 1 0 0 2 1 E 0 1 2 8:32 A 0 0 1 E 0 1 2 8:48 A 0 0 1 ",
           "0 16384 multipath 2 1 0 0 2 1 E 0 1 0 8:32 F 1 E 0 1 0 8:48 A 0 ",
           "0 16384 multipath 2 0 1 0 2 1 E 0 1 2 8:16 A 0 0 1 E 0 1 2 8:0 A 0 0 1 ",
       }) {
    auto s = ParseStatus(line);
    EXPECT_TRUE(s.ok()) << line << ": " << (s.ok() ? "" : s.error().message);
  }
}

TEST(DmTableTest, ParseCountedWords) {
  EXPECT_EQ(*ParseCountedWords("0"), std::vector<std::string>{});
  EXPECT_EQ(*ParseCountedWords("2 pg_init_retries 50"),
            (std::vector<std::string>{"pg_init_retries", "50"}));
  EXPECT_EQ(ParseCountedWords("2 queue_if_no_path").error().message,
            "\"2 queue_if_no_path\": expected a word count followed by that many words");
  EXPECT_FALSE(ParseCountedWords("").ok());
  EXPECT_FALSE(ParseCountedWords("queue_if_no_path").ok());
}

TEST(DmStatusTest, ParsesAKernelStatusLine) {
  // service-time prints two per-path status args (in-flight size, relative throughput).
  auto s = ParseStatus(
      "0 2097152 multipath 2 1 3 0 2 2 E 0 2 2 8:16 A 0 0 1 8:32 F 2 0 1 A 0 1 2 8:48 A 0 0 1 ");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_TRUE(s->queueing);
  EXPECT_EQ(s->pg_init_count, 3u);
  EXPECT_EQ(s->current_group, 2u);
  ASSERT_EQ(s->groups.size(), 2u);
  EXPECT_EQ(s->groups[0].state, DmGroupState::kEnabled);
  EXPECT_EQ(s->groups[1].state, DmGroupState::kActive);
  EXPECT_EQ(s->groups[0].paths[1], (DmPathStatus{"8:32", false, 2, {"0", "1"}}));
  EXPECT_EQ(s->groups[1].paths[0].dev, "8:48");
}

TEST(DmStatusTest, RoundRobinHasNoPathStatusArgsAndDisabledGroups) {
  auto s = ParseStatus("0 8 multipath 2 0 0 0 2 1 A 0 1 0 8:0 F 1 D 0 1 0 8:16 A 0");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_FALSE(s->queueing);
  EXPECT_EQ(s->groups[0].paths[0], (DmPathStatus{"8:0", false, 1, {}}));
  EXPECT_EQ(s->groups[1].state, DmGroupState::kDisabled);
  EXPECT_TRUE(ParseStatus("0 8 multipath 2 0 0 0 0 0").ok());
}

TEST(DmStatusTest, MalformedStatusesNameTheWordAndWhatWasExpected) {
  const BadCase cases[] = {
      {"0 8 multipath 3 0 0 0",
       "dm status: word 3 (\"3\"): expected the number of feature status words (2)"},
      {"0 8 multipath 2 2 0 0", "dm status: word 4 (\"2\"): expected the queueing flag (0 or 1)"},
      {"0 8 multipath 2 0 0 1",
       "dm status: word 7 (end of line): expected a hardware handler status word"},
      {"0 8 multipath 2 0 0 0 1 2",
       "dm status: word 8 (\"2\"): expected the current path group, 1 to 1"},
      {"0 8 multipath 2 0 0 0 1 1 X 0 1 0 8:0 A 0",
       "dm status: word 9 (\"X\"): expected a group state (A, E or D)"},
      {"0 8 multipath 2 0 0 0 1 1 A 0 1 0 8:0 a 0",
       "dm status: word 14 (\"a\"): expected a path state (A or F)"},
      {"0 8 multipath 2 0 0 0 1 1 A 0 1 0 8:0 A",
       "dm status: word 15 (end of line): expected the fail count"},
      {"0 8 multipath 2 0 0 0 1 1 A 0 1 2 8:0 A 0 0",
       "dm status: word 17 (end of line): expected a path status arg"},
      {"0 8 multipath 2 0 0 0 1 1 A 0 1 0 8:0 A 0 x",
       "dm status: word 16 (\"x\"): expected the end of the status"},
  };
  for (const auto& c : cases) {
    auto s = ParseStatus(c.line);
    ASSERT_FALSE(s.ok()) << c.line;
    EXPECT_EQ(s.error().message, c.error) << c.line;
  }
}

class BuildTableTest : public testing::Test {
 protected:
  void SetUp() override {
    for (uint32_t i = 0; i < 3; ++i) {
      Path p;
      p.major = 8;
      p.minor = 16 * (i + 1);
      paths_.Put(p);
    }
    map_.name = "mpatha";
    map_.size_sectors = 2097152;
    map_.groups = {Group({{8, 16}, {8, 32}}, 50, "service-time 0"),
                   Group({{8, 48}}, 10, "service-time 0")};
  }
  static PathGroup Group(std::vector<PathId> ids, int prio, const char* selector) {
    PathGroup g;
    g.paths = std::move(ids);
    g.priority = prio;
    g.selector = selector;
    return g;
  }
  std::string Build(const TableOptions& o = {}) {
    auto t = BuildTable(map_, paths_, o);
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? FormatTable(*t) : "";
  }
  PathSet paths_;
  MultipathMap map_;
};

TEST_F(BuildTableTest, TheReferencesLayout) {
  EXPECT_EQ(
      Build(),
      "0 2097152 multipath 0 0 2 1 service-time 0 2 1 8:16 1 8:32 1 service-time 0 1 1 8:48 1");
  map_.features = "1 queue_if_no_path";
  map_.hwhandler = "1 alua";
  EXPECT_EQ(Build(),
            "0 2097152 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 2 1 8:16 1 8:32 1 "
            "service-time 0 1 1 8:48 1");
}

TEST_F(BuildTableTest, RrMinIoRqTimesPriorityWithRrWeightPriorities) {
  TableOptions o;
  o.rr_min_io_rq = 2;
  EXPECT_EQ(
      Build(o),
      "0 2097152 multipath 0 0 2 1 service-time 0 2 1 8:16 2 8:32 2 service-time 0 1 1 8:48 2");
  o.rr_weight_priorities = true;
  paths_.at({8, 16}).priority = 50;
  paths_.at({8, 32}).priority = 0;  // a priority of 0 keeps rr_min_io_rq
  paths_.at({8, 48}).priority = 10;
  EXPECT_EQ(
      Build(o),
      "0 2097152 multipath 0 0 2 1 service-time 0 2 1 8:16 100 8:32 2 service-time 0 1 1 8:48 20");
}

TEST_F(BuildTableTest, NoPathRetryAddsOrRemovesQueueIfNoPath) {
  map_.features = "3 queue_if_no_path pg_init_retries 50";
  TableOptions o;
  o.queue_if_no_path = false;
  EXPECT_EQ(BuildTable(map_, paths_, o)->features,
            (std::vector<std::string>{"pg_init_retries", "50"}));
  o.queue_if_no_path = true;
  EXPECT_EQ(BuildTable(map_, paths_, o)->features,
            (std::vector<std::string>{"pg_init_retries", "50", "queue_if_no_path"}));
  map_.features = "0";
  EXPECT_EQ(BuildTable(map_, paths_, o)->features, std::vector<std::string>{"queue_if_no_path"});
}

TEST_F(BuildTableTest, NoGroupsGiveInitialGroupZero) {
  map_.groups.clear();
  EXPECT_EQ(Build(), "0 2097152 multipath 0 0 0 0");
}

TEST_F(BuildTableTest, Errors) {
  map_.features = "2 queue_if_no_path";
  EXPECT_EQ(BuildTable(map_, paths_).error().message,
            "map mpatha: features \"2 queue_if_no_path\": expected a word count followed by that "
            "many words");
  map_.features = "0";
  map_.groups[1].selector = "service-time";
  EXPECT_EQ(BuildTable(map_, paths_).error().message,
            "map mpatha: path_selector \"service-time\": expected a name, a word count and that "
            "many words");
  map_.groups[1] = Group({{8, 112}}, 1, "round-robin 0");
  EXPECT_EQ(BuildTable(map_, paths_).error().message, "map mpatha: path 8:112 is not known");
  map_.groups[1] = Group({}, 1, "round-robin 0");
  EXPECT_EQ(BuildTable(map_, paths_).error().message, "map mpatha: path group 2 has no paths");
}

}  // namespace
}  // namespace mpx
