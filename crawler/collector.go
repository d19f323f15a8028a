package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"

	"kouryu/internal/event"
)

// DefaultUserAgent names the project and where to reach its maintainers.
const DefaultUserAgent = "kouryu/0.1 (+https://github.com/kouryu/kouryu)"

// Defaults of Config.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultMaxBodySize = 5 << 20
	DefaultParallelism = 1
	maxRedirects       = 5
)

// ErrPrivateAddress is wrapped by the fetch error of a request that would
// reach a loopback, private, link-local or otherwise non-public address while
// Config.AllowPrivate is false.
var ErrPrivateAddress = errors.New("crawler: private address refused (--allow-private permits it)")

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

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBodySize == 0 {
		c.MaxBodySize = DefaultMaxBodySize
	}
	if c.Parallelism == 0 {
		c.Parallelism = DefaultParallelism
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	switch {
	case c.MaxRetries == 0:
		c.MaxRetries = DefaultMaxRetries
	case c.MaxRetries < 0:
		c.MaxRetries = 0
	}
	if c.RetryBase == 0 {
		c.RetryBase = DefaultRetryBase
	}
	if c.RetryCap == 0 {
		c.RetryCap = DefaultRetryCap
	}
	if c.MaxRetryAfter == 0 {
		c.MaxRetryAfter = DefaultMaxRetryAfter
	}
	return c
}

