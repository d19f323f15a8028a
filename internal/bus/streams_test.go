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
