#include "base/posix_regex.h"

namespace mpx {

Result<Regex> Regex::Compile(std::string pattern) {
  bool invert = !pattern.empty() && pattern.front() == '!';
  std::string body = invert ? pattern.substr(1) : pattern;
  std::unique_ptr<regex_t, Free> re(new regex_t);
  int rc = regcomp(re.get(), body.c_str(), REG_EXTENDED | REG_NOSUB);
  if (rc != 0) {
    char msg[256];
    regerror(rc, re.get(), msg, sizeof msg);
    delete re.release();
    return MakeError("invalid regular expression \"" + pattern + "\": " + msg, 22 /*EINVAL*/);
  }
  return Regex(std::move(pattern), invert, std::move(re));
}

bool Regex::Matches(const std::string& text) const {
  bool m = regexec(re_.get(), text.c_str(), 0, nullptr, 0) == 0;
  return invert_ ? !m : m;
}

}  // namespace mpx
