#include "daemon/cow_table.h"

#include <gtest/gtest.h>

#include <string>

namespace mpx {
namespace {

TEST(CowTableTest, KeepsInsertionOrderAndReplacesInPlace) {
  CowTable<int, std::string> t;
  t.Put(3, "c");
  t.Put(1, "a");
  t.Put(2, "b");
  t.Put(1, "A");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(*t.items()[0].second, "c");
  EXPECT_EQ(*t.items()[1].second, "A");
  EXPECT_EQ(*t.Find(2), "b");
  EXPECT_EQ(t.Find(9), nullptr);
  EXPECT_TRUE(t.Erase(3));
  EXPECT_FALSE(t.Erase(3));
  EXPECT_EQ(*t.items()[0].second, "A");
  EXPECT_EQ(*t.Find(2), "b");
}

TEST(CowTableTest, ASnapshotNeverSeesLaterChanges) {
  CowTable<int, std::string> t;
  t.Put(1, "before");
  t.Put(2, "untouched");
  auto snapshot = t.items();  // what a reader holds
  t.Mutable(1) = "after";
  EXPECT_EQ(*snapshot[0].second, "before");
  EXPECT_EQ(*t.Find(1), "after");
  // The value nobody changed is shared, not copied.
  EXPECT_EQ(snapshot[1].second.get(), t.items()[1].second.get());
}

TEST(CowTableTest, UnsharedValuesChangeWithoutACopy) {
  CowTable<int, std::string> t;
  t.Put(1, "x");
  const std::string* before = t.Find(1);
  t.Mutable(1) += "y";
  EXPECT_EQ(t.Find(1), before);
  EXPECT_EQ(*t.Find(1), "xy");
}

}  // namespace
}  // namespace mpx
