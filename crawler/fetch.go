package crawler

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
	"golang.org/x/net/html/charset"

	"kouryu/internal/event"
)

// The fetch layer: every request of a crawl goes through session.get, which
// keeps the manners of DESIGN.md and issue 3 — robots.txt (Disallow and
// Crawl-delay, read with temoto/robotstxt, the parser Colly itself uses), a
// delay and a parallelism per host, Retry-After on 429 and 503, jittered
// exponential backoff on 5xx and timeouts, and a body limit that holds after
// decompression. Colly still makes each request (redirect checks, charset
// from the header); its own robots and limit rules are off because they
// cannot read Crawl-delay or pause a host after a 429.

// Defaults of the retry settings of Config.
const (
	DefaultMaxRetries    = 3
	DefaultRetryBase     = time.Second
	DefaultRetryCap      = time.Minute
	DefaultMaxRetryAfter = 10 * time.Minute
	// maxCrawlDelay bounds a robots.txt Crawl-delay that would stall a crawl
	// for good (a typo of 3600 for 3.6, say).
	maxCrawlDelay = 10 * time.Minute
)

// errNotModified is the result of a conditional request answered 304.
var errNotModified = errors.New("not modified")

// errTooLong marks a Retry-After beyond Config.MaxRetryAfter.
var errTooLong = errors.New("retry-after beyond the cap")

// politeTransport is the transport of every request of a crawl, Colly's and
// robots.txt's, each redirect hop included, so the manners hold whoever
// makes the request: it checks robots.txt, waits for the host's delay and a
// free slot (held until the body is closed), decodes gzip itself and bounds
// every body, so that the limit holds for what is decompressed and not only
// for what travels. The wrapped transport must have DisableCompression set.
type politeTransport struct {
	s       *session
	rt      http.RoundTripper
	limit   int64         // bytes of decoded body returned at most
	timeout time.Duration // for each request, its body read to the end included
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	// A page's first request was checked by session.get; a redirect hop
	// (req.Response set) is checked here.
	if req.Response != nil && req.URL.Path != "/robots.txt" {
		ok, err := t.s.robotsAllow(ctx, req.URL)
		if err != nil {
			return nil, err
		}
		if !ok {
			t.s.m.robots(t.s.src.ID)
			return nil, fmt.Errorf("%s: %w", req.URL, colly.ErrRobotsTxtBlocked)
		}
	}
	g := t.s.gate(req.URL)
	if err := g.acquire(ctx); err != nil {
		return nil, err
	}
	// The time limit is kept here rather than by http.Client.Timeout: a
	// client's timeout around a transport it does not know (this one) costs
	// a goroutine, a timer and a cancel channel per request. Each redirect
	// hop has its own, and maxRedirects bounds the hops.
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	res, err := t.roundTrip(req.WithContext(ctx))
	if req.URL.Path != "/robots.txt" {
		// Every attempt and redirect hop of a page, not robots.txt itself.
		status := 0
		if res != nil {
			status = res.StatusCode
		}
		t.s.m.page(t.s.src.ID, status, err)
	}
	if err != nil {
		cancel()
		g.release()
		return nil, err
	}
	res.Body = &releasingBody{ReadCloser: res.Body, g: g, cancel: cancel}
	return res, nil
}

// releasingBody ends its request's time limit and frees its host slot when
// closed.
type releasingBody struct {
	io.ReadCloser
	g      *hostGate
	cancel context.CancelFunc
	once   sync.Once
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(func() {
		b.cancel()
		b.g.release()
	})
	return err
}

