#include "discovery/scsi_path.h"

#include <cerrno>

#include "base/strings.h"
#include "scsi/inquiry.h"

namespace mpx {
namespace {

Result<std::string> ReadTrimmed(const Sysfs& fs, const std::string& path) {
  auto r = fs.Read(path);
  if (!r.ok()) return r.error();
  return std::string(Trim(r.value()));
}

std::string ReadOr(const Sysfs& fs, const std::string& path, std::string_view fallback) {
  auto r = ReadTrimmed(fs, path);
  return r.ok() ? std::move(r).value() : std::string(fallback);
}

Error Bad(std::string_view dev, std::string_view what) {
  return MakeError(std::string(dev) + ": " + std::string(what), EINVAL);
}

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != s.npos; }

// Peripheral type, vendor, model and revision: from the `inquiry` attribute
// in one read when the kernel has it, else from the four text attributes.
Status ReadIdentity(const Sysfs& fs, const std::string& d, Path& p) {
  std::string dev = p.dev;
  if (auto raw = fs.Read(d + "inquiry"); raw.ok()) {
    auto q =
        scsi::DecodeStandardInquiry({reinterpret_cast<const uint8_t*>(raw->data()), raw->size()});
    if (q.ok()) {
      if (q->device_type != 0) {
        return Bad(dev,
                   "SCSI peripheral type " + std::to_string(q->device_type) + " is not a disk");
      }
      p.tpgs = q->tpgs;
      p.vendor = q->vendor;
      p.model = q->product;
      p.rev = q->revision;
      return {};
    }
  }
  std::string type = ReadOr(fs, d + "type", "");
  if (type != "0") {
    return Bad(dev, "SCSI peripheral type " + (type.empty() ? "unknown" : type) + " is not a disk");
  }
  p.vendor = ReadOr(fs, d + "vendor", "");
  p.model = ReadOr(fs, d + "model", "");
  p.rev = ReadOr(fs, d + "rev", "");
  return {};
}

}  // namespace

Result<Hctl> ParseHctl(std::string_view s) {
  auto f = Split(Trim(s), ':');
  if (f.size() != 4) return MakeError("not H:C:T:L: \"" + std::string(s) + "\"", EINVAL);
  auto h = ParseU64(f[0]), c = ParseU64(f[1]), t = ParseU64(f[2]), l = ParseU64(f[3]);
  if (!h || !c || !t || !l || *h > INT32_MAX || *c > INT32_MAX || *t > INT32_MAX) {
    return MakeError("not H:C:T:L: \"" + std::string(s) + "\"", EINVAL);
  }
  return Hctl{static_cast<int>(*h), static_cast<int>(*c), static_cast<int>(*t), *l};
}

Result<std::pair<uint32_t, uint32_t>> ParseDevT(std::string_view s) {
  auto f = Split(Trim(s), ':');
  std::optional<uint64_t> maj, min;
  if (f.size() == 2) maj = ParseU64(f[0]), min = ParseU64(f[1]);
  if (!maj || !min || *maj > 0xfff || *min > 0xfffff) {
    return MakeError("not MAJOR:MINOR: \"" + std::string(Trim(s)) + "\"", EINVAL);
  }
  return std::pair<uint32_t, uint32_t>(static_cast<uint32_t>(*maj), static_cast<uint32_t>(*min));
}

std::string DetectTransport(const Sysfs& fs, std::string_view p, const Hctl& hctl) {
  // The SCSI transport classes put their objects between the host and the
  // target in the device path; SPI only shows as a class device.
  if (Contains(p, "/rport-")) return "fc";
  if (Contains(p, "/session")) return "iscsi";
  if (Contains(p, "/end_device-") || Contains(p, "/expander-")) return "sas";
  if (Contains(p, "/usb")) return "usb";
  if (Contains(p, "/ata")) return "ata";
  std::string target = std::to_string(hctl.host) + ":" + std::to_string(hctl.channel) + ":" +
                       std::to_string(hctl.target);
  if (fs.Exists("class/srp_remote_ports") && Contains(p, "/port-")) return "srp";
  if (fs.Exists("class/spi_transport/target" + target)) return "spi";
  return "unspec";
}

// The component of `p` that begins with `prefix` ("rport-", "session"), or "".
std::string_view Component(std::string_view p, std::string_view prefix) {
  for (std::string_view c : Split(p, '/')) {
    if (c.starts_with(prefix)) return c;
  }
  return {};
}

// The target's name as the reference takes it per transport: the FC remote
// port's node_name, the iSCSI session's targetname, the SAS device's
// address, the USB interface the SCSI host hangs off; "" when none.
std::string ReadTargetNodeName(const Sysfs& fs, const Path& p, const std::string& d) {
  if (p.transport == "fc") {
    std::string_view rport = Component(p.sysfs_path, "rport-");
    return ReadOr(fs, "class/fc_remote_ports/" + std::string(rport) + "/node_name", "");
  }
  if (p.transport == "iscsi") {
    std::string_view session = Component(p.sysfs_path, "session");
    return ReadOr(fs, "class/iscsi_session/" + std::string(session) + "/targetname", "");
  }
  if (p.transport == "sas") return ReadOr(fs, d + "sas_address", "");
  if (p.transport == "usb") {
    std::vector<std::string_view> parts = Split(p.sysfs_path, '/');
    for (size_t i = 1; i < parts.size(); ++i) {
      if (parts[i].starts_with("host")) return std::string(parts[i - 1]);
    }
  }
  return "";
}

Result<Path> ReadScsiPath(const Sysfs& fs, std::string_view dev) {
  Path p;
  p.dev = std::string(dev);
  p.devnode = "/dev/" + p.dev;
  const std::string base = "block/" + p.dev;

  auto devt_text = fs.Read(base + "/dev");
  if (!devt_text.ok()) return devt_text.error();
  auto devt = ParseDevT(devt_text.value());
  if (!devt.ok()) return Bad(dev, "dev attribute " + devt.error().message);
  p.major = devt->first;
  p.minor = devt->second;

  auto size = ParseU64(ReadOr(fs, base + "/size", ""));
  if (!size) return Bad(dev, "unreadable or malformed size attribute");
  p.size_sectors = *size;

  auto scsi = fs.Resolve(base + "/device");
  if (!scsi.ok()) return Bad(dev, "no SCSI device (no device link)");
  p.sysfs_path = std::move(scsi).value();
  auto slash = p.sysfs_path.rfind('/');
  auto hctl = ParseHctl(p.sysfs_path.substr(slash == std::string::npos ? 0 : slash + 1));
  if (!hctl.ok()) return Bad(dev, "device is not a SCSI device: " + hctl.error().message);
  p.hctl = hctl.value();

  const std::string d = base + "/device/";
  if (Status s = ReadIdentity(fs, d, p); !s.ok()) return s.error();
  p.sysfs_state = ReadOr(fs, d + "state", "unknown");
  // The ALUA attributes exist only while scsi_dh_alua is attached.
  p.hw_handler = ReadOr(fs, d + "dh_state", "");
  if (p.hw_handler == "detached") p.hw_handler.clear();
  if (p.hw_handler == "alua") {
    p.alua_state = ReadOr(fs, d + "access_state", "");
    std::string pref = ReadOr(fs, d + "preferred_path", "");
    if (!pref.empty()) p.preferred = pref == "1";
  }
  p.transport = DetectTransport(fs, p.sysfs_path, p.hctl);
  p.target_node_name = ReadTargetNodeName(fs, p, d);
  return p;
}

}  // namespace mpx
