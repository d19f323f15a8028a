package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"kouryu/internal/event"
)

// ConsumerConfig describes a durable pull consumer. Stream, Durable and Stage
// are required; zero limits take the defaults named beside them.
type ConsumerConfig struct {
	Stream        string // StreamRaw, StreamClassified or StreamDead
	Durable       string // the consumer's durable name, shared by every worker of a stage
	FilterSubject string // e.g. "kouryu.raw.>"; "" takes the whole stream
	// Stage names the dead letters' subject: kouryu.dead.<Stage>.
	Stage string
	// Batch is the most messages one handler call gets; 0 means 100.
	Batch int
	// MaxWait is how long to wait to fill a batch; 0 means 200ms.
	MaxWait time.Duration
	// AckWait is how long the server waits for an ack before it redelivers;
	// 0 means 30s. A batch must be handled well within it.
	AckWait time.Duration
	// MaxDeliver is how often the handler sees a message at most; the last
	// failed delivery is a dead letter. 0 means 5. It is enforced by Consume,
	// not the server (whose consumer has no limit), so that a message is
	// buried rather than dropped, also after a crash.
	MaxDeliver int
	// MaxAckPending bounds the messages delivered and not yet acked across
	// all workers; 0 means 1000.
	MaxAckPending int
	// Backoff is the delay before redelivery after the n-th failed delivery
	// (the last entry repeats); nil means 1s, 5s, 30s, 2m.
	Backoff []time.Duration
}

// DefaultBackoff is the retry delay schedule of a ConsumerConfig with no Backoff.
var DefaultBackoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}

func (cc ConsumerConfig) withDefaults() ConsumerConfig {
	if cc.Batch == 0 {
		cc.Batch = 100
	}
	if cc.MaxWait == 0 {
		cc.MaxWait = 200 * time.Millisecond
	}
	if cc.AckWait == 0 {
		cc.AckWait = 30 * time.Second
	}
	if cc.MaxDeliver == 0 {
		cc.MaxDeliver = 5
	}
	if cc.MaxAckPending == 0 {
		cc.MaxAckPending = 1000
	}
	if len(cc.Backoff) == 0 {
		cc.Backoff = DefaultBackoff
	}
	return cc
}

// Validate reports every fault of cc at once.
func (cc ConsumerConfig) Validate() error {
	var faults []string
	if _, ok := streamSubjects[cc.Stream]; !ok {
		faults = append(faults, fmt.Sprintf("stream %q is not one of %s", cc.Stream, strings.Join(streamOrder, ", ")))
	}
	if cc.Durable == "" || strings.ContainsAny(cc.Durable, ".*> \t") {
		faults = append(faults, fmt.Sprintf("durable %q: want a name without '.', '*', '>' or spaces", cc.Durable))
	}
	if cc.Stage == "" || strings.ContainsAny(cc.Stage, ".*> \t") {
		faults = append(faults, fmt.Sprintf("stage %q: want a subject token", cc.Stage))
	}
	if cc.FilterSubject != "" && cc.Stream != "" {
		if prefix := strings.TrimSuffix(streamSubjects[cc.Stream], ">"); !strings.HasPrefix(cc.FilterSubject, prefix) {
			faults = append(faults, fmt.Sprintf("filter subject %q is not under %s", cc.FilterSubject, streamSubjects[cc.Stream]))
		}
	}
	if cc.Batch < 0 || cc.MaxWait < 0 || cc.AckWait < 0 || cc.MaxDeliver < 0 || cc.MaxAckPending < 0 {
		faults = append(faults, "limits must not be negative")
	}
	for _, d := range cc.Backoff {
		if d < 0 {
			faults = append(faults, "backoff delays must not be negative")
			break
		}
	}
	if d := cc.withDefaults(); d.MaxAckPending < d.Batch {
		faults = append(faults, fmt.Sprintf("max ack pending %d is below batch %d", d.MaxAckPending, d.Batch))
	}
	if len(faults) > 0 {
		return fmt.Errorf("consumer config: %s", strings.Join(faults, "; "))
	}
	return nil
}

