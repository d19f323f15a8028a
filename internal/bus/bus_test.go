package bus

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"kouryu/internal/testutil"
)

// The suite runs against an embedded server and, when KOURYU_TEST_NATS_URL is
// set (e.g. nats://127.0.0.1:4222), against that server too. There every test
// works in its own namespace and deletes its streams afterwards.

type target struct {
	name string
	url  string // "" → embedded
}

func targets() []target {
	ts := []target{{name: "embedded"}}
	if u := os.Getenv("KOURYU_TEST_NATS_URL"); u != "" {
		ts = append(ts, target{name: "external", url: u})
	}
	return ts
}

// env is one test's view of one server.
type env struct {
	t       *testing.T
	url     string
	dataDir string
	ns      string
}

func forEachServer(t *testing.T, f func(t *testing.T, e *env)) {
	for _, tg := range targets() {
		t.Run(tg.name, func(t *testing.T) {
			t.Parallel() // an embedded server of its own, or a namespace of its own
			e := &env{t: t, url: tg.url, dataDir: t.TempDir()}
			if tg.url != "" {
				e.ns = "kt" + randHex(t)
			}
			f(t, e)
		})
	}
}

func randHex(t *testing.T) string {
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// config is the base config for e: small streams, so a shared server's
// storage is not reserved in GiB.
func (e *env) config() Config {
	return Config{URL: e.url, DataDir: e.dataDir, Namespace: e.ns, Name: "kouryu-test", MaxBytes: 16 << 20}
}

// open opens a bus and closes it (deleting the namespace's streams on an
// external server) when the test ends.
func (e *env) open(cfg Config) *Bus {
	t := e.t
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	b, err := Open(ctx, cfg, testutil.Logger(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		if cfg.URL != "" && cfg.Namespace != "" {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			for _, base := range streamOrder {
				if err := b.JetStream().DeleteStream(ctx, b.streamName(base)); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
					t.Errorf("delete stream %s: %v", b.streamName(base), err)
				}
			}
		}
		if err := b.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return b
}

func publishN(t *testing.T, b *Bus, subject string, n int) []Outgoing {
	t.Helper()
	var out []Outgoing
	for i := range n {
		out = append(out, Outgoing{Subject: subject, MsgID: fmt.Sprintf("m-%03d", i), Data: fmt.Appendf(nil, `{"n":%d,"title":"交流会 %d"}`, i, i)})
	}
	if err := b.Publish(t.Context(), out...); err != nil {
		t.Fatalf("publish: %v", err)
	}
	return out
}

// consume runs Consume in the background; stop cancels it and returns its error.
func consume(t *testing.T, b *Bus, cc ConsumerConfig, h Handler) (stop func() error) {
	ctx, cancel := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	go func() { errc <- b.Consume(ctx, cc, h) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-errc:
			case <-time.After(10 * time.Second):
				err = errors.New("Consume did not return within 10s of cancel")
			}
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

func consumerInfo(t *testing.T, b *Bus, base, durable string) *jetstream.ConsumerInfo {
	t.Helper()
	ci, err := tryConsumerInfo(t, b, base, durable)
	if err != nil {
		t.Fatal(err)
	}
	return ci
}

// tryConsumerInfo is consumerInfo for polling: the consumer may not exist yet.
func tryConsumerInfo(t *testing.T, b *Bus, base, durable string) (*jetstream.ConsumerInfo, error) {
	c, err := b.JetStream().Consumer(t.Context(), b.streamName(base), durable)
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", durable, err)
	}
	ci, err := c.Info(t.Context())
	if err != nil {
		return nil, fmt.Errorf("consumer %s info: %w", durable, err)
	}
	return ci, nil
}

func streamMsgs(t *testing.T, b *Bus, base string) uint64 {
	t.Helper()
	s, err := b.JetStream().Stream(t.Context(), b.streamName(base))
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		cfg  Config
		want string // "" → valid
	}{
		{"zero", Config{}, ""},
		{"cluster", Config{URL: "nats://a:4222, nats://b:4222", Replicas: 3}, ""},
		{"bare host", Config{URL: "127.0.0.1:4222"}, ""},
		{"no host", Config{URL: "nats://"}, "no host"},
		{"embedded replicas", Config{Replicas: 3}, "single node"},
		{"too many replicas", Config{URL: "nats://a:4222", Replicas: 7}, "want 1 to 5"},
		{"negative", Config{MaxAge: -time.Second, MaxBytes: -1}, "max age is negative; "},
		{"window over age", Config{MaxAge: time.Minute, DuplicateWindow: time.Hour}, "duplicate window"},
		{"namespace", Config{Namespace: "a.b"}, "namespace"},
		{"port", Config{Port: 70000}, "port"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.Validate()
			if tc.want == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want error containing %q, got %v", tc.want, err)
			}
		})
	}
}

