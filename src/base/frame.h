// The multipathd socket's framing, as the reference's client and daemon use
// it: each message is its length as a native size_t, then that many bytes
// (the text and a terminating NUL). Pure: the socket code feeds bytes in.
// Here in base because both sides use it: the daemon (src/daemon) and the
// client (kernel/unix_socket.h), which sit in different layers.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mpx {

// Commands are short; replies may be large (JSON of >10,000 maps).
inline constexpr size_t kMaxCommandBytes = size_t{64} * 1024;
inline constexpr size_t kMaxReplyBytes = size_t{32} * 1024 * 1024;

std::string EncodeFrame(std::string_view text);

// Reassembles frames from a byte stream that may arrive in any pieces.
class FrameReader {
 public:
  explicit FrameReader(size_t max_payload) : max_(max_payload) {}

  // Appends bytes and moves each completed message (without its NUL) to
  // `out`. A frame whose length is 0 or above the limit is an error (EMSGSIZE)
  // and leaves the reader broken: the connection should be closed.
  Status Feed(std::span<const char> bytes, std::vector<std::string>* out);

  // True when no partial frame is buffered.
  bool idle() const { return buf_.empty(); }
  // Bytes of the frame being received (header included).
  size_t buffered() const { return buf_.size(); }

 private:
  size_t max_;
  std::string buf_;
  bool broken_ = false;
};

}  // namespace mpx
