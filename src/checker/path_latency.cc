#include "checker/path_latency.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace mpx {
namespace {

constexpr double kMaxAvgLatencyUs = 100000000.0;  // 100 s
constexpr double kMinAvgLatencyUs = 1.0;
constexpr unsigned kDefaultMs = 60000;

}  // namespace

PrioResult PathLatencyPriority(const std::string& dev, std::span<const int64_t> latencies_us,
                               const PathLatencyArgs& args) {
  const double lg_base = std::log(args.base_num);
  const double lg_max = std::log(kMaxAvgLatencyUs) / lg_base;
  const double lg_min = std::log(kMinAvgLatencyUs) / lg_base;
  double sum = 0, sum_squares = 0;
  for (int64_t us : latencies_us) {
    if (us <= 0) continue;  // log(0): counts as the minimum, adds nothing
    double rel = std::log(static_cast<double>(us)) / lg_base;
    sum += rel;
    sum_squares += rel * rel;
  }
  const auto n = static_cast<double>(latencies_us.size());
  const double lg_avg = n > 0 ? sum / n : 0;
  char buf[160];
  if (lg_avg > lg_max) {
    std::snprintf(buf, sizeof buf,
                  "path_latency prio: %s: average latency (%lld us) is outside the threshold "
                  "(%lld us)",
                  dev.c_str(), static_cast<long long>(std::pow(args.base_num, lg_avg)),
                  static_cast<long long>(kMaxAvgLatencyUs));
    return {0, buf};
  }
  const double variance = n > 1 ? (sum_squares - sum * lg_avg) / (n - 1) : 0;
  const double deviation = std::sqrt(std::max(variance, 0.0));
  int prio = 0;
  if (lg_avg <= lg_min) {
    prio = static_cast<int>(lg_max - lg_min);
  } else if (lg_avg < lg_max) {
    prio = static_cast<int>(lg_max - lg_avg);
  }
  std::snprintf(buf, sizeof buf, "path_latency prio: %s: latency avg=%.2e uncertainty=%.1f prio=%d",
                dev.c_str(), std::exp(lg_avg * lg_base), std::exp(deviation * lg_base), prio);
  return {prio, buf};
}

PrioResult PathLatencyPrio(const PrioRequest& q) {
  const std::string& dev = q.path.dev;
  std::string note;
  PathLatencyArgs args;
  if (auto parsed = ParsePathLatencyArgs(q.args); parsed.ok()) {
    args = parsed.value();
  } else {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "path_latency prio: %s: fails to get path_latency args, set default:io_num=%d "
                  "base_num=%.3f (%s); ",
                  dev.c_str(), args.io_num, args.base_num, parsed.error().message.c_str());
    note = buf;
  }
  Budget budget = q.MakeBudget(kDefaultMs);
  std::vector<int64_t> latencies;
  for (int i = 0; i < args.io_num; ++i) {
    auto r = q.io.scsi.ReadFirstBlock(q.path.devnode, budget.LeftMs());
    if (!r.ok() || r->timed_out || r->block_size == 0 || r->bytes != r->block_size) {
      return {-1, note + "path_latency prio: " + dev + ": path down"};
    }
    budget.Charge(r->elapsed);
    latencies.push_back(r->elapsed.count());
    if (budget.Spent() && i + 1 < args.io_num) {
      return {-1, note + "path_latency prio: " + dev + ": " + std::to_string(i + 1) + " of " +
                      std::to_string(args.io_num) + " reads took the whole timeout"};
    }
  }
  PrioResult r = PathLatencyPriority(dev, latencies, args);
  r.message = note + r.message;
  return r;
}

}  // namespace mpx
