// Package alert delivers alerts to an operator's webhook: each a JSON
// object POSTed to one URL (a chat's incoming webhook, an alert router, a
// script), queued in a bounded queue and sent by one goroutine, retried
// with backoff, so that the code that raises an alert never waits for the
// receiver. A full queue drops the alert with a log line; the caller
// learns of every alert it queued whether it was delivered.
//
// The URL of a webhook often holds its secret (a chat's incoming webhook
// is a token in the path): no log line or error of this package prints
// more of it than its scheme and host.
package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/metrics"
)

// Defaults of Config.
const (
	DefaultQueueSize   = 64
	DefaultTimeout     = 10 * time.Second
	DefaultMaxAttempts = 8
	DefaultRetryBase   = time.Second
	DefaultRetryCap    = time.Minute
)

// Config sets a Webhook. Only URL is needed: every zero field takes the
// default named beside it.
type Config struct {
	// URL is where alerts are POSTed: an absolute http or https URL.
	URL string
	// QueueSize bounds the alerts waiting to be sent; default
	// DefaultQueueSize. Past it Send drops the alert.
	QueueSize int
	// Timeout bounds one attempt; default DefaultTimeout.
	Timeout time.Duration
	// MaxAttempts is how often one alert is tried; default
	// DefaultMaxAttempts. A 4xx answer but 408 and 429 is not retried.
	MaxAttempts int
	// RetryBase is the wait after the first failed attempt, doubled after
	// each (with jitter), at most RetryCap; defaults DefaultRetryBase and
	// DefaultRetryCap. A Retry-After up to RetryCap is honoured.
	RetryBase, RetryCap time.Duration
	// Metrics, when set, receives kouryu_alerts_total{result}.
	Metrics prometheus.Registerer
}

// Validate reports every fault of c.
func (c Config) Validate() error {
	var faults []string
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// The URL may hold a secret: the fault does not quote it.
		faults = append(faults, "webhook URL is not an absolute http(s) URL")
	}
	if c.QueueSize < 0 || c.Timeout < 0 || c.MaxAttempts < 0 || c.RetryBase < 0 || c.RetryCap < 0 {
		faults = append(faults, "queue size, timeout, attempts and retry waits must not be negative")
	}
	if len(faults) > 0 {
		return fmt.Errorf("alert config: %s", strings.Join(faults, "; "))
	}
	return nil
}

func (c Config) withDefaults() Config {
	if c.QueueSize == 0 {
		c.QueueSize = DefaultQueueSize
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxAttempts == 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.RetryBase == 0 {
		c.RetryBase = DefaultRetryBase
	}
	if c.RetryCap == 0 {
		c.RetryCap = DefaultRetryCap
	}
	return c
}

// Errors a Send's done function may receive besides a delivery's.
var (
	// ErrClosed: the Webhook was closed before the alert was delivered.
	ErrClosed = errors.New("alert: webhook closed before delivery")
)

// Webhook sends alerts to one URL from a bounded queue. Its methods are
// safe for concurrent use.
type Webhook struct {
	cfg    Config
	log    *slog.Logger
	target string // scheme://host of the URL, for logs
	client *http.Client
	m      *prometheus.CounterVec // nil: no metrics

	mu     sync.Mutex
	closed bool
	queue  chan job

	// stop ends waits and attempts when Close's context ends.
	stop   context.Context
	cancel context.CancelFunc
	done   chan struct{}
}

type job struct {
	id   string
	body []byte
	done func(error)
}

// New returns a Webhook for cfg and starts its sender; Close stops it.
func New(cfg Config, log *slog.Logger) (*Webhook, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg = cfg.withDefaults()
	u, _ := url.Parse(cfg.URL)
	w := &Webhook{
		cfg: cfg, log: log, target: u.Scheme + "://" + u.Host,
		client: &http.Client{Timeout: cfg.Timeout},
		queue:  make(chan job, cfg.QueueSize),
		done:   make(chan struct{}),
	}
	if cfg.Metrics != nil {
		m := prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_alerts_total",
			Help: "Alerts to the webhook by result: delivered, failed (after every attempt, or refused by the receiver), dropped (queue full or closed).",
		}, []string{"result"})
		m, err := metrics.Register(cfg.Metrics, m)
		if err != nil {
			return nil, err
		}
		w.m = m
	}
	w.stop, w.cancel = context.WithCancel(context.Background())
	go w.run()
	return w, nil
}

// Target is the scheme and host of the webhook's URL, for log lines.
func (w *Webhook) Target() string { return w.target }

