#include "engine/map_config.h"

#include "config/resolve.h"

namespace mpx {
namespace {

class Explainer {
 public:
  Explainer(const Selection& sel, const std::string& wwid, std::vector<std::string>& out)
      : sel_(sel), wwid_(wwid), out_(out) {}
  // The value of `opt`, logged as "<wwid>: name = value (setting: ...)".
  Effective Get(Opt opt) {
    Effective e = sel_.Get(opt);
    const Keyword& kw = KeywordFor(opt);
    out_.push_back(wwid_ + ": " + std::string(kw.name) + " = " + FormatValue(kw, e.value) + " " +
                   std::string(OriginText(e.origin)));
    return e;
  }

 private:
  const Selection& sel_;
  const std::string& wwid_;
  std::vector<std::string>& out_;
};

}  // namespace

MapConfig ResolveMapConfig(const Config& config, const Path& first, const std::string& wwid) {
  MapConfig m;
  Selection sel(config, DeviceIdentity{first.vendor, first.model, first.rev}, wwid);
  Explainer ex(sel, wwid, m.explain);
  if (auto alias = sel.Find(Opt::kAlias); alias && !alias->text().empty()) m.alias = alias->text();
  m.user_friendly_names = ex.Get(Opt::kUserFriendlyNames).yes();
  m.alias_prefix = sel.Get(Opt::kAliasPrefix).text();
  m.settings.grouping = ex.Get(Opt::kPathGroupingPolicy).as<GroupingPolicy>();
  m.settings.selector = ex.Get(Opt::kPathSelector).text();
  m.settings.features = ex.Get(Opt::kFeatures).text();
  m.settings.hwhandler = ex.Get(Opt::kHardwareHandler).text();
  m.settings.retain_attached_hw_handler = true;  // kernels >= 4.3 always retain
  m.settings.marginal_pathgroups =
      sel.Get(Opt::kMarginalPathgroups).as<MarginalPathgroups>() == MarginalPathgroups::kOn;
  Effective npr = ex.Get(Opt::kNoPathRetry);
  if (npr.origin != Origin::kInternal) {
    m.table.queue_if_no_path = npr.number() != kNoPathRetryFail;
  }
  m.table.rr_weight_priorities = ex.Get(Opt::kRrWeight).as<RrWeight>() == RrWeight::kPriorities;
  m.table.rr_min_io_rq = static_cast<unsigned>(ex.Get(Opt::kRrMinIoRq).number());
  m.detect_prio = ex.Get(Opt::kDetectPrio).yes();
  m.prio = ex.Get(Opt::kPrio).text();
  if (FindPrioritizer(m.prio) == nullptr) {
    m.explain.push_back(wwid + ": prioritizer " + m.prio + " not found, using const");
    m.prio = "const";
  }
  m.prio_args = sel.Get(Opt::kPrioArgs).text();
  m.checker = sel.Get(Opt::kPathChecker).text();
  m.detect_checker = sel.Get(Opt::kDetectChecker).yes();
  for (const DeviceEntry* d : sel.device_entries()) {
    if (const Setting* s = d->options.Get(Opt::kPathChecker)) {
      m.hwe_checker = std::get<std::string>(s->value);
      break;
    }
  }
  if (auto t = sel.Find(Opt::kCheckerTimeout)) m.checker_timeout = static_cast<int>(t->number());
  if (auto k = sel.Find(Opt::kReservationKey)) m.reservation_key = ReadPrKey(k->text());
  m.skip_kpartx = sel.Get(Opt::kSkipKpartx).yes();
  if (auto d = sel.Find(Opt::kPartitionDelimiter)) m.partition_delimiter = d->text();
  m.ghost_delay = static_cast<int>(sel.Get(Opt::kGhostDelay).number());
  return m;
}

}  // namespace mpx