// Msg is one delivered message, as a Handler sees it.
type Msg struct {
	Subject   string // as published, e.g. kouryu.raw.osaka-cci
	Data      []byte
	Delivered uint64 // 1 on the first delivery
	MsgID     string // the Nats-Msg-Id it was published with
	Stream    string
	Seq       uint64 // its sequence in Stream
}

// Handler processes a batch and returns one error per message, in order
// (len(errs) == len(msgs)), or nil when all succeeded. nil for a message acks
// it, so the handler must have made its output durable before returning. An
// error wrapped by Permanent terminates the message with a dead letter; one
// wrapped by Unavailable holds it and tries again (see Unavailable); any
// other error retries it later, up to MaxDeliver deliveries, then it too
// becomes a dead letter. A result of the wrong length retries the whole batch.
type Handler func(ctx context.Context, msgs []Msg) []error

type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as one retrying cannot fix (the message does not
// decode, it fails validation): the message is terminated and recorded as a
// dead letter at once. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err or any error it wraps came from Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

type unavailableError struct{ err error }

func (e unavailableError) Error() string { return e.err.Error() }
func (e unavailableError) Unwrap() error { return e.err }

// Unavailable marks err as the fault of the handler's output, not of the
// message: the database is down, say. Consume then holds the message in hand
// (telling the server it is in progress) and hands it to the handler again
// after a growing pause, without using up a delivery, so an outage of any
// length ends in the message's processing, never in a dead letter.
// Unavailable(nil) is nil.
func Unavailable(err error) error {
	if err == nil {
		return nil
	}
	return unavailableError{err}
}

// IsUnavailable reports whether err or any error it wraps came from Unavailable.
func IsUnavailable(err error) bool {
	var u unavailableError
	return errors.As(err, &u)
}

// Consume creates or updates the durable pull consumer cc (explicit ack,
// deliver all, the limits of cc) and hands batches to h until ctx is done. On
// ctx done it stops fetching, lets h finish the batch in hand (with a context
// that is not cancelled, bounded by AckWait), acks it, waits until the server
// has recorded those acks and returns nil. It returns an error only when the
// consumer cannot be set up or the bus was closed under it; a failing fetch
// (server gone, leader election) is logged and retried with backoff. Several
// processes may consume the same Durable: they share its messages.
func (b *Bus) Consume(ctx context.Context, cc ConsumerConfig, h Handler) error {
	if err := cc.Validate(); err != nil {
		return err
	}
	cc = cc.withDefaults()
	stream := b.streamName(cc.Stream)
	log := b.log.With("stream", stream, "durable", cc.Durable)
	cons, err := b.ensureConsumer(ctx, cc)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	log.Info("consuming", "filter_subject", cc.FilterSubject, "batch", cc.Batch)
	wait := 100 * time.Millisecond
	for ctx.Err() == nil {
		batch, err := cons.Fetch(cc.Batch, jetstream.FetchMaxWait(cc.MaxWait))
		if err == nil {
			var msgs []jetstream.Msg
			for m := range batch.Messages() {
				msgs = append(msgs, m)
			}
			err = batch.Error()
			if len(msgs) > 0 {
				b.handle(ctx, cc, log, h, msgs)
			}
			if err == nil {
				wait = 100 * time.Millisecond
				continue
			}
		}
		if ctx.Err() != nil {
			break
		}
		if b.nc.IsClosed() {
			return fmt.Errorf("consume %s on %s: %w", cc.Durable, stream, err)
		}
		log.Warn("fetch failed, retrying", "retry_in", wait, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(wait*2, 5*time.Second)
		if errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrStreamNotFound) {
			if errors.Is(err, jetstream.ErrStreamNotFound) {
				if err := b.EnsureStreams(ctx); err != nil {
					log.Warn("recreate streams", "err", err)
					continue
				}
			}
			if c, err := b.ensureConsumer(ctx, cc); err == nil {
				cons = c
			} else {
				log.Warn("recreate consumer", "err", err)
			}
		}
	}
	log.Info("consumer stopped")
	return nil
}

func (b *Bus) ensureConsumer(ctx context.Context, cc ConsumerConfig) (jetstream.Consumer, error) {
	stream := b.streamName(cc.Stream)
	cfg := jetstream.ConsumerConfig{
		Durable:       cc.Durable,
		Description:   "kouryu stage " + cc.Stage,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cc.AckWait,
		// The server would silently drop a message after its last delivery;
		// MaxDeliver is enforced here instead, so that the last failure is
		// buried and a failed burial is retried.
		MaxDeliver:    -1,
		MaxAckPending: cc.MaxAckPending,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
	}
	if cc.FilterSubject != "" {
		cfg.FilterSubject = b.wireSubject(cc.FilterSubject)
	}
	var c jetstream.Consumer
	err := b.retryUnanswered(ctx, "ensure consumer "+cc.Durable, func(ctx context.Context) error {
		var err error
		c, err = b.js.CreateOrUpdateConsumer(ctx, stream, cfg)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ensure consumer %s on %s: %w", cc.Durable, stream, err)
	}
	return c, nil
}

// handle runs h on one batch and settles every message: ack, nak with delay,
// or dead letter and term.
func (b *Bus) handle(ctx context.Context, cc ConsumerConfig, log *slog.Logger, h Handler, jms []jetstream.Msg) {
	// The batch in hand is finished even when ctx is cancelled meanwhile;
	// AckWait bounds it, since after that the server redelivers anyway.
	hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cc.AckWait)
	defer cancel()
	msgs := make([]Msg, len(jms))
	for i, jm := range jms {
		msgs[i] = Msg{Subject: b.plainSubject(jm.Subject()), Data: jm.Data(), MsgID: jm.Headers().Get(jetstream.MsgIDHeader)}
		if md, err := jm.Metadata(); err == nil {
			msgs[i].Delivered = md.NumDelivered
			msgs[i].Stream = cc.Stream
			msgs[i].Seq = md.Sequence.Stream
		}
	}
	errs := b.run(hctx, cc, log, h, msgs)
	errs = b.hold(ctx, cc, log, h, jms, msgs, errs)
	shuttingDown := ctx.Err() != nil
	var dead []int
	for i, jm := range jms {
		err := errs[i]
		switch {
		case err == nil && shuttingDown:
			// Consume returns after this batch: make sure the server has
			// recorded the ack, so the next process does not redo it.
			if aerr := jm.DoubleAck(hctx); aerr != nil {
				log.Warn("ack failed; the message will be redelivered", "seq", msgs[i].Seq, "err", aerr)
			}
		case err == nil:
			if aerr := jm.Ack(); aerr != nil {
				log.Warn("ack failed; the message will be redelivered", "seq", msgs[i].Seq, "err", aerr)
			}
		case IsUnavailable(err):
			// Still held when Consume stopped: not the message's fault, so
			// it is redelivered at once to whoever consumes next.
			if nerr := jm.Nak(); nerr != nil {
				log.Warn("nak failed; the message will be redelivered after ack wait", "seq", msgs[i].Seq, "err", nerr)
			}
		case IsPermanent(err) || msgs[i].Delivered >= uint64(cc.MaxDeliver):
			dead = append(dead, i)
		default:
			delay := cc.Backoff[min(int(max(msgs[i].Delivered, 1))-1, len(cc.Backoff)-1)]
			if nerr := jm.NakWithDelay(delay); nerr != nil {
				log.Warn("nak failed; the message will be redelivered after ack wait", "seq", msgs[i].Seq, "err", nerr)
			}
		}
	}
	if len(dead) > 0 {
		b.bury(hctx, cc, log, jms, msgs, errs, dead)
	}
	// Acks are fire-and-forget; flushing makes sure the server has them
	// before the next fetch or before Consume returns and the caller closes.
	if err := b.nc.FlushWithContext(hctx); err != nil {
		log.Warn("flush acks", "err", err)
	}
}

// hold hands h again, after a pause that starts at Backoff[0] and doubles up
// to 10s, the messages it answered with
// Unavailable, until it answers otherwise or ctx ends. Meanwhile they stay
// in hand: the server is told every AckWait/3 that they are in progress, so
// it neither redelivers them nor counts a delivery, and no new batch is
// fetched.
func (b *Bus) hold(ctx context.Context, cc ConsumerConfig, log *slog.Logger, h Handler, jms []jetstream.Msg, msgs []Msg, errs []error) []error {
	pause := cc.Backoff[0]
	for ctx.Err() == nil {
		var idx []int
		for i, err := range errs {
			if IsUnavailable(err) {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			break
		}
		log.Warn("output unavailable; holding the batch", "messages", len(idx), "retry_in", pause, "err", errs[idx[0]])
		if !keepInProgress(ctx, cc.AckWait/3, jms, idx, pause) {
			break
		}
		pause = min(pause*2, 10*time.Second)
		held := make([]Msg, len(idx))
		for j, i := range idx {
			held[j] = msgs[i]
		}
		hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cc.AckWait)
		res := h(hctx, held)
		cancel()
		if res != nil && len(res) != len(held) {
			log.Error("handler returned the wrong number of results; retrying the batch", "messages", len(held), "results", len(res))
			continue
		}
		for j, i := range idx {
			errs[i] = nil
			if res != nil {
				errs[i] = res[j]
			}
		}
	}
	return errs
}

// keepInProgress waits d, telling the server every tick that jms[idx] are
// still being worked on. It reports false when ctx ended first.
func keepInProgress(ctx context.Context, tick time.Duration, jms []jetstream.Msg, idx []int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		for _, i := range idx {
			_ = jms[i].InProgress() // a lost one costs at most a redelivery
		}
		left := time.Until(deadline)
		if left <= 0 {
			return true
		}
		t := time.NewTimer(min(left, tick))
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
	}
}

