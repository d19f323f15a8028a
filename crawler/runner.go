package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/alert"
	"kouryu/internal/bus"
	"kouryu/internal/event"
)

// The crawl stage: crawls scheduled across processes.
//
// Each source has a Health record in the KV bucket bus.BucketHealth. A
// source is due at its last start plus its `every` (at once when never
// crawled). A scheduler runs in every Runner.Run: each ScheduleTick it
// enqueues a job for every due source that has no job waiting or running,
// with the Nats-Msg-Id <source>@<due unix>, so two schedulers store one job.
// The jobs stream is a work queue: one worker gets a job. Before crawling,
// the worker takes a lease on the source's record with a compare-and-set
// write and renews it while it crawls: a job that is a stale duplicate (the
// crawl for its due time already ran) or whose source is leased by another
// process is acked and skipped, so no source is crawled by two processes at
// once. After the crawl the worker writes the report into the record
// (releasing the lease); a worker that dies leaves a lease that lapses after
// Lease, and its job is redelivered after the ack wait.

// Defaults of RunnerConfig.
const (
	DefaultScheduleTick = 15 * time.Second
	DefaultLease        = 2 * time.Minute
	// DefaultSourcesAtOnce bounds how many sources one process crawls at
	// once; each source is polite to its own hosts on its own.
	DefaultSourcesAtOnce = 4
)

// Bus is what the Runner needs of NATS: its KV buckets, the crawl jobs and
// a publisher of raw events.
type Bus interface {
	KV(ctx context.Context, bucket string) (*bus.KV, error)
	EnsureJobs(ctx context.Context) error
	EnqueueCrawl(ctx context.Context, job bus.CrawlJob) (bool, error)
	ConsumeCrawlJobs(ctx context.Context, cfg bus.JobsConfig, h bus.JobHandler) error
	Publish(ctx context.Context, msgs ...bus.Outgoing) error
}

// RunnerConfig sets a Runner. The zero value is usable.
type RunnerConfig struct {
	// Jobs sets the consumer of crawl jobs; Jobs.Workers (sources crawled at
	// once by this process) defaults to DefaultSourcesAtOnce.
	Jobs bus.JobsConfig
	// ScheduleTick is how often the scheduler looks for due sources;
	// default DefaultScheduleTick.
	ScheduleTick time.Duration
	// Lease is how long a source's lease lasts unless renewed (it is
	// renewed every third of it); default DefaultLease.
	Lease time.Duration
	// Worker names this process in the leases; default host:pid.
	Worker string
	// Now is the clock of the leases and the schedule; default time.Now.
	Now func() time.Time
	// Alerts, when set, receives an Alert when a source turns unhealthy
	// and when it recovers (alerts.go); nil sends none.
	Alerts *alert.Webhook
	// Metrics, when set, receives the sources' health at each scrape
	// (kouryu_crawler_source_unhealthy, _field_fill_ratio and the like,
	// read from the health records); nil exports none.
	Metrics prometheus.Registerer
}

