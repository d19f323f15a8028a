package publisher

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"golang.org/x/sync/singleflight"
	"golang.org/x/time/rate"

	"kouryu/internal/event"
	"kouryu/internal/ops"
	"kouryu/internal/store"
)

// ServerConfig sets the HTTP server. The zero value is usable: every field
// has a default.
type ServerConfig struct {
	// Addr is the address ListenAndServe listens on; default 127.0.0.1:8080.
	Addr string
	// BaseURL is the absolute http(s) URL the server is reached at, without a
	// trailing slash; feeds use it for their own and their items' links.
	// Default "http://" + Addr.
	BaseURL string
	// FeedLimit is the number of items in a feed; default 100, at most 500.
	FeedLimit int
	// Registry receives the server's metrics and is served on /metrics; nil
	// → a new registry with the Go and process collectors.
	Registry *prometheus.Registry
	// NoMetrics keeps /metrics off this server's routes, for a process that
	// serves it on an ops listener of its own (see package ops). /healthz
	// and /readyz stay.
	NoMetrics bool
	// CacheEntries bounds the rendered bodies kept; default 512.
	CacheEntries int
	// CacheBytes bounds the bytes of the rendered bodies kept (plain and
	// gzipped); default 64 MiB. A body larger than an eighth of it is
	// served but not kept.
	CacheBytes int64
	// MaxRenders bounds the renders (a store query and its rendering) that
	// run at once; default 4. Each holds the rows it read in memory.
	MaxRenders int
	// RenderWait is how long a request waits for a render slot (or for its
	// turn under StrayRate) before it is answered with the last good copy
	// of its body or, without one, 503; default 5s.
	RenderWait time.Duration
	// StrayRate bounds the requests a second, all routes together, that
	// carry a query parameter their route does not know: tracking tags, or
	// random ones sent to bust the cache. They are answered like the
	// others, from the cache, but in turn; one whose turn is further than
	// RenderWait away waits RenderWait, then gets 503. Requests with only
	// known parameters, as feed readers and the page's links send, are
	// never held. Default 200; negative: no bound.
	StrayRate float64
	// StampEvery is how often the store's stamp is read to invalidate the
	// cache; default 1s. Conditional requests between two reads cost no
	// database round trip.
	StampEvery time.Duration
	// Now is the server's clock: what is upcoming, when a cached body
	// expires, when the stamp is read again. nil → time.Now.
	Now func() time.Time
}

// Validate reports a config NewServer cannot use. Zero fields are fine.
func (c ServerConfig) Validate() error {
	var faults []string
	if c.Addr != "" {
		if _, _, err := net.SplitHostPort(c.Addr); err != nil {
			faults = append(faults, fmt.Sprintf("addr %q: %v", c.Addr, err))
		}
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			faults = append(faults, fmt.Sprintf("base url %q is not an absolute http(s) URL without query", c.BaseURL))
		}
	}
	if c.FeedLimit < 0 || c.FeedLimit > maxLimit {
		faults = append(faults, fmt.Sprintf("feed limit %d is not within 0..%d", c.FeedLimit, maxLimit))
	}
	if c.CacheEntries < 0 {
		faults = append(faults, fmt.Sprintf("cache entries %d is negative", c.CacheEntries))
	}
	if c.CacheBytes < 0 {
		faults = append(faults, fmt.Sprintf("cache bytes %d is negative", c.CacheBytes))
	}
	if c.MaxRenders < 0 {
		faults = append(faults, fmt.Sprintf("max renders %d is negative", c.MaxRenders))
	}
	if c.StrayRate != c.StrayRate { // NaN
		faults = append(faults, "stray rate is not a number")
	}
	if c.RenderWait < 0 {
		faults = append(faults, fmt.Sprintf("render wait %v is negative", c.RenderWait))
	}
	if c.StampEvery < 0 {
		faults = append(faults, fmt.Sprintf("stamp every %v is negative", c.StampEvery))
	}
	if len(faults) > 0 {
		return fmt.Errorf("server config: %s", strings.Join(faults, "; "))
	}
	return nil
}