// run hands h the messages still within MaxDeliver and returns one result
// per message of msgs. A message delivered more often never got an outcome
// (the handler crashed or outlived AckWait): it is not tried again but gets a
// Permanent error, so it becomes a dead letter.
func (b *Bus) run(ctx context.Context, cc ConsumerConfig, log *slog.Logger, h Handler, msgs []Msg) []error {
	errs := make([]error, len(msgs))
	var idx []int
	var fresh []Msg
	for i, m := range msgs {
		if m.Delivered > uint64(cc.MaxDeliver) {
			errs[i] = Permanent(fmt.Errorf("no outcome after %d deliveries: the handler crashed, outlived ack wait %s, or the dead letter could not be stored", m.Delivered-1, cc.AckWait))
			continue
		}
		idx = append(idx, i)
		fresh = append(fresh, m)
	}
	if len(fresh) == 0 {
		return errs
	}
	res := h(ctx, fresh)
	if res != nil && len(res) != len(fresh) {
		log.Error("handler returned the wrong number of results; retrying the batch", "messages", len(fresh), "results", len(res))
		bad := fmt.Errorf("bus: handler returned %d results for %d messages", len(res), len(fresh))
		res = make([]error, len(fresh))
		for i := range res {
			res[i] = bad
		}
	}
	if res != nil {
		for j, i := range idx {
			errs[i] = res[j]
		}
	}
	return errs
}

