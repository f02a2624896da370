#include "config/parser.h"

#include <optional>
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
  kBlacklistDevice,
  kProtocol,
};

struct SectionInfo {
  std::string_view name;
  Section section;
  Section parent;
  unsigned scope;  // keywords allowed inside; 0 for pure containers
  bool multi;      // may appear many times in its parent (else a repeat is a "duplicate keyword")
};

constexpr SectionInfo kSections[] = {
    {"defaults", Section::kDefaults, Section::kTop, kInDefaults, false},
    {"blacklist", Section::kBlacklist, Section::kTop, kInBlacklist, false},
    {"blacklist_exceptions", Section::kBlacklistExceptions, Section::kTop, kInBlacklist, false},
    {"devices", Section::kDevices, Section::kTop, 0, false},
    {"overrides", Section::kOverrides, Section::kTop, kInOverrides, false},
    {"multipaths", Section::kMultipaths, Section::kTop, 0, false},
    {"device", Section::kDevice, Section::kDevices, kInDevice, true},
    {"multipath", Section::kMultipath, Section::kMultipaths, kInMultipath, true},
    {"device", Section::kBlacklistDevice, Section::kBlacklist, kInBlacklistDevice, true},
    {"device", Section::kBlacklistDevice, Section::kBlacklistExceptions, kInBlacklistDevice, true},
    {"protocol", Section::kProtocol, Section::kOverrides, kInProtocol, true},
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

// One file. Structure mistakes are read the way the reference reads them
// (tests/reference/config_results.txt), so the same lines end up meaning the
// same settings; each one is a warning.
class Parser {
 public:
  Parser(const ConfigSource& src, Config* config, std::vector<std::string>* warnings,
         std::set<std::string_view>* deprecations_told)
      : file_(src.name),
        drop_in_(src.drop_in),
        lines_(SplitConfigLines(src.text)),
        config_(config),
        warnings_(warnings),
        deprecations_told_(deprecations_told) {}

  // Error only for a mistake the reference refuses to run with.
  Status Run() {
    static constexpr SectionInfo kTopInfo{"", Section::kTop, Section::kTop, 0, false};
    return ParseBody(kTopInfo, 0, Sink{});
  }

 private:
  std::string Where(int line) const { return file_ + ":" + std::to_string(line); }
  Error Fail(int line, const std::string& msg) const {
    return MakeError(Where(line) + ": " + msg, 22 /*EINVAL*/);
  }
  void Warn(int line, const std::string& msg) { warnings_->push_back(Where(line) + ": " + msg); }

  // The next non-empty line; false at the end of the file.
  bool Next(Line* line) {
    while (pos_ < lines_.size()) {
      int number = static_cast<int>(++pos_);
      LineTokens lexed = TokenizeLine(lines_[pos_ - 1]);
      if (lexed.tokens.empty()) continue;
      if (lexed.unterminated_quote) {
        Warn(number, "missing closing quote; the string runs to the end of the line");
      }
      *line = Line{number, std::move(lexed.tokens)};
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
  Status Statement(const Line& line, const SectionInfo& info, Sink sink,
                   std::set<std::string>* seen);
  void WarnOpening(const Line& line, const SectionInfo& sub, std::set<std::string>* seen);
  Status OpenSection(const Line& line, const SectionInfo& sub, Sink parent);
  Status ParseEntry(const Line& line, const SectionInfo& sub, Sink parent);
  Status Assign(const Line& line, const Keyword& kw, Sink sink, std::set<std::string>* seen);
  void WarnSameDevice(const OptionSet& entry, int line);
  void UnknownKeyword(const Line& line, const SectionInfo& info);

  std::string file_;
  bool drop_in_;
  std::vector<std::string_view> lines_;
  size_t pos_ = 0;
  bool end_reported_ = false;  // one "not closed" warning per file, as the reference
  Config* config_;
  std::vector<std::string>* warnings_;
  std::set<std::string_view>* deprecations_told_;  // once a run, as the reference
};

// Reads a section's lines up to its "}" (or the end of the file).
Status Parser::ParseBody(const SectionInfo& info, int open_line, Sink sink) {
  std::set<std::string> seen;  // the reference warns about duplicates per section instance
  Line line;
  while (Next(&line)) {
    const Token& first = line.tokens[0];
    if (first.kind == Token::kClose) {
      if (info.section != Section::kTop) {
        WarnExtra(line, 1);
        return {};
      }
      Warn(line.number, "unmatched \"}\"; ignored");
    } else if (first.kind == Token::kOpen) {
      // The whole line goes, as in the reference: "{" opens a section only after its name.
      Warn(line.number, "invalid keyword \"{\" (no section name before it); line ignored");
    } else if (Status s = Statement(line, info, sink, &seen); !s.ok()) {
      return s;
    }
  }
  if (info.section != Section::kTop && !end_reported_) {
    end_reported_ = true;
    Warn(open_line, "section " + Q(info.name) + " is not closed: missing \"}\" at the end of " +
                        "the file (what it holds up to there counts)");
  }
  return {};
}

// A line inside a section that starts with a word or a string: a subsection,
// a keyword, or neither. An unknown word followed by "{" is only an invalid
// keyword to the reference: the lines after it belong to the current section
// and its "}" closes that one. mpx reads them the same way.
Status Parser::Statement(const Line& line, const SectionInfo& info, Sink sink,
                         std::set<std::string>* seen) {
  const Token& first = line.tokens[0];
  if (first.kind == Token::kWord) {
    if (const SectionInfo* sub = FindSection(info.section, first.text)) {
      WarnOpening(line, *sub, seen);
      return OpenSection(line, *sub, sink);
    }
    const Keyword* kw =
        info.scope != 0 ? FindKeyword(first.text, static_cast<Scope>(info.scope)) : nullptr;
    if (kw != nullptr) return Assign(line, *kw, sink, seen);
  }
  UnknownKeyword(line, info);
  return {};
}

// `name {`: without the brace, or with another word in its place, the
// reference opens the section all the same.
void Parser::WarnOpening(const Line& line, const SectionInfo& sub, std::set<std::string>* seen) {
  const std::string& name = line.tokens[0].text;
  if (!sub.multi && !seen->insert(name).second) {
    Warn(line.number, "duplicate keyword: " + name);  // both sections count, as in the reference
  }
  if (line.tokens.size() == 1) {
    Warn(line.number, "missing \"{\" after " + name + "; the section opens all the same");
  } else if (line.tokens[1].kind != Token::kOpen) {
    Warn(line.number, "expecting \"{\" after " + name + ", found " + Q(line.tokens[1].text) +
                          "; the section opens all the same");
  } else {
    WarnExtra(line, 2);
  }
}

Status Parser::OpenSection(const Line& line, const SectionInfo& sub, Sink parent) {
  switch (sub.section) {
    case Section::kDefaults:
      return ParseBody(sub, line.number, Sink{&config_->defaults, nullptr});
    case Section::kOverrides:
      return ParseBody(sub, line.number, Sink{&config_->overrides, nullptr});
    case Section::kBlacklist:
      return ParseBody(sub, line.number, Sink{nullptr, &config_->blacklist});
    case Section::kBlacklistExceptions:
      return ParseBody(sub, line.number, Sink{nullptr, &config_->blacklist_exceptions});
    case Section::kDevice:
    case Section::kMultipath:
    case Section::kBlacklistDevice:
    case Section::kProtocol:
      return ParseEntry(line, sub, parent);
    default:  // containers
      return ParseBody(sub, line.number, Sink{});
  }
}

// product_blacklist blacklists the device's vendor with it, so the reference
// refuses to run when that vendor regex is bad too (a bad one alone only
// makes the entry never match).
Status CheckProductBlacklistVendor(const OptionSet& entry) {
  const Setting* vendor = entry.Get(Opt::kVendor);
  if (vendor == nullptr || entry.Get(Opt::kProductBlacklist) == nullptr) return {};
  // Checked as what it becomes: a blacklist device's vendor.
  auto v =
      ParseValue(*FindKeyword("vendor", kInBlacklistDevice), std::get<std::string>(vendor->value));
  if (v.ok()) return {};
  return MakeError(vendor->where + ": " + v.error().message + ", which product_blacklist needs",
                   v.error().code);
}

// The reference merges device sections with the same vendor, product and
// revision (the later one's settings win) and says so when both are in one
// file. mpx keeps both (Selection applies the later one first, which comes to
// the same) and merges them where it prints them.
void Parser::WarnSameDevice(const OptionSet& entry, int line) {
  auto field = [](const OptionSet& o, Opt opt) {
    const Setting* s = o.Get(opt);
    return s ? std::optional<std::string>(std::get<std::string>(s->value)) : std::nullopt;
  };
  for (const DeviceEntry& d : config_->devices) {
    if (d.where.rfind(file_ + ":", 0) != 0) continue;
    if (field(d.options, Opt::kVendor) == field(entry, Opt::kVendor) &&
        field(d.options, Opt::kProduct) == field(entry, Opt::kProduct) &&
        field(d.options, Opt::kRevision) == field(entry, Opt::kRevision)) {
      Warn(line, "duplicate device section for " + Q(entry.Text(Opt::kVendor)) + " " +
                     Q(entry.Text(Opt::kProduct)) + " (also at " + d.where +
                     "); merged, later settings win");
      return;
    }
  }
}

// device, multipath, blacklist device and protocol sections: one entry each.
Status Parser::ParseEntry(const Line& line, const SectionInfo& sub, Sink parent) {
  OptionSet entry;
  if (Status s = ParseBody(sub, line.number, Sink{&entry, nullptr}); !s.ok()) return s;
  std::string where = Where(line.number);
  if (sub.section == Section::kDevice) {
    if (Status s = CheckProductBlacklistVendor(entry); !s.ok()) return s;
    auto dev = MakeDeviceEntry(std::move(entry), where);
    if (!dev.ok()) {
      warnings_->push_back(dev.error().message);  // only "missing vendor or product" gets here
      return {};
    }
    WarnSameDevice(dev->options, line.number);
    config_->devices.push_back(std::move(dev).value());
  } else if (sub.section == Section::kProtocol) {
    if (!entry.Get(Opt::kProtocolType)) {
      Warn(line.number, "protocol section missing type; ignored");
      return {};
    }
    config_->protocols.push_back({std::move(entry), where});
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
  const std::string name(kw.name);
  if (line.tokens.size() < 2) {
    Warn(line.number, "missing value for " + name + "; ignored");
    return {};
  }
  WarnExtra(line, 2);
  if (kw.status != Keyword::kCurrent && deprecations_told_->insert(kw.name).second) {
    Warn(line.number, kw.status == Keyword::kDeprecatedIgnored
                          ? "ignoring deprecated option " + Q(name)
                          : Q(name) + " is deprecated and will be disabled in a future release");
  }
  if (kw.status == Keyword::kDeprecatedIgnored) return {};
  const bool list_entry = sink.options == nullptr;  // blacklist entries add up
  if (!list_entry && !seen->insert(name).second) Warn(line.number, "duplicate keyword: " + name);
  // A brace here is the value, as in the reference (`alias_prefix }` sets "}").
  auto parsed = ParseValue(kw, line.tokens[1].text);
  if (!parsed.ok()) {
    // A bad blacklist regex or reservation_key: the reference refuses to run
    // when it is in multipath.conf, but drops just that line in a conf.d file.
    // A bad product_blacklist fails later, in building the blacklist, from any
    // file.
    if (!drop_in_ || kw.opt == Opt::kProductBlacklist) {
      return Fail(line.number, parsed.error().message);
    }
    Warn(line.number, parsed.error().message + "; ignored");
    return {};
  }
  if (!parsed->warning.empty()) Warn(line.number, parsed->warning);
  if (parsed->action == ParsedValue::kIgnore) return {};
  if (list_entry) {
    sink.blacklist->items.push_back(
        {kw.opt, std::get<std::string>(parsed->value), Where(line.number)});
  } else if (parsed->action == ParsedValue::kUnset) {
    sink.options->Clear(kw.opt);
  } else {
    sink.options->Set(kw.opt, Setting{std::move(parsed->value), Where(line.number)});
  }
  return {};
}

void Parser::UnknownKeyword(const Line& line, const SectionInfo& info) {
  const Token& first = line.tokens[0];
  std::string name = first.kind == Token::kString ? Q(first.text) : first.text;
  if (info.section == Section::kTop) {
    Warn(line.number, "invalid keyword: " + name);
  } else {
    Warn(line.number, "invalid keyword in the " + std::string(info.name) + " section: " + name);
  }
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

Result<ParsedConfig> ParseConfig(std::span<const ConfigSource> sources,
                                 const ParseOptions& options) {
  ParsedConfig out;
  std::set<std::string_view> deprecations_told;
  for (const ConfigSource& src : sources) {
    Parser p(src, &out.config, &out.warnings, &deprecations_told);
    if (Status s = p.Run(); !s.ok()) {
      if (!options.strict) return s.error();
      out.warnings.push_back(s.error().message);
      return MakeError(JoinLines(out.warnings), s.error().code);
    }
  }
  if (options.strict && !out.warnings.empty()) {
    return MakeError(JoinLines(out.warnings), 22 /*EINVAL*/);
  }
  return out;
}

Result<ParsedConfig> ParseConfig(std::string_view text, std::string_view file_name,
                                 const ParseOptions& options) {
  ConfigSource src{std::string(file_name), std::string(text), false};
  return ParseConfig(std::span<const ConfigSource>(&src, 1), options);
}

}  // namespace mpx
