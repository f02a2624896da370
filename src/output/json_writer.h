// JsonWriter: a small streaming JSON writer with correct string escaping.
// Callers emit keys and values in order; the writer places commas, newlines
// and indentation. Output is always valid JSON when Begin/End calls pair up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mpx {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view v);
  JsonWriter& Int(int64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Shorthands for a key and its value.
  JsonWriter& Field(std::string_view key, std::string_view v) { return Key(key).String(v); }
  JsonWriter& Field(std::string_view key, const char* v) { return Key(key).String(v); }
  JsonWriter& Field(std::string_view key, int64_t v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, bool v) { return Key(key).Bool(v); }

  // The document, with a trailing newline.
  std::string Take();

 private:
  void BeforeValue();
  void Open(char c);
  void Close(char c);
  void Newline();
  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
  int indent_;
};

std::string JsonEscape(std::string_view s);

}  // namespace mpx