// bury records the dead letters of msgs[dead] and terminates the originals;
// an original whose dead letter could not be stored is retried instead.
func (b *Bus) bury(ctx context.Context, cc ConsumerConfig, log *slog.Logger, jms []jetstream.Msg, msgs []Msg, errs []error, dead []int) {
	now := time.Now()
	out := make([]Outgoing, 0, len(dead))
	for _, i := range dead {
		m := msgs[i]
		reason := errs[i].Error()
		if !IsPermanent(errs[i]) {
			reason = fmt.Sprintf("gave up after %d deliveries: %s", m.Delivered, reason)
		}
		dl := DeadLetter{Stage: cc.Stage, Reason: reason, Subject: m.Subject, MsgID: m.MsgID, Data: m.Data,
			Delivered: m.Delivered, At: now, Seq: m.Seq, Stream: cc.Stream}
		data, err := json.Marshal(dl)
		if err != nil { // cannot happen: DeadLetter has only plain fields
			panic(err)
		}
		if over := len(data) - b.MaxMsgSize(); over > 0 {
			// Data is base64 in JSON: cut 3 bytes for every 4 over, and a
			// little more, so the dead letter can be stored at all.
			keep := max(len(dl.Data)-(over*3/4+64), 0)
			dl.Data, dl.Truncated = dl.Data[:keep], true
			if data, err = json.Marshal(dl); err != nil {
				panic(err)
			}
		}
		out = append(out, Outgoing{
			Subject: event.DeadSubject(cc.Stage),
			MsgID:   fmt.Sprintf("%s:%s:%d", cc.Stage, cc.Stream, m.Seq),
			Data:    data,
		})
	}
	if err := b.Publish(ctx, out...); err != nil {
		log.Error("dead letters not stored; retrying the originals", "messages", len(dead), "err", err)
		for _, i := range dead {
			_ = jms[i].NakWithDelay(cc.Backoff[0])
		}
		return
	}
	b.m.buried(cc.Stage, len(dead))
	for _, i := range dead {
		log.Warn("message set aside as dead letter", "stage", cc.Stage, "subject", msgs[i].Subject,
			"seq", msgs[i].Seq, "msg_id", msgs[i].MsgID, "delivered", msgs[i].Delivered, "reason", errs[i])
		if err := jms[i].Term(); err != nil {
			log.Warn("term failed; the message will be redelivered and buried again (stored once)", "seq", msgs[i].Seq, "err", err)
		}
	}
}

