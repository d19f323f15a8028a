package publisher

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/bus"
	"kouryu/internal/dedup"
	"kouryu/internal/event"
	"kouryu/internal/metrics"
	"kouryu/internal/store"
)

// Consumer is what the writer needs of NATS.
type Consumer interface {
	Consume(ctx context.Context, cc bus.ConsumerConfig, h bus.Handler) error
}

// Upserter is what the writer needs of the store.
type Upserter interface {
	Upsert(ctx context.Context, evs []event.Event) (store.UpsertResult, error)
	Group(ctx context.Context, ids []string, ov *dedup.Overrides) (store.GroupResult, error)
	Ping(ctx context.Context) error
}

// WriterConfig sets the writer's JetStream consumer. The zero value is usable.
type WriterConfig struct {
	bus.StageConfig // durable name by default "publish"; a batch is one transaction
	// AfterCommit, when set, is called after each committed batch (for
	// example to write feed files); its error is logged, not retried.
	AfterCommit func(ctx context.Context) error
	// Metrics, when set, receives the writer's metrics when Run starts:
	// kouryu_publisher_batch_seconds, kouryu_publisher_events_total{result},
	// kouryu_publisher_batches_failed_total and
	// kouryu_publisher_listings_grouped_total{result}. nil counts nothing.
	// Writers given one registry share them.
	Metrics prometheus.Registerer
	// Overrides are the operator's pairs of listings never and always to
	// be one event (dedup.LoadOverrides); nil: none. The listings they name
	// are placed again when Run starts, so a changed file takes effect;
	// Writer.SetOverrides replaces them while it runs.
	Overrides *dedup.Overrides
}

// Writer consumes kouryu.classified.> and upserts each batch in one
// transaction, then places its listings in events (store.Group: which
// event each is a copy of, the canonical_id); the batch is acked only after
// both commit. A redelivered message is harmless: the upsert by id leaves
// one row, and placing a listing again changes nothing. A message that does
// not decode, is invalid or has no label goes to kouryu.dead.publish.
type Writer struct {
	bus   Consumer
	store Upserter
	cfg   WriterConfig
	log   *slog.Logger
	mu    sync.Mutex
	m     *writerMetrics // set by Run; nil: no metrics
	ov    atomic.Pointer[dedup.Overrides]
}

// metrics returns the writer's metrics once Run has registered them.
func (w *Writer) metrics() *writerMetrics {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.m
}

// NewWriter returns a writer over b and st.
func NewWriter(b Consumer, st Upserter, cfg WriterConfig, log *slog.Logger) *Writer {
	cfg.StageConfig = cfg.StageConfig.WithDefaults("publish")
	w := &Writer{bus: b, store: st, cfg: cfg, log: log}
	w.ov.Store(cfg.Overrides)
	return w
}

// SetOverrides replaces the operator's overrides (nil: none) and places
// again at once the listings the old and the new ones name, so that a pair
// taken out of the file is matched by the rules again. Batches written
// after it returns use the new overrides. Its error is the placing's: the
// new overrides are in force either way, and apply to those listings when
// they are next written.
func (w *Writer) SetOverrides(ctx context.Context, ov *dedup.Overrides) error {
	old := w.ov.Swap(ov)
	return w.placeNamed(ctx, append(old.IDs(), ov.IDs()...))
}

// placeNamed places the listings ids (named by overrides) again, under
// the overrides in force.
func (w *Writer) placeNamed(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	res, err := w.store.Group(ctx, ids, w.ov.Load())
	if err != nil {
		return fmt.Errorf("place the %d listings of the dedup overrides: %w", len(ids), err)
	}
	w.log.Info("dedup overrides applied", "listings", len(ids), "changed", res.Changed)
	return nil
}

// Run consumes until ctx is done; the batch in hand is committed and acked.
func (w *Writer) Run(ctx context.Context) error {
	m, err := newWriterMetrics(w.cfg.Metrics)
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.m = m
	w.mu.Unlock()
	w.log.Info("publisher started", "durable", w.cfg.Durable, "workers", w.cfg.Workers)
	// The operator's pairs win now, not when their listings next change.
	if err := w.placeNamed(ctx, w.ov.Load().IDs()); err != nil {
		w.log.Warn("placing the listings of the dedup overrides failed; they apply when those listings are next written", "err", err)
	}
	cc := w.cfg.Consumer(bus.StreamClassified, event.ClassifiedPrefix+">", event.StagePublish)
	// The workers share the durable consumer, as writers in other
	// processes do: each batch goes to one of them.
	return bus.Workers(ctx, w.cfg.Workers, func(ctx context.Context) error { return w.bus.Consume(ctx, cc, w.handle) })
}

func (w *Writer) handle(ctx context.Context, msgs []bus.Msg) []error {
	errs := make([]error, len(msgs))
	evs := make([]event.Event, 0, len(msgs))
	idx := make([]int, 0, len(msgs))
	for i, m := range msgs {
		e, err := event.Decode(m.Data)
		if err != nil {
			errs[i] = bus.Permanent(err)
			continue
		}
		if e.Label == "" {
			errs[i] = bus.Permanent(fmt.Errorf("event %s has no label", e.ID))
			continue
		}
		evs = append(evs, e)
		idx = append(idx, i)
	}
	if len(evs) == 0 {
		return errs
	}
	start := time.Now()
	werrs := make([]error, len(evs))
	res, stored := w.write(ctx, evs, werrs)
	if stored > 0 {
		w.group(ctx, evs, werrs)
	}
	for j, i := range idx {
		errs[i] = werrs[j]
	}
	if stored == 0 {
		return errs
	}
	w.metrics().committed(res, time.Since(start))
	w.log.Debug("batch committed", "events", stored, "inserted", res.Inserted, "updated", res.Updated,
		"unchanged", res.Unchanged, "stale", res.Stale, "took", time.Since(start))
	if w.cfg.AfterCommit != nil {
		if err := w.cfg.AfterCommit(ctx); err != nil {
			w.log.Warn("after commit", "err", err)
		}
	}
	return errs
}

