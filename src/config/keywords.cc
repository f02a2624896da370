// The keyword table's rows and print orders (keywords.h); how each value
// type reads and prints is in keyword_values.cc.
#include "config/keywords.h"

#include <climits>
#include <cstdint>

namespace mpx {
namespace {

constexpr unsigned kMapScopes = kInDefaults | kInDevice | kInOverrides | kInMultipath;
constexpr unsigned kPathScopes = kInDefaults | kInDevice | kInOverrides;
constexpr unsigned kTmoScopes = kPathScopes | kInProtocol;
constexpr unsigned kGlobalAndMap = kInDefaults | kInMultipath;

constexpr NamedValue kGroupingPolicyNames[] = {
    {"failover", static_cast<int64_t>(GroupingPolicy::kFailover)},
    {"multibus", static_cast<int64_t>(GroupingPolicy::kMultibus)},
    {"group_by_serial", static_cast<int64_t>(GroupingPolicy::kGroupBySerial)},
    {"group_by_prio", static_cast<int64_t>(GroupingPolicy::kGroupByPrio)},
    {"group_by_node_name", static_cast<int64_t>(GroupingPolicy::kGroupByNodeName)},
};
constexpr NamedValue kRrWeightNames[] = {
    {"uniform", static_cast<int64_t>(RrWeight::kUniform)},
    {"priorities", static_cast<int64_t>(RrWeight::kPriorities)},
};
// The reference also takes no/0 and yes/1 (dict.c def_find_multipaths_handler).
constexpr NamedValue kFindMultipathsNames[] = {
    {"off", static_cast<int64_t>(FindMultipaths::kOff)},
    {"on", static_cast<int64_t>(FindMultipaths::kOn)},
    {"strict", static_cast<int64_t>(FindMultipaths::kStrict)},
    {"greedy", static_cast<int64_t>(FindMultipaths::kGreedy)},
    {"smart", static_cast<int64_t>(FindMultipaths::kSmart)},
    {"no", static_cast<int64_t>(FindMultipaths::kOff)},
    {"0", static_cast<int64_t>(FindMultipaths::kOff)},
    {"yes", static_cast<int64_t>(FindMultipaths::kOn)},
    {"1", static_cast<int64_t>(FindMultipaths::kOn)},
};
constexpr NamedValue kYesNoNames[] = {{"yes", 1}, {"no", 0}, {"1", 1}, {"0", 0}};
constexpr NamedValue kFailbackNames[] = {
    {"manual", kFailbackManual},
    {"immediate", kFailbackImmediate},
    {"followover", kFailbackFollowover},
};
// "0" is "fail" in the reference (dict.c no_path_retry_helper).
constexpr NamedValue kNoPathRetryNames[] = {
    {"fail", kNoPathRetryFail}, {"queue", kNoPathRetryQueue}, {"0", kNoPathRetryFail}};
// Exactly "0" is a timeout of 0; other numbers below 1 are capped at 1.
constexpr NamedValue kTmoNames[] = {{"off", kTmoOff}, {"0", 0}};
constexpr NamedValue kDevLossNames[] = {{"infinity", kDevLossInfinity}};
constexpr NamedValue kMaxFdsNames[] = {{"max", kMaxFdsMax}};
// The shaky-path options and ghost_delay: "no" or exactly "0", or a number >= 1.
constexpr NamedValue kNoNames[] = {{"no", 0}, {"0", 0}};
constexpr NamedValue kLogCheckerErrNames[] = {
    {"always", static_cast<int64_t>(LogCheckerErr::kAlways)},
    {"once", static_cast<int64_t>(LogCheckerErr::kOnce)},
};
// The 0.9.4 reference on Debian is built without fpin support.
constexpr NamedValue kMarginalPathgroupsNames[] = {
    {"off", static_cast<int64_t>(MarginalPathgroups::kOff)},
    {"on", static_cast<int64_t>(MarginalPathgroups::kOn)},
    {"fpin", kNotCompiledIn},
    {"no", static_cast<int64_t>(MarginalPathgroups::kOff)},
    {"0", static_cast<int64_t>(MarginalPathgroups::kOff)},
    {"yes", static_cast<int64_t>(MarginalPathgroups::kOn)},
    {"1", static_cast<int64_t>(MarginalPathgroups::kOn)},
};
constexpr NamedValue kVpdVendorNames[] = {{"hp3par", 1}};
// The protocols a path can have (multipath.conf(5), overrides protocol type).
constexpr NamedValue kProtocolNames[] = {
    {"scsi:fcp", 1},     {"scsi:spi", 2},     {"scsi:ssa", 3},   {"scsi:sbp", 4},
    {"scsi:srp", 5},     {"scsi:iscsi", 6},   {"scsi:sas", 7},   {"scsi:adt", 8},
    {"scsi:ata", 9},     {"scsi:unspec", 10}, {"nvme:pcie", 11}, {"nvme:rdma", 12},
    {"nvme:fc", 13},     {"nvme:tcp", 14},    {"nvme:loop", 15}, {"nvme:apple-nvme", 16},
    {"nvme:unspec", 17}, {"ccw", 18},         {"cciss", 19},     {"undef", 20},
};

const ValueType kString{.kind = ValueType::kString};
const ValueType kDeviceRegex{.kind = ValueType::kDeviceRegex};
const ValueType kBlacklistRegex{.kind = ValueType::kBlacklistRegex};
const ValueType kAbsolutePath{.kind = ValueType::kAbsolutePath};
const ValueType kUidAttrs{.kind = ValueType::kUidAttrs};
const ValueType kPrKey{.kind = ValueType::kPrKey};
const ValueType kIgnoredValue{.kind = ValueType::kIgnoredValue};
// "service-time 0": name, count, args.
const ValueType kSelector{.kind = ValueType::kArgString, .arg_count_index = 1};
// "1 queue_if_no_path": count, args.
const ValueType kCountedArgs{.kind = ValueType::kArgString, .arg_count_index = 0};
const ValueType kGroupingPolicy{.kind = ValueType::kNamed, .names = kGroupingPolicyNames};
const ValueType kRrWeight{.kind = ValueType::kNamed, .names = kRrWeightNames};
const ValueType kFindMultipaths{.kind = ValueType::kNamed, .names = kFindMultipathsNames};
const ValueType kYesNo{.kind = ValueType::kNamed, .names = kYesNoNames};
const ValueType kLogCheckerErr{.kind = ValueType::kNamed, .names = kLogCheckerErrNames};
const ValueType kMarginalPathgroups{.kind = ValueType::kNamed, .names = kMarginalPathgroupsNames};
const ValueType kVpdVendor{.kind = ValueType::kNamed, .names = kVpdVendorNames};
const ValueType kProtocolType{.kind = ValueType::kNamed, .names = kProtocolNames};
// The reference reads polling_interval and max_polling_interval as unsigned
// numbers: no sign, and a value it cannot read is ignored (it keeps a garbage
// value; mpx the earlier one).
const ValueType kPollingInterval{
    .kind = ValueType::kNumber, .sign = false, .min = 0, .max = UINT32_MAX};
const ValueType kMaxPollingInterval{
    .kind = ValueType::kNumber, .sign = false, .min = 0, .max = UINT32_MAX, .zero_unsets = true};
// The others as a signed int, capped at its limits; 0 means "unset" for some.
const ValueType kFailback{.kind = ValueType::kNamedOrNumber,
                          .names = kFailbackNames,
                          .min = 0,
                          .max = INT_MAX,
                          .cap = true,
                          .zero_unsets = true};
const ValueType kNoPathRetry{.kind = ValueType::kNamedOrNumber,
                             .names = kNoPathRetryNames,
                             .min = 1,
                             .max = INT_MAX,
                             .cap = true};
// A count or a time that 0 unsets (rr_min_io, checker_timeout, ...).
const ValueType kUnsetByZero{
    .kind = ValueType::kNumber, .min = 0, .max = INT_MAX, .cap = true, .zero_unsets = true};
// A count or a time where 0 is a value (retrigger_delay, remove_retries, ...).
const ValueType kCount{.kind = ValueType::kNumber, .min = 0, .max = INT_MAX, .cap = true};
const ValueType kFindMultipathsTimeout{
    .kind = ValueType::kNumber, .min = INT_MIN, .max = INT_MAX, .cap = true, .zero_unsets = true};
const ValueType kVerbosity{.kind = ValueType::kNumber, .min = 0, .max = 4, .cap = true};
const ValueType kUxsockTimeout{
    .kind = ValueType::kNumber, .min = 4000, .max = INT_MAX, .cap = true};
const ValueType kMaxFds{.kind = ValueType::kNamedOrNumber,
                        .names = kMaxFdsNames,
                        .min = 0,
                        .max = kMaxFdsMax,
                        .cap = true};
const ValueType kTmo{.kind = ValueType::kNamedOrNumber,
                     .names = kTmoNames,
                     .min = 1,
                     .max = INT_MAX,
                     .cap = true,
                     .bare_names = true};
// Read like sscanf %u, without a warning for what follows the digits.
const ValueType kDevLossTmo{.kind = ValueType::kNamedOrNumber,
                            .names = kDevLossNames,
                            .syntax = ValueType::kScanU32,
                            .min = 0,
                            .max = UINT32_MAX,
                            .zero_unsets = true};
const ValueType kNoOrNumber{
    .kind = ValueType::kNamedOrNumber, .names = kNoNames, .min = 1, .max = INT_MAX, .cap = true};
const ValueType kMode{.kind = ValueType::kNumber,
                      .syntax = ValueType::kScanOctal,
                      .min = 0,
                      .max = 0777,
                      .octal = true};
const ValueType kId{
    .kind = ValueType::kNumber, .syntax = ValueType::kScanU32, .min = 0, .max = UINT32_MAX};

constexpr auto kIgnoredOld = Keyword::kDeprecatedIgnored;
constexpr auto kOld = Keyword::kDeprecatedUsed;

// Sections per keyword as the 0.9.4 reference accepts them (its "invalid
// keyword in the ... section" warnings, tests/reference/config_scope_results.txt).
const Keyword kTable[] = {
    {"vendor", Opt::kVendor, kInDevice, &kDeviceRegex, nullptr},
    {"product", Opt::kProduct, kInDevice, &kDeviceRegex, nullptr},
    {"revision", Opt::kRevision, kInDevice, &kDeviceRegex, nullptr},
    // Compiled into the blacklist: the reference refuses to run with a bad one.
    {"product_blacklist", Opt::kProductBlacklist, kInDevice, &kBlacklistRegex, nullptr},
    {"vendor", Opt::kVendor, kInBlacklistDevice, &kBlacklistRegex, nullptr},
    {"product", Opt::kProduct, kInBlacklistDevice, &kBlacklistRegex, nullptr},
    {"wwid", Opt::kWwid, kInMultipath, &kString, nullptr},
    {"alias", Opt::kAlias, kInMultipath, &kString, nullptr},
    {"type", Opt::kProtocolType, kInProtocol, &kProtocolType, nullptr},
    {"verbosity", Opt::kVerbosity, kInDefaults, &kVerbosity, "2"},
    {"polling_interval", Opt::kPollingInterval, kInDefaults, &kPollingInterval, "5"},
    // Its default is 4 * polling_interval (resolve.h EffectiveDefault).
    {"max_polling_interval", Opt::kMaxPollingInterval, kInDefaults, &kMaxPollingInterval, nullptr},
    {"reassign_maps", Opt::kReassignMaps, kInDefaults, &kYesNo, "no"},
    {"uid_attrs", Opt::kUidAttrs, kInDefaults, &kUidAttrs, nullptr},
    {"max_fds", Opt::kMaxFds, kInDefaults, &kMaxFds, "max"},
    {"queue_without_daemon", Opt::kQueueWithoutDaemon, kInDefaults, &kYesNo, "no"},
    {"checker_timeout", Opt::kCheckerTimeout, kInDefaults, &kUnsetByZero, nullptr},
    {"allow_usb_devices", Opt::kAllowUsbDevices, kInDefaults, &kYesNo, "no"},
    {"bindings_file", Opt::kBindingsFile, kInDefaults, &kAbsolutePath, "/etc/multipath/bindings",
     kOld},
    {"wwids_file", Opt::kWwidsFile, kInDefaults, &kAbsolutePath, "/etc/multipath/wwids", kOld},
    {"prkeys_file", Opt::kPrkeysFile, kInDefaults, &kAbsolutePath, "/etc/multipath/prkeys", kOld},
    {"log_checker_err", Opt::kLogCheckerErr, kInDefaults, &kLogCheckerErr, "always"},
    {"force_sync", Opt::kForceSync, kInDefaults, &kYesNo, "no"},
    {"strict_timing", Opt::kStrictTiming, kInDefaults, &kYesNo, "no"},
    {"partition_delimiter", Opt::kPartitionDelimiter, kInDefaults, &kString, nullptr},
    {"find_multipaths", Opt::kFindMultipaths, kInDefaults, &kFindMultipaths, "strict"},
    {"uxsock_timeout", Opt::kUxsockTimeout, kInDefaults, &kUxsockTimeout, "4000"},
    {"retrigger_tries", Opt::kRetriggerTries, kInDefaults, &kCount, "3"},
    {"retrigger_delay", Opt::kRetriggerDelay, kInDefaults, &kCount, "10"},
    {"missing_uev_wait_timeout", Opt::kMissingUevWaitTimeout, kInDefaults, &kCount, "30"},
    // Not supported any more: any value is ignored, silently; -t prints "ignored".
    {"disable_changed_wwids", Opt::kDisableChangedWwids, kInDefaults, &kIgnoredValue, "ignored"},
    {"remove_retries", Opt::kRemoveRetries, kInDefaults, &kCount, "0"},
    {"find_multipaths_timeout", Opt::kFindMultipathsTimeout, kInDefaults, &kFindMultipathsTimeout,
     "-10"},
    {"enable_foreign", Opt::kEnableForeign, kInDefaults, &kString, "NONE"},
    {"marginal_pathgroups", Opt::kMarginalPathgroups, kInDefaults, &kMarginalPathgroups, "off"},
    {"mode", Opt::kMode, kGlobalAndMap, &kMode, nullptr},
    {"uid", Opt::kUid, kGlobalAndMap, &kId, nullptr},
    {"gid", Opt::kGid, kGlobalAndMap, &kId, nullptr},
    {"path_grouping_policy", Opt::kPathGroupingPolicy, kMapScopes, &kGroupingPolicy, "failover"},
    {"uid_attribute", Opt::kUidAttribute, kPathScopes, &kString, "ID_SERIAL"},
    {"path_selector", Opt::kPathSelector, kMapScopes, &kSelector, "service-time 0"},
    {"path_checker", Opt::kPathChecker, kPathScopes, &kString, "tur"},
    {"checker", Opt::kPathChecker, kPathScopes, &kString, "tur"},  // a synonym
    {"alias_prefix", Opt::kAliasPrefix, kPathScopes, &kString, "mpath"},
    {"features", Opt::kFeatures, kMapScopes, &kCountedArgs, "0"},
    {"hardware_handler", Opt::kHardwareHandler, kInDevice, &kCountedArgs, "0"},
    {"prio", Opt::kPrio, kMapScopes, &kString, "const"},
    {"prio_args", Opt::kPrioArgs, kMapScopes, &kString, ""},
    {"failback", Opt::kFailback, kMapScopes, &kFailback, "manual"},
    {"rr_weight", Opt::kRrWeight, kMapScopes, &kRrWeight, "uniform"},
    {"no_path_retry", Opt::kNoPathRetry, kMapScopes, &kNoPathRetry, "fail"},
    {"rr_min_io", Opt::kRrMinIo, kMapScopes, &kUnsetByZero, "1000"},
    {"rr_min_io_rq", Opt::kRrMinIoRq, kMapScopes, &kUnsetByZero, "1"},
    {"flush_on_last_del", Opt::kFlushOnLastDel, kMapScopes, &kYesNo, "no"},
    {"fast_io_fail_tmo", Opt::kFastIoFailTmo, kTmoScopes, &kTmo, "5"},
    {"dev_loss_tmo", Opt::kDevLossTmo, kTmoScopes, &kDevLossTmo, nullptr},
    {"eh_deadline", Opt::kEhDeadline, kTmoScopes, &kTmo, nullptr},
    {"user_friendly_names", Opt::kUserFriendlyNames, kMapScopes, &kYesNo, "no"},
    {"retain_attached_hw_handler", Opt::kRetainAttachedHwHandler, kPathScopes, &kYesNo, "yes"},
    {"detect_prio", Opt::kDetectPrio, kPathScopes, &kYesNo, "yes"},
    {"detect_checker", Opt::kDetectChecker, kPathScopes, &kYesNo, "yes"},
    {"deferred_remove", Opt::kDeferredRemove, kMapScopes, &kYesNo, "no"},
    // Deprecated in multipath.conf(5) (mapped to san_path_err_*), but the
    // reference 0.9.4 takes them without a warning.
    {"delay_watch_checks", Opt::kDelayWatchChecks, kMapScopes, &kNoOrNumber, "no"},
    {"delay_wait_checks", Opt::kDelayWaitChecks, kMapScopes, &kNoOrNumber, "no"},
    {"san_path_err_threshold", Opt::kSanPathErrThreshold, kMapScopes, &kNoOrNumber, "no"},
    {"san_path_err_forget_rate", Opt::kSanPathErrForgetRate, kMapScopes, &kNoOrNumber, "no"},
    {"san_path_err_recovery_time", Opt::kSanPathErrRecoveryTime, kMapScopes, &kNoOrNumber, "no"},
    {"marginal_path_err_sample_time", Opt::kMarginalPathErrSampleTime, kMapScopes, &kNoOrNumber,
     "no"},
    {"marginal_path_err_rate_threshold", Opt::kMarginalPathErrRateThreshold, kMapScopes,
     &kNoOrNumber, "no"},
    {"marginal_path_err_recheck_gap_time", Opt::kMarginalPathErrRecheckGapTime, kMapScopes,
     &kNoOrNumber, "no"},
    {"marginal_path_double_failed_time", Opt::kMarginalPathDoubleFailedTime, kMapScopes,
     &kNoOrNumber, "no"},
    {"skip_kpartx", Opt::kSkipKpartx, kMapScopes, &kYesNo, "no"},
    {"max_sectors_kb", Opt::kMaxSectorsKb, kMapScopes, &kUnsetByZero, nullptr},
    {"ghost_delay", Opt::kGhostDelay, kMapScopes, &kNoOrNumber, "no"},
    {"all_tg_pt", Opt::kAllTgPt, kPathScopes, &kYesNo, "no"},
    {"vpd_vendor", Opt::kVpdVendor, kInDevice, &kVpdVendor, nullptr},
    {"recheck_wwid", Opt::kRecheckWwid, kPathScopes, &kYesNo, "no"},
    {"reservation_key", Opt::kReservationKey, kGlobalAndMap, &kPrKey, nullptr},
    {"multipath_dir", Opt::kDeprecated, kInDefaults, &kString, nullptr, kIgnoredOld},
    {"config_dir", Opt::kDeprecated, kInDefaults, &kString, nullptr, kIgnoredOld},
    {"getuid_callout", Opt::kDeprecated, kPathScopes, &kString, nullptr, kIgnoredOld},
    {"pg_timeout", Opt::kDeprecated, kInDefaults | kInDevice | kInMultipath, &kString, nullptr,
     kIgnoredOld},
    {"devnode", Opt::kBlDevnode, kInBlacklist, &kBlacklistRegex, nullptr},
    {"wwid", Opt::kBlWwid, kInBlacklist, &kBlacklistRegex, nullptr},
    {"property", Opt::kBlProperty, kInBlacklist, &kBlacklistRegex, nullptr},
    {"protocol", Opt::kBlProtocol, kInBlacklist, &kBlacklistRegex, nullptr},
};

// The print orders of the reference's `multipath -t`, measured with every
// keyword set in each section (tests/reference/print/*.conf and *.t).
constexpr Opt kDefaultsOrder[] = {
    Opt::kVerbosity,
    Opt::kPollingInterval,
    Opt::kMaxPollingInterval,
    Opt::kReassignMaps,
    Opt::kPathSelector,
    Opt::kPathGroupingPolicy,
    Opt::kUidAttrs,
    Opt::kUidAttribute,
    Opt::kPrio,
    Opt::kPrioArgs,
    Opt::kFeatures,
    Opt::kPathChecker,
    Opt::kAliasPrefix,
    Opt::kFailback,
    Opt::kRrMinIo,
    Opt::kRrMinIoRq,
    Opt::kMaxFds,
    Opt::kRrWeight,
    Opt::kNoPathRetry,
    Opt::kQueueWithoutDaemon,
    Opt::kCheckerTimeout,
    Opt::kAllowUsbDevices,
    Opt::kFlushOnLastDel,
    Opt::kUserFriendlyNames,
    Opt::kMode,
    Opt::kUid,
    Opt::kGid,
    Opt::kFastIoFailTmo,
    Opt::kDevLossTmo,
    Opt::kEhDeadline,
    Opt::kBindingsFile,
    Opt::kWwidsFile,
    Opt::kPrkeysFile,
    Opt::kLogCheckerErr,
    Opt::kReservationKey,
    Opt::kAllTgPt,
    Opt::kRetainAttachedHwHandler,
    Opt::kDetectPrio,
    Opt::kDetectChecker,
    Opt::kForceSync,
    Opt::kStrictTiming,
    Opt::kDeferredRemove,
    Opt::kPartitionDelimiter,
    Opt::kDelayWatchChecks,
    Opt::kDelayWaitChecks,
    Opt::kSanPathErrThreshold,
    Opt::kSanPathErrForgetRate,
    Opt::kSanPathErrRecoveryTime,
    Opt::kMarginalPathErrSampleTime,
    Opt::kMarginalPathErrRateThreshold,
    Opt::kMarginalPathErrRecheckGapTime,
    Opt::kMarginalPathDoubleFailedTime,
    Opt::kFindMultipaths,
    Opt::kUxsockTimeout,
    Opt::kRetriggerTries,
    Opt::kRetriggerDelay,
    Opt::kMissingUevWaitTimeout,
    Opt::kSkipKpartx,
    Opt::kDisableChangedWwids,
    Opt::kRemoveRetries,
    Opt::kMaxSectorsKb,
    Opt::kGhostDelay,
    Opt::kFindMultipathsTimeout,
    Opt::kEnableForeign,
    Opt::kMarginalPathgroups,
    Opt::kRecheckWwid,
};
constexpr Opt kDeviceOrder[] = {
    Opt::kVendor,
    Opt::kProduct,
    Opt::kRevision,
    Opt::kProductBlacklist,
    Opt::kPathGroupingPolicy,
    Opt::kUidAttribute,
    Opt::kPathSelector,
    Opt::kPathChecker,
    Opt::kAliasPrefix,
    Opt::kFeatures,
    Opt::kHardwareHandler,
    Opt::kPrio,
    Opt::kPrioArgs,
    Opt::kFailback,
    Opt::kRrWeight,
    Opt::kNoPathRetry,
    Opt::kRrMinIo,
    Opt::kRrMinIoRq,
    Opt::kFlushOnLastDel,
    Opt::kFastIoFailTmo,
    Opt::kDevLossTmo,
    Opt::kEhDeadline,
    Opt::kUserFriendlyNames,
    Opt::kRetainAttachedHwHandler,
    Opt::kDetectPrio,
    Opt::kDetectChecker,
    Opt::kDeferredRemove,
    Opt::kDelayWatchChecks,
    Opt::kDelayWaitChecks,
    Opt::kSanPathErrThreshold,
    Opt::kSanPathErrForgetRate,
    Opt::kSanPathErrRecoveryTime,
    Opt::kMarginalPathErrSampleTime,
    Opt::kMarginalPathErrRateThreshold,
    Opt::kMarginalPathErrRecheckGapTime,
    Opt::kMarginalPathDoubleFailedTime,
    Opt::kSkipKpartx,
    Opt::kMaxSectorsKb,
    Opt::kGhostDelay,
    Opt::kAllTgPt,
    Opt::kVpdVendor,
    Opt::kRecheckWwid,
};
constexpr Opt kOverridesOrder[] = {
    Opt::kPathGroupingPolicy,
    Opt::kUidAttribute,
    Opt::kPathSelector,
    Opt::kPathChecker,
    Opt::kAliasPrefix,
    Opt::kFeatures,
    Opt::kPrio,
    Opt::kPrioArgs,
    Opt::kFailback,
    Opt::kRrWeight,
    Opt::kNoPathRetry,
    Opt::kRrMinIo,
    Opt::kRrMinIoRq,
    Opt::kFlushOnLastDel,
    Opt::kFastIoFailTmo,
    Opt::kDevLossTmo,
    Opt::kEhDeadline,
    Opt::kUserFriendlyNames,
    Opt::kRetainAttachedHwHandler,
    Opt::kDetectPrio,
    Opt::kDetectChecker,
    Opt::kDeferredRemove,
    Opt::kDelayWatchChecks,
    Opt::kDelayWaitChecks,
    Opt::kSanPathErrThreshold,
    Opt::kSanPathErrForgetRate,
    Opt::kSanPathErrRecoveryTime,
    Opt::kMarginalPathErrSampleTime,
    Opt::kMarginalPathErrRateThreshold,
    Opt::kMarginalPathErrRecheckGapTime,
    Opt::kMarginalPathDoubleFailedTime,
    Opt::kSkipKpartx,
    Opt::kMaxSectorsKb,
    Opt::kGhostDelay,
    Opt::kAllTgPt,
    Opt::kRecheckWwid,
};
constexpr Opt kMultipathOrder[] = {
    Opt::kWwid,
    Opt::kAlias,
    Opt::kPathGroupingPolicy,
    Opt::kPathSelector,
    Opt::kPrio,
    Opt::kPrioArgs,
    Opt::kFailback,
    Opt::kRrWeight,
    Opt::kNoPathRetry,
    Opt::kRrMinIo,
    Opt::kRrMinIoRq,
    Opt::kFlushOnLastDel,
    Opt::kFeatures,
    Opt::kMode,
    Opt::kUid,
    Opt::kGid,
    Opt::kReservationKey,
    Opt::kUserFriendlyNames,
    Opt::kDeferredRemove,
    Opt::kDelayWatchChecks,
    Opt::kDelayWaitChecks,
    Opt::kSanPathErrThreshold,
    Opt::kSanPathErrForgetRate,
    Opt::kSanPathErrRecoveryTime,
    Opt::kMarginalPathErrSampleTime,
    Opt::kMarginalPathErrRateThreshold,
    Opt::kMarginalPathErrRecheckGapTime,
    Opt::kMarginalPathDoubleFailedTime,
    Opt::kSkipKpartx,
    Opt::kMaxSectorsKb,
    Opt::kGhostDelay,
};
constexpr Opt kProtocolOrder[] = {
    Opt::kProtocolType,
    Opt::kFastIoFailTmo,
    Opt::kDevLossTmo,
    Opt::kEhDeadline,
};
constexpr Opt kBlacklistOrder[] = {
    Opt::kBlDevnode,
    Opt::kBlWwid,
    Opt::kBlProperty,
    Opt::kBlProtocol,
};
constexpr Opt kBlacklistDeviceOrder[] = {
    Opt::kVendor,
    Opt::kProduct,
};

}  // namespace

std::span<const Keyword> KeywordTable() { return kTable; }

const Keyword* FindKeyword(std::string_view name, Scope scope) {
  for (const Keyword& kw : kTable) {
    if (kw.name == name && (kw.scopes & scope)) return &kw;
  }
  return nullptr;
}

const Keyword& KeywordFor(Opt opt) {
  for (const Keyword& kw : kTable) {
    if (kw.opt == opt) return kw;
  }
  return kTable[0];  // unreachable: every Opt has a row (checked by a test)
}

std::span<const Opt> PrintOrder(Scope scope) {
  switch (scope) {
    case kInDefaults:
      return kDefaultsOrder;
    case kInDevice:
      return kDeviceOrder;
    case kInOverrides:
      return kOverridesOrder;
    case kInMultipath:
      return kMultipathOrder;
    case kInBlacklist:
      return kBlacklistOrder;
    case kInBlacklistDevice:
      return kBlacklistDeviceOrder;
    case kInProtocol:
      return kProtocolOrder;
  }
  return {};
}

}  // namespace mpx