func (c ServerConfig) withDefaults() ServerConfig {
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	if c.FeedLimit == 0 {
		c.FeedLimit = 100
	}
	if c.CacheEntries == 0 {
		c.CacheEntries = 512
	}
	if c.CacheBytes == 0 {
		c.CacheBytes = 64 << 20
	}
	if c.MaxRenders == 0 {
		c.MaxRenders = 4
	}
	if c.RenderWait == 0 {
		c.RenderWait = 5 * time.Second
	}
	if c.StrayRate == 0 {
		c.StrayRate = 200
	}
	if c.StampEvery == 0 {
		c.StampEvery = time.Second
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

const (
	maxLimit     = 500
	defaultLimit = 50
	// lookback is how far before now an upcoming scan starts: an event that
	// began earlier but has not ended yet (a multi-day fair) is still shown.
	lookback = 31 * 24 * time.Hour
	// maxScan bounds the rows one upcoming scan reads.
	maxScan = 5000
	// stampTimeout bounds one read of the store's stamp: past it, the
	// database counts as unreachable until the next read.
	stampTimeout = 2 * time.Second
	// renderTimeout bounds one render. A render does not stop when the
	// request that started it goes away: others may be waiting for it.
	renderTimeout = 20 * time.Second
	// staleWarnEvery spaces the log lines of answers from the last good
	// copy: an outage logs one a minute, not one a request.
	staleWarnEvery = time.Minute
)

// Server serves the feeds, the JSON API, the web page, health and metrics
// from a Store. It only reads.
//
// Rendered bodies are cached, keyed by the parameters a route knows (others
// are ignored on the page and the feeds, refused on the API), until the
// store's stamp moves (read at most every StampEvery) or an event in them
// passes. The cache is bounded in entries and in bytes, least recently used
// out first; renders run at most MaxRenders at once, and concurrent requests
// for one body share one render. A body the cache still holds from before is
// the last good copy: it is served when the database cannot be reached.
type Server struct {
	st    *store.Store
	cfg   ServerConfig
	log   *slog.Logger
	reg   *prometheus.Registry
	mux   *http.ServeMux
	ready atomic.Pointer[func(context.Context) error]
	now   func() time.Time

	stamp   atomic.Pointer[stampState]
	stampMu sync.Mutex

	cache     *bodyCache
	flights   singleflight.Group
	slots     chan struct{} // one token per render running
	strays    *rate.Limiter // nil: no bound
	lastStale atomic.Int64  // unix nanos of the last stale-answer log line

	requests *prometheus.CounterVec
	renders  *prometheus.HistogramVec
	hits     *prometheus.CounterVec
	held     *prometheus.CounterVec
}

// stampState is the last read of the store's stamp: the stamp, or the error
// that read met (the stamp is then the one before).
type stampState struct {
	stamp store.Stamp
	at    time.Time
	err   error
}

// NewServer returns a server reading st. It registers its metrics on
// cfg.Registry and fails if they are registered there already.
func NewServer(st *store.Store, cfg ServerConfig, log *slog.Logger) (*Server, error) {
	if st == nil {
		return nil, errors.New("new server: nil store")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	reg := cfg.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	s := &Server{
		st: st, cfg: cfg, log: log, reg: reg, now: cfg.Now,
		cache: newBodyCache(cfg.CacheEntries, cfg.CacheBytes),
		slots: make(chan struct{}, cfg.MaxRenders),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_http_requests_total",
			Help: "HTTP requests by route pattern and status code.",
		}, []string{"pattern", "code"}),
		renders: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "kouryu_http_render_seconds",
			Help:    "Time to query the store and render a body that was not cached.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}, []string{"pattern"}),
		hits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_http_cache_total",
			Help: "Rendered-body cache lookups by result (hit; miss; shared: waited for a render in progress; stale: the last good copy, the database being unreachable or every render slot busy; busy: no copy and no render slot, answered 503).",
		}, []string{"result"}),
		held: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kouryu_http_stray_total",
			Help: "Requests with a query parameter their route does not know, by outcome (served at once; held: waited for their turn; refused: 503 after RenderWait).",
		}, []string{"outcome"}),
	}
	if cfg.StrayRate > 0 {
		s.strays = rate.NewLimiter(rate.Limit(cfg.StrayRate), max(1, int(cfg.StrayRate)))
	}
	cacheBytes := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "kouryu_http_cache_bytes",
		Help: "Bytes of rendered bodies the cache holds (plain and gzipped).",
	}, func() float64 { return float64(s.cache.bytesHeld()) })
	for _, c := range []prometheus.Collector{s.requests, s.renders, s.hits, s.held, cacheBytes} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register server metrics: %w", err)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc(pageRoute, s.cached(pageRoute, pageParams, s.parsePage))
	mux.HandleFunc(feedRoute, s.cached(feedRoute, feedParams, s.parseFeed))
	mux.HandleFunc(apiRoute, s.cached(apiRoute, apiParams, s.parseAPI))
	metricsReg := reg
	if cfg.NoMetrics {
		metricsReg = nil
	}
	ops.Register(mux, metricsReg, s.Ready)
	s.mux = mux
	return s, nil
}

