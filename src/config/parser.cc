#include "config/parser.h"

#include <set>

#include "config/lexer.h"

namespace mpx {
namespace {

enum class Section {
  kTop,
  kDefaults,
  kBlacklist,
  kBlacklistExceptions,
  kDevices,
  kDevice,
  kMultipaths,
  kMultipath,
  kOverrides,
  kBlacklistDevice
};

struct SectionInfo {
  std::string_view name;
  Section section;
  Section parent;
  unsigned scope;  // keywords allowed inside; 0 for pure containers
};

constexpr SectionInfo kSections[] = {
    {"defaults", Section::kDefaults, Section::kTop, kInDefaults},
    {"blacklist", Section::kBlacklist, Section::kTop, kInBlacklist},
    {"blacklist_exceptions", Section::kBlacklistExceptions, Section::kTop, kInBlacklist},
    {"devices", Section::kDevices, Section::kTop, 0},
    {"overrides", Section::kOverrides, Section::kTop, kInOverrides},
    {"multipaths", Section::kMultipaths, Section::kTop, 0},
    {"device", Section::kDevice, Section::kDevices, kInDevice},
    {"multipath", Section::kMultipath, Section::kMultipaths, kInMultipath},
    {"device", Section::kBlacklistDevice, Section::kBlacklist, kInBlacklistDevice},
    {"device", Section::kBlacklistDevice, Section::kBlacklistExceptions, kInBlacklistDevice},
};

const SectionInfo* FindSection(Section parent, std::string_view name) {
  for (const SectionInfo& s : kSections) {
    if (s.parent == parent && s.name == name) return &s;
  }
  return nullptr;
}

std::string Q(std::string_view s) { return "\"" + std::string(s) + "\""; }

struct Line {
  int number = 0;
  std::vector<Token> tokens;  // never empty
};

// Where one section's keywords go.
struct Sink {
  OptionSet* options = nullptr;           // defaults, overrides, device, multipath entries
  BlacklistSection* blacklist = nullptr;  // blacklist items and the parent of its devices
};

class Parser {
 public:
  Parser(const ConfigSource& src, Config* config, std::vector<std::string>* warnings)
      : file_(src.name), lines_(SplitConfigLines(src.text)), config_(config), warnings_(warnings) {}

  Status Run() {
    static constexpr SectionInfo kTopInfo{"", Section::kTop, Section::kTop, 0};
    return ParseBody(kTopInfo, 0, Sink{});
  }

 private:
  Error Fail(int line, const std::string& msg) const {
    return MakeError(file_ + ":" + std::to_string(line) + ": " + msg, 22 /*EINVAL*/);
  }
  void Warn(int line, const std::string& msg) {
    warnings_->push_back(file_ + ":" + std::to_string(line) + ": " + msg);
  }

  // The next non-empty line; false at the end of the file.
  Result<bool> Next(Line* line) {
    while (pos_ < lines_.size()) {
      int number = static_cast<int>(++pos_);
      auto tokens = TokenizeLine(lines_[pos_ - 1]);
      if (!tokens.ok()) return Fail(number, tokens.error().message);
      if (tokens->empty()) continue;
      *line = Line{number, std::move(tokens).value()};
      return true;
    }
    return false;
  }

  void WarnExtra(const Line& line, size_t used) {
    if (line.tokens.size() > used) {
      Warn(line.number, "ignoring extra data starting with " + Q(line.tokens[used].text));
    }
  }

  Status ParseBody(const SectionInfo& info, int open_line, Sink sink);
  Status OpenSection(const Line& line, const SectionInfo& sub, Sink parent);
  Status ExpectOpenBrace(const Line& line);
  Status Assign(const Line& line, const Keyword& kw, Sink sink, std::set<std::string>* seen);
  Status SkipSection(const Line& line);
  void UnknownKeyword(const Line& line, const SectionInfo& info);

