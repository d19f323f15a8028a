package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"kouryu/crawler"
	"kouryu/internal/bus"
)

// Crawl scheduling across processes.
//
// Each source has a crawler.Health record in the KV bucket KOURYU_HEALTH. A
// source is due at its last start plus its `every` (at once when never
// crawled). A scheduler runs in every `kouryu crawl --loop` and `kouryu run`
// process: each scheduleTick it enqueues a job for every due source that has
// no job waiting or running, with the Nats-Msg-Id <source>@<due unix>, so two
// schedulers store one job. The jobs stream is a work queue: one worker gets a
// job. Before crawling, the worker takes a lease on the source's record with
// a compare-and-set write and renews it while it crawls: a job that is a
// stale duplicate (the crawl for its due time already ran) or whose source is
// leased by another process is acked and skipped, so no source is crawled
// by two processes at once. After the crawl the worker writes the report
// into the record (releasing the lease); a worker that dies leaves a lease
// that lapses after crawlLease, and its job is redelivered after the ack wait.
const (
	scheduleTick = 15 * time.Second
	crawlLease   = 2 * time.Minute
)

// crawlRunner crawls sources incrementally and keeps their health.
type crawlRunner struct {
	b      *bus.Bus
	cr     *crawler.Crawler
	srcs   []crawler.Source
	byID   map[string]crawler.Source
	state  *bus.KV
	health *bus.KV
	pub    crawler.Publisher
	log    *slog.Logger
	worker string
	now    func() time.Time
	lease  time.Duration
}

func newCrawlRunner(ctx context.Context, b *bus.Bus, cr *crawler.Crawler, srcs []crawler.Source, log *slog.Logger) (*crawlRunner, error) {
	state, err := b.KV(ctx, bus.BucketCrawl)
	if err != nil {
		return nil, err
	}
	health, err := b.KV(ctx, bus.BucketHealth)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	r := &crawlRunner{b: b, cr: cr, srcs: srcs, byID: map[string]crawler.Source{}, state: state, health: health,
		pub: rawPublisher{b}, log: log, worker: fmt.Sprintf("%s:%d", host, os.Getpid()), now: time.Now, lease: crawlLease}
	for _, s := range srcs {
		r.byID[s.ID] = s
	}
	return r, nil
}

// loadHealth reads the record of source id and its revision (0: none yet).
func loadHealth(ctx context.Context, kv *bus.KV, id string) (crawler.Health, uint64, error) {
	data, rev, err := kv.Entry(ctx, id)
	if err != nil || data == nil {
		return crawler.Health{Source: id}, rev, err
	}
	var h crawler.Health
	if err := json.Unmarshal(data, &h); err != nil {
		// Overwritten by the next crawl; the revision keeps the CAS right.
		return crawler.Health{Source: id}, rev, nil
	}
	return h, rev, nil
}

// errSkip says the job needs no crawl: done already, or running elsewhere.
var errSkip = errors.New("skip")

// claim takes the lease of id. With due set, a crawl that already ran for
// due is skipped. It returns the revision of the leased record.
func (r *crawlRunner) claim(ctx context.Context, id string, due *time.Time) (uint64, error) {
	h, rev, err := loadHealth(ctx, r.health, id)
	if err != nil {
		return 0, err
	}
	now := r.now()
	if h.Running(now) {
		return 0, fmt.Errorf("%w: crawled by %s since %s", errSkip, h.Worker, h.RunningSince.Format(time.RFC3339))
	}
	if due != nil && !h.LastStarted.IsZero() && !h.LastStarted.Before(*due) {
		return 0, fmt.Errorf("%w: crawled at %s already", errSkip, h.LastStarted.Format(time.RFC3339))
	}
	h.Source, h.RunningSince, h.LeaseUntil, h.Worker = id, now, now.Add(r.lease), r.worker
	rev, err = r.putHealth(ctx, id, h, rev)
	if errors.Is(err, bus.ErrConflict) {
		return 0, fmt.Errorf("%w: another process claimed it first", errSkip)
	}
	return rev, err
}

