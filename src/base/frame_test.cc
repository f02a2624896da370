#include "base/frame.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

namespace mpx {
namespace {

TEST(FrameTest, EncodesLengthTextAndNul) {
  std::string f = EncodeFrame("show paths");
  ASSERT_EQ(f.size(), sizeof(size_t) + 11);
  size_t len = 0;
  std::memcpy(&len, f.data(), sizeof len);
  EXPECT_EQ(len, 11u);
  EXPECT_EQ(f.substr(sizeof len), std::string("show paths\0", 11));
}

TEST(FrameTest, ReassemblesFramesSplitAnywhere) {
  std::string stream = EncodeFrame("show paths") + EncodeFrame("fail path sda") + EncodeFrame("x");
  for (size_t piece = 1; piece <= stream.size(); ++piece) {
    SCOPED_TRACE(piece);
    FrameReader r(kMaxCommandBytes);
    std::vector<std::string> got;
    for (size_t i = 0; i < stream.size(); i += piece) {
      size_t n = std::min(piece, stream.size() - i);
      ASSERT_TRUE(r.Feed(std::span<const char>(stream.data() + i, n), &got).ok());
    }
    EXPECT_EQ(got, (std::vector<std::string>{"show paths", "fail path sda", "x"}));
    EXPECT_TRUE(r.idle());
  }
}

TEST(FrameTest, HalfAFrameStaysBuffered) {
  std::string f = EncodeFrame("show maps");
  FrameReader r(kMaxCommandBytes);
  std::vector<std::string> got;
  ASSERT_TRUE(r.Feed(std::span<const char>(f.data(), f.size() - 3), &got).ok());
  EXPECT_TRUE(got.empty());
  EXPECT_FALSE(r.idle());
  EXPECT_EQ(r.buffered(), f.size() - 3);
}

TEST(FrameTest, HugeOrZeroLengthsBreakTheConnection) {
  for (size_t len : {size_t{0}, kMaxCommandBytes + 1, ~size_t{0}}) {
    std::string f(sizeof len, '\0');
    std::memcpy(f.data(), &len, sizeof len);
    FrameReader r(kMaxCommandBytes);
    std::vector<std::string> got;
    Status s = r.Feed(f, &got);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, EMSGSIZE);
    // Broken for good: later bytes are refused too.
    EXPECT_FALSE(r.Feed(EncodeFrame("show paths"), &got).ok());
    EXPECT_TRUE(got.empty());
  }
}

TEST(FrameTest, TextEndsAtTheFirstNul) {
  std::string payload("show\0junk", 9);
  size_t len = payload.size();
  std::string f(sizeof len, '\0');
  std::memcpy(f.data(), &len, sizeof len);
  f += payload;
  FrameReader r(kMaxCommandBytes);
  std::vector<std::string> got;
  ASSERT_TRUE(r.Feed(f, &got).ok());
  EXPECT_EQ(got, std::vector<std::string>{"show"});
}

}  // namespace
}  // namespace mpx
