#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each: every parser (dates,
# sources, selectors, JSON-LD, iCal, feeds, rules, the record's JSON) gets a brief run in CI. A
# failure leaves its input under the package's testdata/fuzz.
#
# FUZZTIME is a count of executions (default 5000x), not a duration: with a
# duration, Go 1.26's fuzz coordinator can report "context deadline exceeded"
# as a failure when the time runs out while a worker is busy, with no failing
# input (golang/go#75804, fixed in Go 1.27). A count has no deadline to race.
# FUZZMINIMIZETIME bounds the time spent shrinking each new input (default 1s).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-5000x}"
minimizetime="${FUZZMINIMIZETIME:-1s}"
status=0
while IFS= read -r file; do
  pkg="$(dirname "$file")"
  for name in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)' "$file" | awk '{print $2}'); do
    start=$SECONDS
    if ! go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -fuzzminimizetime="$minimizetime" "$pkg" >/tmp/kouryu-fuzz.log 2>&1; then
      cat /tmp/kouryu-fuzz.log
      status=1
    fi
    echo "fuzz $pkg $name ($fuzztime): $((SECONDS - start))s"
  done
done < <(grep -rl --include='*_test.go' -E '^func Fuzz' . | grep -v '^./var/' | sort)
exit $status
