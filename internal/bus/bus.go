package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/event"
)

// Stream names. Each holds the subjects named beside it.
const (
	StreamRaw        = "KOURYU_RAW"        // kouryu.raw.>
	StreamClassified = "KOURYU_CLASSIFIED" // kouryu.classified.>
	StreamDead       = "KOURYU_DEAD"       // kouryu.dead.>
)

// streamSubjects maps each stream to the subjects it stores.
var streamSubjects = map[string]string{
	StreamRaw:        event.RawPrefix + ">",
	StreamClassified: event.ClassifiedPrefix + ">",
	StreamDead:       event.DeadPrefix + ">",
}

// streamOrder is the order streams are created and reported in.
var streamOrder = []string{StreamRaw, StreamClassified, StreamDead}

// Defaults for the zero values of Config.
const (
	DefaultDataDir         = "./var"
	DefaultMaxAge          = 7 * 24 * time.Hour
	DefaultDeadMaxAge      = 30 * 24 * time.Hour
	DefaultDuplicateWindow = 2 * time.Minute
	DefaultMaxBytes        = 1 << 30
	DefaultMaxMsgSize      = 1 << 20
)

// Config says where the bus runs and the limits of its streams. The zero value
// starts an embedded server under ./var/nats with the default limits.
type Config struct {
	// URL is "" to start an in-process nats-server with JetStream, or the
	// comma-separated URLs of the servers to connect to.
	URL string
	// DataDir holds the embedded server's store, under DataDir/nats;
	// "" means ./var. Unused when URL is set.
	DataDir string
	// Port is the embedded server's client port on 127.0.0.1; 0 picks a
	// free one. Unused when URL is set.
	Port int
	// Name is the client connection name shown by the server, e.g.
	// "kouryu-classify"; "" means "kouryu".
	Name string
	// Namespace, when set, isolates this bus on a shared server: stream
	// names get the suffix _<NAMESPACE> and subjects the prefix
	// <namespace>. Callers still use the plain names and subjects.
	// Letters, digits, '-' and '_' only.
	Namespace string
	// Replicas is the number of stream replicas; 0 means 1. The embedded
	// server is a single node, so it takes only 1.
	Replicas int
	// MaxAge is how long raw and classified messages are kept; 0 means 7 days.
	MaxAge time.Duration
	// DeadMaxAge is how long dead letters are kept; 0 means 30 days.
	DeadMaxAge time.Duration
	// DuplicateWindow is how long a Nats-Msg-Id is remembered; 0 means 2 minutes.
	DuplicateWindow time.Duration
	// MaxBytes is each stream's size limit (oldest messages are dropped
	// beyond it); 0 means 1 GiB with a NATS server of URL, and with the
	// embedded server as much as its store holds, up to 1 GiB (see
	// MaxStore).
	MaxBytes int64
	// MaxStore is the embedded server's JetStream store budget on disk; 0
	// sizes it to the disk (three quarters of the free space plus what
	// the store holds). Open fails, saying so, when it cannot hold the
	// streams at MaxBytes, or at 32 MiB each when MaxBytes is 0. Unused
	// when URL is set.
	MaxStore int64
	// Attach, when another process runs its embedded server on DataDir's
	// store, connects to that server (and takes its stream limits)
	// instead of failing: for short commands such as status, run beside a
	// kouryu run. Without Attach, Open fails with a message naming the
	// process and its URL. Two servers must never run on one store.
	Attach bool
	// ReadOnly opens the bus for a command that only reads (status, dead
	// list): Open neither creates nor updates a stream, and KV creates no
	// bucket. Such a command must leave a server as it found it: on a
	// server the stages have not set up yet, creating the streams would
	// fix their limits with the reader's flags, not the stages'. A stream
	// or bucket that does not exist reads as empty.
	ReadOnly bool
	// MaxMsgSize is the largest message a stream accepts; 0 means 1 MiB.
	MaxMsgSize int32
	// Metrics, when set, receives kouryu_dead_letters_total{stage},
	// counted by Consume; nil counts nothing. The streams' state is
	// NewCollector's.
	Metrics prometheus.Registerer
}

var namespacePattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// Validate reports every fault of c at once.
func (c Config) Validate() error {
	var faults []string
	if c.URL != "" {
		for _, u := range strings.Split(c.URL, ",") {
			u = strings.TrimSpace(u)
			full := u
			if !strings.Contains(u, "://") {
				full = "nats://" + u // as nats.Connect reads it
			}
			p, err := url.Parse(full)
			switch {
			case u == "":
				faults = append(faults, "url: empty server URL in list")
			case err != nil:
				faults = append(faults, fmt.Sprintf("url %q: %s", redactURL(u), redactErr(err)))
			case p.Host == "":
				faults = append(faults, fmt.Sprintf("url %q: no host (want nats://host:port)", redactURL(u)))
			}
		}
	}
	if c.Port < 0 || c.Port > 65535 {
		faults = append(faults, fmt.Sprintf("port %d is out of range", c.Port))
	}
	if c.Namespace != "" && !namespacePattern.MatchString(c.Namespace) {
		faults = append(faults, fmt.Sprintf("namespace %q: want letters, digits, '-' and '_'", c.Namespace))
	}
	if c.Replicas < 0 || c.Replicas > 5 {
		faults = append(faults, fmt.Sprintf("replicas %d: want 1 to 5", c.Replicas))
	}
	if c.URL == "" && c.Replicas > 1 {
		faults = append(faults, fmt.Sprintf("replicas %d: the embedded server is a single node", c.Replicas))
	}
	if c.MaxAge < 0 {
		faults = append(faults, "max age is negative")
	}
	if c.DeadMaxAge < 0 {
		faults = append(faults, "dead max age is negative")
	}
	if c.DuplicateWindow < 0 {
		faults = append(faults, "duplicate window is negative")
	}
	if c.MaxBytes < 0 {
		faults = append(faults, "max bytes is negative")
	}
	if c.MaxStore < 0 {
		faults = append(faults, "max store is negative")
	}
	if c.MaxMsgSize < 0 {
		faults = append(faults, "max message size is negative")
	}
	maxAge, dup := c.withDefaults().MaxAge, c.withDefaults().DuplicateWindow
	if dup > maxAge {
		faults = append(faults, fmt.Sprintf("duplicate window %s is longer than max age %s", dup, maxAge))
	}
	if len(faults) > 0 {
		return fmt.Errorf("bus config: %s", strings.Join(faults, "; "))
	}
	return nil
}

func (c Config) withDefaults() Config {
	if c.DataDir == "" {
		c.DataDir = DefaultDataDir
	}
	if c.Name == "" {
		c.Name = "kouryu"
	}
	if c.Replicas == 0 {
		c.Replicas = 1
	}
	if c.MaxAge == 0 {
		c.MaxAge = DefaultMaxAge
	}
	if c.DeadMaxAge == 0 {
		c.DeadMaxAge = DefaultDeadMaxAge
	}
	if c.DuplicateWindow == 0 {
		c.DuplicateWindow = DefaultDuplicateWindow
	}
	if c.MaxBytes == 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxMsgSize == 0 {
		c.MaxMsgSize = DefaultMaxMsgSize
	}
	return c
}

// Bus is a connection to JetStream, with the embedded server it started, if
// any. Its methods are safe for concurrent use.
type Bus struct {
	cfg    Config
	log    *slog.Logger
	emb    *embedded // nil when connected to a server of another process
	nc     *nats.Conn
	js     jetstream.JetStream
	closed chan struct{} // closed when nc is closed
	once   sync.Once
	err    error
	m      *busMetrics // nil: no metrics
}

// Open starts the embedded server (cfg.URL == "") or connects to cfg.URL,
// retrying the first connect with backoff until ctx is done and reconnecting
// forever afterwards, then creates or updates the streams (not with
// cfg.ReadOnly). The embedded
// server locks its store: while it runs, another Open on the same DataDir
// connects to it (cfg.Attach) or fails saying which process holds it.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*Bus, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.DataDir == "" {
		cfg.DataDir = DefaultDataDir
	}
	url := cfg.URL
	var emb *embedded
	if url == "" {
		var (
			o   owner
			err error
		)
		emb, o, err = startEmbedded(cfg, log)
		switch {
		case errors.Is(err, errStoreHeld) && cfg.Attach:
			log.Info("the embedded nats store is another process's; connecting to its server",
				"store_dir", filepath.Join(cfg.DataDir, "nats"), "pid", o.PID, "url", o.URL)
			url = o.URL
		case errors.Is(err, errStoreHeld):
			return nil, fmt.Errorf("embedded nats store %s is in use by process %d, whose server is at %s: stop it first, or give --nats-url %s to share that server (two servers on one store corrupt it)",
				filepath.Join(cfg.DataDir, "nats"), o.PID, o.URL, o.URL)
		case err != nil:
			return nil, err
		default:
			url = o.URL
		}
		if cfg.MaxBytes == 0 {
			cfg.MaxBytes = o.StreamMaxBytes // the owner's, or this server's
		}
	}
	cfg = cfg.withDefaults()
	m, err := newBusMetrics(cfg.Metrics)
	if err != nil {
		if emb != nil {
			emb.shutdown()
		}
		return nil, err
	}
	b := &Bus{cfg: cfg, log: log, closed: make(chan struct{}), m: m, emb: emb}
	nc, err := b.connect(ctx, url)
	if err != nil {
		b.shutdownServer()
		return nil, err
	}
	b.nc = nc
	js, err := jetstream.New(nc,
		jetstream.WithPublishAsyncMaxPending(publishWindow),
		jetstream.WithPublishAsyncTimeout(publishAckTimeout))
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("jetstream context: %w", err)
	}
	b.js = js
	if cfg.ReadOnly {
		return b, nil
	}
	if err := b.EnsureStreams(ctx); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

