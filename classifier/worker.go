package classifier

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"kouryu/internal/bus"
	"kouryu/internal/event"
)

// Bus is what the worker needs of NATS: a consumer of raw events and a
// publisher of classified ones.
type Bus interface {
	Consume(ctx context.Context, cc bus.ConsumerConfig, h bus.Handler) error
	Publish(ctx context.Context, msgs ...bus.Outgoing) error
}

// WorkerConfig sets the worker's JetStream consumer. The zero value is usable.
type WorkerConfig struct {
	Durable    string        // durable consumer name; default "classify"
	Batch      int           // messages per batch; default 200
	AckWait    time.Duration // default 30s
	MaxDeliver int           // default 5
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
}

// NewWorker returns a worker that classifies with rules.Current() at the time
// each batch arrives, so a reload takes effect between batches.
func NewWorker(b Bus, rules *Live, cfg WorkerConfig, log *slog.Logger) *Worker {
	if cfg.Durable == "" {
		cfg.Durable = "classify"
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 200
	}
	return &Worker{bus: b, rules: rules, cfg: cfg, log: log}
}

// Run consumes until ctx is done; the batch in hand is finished and acked.
func (w *Worker) Run(ctx context.Context) error {
	w.log.Info("classifier started", "durable", w.cfg.Durable, "rules_version", w.rules.Current().Version())
	return w.bus.Consume(ctx, bus.ConsumerConfig{
		Stream:        bus.StreamRaw,
		Durable:       w.cfg.Durable,
		FilterSubject: event.RawPrefix + ">",
		Stage:         event.StageClassify,
		Batch:         w.cfg.Batch,
		AckWait:       w.cfg.AckWait,
		MaxDeliver:    w.cfg.MaxDeliver,
	}, w.handle)
}

func (w *Worker) handle(ctx context.Context, msgs []bus.Msg) []error {
	rules := w.rules.Current()
	errs := make([]error, len(msgs))
	out := make([]bus.Outgoing, 0, len(msgs))
	idx := make([]int, 0, len(msgs))
	for i, m := range msgs {
		e, err := Decode(m.Data)
		if err != nil {
			errs[i] = bus.Permanent(err)
			continue
		}
		rules.Apply(&e)
		data, err := json.Marshal(e)
		if err != nil {
			errs[i] = bus.Permanent(fmt.Errorf("encode event %s: %w", e.ID, err))
			continue
		}
		out = append(out, bus.Outgoing{Subject: event.ClassifiedSubject(e.Label), MsgID: e.MsgID(), Data: data})
		idx = append(idx, i)
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
	}
	return errs
}

// Decode reads one event record from JSON and checks it. An error means the
// record can never be processed: it does not decode or is not a valid event.
func Decode(data []byte) (event.Event, error) {
	var e event.Event
	if err := json.Unmarshal(data, &e); err != nil {
		return e, fmt.Errorf("decode event: %w", err)
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return e, err
	}
	return e, nil
}
