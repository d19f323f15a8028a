package testutil

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// SyncBuffer takes writes from many goroutines at once (run with -race)
// and loses none.
func TestSyncBufferConcurrentWrites(t *testing.T) {
	t.Parallel()
	var b SyncBuffer
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				fmt.Fprintf(&b, "writer %d line %d\n", i, j)
				_ = b.String()
			}
		})
	}
	wg.Wait()
	if n := strings.Count(b.String(), "\n"); n != 800 {
		t.Fatalf("%d lines, want 800", n)
	}
}

// Eventually returns as soon as cond holds, calling it again until then.
func TestEventuallyReturnsWhenCondHolds(t *testing.T) {
	t.Parallel()
	calls := 0
	Eventually(t, 5*time.Second, func() error {
		if calls++; calls < 3 {
			return fmt.Errorf("call %d", calls)
		}
		return nil
	})
	if calls != 3 {
		t.Fatalf("cond called %d times, want 3", calls)
	}
}

// recorder is a testing.TB whose Fatalf records the failure and ends the
// goroutine, as testing.T's does, without failing the test around it.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// run calls f with r in a goroutine of its own, as the testing package runs
// a test, so Fatalf's Goexit ends only that goroutine.
func (r *recorder) run(f func(testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
}

// Past its deadline Eventually fails the test with cond's last error, and
// WaitFor with what it waited for.
func TestEventuallyFailsWithTheLastReason(t *testing.T) {
	t.Parallel()
	r := &recorder{TB: t}
	calls := 0
	var last string
	start := time.Now()
	r.run(func(tb testing.TB) {
		Eventually(tb, 100*time.Millisecond, func() error {
			calls++
			last = fmt.Sprintf("%d rows of 1000", calls)
			return fmt.Errorf("%s", last)
		})
	})
	if r.failed != "after 100ms: "+last {
		t.Fatalf("failure %q, want the last reason %q", r.failed, last)
	}
	if time.Since(start) < 100*time.Millisecond || calls < 3 {
		t.Fatalf("gave up after %s and %d calls", time.Since(start), calls)
	}

	r = &recorder{TB: t}
	r.run(func(tb testing.TB) {
		WaitFor(tb, 20*time.Millisecond, "the feed to list 3 events", func() bool { return false })
	})
	if !strings.Contains(r.failed, "still waiting for the feed to list 3 events") {
		t.Fatalf("failure %q", r.failed)
	}
}