func (t *politeTransport) roundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Accept-Encoding") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Accept-Encoding", "gzip")
	}
	res, err := t.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	ce := strings.ToLower(strings.TrimSpace(res.Header.Get("Content-Encoding")))
	switch ce {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(io.LimitReader(res.Body, t.limit+1))
		if err != nil {
			res.Body.Close()
			return nil, fmt.Errorf("gzip body of %s: %w", req.URL, err)
		}
		res.Body = &gzipBody{zr: zr, raw: res.Body}
		res.Header.Del("Content-Encoding")
		res.Header.Del("Content-Length")
		res.ContentLength = -1
		res.Uncompressed = true
	default:
		res.Body.Close()
		return nil, fmt.Errorf("%s: Content-Encoding %q not read", req.URL, ce)
	}
	// Colly would gunzip these again, after its own limit: refuse them.
	if ct := strings.ToLower(res.Header.Get("Content-Type")); strings.Contains(ct, "gzip") || strings.HasSuffix(strings.ToLower(res.Request.URL.Path), ".gz") {
		res.Body.Close()
		return nil, fmt.Errorf("%s: compressed file (Content-Type %q) not read", req.URL, ct)
	}
	if ct := res.Header.Get("Content-Type"); ct != "" {
		res.Header.Set("Content-Type", fixCharsetLabel(ct))
	}
	res.Body = &limitedBody{r: io.LimitReader(res.Body, t.limit+1), c: res.Body}
	return res, nil
}

// charsetAliases are names Japanese sites give their charset that the WHATWG
// encoding standard (and so golang.org/x/net/html/charset) does not know,
// with the encoding they mean.
var charsetAliases = map[string]string{
	"cp932":      "shift_jis", // Windows-31J, which WHATWG's Shift_JIS decodes
	"x-ms-cp932": "shift_jis",
	"sjis-win":   "shift_jis",
	"eucjp":      "euc-jp",
	"euc_jp":     "euc-jp",
	"eucjp-win":  "euc-jp",
	"ujis":       "euc-jp",
	"utf_8":      "utf-8",
}

// fixCharsetLabel returns a Content-Type whose charset the decoders know: a
// known alias is renamed, and a charset no decoder knows (or an empty one) is
// dropped, so that the page's <meta> or its bytes tell instead, as a browser
// does. Colly would otherwise decode such a body as windows-1252.
func fixCharsetLabel(ct string) string {
	lower := strings.ToLower(ct)
	if !strings.Contains(lower, "charset") || strings.Contains(lower, "charset=utf-8") {
		return ct
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ct // left to Colly and decodeBody, which cope with it
	}
	cs, ok := params["charset"]
	if !ok {
		return ct
	}
	if e, _ := charset.Lookup(cs); e != nil {
		return ct
	}
	if alias, ok := charsetAliases[strings.ToLower(strings.TrimSpace(cs))]; ok {
		params["charset"] = alias
	} else {
		delete(params, "charset")
	}
	return mime.FormatMediaType(mt, params)
}

type gzipBody struct {
	zr  *gzip.Reader
	raw io.ReadCloser
}

func (b *gzipBody) Read(p []byte) (int, error) { return b.zr.Read(p) }
func (b *gzipBody) Close() error               { b.zr.Close(); return b.raw.Close() }

type limitedBody struct {
	r io.Reader
	c io.Closer
}

func (b *limitedBody) Read(p []byte) (int, error) { return b.r.Read(p) }
func (b *limitedBody) Close() error               { return b.c.Close() }

// hostGate is one host's manners within a crawl: its robots.txt, the delay
// between requests and the requests in flight.
type hostGate struct {
	origin string // scheme://host:port
	sem    chan struct{}

	robotsOnce sync.Once
	robots     *robotstxt.RobotsData
	robotsErr  error

	mu    sync.Mutex
	delay time.Duration
	next  time.Time // no request starts before
}

// originKey names a host's gate: scheme and host[:port], lower case.
type originKey struct{ scheme, host string }

// gate returns the gate of u's host, creating it on first use. It is asked
// several times a page, so it allocates only then.
func (s *session) gate(u *url.URL) *hostGate {
	k := originKey{strings.ToLower(u.Scheme), strings.ToLower(u.Host)}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.hosts[k]
	if g == nil {
		g = &hostGate{origin: k.scheme + "://" + k.host, sem: make(chan struct{}, s.cfg.Parallelism), delay: s.src.Delay}
		s.hosts[k] = g
	}
	return g
}

// acquire waits for a free slot and the host's delay, then takes the slot.
func (g *hostGate) acquire(ctx context.Context) error {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	for {
		g.mu.Lock()
		wait := time.Until(g.next)
		if wait <= 0 {
			g.next = time.Now().Add(g.delay)
			g.mu.Unlock()
			return nil
		}
		g.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-g.sem
			return ctx.Err()
		}
	}
}

