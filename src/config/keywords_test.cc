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

TEST(KeywordTableTest, SectionsAsTheReferenceAcceptsThem) {
  EXPECT_NE(FindKeyword("hardware_handler", kInDevice), nullptr);
  EXPECT_EQ(FindKeyword("hardware_handler", kInDefaults), nullptr);
  EXPECT_EQ(FindKeyword("hardware_handler", kInOverrides), nullptr);
  EXPECT_EQ(FindKeyword("path_checker", kInMultipath), nullptr);
  EXPECT_EQ(FindKeyword("uid_attribute", kInMultipath), nullptr);
  EXPECT_EQ(FindKeyword("polling_interval", kInOverrides), nullptr);
  EXPECT_NE(FindKeyword("user_friendly_names", kInMultipath), nullptr);
  EXPECT_EQ(FindKeyword("wwid", kInMultipath)->opt, Opt::kWwid);
  EXPECT_EQ(FindKeyword("wwid", kInBlacklist)->opt, Opt::kBlWwid);
  EXPECT_EQ(FindKeyword("vendor", kInBlacklistDevice)->opt, Opt::kVendor);
  EXPECT_EQ(FindKeyword("nonsense", kInDefaults), nullptr);
}

struct Case {
  const char* keyword;
  const char* text;
  Value want;         // when error is empty
  const char* error;  // "" for success
};

