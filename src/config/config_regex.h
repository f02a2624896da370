// CompileConfigRegex: a multipath.conf regular expression (POSIX ERE, as the
// reference compiles them with glibc's regcomp), refused before compiling when
// its compiled form would be huge.
//
// glibc builds a repeated expression by copying it once per repetition it has
// to spell out ("x+" as "xx*", "x{3}" as "xxx"), and copies the copies when
// repetitions follow or nest, so the 45 bytes "a++++...+" take gigabytes (a
// fuzzer found this; the reference has the same problem). Everything a real
// configuration holds ("sd++a", "a{2}{2}", "a{1000}") stays well below the
// limit, so mpx refuses no pattern the reference could really use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/posix_regex.h"
#include "base/result.h"

namespace mpx {

// About 40 MB of regcomp's memory (measured: 200 to 600 bytes a node).
inline constexpr size_t kMaxRegexNodes = size_t{1} << 16;

// An estimate of the nodes regcomp builds for the pattern (saturating, never
// far below the truth).
size_t EstimateRegexNodes(std::string_view pattern);

// Error "...: too complex (about N copies of its parts)" above kMaxRegexNodes,
// or regcomp's own error message.
Result<Regex> CompileConfigRegex(const std::string& pattern);

}  // namespace mpx
