// The prkeys file (/etc/multipath/prkeys): the persistent-reservation key of
// each map whose reservation_key is "file", as multipathd's setprkey stores
// it for mpathpersist. One "<key> <wwid>" line per map, the key as "0x" and
// 16 lowercase hex digits, "0X" when it was registered with APTPL:
//
//   # Multipath persistent reservation keys, Version : 1.0
//   ...
//   0x000000000000abcd 3600a098038303053453f463045727a45
//
// Unsetting a key comments its line out in place ("#x000000000000abcd ..."),
// and setting it again reuses that line, as the reference does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mpx {

struct StoredPrKey {
  uint64_t key = 0;
  bool aptpl = false;
};

// The header a new file starts with.
std::string_view PrKeysHeader();
// The key stored for `wwid`; nullopt when none (or its line is commented out
// or garbled).
std::optional<StoredPrKey> FindPrKey(std::string_view text, std::string_view wwid);
// The text with `wwid`'s key set (`key` non-zero) or unset (nullopt or key 0).
// Unchanged text when there is nothing to unset.
std::string WithPrKey(std::string_view text, std::string_view wwid, std::optional<StoredPrKey> key);

}  // namespace mpx
