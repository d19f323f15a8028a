package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// streamConfig is the full configuration of the stream base.
func (b *Bus) streamConfig(base string) jetstream.StreamConfig {
	maxAge := b.cfg.MaxAge
	if base == StreamDead {
		maxAge = b.cfg.DeadMaxAge
	}
	return jetstream.StreamConfig{
		Name:              b.streamName(base),
		Description:       "kouryu " + streamSubjects[base],
		Subjects:          []string{b.wireSubject(streamSubjects[base])},
		Retention:         jetstream.LimitsPolicy,
		MaxConsumers:      -1,
		MaxMsgs:           -1,
		MaxBytes:          b.cfg.MaxBytes,
		Discard:           jetstream.DiscardOld,
		MaxAge:            maxAge,
		MaxMsgsPerSubject: -1,
		MaxMsgSize:        b.cfg.MaxMsgSize,
		Storage:           jetstream.FileStorage,
		Replicas:          b.cfg.Replicas,
		Duplicates:        b.cfg.DuplicateWindow,
		AllowDirect:       true,
	}
}

// EnsureStreams creates the three streams, or updates them to the configured
// limits when they exist with others. It is safe to call from every process
// at start.
func (b *Bus) EnsureStreams(ctx context.Context) error {
	for _, base := range streamOrder {
		cfg := b.streamConfig(base)
		if err := b.ensureStream(ctx, cfg); err != nil {
			return fmt.Errorf("ensure stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}

// ensureStream creates the stream of cfg, or updates it when its limits
// differ from cfg's; a stream already as configured is left alone. Every
// process ensures the streams when it starts, and an update that changes
// nothing still rewrites the stream's store under its consumers: in
// nats-server 2.15 that races with a consumer being created at the same
// moment (go test -race sees it when two processes start together).
func (b *Bus) ensureStream(ctx context.Context, cfg jetstream.StreamConfig) error {
	return b.retryUnanswered(ctx, "ensure stream "+cfg.Name, func(ctx context.Context) error {
		return b.ensureStreamOnce(ctx, cfg)
	})
}

func (b *Bus) ensureStreamOnce(ctx context.Context, cfg jetstream.StreamConfig) error {
	s, err := b.js.Stream(ctx, cfg.Name)
	switch {
	case errors.Is(err, jetstream.ErrStreamNotFound):
		// Another process may create it first: then this create succeeds
		// when their configurations agree, and updates when they do not.
		_, err = b.js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			_, err = b.js.UpdateStream(ctx, cfg)
		}
		return err
	case err != nil:
		return err
	case sameLimits(s.CachedInfo().Config, cfg):
		return nil
	}
	_, err = b.js.UpdateStream(ctx, cfg)
	return err
}

// apiAttempt bounds one attempt at the JetStream API calls a process makes
// as it starts: ensuring a stream, a bucket or a consumer. While a cluster forms, such a
// request can go unanswered (the meta leader is being elected, or the route
// that carries the reply is being replaced) and the caller would wait out its
// whole deadline; another attempt finds what the lost one did.
const apiAttempt = 5 * time.Second

// retryUnanswered runs fn, which must be safe to repeat, with a deadline of
// apiAttempt, and again while it gets no answer or finds JetStream not ready,
// until ctx is done. Any other error is returned at once.
func (b *Bus) retryUnanswered(ctx context.Context, what string, fn func(context.Context) error) error {
	wait := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, apiAttempt)
		err := fn(actx)
		cancel()
		if err == nil || ctx.Err() != nil || !unanswered(err) {
			return err
		}
		b.log.Warn("jetstream gave no answer, trying again", "what", what, "attempt", attempt, "retry_in", wait, "err", err)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait = min(wait*2, 2*time.Second)
	}
}

// unanswered reports an error of a request that got no answer in time, or
// that JetStream refused as not ready yet (503: no meta leader, no quorum).
func unanswered(err error) bool {
	var ae *jetstream.APIError
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) ||
		errors.As(err, &ae) && ae.Code == 503
}

