package classifier

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/bus"
	"kouryu/internal/event"
	"kouryu/internal/metrics"
)

// Bus is what the worker needs of NATS: a consumer of raw events and a
// publisher of classified ones.
type Bus interface {
	Consume(ctx context.Context, cc bus.ConsumerConfig, h bus.Handler) error
	Publish(ctx context.Context, msgs ...bus.Outgoing) error
	MaxMsgSize() int
}

// WorkerConfig sets the worker's JetStream consumer. The zero value is usable.
type WorkerConfig struct {
	bus.StageConfig // durable name by default "classify"
	// Metrics, when set, receives the worker's metrics when Run starts:
	// kouryu_classifier_events_total{label}, kouryu_classifier_rules_info
	// {version} and kouryu_classifier_batch_seconds. nil counts nothing.
	// Workers given one registry share them.
	Metrics prometheus.Registerer
}

// Worker consumes kouryu.raw.>, labels each event with the current rules and
// publishes it on kouryu.classified.<label>. A raw message is acked only after
// JetStream has acked its classified twin; a message that does not decode or
// is not a valid event is terminated and recorded on kouryu.dead.classify.
type Worker struct {
	bus   Bus
	rules *Live
	cfg   WorkerConfig
	log   *slog.Logger
	mu    sync.Mutex
	m     *workerMetrics // set by Run; nil: no metrics
}

// metrics returns the worker's metrics once Run has registered them.
func (w *Worker) metrics() *workerMetrics {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.m
}

// NewWorker returns a worker that classifies with rules.Current() at the time
// each batch arrives, so a reload takes effect between batches.
func NewWorker(b Bus, rules *Live, cfg WorkerConfig, log *slog.Logger) *Worker {
	cfg.StageConfig = cfg.StageConfig.WithDefaults("classify")
	return &Worker{bus: b, rules: rules, cfg: cfg, log: log}
}

// Run consumes until ctx is done; the batch in hand is finished and acked.
func (w *Worker) Run(ctx context.Context) error {
	m, err := newWorkerMetrics(w.cfg.Metrics)
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.m = m
	w.mu.Unlock()
	m.rules(w.rules.Current().Version())
	w.log.Info("classifier started", "durable", w.cfg.Durable, "workers", w.cfg.Workers, "rules_version", w.rules.Current().Version())
	cc := w.cfg.Consumer(bus.StreamRaw, event.RawPrefix+">", event.StageClassify)
	// The workers share the durable consumer, as classifiers in other
	// processes do: each batch goes to one of them.
	return bus.Workers(ctx, w.cfg.Workers, func(ctx context.Context) error { return w.bus.Consume(ctx, cc, w.handle) })
}

func (w *Worker) handle(ctx context.Context, msgs []bus.Msg) []error {
	start := time.Now()
	rules := w.rules.Current()
	met := w.metrics()
	met.rules(rules.Version())
	defer met.batch(start)
	errs := make([]error, len(msgs))
	out := make([]bus.Outgoing, 0, len(msgs))
	idx := make([]int, 0, len(msgs))
	labels := make([]event.Label, 0, len(msgs))
	for i, m := range msgs {
		e, err := event.Decode(m.Data)
		if err != nil {
			errs[i] = bus.Permanent(err)
			continue
		}
		rules.Apply(&e)
		data, err := event.Encode(&e)
		if err != nil {
			errs[i] = bus.Permanent(fmt.Errorf("encode event %s: %w", e.ID, err))
			continue
		}
		if max := w.bus.MaxMsgSize(); len(data) > max {
			// The label and reasons made it too large to store: it would
			// fail its whole batch on every delivery.
			errs[i] = bus.Permanent(fmt.Errorf("classified event %s is %d bytes, over the %d a message may have", e.ID, len(data), max))
			continue
		}
		out = append(out, bus.Outgoing{Subject: event.ClassifiedSubject(e.Label), MsgID: e.MsgID(), Data: data})
		idx = append(idx, i)
		labels = append(labels, e.Label)
	}
	if len(out) == 0 {
		return errs
	}
	if err := w.bus.Publish(ctx, out...); err != nil {
		// Nothing of this batch is acked: every event is classified again and
		// published with the same Nats-Msg-Id, so JetStream drops the copies.
		for _, i := range idx {
			errs[i] = fmt.Errorf("publish classified: %w", err)
		}
		return errs
	}
	for _, l := range labels {
		met.classified(string(l))
	}
	return errs
}

// workerMetrics are the worker's Prometheus metrics; a nil *workerMetrics
// counts nothing.
type workerMetrics struct {
	events  *prometheus.CounterVec
	info    *prometheus.GaugeVec
	seconds prometheus.Histogram

	mu      sync.Mutex
	version string // the version info shows
}

func newWorkerMetrics(reg prometheus.Registerer) (*workerMetrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &workerMetrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_classifier_events_total",
			Help: "Events classified and published on kouryu.classified.<label>, by label.",
		}, []string{"label"}),
		info: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "kouryu_classifier_rules_info",
			Help: "The version of the rules in use: 1 for that version.",
		}, []string{"version"}),
		seconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "kouryu_classifier_batch_seconds",
			Help:    "Time to classify a batch and publish it (until JetStream acked the publishes).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}),
	}
	var err error
	if m.events, err = metrics.Register(reg, m.events); err != nil {
		return nil, err
	}
	if m.info, err = metrics.Register(reg, m.info); err != nil {
		return nil, err
	}
	if m.seconds, err = metrics.Register(reg, m.seconds); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *workerMetrics) classified(label string) {
	if m != nil {
		m.events.WithLabelValues(label).Inc()
	}
}

func (m *workerMetrics) batch(start time.Time) {
	if m != nil {
		m.seconds.Observe(time.Since(start).Seconds())
	}
}

// rules shows version as the one in use, once it changed.
func (m *workerMetrics) rules(version string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if version == m.version {
		return
	}
	m.info.Reset()
	m.info.WithLabelValues(version).Set(1)
	m.version = version
}
