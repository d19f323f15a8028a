package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// publishWindow is how many publishes may await their ack at once.
const publishWindow = 1024

// publishAckTimeout bounds the wait for one publish ack.
const publishAckTimeout = 10 * time.Second

// publishAttempts is how often one message is tried before Publish gives up.
const publishAttempts = 4

// Outgoing is one message to publish. MsgID becomes the Nats-Msg-Id header:
// the same MsgID within the duplicate window is stored once. An empty MsgID
// is refused.
type Outgoing struct {
	Subject string
	MsgID   string
	Data    []byte
}

// MaxMsgSize is the largest message body Publish can store: the streams'
// limit, or the server's max payload when that is smaller (a little is kept
// for headers). A larger one can never be stored.
func (b *Bus) MaxMsgSize() int {
	n := int(b.cfg.MaxMsgSize)
	if p := int(b.nc.MaxPayload()) - 1024; p > 0 && p < n {
		n = p
	}
	return n
}

// Publish publishes msgs asynchronously and returns once JetStream has acked
// every one of them. A failed publish is retried with backoff under the same
// MsgID, so a retry never stores a message twice. The error names the subject
// and msg id of every message that still failed; nil means all are stored.
func (b *Bus) Publish(ctx context.Context, msgs ...Outgoing) error {
	for _, m := range msgs {
		if m.MsgID == "" {
			return fmt.Errorf("publish %s: empty msg id", m.Subject)
		}
		if m.Subject == "" {
			return fmt.Errorf("publish msg id %q: empty subject", m.MsgID)
		}
	}
	var failed []error
	for start := 0; start < len(msgs); start += publishWindow {
		end := min(start+publishWindow, len(msgs))
		failed = append(failed, b.publishWindow(ctx, msgs[start:end])...)
		if ctx.Err() != nil && len(failed) > 0 {
			break
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("publish: %d of %d messages not stored: %w", len(failed), len(msgs), errors.Join(failed...))
	}
	return nil
}

// publishWindow publishes up to publishWindow messages, retrying the failed
// ones, and returns one error per message that was never acked.
func (b *Bus) publishWindow(ctx context.Context, msgs []Outgoing) []error {
	pending := msgs
	wait := 100 * time.Millisecond
	var errs []error
	for attempt := 1; ; attempt++ {
		var retry []Outgoing
		errs = errs[:0]
		futures := make([]jetstream.PubAckFuture, len(pending))
		for i, m := range pending {
			nm := &nats.Msg{Subject: b.wireSubject(m.Subject), Data: m.Data, Header: nats.Header{}}
			nm.Header.Set(jetstream.MsgIDHeader, m.MsgID)
			f, err := b.js.PublishMsgAsync(nm)
			if err != nil {
				retry = append(retry, m)
				errs = append(errs, fmt.Errorf("publish %s msg id %q: %w", m.Subject, m.MsgID, err))
				continue
			}
			futures[i] = f
		}
		for i, f := range futures {
			if f == nil {
				continue
			}
			m := pending[i]
			select {
			case <-f.Ok():
			case err := <-f.Err():
				retry = append(retry, m)
				errs = append(errs, fmt.Errorf("publish %s msg id %q: %w", m.Subject, m.MsgID, err))
			case <-ctx.Done():
				// Unacked: report it. It may still be stored; a retry by
				// the caller with the same MsgID is harmless.
				retry = append(retry, m)
				errs = append(errs, fmt.Errorf("publish %s msg id %q: %w", m.Subject, m.MsgID, ctx.Err()))
			}
		}
		if len(retry) == 0 {
			return nil
		}
		if attempt >= publishAttempts || ctx.Err() != nil {
			return errs
		}
		b.log.Warn("publish failed, retrying", "messages", len(retry), "attempt", attempt, "retry_in", wait, "err", errs[0])
		select {
		case <-ctx.Done():
			return errs
		case <-time.After(wait):
		}
		wait *= 4
		pending = retry
	}
}