func TestStreamsHaveEveryLimit(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		cfg := e.config()
		cfg.MaxAge = 3 * time.Hour
		cfg.DuplicateWindow = 45 * time.Second
		cfg.MaxBytes = 8 << 20
		b := e.open(cfg)
		for _, base := range streamOrder {
			s, err := b.JetStream().Stream(t.Context(), b.streamName(base))
			if err != nil {
				t.Fatalf("stream %s: %v", base, err)
			}
			c := s.CachedInfo().Config
			wantAge := 3 * time.Hour
			if base == StreamDead {
				wantAge = DefaultDeadMaxAge
			}
			if c.Retention != jetstream.LimitsPolicy || c.Storage != jetstream.FileStorage || c.Discard != jetstream.DiscardOld {
				t.Errorf("%s: retention %v storage %v discard %v", base, c.Retention, c.Storage, c.Discard)
			}
			if c.MaxAge != wantAge || c.MaxBytes != 8<<20 || c.Duplicates != 45*time.Second || c.Replicas != 1 || c.MaxMsgSize != DefaultMaxMsgSize {
				t.Errorf("%s: max age %s, max bytes %d, duplicates %s, replicas %d, max msg size %d",
					base, c.MaxAge, c.MaxBytes, c.Duplicates, c.Replicas, c.MaxMsgSize)
			}
			if want := b.wireSubject(streamSubjects[base]); len(c.Subjects) != 1 || c.Subjects[0] != want {
				t.Errorf("%s: subjects %v, want [%s]", base, c.Subjects, want)
			}
		}

		// Every update of a stream is announced on an advisory subject.
		updates := make(chan string, 64)
		sub, err := b.Conn().Subscribe("$JS.EVENT.ADVISORY.STREAM.UPDATED.>", func(m *nats.Msg) {
			updates <- strings.TrimPrefix(m.Subject, "$JS.EVENT.ADVISORY.STREAM.UPDATED.")
		})
		if err != nil {
			t.Fatal(err)
		}
		defer sub.Unsubscribe()
		if err := b.Conn().Flush(); err != nil {
			t.Fatal(err)
		}
		ours := func() map[string]int {
			// Other packages' tests may share an external server.
			got := map[string]int{}
			for {
				select {
				case name := <-updates:
					if strings.Contains(name, b.streamName("")) {
						got[name]++
					}
				case <-time.After(300 * time.Millisecond):
					return got
				}
			}
		}

		// A second process with the same limits leaves every stream and
		// bucket alone.
		if e.url == "" {
			cfg.URL = b.ClientURL()
		}
		same := e.open(cfg)
		for _, x := range []*Bus{b, same} {
			if err := x.EnsureJobs(t.Context()); err != nil {
				t.Fatal(err)
			}
			for _, bucket := range []string{BucketCrawl, BucketHealth} {
				if _, err := x.KV(t.Context(), bucket); err != nil {
					t.Fatal(err)
				}
			}
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_ = b.JetStream().DeleteStream(ctx, b.streamName(StreamJobs))
			for _, bucket := range []string{BucketCrawl, BucketHealth} {
				_ = b.JetStream().DeleteKeyValue(ctx, b.streamName(bucket))
			}
		})
		if got := ours(); len(got) != 0 {
			t.Errorf("unchanged limits updated streams: %v", got)
		}

		// A second process with other limits updates the streams in place:
		// raw and classified (dead keeps its own age).
		cfg.MaxAge = 5 * time.Hour
		b2 := e.open(cfg)
		want := map[string]int{b.streamName(StreamRaw): 1, b.streamName(StreamClassified): 1}
		if got := ours(); !maps.Equal(got, want) {
			t.Errorf("updates %v, want %v", got, want)
		}
		s, err := b2.JetStream().Stream(t.Context(), b2.streamName(StreamRaw))
		if err != nil {
			t.Fatal(err)
		}
		if got := s.CachedInfo().Config.MaxAge; got != 5*time.Hour {
			t.Errorf("after update: max age %s, want 5h", got)
		}
	})
}

