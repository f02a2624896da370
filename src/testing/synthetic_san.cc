#include "testing/synthetic_san.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/strings.h"

namespace mpx::testing {
namespace {

namespace fs = std::filesystem;

// Majors of the sd driver: 16 disks each.
constexpr int kSdMajors[] = {8, 65, 66, 67, 68, 69, 70, 71, 128, 129, 130, 131, 132, 133, 134, 135};

std::pair<int, int> DevT(size_t index) {
  if (index < 256) return {kSdMajors[index / 16], static_cast<int>(index % 16) * 16};
  return {259, static_cast<int>(index)};  // blkext, as the kernel does past 256 disks
}

std::string Pad(std::string s, size_t n) {
  s.resize(n, ' ');
  return s;
}

Status WriteFile(const fs::path& p, std::string_view content) {
  std::ofstream f(p, std::ios::binary);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!f) return MakeError("cannot write " + p.string(), EIO);
  return {};
}

const char* AluaState(int host) {
  static const char* kStates[] = {"active/optimized", "active/non-optimized", "standby"};
  return kStates[host % 3];
}

}  // namespace

std::string StandardInquiry(const std::string& vendor, const std::string& model) {
  std::string d(8, '\0');
  d[2] = 0x07;  // SPC-5
  d[3] = 0x02;
  d[4] = 31;    // additional length
  d[5] = 0x10;  // TPGS: implicit ALUA
  return d + Pad(vendor, 8) + Pad(model, 16) + "0191";
}

std::string SdName(size_t index) {
  std::string suffix;
  size_t n = index + 1;  // bijective base 26
  while (n > 0) {
    --n;
    suffix.insert(suffix.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  }
  return "sd" + suffix;
}

std::vector<uint8_t> Vpd83Naa6(uint64_t lun_id, int tpg) {
  // Header, then NAA 6 (IEEE Registered Extended): code set binary, LUN
  // association, type 3. (Built as one list: GCC 12 -O3 sees a false
  // -Warray-bounds in a vector growing from 4 bytes by insert.)
  std::vector<uint8_t> page = {0x00, 0x83, 0x00, 0x00, 0x01, 0x03,
                               0x00, 0x10, 0x60, 0x0a, 0x09, 0x80};
  page.reserve(40);
  for (int i = 7; i >= 0; --i) page.push_back(static_cast<uint8_t>(lun_id >> (i * 8)));
  page.insert(page.end(), {0x00, 0x00, 0x00, 0x01});
  // Target port group: code set binary, PIV, target port association, type 5.
  page.insert(page.end(), {0x01, 0x95, 0x00, 0x04, 0x00, 0x00, static_cast<uint8_t>(tpg >> 8),
                           static_cast<uint8_t>(tpg & 0xff)});
  size_t len = page.size() - 4;
  page[2] = static_cast<uint8_t>(len >> 8);
  page[3] = static_cast<uint8_t>(len & 0xff);
  return page;
}

std::string Naa6Wwid(uint64_t lun_id) {
  std::vector<uint8_t> page = Vpd83Naa6(lun_id, 0);
  return "3" + HexLower(std::span<const uint8_t>(page.data() + 8, 16));
}

Status WriteSyntheticSan(const std::string& root, const SanShape& shape) {
  std::error_code ec;
  const fs::path sys = fs::path(root) / "sys";
  for (const char* d : {"block", "class/scsi_host", "dev/block"})
    fs::create_directories(sys / d, ec);
  for (int h = 0; h < shape.hosts; ++h) {
    const std::string host = "host" + std::to_string(h);
    const fs::path hostdir = sys / "devices/pseudo_0" / ("adapter" + std::to_string(h)) / host;
    fs::create_directories(hostdir / "scsi_host" / host, ec);
    fs::create_symlink("../../devices/pseudo_0/adapter" + std::to_string(h) + "/" + host,
                       sys / "class/scsi_host" / host, ec);
    for (int l = 0; l < shape.luns; ++l) {
      const size_t index = static_cast<size_t>(h) * shape.luns + l;
      const std::string hctl = std::to_string(h) + ":0:0:" + std::to_string(l);
      const fs::path sdev = hostdir / ("target" + std::to_string(h) + ":0:0") / hctl;
      const std::string name = SdName(index);
      const fs::path blk = sdev / "block" / name;
      fs::create_directories(blk, ec);
      if (ec) return MakeError("cannot create " + blk.string() + ": " + ec.message(), EIO);
      auto page = Vpd83Naa6(static_cast<uint64_t>(l) + 1, h + 1);
      auto [maj, min] = DevT(index);
      const std::string devt = std::to_string(maj) + ":" + std::to_string(min);
      for (auto [file, content] : std::initializer_list<std::pair<fs::path, std::string>>{
               {sdev / "vendor", Pad(shape.vendor, 8) + "\n"},
               {sdev / "model", Pad(shape.model, 16) + "\n"},
               {sdev / "rev", "0191\n"},
               {sdev / "state", "running\n"},
               {sdev / "type", "0\n"},
               {sdev / "access_state", std::string(AluaState(h)) + "\n"},
               {sdev / "preferred_path", "0\n"},
               {sdev / "dh_state", "alua\n"},
               {sdev / "vpd_pg83", std::string(page.begin(), page.end())},
               {blk / "dev", devt + "\n"},
               {blk / "size", std::to_string(shape.size_sectors) + "\n"},
               // Write-only in the kernel (reads give the device's environment);
               // empty here, so a test sees what was written to it.
               {blk / "uevent", ""}}) {
        if (Status s = WriteFile(file, content); !s.ok()) return s;
      }
      if (shape.inquiry_attr) {
        if (Status s = WriteFile(sdev / "inquiry", StandardInquiry(shape.vendor, shape.model));
            !s.ok()) {
          return s;
        }
      }
      fs::create_symlink("../../../" + hctl, blk / "device", ec);
      const std::string rel = "devices/pseudo_0/adapter" + std::to_string(h) + "/" + host +
                              "/target" + std::to_string(h) + ":0:0/" + hctl + "/block/" + name;
      fs::create_symlink("../" + rel, sys / "block" / name, ec);
      fs::create_symlink("../../" + rel, sys / "dev/block" / devt, ec);
      if (ec) return MakeError("cannot link " + name + ": " + ec.message(), EIO);
    }
  }
  return {};
}

}  // namespace mpx::testing
