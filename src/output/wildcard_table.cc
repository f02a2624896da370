#include "output/wildcard_table.h"

#include <algorithm>
#include <vector>

namespace mpx {
namespace {

// A format split into literal text and columns.
struct Piece {
  std::string text;  // literal text, when column < 0
  int column = -1;   // index into the columns
};

struct Parsed {
  std::vector<Piece> pieces;
  std::vector<const Wildcard*> columns;
};

const Wildcard* Find(std::span<const Wildcard> known, char c) {
  for (const Wildcard& w : known) {
    if (w.letter == c) return &w;
  }
  return nullptr;
}

Parsed Parse(std::string_view format, std::span<const Wildcard> known) {
  Parsed p;
  std::string literal;
  for (size_t i = 0; i < format.size(); ++i) {
    const Wildcard* w =
        format[i] == '%' && i + 1 < format.size() ? Find(known, format[i + 1]) : nullptr;
    if (w == nullptr) {
      literal.push_back(format[i]);
      continue;
    }
    if (!literal.empty()) p.pieces.push_back({std::move(literal)});
    literal.clear();
    p.pieces.push_back({"", static_cast<int>(p.columns.size())});
    p.columns.push_back(w);
    ++i;
  }
  if (!literal.empty()) p.pieces.push_back({std::move(literal)});
  return p;
}

std::string Line(const Parsed& p, const std::vector<std::string>& cells,
                 const std::vector<size_t>& widths, bool pad) {
  std::string out;
  for (const Piece& piece : p.pieces) {
    if (piece.column < 0) {
      out += piece.text;
      continue;
    }
    const std::string& cell = cells[static_cast<size_t>(piece.column)];
    out += cell;
    if (pad) out.append(widths[static_cast<size_t>(piece.column)] - cell.size(), ' ');
  }
  return out + "\n";
}

}  // namespace

std::string RenderWildcardTable(std::string_view format, std::span<const Wildcard> known,
                                std::span<const RowValues> rows, const TableStyle& style) {
  Parsed p = Parse(format, known);
  std::vector<std::string> header;
  std::vector<size_t> widths;
  for (const Wildcard* w : p.columns) {
    header.emplace_back(w->header);
    widths.push_back(w->header.size());
  }
  std::vector<std::vector<std::string>> cells;
  for (const RowValues& row : rows) {
    std::vector<std::string> c;
    for (size_t k = 0; k < p.columns.size(); ++k) {
      c.push_back(row(p.columns[k]->letter));
      widths[k] = std::max(widths[k], c.back().size());
    }
    cells.push_back(std::move(c));
  }
  std::string out;
  if (style.header) out += Line(p, header, widths, style.pad);
  for (const auto& c : cells) out += Line(p, c, widths, style.pad);
  return out;
}

std::string ListWildcards(std::span<const Wildcard> known) {
  std::string out;
  for (const Wildcard& w : known) {
    out += "%";
    out.push_back(w.letter);
    out += "  ";
    out += w.header;
    out += "\n";
  }
  return out;
}

}  // namespace mpx
