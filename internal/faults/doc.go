// Package faults holds kouryu's fault tests: whole-pipeline runs of the real
// kouryu binary (separate classify and publish processes, or `kouryu run`)
// against real nats-server processes and PostgreSQL, with processes killed,
// servers restarted and poison messages sent mid-stream, each run ending in a
// count of the events table: every event in exactly once, nothing lost,
// nothing doubled.
//
// The tests build with the tag "faults" and take minutes, so plain
// `go test ./...` skips them; `make test-faults` runs them:
//
//	go test -race -tags faults -count=1 -timeout 15m -v ./internal/faults/
//
// PostgreSQL is KOURYU_TEST_DATABASE_URL (see internal/pgtest); the restart
// test starts a throwaway cluster of its own with initdb and skips without
// one (it fails under CI=true). Nothing leaves loopback.
package faults
