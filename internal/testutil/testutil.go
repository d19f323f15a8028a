// Package testutil holds what the tests of several packages share: a buffer
// that goroutines may write while the test reads it, a logger that writes
// into the test's own output, and polling with a deadline for work that
// finishes in another goroutine or process.
//
// It is imported by _test.go files only.
package testutil

import (
	"bytes"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"
)

// SyncBuffer is a bytes.Buffer safe for concurrent use: a log sink or a
// process's output that other goroutines write while the test reads it.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what was written so far.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Logger returns a text logger writing records of level info and above
// into t's output: go test shows it for a failed test, or with -v.
func Logger(t testing.TB) *slog.Logger { return LoggerAt(t, slog.LevelInfo) }

// LoggerAt is Logger for records of level and above. A test whose code goes
// on logging in goroutines that may outlive it asks for warnings only: t's
// output must not be written once the test has returned.
func LoggerAt(t testing.TB, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: level}))
}

// The polling interval of Eventually starts short, for work that is nearly
// done, and grows to pollMax, so a long wait does not keep a core busy.
const (
	pollMin = 5 * time.Millisecond
	pollMax = 50 * time.Millisecond
)

// Eventually calls cond until it returns nil, and fails t with cond's last
// error once within has passed. cond says in its error what it still waits
// for, so a failure tells how far the work got.
func Eventually(t testing.TB, within time.Duration, cond func() error) {
	t.Helper()
	deadline := time.Now().Add(within)
	wait := pollMin
	for {
		err := cond()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %v", within, err)
		}
		time.Sleep(wait) // the polling interval, not a wait for the work itself
		wait = min(2*wait, pollMax)
	}
}

// WaitFor calls cond until it holds, and fails t once within has passed,
// naming what it waited for.
func WaitFor(t testing.TB, within time.Duration, what string, cond func() bool) {
	t.Helper()
	Eventually(t, within, func() error {
		if cond() {
			return nil
		}
		return errors.New("still waiting for " + what)
	})
}
