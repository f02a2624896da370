// Lexer for multipath.conf: splits one line into tokens the way the reference
// (libmultipath/parser.c, 0.9.4) does, so every file it accepts reads the same.
//   - '#' and '!' outside quotes start a comment to the end of the line;
//   - a word ends at whitespace, '"', '{', '}', '#' or '!'; bytes >= 0x80 count
//     as whitespace outside quotes (the reference skips them with isascii());
//   - "a quoted string" keeps spaces, '#', '!', braces; "" inside it is one '"';
//     one not closed runs to the end of the line;
//   - '{' and '}' are tokens of their own outside quotes.
// A line ends at '\n', '\r' or NUL (the reference reads with fgets and cuts at
// the first '\r' or '\n'; C strings end at NUL).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpx {

struct Token {
  enum Kind { kWord, kString, kOpen, kClose };
  Kind kind = kWord;
  std::string text;  // the word or the unquoted string; "{" / "}" for braces
  bool operator==(const Token&) const = default;
};

struct LineTokens {
  std::vector<Token> tokens;
  // A quoted string is not closed: the last token is a kString holding the
  // rest of the line, as the reference reads it (with a warning).
  bool unterminated_quote = false;
};

// Tokens of one line (without its terminator).
LineTokens TokenizeLine(std::string_view line);

// Splits text into lines the way the reader sees them: each element is the
// content before the first '\n', '\r' or NUL of that line.
std::vector<std::string_view> SplitConfigLines(std::string_view text);

}  // namespace mpx