func TestDefaultLimits(t *testing.T) {
	t.Parallel()
	b := (&env{t: t, dataDir: t.TempDir()}).open(Config{DataDir: t.TempDir()})
	s, err := b.JetStream().Stream(t.Context(), StreamClassified)
	if err != nil {
		t.Fatal(err)
	}
	c := s.CachedInfo().Config
	if c.MaxAge != 7*24*time.Hour || c.MaxBytes != 1<<30 || c.Duplicates != 2*time.Minute || c.Subjects[0] != "kouryu.classified.>" {
		t.Errorf("defaults: max age %s, max bytes %d, duplicates %s, subjects %v", c.MaxAge, c.MaxBytes, c.Duplicates, c.Subjects)
	}
}

func TestDuplicateMsgIDStoredOnce(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		a := Outgoing{Subject: "kouryu.raw.example-cci", MsgID: "ev1.aaaa", Data: []byte(`{"title":"異業種交流会"}`)}
		c := Outgoing{Subject: "kouryu.raw.example-cci", MsgID: "ev2.bbbb", Data: []byte(`{"title":"経営勉強会"}`)}
		if err := b.Publish(t.Context(), a, c, a); err != nil {
			t.Fatal(err)
		}
		if err := b.Publish(t.Context(), a); err != nil { // a retried publish
			t.Fatal(err)
		}
		if n := streamMsgs(t, b, StreamRaw); n != 2 {
			t.Fatalf("stored %d messages, want 2", n)
		}
	})
}

func TestPublishRefusesAndNamesFailures(t *testing.T) {
	t.Parallel()
	b := (&env{t: t, dataDir: t.TempDir()}).open(Config{DataDir: t.TempDir()})
	if err := b.Publish(t.Context(), Outgoing{Subject: "kouryu.raw.x"}); err == nil || !strings.Contains(err.Error(), "empty msg id") {
		t.Errorf("empty msg id: %v", err)
	}
	err := b.Publish(t.Context(),
		Outgoing{Subject: "kouryu.raw.ok", MsgID: "ok-1", Data: []byte("x")},
		Outgoing{Subject: "nowhere.stored", MsgID: "lost-1", Data: []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "nowhere.stored") || !strings.Contains(err.Error(), "lost-1") || strings.Contains(err.Error(), "ok-1") {
		t.Errorf("want an error naming only nowhere.stored/lost-1, got %v", err)
	}
	if n := streamMsgs(t, b, StreamRaw); n != 1 {
		t.Errorf("raw holds %d, want the 1 good message", n)
	}
}

func TestAckOnlyAfterHandlerSucceeds(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		publishN(t, b, "kouryu.raw.example-cci", 1)
		cc := ConsumerConfig{Stream: StreamRaw, Durable: "classify", FilterSubject: "kouryu.raw.>", Stage: "classify",
			Backoff: []time.Duration{20 * time.Millisecond}}
		var mu sync.Mutex
		var delivered []uint64
		var pendingDuringHandler []int
		stop := consume(t, b, cc, func(ctx context.Context, msgs []Msg) []error {
			ci, err := tryConsumerInfo(t, b, StreamRaw, "classify")
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Error(err)
			} else {
				pendingDuringHandler = append(pendingDuringHandler, ci.NumAckPending)
			}
			for _, m := range msgs {
				delivered = append(delivered, m.Delivered)
				if m.Subject != "kouryu.raw.example-cci" || m.MsgID != "m-000" || m.Stream != StreamRaw || m.Seq != 1 {
					t.Errorf("msg %+v", m)
				}
			}
			if len(delivered) == 1 {
				return []error{errors.New("database is down")}
			}
			return nil
		})
		testutil.Eventually(t, 10*time.Second, func() error {
			ci, err := tryConsumerInfo(t, b, StreamRaw, "classify")
			if err != nil {
				return err
			}
			if ci.AckFloor.Stream != 1 || ci.NumAckPending != 0 {
				return fmt.Errorf("ack floor %d, ack pending %d", ci.AckFloor.Stream, ci.NumAckPending)
			}
			return nil
		})
		if err := stop(); err != nil {
			t.Fatalf("consume: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		if fmt.Sprint(delivered) != "[1 2]" {
			t.Errorf("deliveries %v, want [1 2]: a failed message is redelivered once, an acked one not again", delivered)
		}
		for _, p := range pendingDuringHandler {
			if p != 1 {
				t.Errorf("while the handler ran the message was not pending an ack (%v): acked too early", pendingDuringHandler)
			}
		}
		if dls, err := b.DeadLetters(t.Context(), 0); err != nil || len(dls) != 0 {
			t.Errorf("dead letters %v, %v; want none", dls, err)
		}
	})
}

