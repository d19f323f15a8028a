package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"time"

	"kouryu/classifier"
	"kouryu/internal/bus"
	"kouryu/internal/dedup"
	"kouryu/internal/event"
	"kouryu/internal/store"
	"kouryu/publisher"
)

const (
	e2ePublishBatch = 1000
	latencyRate     = 1000 // events/s
	latencyTick     = 10 * time.Millisecond
)

// timedStore is the real store with a stopwatch. An event is done when the
// writer has stored it and placed it in its event (Upsert, then Group):
// after each Group it counts the listings placed and, for the events whose
// publish time it was given, records publish→commit.
type timedStore struct {
	st *store.Store

	mu        sync.Mutex
	inserted  int
	placed    int
	last      time.Time
	published map[string]time.Time
	latencies []time.Duration
	batches   int
	busy      time.Duration // inside Upsert and Group
	grouping  time.Duration // inside Group
	groups    int           // Group calls
	reading   time.Duration // Group reading the listings (and waiting for its lock)
	deciding  time.Duration // Group in dedup.Assign
	compared  int           // listings Group read, the batch's own included
}

func (t *timedStore) Upsert(ctx context.Context, evs []event.Event) (store.UpsertResult, error) {
	t0 := time.Now()
	r, err := t.st.Upsert(ctx, evs)
	if err != nil {
		return r, err
	}
	now := time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.batches++
	t.busy += now.Sub(t0)
	t.inserted += r.Inserted
	return r, nil
}

func (t *timedStore) Group(ctx context.Context, ids []string, ov *dedup.Overrides) (store.GroupResult, error) {
	t0 := time.Now()
	r, err := t.st.Group(ctx, ids, ov)
	if err != nil {
		return r, err
	}
	now := time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.busy += now.Sub(t0)
	t.grouping += now.Sub(t0)
	t.groups++
	t.reading += r.Reading
	t.deciding += r.Deciding
	t.compared += r.Compared
	t.placed += len(ids)
	t.last = now
	for _, id := range ids {
		if p, ok := t.published[id]; ok {
			t.latencies = append(t.latencies, now.Sub(p))
			delete(t.published, id)
		}
	}
	return r, nil
}

// Ping is the store's: the writer asks it when an Upsert fails.
func (t *timedStore) Ping(ctx context.Context) error { return t.st.Ping(ctx) }

func (t *timedStore) count() (int, time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return min(t.inserted, t.placed), t.last
}

// waitInserted polls until n rows have been inserted and placed in events,
// or the deadline passes.
func (t *timedStore) waitInserted(ctx context.Context, n int, deadline time.Duration) (time.Time, error) {
	end := time.Now().Add(deadline)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		got, last := t.count()
		if got >= n {
			return last, nil
		}
		if time.Now().After(end) {
			return time.Time{}, fmt.Errorf("%d of %d events committed after %v", got, n, deadline)
		}
		select {
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		case <-tick.C:
		}
	}
}

