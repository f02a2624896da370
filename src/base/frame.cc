#include "base/frame.h"

#include <cerrno>
#include <cstring>

namespace mpx {

std::string EncodeFrame(std::string_view text) {
  size_t len = text.size() + 1;
  std::string out(sizeof len, '\0');
  std::memcpy(out.data(), &len, sizeof len);
  out.append(text);
  out.push_back('\0');
  return out;
}

Status FrameReader::Feed(std::span<const char> bytes, std::vector<std::string>* out) {
  if (broken_) return MakeError("connection already failed", EPROTO);
  buf_.append(bytes.data(), bytes.size());
  while (buf_.size() >= sizeof(size_t)) {
    size_t len = 0;
    std::memcpy(&len, buf_.data(), sizeof len);
    if (len == 0 || len > max_) {
      broken_ = true;
      buf_.clear();
      return MakeError("bad message length " + std::to_string(len) + " (at most " +
                           std::to_string(max_) + " bytes)",
                       EMSGSIZE);
    }
    if (buf_.size() - sizeof len < len) break;
    std::string text = buf_.substr(sizeof len, len);
    if (!text.empty() && text.back() == '\0') text.pop_back();
    // A NUL inside ends the text, as C strings do on the reference's side.
    if (size_t nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
    out->push_back(std::move(text));
    buf_.erase(0, sizeof len + len);
  }
  return {};
}

}  // namespace mpx