func (r *crawlRunner) putHealth(ctx context.Context, id string, h crawler.Health, rev uint64) (uint64, error) {
	data, err := json.Marshal(h)
	if err != nil {
		return 0, fmt.Errorf("encode health of %s: %w", id, err)
	}
	return r.health.Update(ctx, id, data, rev)
}

// crawl crawls src under its lease and records the outcome. It returns
// errSkip (wrapped) when the source needs no crawl now.
func (r *crawlRunner) crawl(ctx context.Context, src crawler.Source, due *time.Time) (crawler.Report, error) {
	rev, err := r.claim(ctx, src.ID, due)
	if err != nil {
		return crawler.Report{Source: src.ID}, err
	}
	// Renew the lease while the crawl runs.
	cctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var mu sync.Mutex
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(r.lease / 3)
		defer t.Stop()
		for {
			select {
			case <-cctx.Done():
				return
			case <-t.C:
			}
			h, cur, err := loadHealth(cctx, r.health, src.ID)
			if err != nil {
				r.log.Warn("lease not renewed", "source", src.ID, "err", err)
				continue
			}
			mu.Lock()
			if cur != rev || h.Worker != r.worker {
				mu.Unlock()
				r.log.Warn("lease taken over by another process", "source", src.ID, "worker", h.Worker)
				continue
			}
			h.LeaseUntil = r.now().Add(r.lease)
			if n, err := r.putHealth(cctx, src.ID, h, cur); err == nil {
				rev = n
			} else {
				r.log.Warn("lease not renewed", "source", src.ID, "err", err)
			}
			mu.Unlock()
		}
	}()
	rep, err := r.cr.CrawlIncremental(ctx, src, r.pub, r.state)
	stop()
	wg.Wait()

	// Record the outcome, even while shutting down.
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for attempt := 0; attempt < 5; attempt++ {
		h, cur, lerr := loadHealth(wctx, r.health, src.ID)
		if lerr != nil {
			r.log.Warn("health not recorded", "source", src.ID, "err", lerr)
			break
		}
		if ctx.Err() != nil {
			// Cancelled: no report, only the lease is released, so
			// the redelivered job crawls it again.
			h.RunningSince, h.LeaseUntil, h.Worker = time.Time{}, time.Time{}, ""
		} else {
			h = h.Finished(rep, err)
			h.Source = src.ID
			if h.Warning != "" {
				r.log.Warn("source yield dropped", "source", src.ID, "warning", h.Warning, "yields", h.Yields)
			}
		}
		if _, perr := r.putHealth(wctx, src.ID, h, cur); perr == nil {
			break
		} else if !errors.Is(perr, bus.ErrConflict) {
			r.log.Warn("health not recorded", "source", src.ID, "err", perr)
			break
		}
	}
	return rep, err
}

// crawlAll crawls every source once now (skipping one leased by another
// process) and returns how many failed.
func (r *crawlRunner) crawlAll(ctx context.Context) int {
	sem := make(chan struct{}, maxConcurrentSources)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for _, src := range r.srcs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return failed
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
				r.log.Warn("crawl failed", "source", src.ID, "err", err)
			}
		}()
	}
	wg.Wait()
	return failed
}

// loop schedules and works crawl jobs until ctx ends.
func (r *crawlRunner) loop(ctx context.Context, cfg bus.JobsConfig) error {
	if err := r.b.EnsureJobs(ctx); err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.schedule(ctx)
	}()
	err := r.b.ConsumeCrawlJobs(ctx, cfg, r.handle)
	wg.Wait()
	return err
}

// schedule enqueues the due sources now and every scheduleTick.
func (r *crawlRunner) schedule(ctx context.Context) {
	t := time.NewTicker(scheduleTick)
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

func (r *crawlRunner) enqueueDue(ctx context.Context) {
	now := r.now()
	for _, src := range r.srcs {
		h, _, err := loadHealth(ctx, r.health, src.ID)
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
func (r *crawlRunner) handle(ctx context.Context, job bus.CrawlJob) error {
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
	return err
}