// Validate reports every fault of c; zero fields are fine (they take defaults).
func (c Config) Validate() error {
	var faults []string
	if strings.ContainsAny(c.UserAgent, "\r\n") {
		faults = append(faults, "user agent contains a line break")
	}
	if c.Timeout < 0 {
		faults = append(faults, fmt.Sprintf("timeout %v is negative", c.Timeout))
	}
	if c.MaxBodySize < 0 {
		faults = append(faults, fmt.Sprintf("max body size %d is negative", c.MaxBodySize))
	}
	if c.Parallelism < 0 || c.Parallelism > 16 {
		faults = append(faults, fmt.Sprintf("parallelism %d is not between 1 and 16", c.Parallelism))
	}
	if c.MaxRetries > 10 {
		faults = append(faults, fmt.Sprintf("max retries %d is above 10", c.MaxRetries))
	}
	if c.RetryBase < 0 || c.RetryCap < 0 || c.MaxRetryAfter < 0 {
		faults = append(faults, "retry durations must not be negative")
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
	// Problems lists what an operator must see: selectors that matched
	// nothing, dates that could not be read, fetch errors with URL and status.
	Problems []string
	Started  time.Time
	Finished time.Time
}

// Crawler fetches sources with a fresh Colly collector per crawl. It is safe
// for concurrent use by several crawls.
type Crawler struct {
	cfg Config
	log *slog.Logger
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
	return &Crawler{cfg: cfg.withDefaults(), log: log, m: m}, nil
}

// Crawl fetches src once and publishes every event it finds to pub. It
// returns an error only when the source could not be crawled at all (an
// invalid source, a kind not implemented, no list page could be fetched, ctx
// cancelled); the Report is filled either way. A malformed page, a failed
// detail page or an unreadable date is a problem in the Report, not an error.
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

func (c *Crawler) crawl(ctx context.Context, src Source, pub Publisher, st State) (rep Report, err error) {
	rep = Report{Source: src.ID, Started: c.cfg.Now()}
	defer func() { rep.Finished = c.cfg.Now() }()
	src.applyDefaults()
	if err := src.Validate(); err != nil {
		return rep, fmt.Errorf("crawl source %q: %w", src.ID, err)
	}
	s := c.newSession(ctx, &src, &rep)
	s.state = st
	defer s.close()
	if src.Kind == KindHTML || src.Kind == KindAuto {
		err = s.run(ctx, pub)
	} else {
		dp := &dedupPublisher{s: s, pub: pub}
		err = s.runKind(ctx, dp) // kinds.go
		s.mu.Lock()
		rep.Events -= dp.unchanged
		rep.Unchanged += dp.unchanged
		s.mu.Unlock()
	}
	s.notify(true)
	rep.Finished = c.cfg.Now()
	c.m.crawled(rep, err, ctx.Err() != nil)
	c.log.Info("crawl finished", "source", src.ID, "pages", rep.Pages, "events", rep.Events,
		"unchanged", rep.Unchanged, "not_modified", rep.NotModified,
		"errors", rep.Errors, "unreadable_dates", rep.UnreadableDates, "problems", len(rep.Problems))
	return rep, err
}

// session is the state of one crawl: its collector, budget and report.
type session struct {
	cfg Config
	log *slog.Logger
	src *Source
	col *colly.Collector
	tr  *http.Transport
	rt  http.RoundTripper // tr behind the body limit and gzip decoding
	// hosts holds each host's manners (robots.txt, delay, slots), by origin.
	hosts map[originKey]*hostGate
	state State         // nil: not incremental
	m     *crawlMetrics // nil: no metrics

	// progMu serialises Config.Progress calls; lastProgress is the last one.
	progMu       sync.Mutex
	lastProgress Progress

	mu     sync.Mutex
	rep    *Report
	budget int
	seen   map[string]bool
	// detail selectors that matched nothing: count and a first page.
	detailPages   int
	detailMissing map[string]int
	detailExample map[string]string
	notEvents     int // auto: linked pages without an event date
	queued        int // list pages and items waiting (Progress.PagesQueued)
	dropped       int // problems past maxProblems
}

const resultKey = "kouryu.result"

// fetchResult carries one response out of Colly's callbacks.
type fetchResult struct {
	status     int
	final      *url.URL
	body       []byte
	ctype      string
	html       bool   // ctype names HTML, or nothing
	truncated  bool   // body cut at Config.MaxBodySize
	retryAfter string // the Retry-After header of an error response
	validators Validators
}

// page is a fetched and parsed HTML page.
type page struct {
	url        *url.URL
	doc        *goquery.Document
	fetched    time.Time
	validators Validators // the response's ETag and Last-Modified
}

func (c *Crawler) newSession(ctx context.Context, src *Source, rep *Report) *session {
	s := &session{cfg: c.cfg, log: c.log, src: src, rep: rep, budget: src.MaxPages, seen: map[string]bool{},
		detailMissing: map[string]int{}, detailExample: map[string]string{}, hosts: map[originKey]*hostGate{}, m: c.m}

	col := colly.NewCollector()
	// Every setting explicitly, after NewCollector (which also reads COLLY_*
	// variables from the environment). robots.txt, the per-host delay and
	// parallelism and the revisit check are the fetch layer's (fetch.go):
	// Colly's cannot read Crawl-delay, pause a host after a 429 or retry a URL.
	col.UserAgent = c.cfg.UserAgent
	col.IgnoreRobotsTxt = true
	col.AllowedDomains = append([]string(nil), src.AllowedDomains...)
	// One byte more than the limit tells a cut body from one that fits.
	col.MaxBodySize = c.cfg.MaxBodySize + 1
	col.AllowURLRevisit = true
	col.Async = false
	col.DetectCharset = false // charset: header by Colly, <meta> by decodeBody
	col.ParseHTTPErrorResponse = false
	col.CacheDir = ""
	col.CheckHead = false
	// The crawl keeps its own queue and calls Request at depth 1 only; it
	// never follows links from callbacks.
	col.MaxDepth = 1
	// A backstop: the session's budget counts pages, this counts attempts.
	col.MaxRequests = uint32(src.MaxPages * (c.cfg.MaxRetries + 1))
	col.Context = ctx

	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !c.cfg.AllowPrivate {
		dialer.Control = c.dialControl
	}
	s.tr = &http.Transport{
		// Decompression is limitedTransport's, so the body limit holds
		// for the decoded bytes.
		DisableCompression:    true,
		Proxy:                 nil, // a proxy would hide the address the dial check must see
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConnsPerHost:   c.cfg.Parallelism,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: c.cfg.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	s.rt = &politeTransport{s: s, rt: s.tr, limit: int64(c.cfg.MaxBodySize), timeout: c.cfg.Timeout}
	col.WithTransport(s.rt)
	col.SetRequestTimeout(0) // politeTransport keeps Config.Timeout
	col.SetRedirectHandler(s.checkRedirect)
	col.OnResponse(func(r *colly.Response) {
		res, ok := r.Ctx.GetAny(resultKey).(*fetchResult)
		if !ok {
			return
		}
		res.status = r.StatusCode
		res.final = r.Request.URL
		res.ctype = r.Headers.Get("Content-Type")
		mt, _, err := mime.ParseMediaType(res.ctype)
		res.html = isHTML(res.ctype, mt, err)
		// Colly has decoded the body when the header mentions a charset at
		// all (even an empty or malformed one, then from the <meta>): the
		// same test, so that it is never decoded twice.
		res.body = decodeBody(r.Body, strings.Contains(strings.ToLower(res.ctype), "charset"))
		res.validators = Validators{ETag: r.Headers.Get("ETag"), LastModified: r.Headers.Get("Last-Modified")}
	})
	col.OnError(func(r *colly.Response, _ error) {
		if r == nil || r.Ctx == nil {
			return
		}
		if res, ok := r.Ctx.GetAny(resultKey).(*fetchResult); ok {
			res.status = r.StatusCode
			if r.Headers != nil {
				res.retryAfter = r.Headers.Get("Retry-After")
			}
		}
	})
	s.col = col
	return s
}

func (s *session) close() { s.tr.CloseIdleConnections() }

// maxProblems bounds a report: past it, problems are counted, not listed.
const maxProblems = 200

func (s *session) problem(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.rep.Problems) < maxProblems {
		s.rep.Problems = append(s.rep.Problems, fmt.Sprintf(format, args...))
	} else {
		s.dropped++
	}
}

// claim takes one page of the budget for u; false when u was seen already.
func (s *session) claim(u string) (bool, error) {
	// Every page is claimed before it is fetched: the moment to tell how
	// far the crawl has come, whatever its kind.
	s.notify(false)
	s.mu.Lock()
	defer s.mu.Unlock()
	key := event.CanonicalURL(u)
	if s.seen[key] {
		return false, nil
	}
	if s.budget <= 0 {
		return false, errBudget
	}
	s.seen[key] = true
	s.budget--
	return true, nil
}

// fetch gets u and parses it as HTML. Every failure is logged once here and
// recorded as a problem; the caller only decides what to skip.
func (s *session) fetch(ctx context.Context, u string) (*page, error) {
	return s.fetchIf(ctx, u, Validators{})
}

// fetchIf is fetch with a conditional request when v holds validators: a 304
// returns errNotModified and no page, and counts in Report.NotModified.
func (s *session) fetchIf(ctx context.Context, u string, v Validators) (*page, error) {
	var doc *goquery.Document
	res, fetched, err := s.fetchChecked(ctx, u, v.header(), func(res *fetchResult) error {
		if !res.html {
			return fmt.Errorf("not an HTML page (Content-Type %q)", res.ctype)
		}
		var err error
		doc, err = goquery.NewDocumentFromReader(bytes.NewReader(res.body))
		return err
	})
	if err != nil {
		return nil, err
	}
	return &page{url: res.final, doc: doc, fetched: fetched, validators: res.validators}, nil
}

// fetchChecked gets u with the request headers hdr (validators, API keys)
// through get — robots.txt, allowed domains, delays, retries and the body
// limit apply — and, when check is not nil, lets it read the body. It does
// the accounting every fetch shares: a 304 counts in Report.NotModified and
// returns errNotModified; any other failure, the check's too, is logged once,
// named in the problems and counted in Report.Errors; a success counts a page.
func (s *session) fetchChecked(ctx context.Context, u string, hdr http.Header, check func(*fetchResult) error) (*fetchResult, time.Time, error) {
	if err := ctx.Err(); err != nil {
		return nil, time.Time{}, err
	}
	fetched := s.cfg.Now()
	res, err := s.get(ctx, u, hdr)
	if res == nil {
		res = &fetchResult{}
	}
	if errors.Is(err, errNotModified) {
		s.mu.Lock()
		s.rep.NotModified++
		s.mu.Unlock()
		return nil, fetched, err
	}
	if err == nil && res.truncated {
		s.problem("%s: body cut at %d bytes (max body size)", u, s.cfg.MaxBodySize)
	}
	if err == nil && check != nil {
		err = check(res)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, fetched, ctx.Err()
		}
		var av *colly.AlreadyVisitedError
		if errors.As(err, &av) {
			return nil, fetched, err // a redirect to a page read already: nothing to report
		}
		if errors.Is(err, colly.ErrRobotsTxtBlocked) {
			// Not a failure: the site asked us not to. No request was made.
			s.mu.Lock()
			s.budget++
			s.mu.Unlock()
			s.problem("robots.txt disallows %s: not fetched", u)
			s.log.Info("robots.txt disallows", "source", s.src.ID, "url", u)
			return nil, fetched, fmt.Errorf("fetch %s: %w", u, err)
		}
		s.mu.Lock()
		s.rep.Errors++
		s.mu.Unlock()
		// A page that answered 2xx failed its check (not HTML, say): the
		// reason, not the status, is what the operator needs.
		if res.status != 0 && res.status/100 != 2 && !errors.Is(err, errTooLong) {
			s.problem("fetch %s: status %d", u, res.status)
		} else {
			s.problem("fetch %s: %v", u, err)
		}
		s.log.Warn("fetch failed", "source", s.src.ID, "url", u, "status", res.status, "err", err)
		return nil, fetched, fmt.Errorf("fetch %s: %w", u, err)
	}
	s.mu.Lock()
	s.rep.Pages++
	s.mu.Unlock()
	return res, fetched, nil
}

