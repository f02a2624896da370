#include "scsi/vendor_pages.h"

#include <algorithm>
#include <cstring>

namespace mpx::scsi {
namespace {

// The first N bytes of `data`, zero-filled past its end.
template <size_t N>
std::array<uint8_t, N> Padded(std::span<const uint8_t> data) {
  std::array<uint8_t, N> out{};
  std::copy_n(data.begin(), std::min(N, data.size()), out.begin());
  return out;
}

// Bytes [from, from + len) as text, stopping at the first NUL ("%.Ns").
template <size_t N>
std::string Text(const std::array<uint8_t, N>& b, size_t from, size_t len) {
  std::string s;
  for (size_t i = from; i < from + len && i < N && b[i] != 0; ++i) s += static_cast<char>(b[i]);
  return s;
}

bool Matches(const uint8_t* at, const char* word) {
  return std::memcmp(at, word, std::strlen(word)) == 0;
}

}  // namespace

ClariionUnitPath DecodeClariionPage(std::span<const uint8_t> page) {
  auto b = Padded<49>(page);
  ClariionUnitPath u;
  u.page_code = b[1];
  u.lun_state = b[4];
  u.default_owner = b[5];
  u.path_sp = b[8];
  u.page_revision = b[9];
  std::copy_n(b.begin() + 10, u.wwn.size(), u.wwn.begin());
  u.initiator_type = b[27];
  u.failover_mode = b[28] & 0x07;
  u.arraycommpath = (b[30] & 0x04) != 0;
  u.lun_operations = b[48];
  return u;
}

RdacVolumeAccess DecodeRdacPage(std::span<const uint8_t> page) {
  auto b = Padded<14>(page);
  RdacVolumeAccess v;
  v.peripheral = b[0];
  v.page_code = b[1];
  v.page_length = b[3];
  for (size_t i = 0; i < v.id.size(); ++i) v.id[i] = static_cast<char>(b[4 + i]);
  v.avtcvp = b[8];
  v.preferred = b[9] & 0x0f;
  v.alua_state = b[10] & 0x0f;
  v.unavailable_reason = b[11];
  v.alt_alua_state = b[12] & 0x0f;
  return v;
}

OntapGva DecodeOntapGva(std::span<const uint8_t> reply) {
  auto b = Padded<18>(reply);
  OntapGva g;
  g.signature_ok = b[4] == 0x0a && b[5] == 0x98 && b[6] == 0x0a && b[7] == 0x01;
  g.total_length = (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  g.page = b[8];
  if (Matches(&b[12], "ism_sw") || Matches(&b[12], "iswt")) {
    g.transport = OntapTransport::kIscsiSoftware;
  } else if (Matches(&b[12], "ism_sn")) {
    g.transport = OntapTransport::kIscsiHardware;
  }
  return g;
}

OntapProxy DecodeOntapProxyPage(std::span<const uint8_t> page) {
  auto b = Padded<20>(page);
  OntapProxy p;
  p.known_format = b[1] == 0xc1 && b[8] == 0x0a && b[9] == 0x98 && b[10] == 0x0a && b[11] == 0x00 &&
                   b[12] == 0xc1 && b[13] == 0x00;
  p.proxy = (b[19] & 0x02) != 0;
  return p;
}

HitachiInquiry DecodeHitachiInquiry(std::span<const uint8_t> inquiry) {
  auto b = Padded<51>(inquiry);
  return {Text(b, 44, 4), static_cast<char>(b[49]), static_cast<char>(b[50])};
}

std::string DatacoreSdsName(std::span<const uint8_t> inquiry) {
  return Text(Padded<128>(inquiry), 112, 16);
}

}  // namespace mpx::scsi
