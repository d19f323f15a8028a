package publisher

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	promtest "github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"

	"kouryu/internal/bus"
	"kouryu/internal/dedup"
	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// TestWriterMetrics runs a writer over an embedded NATS server and an SQLite
// store and checks what it counts: inserted, unchanged and updated events,
// committed batches, and a batch the closed database refused.
func TestWriterMetrics(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelError}))
	b, err := bus.Open(t.Context(), bus.Config{DataDir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	st, err := store.Open(t.Context(), store.Config{Path: filepath.Join(t.TempDir(), "kouryu.db")}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	start := time.Date(2026, 12, 10, 18, 30, 0, 0, event.Tokyo)
	mk := func(i int, title string) event.Event {
		return event.Event{ID: fmt.Sprintf("ev-%d", i), Source: "example-cci", URL: fmt.Sprintf("https://example.jp/event/%d", i),
			Title: title, StartsAt: start, Area: "大阪市北区", Label: event.Label("cross_industry"), FetchedAt: start.Add(-72 * time.Hour)}
	}
	send := func(tag string, evs ...event.Event) {
		t.Helper()
		var out []bus.Outgoing
		for _, e := range evs {
			data, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, bus.Outgoing{Subject: event.ClassifiedSubject(e.Label), MsgID: tag + e.ID, Data: data})
		}
		if err := b.Publish(t.Context(), out...); err != nil {
			t.Fatal(err)
		}
	}

	reg := prometheus.NewRegistry()
	w := NewWriter(b, st, WriterConfig{StageConfig: bus.StageConfig{Batch: 2, MaxWait: 50 * time.Millisecond}, Metrics: reg}, log)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	count := func(result string) float64 {
		m := w.metrics()
		if m == nil {
			return 0
		}
		return promtest.ToFloat64(m.events.WithLabelValues(result))
	}

	var first []event.Event
	for i := range 5 {
		first = append(first, mk(i, fmt.Sprintf("異業種交流会 第%d回", i+1)))
	}
	send("a:", first...)
	testutil.WaitFor(t, 10*time.Second, "5 inserted", func() bool { return count("inserted") == 5 })

	changed := first[1]
	changed.Title = "異業種交流会 第2回（会場変更）"
	changed.FetchedAt = changed.FetchedAt.Add(time.Hour)
	send("b:", first[0], changed)
	testutil.WaitFor(t, 10*time.Second, "1 unchanged and 1 updated", func() bool { return count("unchanged") == 1 && count("updated") == 1 })

	m := w.metrics()
	var hm dto.Metric
	if err := m.seconds.Write(&hm); err != nil {
		t.Fatal(err)
	}
	// 7 events in batches of at most 2: 4 batches at least.
	if c := hm.GetHistogram().GetSampleCount(); c < 4 {
		t.Errorf("batch histogram counted %d batches, want at least 4", c)
	}
	if got := promtest.ToFloat64(m.batchesFailed); got != 0 {
		t.Errorf("batches failed = %v before any failure", got)
	}

	// The database goes away: the batch fails and is counted.
	st.Close()
	send("c:", mk(9, "異業種交流会 追加開催"))
	testutil.WaitFor(t, 10*time.Second, "a failed batch", func() bool { return promtest.ToFloat64(m.batchesFailed) >= 1 })
	if got := count("inserted"); got != 5 {
		t.Errorf("inserted = %v after a failed batch, want still 5", got)
	}
}

// TestWriterPlacesListings sends two listings of one gathering (the
// organiser's and a portal's) and a third of another through the writer:
// the two share a canonical id. Started again with an overrides file that
// keeps the two apart, the writer splits them before it consumes.
func TestWriterPlacesListings(t *testing.T) {
	t.Parallel()
	log := testutil.Logger(t)
	b, err := bus.Open(t.Context(), bus.Config{DataDir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	st, err := store.Open(t.Context(), store.Config{URL: pgtest.URL(t), MaxConns: 4}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	start := time.Date(2026, 12, 8, 14, 0, 0, 0, event.Tokyo)
	mk := func(source, url, title, venue string) event.Event {
		e := event.Event{Source: source, URL: url, Title: title, StartsAt: start, EndsAt: start.Add(3 * time.Hour),
			Venue: venue, Area: "大阪市中央区", Label: event.SeminarSocial, FetchedAt: start.AddDate(0, 0, -10)}
		e.ID = event.ID(source, url, start, "")
		e.Normalize()
		return e
	}
	cci := mk("osaka-cci", "https://www.osaka.cci.or.jp/event/seminar/202612/D11261208011.html",
		"中小企業のためのDX推進セミナー＆交流会", "大阪商工会議所 7階 国際会議ホール")
	portal := mk("connpass", "https://dx-kansai.connpass.com/event/302118/",
		"【参加無料／大阪商工会議所】中小企業のためのＤＸ推進セミナー＆交流会", "大阪商工会議所 ７Ｆ 国際会議ホール")
	other := mk("osaka-cci", "https://www.osaka.cci.or.jp/event/seminar/202612/D11261208031.html",
		"経理・総務担当者のためのインボイス実務セミナー", "大阪商工会議所 5階 502号会議室")
	var out []bus.Outgoing
	for _, e := range []event.Event{portal, cci, other} {
		data, err := event.Encode(&e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bus.Outgoing{Subject: event.ClassifiedSubject(e.Label), MsgID: e.MsgID(), Data: data})
	}
	if err := b.Publish(t.Context(), out...); err != nil {
		t.Fatal(err)
	}

	run := func(cfg WriterConfig, until string, cond func() bool) *prometheus.Registry {
		t.Helper()
		reg := prometheus.NewRegistry()
		cfg.Metrics = reg
		cfg.StageConfig = bus.StageConfig{Batch: 10, MaxWait: 20 * time.Millisecond}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() { done <- NewWriter(b, st, cfg, log).Run(ctx) }()
		testutil.WaitFor(t, 10*time.Second, until, cond)
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		return reg
	}
	canonical := func(e event.Event) string {
		r, err := st.Get(t.Context(), e.ID)
		if err != nil {
			return ""
		}
		return r.CanonicalID
	}
	reg := run(WriterConfig{}, "the two listings in one event", func() bool {
		return canonical(cci) != "" && canonical(cci) == canonical(portal) && canonical(other) == other.ID
	})
	if got := counted(t, reg, "kouryu_publisher_listings_grouped_total", "joined"); got != 1 {
		t.Errorf("listings joined counted %v, want 1", got)
	}
	if r, _ := st.Get(t.Context(), cci.ID); !r.Primary {
		t.Error("the chamber's own page does not stand for the event")
	}

	ov, err := dedup.ParseOverrides([]byte("never:\n  - [" + cci.ID + ", " + portal.ID + "]\n"))
	if err != nil {
		t.Fatal(err)
	}
	run(WriterConfig{Overrides: ov}, "the overrides keep them apart", func() bool {
		return canonical(cci) == cci.ID && canonical(portal) == portal.ID
	})

	// Replaced while the writer runs (kouryu's SIGHUP): the pair taken out
	// of the file is matched by the rules again, at once; put back, it
	// parts them again.
	w := NewWriter(b, st, WriterConfig{Overrides: ov, StageConfig: bus.StageConfig{Batch: 10, MaxWait: 20 * time.Millisecond}}, log)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	if err := w.SetOverrides(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if canonical(cci) == "" || canonical(cci) != canonical(portal) {
		t.Errorf("overrides removed: cci in %q, portal in %q, want one event", canonical(cci), canonical(portal))
	}
	if err := w.SetOverrides(t.Context(), ov); err != nil {
		t.Fatal(err)
	}
	if canonical(cci) != cci.ID || canonical(portal) != portal.ID {
		t.Errorf("overrides back: cci in %q, portal in %q, want apart", canonical(cci), canonical(portal))
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

// counted is the value of the counter name{result=result} in reg.
func counted(t *testing.T, reg *prometheus.Registry, name, result string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "result" && l.GetValue() == result {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}
