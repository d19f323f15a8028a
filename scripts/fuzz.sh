#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 5s): every
# parser (dates, sources, selectors, JSON-LD, iCal, feeds, rules) gets a brief
# run in CI. A failure leaves its input under the package's testdata/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-5s}"
status=0
while IFS= read -r file; do
  pkg="$(dirname "$file")"
  for name in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)' "$file" | awk '{print $2}'); do
    echo "fuzz $pkg $name ($fuzztime)"
    if ! go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg" >/tmp/kouryu-fuzz.log 2>&1; then
      cat /tmp/kouryu-fuzz.log
      status=1
    fi
  done
done < <(grep -rl --include='*_test.go' -E '^func Fuzz' . | grep -v '^./var/' | sort)
exit $status