// release frees the slot; the next request waits the delay after this one ended.
func (g *hostGate) release() {
	g.mu.Lock()
	if n := time.Now().Add(g.delay); n.After(g.next) {
		g.next = n
	}
	g.mu.Unlock()
	<-g.sem
}

// pauseUntil holds every request to the host until t (a Retry-After).
func (g *hostGate) pauseUntil(t time.Time) {
	g.mu.Lock()
	if t.After(g.next) {
		g.next = t
	}
	g.mu.Unlock()
}

// loadRobots fetches the host's robots.txt once per crawl. A 4xx allows
// everything, a 5xx disallows everything (as Google reads them); a fetch that
// fails fails every request to the host, as Colly's own check does.
func (s *session) loadRobots(ctx context.Context, g *hostGate) error {
	g.robotsOnce.Do(func() {
		u := g.origin + "/robots.txt"
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			g.robotsErr = err
			return
		}
		req.Header.Set("User-Agent", s.cfg.UserAgent)
		client := &http.Client{Transport: s.rt, CheckRedirect: s.checkRedirect} // s.rt keeps the time limit
		res, err := client.Do(req)
		if err != nil {
			g.robotsErr = fmt.Errorf("robots.txt: %w", err)
			return
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			g.robotsErr = fmt.Errorf("robots.txt: %w", err)
			return
		}
		rd, err := robotstxt.FromStatusAndBytes(res.StatusCode, body)
		if err != nil {
			// Unreadable: as if there were none, as Colly does.
			s.log.Warn("robots.txt unreadable, treated as absent", "source", s.src.ID, "url", u, "err", err)
			rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
		g.robots = rd
		if cd := rd.FindGroup(s.cfg.UserAgent).CrawlDelay; cd > 0 {
			cd = min(cd, maxCrawlDelay)
			g.mu.Lock()
			if cd > g.delay {
				g.delay = cd
				s.log.Info("robots.txt crawl-delay honoured", "source", s.src.ID, "host", g.origin, "delay", cd)
			}
			g.mu.Unlock()
		}
	})
	return g.robotsErr
}

// robotsAllow reports whether robots.txt lets us read u, loading it first.
func (s *session) robotsAllow(ctx context.Context, u *url.URL) (bool, error) {
	g := s.gate(u)
	if err := s.loadRobots(ctx, g); err != nil {
		return false, err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return g.robots.TestAgent(path, s.cfg.UserAgent), nil
}

// checkRedirect is every hop's check: a limit, http(s) only, the allowed
// domains and robots.txt of the target. The dial hook checks the address.
func (s *session) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %q: not http(s)", req.URL)
	}
	if !s.src.hostAllowed(req.URL.Hostname()) {
		return fmt.Errorf("redirect to %q: host not in allowed_domains", req.URL)
	}
	// robots.txt of the target is checked by politeTransport.
	// A redirect to a page this crawl has read already: nothing new there.
	key := event.CanonicalURL(req.URL.String())
	s.mu.Lock()
	defer s.mu.Unlock()
	if key != event.CanonicalURL(via[0].URL.String()) && s.seen[key] {
		return &colly.AlreadyVisitedError{Destination: req.URL}
	}
	s.seen[key] = true
	return nil
}

