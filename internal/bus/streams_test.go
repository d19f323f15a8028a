package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// A start-up API call that gets no answer (or a 503: no meta leader yet) is
// made again until it gets one or the caller's deadline passes; any other
// error ends it at once.
func TestRetryUnanswered(t *testing.T) {
	t.Parallel()
	b := &Bus{log: slog.New(slog.DiscardHandler)}
	calls := 0
	err := b.retryUnanswered(t.Context(), "test", func(ctx context.Context) error {
		calls++
		if _, ok := ctx.Deadline(); !ok {
			t.Error("an attempt without a deadline of its own")
		}
		switch calls {
		case 1:
			return fmt.Errorf("create stream: %w", context.DeadlineExceeded)
		case 2:
			return &jetstream.APIError{Code: 503, ErrorCode: 10008, Description: "JetStream system temporarily unavailable"}
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("err %v after %d calls, want success at the third", err, calls)
	}

	calls = 0
	refused := &jetstream.APIError{Code: 400, ErrorCode: 10058, Description: "stream name already in use"}
	if err := b.retryUnanswered(t.Context(), "test", func(context.Context) error { calls++; return refused }); !errors.Is(err, refused) || calls != 1 {
		t.Fatalf("a refusal: err %v after %d calls, want it at once", err, calls)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = b.retryUnanswered(ctx, "test", func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() })
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("never answered: err %v after %v, want the caller's deadline", err, time.Since(start))
	}
}

// A bus opened ReadOnly (status, dead list) leaves the server as it found
// it: no stream or bucket is created, and those missing read as empty.
func TestReadOnlyCreatesNothing(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	log := slog.New(slog.DiscardHandler)
	dir := t.TempDir()
	names := func(b *Bus) []string {
		t.Helper()
		var out []string
		l := b.js.StreamNames(ctx)
		for n := range l.Name() {
			out = append(out, n)
		}
		if err := l.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	b, err := Open(ctx, Config{DataDir: dir, ReadOnly: true}, log)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := b.Backlogs(ctx)
	if err != nil || len(bl) != 3 || bl[0].Messages != 0 {
		t.Errorf("backlogs %+v, %v", bl, err)
	}
	health, err := b.KV(ctx, BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	if keys, err := health.Keys(ctx); err != nil || len(keys) != 0 {
		t.Errorf("keys %q, %v", keys, err)
	}
	if v, err := health.Get(ctx, "osaka-cci"); err != nil || v != nil {
		t.Errorf("get %q, %v", v, err)
	}
	if err := health.Put(ctx, "osaka-cci", []byte("{}")); err == nil {
		t.Error("put to a bucket a read-only bus did not find: no error")
	}
	if dls, err := b.DeadLetters(ctx, 10); err != nil || len(dls) != 0 {
		t.Errorf("dead letters %v, %v", dls, err)
	}
	if got := names(b); len(got) != 0 {
		t.Errorf("a read-only bus created streams %q", got)
	}
	b.Close()

	// Once the stages have set the server up, it reads what they wrote.
	w, err := Open(ctx, Config{DataDir: dir}, log)
	if err != nil {
		t.Fatal(err)
	}
	wh, err := w.KV(ctx, BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	if err := wh.Put(ctx, "osaka-cci", []byte(`{"source":"osaka-cci"}`)); err != nil {
		t.Fatal(err)
	}
	want := len(names(w))
	w.Close()
	r, err := Open(ctx, Config{DataDir: dir, ReadOnly: true}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rh, err := r.KV(ctx, BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := rh.Get(ctx, "osaka-cci"); err != nil || string(v) != `{"source":"osaka-cci"}` {
		t.Errorf("get %q, %v", v, err)
	}
	if got := names(r); len(got) != want {
		t.Errorf("streams %q, want the %d the stages made", got, want)
	}
}
