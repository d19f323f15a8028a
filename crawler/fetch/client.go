package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// DefaultUserAgent names the project and where to reach its maintainers.
const DefaultUserAgent = "kouryu/0.1 (+https://github.com/kouryu/kouryu)"

// Defaults of Config.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBodySize   = 5 << 20
	DefaultParallelism   = 1
	DefaultMaxRetries    = 3
	DefaultRetryBase     = time.Second
	DefaultRetryCap      = time.Minute
	DefaultMaxRetryAfter = 10 * time.Minute
	// MaxRedirects is how many redirect hops one request follows, for a
	// page and for robots.txt alike (RFC 9309 asks for at least five).
	MaxRedirects = 5
	// maxCrawlDelay bounds a robots.txt Crawl-delay that would stall a crawl
	// for good (a typo of 3600 for 3.6, say).
	maxCrawlDelay = 10 * time.Minute
)

// Errors a caller branches on.
var (
	// ErrPrivateAddress is wrapped by the error of a request that would
	// reach a loopback, private, link-local or otherwise non-public address
	// while Config.AllowPrivate is false.
	ErrPrivateAddress = errors.New("fetch: private address refused (--allow-private permits it)")
	// ErrDisallowed is wrapped when robots.txt forbids the URL or a redirect
	// hop; no request was made for it.
	ErrDisallowed = errors.New("fetch: disallowed by robots.txt")
	// ErrNotModified is the answer to a conditional request answered 304.
	ErrNotModified = errors.New("fetch: not modified")
	// ErrRetryAfterTooLong is wrapped when a 429 or 503 asks to wait longer
	// than Config.MaxRetryAfter: the URL is given up, not waited for.
	ErrRetryAfterTooLong = errors.New("fetch: retry-after beyond the cap")
)

// StatusError is the error of a response whose status is neither 2xx nor 304.
type StatusError struct{ Status int }

func (e *StatusError) Error() string { return "status " + strconv.Itoa(e.Status) }

// Config sets up a Client. The zero value is usable: every zero field takes
// the default named beside it.
type Config struct {
	UserAgent   string        // default DefaultUserAgent
	Timeout     time.Duration // per request (each redirect hop), body included; default DefaultTimeout
	MaxBodySize int           // bytes of (decompressed) body read at most; default DefaultMaxBodySize
	Parallelism int           // requests in flight per host; default DefaultParallelism
	// Delay is the least time between two requests to one host; a longer
	// robots.txt Crawl-delay wins. Zero: none.
	Delay time.Duration
	// MaxRetries is how often one URL is tried again after a 429, a 5xx or
	// a timeout; 0 means DefaultMaxRetries, negative means never.
	MaxRetries int
	// RetryBase is the first backoff, doubled per retry and jittered;
	// default DefaultRetryBase. RetryCap bounds it; default DefaultRetryCap.
	RetryBase, RetryCap time.Duration
	// MaxRetryAfter is the longest Retry-After waited for; beyond it Get
	// gives up with ErrRetryAfterTooLong. Default DefaultMaxRetryAfter.
	MaxRetryAfter time.Duration

	// AllowPrivate lets the client reach loopback and private addresses.
	// Off, every dial is checked against the address actually dialled, after
	// DNS, so DNS rebinding and redirects are covered.
	AllowPrivate bool
	// Exempt lists addresses (ip:port) let through although private, for
	// the tests that show the others refused.
	Exempt []string
	// AllowHost, when set, says which host names a page and its redirect
	// hops may be on (robots.txt may redirect anywhere). nil allows all.
	AllowHost func(host string) bool
	// Redirect, when set, is asked last about every redirect hop of a page;
	// its error ends the request and is wrapped by Get's.
	Redirect func(req *http.Request, via []*http.Request) error

	// OnAttempt, when set, is told of every attempt and redirect hop of a
	// page (not robots.txt): its status, 0 and the error when none came.
	OnAttempt func(status int, err error)
	// OnDisallowed, when set, is told of every URL robots.txt refused.
	OnDisallowed func()
	// OnDial, when set, sees every address dialled and whether the private
	// address guard refused it.
	OnDial func(address string, refused bool)
}

