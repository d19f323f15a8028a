package publisher

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"kouryu/internal/event"
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
	// CacheEntries bounds the rendered bodies kept; default 512.
	CacheEntries int
	// StampEvery is how often the store's stamp is read to invalidate the
	// cache; default 1s. Conditional requests between two reads cost no
	// database round trip.
	StampEvery time.Duration
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
	if c.StampEvery == 0 {
		c.StampEvery = time.Second
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
	// maxCacheBody is the largest body kept in the cache.
	maxCacheBody = 4 << 20
)

// Server serves the feeds, the JSON API, the web page, health and metrics
// from a Store. It only reads. Rendered bodies are cached until the store's
// stamp moves (read at most every StampEvery) or an event in them passes.
type Server struct {
	st    *store.Store
	cfg   ServerConfig
	log   *slog.Logger
	reg   *prometheus.Registry
	mux   *http.ServeMux
	ready atomic.Pointer[func(context.Context) error]

	stamp   atomic.Pointer[stampState]
	stampMu sync.Mutex

	cacheMu sync.Mutex
	cache   map[string]*entry
	flights map[string]*flight

	requests *prometheus.CounterVec
	renders  *prometheus.HistogramVec
	hits     *prometheus.CounterVec
}

type stampState struct {
	stamp store.Stamp
	at    time.Time
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
		st: st, cfg: cfg, log: log, reg: reg,
		cache: make(map[string]*entry), flights: make(map[string]*flight),
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
			Help: "Rendered-body cache lookups by result (hit, miss, shared: waited for a render in progress).",
		}, []string{"result"}),
	}
	for _, c := range []prometheus.Collector{s.requests, s.renders, s.hits} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register server metrics: %w", err)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.cached(pageRoute, s.renderPage))
	mux.HandleFunc("GET /feeds/{file}", s.cached(feedRoute, s.renderFeed))
	mux.HandleFunc("GET /api/events", s.cached(apiRoute, s.renderAPI))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
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
		s.requests.WithLabelValues(pattern, fmt.Sprint(sw.code)).Inc()
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

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	err := s.st.Ping(ctx)
	if err == nil {
		if f := s.ready.Load(); f != nil {
			err = (*f)(ctx)
		}
	}
	if err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = fmt.Fprintf(w, "not ready: %v\n", err)
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// currentStamp returns the store's stamp, read again when the last read is
// older than StampEvery. One request reads it; the others meanwhile use the
// previous one, so a slow database does not stall cached answers.
func (s *Server) currentStamp(ctx context.Context) (store.Stamp, error) {
	cur := s.stamp.Load()
	if cur != nil && time.Since(cur.at) < s.cfg.StampEvery {
		return cur.stamp, nil
	}
	if cur != nil {
		if !s.stampMu.TryLock() {
			return cur.stamp, nil
		}
	} else {
		s.stampMu.Lock()
	}
	defer s.stampMu.Unlock()
	if c := s.stamp.Load(); c != nil && time.Since(c.at) < s.cfg.StampEvery {
		return c.stamp, nil
	}
	st, err := s.st.Stamp(ctx)
	if err != nil {
		return store.Stamp{}, err
	}
	if cur != nil && cur.stamp != st {
		s.cacheMu.Lock()
		clear(s.cache)
		s.cacheMu.Unlock()
	}
	s.stamp.Store(&stampState{stamp: st, at: time.Now()})
	return st, nil
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

// entry is a cached, ready-to-send body.
type entry struct {
	stamp    store.Stamp
	body     body
	gz       []byte // nil when not worth compressing
	etag     string // strong, without quotes
	lastMod  time.Time
	lastHTTP string
}

// httpError is a render failure the client caused: its message is sent.
type httpError struct {
	code int
	msg  string
	json bool
}

func (e *httpError) Error() string { return e.msg }

type renderFunc func(ctx context.Context, r *http.Request, now time.Time) (body, error)

// Route patterns, the metric label values of render durations.
const (
	pageRoute = "GET /{$}"
	feedRoute = "GET /feeds/{file}"
	apiRoute  = "GET /api/events"
)

// cached serves what render makes for a request, from the cache when the
// store's stamp has not moved, with ETag / Last-Modified, 304s and gzip.
func (s *Server) cached(route string, render renderFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		st, err := s.currentStamp(ctx)
		if err != nil {
			s.serverError(w, r, fmt.Errorf("read store stamp: %w", err))
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		e, err := s.load(ctx, route, key, st, func(ctx context.Context, now time.Time) (body, error) {
			return render(ctx, r, now)
		})
		if err != nil {
			var he *httpError
			if errors.As(err, &he) {
				s.clientError(w, he)
				return
			}
			s.serverError(w, r, err)
			return
		}
		s.send(w, r, e)
	}
}

// flight is one render in progress; requests for the same key wait for it
// instead of rendering again (after a store change, every reader of a feed
// arrives at once).
type flight struct {
	done  chan struct{}
	stamp store.Stamp
	e     *entry
	err   error
}

// renderTimeout bounds one render. A render does not stop when the request
// that started it goes away: others may be waiting for it.
const renderTimeout = 20 * time.Second

// load returns the cached entry for key, or renders it once for all the
// requests that want it meanwhile.
func (s *Server) load(ctx context.Context, route, key string, st store.Stamp, render func(context.Context, time.Time) (body, error)) (*entry, error) {
	now := time.Now()
	s.cacheMu.Lock()
	if e := s.cache[key]; e != nil && e.stamp == st && (e.body.expires.IsZero() || now.Before(e.body.expires)) {
		s.cacheMu.Unlock()
		s.hits.WithLabelValues("hit").Inc()
		return e, nil
	}
	if f := s.flights[key]; f != nil && f.stamp == st {
		s.cacheMu.Unlock()
		s.hits.WithLabelValues("shared").Inc()
		select {
		case <-f.done:
			return f.e, f.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{}), stamp: st}
	s.flights[key] = f
	s.cacheMu.Unlock()
	s.hits.WithLabelValues("miss").Inc()

	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), renderTimeout)
	defer cancel()
	t0 := time.Now()
	b, err := render(rctx, now)
	if err == nil {
		s.renders.WithLabelValues(route).Observe(time.Since(t0).Seconds())
		f.e = newEntry(st, key, b)
	}
	f.err = err
	s.cacheMu.Lock()
	if s.flights[key] == f {
		delete(s.flights, key)
	}
	if f.e != nil && len(b.data) <= maxCacheBody {
		if len(s.cache) >= s.cfg.CacheEntries {
			for k := range s.cache { // evict an arbitrary entry
				delete(s.cache, k)
				break
			}
		}
		s.cache[key] = f.e
	}
	s.cacheMu.Unlock()
	close(f.done)
	return f.e, f.err
}