// pending is a list item waiting for its event page.
type pending struct {
	item    ListItem
	listURL string
	fetched time.Time
}

// outcome is what became of one list item.
type outcome struct {
	ev  event.Event
	err error
	// page and validators: the event page to remember once ev is published.
	page       string
	validators Validators
}

func (s *session) run(ctx context.Context, pub Publisher) error {
	// The list pages are read one after the other (each names the next)
	// while Config.Parallelism workers read the event pages they list.
	found := make(chan pending)
	jobs := make(chan pending)
	listsDone := make(chan struct{})
	var listErr error
	go func() {
		defer close(found)
		defer close(listsDone)
		listErr = s.readLists(ctx, found)
	}()
	go func() {
		// Holds what the list pages gave until a worker is free.
		defer close(jobs)
		var buf []pending
		in := found
		for in != nil || len(buf) > 0 {
			var send chan pending
			var next pending
			if len(buf) > 0 {
				send, next = jobs, buf[0]
			}
			select {
			case p, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				buf = append(buf, p)
			case send <- next:
				buf = buf[1:]
			case <-ctx.Done():
				return
			}
		}
	}()
	out := make(chan outcome)
	var wg sync.WaitGroup
	for range s.cfg.Parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				o := s.build(ctx, p)
				select {
				case out <- o:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	published := map[string]bool{}
	for o := range out {
		s.mu.Lock()
		s.queued--
		s.mu.Unlock()
		s.notify(false)
		if o.err != nil {
			if errors.Is(o.err, ErrUnreadableDate) {
				s.mu.Lock()
				s.rep.UnreadableDates++
				s.mu.Unlock()
			}
			if !errors.Is(o.err, errSkipped) {
				s.problem("%v", o.err)
			}
			continue
		}
		if published[o.ev.ID] || ctx.Err() != nil {
			continue
		}
		published[o.ev.ID] = true
		if err := s.emit(ctx, pub, o.ev, o.page, o.validators); errors.Is(err, errUnchanged) {
			s.mu.Lock()
			s.rep.Unchanged++
			s.mu.Unlock()
			continue
		} else if err != nil {
			s.mu.Lock()
			s.rep.Errors++
			s.mu.Unlock()
			s.problem("publish %s: %v", o.ev.URL, err)
			s.log.Warn("publish failed", "source", s.src.ID, "url", o.ev.URL, "event_id", o.ev.ID, "err", err)
			continue
		}
		s.mu.Lock()
		s.rep.Events++
		s.mu.Unlock()
	}
	<-listsDone // listErr is set
	if listErr != nil {
		return listErr
	}
	if s.notEvents > 0 {
		s.problem("auto: %d linked pages carried no event date and were left out (news or reports?)", s.notEvents)
	}
	for _, name := range sortedKeys(s.src.Detail.Fields) {
		if n := s.detailMissing[name]; n > 0 {
			s.problem("detail.fields.%s %q matched nothing on %d of %d event pages (first: %s)",
				name, s.src.Detail.Fields[name], n, s.detailPages, s.detailExample[name])
		}
	}
	if s.dropped > 0 {
		s.rep.Problems = append(s.rep.Problems, fmt.Sprintf("… and %d more problems", s.dropped))
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawl source %q: %w", s.src.ID, err)
	}
	return nil
}

// readLists reads the list pages from the start URLs on, following their
// next links, and sends each listed item to found, once per link. A list
// page takes its place in the budget when it is found, before the items of
// the page that names it: the events of the pages read are not left without
// their page to make room for the next list page, nor the reverse.
func (s *session) readLists(ctx context.Context, found chan<- pending) error {
	var queue []string
	enqueue := func(urls []string) {
		for i, u := range urls {
			ok, err := s.claim(u)
			if errors.Is(err, errBudget) {
				s.problem("max_pages %d reached: list page %s and %d more not fetched", s.src.MaxPages, u, len(urls)-i-1)
				return
			}
			if ok {
				queue = append(queue, u)
				s.mu.Lock()
				s.queued++
				s.mu.Unlock()
			}
		}
	}
	enqueue(s.src.StartURLs)
	links := map[string]bool{}
	var firstErr error
	for len(queue) > 0 && ctx.Err() == nil {
		u := queue[0]
		queue = queue[1:]
		s.mu.Lock()
		s.queued--
		s.mu.Unlock()
		p, err := s.fetch(ctx, u)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		var lp ListPage
		if s.src.Kind == KindAuto && s.src.List.Item == "" {
			lp = AutoList(p.doc, p.url, s.src.hostAllowed, p.fetched)
		} else {
			lp = ExtractList(p.doc, p.url, s.src.List)
		}
		for _, pr := range lp.Problems {
			s.problem("%s", pr)
		}
		enqueue(lp.Next)
		listURL := p.url.String()
		for _, it := range lp.Items {
			if it.Link != "" {
				if links[it.Link] {
					continue // listed twice: one event
				}
				links[it.Link] = true
			}
			s.mu.Lock()
			s.queued++
			s.mu.Unlock()
			select {
			case found <- pending{item: it, listURL: listURL, fetched: p.fetched}:
			case <-ctx.Done():
				return fmt.Errorf("crawl source %q: %w", s.src.ID, ctx.Err())
			}
		}
		s.notify(false) // the page's events are queued
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawl source %q: %w", s.src.ID, err)
	}
	s.mu.Lock()
	pages := s.rep.Pages
	s.mu.Unlock()
	if pages == 0 {
		if firstErr == nil {
			firstErr = errors.New("no list page fetched")
		}
		return fmt.Errorf("crawl source %q: %w", s.src.ID, firstErr)
	}
	return nil
}

// errSkipped marks an item left out for a reason already reported.
var errSkipped = errors.New("skipped")

// build makes the event of one list item, reading its own page first when
// the source has detail fields or is read by kind auto.
func (s *session) build(ctx context.Context, p pending) outcome {
	fields, pageURL, ownPage, fetched := p.item.Fields, p.listURL, false, p.fetched
	var validators Validators
	auto := s.src.Kind == KindAuto
	if p.item.Link != "" {
		pageURL, ownPage = p.item.Link, true
		lu, err := url.Parse(p.item.Link)
		external := err != nil || !s.src.hostAllowed(lu.Hostname())
		// An event whose page is on another site (a ticketing service,
		// say) keeps that page as its URL; the list is all we read.
		if !external && (len(s.src.Detail.Fields) > 0 || auto) {
			ok, err := s.claim(p.item.Link)
			if errors.Is(err, errBudget) {
				s.problem("max_pages %d reached: event page %s not fetched", s.src.MaxPages, p.item.Link)
				return outcome{err: errSkipped}
			}
			if !ok {
				return outcome{err: errSkipped}
			}
			// Validators apply to event pages only: a list page answered
			// 304 would leave no body to find its events in.
			var cond Validators
			memo := s.memo(ctx, p.item.Link)
			if memo != nil {
				cond = memo.Validators
			}
			dp, err := s.fetchIf(ctx, p.item.Link, cond)
			if errors.Is(err, errNotModified) {
				ev := memo.Event
				ev.FetchedAt = s.cfg.Now()
				return outcome{ev: ev, page: p.item.Link, validators: memo.Validators}
			}
			if err != nil {
				// Reported by fetch. No event from the list alone: it
				// would overwrite what an earlier crawl read on the page.
				return outcome{err: errSkipped}
			}
			validators = dp.validators
			df, missing := ExtractDetail(dp.doc, s.src.Detail.Fields)
			s.mu.Lock()
			s.detailPages++
			for _, name := range missing {
				if s.detailMissing[name] == 0 {
					s.detailExample[name] = p.item.Link
				}
				s.detailMissing[name]++
			}
			s.mu.Unlock()
			// What the page's selectors found wins over what auto or
			// JSON-LD found, which wins over the list.
			var found Fields
			if auto {
				found = AutoDetail(dp.doc)
				if found[FieldDate] == "" && df[FieldDate] == "" {
					// A dated link that is not an event page (news, reports).
					s.mu.Lock()
					s.notEvents++
					s.mu.Unlock()
					return outcome{err: errSkipped}
				}
			} else {
				found = JSONLDFields(dp.doc)
			}
			if len(found) > 0 {
				df = Merge(found, df)
			}
			fields, fetched = Merge(fields, df), dp.fetched
		}
	}
	ev, err := BuildEvent(s.src, pageURL, ownPage, fields, fetched)
	if err != nil {
		return outcome{err: err}
	}
	o := outcome{ev: ev}
	if ownPage && !validators.empty() {
		o.page, o.validators = pageURL, validators
	}
	return o
}

// dialControl is the dialer's Control hook: it sees the address actually
// dialled, after DNS, for every connection, redirects and robots.txt
// included, and refuses what is not public before any packet is sent.
func (c *Crawler) dialControl(network, address string, _ syscall.RawConn) error {
	err := refusePrivate(address)
	if err != nil && c.exempt[address] {
		err = nil
	}
	if c.dialed != nil {
		c.dialed(address, err != nil)
	}
	return err
}

func refusePrivate(address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot read address %q", ErrPrivateAddress, address)
	}
	if a := ap.Addr().Unmap(); !publicAddr(a) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, a)
	}
	return nil
}

