// Result<T>: a value or an Error, shaped like C++23 std::expected so it can be
// swapped in later. Library code returns these; only programs print errors.
#pragma once

#include <cassert>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <variant>

namespace mpx {

// An error with the errno that caused it (0 when none; a negative code is a
// condition a module names itself, such as kernel/devmapper.h's
// kDmUnavailable) and a message that already names the file, device or line
// it is about.
struct Error {
  int code = 0;
  std::string message;
};

inline Error MakeError(std::string message, int code = 0) {
  return Error{code, std::move(message)};
}

// "what: <strerror(err)>" with err as the code; err is errno unless given.
inline Error ErrnoError(const std::string& what, int err = errno) {
  return MakeError(what + ": " + std::strerror(err), err);
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error)
      : err_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return err_;
  }

 private:
  Error err_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace mpx