func TestPermanentErrorIsDeadLetter(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		bad := Outgoing{Subject: "kouryu.raw.example-cci", MsgID: "broken-1", Data: []byte(`{"title": 交流会`)}
		good := Outgoing{Subject: "kouryu.raw.example-cci", MsgID: "good-1", Data: []byte(`{"title":"交流会"}`)}
		if err := b.Publish(t.Context(), bad, good); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		calls := map[string]int{}
		consume(t, b, ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify"},
			func(ctx context.Context, msgs []Msg) []error {
				mu.Lock()
				defer mu.Unlock()
				errs := make([]error, len(msgs))
				for i, m := range msgs {
					calls[m.MsgID]++
					if m.MsgID == "broken-1" {
						errs[i] = Permanent(fmt.Errorf("decode event: %w", errors.New("invalid character")))
					}
				}
				return errs
			})
		var dls []DeadLetter
		testutil.Eventually(t, 10*time.Second, func() error {
			var err error
			dls, err = b.DeadLetters(t.Context(), 10)
			if err != nil {
				return err
			}
			ci, err := tryConsumerInfo(t, b, StreamRaw, "classify")
			if err != nil {
				return err
			}
			if len(dls) != 1 || ci.NumAckPending != 0 || ci.NumPending != 0 {
				return fmt.Errorf("%d dead letters, ack pending %d, pending %d", len(dls), ci.NumAckPending, ci.NumPending)
			}
			return nil
		})
		d := dls[0]
		if d.Stage != "classify" || d.Subject != bad.Subject || d.MsgID != "broken-1" || !bytes.Equal(d.Data, bad.Data) ||
			d.Delivered != 1 || d.Seq != 1 || d.At.IsZero() || !strings.Contains(d.Reason, "decode event: invalid character") {
			t.Errorf("dead letter %+v", d)
		}
		ci := consumerInfo(t, b, StreamRaw, "classify")
		mu.Lock()
		defer mu.Unlock()
		if calls["broken-1"] != 1 || calls["good-1"] != 1 || ci.NumRedelivered != 0 {
			t.Errorf("calls %v, redelivered %d: a permanent failure must not be retried", calls, ci.NumRedelivered)
		}
		// The dead letter sits on kouryu.dead.classify.
		s, _ := b.JetStream().Stream(t.Context(), b.streamName(StreamDead))
		m, err := s.GetMsg(t.Context(), d.DeadSeq)
		if err != nil || m.Subject != b.wireSubject("kouryu.dead.classify") || m.Header.Get(jetstream.MsgIDHeader) != "classify:KOURYU_RAW:1" {
			t.Errorf("stored dead letter: %v %v %v", m, err, m.Header)
		}
	})
}

func TestRetriesUntilMaxDeliverThenDeadLetter(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		publishN(t, b, "kouryu.classified.study_group", 1)
		var mu sync.Mutex
		var delivered []uint64
		consume(t, b, ConsumerConfig{Stream: StreamClassified, Durable: "publish", Stage: "publish", MaxDeliver: 3,
			Backoff: []time.Duration{10 * time.Millisecond, 30 * time.Millisecond}},
			func(ctx context.Context, msgs []Msg) []error {
				mu.Lock()
				defer mu.Unlock()
				for _, m := range msgs {
					delivered = append(delivered, m.Delivered)
				}
				return []error{errors.New("insert event: connection refused")}
			})
		var dls []DeadLetter
		testutil.Eventually(t, 10*time.Second, func() error {
			var err error
			if dls, err = b.DeadLetters(t.Context(), 0); err != nil || len(dls) != 1 {
				return fmt.Errorf("dead letters %d, %v", len(dls), err)
			}
			return nil
		})
		d := dls[0]
		if d.Stage != "publish" || d.Delivered != 3 || !strings.Contains(d.Reason, "gave up after 3 deliveries: insert event: connection refused") {
			t.Errorf("dead letter %+v", d)
		}
		testutil.Eventually(t, 5*time.Second, func() error {
			if ci := consumerInfo(t, b, StreamClassified, "publish"); ci.NumAckPending != 0 {
				return fmt.Errorf("ack pending %d after term", ci.NumAckPending)
			}
			return nil
		})
		mu.Lock()
		defer mu.Unlock()
		if fmt.Sprint(delivered) != "[1 2 3]" {
			t.Errorf("deliveries %v, want [1 2 3]", delivered)
		}
	})
}

