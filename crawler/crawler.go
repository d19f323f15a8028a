package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/crawler/fetch"
	"kouryu/internal/event"
)

// DefaultUserAgent names the project and where to reach its maintainers.
const DefaultUserAgent = fetch.DefaultUserAgent

// Defaults of Config.
const (
	DefaultTimeout       = fetch.DefaultTimeout
	DefaultMaxBodySize   = fetch.DefaultMaxBodySize
	DefaultParallelism   = fetch.DefaultParallelism
	DefaultMaxRetries    = fetch.DefaultMaxRetries
	DefaultRetryBase     = fetch.DefaultRetryBase
	DefaultRetryCap      = fetch.DefaultRetryCap
	DefaultMaxRetryAfter = fetch.DefaultMaxRetryAfter
	// DefaultMaxCrawlTime is how long one crawl of one source may run.
	DefaultMaxCrawlTime = time.Hour
	maxRedirects        = fetch.MaxRedirects
)

// ErrPrivateAddress is wrapped by the fetch error of a request that would
// reach a loopback, private, link-local or otherwise non-public address while
// Config.AllowPrivate is false.
var ErrPrivateAddress = fetch.ErrPrivateAddress

// errBudget stops a crawl that has used its source's max_pages.
var errBudget = errors.New("max_pages reached")

// Config sets up a Crawler. The zero value is usable: every zero field takes
// the default named beside it.
type Config struct {
	// AllowPrivate lets the crawler reach loopback and private addresses
	// (tests, demos, intranet sources). Off, every dial is checked against
	// the address actually dialled, so DNS rebinding and redirects are covered.
	AllowPrivate bool
	UserAgent    string        // default DefaultUserAgent
	Timeout      time.Duration // per request (each redirect hop), body included; default DefaultTimeout
	MaxBodySize  int           // bytes read of a response, default DefaultMaxBodySize
	Parallelism  int           // concurrent requests per host, default DefaultParallelism
	// MaxRetries is how often one URL is tried again after a 429, a 5xx or
	// a timeout; 0 means DefaultMaxRetries, negative means never.
	MaxRetries int
	// RetryBase is the first backoff, doubled per retry and jittered;
	// default DefaultRetryBase. RetryCap bounds it; default DefaultRetryCap.
	RetryBase, RetryCap time.Duration
	// MaxRetryAfter is the longest Retry-After waited for; beyond it the URL
	// is given up this crawl with a problem. Default DefaultMaxRetryAfter.
	MaxRetryAfter time.Duration
	// MaxCrawlTime is the deadline of one crawl of one source: past it the
	// crawl stops, keeps what it published and fails with a problem saying
	// so. Default DefaultMaxCrawlTime.
	MaxCrawlTime time.Duration
	// Now is the clock: fetch times and the reference for dates without a
	// year. Default time.Now.
	Now func() time.Time
	// Metrics, when set, receives the crawler's metrics
	// (kouryu_crawler_*); nil counts nothing. Crawlers given one registry
	// share its metrics.
	Metrics prometheus.Registerer
	// Progress, when set, is called as a crawl advances, from the crawl's
	// goroutines but one call at a time per crawl, and a last time with
	// Done set. It must return quickly: the crawl waits for it.
	Progress func(source string, p Progress)
}

// fetchConfig is the part of c the fetch client takes, defaults applied.
func (c Config) fetchConfig() fetch.Config {
	return fetch.Config{
		UserAgent: c.UserAgent, Timeout: c.Timeout, MaxBodySize: c.MaxBodySize, Parallelism: c.Parallelism,
		MaxRetries: c.MaxRetries, RetryBase: c.RetryBase, RetryCap: c.RetryCap, MaxRetryAfter: c.MaxRetryAfter,
		AllowPrivate: c.AllowPrivate,
	}.WithDefaults()
}

// Validate reports every fault of c; zero fields are fine (they take defaults).
func (c Config) Validate() error {
	faults := fetch.Config{
		UserAgent: c.UserAgent, Timeout: c.Timeout, MaxBodySize: c.MaxBodySize, Parallelism: c.Parallelism,
		MaxRetries: c.MaxRetries, RetryBase: c.RetryBase, RetryCap: c.RetryCap, MaxRetryAfter: c.MaxRetryAfter,
	}.Validate()
	if c.MaxCrawlTime < 0 {
		faults = append(faults, fmt.Sprintf("max crawl time %v is negative", c.MaxCrawlTime))
	}
	if len(faults) > 0 {
		return fmt.Errorf("crawler config: %s", strings.Join(faults, "; "))
	}
	return nil
}

// Publisher takes the events a crawl finds. Crawl calls it from one goroutine.
type Publisher interface {
	Publish(ctx context.Context, e event.Event) error
}

// Report is the outcome of one crawl of one source.
type Report struct {
	Source string
	Pages  int // pages fetched and read (list + detail)
	Events int // events published
	// Unchanged counts events found that were not published because they
	// are as last published (incremental crawls only).
	Unchanged int
	// NotModified counts event pages answered 304 to a conditional request.
	NotModified     int
	Errors          int // fetches and publishes that failed
	UnreadableDates int // event blocks whose date was missing or unreadable
	// Fill counts the events found (published or unchanged) that have
	// each field: a field most events had and few have now is a selector
	// that matches the wrong element (drift.go).
	Fill Fill
	// Problems lists what an operator must see: selectors that matched
	// nothing, dates that could not be read, fetch errors with URL and status.
	Problems []string
	// Refused counts what kind auto found and left out; Refusals names the
	// first maxProblems of them with the reason.
	Refused  int
	Refusals []Refusal
	// Dropped counts the events found and left out: those of a nationwide
	// source held outside Osaka prefecture. Flagged counts the events
	// published with a doubt to check: a nationwide source's event that
	// names no place, a start its own text contradicts. DroppedEvents and
	// FlaggedEvents name each, with the reason, up to maxNotes.
	Dropped, Flagged             int
	DroppedEvents, FlaggedEvents []EventNote
	Started                      time.Time
	Finished                     time.Time
}