// StageConfig is what a pipeline stage (the classifier, the writer) sets of
// its consumer. The zero value is usable: WithDefaults fills it in.
type StageConfig struct {
	Durable string // durable consumer name; default the stage's own
	// Batch is the most messages one batch holds (for the writer, events per
	// transaction); default 500: fewer publish round trips and commits
	// than 200, and the writer's batches come fuller.
	Batch      int
	MaxWait    time.Duration // how long to wait to fill a batch; default 50ms
	AckWait    time.Duration // default 30s
	MaxDeliver int           // default 5
	// Workers is how many batches this process handles at once, each by its
	// own Consume loop on the one durable consumer: while one batch waits on
	// the server (the classified events stored, the acks taken) or on the
	// database's commit, another is decoded and worked on; default 2.
	Workers int
}

// WithDefaults returns s with its zero fields set; durable is the stage's
// durable name.
func (s StageConfig) WithDefaults(durable string) StageConfig {
	if s.Durable == "" {
		s.Durable = durable
	}
	if s.Batch <= 0 {
		s.Batch = 500
	}
	if s.MaxWait <= 0 {
		s.MaxWait = 50 * time.Millisecond
	}
	if s.Workers <= 0 {
		s.Workers = 2
	}
	return s
}

// Consumer is the ConsumerConfig of a stage that consumes filter on stream
// and buries its dead letters as stage.
func (s StageConfig) Consumer(stream, filter, stage string) ConsumerConfig {
	return ConsumerConfig{
		Stream:        stream,
		Durable:       s.Durable,
		FilterSubject: filter,
		Stage:         stage,
		Batch:         s.Batch,
		MaxWait:       s.MaxWait,
		AckWait:       s.AckWait,
		MaxDeliver:    s.MaxDeliver,
		// Room for every worker's batch in hand and the next ones, in this
		// process and a few others: below that the workers starve.
		MaxAckPending: 4 * s.Workers * s.Batch,
	}
}

// Workers runs consume n times at once and returns, once every one has
// returned, the first error. The first error cancels the ctx the others were
// given, so a worker that cannot set up its consumer stops the stage instead
// of leaving it to run short-handed. A stage runs its Consume loops on one
// durable consumer this way (StageConfig.Workers); each batch goes to one of
// them, as it would to a stage in another process.
func Workers(ctx context.Context, n int, consume func(ctx context.Context) error) error {
	g, ctx := errgroup.WithContext(ctx)
	for range n {
		g.Go(func() error { return consume(ctx) })
	}
	return g.Wait()
}