// sameLimits reports whether the stream configuration have, as the server
// holds it, already has every setting kouryu sets in want.
func sameLimits(have, want jetstream.StreamConfig) bool {
	return have.Description == want.Description &&
		slices.Equal(have.Subjects, want.Subjects) &&
		have.Retention == want.Retention &&
		have.MaxConsumers == want.MaxConsumers &&
		have.MaxMsgs == want.MaxMsgs &&
		have.MaxBytes == want.MaxBytes &&
		have.Discard == want.Discard &&
		have.MaxAge == want.MaxAge &&
		have.MaxMsgsPerSubject == want.MaxMsgsPerSubject &&
		have.MaxMsgSize == want.MaxMsgSize &&
		have.Storage == want.Storage &&
		have.Replicas == want.Replicas &&
		have.Duplicates == want.Duplicates &&
		have.AllowDirect == want.AllowDirect
}

// StreamInfo is the backlog of one stream.
type StreamInfo struct {
	Stream   string
	Messages uint64
	Bytes    uint64
	// Consumers maps each consumer's durable name to the messages it has
	// still to process: not yet delivered plus delivered and not yet acked.
	Consumers map[string]uint64
}

// Backlogs reports the size of each stream and what each consumer still has
// to do, in the order raw, classified, dead. A stream not created yet is
// empty.
func (b *Bus) Backlogs(ctx context.Context) ([]StreamInfo, error) {
	out := make([]StreamInfo, 0, len(streamOrder))
	for _, base := range streamOrder {
		name := b.streamName(base)
		s, err := b.js.Stream(ctx, name)
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			// Not created yet (a ReadOnly bus creates none): empty.
			out = append(out, StreamInfo{Stream: name, Consumers: map[string]uint64{}})
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("stream %s: %w", name, err)
		}
		info, err := s.Info(ctx)
		if err != nil {
			return nil, fmt.Errorf("stream %s info: %w", name, err)
		}
		si := StreamInfo{Stream: name, Messages: info.State.Msgs, Bytes: info.State.Bytes, Consumers: map[string]uint64{}}
		list := s.ListConsumers(ctx)
		for ci := range list.Info() {
			si.Consumers[ci.Name] = ci.NumPending + uint64(ci.NumAckPending)
		}
		if err := list.Err(); err != nil {
			return nil, fmt.Errorf("stream %s consumers: %w", name, err)
		}
		out = append(out, si)
	}
	return out, nil
}

// DeadLetter is a message a stage set aside, as stored (JSON) on
// kouryu.dead.<stage>.
type DeadLetter struct {
	Stage   string `json:"stage"`
	Reason  string `json:"reason"`
	Subject string `json:"subject"` // the original's subject
	MsgID   string `json:"msg_id,omitempty"`
	Data    []byte `json:"data"` // the original's payload, or its start when Truncated
	// Truncated says Data holds only the start of the original: the whole
	// of it would not fit in a message (the original is still in its
	// stream until the stream's max age).
	Truncated bool      `json:"truncated,omitempty"`
	Delivered uint64    `json:"delivered"`
	At        time.Time `json:"at"`
	// Seq is the original's sequence in its stream.
	Seq uint64 `json:"seq"`
	// Stream is the original's stream.
	Stream string `json:"stream,omitempty"`
	// DeadSeq is the dead letter's own sequence in KOURYU_DEAD; set by
	// DeadLetters, not stored.
	DeadSeq uint64 `json:"-"`
}

// DeadLetters returns up to limit dead letters, oldest first; limit <= 0
// means all. A stored message that is not a DeadLetter is returned with
// Reason saying so and its payload in Data, rather than hidden.
func (b *Bus) DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error) {
	name := b.streamName(StreamDead)
	s, err := b.js.Stream(ctx, name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, nil // not created yet: no dead letters
	}
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", name, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("stream %s info: %w", name, err)
	}
	var out []DeadLetter
	if info.State.Msgs == 0 {
		return out, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		if limit > 0 && len(out) >= limit {
			break
		}
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // deleted or aged out since Info
		}
		if err != nil {
			return out, fmt.Errorf("get dead letter %s/%d: %w", name, seq, err)
		}
		var dl DeadLetter
		if err := json.Unmarshal(m.Data, &dl); err != nil {
			dl = DeadLetter{Reason: fmt.Sprintf("bus: dead letter does not decode: %v", err),
				Subject: b.plainSubject(m.Subject), Data: m.Data, At: m.Time}
		}
		dl.DeadSeq = seq
		out = append(out, dl)
	}
	return out, nil
}