func (b *Bus) connect(ctx context.Context, url string) (*nats.Conn, error) {
	log := b.log
	opts := []nats.Option{
		nats.Name(b.cfg.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
		nats.ReconnectJitter(500*time.Millisecond, time.Second),
		nats.DrainTimeout(30 * time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("nats reconnected", "url", RedactURLs(nc.ConnectedUrl()))
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			subj := ""
			if sub != nil {
				subj = sub.Subject
			}
			log.Warn("nats async error", "subject", subj, "err", err)
		}),
		nats.ClosedHandler(func(*nats.Conn) { close(b.closed) }),
	}
	wait := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		nc, err := nats.Connect(url, opts...)
		if err == nil {
			log.Info("nats connected", "url", RedactURLs(nc.ConnectedUrl()), "server_version", nc.ConnectedServerVersion())
			return nc, nil
		}
		log.Warn("nats connect failed, retrying", "url", RedactURLs(url), "attempt", attempt, "retry_in", wait, "err", err)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("connect to nats %s: %w (last error: %v)", RedactURLs(url), ctx.Err(), err)
		case <-time.After(wait):
		}
		wait = min(wait*2, 5*time.Second)
	}
}

// Close drains the connection (pending publishes and acks are flushed,
// subscriptions finish their messages), then shuts the embedded server down
// and waits for it. Consumers should have returned before Close is called.
// Calling Close again returns the first result.
func (b *Bus) Close() error {
	b.once.Do(func() {
		var errs []error
		if b.nc != nil {
			switch err := b.nc.Drain(); {
			case err == nil, errors.Is(err, nats.ErrConnectionClosed):
			case errors.Is(err, nats.ErrConnectionReconnecting):
				// The server is gone: nothing can be flushed. Unacked
				// messages are redelivered later; that is no error here.
				b.log.Warn("closing nats while disconnected; unsent acks are redelivered later")
				b.nc.Close()
			default:
				errs = append(errs, fmt.Errorf("drain nats connection: %w", err))
				b.nc.Close()
			}
			<-b.closed
		}
		b.shutdownServer()
		b.err = errors.Join(errs...)
	})
	return b.err
}

func (b *Bus) shutdownServer() {
	if b.emb == nil {
		return
	}
	b.emb.shutdown()
	b.log.Info("embedded nats server stopped")
}

// ClientURL is the URL clients connect to: the embedded server's when there
// is one, else the server this bus is connected to.
func (b *Bus) ClientURL() string {
	if b.emb != nil {
		return b.emb.srv.ClientURL()
	}
	return b.nc.ConnectedUrlRedacted()
}

// Conn is the underlying NATS connection.
func (b *Bus) Conn() *nats.Conn { return b.nc }

// JetStream is the JetStream context of the connection.
func (b *Bus) JetStream() jetstream.JetStream { return b.js }

// streamName is the real name of the stream base in this bus's namespace.
func (b *Bus) streamName(base string) string {
	if b.cfg.Namespace == "" {
		return base
	}
	return base + "_" + strings.ToUpper(strings.ReplaceAll(b.cfg.Namespace, "-", "_"))
}

// wireSubject is subj as it travels in this bus's namespace.
func (b *Bus) wireSubject(subj string) string {
	if b.cfg.Namespace == "" {
		return subj
	}
	return b.cfg.Namespace + "." + subj
}

// plainSubject undoes wireSubject.
func (b *Bus) plainSubject(subj string) string {
	if b.cfg.Namespace == "" {
		return subj
	}
	return strings.TrimPrefix(subj, b.cfg.Namespace+".")
}

// serverLogger sends the embedded server's log to slog.
type serverLogger struct{ log *slog.Logger }

func (l serverLogger) Noticef(format string, v ...any) { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l serverLogger) Warnf(format string, v ...any)   { l.log.Warn(fmt.Sprintf(format, v...)) }
func (l serverLogger) Fatalf(format string, v ...any)  { l.log.Error(fmt.Sprintf(format, v...)) }
func (l serverLogger) Errorf(format string, v ...any)  { l.log.Error(fmt.Sprintf(format, v...)) }
func (l serverLogger) Debugf(format string, v ...any)  { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l serverLogger) Tracef(format string, v ...any)  { l.log.Debug(fmt.Sprintf(format, v...)) }
