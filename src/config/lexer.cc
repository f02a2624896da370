#include "config/lexer.h"

namespace mpx {
namespace {

bool IsBlank(char c) {
  auto u = static_cast<unsigned char>(c);
  return u == ' ' || (u >= '\t' && u <= '\r') || u >= 0x80;
}

bool EndsWord(char c) {
  return IsBlank(c) || c == '"' || c == '{' || c == '}' || c == '#' || c == '!';
}

// Reads a quoted string starting after the opening quote at *pos, up to its
// closing quote or the end of the line; false when there was none.
bool ReadQuoted(std::string_view line, size_t* pos, std::string* out) {
  size_t i = *pos;
  while (i < line.size()) {
    if (line[i] != '"') {
      out->push_back(line[i++]);
      continue;
    }
    if (i + 1 < line.size() && line[i + 1] == '"') {  // "" stands for one quote
      out->push_back('"');
      i += 2;
      continue;
    }
    *pos = i + 1;
    return true;
  }
  *pos = i;
  return false;
}

}  // namespace

LineTokens TokenizeLine(std::string_view line) {
  LineTokens out;
  std::vector<Token>& tokens = out.tokens;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (IsBlank(c)) {
      ++i;
    } else if (c == '#' || c == '!') {
      break;
    } else if (c == '{' || c == '}') {
      tokens.push_back({c == '{' ? Token::kOpen : Token::kClose, std::string(1, c)});
      ++i;
    } else if (c == '"') {
      ++i;
      tokens.push_back({Token::kString, ""});
      out.unterminated_quote = !ReadQuoted(line, &i, &tokens.back().text);
    } else {
      size_t start = i;
      while (i < line.size() && !EndsWord(line[i])) ++i;
      tokens.push_back({Token::kWord, std::string(line.substr(start, i - start))});
    }
  }
  return out;
}

std::vector<std::string_view> SplitConfigLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    size_t cut = line.find_first_of(std::string_view("\r\0", 2));
    lines.push_back(line.substr(0, cut));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace mpx
