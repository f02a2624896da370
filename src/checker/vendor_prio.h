// Prioritizers for one array family each: hds (Hitachi AMS), ontap (NetApp
// ONTAP, native mode), datacore (DataCore SANsymphony) and iet (iSCSI
// targets by address), as the reference computes them.
#pragma once

#include <span>
#include <string>

#include "checker/prio_args.h"
#include "checker/prioritizer.h"
#include "scsi/vendor_pages.h"

namespace mpx {

// hds: 1 when the controller (0-9) and the LDEV's last hex digit are both
// even or both odd, 0 when they differ, -1 when either is no such digit.
PrioResult HdsInquiryPriority(const std::string& dev, const scsi::HitachiInquiry& inquiry);
PrioResult HdsPrio(const PrioRequest& request);

// ontap: 3 iSCSI hardware initiator, 2 iSCSI software initiator (from the
// "get volume attributes" reply), else 1 for a proxy (partner) FC path and
// 4 for a direct one or when the proxy page cannot be read. 0 when the
// vendor command itself fails.
int OntapPriority(const scsi::OntapGva& gva, const scsi::OntapProxy* proxy);
PrioResult OntapPrio(const PrioRequest& request);

// datacore: 1 when the SDS name contains the preferred name, else 0; 0 with
// a message for bad prio_args.
PrioResult DatacorePrio(const PrioRequest& request);

// iet: 20 when one of the path's /dev/disk/by-path names holds an IPv4
// address that the preferred address starts with, else 10; 0 for bad
// prio_args. `by_path` are the link names under /dev/disk/by-path.
int IetPriority(const std::string& preferred_ip, std::span<const std::string> by_path);
PrioResult IetPrio(const PrioRequest& request);

}  // namespace mpx
