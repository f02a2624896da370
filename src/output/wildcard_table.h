// Tables from printf-like format strings, as multipathd's `show paths format
// "%d %t"` and `show maps format ...` print them: each %X wildcard becomes a
// column whose width is the widest of its header and its values (left
// aligned, padded with blanks), other text is copied, and a header line of
// the column names comes first. "raw" formats print values only, unpadded.
// Pure; the callers supply the wildcards and the values.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace mpx {

struct Wildcard {
  char letter;
  std::string_view header;  // the column name, and the `show wildcards` text
};

// The value of wildcard `letter` for one row.
using RowValues = std::function<std::string(char letter)>;

struct TableStyle {
  bool header = true;  // a header line first
  bool pad = true;     // columns padded to their widths (false: raw)
};

// A '%' followed by an unknown letter, or ending the format, is printed as it
// is. Every line ends in '\n'.
std::string RenderWildcardTable(std::string_view format, std::span<const Wildcard> known,
                                std::span<const RowValues> rows, const TableStyle& style);

// "%n  name" lines, as `show wildcards` lists them.
std::string ListWildcards(std::span<const Wildcard> known);

}  // namespace mpx
