#include "config/keywords.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace mpx {
namespace {

TEST(KeywordTableTest, EveryOptHasARowAndDefaultsParse) {
  for (size_t i = 0; i < kOptCount; ++i) {
    auto opt = static_cast<Opt>(i);
    EXPECT_EQ(KeywordFor(opt).opt, opt) << i;
  }
  for (const Keyword& kw : KeywordTable()) {
    if (kw.compiled_default) {
      EXPECT_TRUE(CompiledDefault(kw).has_value()) << kw.name;
    }
  }
}

// Where the 0.9.4 reference takes each keyword (tests/reference/config_scope_results.txt).
TEST(KeywordTableTest, SectionsAsTheReferenceAcceptsThem) {
  struct Row {
    const char* name;
    unsigned scopes;
  };
  const unsigned kMap = kInDefaults | kInDevice | kInOverrides | kInMultipath;
  const unsigned kPath = kInDefaults | kInDevice | kInOverrides;
  const unsigned kTmo = kPath | kInProtocol;
  const unsigned kGlobalAndMap = kInDefaults | kInMultipath;
  const Row kRows[] = {
      {"vendor", kInDevice | kInBlacklistDevice},
      {"product", kInDevice | kInBlacklistDevice},
      {"revision", kInDevice},
      {"product_blacklist", kInDevice},
      {"wwid", kInMultipath | kInBlacklist},
      {"alias", kInMultipath},
      {"type", kInProtocol},
      {"verbosity", kInDefaults},
      {"polling_interval", kInDefaults},
      {"max_polling_interval", kInDefaults},
      {"reassign_maps", kInDefaults},
      {"uid_attrs", kInDefaults},
      {"max_fds", kInDefaults},
      {"queue_without_daemon", kInDefaults},
      {"checker_timeout", kInDefaults},
      {"allow_usb_devices", kInDefaults},
      {"bindings_file", kInDefaults},
      {"wwids_file", kInDefaults},
      {"prkeys_file", kInDefaults},
      {"log_checker_err", kInDefaults},
      {"force_sync", kInDefaults},
      {"strict_timing", kInDefaults},
      {"partition_delimiter", kInDefaults},
      {"find_multipaths", kInDefaults},
      {"uxsock_timeout", kInDefaults},
      {"retrigger_tries", kInDefaults},
      {"retrigger_delay", kInDefaults},
      {"missing_uev_wait_timeout", kInDefaults},
      {"disable_changed_wwids", kInDefaults},
      {"remove_retries", kInDefaults},
      {"find_multipaths_timeout", kInDefaults},
      {"enable_foreign", kInDefaults},
      {"marginal_pathgroups", kInDefaults},
      {"mode", kGlobalAndMap},
      {"uid", kGlobalAndMap},
      {"gid", kGlobalAndMap},
      {"reservation_key", kGlobalAndMap},
      {"path_grouping_policy", kMap},
      {"uid_attribute", kPath},
      {"path_selector", kMap},
      {"path_checker", kPath},
      {"checker", kPath},
      {"alias_prefix", kPath},
      {"features", kMap},
      {"hardware_handler", kInDevice},
      {"prio", kMap},
      {"prio_args", kMap},
      {"failback", kMap},
      {"rr_weight", kMap},
      {"no_path_retry", kMap},
      {"rr_min_io", kMap},
      {"rr_min_io_rq", kMap},
      {"flush_on_last_del", kMap},
      {"fast_io_fail_tmo", kTmo},
      {"dev_loss_tmo", kTmo},
      {"eh_deadline", kTmo},
      {"user_friendly_names", kMap},
      {"retain_attached_hw_handler", kPath},
      {"detect_prio", kPath},
      {"detect_checker", kPath},
      {"deferred_remove", kMap},
      {"delay_watch_checks", kMap},
      {"delay_wait_checks", kMap},
      {"san_path_err_threshold", kMap},
      {"san_path_err_forget_rate", kMap},
      {"san_path_err_recovery_time", kMap},
      {"marginal_path_err_sample_time", kMap},
      {"marginal_path_err_rate_threshold", kMap},
      {"marginal_path_err_recheck_gap_time", kMap},
      {"marginal_path_double_failed_time", kMap},
      {"skip_kpartx", kMap},
      {"max_sectors_kb", kMap},
      {"ghost_delay", kMap},
      {"all_tg_pt", kPath},
      {"vpd_vendor", kInDevice},
      {"recheck_wwid", kPath},
      {"multipath_dir", kInDefaults},
      {"config_dir", kInDefaults},
      {"getuid_callout", kPath},
      {"pg_timeout", kInDefaults | kInDevice | kInMultipath},
      {"devnode", kInBlacklist},
      {"property", kInBlacklist},
      {"protocol", kInBlacklist},
  };
  for (const Row& r : kRows) {
    for (unsigned bit = 1; bit <= kInProtocol; bit <<= 1) {
      EXPECT_EQ(FindKeyword(r.name, static_cast<Scope>(bit)) != nullptr, (r.scopes & bit) != 0)
          << r.name << " in scope " << bit;
    }
  }
  EXPECT_EQ(KeywordTable().size(), std::size(kRows) + 3);  // vendor, product, wwid twice
  EXPECT_EQ(FindKeyword("checker", kInDevice)->opt, Opt::kPathChecker);
  EXPECT_EQ(FindKeyword("wwid", kInMultipath)->opt, Opt::kWwid);
  EXPECT_EQ(FindKeyword("wwid", kInBlacklist)->opt, Opt::kBlWwid);
  EXPECT_EQ(FindKeyword("vendor", kInBlacklistDevice)->opt, Opt::kVendor);
  // A bad regex is a warning in devices, an error in blacklists.
  EXPECT_EQ(FindKeyword("vendor", kInDevice)->type->kind, ValueType::kDeviceRegex);
  EXPECT_EQ(FindKeyword("vendor", kInBlacklistDevice)->type->kind, ValueType::kBlacklistRegex);
  EXPECT_EQ(FindKeyword("nonsense", kInDefaults), nullptr);
}

struct Case {
  const char* keyword;
  const char* text;
  ParsedValue::Action action;
  Value want;           // for kSet
  const char* warning;  // exact; "" for none
};

constexpr auto kSet = ParsedValue::kSet;
constexpr auto kUnset = ParsedValue::kUnset;
constexpr auto kIgnore = ParsedValue::kIgnore;
const Value kNone = int64_t{0};

// Every option's accepted spellings and what becomes of bad ones, as the
// reference 0.9.4 reads them (tests/reference/config_results.txt).
const Case kCases[] = {
    {"path_grouping_policy", "failover", kSet, int64_t{1}, ""},
    {"path_grouping_policy", "multibus", kSet, int64_t{2}, ""},
    {"path_grouping_policy", "group_by_serial", kSet, int64_t{3}, ""},
    {"path_grouping_policy", "group_by_prio", kSet, int64_t{4}, ""},
    {"path_grouping_policy", "group_by_node_name", kSet, int64_t{5}, ""},
    {"path_grouping_policy", "foo", kIgnore, kNone,
     "invalid value for path_grouping_policy: \"foo\" (expected failover, multibus, "
     "group_by_serial, group_by_prio or group_by_node_name); ignored"},
    {"path_grouping_policy", "Multibus", kIgnore, kNone,
     "invalid value for path_grouping_policy: \"Multibus\" (expected failover, multibus, "
     "group_by_serial, group_by_prio or group_by_node_name); ignored"},
    {"path_selector", "service-time 0", kSet, std::string("service-time 0"), ""},
    {"path_selector", "round-robin 1 x", kSet, std::string("round-robin 1 x"), ""},
    {"path_selector", "round-robin +0", kSet, std::string("round-robin +0"), ""},
    {"path_selector", "", kIgnore, kNone,
     "missing argument count for path_selector: \"\"; ignored"},
    {"path_selector", "round-robin x", kIgnore, kNone,
     "missing argument count for path_selector: \"round-robin x\"; ignored"},
    {"path_selector", "round-robin 0 x", kIgnore, kNone,
     "invalid argument count for path_selector: \"round-robin 0 x\" (got 0, expected 1); "
     "ignored"},
    {"features", "1 queue_if_no_path", kSet, std::string("1 queue_if_no_path"), ""},
    {"features", "0", kSet, std::string("0"), ""},
    {"features", "01 queue_if_no_path", kSet, std::string("01 queue_if_no_path"), ""},
    {"features", "2 pg_init_retries 50", kSet, std::string("2 pg_init_retries 50"), ""},
    {"features", "2 queue_if_no_path", kIgnore, kNone,
     "invalid argument count for features: \"2 queue_if_no_path\" (got 2, expected 1); ignored"},
    {"features", "queue_if_no_path", kIgnore, kNone,
     "missing argument count for features: \"queue_if_no_path\"; ignored"},
    {"features", "-1", kIgnore, kNone, "missing argument count for features: \"-1\"; ignored"},
    {"hardware_handler", "1 alua", kSet, std::string("1 alua"), ""},
    {"hardware_handler", "alua", kIgnore, kNone,
     "missing argument count for hardware_handler: \"alua\"; ignored"},
    {"prio", "alua", kSet, std::string("alua"), ""},
    {"prio_args", "", kSet, std::string(""), ""},
    {"detect_prio", "yes", kSet, int64_t{1}, ""},
    {"detect_prio", "1", kSet, int64_t{1}, ""},
    {"detect_prio", "no", kSet, int64_t{0}, ""},
    {"detect_prio", "0", kSet, int64_t{0}, ""},
    {"detect_prio", "maybe", kIgnore, kNone,
     "invalid value for detect_prio: \"maybe\" (expected yes, no, 1 or 0); ignored"},
    {"retain_attached_hw_handler", "no", kSet, int64_t{0}, ""},
    {"user_friendly_names", "yes", kSet, int64_t{1}, ""},
    {"user_friendly_names", "YES", kIgnore, kNone,
     "invalid value for user_friendly_names: \"YES\" (expected yes, no, 1 or 0); ignored"},
    {"rr_weight", "uniform", kSet, int64_t{1}, ""},
    {"rr_weight", "priorities", kSet, int64_t{2}, ""},
    {"rr_weight", "foo", kIgnore, kNone,
     "invalid value for rr_weight: \"foo\" (expected uniform or priorities); ignored"},
    {"rr_min_io_rq", "1", kSet, int64_t{1}, ""},
    {"rr_min_io_rq", "+5", kSet, int64_t{5}, ""},
    {"rr_min_io_rq", "2147483647", kSet, int64_t{2147483647}, ""},
    {"rr_min_io_rq", "0", kUnset, kNone, ""},
    {"rr_min_io_rq", "-3", kUnset, kNone, "value for rr_min_io_rq too small, capping at 0"},
    {"rr_min_io_rq", "2x", kIgnore, kNone,
     "invalid value for rr_min_io_rq: \"2x\" (expected a number from 0 to 2147483647); ignored"},
    {"rr_min_io_rq", "2147483648", kSet, int64_t{2147483647},
     "value for rr_min_io_rq too large, capping at 2147483647"},
    {"rr_min_io_rq", "99999999999999999999999", kSet, int64_t{2147483647},
     "value for rr_min_io_rq too large, capping at 2147483647"},
    {"no_path_retry", "fail", kSet, kNoPathRetryFail, ""},
    {"no_path_retry", "0", kSet, kNoPathRetryFail, ""},
    {"no_path_retry", "queue", kSet, kNoPathRetryQueue, ""},
    {"no_path_retry", "12", kSet, int64_t{12}, ""},
    {"no_path_retry", "-2", kSet, int64_t{1}, "value for no_path_retry too small, capping at 1"},
    {"no_path_retry", "-0", kSet, int64_t{1}, "value for no_path_retry too small, capping at 1"},
    {"no_path_retry", "x", kIgnore, kNone,
     "invalid value for no_path_retry: \"x\" (expected fail, queue, 0 or a number from 1 to "
     "2147483647); ignored"},
    {"failback", "manual", kSet, kFailbackManual, ""},
    {"failback", "immediate", kSet, kFailbackImmediate, ""},
    {"failback", "followover", kSet, kFailbackFollowover, ""},
    {"failback", "30", kSet, int64_t{30}, ""},
    {"failback", " 30\t", kSet, int64_t{30}, ""},
    {"failback", "0", kUnset, kNone, ""},
    {"failback", "-1", kUnset, kNone, "value for failback too small, capping at 0"},
    {"failback", "2147483648", kSet, int64_t{2147483647},
     "value for failback too large, capping at 2147483647"},
    {"failback", "", kIgnore, kNone,
     "invalid value for failback: \"\" (expected manual, immediate, followover or a number from 0 "
     "to 2147483647); ignored"},
    {"find_multipaths", "off", kSet, int64_t{1}, ""},
    {"find_multipaths", "no", kSet, int64_t{1}, ""},
    {"find_multipaths", "0", kSet, int64_t{1}, ""},
    {"find_multipaths", "on", kSet, int64_t{2}, ""},
    {"find_multipaths", "yes", kSet, int64_t{2}, ""},
    {"find_multipaths", "1", kSet, int64_t{2}, ""},
    {"find_multipaths", "strict", kSet, int64_t{3}, ""},
    {"find_multipaths", "greedy", kSet, int64_t{4}, ""},
    {"find_multipaths", "smart", kSet, int64_t{5}, ""},
    {"find_multipaths", "sometimes", kIgnore, kNone,
     "invalid value for find_multipaths: \"sometimes\" (expected off, on, strict, greedy, smart, "
     "no, 0, yes or 1); ignored"},
    {"find_multipaths_timeout", "-5", kSet, int64_t{-5}, ""},
    {"find_multipaths_timeout", "0", kUnset, kNone, ""},
    {"find_multipaths_timeout", "-2147483649", kSet, int64_t{INT32_MIN},
     "value for find_multipaths_timeout too small, capping at -2147483648"},
    {"polling_interval", "10", kSet, int64_t{10}, ""},
    {"polling_interval", "0", kSet, int64_t{0}, ""},
    {"polling_interval", "4294967295", kSet, int64_t{4294967295}, ""},
    {"polling_interval", "4294967296", kIgnore, kNone,
     "invalid value for polling_interval: \"4294967296\" (expected a number from 0 to "
     "4294967295); ignored"},
    {"polling_interval", "-1", kIgnore, kNone,
     "invalid value for polling_interval: \"-1\" (expected a number from 0 to 4294967295); "
     "ignored"},
    {"uid_attribute", "ID_WWN", kSet, std::string("ID_WWN"), ""},
    {"alias_prefix", "mpath", kSet, std::string("mpath"), ""},
    {"path_checker", "directio", kSet, std::string("directio"), ""},
    {"vendor", "^(HP|HPE)$", kSet, std::string("^(HP|HPE)$"), ""},
    {"vendor", "a{2}{2}", kSet, std::string("a{2}{2}"), ""},
    {"vendor", "(a+)+", kSet, std::string("(a+)+"), ""},
    // A device's bad regex is kept: the entry never matches.
    {"product", "W(idget", kSet, std::string("W(idget"),
     "invalid regular expression for product: \"W(idget\": Unmatched ( or \\(; this device "
     "section never matches"},
    {"revision", "[", kSet, std::string("["),
     "invalid regular expression for revision: \"[\": Invalid regular expression; this device "
     "section never matches"},
    {"product_blacklist", "LUNZ", kSet, std::string("LUNZ"), ""},
    {"product_blacklist", "LUN++Z", kSet, std::string("LUN++Z"), ""},
    {"alias", "db", kSet, std::string("db"), ""},
    // The keywords added with the whole table, from tests/reference/config_value_results.txt.
    {"verbosity", "3", kSet, int64_t{3}, ""},
    {"verbosity", "7", kSet, int64_t{4}, "value for verbosity too large, capping at 4"},
    {"verbosity", "-1", kSet, int64_t{0}, "value for verbosity too small, capping at 0"},
    {"verbosity", "0x1", kIgnore, kNone,
     "invalid value for verbosity: \"0x1\" (expected a number from 0 to 4); ignored"},
    {"max_polling_interval", "7", kSet, int64_t{7}, ""},
    {"max_polling_interval", "0", kUnset, kNone, ""},
    {"max_polling_interval", "+5", kIgnore, kNone,
     "invalid value for max_polling_interval: \"+5\" (expected a number from 0 to 4294967295); "
     "ignored"},
    {"reassign_maps", "yes", kSet, int64_t{1}, ""},
    {"reassign_maps", "on", kIgnore, kNone,
     "invalid value for reassign_maps: \"on\" (expected yes, no, 1 or 0); ignored"},
    {"uid_attrs", "sd:ID_SERIAL dasd:ID_UID  nvme:ID_WWN", kSet,
     std::string("sd:ID_SERIAL dasd:ID_UID nvme:ID_WWN"), ""},
    {"uid_attrs", "sd:X\tnvme:Y", kSet, std::string("sd:X\tnvme:Y"), ""},
    {"uid_attrs", ":X", kSet, std::string(":X"), ""},
    {"uid_attrs", "", kUnset, kNone, ""},
    {"uid_attrs", "sd:ID_SERIAL abc", kIgnore, kNone,
     "invalid value for uid_attrs: \"sd:ID_SERIAL abc\" (record \"abc\" is not type:ATTRIBUTE); "
     "ignored"},
    {"rr_min_io", "0", kUnset, kNone, ""},
    {"rr_min_io", "-7", kUnset, kNone, "value for rr_min_io too small, capping at 0"},
    {"rr_min_io", "0800", kSet, int64_t{800}, ""},
    {"max_fds", "max", kSet, int64_t{1048576}, ""},
    {"max_fds", "0", kSet, int64_t{0}, ""},
    {"max_fds", "99999999999", kSet, int64_t{1048576},
     "value for max_fds too large, capping at 1048576"},
    {"max_fds", "-1", kSet, int64_t{0}, "value for max_fds too small, capping at 0"},
    {"checker_timeout", "41", kSet, int64_t{41}, ""},
    {"checker_timeout", "0", kUnset, kNone, ""},
    {"fast_io_fail_tmo", "off", kSet, kTmoOff, ""},
    {"fast_io_fail_tmo", "0", kSet, int64_t{0}, ""},
    {"fast_io_fail_tmo", "00", kSet, int64_t{1},
     "value for fast_io_fail_tmo too small, capping at 1"},
    {"fast_io_fail_tmo", "-1", kSet, int64_t{1},
     "value for fast_io_fail_tmo too small, capping at 1"},
    {"fast_io_fail_tmo", "4294967296", kSet, int64_t{2147483647},
     "value for fast_io_fail_tmo too large, capping at 2147483647"},
    {"fast_io_fail_tmo", "on", kIgnore, kNone,
     "invalid value for fast_io_fail_tmo: \"on\" (expected off, 0 or a number from 1 to "
     "2147483647); ignored"},
    {"eh_deadline", "off", kSet, kTmoOff, ""},
    {"eh_deadline", "13", kSet, int64_t{13}, ""},
    {"dev_loss_tmo", "infinity", kSet, kDevLossInfinity, ""},
    {"dev_loss_tmo", "60", kSet, int64_t{60}, ""},
    {"dev_loss_tmo", "10x", kSet, int64_t{10}, ""},
    {"dev_loss_tmo", "-1", kSet, kDevLossInfinity, ""},
    {"dev_loss_tmo", "-7", kSet, int64_t{4294967289}, ""},
    {"dev_loss_tmo", "99999999999", kSet, int64_t{1215752191}, ""},
    {"dev_loss_tmo", "4294967296", kUnset, kNone, ""},
    {"dev_loss_tmo", "0x1", kUnset, kNone, ""},
    {"dev_loss_tmo", " infinity", kIgnore, kNone,
     "invalid value for dev_loss_tmo: \" infinity\" (expected infinity or a number from 0 to "
     "4294967295); ignored"},
    {"bindings_file", "/var/lib/b", kSet, std::string("/var/lib/b"), ""},
    {"bindings_file", "rel", kIgnore, kNone,
     "invalid value for bindings_file: \"rel\" (not an absolute path); ignored"},
    {"log_checker_err", "once", kSet, int64_t{2}, ""},
    {"log_checker_err", "sometimes", kIgnore, kNone,
     "invalid value for log_checker_err: \"sometimes\" (expected always or once); ignored"},
    {"reservation_key", "abc", kSet, std::string("0xabc"), ""},
    {"reservation_key", "0X1", kSet, std::string("0x1"), ""},
    {"reservation_key", "0x1:aptpl", kSet, std::string("0x1:aptpl"), ""},
    {"reservation_key", "1:aptplx", kSet, std::string("0x1"), ""},
    {"reservation_key", "file", kSet, std::string("file"), ""},
    {"partition_delimiter", "-p", kSet, std::string("-p"), ""},
    {"san_path_err_threshold", "no", kSet, int64_t{0}, ""},
    {"san_path_err_threshold", "0", kSet, int64_t{0}, ""},
    {"san_path_err_threshold", "3", kSet, int64_t{3}, ""},
    {"san_path_err_threshold", "-7", kSet, int64_t{1},
     "value for san_path_err_threshold too small, capping at 1"},
    {"marginal_path_err_sample_time", "99999999999", kSet, int64_t{2147483647},
     "value for marginal_path_err_sample_time too large, capping at 2147483647"},
    {"delay_watch_checks", "off", kIgnore, kNone,
     "invalid value for delay_watch_checks: \"off\" (expected no, 0 or a number from 1 to "
     "2147483647); ignored"},
    {"ghost_delay", "0", kSet, int64_t{0}, ""},
    {"marginal_pathgroups", "on", kSet, int64_t{2}, ""},
    {"marginal_pathgroups", "0", kSet, int64_t{1}, ""},
    {"marginal_pathgroups", "fpin", kIgnore, kNone,
     "support for \"fpin\" is not compiled in for marginal_pathgroups; ignored"},
    {"marginal_pathgroups", "maybe", kIgnore, kNone,
     "invalid value for marginal_pathgroups: \"maybe\" (expected off, on, no, 0, yes or 1); "
     "ignored"},
    {"uxsock_timeout", "5000", kSet, int64_t{5000}, ""},
    {"uxsock_timeout", "7", kSet, int64_t{4000},
     "value for uxsock_timeout too small, capping at 4000"},
    {"retrigger_tries", "-1", kSet, int64_t{0},
     "value for retrigger_tries too small, capping at 0"},
    {"retrigger_delay", "0", kSet, int64_t{0}, ""},
    {"missing_uev_wait_timeout", "31", kSet, int64_t{31}, ""},
    {"disable_changed_wwids", "yes", kIgnore, kNone, ""},
    {"remove_retries", "2", kSet, int64_t{2}, ""},
    {"max_sectors_kb", "512", kSet, int64_t{512}, ""},
    {"max_sectors_kb", "0", kUnset, kNone, ""},
    {"enable_foreign", "(", kSet, std::string("("), ""},
    {"vpd_vendor", "hp3par", kSet, int64_t{1}, ""},
    {"vpd_vendor", "HP3PAR", kIgnore, kNone,
     "invalid value for vpd_vendor: \"HP3PAR\" (expected hp3par); ignored"},
    {"type", "scsi:fcp", kSet, int64_t{1}, ""},
    {"type", "foo", kIgnore, kNone,
     "invalid value for type: \"foo\" (expected scsi:fcp, scsi:spi, scsi:ssa, scsi:sbp, scsi:srp, "
     "scsi:iscsi, scsi:sas, scsi:adt, scsi:ata, scsi:unspec, nvme:pcie, nvme:rdma, nvme:fc, "
     "nvme:tcp, nvme:loop, nvme:apple-nvme, nvme:unspec, ccw, cciss or undef); ignored"},
    {"mode", "0777", kSet, int64_t{0777}, ""},
    {"mode", "10x", kSet, int64_t{010}, ""},
    {"mode", "4294967296", kSet, int64_t{042}, ""},
    {"mode", "0x1", kSet, int64_t{0}, ""},
    {"mode", "2147483648", kIgnore, kNone,
     "invalid value for mode: \"2147483648\" (expected an octal number from 0 to 0777); ignored"},
    {"mode", "-1", kIgnore, kNone,
     "invalid value for mode: \"-1\" (expected an octal number from 0 to 0777); ignored"},
    {"uid", "1000", kSet, int64_t{1000}, ""},
    {"uid", "-1", kSet, int64_t{4294967295}, ""},
    {"uid", "10x", kSet, int64_t{10}, ""},
    {"gid", "abc", kIgnore, kNone,
     "invalid value for gid: \"abc\" (expected a number from 0 to 4294967295); ignored"},
};

TEST(KeywordTableTest, ValueCaseTable) {
  for (const Case& c : kCases) {
    const Keyword* kw = nullptr;
    for (const Keyword& k : KeywordTable()) {
      if (k.name == c.keyword) {
        kw = &k;
        break;
      }
    }
    ASSERT_NE(kw, nullptr) << c.keyword;
    auto v = ParseValue(*kw, c.text);
    ASSERT_TRUE(v.ok()) << c.keyword << " " << c.text << ": " << v.error().message;
    EXPECT_EQ(v->action, c.action) << c.keyword << " " << c.text;
    if (c.action == kSet) {
      EXPECT_EQ(v->value, c.want) << c.keyword << " " << c.text;
    }
    EXPECT_EQ(v->warning, c.warning) << c.keyword << " " << c.text;
  }
}

// The only values the reference refuses to run with.
TEST(KeywordTableTest, BadBlacklistRegexIsAnError) {
  for (const char* name : {"devnode", "wwid", "property", "protocol"}) {
    auto v = ParseValue(*FindKeyword(name, kInBlacklist), "(");
    ASSERT_FALSE(v.ok()) << name;
    EXPECT_EQ(v.error().message, "invalid regular expression for " + std::string(name) +
                                     ": \"(\": Unmatched ( or \\(");
  }
  auto product = ParseValue(*FindKeyword("product", kInBlacklistDevice), "a++++++++++++++++++++");
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.error().message,
            "invalid regular expression for product: \"a++++++++++++++++++++\": too complex (about "
            "2097151 nodes to compile, at most 65536)");
  EXPECT_FALSE(ParseValue(*FindKeyword("product_blacklist", kInDevice), "[").ok());
  EXPECT_TRUE(ParseValue(*FindKeyword("devnode", kInBlacklist), "sd++a").ok());
}