// TestUnavailableHoldsWithoutUsingDeliveries: an output that is down for
// longer than MaxDeliver retries and AckWait together costs no delivery and
// makes no dead letter; the message is processed once the output is back.
func TestUnavailableHoldsWithoutUsingDeliveries(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		publishN(t, b, "kouryu.classified.study_group", 1)
		var mu sync.Mutex
		var delivered []uint64
		done := false
		h := func(ctx context.Context, msgs []Msg) []error {
			mu.Lock()
			defer mu.Unlock()
			for _, m := range msgs {
				delivered = append(delivered, m.Delivered)
			}
			if len(delivered) < 5 { // 200+400+800+1600ms held: past AckWait and MaxDeliver
				return []error{Unavailable(errors.New("database down"))}
			}
			done = true
			return nil
		}
		cc := ConsumerConfig{Stream: StreamClassified, Durable: "publish", Stage: "publish", MaxDeliver: 2,
			AckWait: time.Second, Backoff: []time.Duration{200 * time.Millisecond}}
		// Two workers share the durable: had the holder not kept the message
		// in progress, the other would get it again after AckWait.
		consume(t, b, cc, h)
		consume(t, b, cc, h)
		testutil.Eventually(t, 15*time.Second, func() error {
			mu.Lock()
			defer mu.Unlock()
			if !done {
				return fmt.Errorf("not processed yet: deliveries seen %v", delivered)
			}
			return nil
		})
		testutil.Eventually(t, 5*time.Second, func() error {
			if ci := consumerInfo(t, b, StreamClassified, "publish"); ci.NumAckPending != 0 || ci.NumRedelivered != 0 {
				return fmt.Errorf("ack pending %d, redelivered %d", ci.NumAckPending, ci.NumRedelivered)
			}
			return nil
		})
		mu.Lock()
		defer mu.Unlock()
		for _, d := range delivered {
			if d != 1 {
				t.Fatalf("deliveries %v: holding must not redeliver", delivered)
			}
		}
		if dls, err := b.DeadLetters(t.Context(), 0); err != nil || len(dls) != 0 {
			t.Errorf("dead letters %v, %v", dls, err)
		}
	})
}

func TestCancelFinishesBatchInHand(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		sent := publishN(t, b, "kouryu.raw.example-cci", 50)
		cc := ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify", Batch: 10}
		var mu sync.Mutex
		seen := map[string]int{}
		record := func(msgs []Msg) {
			mu.Lock()
			defer mu.Unlock()
			for _, m := range msgs {
				seen[m.MsgID]++
			}
		}

		ctx, cancel := context.WithCancel(t.Context())
		var ctxErrInHandler error
		calls := 0
		err := b.Consume(ctx, cc, func(hctx context.Context, msgs []Msg) []error {
			calls++
			cancel() // shutdown arrives while the batch is in hand
			ctxErrInHandler = hctx.Err()
			record(msgs)
			return nil
		})
		if err != nil {
			t.Fatalf("consume returned %v on cancel, want nil", err)
		}
		if calls != 1 || ctxErrInHandler != nil {
			t.Fatalf("calls %d, handler ctx err %v: want one batch, finished with a live context", calls, ctxErrInHandler)
		}
		ci := consumerInfo(t, b, StreamRaw, "classify")
		if ci.AckFloor.Stream != 10 || ci.NumAckPending != 0 {
			t.Fatalf("after shutdown: ack floor %d, ack pending %d; want the batch of 10 acked", ci.AckFloor.Stream, ci.NumAckPending)
		}

		stop := consume(t, b, cc, func(_ context.Context, msgs []Msg) []error { record(msgs); return nil })
		testutil.Eventually(t, 10*time.Second, func() error {
			mu.Lock()
			defer mu.Unlock()
			if len(seen) != len(sent) {
				return fmt.Errorf("processed %d of %d", len(seen), len(sent))
			}
			return nil
		})
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		for id, n := range seen {
			if n != 1 {
				t.Errorf("%s processed %d times", id, n)
			}
		}
	})
}

