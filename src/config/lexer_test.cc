#include "config/lexer.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

std::vector<Token> Lex(std::string_view line) {
  LineTokens t = TokenizeLine(line);
  EXPECT_FALSE(t.unterminated_quote) << line;
  return t.tokens;
}

Token W(const char* s) { return {Token::kWord, s}; }
Token S(const char* s) { return {Token::kString, s}; }
const Token kOpen{Token::kOpen, "{"};
const Token kClose{Token::kClose, "}"};

TEST(LexerTest, WordsAndBraces) {
  EXPECT_EQ(Lex("  path_grouping_policy\tmultibus  "),
            (std::vector<Token>{W("path_grouping_policy"), W("multibus")}));
  EXPECT_EQ(Lex("defaults {"), (std::vector<Token>{W("defaults"), kOpen}));
  EXPECT_EQ(Lex("defaults{}"), (std::vector<Token>{W("defaults"), kOpen, kClose}));
  EXPECT_EQ(Lex("}"), (std::vector<Token>{kClose}));
}

TEST(LexerTest, QuotedStringsKeepSpacesHashAndBang) {
  EXPECT_EQ(Lex(R"(features "1 queue_if_no_path # ! {x}")"),
            (std::vector<Token>{W("features"), S("1 queue_if_no_path # ! {x}")}));
  EXPECT_EQ(Lex(R"(prio_args "")"), (std::vector<Token>{W("prio_args"), S("")}));
  // Two quotes inside a string stand for one (multipath.conf(5): "2.5"" SSD").
  EXPECT_EQ(Lex(R"(product "2.5"" SSD")"), (std::vector<Token>{W("product"), S("2.5\" SSD")}));
  EXPECT_EQ(Lex(R"(x """")"), (std::vector<Token>{W("x"), S("\"")}));
  // A quote ends a word, as in the reference.
  EXPECT_EQ(Lex(R"(prio_args "x"y)"), (std::vector<Token>{W("prio_args"), S("x"), W("y")}));
  EXPECT_EQ(Lex(R"(a"b")"), (std::vector<Token>{W("a"), S("b")}));
}

TEST(LexerTest, CommentsOutsideQuotes) {
  EXPECT_TRUE(Lex("# a comment").empty());
  EXPECT_TRUE(Lex("   ! also a comment").empty());
  EXPECT_EQ(Lex("polling_interval 10 # ten"), (std::vector<Token>{W("polling_interval"), W("10")}));
  EXPECT_EQ(Lex("polling_interval 10!ten"), (std::vector<Token>{W("polling_interval"), W("10")}));
  EXPECT_EQ(Lex("alias_prefix \"a#b\" # c"), (std::vector<Token>{W("alias_prefix"), S("a#b")}));
}

TEST(LexerTest, NonAsciiIsBlankOutsideQuotesOnly) {
  EXPECT_EQ(Lex("alias\xc3\xa9x"), (std::vector<Token>{W("alias"), W("x")}));
  EXPECT_EQ(Lex("alias \"\xc3\xa9\""), (std::vector<Token>{W("alias"), S("\xc3\xa9")}));
}

// The reference warns and reads the string to the end of the line.
TEST(LexerTest, UnterminatedQuoteRunsToTheEndOfTheLine) {
  LineTokens t = TokenizeLine(R"(uid_attribute "ID_X # not a comment } {)");
  EXPECT_TRUE(t.unterminated_quote);
  EXPECT_EQ(t.tokens, (std::vector<Token>{W("uid_attribute"), S("ID_X # not a comment } {")}));
  t = TokenizeLine(R"(x "a"")");  // "" is a quote, not the end
  EXPECT_TRUE(t.unterminated_quote);
  EXPECT_EQ(t.tokens, (std::vector<Token>{W("x"), S("a\"")}));
  t = TokenizeLine(R"(x ")");
  EXPECT_TRUE(t.unterminated_quote);
  EXPECT_EQ(t.tokens, (std::vector<Token>{W("x"), S("")}));
}

TEST(LexerTest, LinesEndAtNewlineCarriageReturnOrNul) {
  const char raw[] = "a 1\r\nb \"x\ry\"\nc\0d\nlast";
  std::string text(raw, sizeof raw - 1);
  auto lines = SplitConfigLines(text);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a 1");
  EXPECT_EQ(lines[1], "b \"x");  // the reference cuts a line at its first '\r'
  EXPECT_EQ(lines[2], "c");
  EXPECT_EQ(lines[3], "last");
  EXPECT_TRUE(SplitConfigLines("").empty());
  EXPECT_EQ(SplitConfigLines("a\n").size(), 1u);
}

}  // namespace
}  // namespace mpx
