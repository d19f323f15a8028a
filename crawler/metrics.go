package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/bus"
	"kouryu/internal/metrics"
)

// Progress is how far one crawl has come. Every field only grows during a
// crawl, except PagesQueued.
type Progress struct {
	// PagesDone counts the pages fetched: read (Report.Pages) or answered
	// 304 (Report.NotModified).
	PagesDone int
	// PagesQueued counts what is known and still to be read: list pages
	// and list items waiting for their event page (kinds html and auto;
	// the other kinds do not know ahead and report 0). 0 when Done.
	PagesQueued int
	// Events counts the events found: published plus unchanged.
	Events int
	// Errors is Report.Errors so far.
	Errors int
	// Done is set on the last call of a crawl, whose values equal its Report.
	Done bool
}

// crawlMetrics are the crawler's Prometheus metrics; a nil *crawlMetrics
// counts nothing.
type crawlMetrics struct {
	pages      *prometheus.CounterVec
	events     *prometheus.CounterVec
	unreadable *prometheus.CounterVec
	crawls     *prometheus.CounterVec
	last       *prometheus.GaugeVec
}

// newCrawlMetrics registers the metrics on reg; nil reg gives nil. Metrics
// registered already (a second Crawler on one registry) are shared.
func newCrawlMetrics(reg prometheus.Registerer) (*crawlMetrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &crawlMetrics{
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_crawler_pages_total",
			Help: "HTTP responses of crawls by source and status: 2xx..5xx, not_modified (304), error (no response), robots (refused by robots.txt, not requested). Retries and redirect hops count each.",
		}, []string{"source", "status"}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_crawler_events_total",
			Help: "Events found by crawls by source and result: published, or unchanged since last published.",
		}, []string{"source", "result"}),
		unreadable: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_crawler_unreadable_dates_total",
			Help: "Event blocks left out because their date was missing or unreadable, by source.",
		}, []string{"source"}),
		crawls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_crawler_crawls_total",
			Help: "Crawls by source and outcome: ok, failed (nothing could be crawled), cancelled.",
		}, []string{"source", "outcome"}),
		last: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "kouryu_crawler_last_crawl_timestamp_seconds",
			Help: "When the last crawl of a source that was not cancelled finished, as a Unix time.",
		}, []string{"source"}),
	}
	var err error
	if m.pages, err = metrics.Register(reg, m.pages); err != nil {
		return nil, err
	}
	if m.events, err = metrics.Register(reg, m.events); err != nil {
		return nil, err
	}
	if m.unreadable, err = metrics.Register(reg, m.unreadable); err != nil {
		return nil, err
	}
	if m.crawls, err = metrics.Register(reg, m.crawls); err != nil {
		return nil, err
	}
	if m.last, err = metrics.Register(reg, m.last); err != nil {
		return nil, err
	}
	return m, nil
}

// page counts one response (or its absence) of source.
func (m *crawlMetrics) page(source string, status int, err error) {
	if m == nil {
		return
	}
	m.pages.WithLabelValues(source, statusClass(status, err)).Inc()
}

// robots counts a page robots.txt refused.
func (m *crawlMetrics) robots(source string) {
	if m == nil {
		return
	}
	m.pages.WithLabelValues(source, "robots").Inc()
}

func statusClass(status int, err error) string {
	switch {
	case err != nil || status == 0:
		return "error"
	case status == http.StatusNotModified:
		return "not_modified"
	default:
		return fmt.Sprintf("%dxx", status/100)
	}
}

// crawled counts a finished crawl.
func (m *crawlMetrics) crawled(rep Report, err error, cancelled bool) {
	if m == nil {
		return
	}
	src := rep.Source
	m.events.WithLabelValues(src, "published").Add(float64(rep.Events))
	m.events.WithLabelValues(src, "unchanged").Add(float64(rep.Unchanged))
	m.unreadable.WithLabelValues(src).Add(float64(rep.UnreadableDates))
	switch {
	case cancelled:
		m.crawls.WithLabelValues(src, "cancelled").Inc()
		return
	case err != nil:
		m.crawls.WithLabelValues(src, "failed").Inc()
	default:
		m.crawls.WithLabelValues(src, "ok").Inc()
	}
	m.last.WithLabelValues(src).Set(float64(rep.Finished.UnixNano()) / 1e9)
}