func newEntry(st store.Stamp, key string, b body) *entry {
	h := sha256.New()
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(st.Count))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], uint64(st.LastChange.UnixNano()))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], uint64(b.modified.UnixNano()))
	h.Write(buf[:])
	h.Write([]byte(key))
	e := &entry{stamp: st, body: b, etag: hex.EncodeToString(h.Sum(nil)[:12])}
	e.lastMod = st.LastChange
	if b.modified.After(e.lastMod) {
		e.lastMod = b.modified
	}
	if !e.lastMod.IsZero() {
		e.lastHTTP = e.lastMod.UTC().Format(http.TimeFormat)
	}
	if len(b.data) >= 512 {
		var zb bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&zb, gzip.BestSpeed) // a valid level never fails
		_, _ = zw.Write(b.data)                           // writes to a bytes.Buffer do not fail
		_ = zw.Close()
		e.gz = zb.Bytes()
	}
	return e
}

func (s *Server) send(w http.ResponseWriter, r *http.Request, e *entry) {
	h := w.Header()
	gz := e.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding"))
	etag := `"` + e.etag + `"`
	if gz {
		etag = `"` + e.etag + `-gz"`
	}
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", etag)
	if e.lastHTTP != "" {
		h.Set("Last-Modified", e.lastHTTP)
	}
	h.Set("Cache-Control", "public, max-age=60")
	if notModified(r, e) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", e.body.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	data := e.body.data
	if gz {
		h.Set("Content-Encoding", "gzip")
		data = e.gz
	}
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// notModified evaluates If-None-Match (weak comparison, either encoding's
// tag) and, when absent, If-Modified-Since, as RFC 9110 §13.2.2 orders them.
func notModified(r *http.Request, e *entry) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == `"`+e.etag+`"` || t == `"`+e.etag+`-gz"` {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !e.lastMod.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !e.lastMod.Truncate(time.Second).After(t)
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: listed
// (or *) without q=0.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "x-gzip" && name != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
			return false
		}
		return true
	}
	return false
}

func (s *Server) clientError(w http.ResponseWriter, he *httpError) {
	if he.json {
		writeJSONError(w, he.code, he.msg)
		return
	}
	http.Error(w, he.msg, he.code)
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("http request failed", "path", r.URL.Path, "err", err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
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
