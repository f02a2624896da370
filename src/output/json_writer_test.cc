#include "output/json_writer.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(JsonWriterTest, NestedDocument) {
  JsonWriter w;
  w.BeginObject().Field("name", "mpatha").Key("paths").BeginArray();
  w.BeginObject().Field("dev", "sda").Field("prio", int64_t{50}).EndObject();
  w.EndArray().Field("ok", true).Key("empty").BeginArray().EndArray().EndObject();
  EXPECT_EQ(w.Take(),
            "{\n  \"name\": \"mpatha\",\n  \"paths\": [\n    {\n      \"dev\": \"sda\",\n"
            "      \"prio\": 50\n    }\n  ],\n  \"ok\": true,\n  \"empty\": []\n}\n");
}

TEST(JsonWriterTest, EscapesControlAndQuotes) {
  EXPECT_EQ(JsonEscape("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
}

}  // namespace
}  // namespace mpx
