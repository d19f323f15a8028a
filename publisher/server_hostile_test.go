package publisher

// What a client or a page can send to take the server down, one test each:
// query strings that would make every request a new body, events with fields
// of a megabyte, more renders than the machine holds, the database going
// away, and characters that turn text around. Each test bounds the memory or
// the time the attack may take.

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// renderCount is how many bodies of route the server rendered.
func renderCount(t *testing.T, srv *Server, route string) uint64 {
	t.Helper()
	var m dto.Metric
	if err := srv.renders.WithLabelValues(route).(prometheus.Histogram).Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetHistogram().GetSampleCount()
}

// cacheResults is how many lookups ended in result (hit, miss, stale…).
func cacheResults(t *testing.T, srv *Server, result string) float64 {
	t.Helper()
	var m dto.Metric
	if err := srv.hits.WithLabelValues(result).Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}

// heapPeak runs f and returns how far the live heap rose above where it
// stood before, sampled every few milliseconds.
func heapPeak(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	<-sampled
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// fetchAll GETs every path from workers goroutines at once and returns the
// first failure (a status other than want).
func fetchAll(base string, paths []string, workers, want int) error {
	var (
		wg   sync.WaitGroup
		next atomic.Int64
		mu   sync.Mutex
		fail error
	)
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				resp, err := client.Get(base + paths[i])
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != want {
						err = fmt.Errorf("%s: status %d, want %d", paths[i], resp.StatusCode, want)
					}
				}
				if err != nil {
					mu.Lock()
					if fail == nil {
						fail = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return fail
}

// manyEvents stores n upcoming events over 60 days, in one batch.
func manyEvents(t *testing.T, st *store.Store, n int) {
	t.Helper()
	areas := []string{"大阪市北区", "大阪市中央区", "堺市", "東大阪市", "online"}
	evs := make([]event.Event, n)
	for i := range evs {
		evs[i] = ev(fmt.Sprintf("m%05d", i), event.Labels[i%len(event.Labels)], areas[i%len(areas)],
			day(1+i%60).Add(time.Duration(9+i%10)*time.Hour), fmt.Sprintf("異業種交流会・名刺交換会 第%d回", i))
		evs[i].Description = strings.Repeat("大阪の中小企業の経営者が集まり、自社の紹介と名刺交換を行います。", 8)
	}
	if _, err := st.Upsert(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
}

func sqliteStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), store.Config{Path: filepath.Join(t.TempDir(), "k.db")}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st
}

func randomWord() string { return fmt.Sprintf("%x", rand.Uint64()) }

// TestQueryStringsDoNotBustTheCache: parameters a route does not know (a
// feed reader's, a tracker's, an attacker's random ones) are not part of the
// cache key, on the page and the feeds; on the API they are refused before
// any query. Before, each was a new key and a full render.
func TestQueryStringsDoNotBustTheCache(t *testing.T) {
	st := sqliteStore(t)
	manyEvents(t, st, 1000)
	const cacheBytes = 8 << 20
	// StrayRate is TestStrayParametersWaitTheirTurn's: unbounded here.
	srv, ts := startServer(t, st, ServerConfig{CacheBytes: cacheBytes, StampEvery: time.Hour, StrayRate: -1})

	var paths []string
	for range 400 {
		paths = append(paths,
			"/?x="+randomWord(),
			"/?utm_source="+randomWord()+"&label=regional",
			"/feeds/all.rss?x="+randomWord(),
			"/feeds/all.rss?area=&fbclid="+randomWord(),
		)
	}
	t0 := time.Now()
	var err error
	grew := heapPeak(func() { err = fetchAll(ts.URL, paths, 32, http.StatusOK) })
	took := time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	if n := renderCount(t, srv, pageRoute); n != 2 {
		t.Errorf("%d page requests with random parameters rendered %d bodies, want 2 (/ and /?label=regional)", 800, n)
	}
	if n := renderCount(t, srv, feedRoute); n != 1 {
		t.Errorf("%d feed requests with random parameters rendered %d bodies, want 1", 800, n)
	}
	if n, b := srv.cache.len(), srv.cache.bytesHeld(); n != 3 || b > cacheBytes {
		t.Errorf("cache holds %d entries, %d bytes; want 3 within %d", n, b, cacheBytes)
	}
	t.Logf("%d requests in %v, live heap rose %d MB", len(paths), took, grew>>20)
	if took > 30*time.Second {
		t.Errorf("%d requests took %v", len(paths), took)
	}
	if grew > 128<<20 {
		t.Errorf("the live heap rose by %d MB", grew>>20)
	}

	// The API refuses an unknown parameter, with no store query.
	for range 50 {
		r := get(t, ts.URL+"/api/events?x="+randomWord())
		if r.code != http.StatusBadRequest || !strings.Contains(r.body, "unknown parameter") {
			t.Fatalf("unknown API parameter: %d %s", r.code, r.body)
		}
	}
	if n := renderCount(t, srv, apiRoute); n != 0 {
		t.Errorf("refused API requests rendered %d bodies", n)
	}
	// The same API query spelt three ways is one body.
	for _, q := range []string{"label=regional&limit=10&from=2026-01-01", "from=2026-01-01&limit=10&label=regional",
		"limit=10&label=regional&from=" + url.QueryEscape("2026-01-01T00:00:00+09:00")} {
		if r := get(t, ts.URL+"/api/events?"+q); r.code != http.StatusOK {
			t.Fatalf("%s: %d %s", q, r.code, r.body)
		}
	}
	if n := renderCount(t, srv, apiRoute); n != 1 {
		t.Errorf("one API query spelt three ways rendered %d bodies", n)
	}
}

// TestStrayParametersWaitTheirTurn: requests with a parameter their route
// does not know (random ones, sent back to back to bust the cache) are
// answered at most StrayRate a second; the rest wait their turn, or, when it
// is further than RenderWait away, are held RenderWait and refused. Answered
// at once, such a flood kept the server's CPU busy and a feed reader's
// requests waiting behind it; requests with known parameters never wait.
func TestStrayParametersWaitTheirTurn(t *testing.T) {
	st := sqliteStore(t)
	upsertEach(t, st, newFixture().announced()...)
	const strayRate, wait = 20, time.Second
	srv, ts := startServer(t, st, ServerConfig{StrayRate: strayRate, RenderWait: wait, StampEvery: time.Hour})
	get(t, ts.URL+"/feeds/all.rss") // rendered and cached

	const n = 60
	type answer struct {
		code int
		took time.Duration
	}
	answers := make(chan answer, n)
	t0 := time.Now()
	for i := range n {
		go func() {
			p := "/feeds/all.rss?fbclid=" + randomWord()
			if i%2 == 1 {
				p = "/?utm_source=" + randomWord()
			}
			t1 := time.Now()
			resp, err := client.Get(ts.URL + p)
			if err != nil {
				answers <- answer{code: -1}
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			answers <- answer{code: resp.StatusCode, took: time.Since(t1)}
		}()
	}
	// Meanwhile a feed reader's request, with known parameters only, is
	// answered at once.
	for range 5 {
		t1 := time.Now()
		if r := get(t, ts.URL+"/feeds/all.rss?area="+url.QueryEscape("大阪市")); r.code != http.StatusOK {
			t.Errorf("a known parameter: %d", r.code)
		}
		if took := time.Since(t1); took > 500*time.Millisecond {
			t.Errorf("a request with known parameters waited %v behind the stray ones", took)
		}
	}
	codes := map[int]int{}
	for range n {
		a := <-answers
		codes[a.code]++
		if a.code == http.StatusServiceUnavailable && a.took < wait-100*time.Millisecond {
			t.Errorf("a refused request was answered after %v, not held %v", a.took, wait)
		}
	}
	took := time.Since(t0)
	t.Logf("%d stray requests: %v in %v", n, codes, took)
	if codes[http.StatusOK]+codes[http.StatusServiceUnavailable] != n || codes[http.StatusServiceUnavailable] == 0 {
		t.Errorf("answers %v: want 200s, then 503s beyond %d a second", codes, strayRate)
	}
	// At most the burst at once, then strayRate a second for the wait.
	if max200 := strayRate + int(float64(strayRate)*took.Seconds()) + 1; codes[http.StatusOK] > max200 {
		t.Errorf("%d stray requests served in %v, more than %d", codes[http.StatusOK], took, max200)
	}
	if cacheResults(t, srv, "miss") != 3 { // the feed, the page and the area
		t.Errorf("renders: %v", cacheResults(t, srv, "miss"))
	}
}

// TestCacheIsBoundedInBytes: distinct bodies (here one per area, each a few
// hundred kilobytes) fill the cache up to its byte bound, not its count.
func TestCacheIsBoundedInBytes(t *testing.T) {
	st := sqliteStore(t)
	manyEvents(t, st, 1000)
	const cacheBytes = 1 << 20
	srv, ts := startServer(t, st, ServerConfig{CacheBytes: cacheBytes, StampEvery: time.Hour})
	var paths []string
	for i := range 40 {
		paths = append(paths, fmt.Sprintf("/?area=%s&label=%s", url.QueryEscape([]string{"大阪市", "堺市", "東大阪市", "online"}[i%4]), event.Labels[i%len(event.Labels)]))
		paths = append(paths, "/feeds/all.atom?area="+url.QueryEscape(fmt.Sprintf("大阪市%d区", i)))
	}
	if err := fetchAll(ts.URL, paths, 8, http.StatusOK); err != nil {
		t.Fatal(err)
	}
	if b := srv.cache.bytesHeld(); b > cacheBytes || b == 0 {
		t.Errorf("cache holds %d bytes, bound %d", b, cacheBytes)
	}
	// The most recently used body is still there.
	last := paths[len(paths)-1]
	before := renderCount(t, srv, feedRoute)
	get(t, ts.URL+last)
	if after := renderCount(t, srv, feedRoute); after != before {
		t.Error("the most recently used body was evicted")
	}
}

// TestOversizedFieldsAreClipped: events whose title and description are
// 900 KB each. Rendered whole they made every feed and the page tens of
// megabytes, too large to cache, so each request rendered again. Clipped,
// each body is small, rendered once and cached.
func TestOversizedFieldsAreClipped(t *testing.T) {
	st := sqliteStore(t)
	huge := strings.Repeat("大阪商工会議所 会員交流会のご案内 ", 900<<10/len("大阪商工会議所 会員交流会のご案内 "))
	for i := range 16 {
		e := ev(fmt.Sprintf("huge%02d", i), event.CrossIndustry, "大阪市北区", day(2+i).Add(18*time.Hour), huge)
		e.Description = huge
		upsertEach(t, st, e)
	}
	// Renders of such rows are slow under -race on a busy machine: the wait
	// for a slot must not turn them into 503s here.
	srv, ts := startServer(t, st, ServerConfig{MaxRenders: 2, RenderWait: 2 * time.Minute, StampEvery: time.Hour})
	routes := []string{"/", "/feeds/all.rss", "/feeds/all.atom", "/feeds/all.ics", "/api/events?limit=500"}
	var paths []string
	for range 4 {
		paths = append(paths, routes...)
	}
	var err error
	grew := heapPeak(func() { err = fetchAll(ts.URL, paths, len(paths), http.StatusOK) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("live heap rose %d MB", grew>>20)
	if grew > 400<<20 {
		t.Errorf("20 requests over 16 events of 1.8 MB raised the live heap by %d MB", grew>>20)
	}
	for _, p := range routes {
		r := get(t, ts.URL+p)
		if len(r.body) > 512<<10 {
			t.Errorf("%s: %d KB", p, len(r.body)>>10)
		}
		if !strings.Contains(r.body, "…") {
			t.Errorf("%s: no clipped field", p)
		}
	}
	for route, want := range map[string]uint64{pageRoute: 1, feedRoute: 3, apiRoute: 1} {
		if n := renderCount(t, srv, route); n != want {
			t.Errorf("%s rendered %d times, want %d", route, n, want)
		}
	}
}

// TestRenderSlotsShedLoad: with every render slot taken, a request for a body
// that must be rendered waits RenderWait, then gets the last good copy, or
// 503 with Retry-After when there is none; cached bodies are served as ever.
func TestRenderSlotsShedLoad(t *testing.T) {
	st := sqliteStore(t)
	fx := newFixture()
	upsertEach(t, st, fx.kita)
	clock := newTestClock(time.Now())
	srv, ts := startServer(t, st, ServerConfig{MaxRenders: 1, RenderWait: 50 * time.Millisecond, StampEvery: time.Second, Now: clock.Now})
	first := get(t, ts.URL+"/feeds/all.rss")

	srv.slots <- struct{}{} // every slot busy
	if r := get(t, ts.URL+"/feeds/all.rss"); r.code != http.StatusOK || r.header.Get("ETag") != first.header.Get("ETag") {
		t.Errorf("a cached body with every slot busy: %d", r.code)
	}
	upsertEach(t, st, fx.online)
	readStampNow(t, srv, clock) // the stamp moves: the feed must be rendered again
	t0 := time.Now()
	r := get(t, ts.URL+"/feeds/all.rss")
	if r.code != http.StatusOK || r.body != first.body {
		t.Errorf("with every slot busy, the last good copy: %d", r.code)
	}
	r = get(t, ts.URL+"/feeds/regional.rss")
	if r.code != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Errorf("no copy, every slot busy: %d %q", r.code, r.header.Get("Retry-After"))
	}
	if took := time.Since(t0); took > 5*time.Second {
		t.Errorf("two requests shed in %v", took)
	}
	if cacheResults(t, srv, "stale") != 1 || cacheResults(t, srv, "busy") != 1 {
		t.Errorf("stale %v busy %v", cacheResults(t, srv, "stale"), cacheResults(t, srv, "busy"))
	}

	<-srv.slots
	r = get(t, ts.URL+"/feeds/all.rss")
	if got := guids(parseFeed(t, r)); r.code != http.StatusOK || len(got) != 2 {
		t.Errorf("with a slot free again: %d %v", r.code, got)
	}
}

// tcpProxy forwards loopback connections to a target until cut: the
// database going away under a running server, as a network fault does.
type tcpProxy struct {
	t      *testing.T
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func startProxy(t *testing.T, target string) *tcpProxy {
	p := &tcpProxy{t: t, target: target}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *tcpProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(u, c); u.Close() }()
			go func() { _, _ = io.Copy(c, u); c.Close() }()
		}
	}()
}

// cut closes the listener and every connection.
func (p *tcpProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// restore listens again on the same port.
func (p *tcpProxy) restore() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.serve(ln)
}

// TestLastGoodCopyWhileDatabaseDown: PostgreSQL goes away under a running
// server. The page, the feeds and the API bodies it rendered before are
// served as they were (conditional requests too), quickly; a body it never
// rendered is 503 with Retry-After, not 500; when the database is back, new
// bodies are rendered again.
func TestLastGoodCopyWhileDatabaseDown(t *testing.T) {
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	proxy := startProxy(t, u.Host)
	u.Host = proxy.addr
	q := u.Query()
	q.Set("connect_timeout", "2")
	u.RawQuery = q.Encode()
	st, err := store.Open(context.Background(), store.Config{URL: u.String(), MaxConns: 4}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	fx := newFixture()
	upsertEach(t, st, fx.announced()...)
	clock := newTestClock(time.Now())
	srv, ts := startServer(t, st, ServerConfig{StampEvery: time.Second, Now: clock.Now})

	paths := []string{"/", "/?label=study_group", "/feeds/all.rss", "/feeds/all.ics", "/api/events?label=regional"}
	before := map[string]response{}
	for _, p := range paths {
		r := get(t, ts.URL+p)
		if r.code != http.StatusOK {
			t.Fatalf("%s: %d", p, r.code)
		}
		before[p] = r
	}

	proxy.cut()
	readStampNow(t, srv, clock) // the stamp is read again, and fails
	for range 3 {
		for _, p := range paths {
			t0 := time.Now()
			r := get(t, ts.URL+p)
			took := time.Since(t0)
			if r.code != http.StatusOK || r.body != before[p].body || r.header.Get("ETag") != before[p].header.Get("ETag") {
				t.Errorf("database down, %s: %d, want the last good copy", p, r.code)
			}
			// The outage is known: no answer waits on the database.
			if limit := 500 * time.Millisecond; took > limit {
				t.Errorf("database down, %s took %v", p, took)
			}
			if r := get(t, ts.URL+p, "If-None-Match", before[p].header.Get("ETag")); r.code != http.StatusNotModified {
				t.Errorf("database down, %s conditional: %d", p, r.code)
			}
		}
		clock.Advance(time.Second)
	}
	r := get(t, ts.URL+"/feeds/regional.atom")
	if r.code != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Errorf("database down, a body never rendered: %d %q", r.code, r.body)
	}
	r = get(t, ts.URL+"/api/events?label=other")
	if r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, `"error"`) {
		t.Errorf("database down, an API body never rendered: %d %q", r.code, r.body)
	}
	if r := get(t, ts.URL+"/readyz"); r.code != http.StatusServiceUnavailable {
		t.Errorf("database down, /readyz %d", r.code)
	}

	proxy.restore()
	clock.Advance(time.Second)
	deadline := time.Now().Add(15 * time.Second)
	for {
		r = get(t, ts.URL+"/feeds/regional.atom")
		if r.code == http.StatusOK || time.Now().After(deadline) {
			break
		}
		clock.Advance(time.Second)
		time.Sleep(50 * time.Millisecond) // polling interval while the pool reconnects
	}
	if r.code != http.StatusOK {
		t.Errorf("database back, a new body: %d %s", r.code, r.body)
	}
}