func (c RunnerConfig) withDefaults() RunnerConfig {
	if c.Jobs.Workers == 0 {
		c.Jobs.Workers = DefaultSourcesAtOnce
	}
	if c.ScheduleTick == 0 {
		c.ScheduleTick = DefaultScheduleTick
	}
	if c.Lease == 0 {
		c.Lease = DefaultLease
	}
	if c.Worker == "" {
		host, _ := os.Hostname()
		c.Worker = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Runner is the crawl stage: it crawls its sources incrementally, publishes
// their events on kouryu.raw.<source> (Nats-Msg-Id the event's MsgID) and
// keeps each source's Health, under a lease that keeps two processes from
// crawling one source at once.
type Runner struct {
	b    Bus
	cr   *Crawler
	srcs []Source
	byID map[string]Source
	cfg  RunnerConfig
	log  *slog.Logger
	pub  Publisher

	openMu sync.Mutex
	state  *bus.KV // crawl state (bus.BucketCrawl); set by open
	health *bus.KV // health records (bus.BucketHealth); set by open
}

// NewRunner returns a Runner crawling srcs with cr.
func NewRunner(b Bus, cr *Crawler, srcs []Source, cfg RunnerConfig, log *slog.Logger) *Runner {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Runner{b: b, cr: cr, srcs: srcs, byID: map[string]Source{}, cfg: cfg.withDefaults(), log: log, pub: rawPublisher{b}}
	for _, s := range srcs {
		r.byID[s.ID] = s
	}
	return r
}

// open gets the KV buckets once, and registers the health metrics.
func (r *Runner) open(ctx context.Context) error {
	r.openMu.Lock()
	defer r.openMu.Unlock()
	if r.health != nil {
		return nil
	}
	state, err := r.b.KV(ctx, bus.BucketCrawl)
	if err != nil {
		return err
	}
	health, err := r.b.KV(ctx, bus.BucketHealth)
	if err != nil {
		return err
	}
	r.state, r.health = state, health
	return r.registerHealth()
}

// Run schedules the due sources and works crawl jobs, shared with the other
// processes' Runners, until ctx ends; the crawls in hand see ctx cancelled
// and record no report, only release their lease.
func (r *Runner) Run(ctx context.Context) error {
	if err := r.open(ctx); err != nil {
		return err
	}
	if err := r.b.EnsureJobs(ctx); err != nil {
		return err
	}
	r.log.Info("crawl stage started", "sources", len(r.srcs), "workers", r.cfg.Jobs.Workers, "worker", r.cfg.Worker)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.schedule(ctx)
	}()
	err := r.b.ConsumeCrawlJobs(ctx, r.cfg.Jobs, r.handle)
	wg.Wait()
	return err
}

// CrawlAll crawls every source once now (skipping one leased by another
// process), Jobs.Workers at a time, and returns how many failed.
func (r *Runner) CrawlAll(ctx context.Context) (failed int, err error) {
	if err := r.open(ctx); err != nil {
		return 0, err
	}
	sem := make(chan struct{}, r.cfg.Jobs.Workers)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, src := range r.srcs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return failed, nil
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			_, err := r.crawl(ctx, src, nil)
			switch {
			case err == nil, ctx.Err() != nil:
			case errors.Is(err, errSkip):
				r.log.Info("crawl skipped", "source", src.ID, "why", err)
			default:
				mu.Lock()
				failed++
				mu.Unlock()
				if !logged(err) {
					r.log.Warn("crawl failed", "source", src.ID, "err", err)
				}
			}
		}()
	}
	wg.Wait()
	return failed, nil
}

// errSkip says the job needs no crawl: done already, or running elsewhere.
var errSkip = errors.New("skip")

// claim takes the lease of id. With due set, a crawl that already ran for
// due is skipped. It returns the lease's start, which names it. A write
// that is not a lease (an alert's outcome, alerts.go) between the read and
// the write is read again.
func (r *Runner) claim(ctx context.Context, id string, due *time.Time) (time.Time, error) {
	for range 3 {
		h, rev, err := ReadHealth(ctx, r.health, id)
		if err != nil {
			return time.Time{}, err
		}
		now := r.cfg.Now()
		if h.Running(now) {
			return time.Time{}, fmt.Errorf("%w: crawled by %s since %s", errSkip, h.Worker, h.RunningSince.Format(time.RFC3339))
		}
		if due != nil && !h.LastStarted.IsZero() && !h.LastStarted.Before(*due) {
			return time.Time{}, fmt.Errorf("%w: crawled at %s already", errSkip, h.LastStarted.Format(time.RFC3339))
		}
		h.Source, h.RunningSince, h.LeaseUntil, h.Worker = id, now, now.Add(r.cfg.Lease), r.cfg.Worker
		if _, err := writeHealth(ctx, r.health, id, h, rev); !errors.Is(err, bus.ErrConflict) {
			return now, err
		}
	}
	return time.Time{}, fmt.Errorf("%w: another process claimed it first", errSkip)
}

// crawl crawls src under its lease and records the outcome. It returns
// errSkip (wrapped) when the source needs no crawl now.
func (r *Runner) crawl(ctx context.Context, src Source, due *time.Time) (Report, error) {
	since, err := r.claim(ctx, src.ID, due)
	if err != nil {
		return Report{Source: src.ID}, err
	}
	cctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.renew(cctx, src.ID, since)
	}()
	rep, err := r.cr.CrawlIncremental(ctx, src, r.pub, r.state)
	stop()
	wg.Wait()
	r.record(ctx, src, rep, err)
	if err != nil {
		err = loggedError{err}
	}
	return rep, err
}

// loggedError is the failure of a crawl, which the crawler has logged
// already with its figures: the runner and the job queue do not log it
// again, so that a source that fails is one line in the log.
type loggedError struct{ err error }

func (e loggedError) Error() string { return e.err.Error() }
func (e loggedError) Unwrap() error { return e.err }

// logged reports whether err was logged where it happened.
func logged(err error) bool {
	var le loggedError
	return errors.As(err, &le)
}