func TestEmbeddedRestartKeepsAckState(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e := &env{t: t, dataDir: dir}
	cfg := e.config()
	b, err := Open(t.Context(), cfg, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	publishN(t, b, "kouryu.raw.example-cci", 5)
	cc := ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify", Batch: 3}
	ctx, cancel := context.WithCancel(t.Context())
	if err := b.Consume(ctx, cc, func(_ context.Context, msgs []Msg) []error { cancel(); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	b2 := e.open(cfg) // same DataDir
	if n := streamMsgs(t, b2, StreamRaw); n != 5 {
		t.Fatalf("after restart the stream holds %d, want 5", n)
	}
	var mu sync.Mutex
	var seqs []uint64
	consume(t, b2, cc, func(_ context.Context, msgs []Msg) []error {
		mu.Lock()
		defer mu.Unlock()
		for _, m := range msgs {
			seqs = append(seqs, m.Seq)
		}
		return nil
	})
	testutil.Eventually(t, 10*time.Second, func() error {
		if ci := consumerInfo(t, b2, StreamRaw, "classify"); ci.AckFloor.Stream != 5 {
			return fmt.Errorf("ack floor %d", ci.AckFloor.Stream)
		}
		return nil
	})
	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(seqs) != "[4 5]" {
		t.Errorf("after restart got seqs %v, want only the unacked [4 5]", seqs)
	}
}

func TestBacklogsCountPending(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		publishN(t, b, "kouryu.raw.example-cci", 7)
		ctx, cancel := context.WithCancel(t.Context())
		err := b.Consume(ctx, ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify", Batch: 2},
			func(_ context.Context, msgs []Msg) []error { cancel(); return nil })
		if err != nil {
			t.Fatal(err)
		}
		bl, err := b.Backlogs(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if len(bl) != 3 || bl[0].Stream != b.streamName(StreamRaw) || bl[2].Stream != b.streamName(StreamDead) {
			t.Fatalf("backlogs %+v", bl)
		}
		if bl[0].Messages != 7 || bl[0].Bytes == 0 || bl[0].Consumers["classify"] != 5 || len(bl[0].Consumers) != 1 {
			t.Errorf("raw backlog %+v, want 7 messages and classify pending 5", bl[0])
		}
		if bl[1].Messages != 0 || len(bl[1].Consumers) != 0 {
			t.Errorf("classified backlog %+v", bl[1])
		}
	})
}

func TestNamespacesIsolateOnOneServer(t *testing.T) {
	t.Parallel()
	e := &env{t: t, dataDir: t.TempDir()}
	plain := e.open(e.config())
	cfg := e.config()
	cfg.URL = plain.ClientURL()
	cfg.Namespace = "staging"
	staged := e.open(cfg)
	publishN(t, staged, "kouryu.raw.example-cci", 3)
	if n := streamMsgs(t, plain, StreamRaw); n != 0 {
		t.Errorf("the plain stream got %d messages of the namespace", n)
	}
	if n := streamMsgs(t, staged, StreamRaw); n != 3 {
		t.Errorf("the namespace stream holds %d, want 3", n)
	}
	if got := staged.streamName(StreamRaw); got != "KOURYU_RAW_STAGING" {
		t.Errorf("stream name %s", got)
	}
}

func TestOpenGivesUpWhenContextEnds(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(t.Context(), 700*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Open(ctx, Config{URL: "nats://127.0.0.1:1"}, testutil.Logger(t))
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "nats://127.0.0.1:1") {
		t.Fatalf("want a deadline error naming the URL, got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s to give up", d)
	}
}

func TestPermanent(t *testing.T) {
	t.Parallel()
	base := errors.New("bad json")
	p := fmt.Errorf("decode: %w", Permanent(base))
	if !IsPermanent(p) || !errors.Is(p, base) || IsPermanent(base) || Permanent(nil) != nil {
		t.Error("Permanent must wrap, be detectable through wrapping, and leave nil alone")
	}
}

func TestCrashedDeliveriesAreBuriedNotRetriedForever(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		cc := ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify", MaxDeliver: 2, AckWait: 300 * time.Millisecond}
		// Let Consume set the consumer up and stop; the message is
		// published afterwards, so it has not seen it.
		stop := consume(t, b, cc, func(context.Context, []Msg) []error {
			t.Error("handler called before the message was published")
			return nil
		})
		testutil.Eventually(t, 10*time.Second, func() error {
			if _, err := tryConsumerInfo(t, b, StreamRaw, "classify"); err != nil {
				return err
			}
			return nil
		})
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		publishN(t, b, "kouryu.raw.example-cci", 1)
		// Two workers take the message and die without a word.
		cons, err := b.JetStream().Consumer(t.Context(), b.streamName(StreamRaw), "classify")
		if err != nil {
			t.Fatal(err)
		}
		for want := uint64(1); want <= 2; want++ {
			// A pull right after the consumer was set up may find no
			// responder yet; it delivers nothing, so it is asked again.
			var m jetstream.Msg
			testutil.Eventually(t, 10*time.Second, func() error {
				var err error
				m, err = cons.Next(jetstream.FetchMaxWait(5 * time.Second))
				if err != nil && !errors.Is(err, nats.ErrNoResponders) {
					t.Fatalf("delivery %d: %v", want, err)
				}
				return err
			})
			if md, _ := m.Metadata(); md.NumDelivered != want {
				t.Fatalf("delivery %d has count %d", want, md.NumDelivered)
			}
		}
		var calls atomic.Int32
		consume(t, b, cc, func(_ context.Context, msgs []Msg) []error { calls.Add(int32(len(msgs))); return nil })
		var dls []DeadLetter
		testutil.Eventually(t, 10*time.Second, func() error {
			if dls, err = b.DeadLetters(t.Context(), 0); err != nil || len(dls) != 1 {
				return fmt.Errorf("dead letters %d, %v", len(dls), err)
			}
			return nil
		})
		if calls.Load() != 0 || dls[0].Delivered != 3 || !strings.Contains(dls[0].Reason, "no outcome after 2 deliveries") {
			t.Errorf("handler calls %d, dead letter %+v", calls.Load(), dls[0])
		}
	})
}

