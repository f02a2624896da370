#include "partition/raw_slices.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

// The reference's contained-slice pass over BSD and Sun labels, case by case.
TEST(RawSlicesTest, MarkContainedAsTheReference) {
  struct Case {
    const char* what = "";
    std::vector<RawSlice> in;
    std::vector<RawSlice> out;
    size_t warnings = 0;
  };
  const Case cases[] = {
      {"apart", {{0, 10}, {10, 10}}, {{0, 10}, {10, 10}}, 0},
      {"inside", {{5, 5}, {0, 100}}, {{5, 5, 2}, {0, 100}}, 0},
      {"the same range: each holds the other", {{0, 10}, {0, 10}}, {{0, 10, 2}, {0, 10, 1}}, 0},
      {"ends inside a later one: emptied", {{0, 10}, {5, 10}}, {{0, 0}, {5, 10}}, 1},
      {"the one starting first is emptied", {{5, 10}, {0, 10}}, {{5, 10}, {0, 0}}, 1},
      {"the last holder wins", {{5, 5}, {0, 100}, {0, 50}}, {{5, 5, 3}, {0, 100}, {0, 50, 2}}, 0},
      {"an emptied slot holds nothing",
       {{0, 10}, {5, 10}, {6, 1}},
       {{0, 0}, {5, 10}, {6, 1, 2}},
       1},
      {"empty slots are not compared", {{0, 0}, {5, 5}}, {{0, 0}, {5, 5}}, 0},
  };
  for (const auto& c : cases) {
    std::vector<RawSlice> slots = c.in;
    std::vector<std::string> warnings;
    MarkContained(slots, warnings);
    ASSERT_EQ(slots.size(), c.out.size()) << c.what;
    for (size_t i = 0; i < slots.size(); ++i) {
      EXPECT_EQ(slots[i].start, c.out[i].start) << c.what << " " << i;
      EXPECT_EQ(slots[i].size, c.out[i].size) << c.what << " " << i;
      EXPECT_EQ(slots[i].container, c.out[i].container) << c.what << " " << i;
    }
    EXPECT_EQ(warnings.size(), c.warnings) << c.what;
  }
}

TEST(RawSlicesTest, TableKeepsNumbersByPlaceAndLeavesOutWhatIsOffTheDisk) {
  PartitionTable t =
      TableFromSlots("x", {{0, 10}, {0, 0}, {95, 5, 1}, {95, 6}, {100, 1}}, 100, {"before"});
  EXPECT_EQ(t.format, "x");
  EXPECT_EQ(t.slices, (std::vector<Slice>{{1, 0, 10, 0}, {3, 95, 5, 1}}));
  EXPECT_EQ(t.warnings, (std::vector<std::string>{
                            "before", "partition 4 lies beyond the end of the disk; left out",
                            "partition 5 lies beyond the end of the disk; left out"}));
}

}  // namespace
}  // namespace mpx