// renew renews the lease of id, taken at since, until ctx ends. The lease
// is still this crawl's while the record names this worker and since,
// whatever else was written into it meanwhile.
func (r *Runner) renew(ctx context.Context, id string, since time.Time) {
	t := time.NewTicker(r.cfg.Lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		h, cur, err := ReadHealth(ctx, r.health, id)
		if err != nil {
			r.log.Warn("lease not renewed", "source", id, "err", err)
			continue
		}
		if h.Worker != r.cfg.Worker || !h.RunningSince.Equal(since) {
			r.log.Warn("lease taken over by another process", "source", id, "worker", h.Worker)
			continue
		}
		h.LeaseUntil = r.cfg.Now().Add(r.cfg.Lease)
		if _, err := writeHealth(ctx, r.health, id, h, cur); err != nil {
			r.log.Warn("lease not renewed", "source", id, "err", err)
		}
	}
}

// record writes the outcome of a crawl of src into its health record,
// releasing the lease, even while shutting down, and sends the alert a
// change of state calls for. A crawl cancelled by ctx records no report:
// only the lease is released, so the redelivered job crawls the source
// again.
func (r *Runner) record(ctx context.Context, src Source, rep Report, crawlErr error) {
	id := src.ID
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for range 5 {
		h, cur, err := ReadHealth(wctx, r.health, id)
		if err != nil {
			r.log.Warn("health not recorded", "source", id, "err", err)
			return
		}
		wasHealthy := h.Healthy()
		send, now := "", r.cfg.Now()
		if ctx.Err() != nil {
			h.RunningSince, h.LeaseUntil, h.Worker = time.Time{}, time.Time{}, ""
		} else {
			h = h.Finished(rep, crawlErr)
			if r.cfg.Alerts != nil {
				// Claimed in the same compare-and-set write as the
				// report: one process alerts the transition.
				if send = h.alertDue(now); send != "" {
					h.AlertSending, h.AlertSendingSince = send, now
				}
			}
		}
		_, err = writeHealth(wctx, r.health, id, h, cur)
		if err == nil {
			switch {
			case ctx.Err() != nil:
			case !h.Healthy():
				r.log.Warn("source unhealthy", "source", id, "reasons", strings.Join(h.Reasons, "; "),
					"since", h.Since.Format(time.RFC3339))
			case !wasHealthy:
				r.log.Info("source healthy again", "source", id, "events", h.Yield())
			}
			if send != "" {
				r.alert(src, h, send, now)
			}
			return
		}
		if !errors.Is(err, bus.ErrConflict) {
			r.log.Warn("health not recorded", "source", id, "err", err)
			return
		}
	}
}

// schedule enqueues the due sources now and every ScheduleTick.
func (r *Runner) schedule(ctx context.Context) {
	t := time.NewTicker(r.cfg.ScheduleTick)
	defer t.Stop()
	for {
		r.enqueueDue(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (r *Runner) enqueueDue(ctx context.Context) {
	now := r.cfg.Now()
	for _, src := range r.srcs {
		if ctx.Err() != nil {
			return
		}
		h, _, err := ReadHealth(ctx, r.health, src.ID)
		if err != nil {
			if ctx.Err() == nil {
				r.log.Warn("schedule: health unreadable", "source", src.ID, "err", err)
			}
			continue
		}
		due := h.Due(src.Every)
		if h.Running(now) || now.Before(due) {
			continue
		}
		if _, err := r.b.EnqueueCrawl(ctx, bus.CrawlJob{Source: src.ID, Due: due}); err != nil && ctx.Err() == nil {
			r.log.Warn("schedule: job not enqueued", "source", src.ID, "err", err)
		}
	}
}

// handle is the job handler: crawl the job's source unless it needs none.
func (r *Runner) handle(ctx context.Context, job bus.CrawlJob) error {
	src, ok := r.byID[job.Source]
	if !ok {
		r.log.Warn("crawl job for a source not in this process's list, dropped", "source", job.Source)
		return nil
	}
	_, err := r.crawl(ctx, src, &job.Due)
	if errors.Is(err, errSkip) {
		r.log.Debug("crawl job skipped", "source", job.Source, "why", err)
		return nil
	}
	if logged(err) && ctx.Err() == nil {
		// Done, and failed: logged and recorded in the source's health.
		// Shutting down, the error goes back so that the job is handed on.
		return nil
	}
	return err
}

// rawPublisher sends the crawler's events to kouryu.raw.<source>.
type rawPublisher struct{ b Bus }

func (p rawPublisher) Publish(ctx context.Context, e event.Event) error {
	data, err := event.Encode(&e)
	if err != nil {
		return fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	return p.b.Publish(ctx, bus.Outgoing{Subject: event.RawSubject(e.Source), MsgID: e.MsgID(), Data: data})
}