// SetReady adds a readiness check to /readyz besides the store's Ping (for
// example: the writer's consumer is running). nil removes it.
func (s *Server) SetReady(f func(ctx context.Context) error) {
	if f == nil {
		s.ready.Store(nil)
		return
	}
	s.ready.Store(&f)
}

// Ready is the server's readiness, as /readyz reports it: the store answers
// a ping and the check given to SetReady, if any, passes.
func (s *Server) Ready(ctx context.Context) error {
	if err := s.st.Ping(ctx); err != nil {
		return err
	}
	if f := s.ready.Load(); f != nil {
		return (*f)(ctx)
	}
	return nil
}

// Handler is the server's routes with request metrics, for tests and for
// mounting under another server.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		s.mux.ServeHTTP(sw, r)
		pattern := r.Pattern
		if pattern == "" {
			pattern = "unmatched"
		}
		s.requests.WithLabelValues(pattern, strconv.Itoa(sw.code)).Inc()
	})
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ListenAndServe listens on cfg.Addr and serves until ctx is done, then
// shuts down gracefully (in-flight requests get up to 10s).
func (s *Server) ListenAndServe(ctx context.Context) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, then shuts down gracefully. It
// closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("http server listening", "addr", ln.Addr().String(), "base_url", s.cfg.BaseURL)
	select {
	case err := <-errc:
		return fmt.Errorf("serve http on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("shut down http server: %w", err)
	}
	s.log.Info("http server stopped")
	return nil
}

// currentStamp returns the store's stamp as last read. When that read is
// older than StampEvery, one request starts another in the background and
// every request meanwhile goes on with the last one, so that no answer
// waits on the database but the very first. A read that fails is
// remembered as long as a good one would be: while the database is
// unreachable, requests learn it at once.
func (s *Server) currentStamp(ctx context.Context) (store.Stamp, error) {
	cur := s.stamp.Load()
	if cur != nil && s.now().Sub(cur.at) < s.cfg.StampEvery {
		return cur.stamp, cur.err
	}
	if cur == nil {
		s.stampMu.Lock()
		defer s.stampMu.Unlock()
		if c := s.stamp.Load(); c != nil {
			return c.stamp, c.err
		}
		st := s.readStamp(ctx, store.Stamp{})
		return st.stamp, st.err
	}
	if s.stampMu.TryLock() {
		go func() {
			defer s.stampMu.Unlock()
			if s.stamp.Load() == cur { // nobody read it since
				s.readStamp(ctx, cur.stamp)
			}
		}()
	}
	return cur.stamp, cur.err
}

// readStamp reads the store's stamp and records the result; on failure the
// stamp stays prev.
func (s *Server) readStamp(ctx context.Context, prev store.Stamp) *stampState {
	// The read is not the request's: a client that hangs up must not make
	// the database look unreachable to the others.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), stampTimeout)
	defer cancel()
	st, err := s.st.Stamp(rctx)
	state := &stampState{stamp: st, at: s.now()}
	if err != nil {
		state = &stampState{stamp: prev, at: s.now(), err: fmt.Errorf("read store stamp: %w", err)}
	}
	s.stamp.Store(state)
	return state
}