// Send queues payload, encoded as JSON, to be POSTed with id (also sent as
// the Idempotency-Key header, so that a receiver can drop a repeat) and
// returns at once. It returns false, with a log line, when the queue is
// full, the Webhook closed or payload does not encode; else done, when not
// nil, is called once from the sender's goroutine with nil when the alert
// was delivered or the error that ended its attempts.
func (w *Webhook) Send(id string, payload any, done func(error)) bool {
	body, err := json.Marshal(payload)
	if err != nil {
		w.log.Error("alert dropped: it does not encode", "alert_id", id, "err", err)
		w.count("dropped")
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		w.log.Warn("alert dropped: webhook closed", "alert_id", id, "webhook", w.target)
		w.count("dropped")
		return false
	}
	select {
	case w.queue <- job{id: id, body: body, done: done}:
		return true
	default:
		w.log.Warn("alert dropped: queue full", "alert_id", id, "webhook", w.target, "queue_size", w.cfg.QueueSize)
		w.count("dropped")
		return false
	}
}

// Close stops taking alerts and delivers those queued until ctx ends; then
// it abandons the rest (their done functions get ErrClosed) and says how
// many were left.
func (w *Webhook) Close(ctx context.Context) error {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.queue)
	}
	w.mu.Unlock()
	select {
	case <-w.done:
		return nil
	case <-ctx.Done():
	}
	left := len(w.queue) + 1 // and the one in hand
	w.cancel()
	<-w.done
	return fmt.Errorf("alert: webhook %s closed with up to %d alerts undelivered: %w", w.target, left, ctx.Err())
}

func (w *Webhook) count(result string) {
	if w.m != nil {
		w.m.WithLabelValues(result).Inc()
	}
}

func (w *Webhook) run() {
	defer close(w.done)
	defer w.cancel()
	for j := range w.queue {
		err := w.deliver(w.stop, j)
		switch {
		case err == nil:
			w.count("delivered")
			w.log.Info("alert delivered", "alert_id", j.id, "webhook", w.target)
		case w.stop.Err() != nil:
			err = fmt.Errorf("%w: %w", ErrClosed, err)
			w.count("dropped")
			w.log.Warn("alert not delivered: webhook closed", "alert_id", j.id, "webhook", w.target)
		default:
			w.count("failed")
			w.log.Error("alert not delivered", "alert_id", j.id, "webhook", w.target, "err", err)
		}
		if j.done != nil {
			j.done(err)
		}
	}
}

// permanentError is an answer that another attempt would not change.
type permanentError struct{ error }

// deliver tries j until it is delivered, refused, or out of attempts.
func (w *Webhook) deliver(ctx context.Context, j job) error {
	for attempt := 1; ; attempt++ {
		retryAfter, err := w.post(ctx, j)
		if err == nil {
			return nil
		}
		var perm permanentError
		if errors.As(err, &perm) || attempt >= w.cfg.MaxAttempts || ctx.Err() != nil {
			return fmt.Errorf("alert %s: attempt %d: %w", j.id, attempt, err)
		}
		wait := w.backoff(attempt)
		if retryAfter > wait {
			wait = min(retryAfter, w.cfg.RetryCap)
		}
		w.log.Warn("alert not delivered, will retry", "alert_id", j.id, "webhook", w.target, "attempt", attempt, "wait", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("alert %s: attempt %d: %w", j.id, attempt, err)
		}
	}
}

// backoff is the wait after the attempt-th failure: RetryBase doubled per
// attempt, at most RetryCap, between half and all of it (jitter, so that
// processes alerting at once do not retry at once).
func (w *Webhook) backoff(attempt int) time.Duration {
	d := w.cfg.RetryBase << min(attempt-1, 30)
	if d <= 0 || d > w.cfg.RetryCap {
		d = w.cfg.RetryCap
	}
	return d/2 + rand.N(d/2+1)
}

// post makes one attempt. It returns the wait a 429 or 503 asked for.
func (w *Webhook) post(ctx context.Context, j job) (retryAfter time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.URL, bytes.NewReader(j.body))
	if err != nil {
		return 0, permanentError{errors.New("request not made")}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "kouryu-alert")
	req.Header.Set("Idempotency-Key", j.id)
	res, err := w.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			// The error quotes the URL, and with it the webhook's secret.
			return 0, fmt.Errorf("post to %s: %w", w.target, ue.Err)
		}
		return 0, fmt.Errorf("post to %s: %w", w.target, err)
	}
	defer res.Body.Close()
	// Drain a little so the connection is reused; the answer is not read.
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	switch {
	case res.StatusCode >= 200 && res.StatusCode < 300:
		return 0, nil
	case res.StatusCode == http.StatusTooManyRequests || res.StatusCode == http.StatusServiceUnavailable:
		if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && s > 0 {
			retryAfter = time.Duration(s) * time.Second
		}
		return retryAfter, fmt.Errorf("%s answered %s", w.target, res.Status)
	case res.StatusCode == http.StatusRequestTimeout || res.StatusCode >= 500:
		return 0, fmt.Errorf("%s answered %s", w.target, res.Status)
	default:
		return 0, permanentError{fmt.Errorf("%s answered %s", w.target, res.Status)}
	}
}