// TestBidiControlsNeverRendered: a right-to-left override in an event's text
// would make it read backwards; no body carries it, nor any other
// bidirectional control.
func TestBidiControlsNeverRendered(t *testing.T) {
	st := sqliteStore(t)
	e := ev("bidi", event.Regional, "堺市", day(3).Add(18*time.Hour), "商店街交流会\u202egpj.exe\u202c")
	e.Venue = "\u2066堺市役所\u2069\u200f"
	e.Organizer = "堺商工会議所\u202b"
	e.Description = "申込\u202eはこちら\u061c"
	upsertEach(t, st, e)
	_, ts := startServer(t, st, ServerConfig{})
	for _, p := range []string{"/", "/feeds/all.rss", "/feeds/all.atom", "/feeds/all.ics", "/api/events",
		"/?area=" + url.QueryEscape("堺\u202e市"), "/feeds/all.atom?area=" + url.QueryEscape("堺\u202e市")} {
		r := get(t, ts.URL+p)
		if r.code != http.StatusOK {
			t.Fatalf("%s: %d", p, r.code)
		}
		if !strings.Contains(r.body, "商店街交流会gpj.exe") {
			t.Errorf("%s lacks the title", p)
		}
		for _, c := range []string{"\u202e", "\u202c", "\u2066", "\u2069", "\u200f", "\u202b", "\u061c", `\u202e`, `\u202c`} {
			if strings.Contains(r.body, c) {
				t.Errorf("%s carries %+q", p, c)
			}
		}
	}
}
