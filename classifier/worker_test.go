package classifier

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	promtest "github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"

	"kouryu/internal/bus"
	"kouryu/internal/event"
	"kouryu/internal/testutil"
)

// TestWorkerMetrics runs a worker over an embedded NATS server and checks
// what it counts: events by the label it gave, one rules version, batches.
func TestWorkerMetrics(t *testing.T) {
	b, rules, log := workerBus(t, bus.Config{DataDir: t.TempDir()})
	titles := []string{
		"異業種交流会 名刺交換で広がるビジネスの輪",
		"経営者のための会計勉強会 第12回",
		"DX入門セミナー＆懇親会",
		"商店街まつり 地域の事業者マッチング",
		"歯科医師の情報交換会",
		"こども将棋大会",
	}
	want := map[string]float64{}
	var out []bus.Outgoing
	start := time.Date(2026, 12, 10, 18, 30, 0, 0, event.Tokyo)
	for i, title := range titles {
		e := event.Event{ID: fmt.Sprintf("ev-%d", i), Source: "example-cci", URL: fmt.Sprintf("https://example.jp/event/%d", i),
			Title: title, StartsAt: start, Area: "大阪市北区"}
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bus.Outgoing{Subject: event.RawSubject(e.Source), MsgID: e.MsgID(), Data: data})
		rules.Current().Apply(&e)
		want[string(e.Label)]++
	}
	// One message that does not decode: a dead letter, not a label.
	out = append(out, bus.Outgoing{Subject: event.RawSubject("example-cci"), MsgID: "broken", Data: []byte("{")})
	if err := b.Publish(t.Context(), out...); err != nil {
		t.Fatal(err)
	}

	reg := prometheus.NewRegistry()
	w := NewWorker(b, rules, WorkerConfig{StageConfig: bus.StageConfig{Batch: 3}, Metrics: reg}, log)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	testutil.Eventually(t, 10*time.Second, func() error {
		n := 0.0
		if w.metrics() != nil {
			for l := range want {
				n += promtest.ToFloat64(w.metrics().events.WithLabelValues(l))
			}
		}
		if n != float64(len(titles)) {
			return fmt.Errorf("%v events counted, want %d", n, len(titles))
		}
		// A batch is timed when its handler returns, after its events
		// were counted: wait for the last one too.
		var hm dto.Metric
		if err := w.metrics().seconds.Write(&hm); err != nil || hm.GetHistogram().GetSampleCount() < 3 {
			return fmt.Errorf("batch histogram: %d batches (%v), want at least 3", hm.GetHistogram().GetSampleCount(), err)
		}
		return nil
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	m := w.metrics()
	if len(want) < 3 {
		t.Fatalf("the titles gave only labels %v: the test needs several", want)
	}
	for l, n := range want {
		if got := promtest.ToFloat64(m.events.WithLabelValues(l)); got != n {
			t.Errorf("events_total{label=%q} = %v, want %v", l, got, n)
		}
	}
	if n := promtest.CollectAndCount(m.events); n != len(want) {
		t.Errorf("%d label series, want %d", n, len(want))
	}
	if got := promtest.ToFloat64(m.info.WithLabelValues(rules.Current().Version())); got != 1 || promtest.CollectAndCount(m.info) != 1 {
		t.Errorf("rules_info{version=%q} = %v in %d series", rules.Current().Version(), got, promtest.CollectAndCount(m.info))
	}
	var hm dto.Metric
	if err := m.seconds.Write(&hm); err != nil {
		t.Fatal(err)
	}
	// 7 messages in batches of at most 3: 3 batches at least.
	if c := hm.GetHistogram().GetSampleCount(); c < 3 {
		t.Errorf("batch histogram counted %d batches, want at least 3", c)
	}
}

// TestWorkerOversizedIsDeadLetterAlone: an event that only the classifier's
// label and reasons push over the message size limit is set aside with the
// reason, and the rest of its batch is classified and acked.
func TestWorkerOversizedIsDeadLetterAlone(t *testing.T) {
	const limit = 4096
	b, rules, log := workerBus(t, bus.Config{DataDir: t.TempDir(), MaxMsgSize: limit})
	start := time.Date(2026, 12, 10, 18, 30, 0, 0, event.Tokyo)
	var out []bus.Outgoing
	for i, desc := range []string{"名刺交換会です。", "", "名刺交換会です。"} {
		e := event.Event{ID: fmt.Sprintf("ev-%d", i), Source: "example-cci", URL: fmt.Sprintf("https://example.jp/event/%d", i),
			Title: "異業種交流会 名刺交換で広がるビジネスの輪", Description: desc, StartsAt: start}
		if i == 1 { // just under the limit as it is crawled
			for {
				data, _ := json.Marshal(e)
				if len(data) > b.MaxMsgSize()-60 {
					break
				}
				e.Description += "a"
			}
		}
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bus.Outgoing{Subject: event.RawSubject(e.Source), MsgID: e.MsgID(), Data: data})
	}
	if err := b.Publish(t.Context(), out...); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- NewWorker(b, rules, WorkerConfig{}, log).Run(ctx) }()
	testutil.Eventually(t, 10*time.Second, func() error {
		dls, err := b.DeadLetters(t.Context(), 0)
		if err != nil {
			t.Fatal(err)
		}
		backlog, err := b.Backlogs(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var classified uint64
		for _, s := range backlog {
			if s.Stream == bus.StreamClassified {
				classified = s.Messages
			}
		}
		if len(dls) != 1 || classified != 2 {
			return fmt.Errorf("%d dead letters, %d classified; want 1 and 2", len(dls), classified)
		}
		if want := fmt.Sprintf("over the %d", b.MaxMsgSize()); !strings.Contains(dls[0].Reason, want) {
			t.Errorf("dead letter reason %q lacks %q", dls[0].Reason, want)
		}
		if dls[0].Delivered != 1 {
			t.Errorf("set aside after %d deliveries, want 1", dls[0].Delivered)
		}
		return nil
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// workerBus opens a bus on an embedded NATS server with cfg, closed when the
// test ends, and the default rules, logging warnings to the test.
func workerBus(t *testing.T, cfg bus.Config) (*bus.Bus, *Live, *slog.Logger) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	b, err := bus.Open(t.Context(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	rules, err := NewLive("", log)
	if err != nil {
		t.Fatal(err)
	}
	return b, rules, log
}
