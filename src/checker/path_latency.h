// The path_latency prioritizer: io_num direct reads of the first block,
// their average latency on a logarithmic scale of base base_num, as the
// reference computes it (latencies taken as log-normal).
#pragma once

#include <span>
#include <string>

#include "checker/prio_args.h"
#include "checker/prioritizer.h"

namespace mpx {

// The priority from the reads' latencies in microseconds (a 0 counts in
// the average but adds nothing, as in the reference): with L(x) =
// log_base(x), max(0, L(100 s) - L(average)), capped at L(100 s) - L(1 us);
// 0 when the average is above 100 s. The message is the reference's -v3 line
// ("path_latency prio: sdb: latency avg=5.31e+03 uncertainty=1.2 prio=17").
PrioResult PathLatencyPriority(const std::string& dev, std::span<const int64_t> latencies_us,
                               const PathLatencyArgs& args);

PrioResult PathLatencyPrio(const PrioRequest& request);

}  // namespace mpx