func rawMessage(e event.Event) (bus.Outgoing, error) {
	data, err := event.Encode(&e)
	if err != nil {
		return bus.Outgoing{}, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	return bus.Outgoing{Subject: event.RawSubject(e.Source), MsgID: e.MsgID(), Data: data}, nil
}

func benchE2E(ctx context.Context, c config, res *Result, log *slog.Logger) error {
	dbURL, drop, err := pgSchema(ctx, c.databaseURL, "e2e")
	if err != nil {
		return err
	}
	defer drop()
	dir, err := os.MkdirTemp("", "kouryu-bench-nats-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	// What `kouryu run` wires up, minus the crawler: bus.Open, store.Open,
	// classifier.NewWorker, publisher.NewWriter with their default configs.
	b, err := bus.Open(ctx, bus.Config{DataDir: dir, Name: "kouryu-bench"}, log)
	if err != nil {
		return fmt.Errorf("open NATS: %w", err)
	}
	defer b.Close()
	st, err := store.Open(ctx, store.Config{URL: dbURL}, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	live, err := classifier.NewLive("", log)
	if err != nil {
		return err
	}
	ts := &timedStore{st: st, published: map[string]time.Time{}}

	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	errc := make(chan error, 2)
	wg.Go(func() { errc <- classifier.NewWorker(b, live, classifier.WorkerConfig{}, log).Run(wctx) })
	wg.Go(func() { errc <- publisher.NewWriter(b, ts, publisher.WriterConfig{}, log).Run(wctx) })
	defer func() {
		stop()
		wg.Wait()
	}()

	// Sustained: publish every event as fast as JetStream acks, while the
	// stages consume; the rate is events over first publish → last commit.
	// The records are made and encoded before the clock starts: that is the
	// crawler's work, in its own process, not the pipeline's.
	now := time.Now()
	batches := make([][]bus.Outgoing, 0, c.e2eEvents/e2ePublishBatch+1)
	for i := 0; i < c.e2eEvents; i += e2ePublishBatch {
		msgs := make([]bus.Outgoing, 0, e2ePublishBatch)
		for k := i; k < i+e2ePublishBatch && k < c.e2eEvents; k++ {
			m, err := rawMessage(genEvent(k, fmt.Sprintf("bench-%d", k%8), now))
			if err != nil {
				return err
			}
			msgs = append(msgs, m)
		}
		batches = append(batches, msgs)
	}
	cpu0 := processCPU()
	t0 := time.Now()
	for _, msgs := range batches {
		if err := b.Publish(ctx, msgs...); err != nil {
			return fmt.Errorf("publish raw: %w", err)
		}
	}
	published := time.Now()
	batches = nil
	last, err := ts.waitInserted(ctx, c.e2eEvents, 4*time.Minute)
	if err != nil {
		return fmt.Errorf("sustained: %w", err)
	}
	secs := last.Sub(t0).Seconds()
	ts.mu.Lock()
	res.Extra["e2e.sustained_mean_batch"] = round(float64(ts.inserted)/float64(ts.batches), 0)
	res.Extra["e2e.sustained_store_busy_fraction"] = round(ts.busy.Seconds()/secs, 2)
	res.Extra["e2e.sustained_group_busy_fraction"] = round(ts.grouping.Seconds()/secs, 2)
	res.Extra["e2e.sustained_group_read_per_listing"] = round(float64(ts.compared)/float64(max(ts.placed, 1)), 2)
	res.Extra["e2e.sustained_group_ms"] = round(ms(ts.grouping)/float64(max(ts.groups, 1)), 1)
	res.Extra["e2e.sustained_group_reading_ms"] = round(ms(ts.reading)/float64(max(ts.groups, 1)), 1)
	res.Extra["e2e.sustained_group_deciding_ms"] = round(ms(ts.deciding)/float64(max(ts.groups, 1)), 1)
	ts.mu.Unlock()
	// What this process (NATS server, classifier, writer, the publishing
	// loop) used of the machine meanwhile: the rest is PostgreSQL's.
	res.Extra["e2e.sustained_go_cpu_cores"] = round((processCPU()-cpu0).Seconds()/time.Since(t0).Seconds(), 2)
	rate := float64(c.e2eEvents) / secs
	res.Checks = append(res.Checks, Check{
		Stage: "e2e", Metric: fmt.Sprintf("%d events NATS→classify→PostgreSQL", c.e2eEvents), Unit: "events/s",
		Figure: round(rate, 0), Target: "≥ 10000/s", Pass: rate >= 10000,
	})
	res.Extra["e2e.publish_only_events_per_s"] = round(float64(c.e2eEvents)/published.Sub(t0).Seconds(), 0)
	res.Extra["e2e.sustained_seconds"] = round(secs, 1)

	// Latency: a steady latencyRate, publish time noted per id just before
	// its Publish call, commit time when its Upsert returned.
	perTick := int(float64(latencyRate) * latencyTick.Seconds())
	ticks := int(c.latencyFor / latencyTick)
	total := ticks * perTick
	base := c.e2eEvents
	var (
		msgs []bus.Outgoing
		ids  []string
	)
	// Paced by a schedule, not a ticker: a publish that runs late is followed
	// at once by the next, so the average rate holds.
	timer := time.NewTimer(0)
	defer timer.Stop()
	tl0 := time.Now()
	for t := range ticks {
		timer.Reset(time.Until(tl0.Add(time.Duration(t) * latencyTick)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
		msgs, ids = msgs[:0], ids[:0]
		for k := base + t*perTick; k < base+(t+1)*perTick; k++ {
			e := genEvent(k, fmt.Sprintf("bench-%d", k%8), now)
			m, err := rawMessage(e)
			if err != nil {
				return err
			}
			msgs, ids = append(msgs, m), append(ids, e.ID)
		}
		at := time.Now()
		ts.mu.Lock()
		for _, id := range ids {
			ts.published[id] = at
		}
		ts.mu.Unlock()
		if err := b.Publish(ctx, msgs...); err != nil {
			return fmt.Errorf("publish raw: %w", err)
		}
	}
	achieved := float64(total) / time.Since(tl0).Seconds()
	if _, err := ts.waitInserted(ctx, c.e2eEvents+total, time.Minute); err != nil {
		return fmt.Errorf("latency: %w", err)
	}
	ts.mu.Lock()
	lat := slices.Clone(ts.latencies)
	ts.mu.Unlock()
	if len(lat) != total {
		return fmt.Errorf("latency: %d of %d events timed", len(lat), total)
	}
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	res.Checks = append(res.Checks, Check{
		Stage: "e2e", Metric: fmt.Sprintf("p99 publish→commit at %.0f events/s", achieved), Unit: "ms",
		Figure: round(float64(p99.Microseconds())/1000, 1), Target: "< 1000 ms", Pass: p99 < time.Second,
	})
	res.Extra["e2e.latency_p50_ms"] = round(float64(p50.Microseconds())/1000, 1)
	res.Extra["e2e.latency_p99_ms"] = round(float64(p99.Microseconds())/1000, 1)
	res.Extra["e2e.latency_max_ms"] = round(float64(lat[len(lat)-1].Microseconds())/1000, 1)
	res.Extra["e2e.latency_rate_events_per_s"] = round(achieved, 0)

	stop()
	wg.Wait()
	close(errc)
	var errs []error
	for err := range errc {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
