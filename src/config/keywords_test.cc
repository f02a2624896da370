#include "config/keywords.h"

#include <gtest/gtest.h>

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
  const Row kRows[] = {
      {"vendor", kInDevice | kInBlacklistDevice},
      {"product", kInDevice | kInBlacklistDevice},
      {"revision", kInDevice},
      {"product_blacklist", kInDevice},
      {"wwid", kInMultipath | kInBlacklist},
      {"alias", kInMultipath},
      {"polling_interval", kInDefaults},
      {"path_grouping_policy", kMap},
      {"uid_attribute", kPath},
      {"path_selector", kMap},
      {"path_checker", kPath},
      {"alias_prefix", kPath},
      {"features", kMap},
      {"hardware_handler", kInDevice},
      {"prio", kMap},
      {"prio_args", kMap},
      {"failback", kMap},
      {"rr_weight", kMap},
      {"no_path_retry", kMap},
      {"rr_min_io_rq", kMap},
      {"user_friendly_names", kMap},
      {"retain_attached_hw_handler", kPath},
      {"detect_prio", kPath},
      {"find_multipaths", kInDefaults},
      {"find_multipaths_timeout", kInDefaults},
      {"devnode", kInBlacklist},
      {"property", kInBlacklist},
      {"protocol", kInBlacklist},
  };
  for (const Row& r : kRows) {
    for (unsigned bit = 1; bit <= kInBlacklistDevice; bit <<= 1) {
      EXPECT_EQ(FindKeyword(r.name, static_cast<Scope>(bit)) != nullptr, (r.scopes & bit) != 0)
          << r.name << " in scope " << bit;
    }
  }
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
}

}  // namespace
}  // namespace mpx
