// CowTable: an ordered table of values (by key, in insertion order) whose
// snapshots are cheap and never change: the table holds each value through a
// shared_ptr, a snapshot copies the pointers, and changing a value that a
// snapshot still holds copies that one value first (copy on write).
//
// The daemon's state lives in CowTables, written by one thread (the event
// loop); readers (the control socket) get snapshots and never wait for the
// writer nor see a value half changed. Not thread-safe itself: only the
// writer touches the table; snapshots may go to any thread.
#pragma once

#include <cassert>
#include <map>
#include <memory>
#include <vector>

namespace mpx {

template <typename Key, typename Value>
class CowTable {
 public:
  using Item = std::shared_ptr<const Value>;

  // Adds a value, or replaces the one with the same key in its place.
  void Put(const Key& key, Value value) {
    auto item = std::make_shared<const Value>(std::move(value));
    auto [it, inserted] = index_.try_emplace(key, items_.size());
    if (inserted) {
      items_.push_back({key, std::move(item)});
    } else {
      items_[it->second].second = std::move(item);
    }
  }

  bool Erase(const Key& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return false;
    size_t pos = it->second;
    index_.erase(it);
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(pos));
    for (auto& [k, i] : index_) {
      if (i > pos) --i;
    }
    return true;
  }

  const Value* Find(const Key& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : items_[it->second].second.get();
  }
  bool Contains(const Key& key) const { return index_.count(key) != 0; }

  // The value to change; copied first when a snapshot shares it. The
  // reference is valid until the next call on the table.
  Value& Mutable(const Key& key) {
    auto it = index_.find(key);
    assert(it != index_.end());
    Item& item = items_[it->second].second;
    if (item.use_count() > 1) item = std::make_shared<const Value>(*item);
    return const_cast<Value&>(*item);  // unshared now: only this table holds it
  }

  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  // In insertion order.
  const std::vector<std::pair<Key, Item>>& items() const { return items_; }

 private:
  std::vector<std::pair<Key, Item>> items_;
  std::map<Key, size_t> index_;
};

}  // namespace mpx
