#!/usr/bin/env bash
# Installs what building and unit-testing mpx needs on Debian 12 (idempotent).
# The lab's own packages come from `lab/lab setup`.
set -euo pipefail
pkgs=(build-essential dpkg-dev cmake ninja-build pkg-config g++ clang clang-format clang-tidy libclang-rt-14-dev git python3
      libgtest-dev libgmock-dev libudev-dev libdevmapper-dev libedit-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
