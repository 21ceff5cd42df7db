#!/usr/bin/env bash
# Builds the liburing baseline (bench/c/build/uringbench) from Debian's liburing-dev, installing the package when its
# header is missing (needs root; as anyone else, install liburing-dev yourself). Prints the binary's path.
# The build directory is git-ignored: binaries are never committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/build"
bin="$out/uringbench"
if [ ! -f /usr/include/liburing.h ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "build.sh: /usr/include/liburing.h is missing; install Debian's liburing-dev (apt-get install liburing-dev) as root" >&2
    exit 1
  fi
  echo "build.sh: installing liburing-dev..." >&2
  if ! apt-get install -y -qq liburing-dev >&2; then
    apt-get update -qq >&2 && apt-get install -y -qq liburing-dev >&2 || {
      echo "build.sh: apt-get install liburing-dev failed" >&2; exit 1; }
  fi
fi
command -v gcc >/dev/null || { echo "build.sh: gcc is missing (apt-get install gcc)" >&2; exit 1; }
if [ ! -x "$bin" ] || [ "$here/uringbench.c" -nt "$bin" ] || [ "$0" -nt "$bin" ]; then
  mkdir -p "$out"
  version=$(dpkg-query -W -f='${Version}' liburing-dev 2>/dev/null || echo unknown)
  # Static liburing: the same code whatever liburing.so is installed; -O2 as Debian builds it.
  gcc -O2 -Wall -Wextra -o "$bin.tmp" "$here/uringbench.c" -DLIBURING_VERSION="\"$version\"" \
    -Wl,-Bstatic -luring -Wl,-Bdynamic
  mv "$bin.tmp" "$bin"
fi
echo "$bin"
