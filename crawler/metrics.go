package crawler

import (
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

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