TEST(KeywordTableTest, FormatsLikeMultipathT) {
  auto fmt = [](std::string_view name, std::string_view text) {
    const Keyword* kw = FindKeyword(name, kInDevice);
    if (kw == nullptr) kw = FindKeyword(name, kInDefaults);
    return FormatValue(*kw, ParseValue(*kw, text)->value);
  };
  EXPECT_EQ(fmt("path_grouping_policy", "multibus"), "\"multibus\"");
  EXPECT_EQ(fmt("failback", "30"), "30");
  EXPECT_EQ(fmt("failback", "immediate"), "\"immediate\"");
  EXPECT_EQ(fmt("no_path_retry", "0"), "\"fail\"");
  EXPECT_EQ(fmt("no_path_retry", "18"), "18");
  EXPECT_EQ(fmt("detect_prio", "1"), "\"yes\"");
  EXPECT_EQ(fmt("find_multipaths", "yes"), "\"on\"");
  EXPECT_EQ(fmt("rr_min_io_rq", "3"), "3");
  EXPECT_EQ(fmt("product", "2.5\" SSD"), "\"2.5\"\" SSD\"");
  EXPECT_EQ(fmt("prio_args", ""), "\"\"");
  EXPECT_EQ(fmt("fast_io_fail_tmo", "off"), "off");
  EXPECT_EQ(fmt("fast_io_fail_tmo", "0"), "0");
  EXPECT_EQ(fmt("eh_deadline", "off"), "off");
  EXPECT_EQ(fmt("dev_loss_tmo", "infinity"), "\"infinity\"");
  EXPECT_EQ(fmt("dev_loss_tmo", "-1"), "\"infinity\"");
  EXPECT_EQ(fmt("dev_loss_tmo", "4294967294"), "4294967294");
  EXPECT_EQ(fmt("max_fds", "max"), "\"max\"");
  EXPECT_EQ(fmt("max_fds", "1048576"), "\"max\"");
  EXPECT_EQ(fmt("max_fds", "0"), "0");  // the reference prints nothing, which reads back as max
  EXPECT_EQ(fmt("san_path_err_threshold", "0"), "\"no\"");
  EXPECT_EQ(fmt("ghost_delay", "no"), "\"no\"");
  EXPECT_EQ(fmt("ghost_delay", "7"), "7");
  EXPECT_EQ(fmt("marginal_pathgroups", "yes"), "\"on\"");
  EXPECT_EQ(fmt("log_checker_err", "once"), "\"once\"");
  EXPECT_EQ(fmt("vpd_vendor", "hp3par"), "\"hp3par\"");
  EXPECT_EQ(fmt("mode", "777"), "0777");
  EXPECT_EQ(fmt("mode", "0"), "00");
  // The reference prints uid and gid as 0%o but reads them as decimal; mpx
  // prints what reads back.
  EXPECT_EQ(fmt("uid", "1000"), "1000");
  EXPECT_EQ(fmt("reservation_key", "0800"), "0x800");
  EXPECT_EQ(fmt("reservation_key", "ABCdef:aptpl"), "0xabcdef:aptpl");
  EXPECT_EQ(fmt("reservation_key", "file"), "\"file\"");
  EXPECT_EQ(fmt("uid_attrs", "sd:ID_SERIAL"), "sd:ID_SERIAL");
  // The reference prints several records bare too, which reads back as the first.
  EXPECT_EQ(fmt("uid_attrs", "sd:A  nvme:B"), "\"sd:A nvme:B\"");
  EXPECT_EQ(fmt("bindings_file", "/b"), "\"/b\"");
  EXPECT_EQ(fmt("partition_delimiter", ""), "\"\"");
}

