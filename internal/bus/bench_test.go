package bus

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

// payload is about the size of one event record on the wire.
var payload = []byte(fmt.Sprintf(`{"id":"0123456789abcdef0123456789abcdef","source":"example-cci","url":"https://www.example.jp/event/1","title":"大阪異業種交流会","description":"%0700d","starts_at":"2026-12-03T18:30:00+09:00","status":"scheduled"}`, 0))

func benchBus(b *testing.B) *Bus {
	bus, err := Open(b.Context(), Config{DataDir: b.TempDir(), MaxBytes: 4 << 30}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = bus.Close() })
	return bus
}

func publishBench(b *testing.B, bus *Bus, n int) {
	const chunk = 1000
	for start := 0; start < n; start += chunk {
		msgs := make([]Outgoing, 0, chunk)
		for i := start; i < min(start+chunk, n); i++ {
			msgs = append(msgs, Outgoing{Subject: "kouryu.raw.example-cci", MsgID: fmt.Sprintf("bench-%d", i), Data: payload})
		}
		if err := bus.Publish(b.Context(), msgs...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPublish publishes ~1 KiB messages in calls of 1000 to the embedded
// server (file storage) and waits for every ack.
func BenchmarkPublish(b *testing.B) {
	bus := benchBus(b)
	b.SetBytes(int64(len(payload)))
	b.ResetTimer()
	publishBench(b, bus, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkConsume drains b.N messages through a durable consumer with
// batches of 100 and a handler that does nothing: the bus's own overhead.
func BenchmarkConsume(b *testing.B) {
	bus := benchBus(b)
	publishBench(b, bus, b.N)
	var done atomic.Int64
	ctx, cancel := context.WithCancel(b.Context())
	defer cancel()
	b.SetBytes(int64(len(payload)))
	b.ResetTimer()
	errc := make(chan error, 1)
	go func() {
		errc <- bus.Consume(ctx, ConsumerConfig{Stream: StreamRaw, Durable: "bench", Stage: "bench"},
			func(_ context.Context, msgs []Msg) []error {
				if done.Add(int64(len(msgs))) >= int64(b.N) {
					cancel()
				}
				return nil
			})
	}()
	select {
	case err := <-errc:
		if err != nil {
			b.Fatal(err)
		}
	case <-time.After(5 * time.Minute):
		b.Fatal("consume did not finish")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