func TestWrongResultCountRetriesBatch(t *testing.T) {
	t.Parallel()
	b := (&env{t: t, dataDir: t.TempDir()}).open(Config{DataDir: t.TempDir()})
	publishN(t, b, "kouryu.raw.example-cci", 2)
	var mu sync.Mutex
	var rounds [][]uint64
	consume(t, b, ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify", MaxWait: time.Second, Backoff: []time.Duration{10 * time.Millisecond}},
		func(_ context.Context, msgs []Msg) []error {
			mu.Lock()
			defer mu.Unlock()
			var d []uint64
			for _, m := range msgs {
				d = append(d, m.Delivered)
			}
			rounds = append(rounds, d)
			if len(rounds) == 1 {
				return []error{nil} // one result for two messages: a handler bug
			}
			return nil
		})
	testutil.Eventually(t, 10*time.Second, func() error {
		ci, err := tryConsumerInfo(t, b, StreamRaw, "classify")
		if err != nil {
			return err
		}
		if ci.AckFloor.Stream != 2 {
			return fmt.Errorf("ack floor %d", ci.AckFloor.Stream)
		}
		return nil
	})
	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(rounds) != "[[1 1] [2 2]]" {
		t.Errorf("deliveries per call %v, want [[1 1] [2 2]]: neither message may be acked on a malformed result", rounds)
	}
}