// body is what a render produces.
type body struct {
	contentType string
	data        []byte
	// modified is the last time the body changed for a reason other than
	// the store (an event in it passed); zero if none.
	modified time.Time
	// expires is when the body changes by itself (the first event in it
	// passes); zero: never.
	expires time.Time
}

// httpError is a render failure the client caused: its message is sent.
type httpError struct {
	code int
	msg  string
	json bool
}

func (e *httpError) Error() string { return e.msg }

// errBusy is a render that found no free slot within RenderWait.
var errBusy = errors.New("every render slot is busy")

// request is a parsed request: the key of its body in the cache (built from
// the parameters the route knows, in a fixed form, so that a parameter the
// route ignores or another spelling of the same value is the same key) and
// how to render that body.
type request struct {
	key    string
	render func(ctx context.Context, now time.Time) (body, error)
}

// parseFunc reads a request. An *httpError is the client's fault and is
// answered before any cache lookup or store query.
type parseFunc func(r *http.Request) (request, error)

// Route patterns, the metric label values of render durations.
const (
	pageRoute = "GET /{$}"
	feedRoute = "GET /feeds/{file}"
	apiRoute  = "GET /api/events"
)

// cached serves the body of a request from the cache when the store's stamp
// has not moved, else renders it (once for all the requests that want it
// meanwhile), with ETag / Last-Modified, 304s and gzip. When the database
// cannot be reached, or every render slot stays busy, the last good copy of
// the body is served; without one, 503. A request with a parameter not in
// known waits its turn under StrayRate first.
func (s *Server) cached(route string, known map[string]bool, parse parseFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.strays != nil && stray(r.URL.RawQuery, known) && !s.awaitTurn(r.Context()) {
			s.unavailable(w, r, "too many requests with unknown parameters, try again shortly")
			return
		}
		req, err := parse(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		ctx := r.Context()
		st, err := s.currentStamp(ctx)
		if err == nil {
			var e *entry
			if e, err = s.load(ctx, route, req, st); err == nil {
				s.send(w, r, e)
				return
			}
		}
		var he *httpError
		if errors.As(err, &he) || ctx.Err() != nil {
			s.fail(w, r, err)
			return
		}
		if e := s.cache.get(req.key); e != nil {
			s.hits.WithLabelValues("stale").Inc()
			s.warnStale(r, err)
			s.send(w, r, e)
			return
		}
		s.fail(w, r, err)
	}
}