// Crawler crawls sources, each crawl with a fresh fetch client (and so a
// fresh Colly collector). It is safe for concurrent use by several crawls.
type Crawler struct {
	cfg   Config
	fetch fetch.Config // cfg's fetch settings, defaults applied
	log   *slog.Logger
	// dialed, when set (tests), sees every address the dial hook was asked
	// for and whether it refused it.
	dialed func(address string, refused bool)
	// exempt, when set (tests), lets the dial hook pass these exact
	// addresses although they are private.
	exempt map[string]bool
	m      *crawlMetrics // nil: no metrics
}

// New returns a Crawler for cfg, whose zero fields take their defaults.
func New(cfg Config, log *slog.Logger) (*Crawler, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m, err := newCrawlMetrics(cfg.Metrics)
	if err != nil {
		return nil, err
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxCrawlTime == 0 {
		cfg.MaxCrawlTime = DefaultMaxCrawlTime
	}
	fc := cfg.fetchConfig()
	cfg.UserAgent, cfg.Timeout, cfg.MaxBodySize, cfg.Parallelism = fc.UserAgent, fc.Timeout, fc.MaxBodySize, fc.Parallelism
	return &Crawler{cfg: cfg, fetch: fc, log: log, m: m}, nil
}

// Crawl fetches src once and publishes every event it finds to pub. It
// returns an error only when the source could not be crawled at all (an
// invalid source, a kind not implemented, no list page could be fetched, ctx
// cancelled, Config.MaxCrawlTime reached); the Report is filled either way. A
// malformed page, a failed detail page or an unreadable date is a problem in
// the Report, not an error.
func (c *Crawler) Crawl(ctx context.Context, src Source, pub Publisher) (Report, error) {
	return c.crawl(ctx, src, pub, nil)
}

// CrawlIncremental is Crawl remembering what earlier crawls saw in st (shared
// by every crawler process): event pages are fetched conditionally, and an
// event is published only when its content changed since it was last
// published; the others count in Report.Unchanged. A nil st is Crawl.
func (c *Crawler) CrawlIncremental(ctx context.Context, src Source, pub Publisher, st State) (Report, error) {
	return c.crawl(ctx, src, pub, st)
}

func (c *Crawler) crawl(parent context.Context, src Source, pub Publisher, st State) (rep Report, err error) {
	rep = Report{Source: src.ID, Started: c.cfg.Now()}
	defer func() { rep.Finished = c.cfg.Now() }()
	src.applyDefaults()
	if err := src.Validate(); err != nil {
		return rep, fmt.Errorf("crawl source %q: %w", src.ID, err)
	}
	// Every wait and every request of the crawl ends at its deadline.
	ctx, cancel := context.WithTimeout(parent, c.cfg.MaxCrawlTime)
	defer cancel()
	s, err := c.newSession(ctx, &src, &rep)
	if err != nil {
		return rep, fmt.Errorf("crawl source %q: %w", src.ID, err)
	}
	s.mem = newMemory(st, src.ID, c.log, c.cfg.Now)
	defer s.close()
	if src.Kind == KindHTML || src.Kind == KindAuto {
		err = s.run(ctx, pub) // htmlcrawl.go
	} else {
		dp := &dedupPublisher{mem: s.mem, pub: pub}
		err = s.runKind(ctx, dp) // kinds.go
		dp.mu.Lock()
		unchanged := dp.unchanged
		dp.mu.Unlock()
		s.mu.Lock()
		rep.Events -= unchanged
		rep.Unchanged += unchanged
		s.mu.Unlock()
	}
	if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		// Stopped by its own deadline, not by the caller: what was
		// published stays, and the operator is told why the rest is not.
		s.problem("crawl stopped at its deadline of %s: the pages not read yet were left", c.cfg.MaxCrawlTime)
		err = fmt.Errorf("crawl source %q: stopped at its deadline of %s: %w", src.ID, c.cfg.MaxCrawlTime, context.DeadlineExceeded)
	}
	s.notify(true)
	rep.Finished = c.cfg.Now()
	c.m.crawled(rep, err, parent.Err() != nil)
	// One line per crawl, whatever happened in it: a page that failed is a
	// problem of the report (sources check and status list them), and
	// a source that could not be crawled at all is this line, at warn, with
	// why. Without internet an operator then sees one line per source.
	attrs := []any{"source", src.ID, "pages", rep.Pages, "events", rep.Events,
		"unchanged", rep.Unchanged, "not_modified", rep.NotModified,
		"errors", rep.Errors, "unreadable_dates", rep.UnreadableDates, "refused", rep.Refused,
		"dropped", rep.Dropped, "flagged", rep.Flagged, "problems", len(rep.Problems)}
	switch {
	case err != nil && parent.Err() == nil:
		c.log.Warn("crawl failed", append(attrs, "err", err)...)
	case rep.Errors > 0:
		c.log.Warn("crawl finished with errors", attrs...)
	default:
		c.log.Info("crawl finished", attrs...)
	}
	return rep, err
}
