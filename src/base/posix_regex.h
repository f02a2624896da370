// Regex: a compiled POSIX extended regular expression (the syntax of
// multipath.conf: unanchored, case-sensitive). A leading '!' inverts the match,
// as the reference allows in blacklist entries.
#pragma once

#include <regex.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace mpx {

class Regex {
 public:
  static Result<Regex> Compile(std::string pattern);
  bool Matches(const std::string& text) const;
  const std::string& pattern() const { return pattern_; }

 private:
  struct Free {
    void operator()(regex_t* r) const {
      regfree(r);
      delete r;
    }
  };
  Regex(std::string pattern, bool invert, std::unique_ptr<regex_t, Free> re)
      : pattern_(std::move(pattern)), invert_(invert), re_(std::move(re)) {}
  std::string pattern_;
  bool invert_ = false;
  std::unique_ptr<regex_t, Free> re_;
};

}  // namespace mpx