// Every option's accepted spellings and the errors for bad ones.
const Case kCases[] = {
    {"path_grouping_policy", "failover", int64_t{1}, ""},
    {"path_grouping_policy", "multibus", int64_t{2}, ""},
    {"path_grouping_policy", "group_by_serial", int64_t{3}, ""},
    {"path_grouping_policy", "group_by_prio", int64_t{4}, ""},
    {"path_grouping_policy", "group_by_node_name", int64_t{5}, ""},
    {"path_grouping_policy", "foo", int64_t{0},
     "invalid value \"foo\" for path_grouping_policy: expected failover, multibus, "
     "group_by_serial, group_by_prio or group_by_node_name"},
    {"path_grouping_policy", "Multibus", int64_t{0}, "invalid value \"Multibus\" for"},
    {"path_selector", "service-time 0", std::string("service-time 0"), ""},
    {"path_selector", "round-robin 1 x", std::string("round-robin 1 x"), ""},
    {"path_selector", "", int64_t{0},
     "invalid value \"\" for path_selector: missing argument count"},
    {"path_selector", "round-robin 0 x", int64_t{0},
     "invalid value \"round-robin 0 x\" for path_selector: argument count is 0 but 1 "
     "argument(s) follow"},
    {"features", "1 queue_if_no_path", std::string("1 queue_if_no_path"), ""},
    {"features", "0", std::string("0"), ""},
    {"features", "2 pg_init_retries 50", std::string("2 pg_init_retries 50"), ""},
    {"features", "2 queue_if_no_path", int64_t{0},
     "invalid value \"2 queue_if_no_path\" for features: argument count is 2 but 1 "
     "argument(s) follow"},
    {"features", "queue_if_no_path", int64_t{0},
     "invalid value \"queue_if_no_path\" for features: missing argument count"},
    {"hardware_handler", "1 alua", std::string("1 alua"), ""},
    {"hardware_handler", "alua", int64_t{0},
     "invalid value \"alua\" for hardware_handler: missing argument count"},
    {"prio", "alua", std::string("alua"), ""},
    {"prio_args", "", std::string(""), ""},
    {"detect_prio", "yes", int64_t{1}, ""},
    {"detect_prio", "1", int64_t{1}, ""},
    {"detect_prio", "no", int64_t{0}, ""},
    {"detect_prio", "0", int64_t{0}, ""},
    {"detect_prio", "maybe", int64_t{0},
     "invalid value \"maybe\" for detect_prio: expected yes, no, 1 or 0"},
    {"retain_attached_hw_handler", "no", int64_t{0}, ""},
    {"user_friendly_names", "yes", int64_t{1}, ""},
    {"user_friendly_names", "true", int64_t{0}, "invalid value \"true\" for user_friendly_names"},
    {"rr_weight", "uniform", int64_t{1}, ""},
    {"rr_weight", "priorities", int64_t{2}, ""},
    {"rr_weight", "foo", int64_t{0},
     "invalid value \"foo\" for rr_weight: expected uniform or priorities"},
    {"rr_min_io_rq", "1", int64_t{1}, ""},
    {"rr_min_io_rq", "2147483647", int64_t{2147483647}, ""},
    {"rr_min_io_rq", "-3", int64_t{0},
     "invalid value \"-3\" for rr_min_io_rq: expected a number from 1 to 2147483647"},
    {"rr_min_io_rq", "0", int64_t{0}, "invalid value \"0\" for rr_min_io_rq"},
    {"rr_min_io_rq", "2x", int64_t{0}, "invalid value \"2x\" for rr_min_io_rq"},
    {"rr_min_io_rq", "2147483648", int64_t{0}, "invalid value \"2147483648\" for rr_min_io_rq"},
    {"rr_min_io_rq", "99999999999999999999999", int64_t{0}, "invalid value"},
    {"no_path_retry", "fail", kNoPathRetryFail, ""},
    {"no_path_retry", "0", kNoPathRetryFail, ""},
    {"no_path_retry", "queue", kNoPathRetryQueue, ""},
    {"no_path_retry", "12", int64_t{12}, ""},
    {"no_path_retry", "-2", int64_t{0},
     "invalid value \"-2\" for no_path_retry: expected fail, queue, 0 or a number from 1 to "
     "2147483647"},
    {"failback", "manual", kFailbackManual, ""},
    {"failback", "immediate", kFailbackImmediate, ""},
    {"failback", "followover", kFailbackFollowover, ""},
    {"failback", "30", int64_t{30}, ""},
    {"failback", "0", int64_t{0},
     "invalid value \"0\" for failback: expected manual, immediate, followover or a number "
     "from 1 to 2147483647"},
    {"find_multipaths", "off", int64_t{1}, ""},
    {"find_multipaths", "no", int64_t{1}, ""},
    {"find_multipaths", "0", int64_t{1}, ""},
    {"find_multipaths", "on", int64_t{2}, ""},
    {"find_multipaths", "yes", int64_t{2}, ""},
    {"find_multipaths", "1", int64_t{2}, ""},
    {"find_multipaths", "strict", int64_t{3}, ""},
    {"find_multipaths", "greedy", int64_t{4}, ""},
    {"find_multipaths", "smart", int64_t{5}, ""},
    {"find_multipaths", "sometimes", int64_t{0}, "invalid value \"sometimes\" for find_multipaths"},
    {"polling_interval", "10", int64_t{10}, ""},
    {"polling_interval", "0", int64_t{0}, "invalid value \"0\" for polling_interval"},
    {"uid_attribute", "ID_WWN", std::string("ID_WWN"), ""},
    {"alias_prefix", "mpath", std::string("mpath"), ""},
    {"path_checker", "directio", std::string("directio"), ""},
    {"vendor", "^(HP|HPE)$", std::string("^(HP|HPE)$"), ""},
    {"product", "W(idget", int64_t{0}, "invalid value \"W(idget\" for product: "},
    {"revision", "[", int64_t{0}, "invalid value \"[\" for revision: "},
    {"product_blacklist", "LUNZ", std::string("LUNZ"), ""},
    {"product_blacklist", "LUN++Z", int64_t{0},
     "invalid value \"LUN++Z\" for product_blacklist: repetition operators in a row"},
    {"vendor", "a*{2}", int64_t{0}, "invalid value \"a*{2}\" for vendor: repetition operators"},
    {"vendor", "a{256}", int64_t{0},
     "invalid value \"a{256}\" for vendor: repetition count above 255"},
    {"vendor", "a{2,255}b?", std::string("a{2,255}b?"), ""},
    {"vendor", "[+*]+\\+x", std::string("[+*]+\\+x"), ""},
    {"vendor", "(a+)+", std::string("(a+)+"), ""},
    {"alias", "db", std::string("db"), ""},
};

TEST(KeywordTableTest, ValidationCaseTable) {
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
    if (std::string(c.error).empty()) {
      ASSERT_TRUE(v.ok()) << c.keyword << " " << c.text << ": " << v.error().message;
      EXPECT_EQ(v.value(), c.want) << c.keyword << " " << c.text;
    } else {
      ASSERT_FALSE(v.ok()) << c.keyword << " " << c.text;
      EXPECT_EQ(v.error().message.rfind(c.error, 0), 0u)
          << c.keyword << " " << c.text << ": " << v.error().message;
    }
  }
}

TEST(KeywordTableTest, FormatsLikeMultipathT) {
  auto fmt = [](std::string_view name, std::string_view text) {
    const Keyword* kw = FindKeyword(name, kInDevice);
    if (kw == nullptr) kw = FindKeyword(name, kInDefaults);
    return FormatValue(*kw, ParseValue(*kw, text).value());
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
