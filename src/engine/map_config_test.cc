#include "engine/map_config.h"

#include <gtest/gtest.h>

#include "config/parser.h"

namespace mpx {
namespace {

Config Parse(std::string_view text) {
  auto c = ParseConfig(text, "multipath.conf");
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return c.ok() ? c->config : Config{};
}

Path ScsiDebug() {
  Path p;
  p.vendor = "Linux";
  p.model = "scsi_debug";
  p.rev = "0191";
  return p;
}

TEST(MapConfigTest, CompiledDefaults) {
  MapConfig m = ResolveMapConfig(Config{}, ScsiDebug(), "3600a");
  EXPECT_EQ(m.settings.grouping, GroupingPolicy::kFailover);
  EXPECT_EQ(m.settings.selector, "service-time 0");
  EXPECT_EQ(m.settings.features, "0");
  EXPECT_FALSE(m.table.queue_if_no_path.has_value());
  EXPECT_FALSE(m.user_friendly_names);
  EXPECT_EQ(m.alias_prefix, "mpath");
  EXPECT_TRUE(m.detect_prio);
  ASSERT_FALSE(m.explain.empty());
  EXPECT_EQ(m.explain[1],
            "3600a: path_grouping_policy = \"failover\" (setting: multipath internal)");
}

TEST(MapConfigTest, PrecedenceReachesTheTableSettings) {
  Config c = Parse(
      "defaults {\n user_friendly_names yes\n path_grouping_policy multibus\n no_path_retry "
      "queue\n}\n"
      "devices {\n device {\n  vendor Linux\n  product scsi_debug\n  path_grouping_policy "
      "group_by_prio\n"
      "  hardware_handler \"1 alua\"\n  prio alua\n  rr_weight priorities\n }\n}\n"
      "multipaths {\n multipath {\n  wwid 3600a\n  alias data1\n  path_selector \"round-robin "
      "0\"\n }\n}\n");
  MapConfig m = ResolveMapConfig(c, ScsiDebug(), "3600a");
  EXPECT_EQ(m.alias, "data1");
  EXPECT_TRUE(m.user_friendly_names);
  EXPECT_EQ(m.settings.grouping, GroupingPolicy::kGroupByPrio);
  EXPECT_EQ(m.settings.selector, "round-robin 0");
  EXPECT_EQ(m.settings.hwhandler, "1 alua");
  EXPECT_EQ(m.prio, "alua");
  EXPECT_TRUE(m.table.rr_weight_priorities);
  EXPECT_EQ(m.table.queue_if_no_path, true);
  MapConfig other = ResolveMapConfig(c, ScsiDebug(), "3600b");
  EXPECT_EQ(other.alias, "");
  EXPECT_EQ(other.settings.selector, "service-time 0");
}

TEST(MapConfigTest, NoPathRetryFailTurnsQueueingOff) {
  Config c = Parse("defaults {\n features \"1 queue_if_no_path\"\n no_path_retry fail\n}\n");
  MapConfig m = ResolveMapConfig(c, ScsiDebug(), "3600a");
  EXPECT_EQ(m.table.queue_if_no_path, false);
  EXPECT_EQ(m.settings.features, "1 queue_if_no_path");
}

}  // namespace
}  // namespace mpx