// WithDefaults returns c with its zero fields set to their defaults.
func (c Config) WithDefaults() Config {
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
	switch {
	case c.MaxRetries == 0:
		c.MaxRetries = DefaultMaxRetries
	case c.MaxRetries < 0:
		c.MaxRetries = -1
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

// Validate returns every fault of c; zero fields are fine (they take defaults).
func (c Config) Validate() []string {
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
	if c.RetryBase < 0 || c.RetryCap < 0 || c.MaxRetryAfter < 0 || c.Delay < 0 {
		faults = append(faults, "delay and retry durations must not be negative")
	}
	return faults
}

// Response is what Get read: the status, the URL after redirects, the
// headers and the body as sent, decompressed, at most Config.MaxBodySize
// bytes (Truncated then tells that there was more). Decode turns the body
// into UTF-8.
type Response struct {
	Status    int
	URL       *url.URL
	Header    http.Header
	Body      []byte
	Truncated bool

	ctype []string // Content-Type, kept from Colly's decoder (colly.go)
}

// ContentType is the response's Content-Type header.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// Client gets pages with a crawler's manners: robots.txt (Disallow and
// Crawl-delay), a delay and a parallelism per host, Retry-After on 429 and
// 503, jittered exponential backoff on 5xx and timeouts, a body limit that
// holds after decompression, redirect checks and a dial guard against
// private addresses. It owns that state (one gate per host) for its lifetime,
// one crawl: a Client is made per crawl, bound to the crawl's context, and is
// safe for concurrent use.
type Client struct {
	cfg    Config
	log    *slog.Logger
	tr     *http.Transport
	rt     http.RoundTripper // tr behind gates, limits and gzip decoding
	engine *engine
	exempt map[string]bool

	mu       sync.Mutex
	hosts    map[originKey]*hostGate
	lastGate atomic.Pointer[spelledGate] // the gate asked for last (gate)
}

// New returns a Client whose requests end when ctx does: Colly takes one
// context per collector, so the crawl's context is given here, and Get's
// bounds only what Get does itself (robots.txt, the backoff between tries).
// Zero fields of cfg take their defaults; an invalid cfg is refused.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Client, error) {
	if faults := cfg.Validate(); len(faults) > 0 {
		return nil, fmt.Errorf("fetch config: %s", strings.Join(faults, "; "))
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{cfg: cfg.WithDefaults(), log: log, hosts: map[originKey]*hostGate{}}
	if len(cfg.Exempt) > 0 {
		c.exempt = map[string]bool{}
		for _, a := range cfg.Exempt {
			c.exempt[a] = true
		}
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !c.cfg.AllowPrivate {
		dialer.Control = c.dialControl
	}
	c.tr = &http.Transport{
		// Decompression is politeTransport's, so the body limit holds
		// for the decoded bytes.
		DisableCompression:    true,
		Proxy:                 nil, // a proxy would hide the address the dial guard must see
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConnsPerHost:   c.cfg.Parallelism,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: c.cfg.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	c.rt = &politeTransport{c: c, rt: c.tr}
	c.engine = newEngine(ctx, c.cfg, c.rt, c.checkRedirect)
	return c, nil
}

// Close frees the client's idle connections.
func (c *Client) Close() { c.tr.CloseIdleConnections() }

// MaxBodySize is the body limit in use.
func (c *Client) MaxBodySize() int { return c.cfg.MaxBodySize }

// Get fetches u with the client's manners and returns the response of any
// content type; hdr adds request headers (conditional ones, Accept, API
// keys). It retries 429 and 503 after their Retry-After, and 5xx and
// timeouts with jittered backoff, up to Config.MaxRetries. A 304 is
// ErrNotModified; another status than 2xx is a *StatusError, with the
// Response. The error wraps ErrDisallowed when robots.txt forbids u or a
// redirect hop, and ErrPrivateAddress when a dial was refused.
func (c *Client) Get(ctx context.Context, u string, hdr http.Header) (*Response, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, fmt.Errorf("parse url: %w", err)
	}
	if pu.Scheme != "http" && pu.Scheme != "https" {
		return nil, fmt.Errorf("%q: not http(s)", u)
	}
	if c.cfg.AllowHost != nil && !c.cfg.AllowHost(pu.Hostname()) {
		return nil, fmt.Errorf("%q: host not in allowed_domains", u)
	}
	ok, err := c.robotsAllow(ctx, pu)
	if err != nil {
		return nil, err
	}
	if !ok {
		c.disallowed()
		return nil, fmt.Errorf("%s: %w", u, ErrDisallowed)
	}
	g := c.gate(pu)
	for attempt := 0; ; attempt++ {
		res, err := c.engine.get(u, hdr)
		if err == nil {
			return res, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, ErrNotModified) {
			return res, err
		}
		wait, retry := c.retryAfter(res, err, attempt)
		if wait.err != nil {
			return res, wait.err
		}
		if !retry || attempt >= c.cfg.MaxRetries {
			if attempt > 0 {
				return res, fmt.Errorf("%w (after %d retries)", err, attempt)
			}
			return res, err
		}
		status := 0
		if res != nil {
			status = res.Status
		}
		c.log.Info("fetch failed, retrying", "url", u, "status", status,
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

func (c *Client) disallowed() {
	if c.cfg.OnDisallowed != nil {
		c.cfg.OnDisallowed()
	}
}

// checkRedirect is every hop's check of a page: a limit, http(s) only, the
// allowed hosts and Config.Redirect. The robots.txt of the target is
// politeTransport's, the address the dial guard's.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= MaxRedirects {
		return fmt.Errorf("more than %d redirects", MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %q: not http(s)", req.URL)
	}
	if c.cfg.AllowHost != nil && !c.cfg.AllowHost(req.URL.Hostname()) {
		return fmt.Errorf("redirect to %q: host not in allowed_domains", req.URL)
	}
	// An API key is for the host it was sent to.
	if req.URL.Host != via[len(via)-1].URL.Host {
		req.Header.Del("Authorization")
	}
	if c.cfg.Redirect != nil {
		return c.cfg.Redirect(req, via)
	}
	return nil
}

type retryWait struct {
	d      time.Duration
	shared bool  // the host said how long: every request to it waits
	err    error // wraps ErrRetryAfterTooLong: give up on this URL
}

// retryAfter decides whether the failed attempt is worth another one.
func (c *Client) retryAfter(res *Response, err error, attempt int) (retryWait, bool) {
	status := 0
	if res != nil {
		status = res.Status
	}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		// HTTP dates are the server's wall clock.
		if d, ok := parseRetryAfter(res.Header.Get("Retry-After"), time.Now()); ok {
			if d > c.cfg.MaxRetryAfter {
				return retryWait{err: fmt.Errorf("status %d with Retry-After %s, beyond the cap of %s: %w; not retried this crawl",
					status, d.Round(time.Second), c.cfg.MaxRetryAfter, ErrRetryAfterTooLong)}, false
			}
			return retryWait{d: max(d, c.cfg.Delay), shared: true}, true
		}
		return retryWait{d: c.backoff(attempt), shared: status == http.StatusTooManyRequests}, true
	}
	if status >= 500 && status != http.StatusNotImplemented {
		return retryWait{d: c.backoff(attempt)}, true
	}
	if status != 0 {
		return retryWait{}, false // 4xx: asking again will not help
	}
	if transient(err) {
		return retryWait{d: c.backoff(attempt)}, true
	}
	return retryWait{}, false
}

// backoff is RetryBase·2^attempt, capped at RetryCap, with jitter of ±25%.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.RetryBase << min(attempt, 16)
	if d <= 0 || d > c.cfg.RetryCap {
		d = c.cfg.RetryCap
	}
	return d*3/4 + rand.N(d/2+1)
}

// transient reports a network failure that may pass: a timeout, a reset or
// a refused connection, a response cut short. A refused private address, a
// redirect refused by policy or robots.txt is not.
func transient(err error) bool {
	if err == nil || errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrDisallowed) {
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
