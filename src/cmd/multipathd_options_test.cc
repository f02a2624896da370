#include "cmd/multipathd_options.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

MultipathdOptions Parse(const std::vector<std::string>& args) {
  auto o = ParseMultipathdOptions(args);
  EXPECT_TRUE(o.ok()) << o.error().message;
  return o.ok() ? *o : MultipathdOptions{};
}

TEST(MultipathdOptionsTest, NoWordsRunTheDaemon) {
  MultipathdOptions o = Parse({});
  EXPECT_EQ(o.mode, MultipathdMode::kDaemon);
  EXPECT_FALSE(o.foreground);
  EXPECT_TRUE(o.timestamps);
  EXPECT_FALSE(o.verbosity.has_value());
  EXPECT_FALSE(o.bindings_read_only);
  EXPECT_TRUE(o.poll_dmevents);
  EXPECT_FALSE(o.ignored_n);
}

TEST(MultipathdOptionsTest, DaemonFlagsClusteredOrApart) {
  for (const auto& args : {std::vector<std::string>{"-d", "-s", "-v", "3", "-B", "-n", "-w"},
                           std::vector<std::string>{"-dsBnwv3"}}) {
    MultipathdOptions o = Parse(args);
    EXPECT_EQ(o.mode, MultipathdMode::kDaemon);
    EXPECT_TRUE(o.foreground);
    EXPECT_FALSE(o.timestamps);
    EXPECT_EQ(o.verbosity, 3);
    EXPECT_TRUE(o.bindings_read_only);
    EXPECT_FALSE(o.poll_dmevents);
    EXPECT_TRUE(o.ignored_n);
  }
}

TEST(MultipathdOptionsTest, WordsAreOneCommandAsTheReferenceSendsIt) {
  struct Case {
    std::vector<std::string> args;
    std::string command;
  } cases[] = {
      {{"show", "paths"}, "show paths \n"},
      {{"show", "paths", "format", "%d %w"}, "show paths format \"%d %w\" \n"},
      {{"show", "maps", "-v3"}, "show maps \n"},   // options anywhere
      {{"-d", "show", "--", "-x"}, "show -x \n"},  // "--" ends them
      {{"show", "-"}, "show - \n"},                // "-" is a word
      {{"a\"b"}, "a\"b \n"},
  };
  for (const Case& c : cases) {
    MultipathdOptions o = Parse(c.args);
    EXPECT_EQ(o.mode, MultipathdMode::kCommand) << c.command;
    EXPECT_EQ(o.command, c.command);
  }
}

TEST(MultipathdOptionsTest, KWithAttachedTextSendsItAsIs) {
  MultipathdOptions o = Parse({"-kshow  paths"});
  EXPECT_EQ(o.mode, MultipathdMode::kCommand);
  EXPECT_EQ(o.command, "show  paths");
  // -k's text wins over words
  EXPECT_EQ(Parse({"-kshow maps", "show", "paths"}).command, "show maps");
  // the "k" ends the group: what follows is its text
  EXPECT_EQ(Parse({"-dkshow"}).command, "show");
}

TEST(MultipathdOptionsTest, KAloneIsInteractiveEvenWithWords) {
  EXPECT_EQ(Parse({"-k"}).mode, MultipathdMode::kInteractive);
  // getopt's optional argument is only an attached one
  EXPECT_EQ(Parse({"-k", "show paths"}).mode, MultipathdMode::kInteractive);
  // the last -k counts
  EXPECT_EQ(Parse({"-kshow", "-k"}).mode, MultipathdMode::kInteractive);
  EXPECT_EQ(Parse({"-k", "-kshow"}).command, "show");
}

TEST(MultipathdOptionsTest, VerbosityAsAtoiOfALeadingDigit) {
  EXPECT_EQ(Parse({"-v0"}).verbosity, 0);
  EXPECT_EQ(Parse({"-v", "4"}).verbosity, 4);
  EXPECT_EQ(Parse({"-v3x"}).verbosity, 3);
  EXPECT_EQ(Parse({"-v99999999999999999999"}).verbosity, 999999);
}

TEST(MultipathdOptionsTest, ErrorsAsTheReference) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  } cases[] = {
      {{"-x"}, "Invalid argument '-x'"},
      {{"-h"}, "Invalid argument '-h'"},
      {{"--help"}, "Invalid argument '--'"},
      {{"-i"}, "Invalid argument '-i'"},
      {{"show", "-z", "paths"}, "Invalid argument '-z'"},
      {{"-v"}, "Invalid argument '-v'"},
      {{"-x", "-vq"}, "Invalid argument '-x'"},  // the first in order
      {{"-vq"}, ""},                             // silent, as the reference
      {{"-v", "-d"}, ""},                        // -d is -v's value
  };
  for (const Case& c : cases) {
    auto o = ParseMultipathdOptions(c.args);
    ASSERT_FALSE(o.ok()) << c.args[0];
    EXPECT_EQ(o.error().message, c.error);
  }
}

TEST(MultipathdOptionsTest, CommandFromWordsLimitedAsTheReference) {
  // "show " + word + " " reaching 160 bytes is too large
  auto too_large = ParseMultipathdOptions({"show", std::string(154, 'a')});
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.error().message, "multipathd command too large");
  auto two = ParseMultipathdOptions({"show", std::string(152, 'a'), "x"});
  ASSERT_FALSE(two.ok());
  // 159 bytes fit, without the newline
  EXPECT_EQ(Parse({"show", std::string(153, 'a')}).command, "show " + std::string(153, 'a') + " ");
  EXPECT_EQ(Parse({"show", std::string(152, 'a')}).command,
            "show " + std::string(152, 'a') + " \n");
  // -k's text has no such limit
  EXPECT_EQ(Parse({"-k" + std::string(300, 'a')}).command.size(), 300u);
}

}  // namespace
}  // namespace mpx
