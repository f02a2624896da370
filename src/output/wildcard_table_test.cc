#include "output/wildcard_table.h"

#include <gtest/gtest.h>

#include <map>

namespace mpx {
namespace {

constexpr Wildcard kKnown[] = {{'n', "name"}, {'d', "sysfs"}, {'w', "uuid"}, {'r', "write_prot"}};

RowValues Row(std::map<char, std::string> values) {
  return [values](char c) { return values.count(c) ? values.at(c) : std::string("?"); };
}

const RowValues kRows[] = {
    Row({{'n', "mpatha"}, {'d', "dm-0"}, {'w', "1Linux_scsi_debug_2000"}, {'r', "rw"}}),
    Row({{'n', "mpathb"}, {'d', "dm-1"}, {'w', "1Linux_scsi_debug_2001"}, {'r', "rw"}}),
};

// As the reference's `show maps` prints it, trailing blanks included.
TEST(WildcardTableTest, PadsEveryColumnToItsWidestCell) {
  EXPECT_EQ(RenderWildcardTable("%n %d %w", kKnown, kRows, {}),
            "name   sysfs uuid                  \n"
            "mpatha dm-0  1Linux_scsi_debug_2000\n"
            "mpathb dm-1  1Linux_scsi_debug_2001\n");
}

TEST(WildcardTableTest, RawHasNoHeaderAndNoPadding) {
  EXPECT_EQ(RenderWildcardTable("%n|%d|%r", kKnown, kRows, {.header = false, .pad = false}),
            "mpatha|dm-0|rw\nmpathb|dm-1|rw\n");
}

// `show map mpatha format "%n %d"`: no header, but padded ("dm-0 ").
TEST(WildcardTableTest, OneRowWithoutHeaderIsStillPadded) {
  EXPECT_EQ(RenderWildcardTable("%n %d", kKnown, std::span(kRows, 1), {.header = false}),
            "mpatha dm-0 \n");
}

TEST(WildcardTableTest, UnknownWildcardsAndATrailingPercentArePrintedAsTheyAre) {
  EXPECT_EQ(RenderWildcardTable("%n %q 100%", kKnown, std::span(kRows, 1),
                                {.header = false, .pad = false}),
            "mpatha %q 100%\n");
  EXPECT_EQ(RenderWildcardTable("%", kKnown, std::span(kRows, 1), {.pad = false}), "%\n%\n");
}

TEST(WildcardTableTest, ListsWildcardsLikeShowWildcards) {
  EXPECT_EQ(ListWildcards(std::span(kKnown, 2)), "%n  name\n%d  sysfs\n");
}

}  // namespace
}  // namespace mpx