  std::string file_;
  std::vector<std::string_view> lines_;
  size_t pos_ = 0;
  Config* config_;
  std::vector<std::string>* warnings_;
};

Status Parser::ParseBody(const SectionInfo& info, int open_line, Sink sink) {
  std::set<std::string> seen;  // the reference warns about duplicates per section instance
  while (true) {
    Line line;
    auto more = Next(&line);
    if (!more.ok()) return more.error();
    if (!*more) {
      if (info.section == Section::kTop) return {};
      return Fail(open_line, "section " + Q(info.name) + " is not closed: missing \"}\"");
    }
    const Token& first = line.tokens[0];
    if (first.kind == Token::kClose) {
      if (info.section == Section::kTop) return Fail(line.number, "unmatched \"}\"");
      WarnExtra(line, 1);
      return {};
    }
    if (first.kind == Token::kOpen) return Fail(line.number, "unexpected \"{\"");
    if (first.kind == Token::kWord) {
      if (const SectionInfo* sub = FindSection(info.section, first.text)) {
        if (Status s = OpenSection(line, *sub, sink); !s.ok()) return s;
        continue;
      }
      const Keyword* kw =
          info.scope ? FindKeyword(first.text, static_cast<Scope>(info.scope)) : nullptr;
      if (kw != nullptr) {
        if (Status s = Assign(line, *kw, sink, &seen); !s.ok()) return s;
        continue;
      }
    }
    if (line.tokens.size() > 1 && line.tokens[1].kind == Token::kOpen) {
      if (Status s = SkipSection(line); !s.ok()) return s;
      continue;
    }
    UnknownKeyword(line, info);
  }
}

Status Parser::ExpectOpenBrace(const Line& line) {
  const std::string& name = line.tokens[0].text;
  if (line.tokens.size() > 1) {
    if (line.tokens[1].kind != Token::kOpen) {
      return Fail(line.number,
                  "expected \"{\" after " + Q(name) + ", found " + Q(line.tokens[1].text));
    }
    WarnExtra(line, 2);
    return {};
  }
  // "{" alone on the next line: the reference reads the section all the same.
  size_t saved = pos_;
  Line next;
  auto more = Next(&next);
  if (!more.ok()) return more.error();
  if (*more && next.tokens[0].kind == Token::kOpen) {
    Warn(next.number, "\"{\" should be on the same line as " + Q(name));
    WarnExtra(next, 1);
    return {};
  }
  pos_ = saved;
  return Fail(line.number, "missing \"{\" after " + Q(name));
}

Status Parser::OpenSection(const Line& line, const SectionInfo& sub, Sink parent) {
  if (Status s = ExpectOpenBrace(line); !s.ok()) return s;
  std::string where = file_ + ":" + std::to_string(line.number);
  switch (sub.section) {
    case Section::kDefaults:
      return ParseBody(sub, line.number, Sink{&config_->defaults, nullptr});
    case Section::kOverrides:
      return ParseBody(sub, line.number, Sink{&config_->overrides, nullptr});
    case Section::kBlacklist:
      return ParseBody(sub, line.number, Sink{nullptr, &config_->blacklist});
    case Section::kBlacklistExceptions:
      return ParseBody(sub, line.number, Sink{nullptr, &config_->blacklist_exceptions});
    case Section::kDevices:
    case Section::kMultipaths:
    case Section::kTop:
      return ParseBody(sub, line.number, Sink{});
    default:
      break;
  }
  OptionSet entry;
  if (Status s = ParseBody(sub, line.number, Sink{&entry, nullptr}); !s.ok()) return s;
  if (sub.section == Section::kDevice) {
    auto dev = MakeDeviceEntry(std::move(entry), where);
    if (!dev.ok()) {
      warnings_->push_back(dev.error().message);  // only "missing vendor or product" gets here
      return {};
    }
    config_->devices.push_back(std::move(dev).value());
  } else if (sub.section == Section::kMultipath) {
    if (!entry.Get(Opt::kWwid)) {
      Warn(line.number, "multipath section missing wwid; ignored");
      return {};
    }
    for (const MultipathEntry& m : config_->multipaths) {
      if (m.options.Text(Opt::kWwid) == entry.Text(Opt::kWwid)) {
        Warn(line.number, "duplicate multipath section for " + Q(entry.Text(Opt::kWwid)) +
                              " (also at " + m.where + "); later settings win");
        break;
      }
    }
    config_->multipaths.push_back({std::move(entry), where});
  } else {  // Section::kBlacklistDevice
    if (entry.empty()) {
      Warn(line.number, "blacklist device section without vendor or product; ignored");
      return {};
    }
    parent.blacklist->devices.push_back({std::move(entry), where});
  }
  return {};
}

Status Parser::Assign(const Line& line, const Keyword& kw, Sink sink, std::set<std::string>* seen) {
  if (line.tokens.size() < 2 || line.tokens[1].kind == Token::kOpen ||
      line.tokens[1].kind == Token::kClose) {
    return Fail(line.number, "missing value for " + std::string(kw.name));
  }
  WarnExtra(line, 2);
  auto value = ParseValue(kw, line.tokens[1].text);
  if (!value.ok()) return Fail(line.number, value.error().message);
  std::string where = file_ + ":" + std::to_string(line.number);
  if (sink.options == nullptr) {  // a blacklist list entry
    sink.blacklist->items.push_back(
        {kw.opt, std::get<std::string>(value.value()), std::move(where)});
    return {};
  }
  if (!seen->insert(std::string(kw.name)).second) {
    Warn(line.number, "duplicate keyword: " + std::string(kw.name));
  }
  sink.options->Set(kw.opt, Setting{std::move(value).value(), std::move(where)});
  return {};
}

Status Parser::SkipSection(const Line& open) {
  Warn(open.number, "invalid section: " + open.tokens[0].text + "; skipped");
  int depth = 1;
  while (depth > 0) {
    Line line;
    auto more = Next(&line);
    if (!more.ok()) return more.error();
    if (!*more) {
      return Fail(open.number,
                  "section " + Q(open.tokens[0].text) + " is not closed: missing \"}\"");
    }
    if (line.tokens[0].kind == Token::kClose) {
      --depth;
    } else if (line.tokens.size() > 1 && line.tokens[1].kind == Token::kOpen) {
      ++depth;
    }
  }
  return {};
}

void Parser::UnknownKeyword(const Line& line, const SectionInfo& info) {
  const std::string& name = line.tokens[0].text;
  if (info.section == Section::kTop) {
    Warn(line.number, "invalid keyword: " + name);
  } else {
    Warn(line.number, "invalid keyword in the " + std::string(info.name) + " section: " + name);
  }
}

}  // namespace

Result<ParsedConfig> ParseConfig(std::span<const ConfigSource> sources) {
  ParsedConfig out;
  for (const ConfigSource& src : sources) {
    Parser p(src, &out.config, &out.warnings);
    if (Status s = p.Run(); !s.ok()) return s.error();
  }
  return out;
}

Result<ParsedConfig> ParseConfig(std::string_view text, std::string_view file_name) {
  ConfigSource src{std::string(file_name), std::string(text)};
  return ParseConfig(std::span<const ConfigSource>(&src, 1));
}

}  // namespace mpx