// notify calls Config.Progress when the crawl's counts changed since the
// last call (always when final). Calls are serialised, so what the callback
// sees only grows. It must not be called with s.mu held.
func (s *session) notify(final bool) {
	if s.cfg.Progress == nil {
		return
	}
	s.progMu.Lock()
	defer s.progMu.Unlock()
	s.mu.Lock()
	p := Progress{
		PagesDone:   s.rep.Pages + s.rep.NotModified,
		PagesQueued: s.queued,
		Events:      s.rep.Events + s.rep.Unchanged,
		Errors:      s.rep.Errors,
		Done:        final,
	}
	s.mu.Unlock()
	if final {
		p.PagesQueued = 0
	}
	if p == s.lastProgress && !final {
		return
	}
	s.lastProgress = p
	s.cfg.Progress(s.src.ID, p)
}

// healthCollector exports the sources' health, read from their records at
// each scrape, so that every crawler process reports the same values
// whichever process crawled a source last:
//
//	kouryu_crawler_source_unhealthy{source}        1 when a check fails, else 0
//	kouryu_crawler_check_failed{source,check}      1 for each check failing, 0 for the others
//	kouryu_crawler_events_found{source}            events found by the last crawl
//	kouryu_crawler_dates_read_ratio{source}        dates read of those attempted, last crawl
//	kouryu_crawler_field_fill_ratio{source,field}  events with the field of those found, last crawl
//
// The ratios are of the last crawl that did not fail, when it had something
// to take them of (no fill ratio after a crawl that found no event); a
// source never crawled reports nothing.
type healthCollector struct {
	kv        *bus.KV
	srcs      []Source
	log       *slog.Logger
	unhealthy *prometheus.Desc
	check     *prometheus.Desc
	found     *prometheus.Desc
	dates     *prometheus.Desc
	fill      *prometheus.Desc
}

// healthChecks are the checks kouryu_crawler_check_failed reports.
func healthChecks() []string {
	checks := []string{CheckFailed, CheckYield, CheckDates}
	for _, ff := range FillFields {
		checks = append(checks, ff.Key)
	}
	return checks
}

// registerHealth registers the health collector on RunnerConfig.Metrics,
// once per registry.
func (r *Runner) registerHealth() error {
	if r.cfg.Metrics == nil {
		return nil
	}
	c := &healthCollector{
		kv: r.health, srcs: r.srcs, log: r.log,
		unhealthy: prometheus.NewDesc("kouryu_crawler_source_unhealthy", "1 when a check of the source fails (kouryu status names why), else 0.", []string{"source"}, nil),
		check:     prometheus.NewDesc("kouryu_crawler_check_failed", "1 when the check fails for the source: failed (crawls in a row), yield, dates, or a field's fill rate; else 0.", []string{"source", "check"}, nil),
		found:     prometheus.NewDesc("kouryu_crawler_events_found", "Events the last crawl of the source found (published plus unchanged).", []string{"source"}, nil),
		dates:     prometheus.NewDesc("kouryu_crawler_dates_read_ratio", "Share of the event blocks whose date the last crawl of the source could read.", []string{"source"}, nil),
		fill:      prometheus.NewDesc("kouryu_crawler_field_fill_ratio", "Share of the events found by the last crawl of the source that have the field.", []string{"source", "field"}, nil),
	}
	if err := r.cfg.Metrics.Register(c); err != nil {
		if errors.As(err, new(prometheus.AlreadyRegisteredError)) {
			return nil
		}
		return fmt.Errorf("register health metrics: %w", err)
	}
	return nil
}

// Describe implements prometheus.Collector.
func (c *healthCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.unhealthy
	ch <- c.check
	ch <- c.found
	ch <- c.dates
	ch <- c.fill
}

// Collect implements prometheus.Collector. A record that cannot be read in
// time is left out, with a log line.
func (c *healthCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), bus.DefaultCollectTimeout)
	defer cancel()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	for _, src := range c.srcs {
		h, _, err := ReadHealth(ctx, c.kv, src.ID)
		if err != nil {
			c.log.Warn("metrics: health unreadable", "source", src.ID, "err", err)
			continue
		}
		if len(h.History) == 0 {
			continue
		}
		gauge(c.unhealthy, b2f(!h.Healthy()), src.ID)
		for _, ck := range healthChecks() {
			gauge(c.check, b2f(slices.Contains(h.Flags, ck)), src.ID, ck)
		}
		gauge(c.found, float64(h.Yield()), src.ID)
		for _, rec := range slices.Backward(h.History) {
			if rec.Failed {
				continue
			}
			if read, of := rec.DatesRead(); of > 0 {
				gauge(c.dates, float64(read)/float64(of), src.ID)
			}
			if rec.Events > 0 {
				for _, ff := range FillFields {
					gauge(c.fill, float64(ff.Count(rec.Fill))/float64(rec.Events), src.ID, ff.Key)
				}
			}
			break
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
