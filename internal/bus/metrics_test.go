package bus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	promtest "github.com/prometheus/client_golang/prometheus/testutil"

	"kouryu/internal/testutil"
)

func TestMetricsCountDeadLettersAndLag(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		reg := prometheus.NewRegistry()
		cfg := e.config()
		cfg.Metrics = reg
		b := e.open(cfg)
		reg.MustRegister(NewCollector(b))
		publishN(t, b, "kouryu.raw.example-cci", 7)

		// One batch of one message, set aside: 6 left to do.
		ctx, cancel := context.WithCancel(t.Context())
		if err := b.Consume(ctx, ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify", Batch: 1},
			func(_ context.Context, msgs []Msg) []error {
				cancel()
				errs := make([]error, len(msgs))
				errs[0] = Permanent(errors.New("decode event: not JSON"))
				return errs
			}); err != nil {
			t.Fatal(err)
		}
		want := `
# HELP kouryu_consumer_pending Messages a durable consumer has still to process: not yet delivered plus delivered and not yet acked (consumer lag).
# TYPE kouryu_consumer_pending gauge
kouryu_consumer_pending{durable="classify",stream="KOURYU_RAW"} 6
# HELP kouryu_dead_letters Dead letters stored in KOURYU_DEAD (see ` + "`kouryu dead list`" + `).
# TYPE kouryu_dead_letters gauge
kouryu_dead_letters 1
# HELP kouryu_dead_letters_total Messages this process set aside on kouryu.dead.<stage>, by stage.
# TYPE kouryu_dead_letters_total counter
kouryu_dead_letters_total{stage="classify"} 1
# HELP kouryu_stream_messages Messages stored in a JetStream stream.
# TYPE kouryu_stream_messages gauge
kouryu_stream_messages{stream="KOURYU_CLASSIFIED"} 0
kouryu_stream_messages{stream="KOURYU_DEAD"} 1
kouryu_stream_messages{stream="KOURYU_RAW"} 7
# HELP kouryu_bus_up 1 when the last scrape could read the streams' state from JetStream, else 0.
# TYPE kouryu_bus_up gauge
kouryu_bus_up 1
`
		// The server applies acks and terms asynchronously: poll.
		testutil.Eventually(t, 10*time.Second, func() error {
			if err := promtest.GatherAndCompare(reg, strings.NewReader(want)); err != nil {
				return err
			}
			return nil
		})

		// A second bus on the same registry shares the counter.
		cfg2 := cfg
		cfg2.DataDir = t.TempDir()
		if e.url != "" {
			return
		}
		b2 := e.open(cfg2)
		if b2.m.dead != b.m.dead {
			t.Error("a second bus on one registry does not share the dead letter counter")
		}
	})
}

func TestCollectorReportsDownWhenClosed(t *testing.T) {
	t.Parallel()
	e := &env{t: t, dataDir: t.TempDir()}
	b, err := Open(t.Context(), e.config(), testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(b)
	c.timeout = 500 * time.Millisecond
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	start := time.Now()
	err = promtest.GatherAndCompare(reg, strings.NewReader(fmt.Sprintf(`
# HELP kouryu_bus_up %s
# TYPE kouryu_bus_up gauge
kouryu_bus_up 0
`, "1 when the last scrape could read the streams' state from JetStream, else 0.")))
	if err != nil {
		t.Error(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a scrape of a closed bus took %s", d)
	}
}