// get fetches u with the crawl's manners and returns the response of any
// content type; hdr adds request headers (conditional ones, Accept). It
// retries 429 and 503 after their Retry-After, and 5xx and timeouts with
// jittered backoff, up to Config.MaxRetries. A 304 is errNotModified. The
// error wraps colly.ErrRobotsTxtBlocked when robots.txt forbids u (no request
// was made) and ErrPrivateAddress when a dial was refused.
func (s *session) get(ctx context.Context, u string, hdr http.Header) (*fetchResult, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, fmt.Errorf("parse url: %w", err)
	}
	if pu.Scheme != "http" && pu.Scheme != "https" {
		return nil, fmt.Errorf("%q: not http(s)", u)
	}
	if !s.src.hostAllowed(pu.Hostname()) {
		return nil, fmt.Errorf("%q: host not in allowed_domains", u)
	}
	ok, err := s.robotsAllow(ctx, pu)
	if err != nil {
		return nil, err
	}
	if !ok {
		s.m.robots(s.src.ID)
		return nil, colly.ErrRobotsTxtBlocked
	}
	g := s.gate(pu)
	for attempt := 0; ; attempt++ {
		res, err := s.attempt(u, hdr)
		if err == nil {
			return res, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		wait, retry := s.retryAfter(res, err, attempt)
		if errors.Is(wait.err, errTooLong) {
			return res, wait.err
		}
		if !retry || attempt >= s.cfg.MaxRetries {
			if attempt > 0 {
				return res, fmt.Errorf("%w (after %d retries)", err, attempt)
			}
			return res, err
		}
		s.log.Info("fetch failed, retrying", "source", s.src.ID, "url", u, "status", res.status,
			"attempt", attempt+1, "retry_in", wait.d.Round(time.Millisecond), "err", err)
		if wait.shared {
			g.pauseUntil(time.Now().Add(wait.d))
			continue // the next request to the host waits for the pause
		}
		t := time.NewTimer(wait.d)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
	}
}

// attempt makes one request through Colly.
func (s *session) attempt(u string, hdr http.Header) (*fetchResult, error) {
	res := &fetchResult{}
	cctx := colly.NewContext()
	cctx.Put(resultKey, res)
	h := make(http.Header, len(hdr)+3) // Colly adds User-Agent and Accept
	for k, v := range hdr {
		h[k] = v
	}
	// Asked for here, so politeTransport need not copy the request to ask.
	h["Accept-Encoding"] = []string{"gzip"}
	err := s.col.Request(http.MethodGet, u, nil, cctx, h)
	if err == nil && len(res.body) > s.cfg.MaxBodySize {
		res.body = res.body[:s.cfg.MaxBodySize]
		res.truncated = true
	}
	if err != nil && res.status == http.StatusNotModified {
		return res, errNotModified
	}
	return res, err
}

type retryWait struct {
	d      time.Duration
	shared bool  // the host said how long: every request to it waits
	err    error // errTooLong: give up on this URL
}

// retryAfter decides whether the failed attempt is worth another one.
func (s *session) retryAfter(res *fetchResult, err error, attempt int) (retryWait, bool) {
	if res != nil && (res.status == http.StatusTooManyRequests || res.status == http.StatusServiceUnavailable) {
		// HTTP dates are the server's wall clock, not the crawl's clock.
		if d, ok := parseRetryAfter(res.retryAfter, time.Now()); ok {
			if d > s.cfg.MaxRetryAfter {
				return retryWait{err: fmt.Errorf("status %d with Retry-After %s, beyond the cap of %s: %w; not retried this crawl",
					res.status, d.Round(time.Second), s.cfg.MaxRetryAfter, errTooLong)}, false
			}
			return retryWait{d: max(d, s.src.Delay), shared: true}, true
		}
		return retryWait{d: s.backoff(attempt), shared: res.status == http.StatusTooManyRequests}, true
	}
	if res != nil && res.status >= 500 && res.status != http.StatusNotImplemented {
		return retryWait{d: s.backoff(attempt)}, true
	}
	if res != nil && res.status != 0 {
		return retryWait{}, false // 4xx: asking again will not help
	}
	if transient(err) {
		return retryWait{d: s.backoff(attempt)}, true
	}
	return retryWait{}, false
}

// backoff is RetryBase·2^attempt, capped at RetryCap, with jitter of ±25%.
func (s *session) backoff(attempt int) time.Duration {
	d := s.cfg.RetryBase << min(attempt, 16)
	if d <= 0 || d > s.cfg.RetryCap {
		d = s.cfg.RetryCap
	}
	return d*3/4 + rand.N(d/2+1)
}

// transient reports a network failure that may pass: a timeout, a reset or
// a refused connection, a response cut short. A refused private address, a
// redirect refused by policy or robots.txt is not.
func transient(err error) bool {
	if err == nil || errors.Is(err, ErrPrivateAddress) || errors.Is(err, colly.ErrRobotsTxtBlocked) {
		return false
	}
	var av *colly.AlreadyVisitedError
	if errors.As(err, &av) {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// parseRetryAfter reads a Retry-After value: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(365*24*time.Hour/time.Second) {
			n = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