// load returns the cached entry for req when it is current, or renders it
// once for all the requests that want it meanwhile.
func (s *Server) load(ctx context.Context, route string, req request, st store.Stamp) (*entry, error) {
	now := s.now()
	if e := s.cache.get(req.key); e != nil && e.current(st, now) {
		s.hits.WithLabelValues("hit").Inc()
		return e, nil
	}
	ran := false // set by the render when it is this request's
	flight := req.key + "\x00" + strconv.FormatInt(st.Count, 10) + "\x00" + strconv.FormatInt(st.LastChange.UnixNano(), 10)
	ch := s.flights.DoChan(flight, func() (any, error) {
		ran = true
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), renderTimeout)
		defer cancel()
		if err := s.acquire(rctx); err != nil {
			return nil, err
		}
		defer func() { <-s.slots }()
		t0 := time.Now()
		b, err := req.render(rctx, now)
		if err != nil {
			return nil, err
		}
		s.renders.WithLabelValues(route).Observe(time.Since(t0).Seconds())
		e := newEntry(st, req.key, b)
		s.cache.put(req.key, e)
		return e, nil
	})
	select {
	case res := <-ch:
		if ran {
			s.hits.WithLabelValues("miss").Inc()
		} else {
			s.hits.WithLabelValues("shared").Inc()
		}
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.(*entry), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// stray reports whether a raw query has a parameter not in known, or does
// not parse.
func stray(raw string, known map[string]bool) bool {
	if raw == "" {
		return false
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return true
	}
	for k := range v {
		if !known[k] {
			return true
		}
	}
	return false
}

// awaitTurn waits for a stray request's turn under StrayRate. One whose
// turn is further than RenderWait away is held RenderWait all the same and
// refused (false): answered at once, a client sending them back to back would
// only send more.
func (s *Server) awaitTurn(ctx context.Context) bool {
	res := s.strays.Reserve()
	d := res.Delay()
	if d == 0 {
		s.held.WithLabelValues("served").Inc()
		return true
	}
	ok := d <= s.cfg.RenderWait
	if !ok {
		res.Cancel()
		d = s.cfg.RenderWait
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
		if ok {
			res.Cancel()
		}
		return false
	}
	if ok {
		s.held.WithLabelValues("held").Inc()
	} else {
		s.held.WithLabelValues("refused").Inc()
	}
	return ok
}

// acquire takes a render slot, waiting at most RenderWait.
func (s *Server) acquire(ctx context.Context) error {
	select {
	case s.slots <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(s.cfg.RenderWait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

// warnStale logs that the last good copy was served, at most once every
// staleWarnEvery.
func (s *Server) warnStale(r *http.Request, err error) {
	now := s.now().UnixNano()
	last := s.lastStale.Load()
	if now-last < int64(staleWarnEvery) || !s.lastStale.CompareAndSwap(last, now) {
		return
	}
	s.log.Warn("serving the last good copy", "path", r.URL.Path, "err", err)
}

// fail answers a request that got no body: the client's error as it is, a
// busy server or an unreachable database with 503 and Retry-After, anything
// else with 500.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		if he.json {
			writeJSONError(w, he.code, he.msg)
			return
		}
		http.Error(w, he.msg, he.code)
		return
	case r.Context().Err() != nil:
		return // the client went away: nobody reads an answer
	case errors.Is(err, errBusy):
		s.hits.WithLabelValues("busy").Inc()
		s.unavailable(w, r, "busy, try again shortly")
		return
	}
	var stamp *stampState
	if st := s.stamp.Load(); st != nil && st.err != nil {
		stamp = st
	}
	s.log.Error("http request failed", "path", r.URL.Path, "err", err)
	if stamp != nil {
		s.unavailable(w, r, "database unavailable, try again shortly")
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, msg string) {
	w.Header().Set("Retry-After", "5")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusServiceUnavailable, msg)
		return
	}
	http.Error(w, msg, http.StatusServiceUnavailable)
}

// upcoming reads the events of q that have not ended at now, in q's order,
// at most want of them. An event is upcoming while its start or end is not
// before now; an all-day event lasts to the end of its (last) day. It also
// returns when the result changes by itself (expires: the first of them
// passes) and the last time it did (modified: the latest end before now among
// the passed events it saw).
func (s *Server) upcoming(ctx context.Context, q store.Query, want int, now time.Time) (rows []store.Row, modified, expires time.Time, err error) {
	q.From = now.Add(-lookback)
	// Few events in the lookback have passed: ask for a little more than
	// wanted, not for a full page.
	q.Limit = min(want+want/4+20, maxLimit)
	scanned := 0
	for {
		page, err := s.st.Query(ctx, q)
		if err != nil {
			return nil, time.Time{}, time.Time{}, fmt.Errorf("query upcoming events: %w", err)
		}
		for _, r := range page.Rows {
			end := upcomingUntil(r.Event)
			if end.Before(now) {
				if end.After(modified) {
					modified = end
				}
				continue
			}
			if len(rows) < want {
				rows = append(rows, r)
				if expires.IsZero() || end.Before(expires) {
					expires = end
				}
			}
		}
		scanned += len(page.Rows)
		if page.Next == "" || len(rows) >= want || scanned >= maxScan {
			break
		}
		q.Cursor = page.Next
	}
	if !expires.IsZero() {
		// The body changes the instant after the event's last upcoming moment.
		expires = expires.Add(time.Nanosecond)
	}
	return rows, modified, expires, nil
}

// upcomingUntil is the last moment e counts as upcoming.
func upcomingUntil(e event.Event) time.Time {
	end := e.StartsAt
	if e.EndsAt.After(end) {
		end = e.EndsAt
	}
	if e.AllDay {
		d := end.In(event.Tokyo)
		return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, event.Tokyo).Add(-time.Nanosecond)
	}
	return end
}