// Every keyword a section takes has a place in its print order, and nothing
// else does; synonyms and ignored keywords print under their Opt's name.
TEST(KeywordTableTest, PrintOrdersCoverTheirSections) {
  for (unsigned bit = 1; bit <= kInProtocol; bit <<= 1) {
    auto scope = static_cast<Scope>(bit);
    std::span<const Opt> order = PrintOrder(scope);
    for (const Keyword& kw : KeywordTable()) {
      if (kw.opt == Opt::kDeprecated) continue;
      bool listed = std::find(order.begin(), order.end(), kw.opt) != order.end();
      bool here = FindKeyword(KeywordFor(kw.opt).name, scope) != nullptr &&
                  FindKeyword(KeywordFor(kw.opt).name, scope)->opt == kw.opt;
      EXPECT_EQ(listed, here) << kw.name << " in scope " << bit;
    }
  }
}

TEST(KeywordTableTest, ReservationKeys) {
  auto key = [](std::string_view text) { return ReadPrKey(text); };
  EXPECT_TRUE(key("file")->file);
  EXPECT_EQ(key("0x1:aptpl")->key, 1u);
  EXPECT_TRUE(key("0x1:aptpl")->aptpl);
  EXPECT_FALSE(key("0x1:APTPL")->aptpl);  // the reference takes the key, not the flag
  EXPECT_EQ(key("ffffffffffffffff")->key, UINT64_MAX);
  EXPECT_EQ(key("00000000000000001")->key, 1u);
  EXPECT_EQ(key("0x0")->key, 0u);
  for (const char* bad : {"0", "", "0x", "-1", "+5", " 7 ", "10x", "0x10000000000000000", ":aptpl",
                          "file:aptpl", "FILE", "0:aptpl"}) {
    EXPECT_FALSE(key(bad).has_value()) << bad;
  }
  auto v = ParseValue(*FindKeyword("reservation_key", kInDefaults), "0x");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().message,
            "invalid value for reservation_key: \"0x\" (expected file, or up to 16 hex digits, 0x "
            "before them optional, :aptpl after them optional)");
}

}  // namespace
}  // namespace mpx