func TestConsumerSurvivesServerRestart(t *testing.T) {
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	serverCfg := Config{DataDir: dir, Port: port, MaxBytes: 16 << 20}
	srv, err := Open(t.Context(), serverCfg, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })

	client := (&env{t: t}).open(Config{URL: srv.ClientURL(), MaxBytes: 16 << 20})
	var got atomic.Int32
	consume(t, client, ConsumerConfig{Stream: StreamRaw, Durable: "classify", Stage: "classify"},
		func(_ context.Context, msgs []Msg) []error { got.Add(int32(len(msgs))); return nil })
	publishN(t, client, "kouryu.raw.example-cci", 3)
	testutil.Eventually(t, 10*time.Second, func() error {
		if n := got.Load(); n != 3 {
			return fmt.Errorf("consumed %d of 3 before the restart", n)
		}
		return nil
	})

	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	srv2, err := Open(t.Context(), serverCfg, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv2.Close() })

	testutil.Eventually(t, 15*time.Second, func() error {
		if !client.Conn().IsConnected() {
			return errors.New("client has not reconnected")
		}
		return nil
	})
	more := []Outgoing{{Subject: "kouryu.raw.example-cci", MsgID: "after-restart", Data: []byte(`{}`)}}
	if err := client.Publish(t.Context(), more...); err != nil {
		t.Fatal(err)
	}
	testutil.Eventually(t, 15*time.Second, func() error {
		if n := got.Load(); n != 4 {
			return fmt.Errorf("consumed %d of 4 after the restart", n)
		}
		return nil
	})
}

func TestWorkersWaitForAllAndReturnTheFirstError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	var started atomic.Int32
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- Workers(t.Context(), 3, func(context.Context) error {
			if started.Add(1) == 1 {
				return boom
			}
			<-release // deaf to ctx: Workers still waits for it
			return nil
		})
	}()
	testutil.Eventually(t, 5*time.Second, func() error {
		if n := started.Load(); n != 3 {
			return fmt.Errorf("%d of 3 workers started", n)
		}
		return nil
	})
	select {
	case err := <-done:
		t.Fatalf("returned %v while two workers still ran", err)
	case <-time.After(50 * time.Millisecond): // a return would have come by now
	}
	close(release)
	if err := <-done; !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

// One worker whose consumer cannot be set up stops the others: Workers
// returns its error once the other Consume loops, real ones on one durable
// consumer, have stopped, while the caller's ctx still runs.
func TestWorkersStopWhenOneFailsAtSetup(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		good := ConsumerConfig{Stream: StreamRaw, Durable: "classify", FilterSubject: "kouryu.raw.>", Stage: "classify"}
		// A filter outside the raw stream's subjects: Consume refuses it.
		bad := ConsumerConfig{Stream: StreamRaw, Durable: "broken", FilterSubject: "kouryu.classified.>", Stage: "classify"}
		none := func(context.Context, []Msg) []error { return nil }
		var calls atomic.Int32
		fetching := make(chan struct{})
		done := make(chan error, 1)
		go func() {
			done <- Workers(t.Context(), 3, func(ctx context.Context) error {
				if calls.Add(1) < 3 {
					return b.Consume(ctx, good, none)
				}
				select { // the last one fails once the others consume
				case <-fetching:
				case <-ctx.Done():
					return nil
				}
				return b.Consume(ctx, bad, none)
			})
		}()
		testutil.Eventually(t, 10*time.Second, func() error {
			if ci, err := tryConsumerInfo(t, b, StreamRaw, "classify"); err != nil || ci.NumWaiting == 0 {
				return fmt.Errorf("no worker fetches yet (%v)", err)
			}
			return nil
		})
		close(fetching)
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), `"kouryu.classified.>"`) {
				t.Fatalf("Workers returned %v, want the failed setup", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("Workers still runs 20 s after one worker failed at setup")
		}
	})
}

func TestStageConfig(t *testing.T) {
	t.Parallel()
	s := StageConfig{}.WithDefaults("publish")
	if s.Durable != "publish" || s.Batch != 500 || s.MaxWait != 50*time.Millisecond || s.Workers != 2 {
		t.Errorf("defaults: %+v", s)
	}
	if got := (StageConfig{Durable: "mine", Batch: 7}).WithDefaults("publish"); got.Durable != "mine" || got.Batch != 7 {
		t.Errorf("set fields replaced: %+v", got)
	}
	cc := s.Consumer(StreamClassified, "kouryu.classified.>", "publish")
	if err := cc.Validate(); err != nil {
		t.Fatal(err)
	}
	// Every worker's batch in hand and the next ones fit the ack-pending room.
	if cc.MaxAckPending != 4*2*500 || cc.Durable != "publish" || cc.Stream != StreamClassified || cc.Stage != "publish" {
		t.Errorf("consumer config %+v", cc)
	}
}
