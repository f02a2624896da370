#include "scsi/vpd.h"

#include <cerrno>
#include <cstdio>
#include <optional>

#include "base/strings.h"

namespace mpx::scsi {
namespace {

constexpr size_t kPageHeader = 4;
constexpr size_t kDescriptorHeader = 4;
// The reference keeps WWIDs and serials in 128-byte C buffers (WWID_SIZE,
// SERIAL_SIZE): it reads at most 128 designator bytes and keeps 127 characters.
constexpr size_t kMaxInput = 128;
constexpr size_t kMaxOutput = 127;

std::string HexByte(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "0x%02x", v & 0xff);
  return buf;
}

// Checks the 4-byte header of VPD page `code` and returns the page body
// (bytes 4 .. 4 + page length). Trailing buffer bytes are not part of it.
Result<std::span<const uint8_t>> PageBody(std::span<const uint8_t> page, uint8_t code) {
  const std::string what = "VPD page " + HexByte(code) + ": ";
  if (page.size() < kPageHeader) {
    return MakeError(what + "buffer of " + std::to_string(page.size()) +
                         " bytes is shorter than the 4-byte header",
                     EINVAL);
  }
  if (page[1] != code) {
    return MakeError(what + "page code at offset 1 is " + HexByte(page[1]), EINVAL);
  }
  size_t length = (size_t{page[2]} << 8) | page[3];
  if (kPageHeader + length > page.size()) {
    return MakeError(what + "page length " + std::to_string(length) + " at offset 2 needs " +
                         std::to_string(kPageHeader + length) + " bytes, buffer has " +
                         std::to_string(page.size()),
                     EINVAL);
  }
  return page.subspan(kPageHeader, length);
}

// Rank of a designator in the reference's choice (higher wins), and why it
// is malformed if it is. Ranking and validity rules verified against
// multipath-tools 0.9.4 libmultipath/discovery.c parse_vpd_pg83(): its
// priorities are NAA 6 = 8, NAA 5 = 7, NAA 2 = 6, EUI-64 = 4, SCSI name
// string = 3, T10 vendor id = 2, NAA 3 = 1; everything else (vendor specific,
// UUID) is never chosen. Association 1 and 2 are skipped; association 3
// counts as malformed, and so do (in 0.9.4, changed in 0.9.5) vendor specific,
// LU group and MD5 designators with LUN association, like the port-only types.
// Code set, PIV and protocol identifier are ignored.
struct Verdict {
  int rank = 0;         // 0: never chosen
  std::string problem;  // non-empty: malformed, never chosen
};

Verdict NaaVerdict(const Designator& d) {
  if (d.id.empty()) return {0, "NAA designator of length 0"};
  unsigned naa = d.id[0] >> 4;
  int rank = 0;
  size_t want = 8;
  switch (naa) {
    case 6:
      rank = 8, want = 16;
      break;
    case 5:
      rank = 7;
      break;
    case 2:
      rank = 6;
      break;
    case 3:
      rank = 1;
      break;
    default:
      return {0, "NAA designator with unsupported NAA field " + std::to_string(naa)};
  }
  if (d.id.size() != want) {
    return {0, "NAA " + std::to_string(naa) + " designator of length " +
                   std::to_string(d.id.size()) + ", expected " + std::to_string(want)};
  }
  return {rank, ""};
}

bool HasNamePrefix(const std::vector<uint8_t>& id) {
  if (id.size() < 4) return false;
  std::string_view p(reinterpret_cast<const char*>(id.data()), 4);
  return p == "eui." || p == "naa." || p == "iqn.";
}

std::string LengthProblem(const Designator& d, std::string_view want) {
  return std::string(DesignatorTypeName(d.type)) + " designator of length " +
         std::to_string(d.id.size()) + ", expected " + std::string(want);
}

Verdict Judge(const Designator& d) {
  if (d.association == 3) return {0, "designator with reserved association 3"};
  if (d.association != 0) return {};  // target port or target device: not the LU
  const size_t n = d.id.size();
  switch (d.type) {
    case 3:
      return NaaVerdict(d);
    case 2:
      if (n != 8 && n != 12 && n != 16) return {0, LengthProblem(d, "8, 12 or 16")};
      return {4, ""};
    case 8:
      if (!HasNamePrefix(d.id)) return {0, "SCSI name string without eui., naa. or iqn. prefix"};
      return {3, ""};
    case 1:
      if (n < 8) return {0, LengthProblem(d, "at least 8")};
      return {2, ""};
    case 0xa:
      return {};  // UUID: accepted, never chosen
    default:
      return {0, std::string(DesignatorTypeName(d.type)) +
                     " designator is not accepted with LUN association"};
  }
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ScsiNameWwid(std::span<const uint8_t> id) {
  std::string_view text(reinterpret_cast<const char*>(id.data()), id.size());
  std::string_view prefix = text.substr(0, 4);
  char kind = prefix == "eui." ? '2' : prefix == "naa." ? '3' : '8';
  std::string out(1, kind);
  std::string_view name = text.substr(4);
  name = name.substr(0, name.find('\0'));  // the string is NUL padded
  for (char c : name) out.push_back(kind == '8' ? c : AsciiLower(c));
  return out;
}

// "1" + the text with each run of spaces turned into one '_' and a trailing
// run dropped. The 8-byte vendor field gets no special treatment: a vendor
// of exactly 8 characters runs straight into the product.
std::string T10Wwid(std::span<const uint8_t> id) {
  std::string out = "1";
  size_t i = 0;
  while (i < id.size()) {
    if (id[i] != ' ') {
      out.push_back(static_cast<char>(id[i++]));
      continue;
    }
    while (i < id.size() && id[i] == ' ') ++i;
    if (i < id.size()) out.push_back('_');
  }
  return out;
}

// What the reference does to every WWID string at the end: keep at most 127
// characters, stop at the first NUL (C string) and drop trailing spaces.
std::string Finish(std::string s) {
  s = s.substr(0, kMaxOutput);
  s = s.substr(0, s.find('\0'));
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string FormatWwid(const Designator& d) {
  std::span<const uint8_t> id(d.id);
  if (id.size() > kMaxInput) id = id.first(kMaxInput);
  switch (d.type) {
    case 3:
      return Finish("3" + HexLower(id));
    case 2:
      return Finish("2" + HexLower(id));
    case 8:
      return Finish(ScsiNameWwid(id));
    default:
      return Finish(T10Wwid(id));
  }
}

// Splits the page body into descriptors, stopping at the first one that does
// not fit. `fault` names it; `header_cut` tells a partial header (1-3 stray
// bytes at the end, which the reference ignores) from a body overflow (where
// the reference stops but keeps what it found before).
struct Walk {
  std::vector<Designator> designators;
  std::optional<Error> fault;
  bool header_cut = false;
};

Walk WalkDescriptors(std::span<const uint8_t> page, size_t end) {
  Walk w;
  size_t off = kPageHeader;
  while (off < end) {
    if (off + kDescriptorHeader > end) {
      w.fault = MakeError("VPD page 0x83: designator header at offset " + std::to_string(off) +
                              " cut short by page end " + std::to_string(end),
                          EINVAL);
      w.header_cut = true;
      break;
    }
    const size_t len = page[off + 3];
    if (off + kDescriptorHeader + len > end) {
      w.fault =
          MakeError("VPD page 0x83: designator at offset " + std::to_string(off) + " has length " +
                        std::to_string(len) + " beyond page end " + std::to_string(end),
                    EINVAL);
      break;
    }
    Designator d;
    d.protocol_id = page[off] >> 4;
    d.code_set = page[off] & 0x0f;
    d.piv = (page[off + 1] & 0x80) != 0;
    d.association = (page[off + 1] >> 4) & 0x3;
    d.type = page[off + 1] & 0x0f;
    d.offset = off;
    auto bytes = page.subspan(off + kDescriptorHeader, len);
    d.id.assign(bytes.begin(), bytes.end());
    w.designators.push_back(std::move(d));
    off += kDescriptorHeader + len;
  }
  return w;
}

}  // namespace

Result<std::vector<Designator>> ParseVpd83(std::span<const uint8_t> page) {
  auto body = PageBody(page, 0x83);
  if (!body) return body.error();
  Walk w = WalkDescriptors(page, kPageHeader + body->size());
  if (w.fault) return *w.fault;
  return std::move(w.designators);
}

Result<std::string> WwidFromVpd83(std::span<const uint8_t> page) {
  auto body = PageBody(page, 0x83);
  if (!body) return body.error();
  // Like the reference, use what precedes a descriptor that does not fit.
  Walk w = WalkDescriptors(page, kPageHeader + body->size());
  const Designator* best = nullptr;
  int best_rank = 0;
  std::string first_problem;
  for (const Designator& d : w.designators) {
    Verdict v = Judge(d);
    if (!v.problem.empty()) {
      if (first_problem.empty()) {
        first_problem = v.problem + " at offset " + std::to_string(d.offset);
      }
      continue;
    }
    if (v.rank > best_rank) {  // strictly greater: the first of equal rank wins
      best = &d;
      best_rank = v.rank;
    }
  }
  if (best != nullptr) return FormatWwid(*best);
  if (w.fault && !w.header_cut) return *w.fault;
  if (!first_problem.empty()) {
    return MakeError("VPD page 0x83: no usable designator; " + first_problem, EINVAL);
  }
  return MakeError(
      "VPD page 0x83: no LUN designator of type NAA, EUI-64, SCSI name string or T10 vendor id",
      ENODATA);
}

Result<std::string> WwidFromVpd80(std::span<const uint8_t> page) {
  auto body = PageBody(page, 0x80);
  if (!body) return body.error();
  std::string_view serial(reinterpret_cast<const char*>(body->data()), body->size());
  serial = serial.substr(0, kMaxInput);
  while (!serial.empty() && serial.back() == ' ') serial.remove_suffix(1);
  while (!serial.empty() && serial.front() == ' ') serial.remove_prefix(1);
  serial = serial.substr(0, serial.find('\0'));
  serial = serial.substr(0, kMaxOutput);
  if (serial.empty()) return MakeError("VPD page 0x80: empty unit serial number", ENODATA);
  return std::string(serial);
}

std::string_view DesignatorTypeName(uint8_t type) {
  switch (type) {
    case 0x0:
      return "vendor specific";
    case 0x1:
      return "T10 vendor id";
    case 0x2:
      return "EUI-64";
    case 0x3:
      return "NAA";
    case 0x4:
      return "relative target port";
    case 0x5:
      return "target port group";
    case 0x6:
      return "logical unit group";
    case 0x7:
      return "MD5 logical unit";
    case 0x8:
      return "SCSI name string";
    case 0x9:
      return "protocol specific";
    case 0xa:
      return "UUID";
    default:
      return "reserved";
  }
}

}  // namespace mpx::scsi