var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10") // carrier-grade NAT

func publicAddr(a netip.Addr) bool {
	return a.IsValid() && a.IsGlobalUnicast() && !a.IsPrivate() && !a.IsLoopback() &&
		!a.IsLinkLocalUnicast() && !sharedAddressSpace.Contains(a)
}

// decodeBody returns body as UTF-8. Colly has already decoded a body whose
// Content-Type mentions a charset (headerCharset); for the rest the charset comes from a BOM or
// the page's own <meta charset> / <meta http-equiv>, which Colly ignores.
func decodeBody(body []byte, headerCharset bool) []byte {
	if headerCharset {
		return body
	}
	enc, name, _ := charset.DetermineEncoding(body, "")
	if name == "utf-8" {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	}
	if name == "windows-1252" && !declaresCharset(body) {
		// Nothing names the charset. UTF-8 but for a few broken bytes (an
		// excerpt cut inside a character, say) is UTF-8; otherwise guess
		// among the Japanese ones from the bytes, as a browser would.
		if mostlyUTF8(body) {
			return bytes.ToValidUTF8(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), []byte("\uFFFD"))
		}
		if r, err := chardet.NewHtmlDetector().DetectBest(body); err == nil && r.Confidence >= 50 {
			if e, _ := charset.Lookup(r.Charset); e != nil {
				enc = e
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// mostlyUTF8 reports a body with at least 20 times as many valid multi-byte
// UTF-8 sequences as invalid bytes. Japanese text in Shift_JIS or EUC-JP is
// far from it: most of their byte pairs are not valid UTF-8.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid > 0 && valid >= 20*invalid
}

func declaresCharset(body []byte) bool {
	head := body[:min(len(body), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}

// isHTML tells from a Content-Type and what mime.ParseMediaType made of it
// whether the body is read as HTML.
func isHTML(contentType, mt string, err error) bool {
	if contentType == "" {
		return true // sniffed as HTML by the parser; many old sites send none
	}
	if err != nil {
		return strings.Contains(strings.ToLower(contentType), "html")
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
