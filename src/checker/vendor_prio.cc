#include "checker/vendor_prio.h"

#include <regex.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/strings.h"
#include "scsi/cdb.h"

namespace mpx {
namespace {

constexpr uint16_t kStandardInquiryBytes = 255;
constexpr unsigned kHdsDefaultMs = 2000;
constexpr unsigned kOntapDefaultMs = 60000;
constexpr uint16_t kOntapReplyBytes = 256;
constexpr uint16_t kOntapProxyBytes = 128;

// 1 even, 0 odd, -1 not a digit of the given base.
int Parity(char c, bool hex) {
  if (c >= '0' && c <= '9') return (c - '0') % 2 == 0 ? 1 : 0;
  // Upper-case only, as the reference compares.
  if (hex && c >= 'A' && c <= 'F') return (c - 'A') % 2 == 0 ? 1 : 0;
  return -1;
}

ScsiCommand StandardInquiry() {
  return {scsi::InquiryCdb(false, 0, kStandardInquiryBytes), kStandardInquiryBytes};
}

// NetApp's "get volume attributes" vendor command for `page`.
ScsiCommand OntapGvaCommand(uint8_t page) {
  return {{0xc0, 0, 0x1, 0x0a, 0x98, 0x0a, page, 0x80, 0, 0}, kOntapReplyBytes};
}

// The first IPv4-looking text in `s` (the reference's regex).
std::string FindIpv4(const std::string& s) {
  regex_t re;
  if (regcomp(&re, "([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})", REG_EXTENDED) != 0) {
    return "";
  }
  regmatch_t m[1];
  std::string out;
  if (regexec(&re, s.c_str(), 1, m, 0) == 0) {
    out = s.substr(static_cast<size_t>(m[0].rm_so), static_cast<size_t>(m[0].rm_eo - m[0].rm_so));
  }
  regfree(&re);
  return out;
}

// The path's /dev/disk/by-path names, from udev's DEVLINKS (the links udev
// made for it: what the reference finds by reading the directory).
std::vector<std::string> ByPathNames(const UdevDb* udev, const Path& p) {
  std::vector<std::string> out;
  if (udev == nullptr) return out;
  auto props = udev->Lookup(makedev(p.major, p.minor));
  if (!props) return out;
  auto it = props->find("DEVLINKS");
  if (it == props->end()) return out;
  constexpr std::string_view kDir = "/dev/disk/by-path/";
  for (std::string_view link : Split(it->second, ' ')) {
    if (StartsWith(link, kDir) && link.size() > kDir.size()) {
      out.emplace_back(link.substr(kDir.size()));
    }
  }
  return out;
}

}  // namespace

PrioResult HdsInquiryPriority(const std::string& dev, const scsi::HitachiInquiry& inq) {
  int ctrl = Parity(inq.ctrl, false);
  int ldev = inq.ldev.size() == 4 ? Parity(inq.ldev[3], true) : -1;
  if (ctrl < 0 || ldev < 0) {
    return {-1, dev + ": hds prio: CTRL '" + std::string(inq.ctrl ? 1 : 0, inq.ctrl) +
                    "' or LDEV '" + inq.ldev + "' not recognised"};
  }
  return {ctrl == ldev ? 1 : 0, ""};
}

PrioResult HdsPrio(const PrioRequest& q) {
  const std::string& dev = q.path.dev;
  Budget budget = q.MakeBudget(kHdsDefaultMs);
  auto r = SendOnce(q.io.scsi, q.path.devnode, StandardInquiry(), budget);
  if (!r.ok()) return {-1, dev + ": hds prio: SG_IO error (" + r.error().message + ")"};
  if (!r->good()) return {-1, dev + ": hds prio: SCSI error"};
  return HdsInquiryPriority(dev, scsi::DecodeHitachiInquiry(r->data));
}

int OntapPriority(const scsi::OntapGva& gva, const scsi::OntapProxy* proxy) {
  if (gva.total_length > 8 && gva.page == 0x41) {
    if (gva.transport == scsi::OntapTransport::kIscsiHardware) return 3;
    if (gva.transport == scsi::OntapTransport::kIscsiSoftware) return 2;
  }
  return proxy != nullptr && proxy->known_format && proxy->proxy ? 1 : 4;
}

PrioResult OntapPrio(const PrioRequest& q) {
  const std::string prefix = q.path.dev + ": ontap prio: ";
  Budget budget = q.MakeBudget(kOntapDefaultMs);
  auto r = SendOnce(q.io.scsi, q.path.devnode, OntapGvaCommand(0x41), budget);
  if (!r.ok()) return {0, prefix + "SG_IO ioctl failed (" + r.error().message + ")"};
  if (!r->good()) return {0, prefix + "SCSI error"};
  scsi::OntapGva gva = scsi::DecodeOntapGva(r->data);
  if (!gva.signature_ok) return {0, prefix + "GVA return wrong format"};
  std::string note;
  if (gva.total_length > 8 && gva.page != 0x41) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "GVA page 0x41 error - results[8] = 0x%x", gva.page);
    note = prefix + buf;
  }
  if (int prio = OntapPriority(gva, nullptr); prio != 4) return {prio, note};
  // Not iSCSI: a proxy (partner controller) FC path ranks below a direct one.
  ScsiCommand page{scsi::InquiryCdb(true, 0xc1, kOntapProxyBytes), kOntapReplyBytes};
  auto p = SendOnce(q.io.scsi, q.path.devnode, page, budget);
  if (!p.ok() || !p->good()) return {4, note};
  scsi::OntapProxy proxy = scsi::DecodeOntapProxyPage(p->data);
  if (!proxy.known_format) return {4, prefix + "proxy info page in unknown format"};
  return {OntapPriority(gva, &proxy), note};
}

PrioResult DatacorePrio(const PrioRequest& q) {
  auto args = ParseDatacoreArgs(q.args);
  if (!args.ok()) return {0, q.path.dev + ": datacore prio: " + args.error().message};
  // The INQUIRY's timeout is the prio_args one, within the caller's.
  std::chrono::milliseconds timeout(args->timeout_ms);
  if (q.timeout.count() > 0) timeout = std::min(timeout, q.timeout);
  Budget budget(timeout);
  auto r = SendOnce(q.io.scsi, q.path.devnode, StandardInquiry(), budget);
  if (!r.ok() || !r->good()) return {0, ""};
  const std::string sds = scsi::DatacoreSdsName(r->data);
  return {sds.find(args->preferred_sds) != std::string::npos ? 1 : 0, ""};
}

int IetPriority(const std::string& preferred_ip, std::span<const std::string> by_path) {
  for (const std::string& name : by_path) {
    std::string ip = FindIpv4(name);
    // The reference compares only as much as the link's address holds.
    if (!ip.empty() && preferred_ip.compare(0, ip.size(), ip) == 0) return 20;
  }
  return 10;
}

PrioResult IetPrio(const PrioRequest& q) {
  auto ip = ParseIetArgs(q.args);
  if (!ip.ok()) return {0, q.path.dev + ": iet prio: " + ip.error().message};
  return {IetPriority(*ip, ByPathNames(q.io.udev, q.path)), ""};
}

}  // namespace mpx