// write upserts evs and sets errs[i] for each event not stored. When the
// database refuses the batch's content, it halves the batch until the
// refused events stand alone, so one bad record neither holds back nor
// buries its neighbours: the refused ones are permanent (dead letters), the
// others are committed. Any other failure fails them all: held by the bus
// while the database does not answer, redelivered otherwise. It returns the summed result and how many were stored.
func (w *Writer) write(ctx context.Context, evs []event.Event, errs []error) (store.UpsertResult, int) {
	res, err := w.store.Upsert(ctx, evs)
	switch {
	case err == nil:
		return res, len(evs)
	case !errors.Is(err, store.ErrRejected):
		w.metrics().failed()
		err = fmt.Errorf("upsert: %w", err)
		if perr := w.store.Ping(ctx); perr != nil {
			// The database is down, not the batch at fault: the bus holds
			// the batch and hands it back, however long the outage lasts.
			w.log.Warn("database unavailable; holding the batch", "events", len(evs), "err", perr)
			err = bus.Unavailable(err)
		} else {
			w.log.Warn("store batch failed; it will be redelivered", "events", len(evs), "err", err)
		}
		for i := range errs {
			errs[i] = err
		}
		return store.UpsertResult{}, 0
	case len(evs) == 1:
		errs[0] = bus.Permanent(fmt.Errorf("event %s refused by the database: %w", evs[0].ID, err))
		return store.UpsertResult{}, 0
	}
	h := len(evs) / 2
	a, na := w.write(ctx, evs[:h], errs[:h])
	b, nb := w.write(ctx, evs[h:], errs[h:])
	return store.UpsertResult{Inserted: a.Inserted + b.Inserted, Updated: a.Updated + b.Updated,
		Unchanged: a.Unchanged + b.Unchanged, Stale: a.Stale + b.Stale}, na + nb
}

// group places the stored events of evs (those without an error in errs)
// in events. When that fails, they fail: their messages come back, the
// upsert finds them unchanged, and they are placed then.
func (w *Writer) group(ctx context.Context, evs []event.Event, errs []error) {
	ids := make([]string, 0, len(evs))
	for i := range evs {
		if errs[i] == nil {
			ids = append(ids, evs[i].ID)
		}
	}
	res, err := w.store.Group(ctx, ids, w.ov.Load())
	if err != nil {
		w.metrics().failed()
		err = fmt.Errorf("place listings in events: %w", err)
		if perr := w.store.Ping(ctx); perr != nil {
			w.log.Warn("database unavailable; holding the batch", "events", len(ids), "err", perr)
			err = bus.Unavailable(err)
		} else {
			w.log.Warn("placing listings in events failed; they will be redelivered", "events", len(ids), "err", err)
		}
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return
	}
	for _, n := range res.Notes {
		w.log.Debug("listing placed", "event_id", n.ID, "canonical_id", n.Canonical, "result", n.What, "why", n.Why)
	}
	w.metrics().placed(res)
}

// writerMetrics are the writer's Prometheus metrics; a nil *writerMetrics
// counts nothing.
type writerMetrics struct {
	seconds       prometheus.Histogram
	events        *prometheus.CounterVec
	batchesFailed prometheus.Counter
	grouped       *prometheus.CounterVec
}

func newWriterMetrics(reg prometheus.Registerer) (*writerMetrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &writerMetrics{
		seconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "kouryu_publisher_batch_seconds",
			Help:    "Time to upsert a batch of events and commit it, for batches that committed.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_publisher_events_total",
			Help: "Events committed to the table by result: inserted, updated, unchanged, stale (older than the stored row).",
		}, []string{"result"}),
		batchesFailed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kouryu_publisher_batches_failed_total",
			Help: "Batches the database did not take (unreachable, failing); their events are redelivered.",
		}),
		grouped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_publisher_listings_grouped_total",
			Help: "Listings whose event changed, by result: joined (one event with a listing of another source), left (no longer matches its event), ambiguous (matches two events, kept apart).",
		}, []string{"result"}),
	}
	var err error
	if m.seconds, err = metrics.Register(reg, m.seconds); err != nil {
		return nil, err
	}
	if m.events, err = metrics.Register(reg, m.events); err != nil {
		return nil, err
	}
	if m.batchesFailed, err = metrics.Register(reg, m.batchesFailed); err != nil {
		return nil, err
	}
	if m.grouped, err = metrics.Register(reg, m.grouped); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *writerMetrics) committed(res store.UpsertResult, took time.Duration) {
	if m == nil {
		return
	}
	m.seconds.Observe(took.Seconds())
	m.events.WithLabelValues("inserted").Add(float64(res.Inserted))
	m.events.WithLabelValues("updated").Add(float64(res.Updated))
	m.events.WithLabelValues("unchanged").Add(float64(res.Unchanged))
	m.events.WithLabelValues("stale").Add(float64(res.Stale))
}

func (m *writerMetrics) placed(res store.GroupResult) {
	if m == nil {
		return
	}
	for _, n := range res.Notes {
		m.grouped.WithLabelValues(n.What).Inc()
	}
}

func (m *writerMetrics) failed() {
	if m != nil {
		m.batchesFailed.Inc()
	}
}
