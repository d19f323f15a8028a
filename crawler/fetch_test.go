package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// hostileSource reads base+path as a list of <li> events with a link each
// and reads the linked pages' <h1> and <p class=d>.
func hostileSource(t *testing.T, base, path string, extraDomains ...string) Source {
	t.Helper()
	domains := ""
	if len(extraDomains) > 0 {
		domains = fmt.Sprintf("allowed_domains: [127.0.0.1, %s]\n    ", strings.Join(extraDomains, ", "))
	}
	srcs, err := ParseSources([]byte(fmt.Sprintf(`
sources:
  - id: hostile
    name: 試験
    kind: html
    start_urls: [%s%s]
    %sdelay: 1ms
    list: {item: li, link: "a@href", fields: {title: a, date: .d}}
    detail: {fields: {title: h1, date: p.d}}
`, base, path, domains)))
	if err != nil {
		t.Fatal(err)
	}
	return srcs[0]
}

const okList = `<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="/ev/1">朝の経営者勉強会</a><span class="d">2026年12月3日 7:00</span></li>
</ul></body></html>`

const okDetail = `<html><head><meta charset="utf-8"></head><body><h1>朝の経営者勉強会</h1><p class="d">2026年12月3日 7:00〜8:00</p></body></html>`

func notFound(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }

func serveOK(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, body)
}

// arrivals records when each request came, by path.
type arrivals struct {
	mu sync.Mutex
	at map[string][]time.Time
}

func (a *arrivals) add(r *http.Request) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.at == nil {
		a.at = map[string][]time.Time{}
	}
	a.at[r.URL.Path] = append(a.at[r.URL.Path], time.Now())
	return len(a.at[r.URL.Path])
}

func (a *arrivals) get(path string) []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]time.Time(nil), a.at[path]...)
}

func TestFetchHonoursRetryAfter(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	var arr arrivals
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", notFound)
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
		if arr.add(r) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		serveOK(w, okList)
	})
	mux.HandleFunc("/ev/1", func(w http.ResponseWriter, r *http.Request) {
		if arr.add(r) == 1 {
			// An HTTP date, 1.5 to 2.5 s ahead (the format drops fractions).
			w.Header().Set("Retry-After", time.Now().Add(2500*time.Millisecond).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		serveOK(w, okDetail)
	})
	mux.HandleFunc("/far", func(w http.ResponseWriter, r *http.Request) {
		arr.add(r)
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newTestCrawler(t, Config{AllowPrivate: true, RetryBase: time.Millisecond})

	pub := &collect{}
	rep, err := c.Crawl(t.Context(), hostileSource(t, srv.URL, "/list"), pub)
	if err != nil || len(pub.events) != 1 {
		t.Fatalf("err %v, %d events, problems %q", err, len(pub.events), rep.Problems)
	}
	for _, p := range []string{"/list", "/ev/1"} {
		at := arr.get(p)
		if len(at) != 2 {
			t.Fatalf("%s requested %d times, want 2", p, len(at))
		}
		if gap := at[1].Sub(at[0]); gap < 900*time.Millisecond {
			t.Errorf("%s retried after %v, before its Retry-After", p, gap)
		}
	}

	start := time.Now()
	rep, err = c.Crawl(t.Context(), hostileSource(t, srv.URL, "/far"), pub)
	if err == nil || time.Since(start) > 5*time.Second {
		t.Fatalf("Retry-After beyond the cap: err %v after %v", err, time.Since(start))
	}
	if n := len(arr.get("/far")); n != 1 {
		t.Errorf("/far requested %d times, want 1 (give up at once)", n)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "beyond the cap") {
		t.Errorf("problems %q", rep.Problems)
	}
}

func TestFetchBacksOffOn5xxAndTimeouts(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	var arr arrivals
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", notFound)
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
		if arr.add(r) <= 2 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		serveOK(w, okList)
	})
	mux.HandleFunc("/ev/1", func(w http.ResponseWriter, r *http.Request) { arr.add(r); serveOK(w, okDetail) })
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		arr.add(r)
		w.WriteHeader(http.StatusInternalServerError)
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		arr.add(r)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte("<p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond): // the slow body itself
			}
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newTestCrawler(t, Config{AllowPrivate: true, RetryBase: 40 * time.Millisecond, MaxRetries: 2, Timeout: 300 * time.Millisecond})

	pub := &collect{}
	if _, err := c.Crawl(t.Context(), hostileSource(t, srv.URL, "/list"), pub); err != nil || len(pub.events) != 1 {
		t.Fatalf("two 502s then 200: err %v, %d events", err, len(pub.events))
	}
	at := arr.get("/list")
	if len(at) != 3 {
		t.Fatalf("/list requested %d times, want 3", len(at))
	}
	// Backoff 40ms then 80ms, each ±25%: the second gap is the longer.
	if g1, g2 := at[1].Sub(at[0]), at[2].Sub(at[1]); g1 < 30*time.Millisecond || g2 < 60*time.Millisecond {
		t.Errorf("gaps %v, %v: no exponential backoff", g1, g2)
	}

	rep, err := c.Crawl(t.Context(), hostileSource(t, srv.URL, "/down"), pub)
	if err == nil || len(arr.get("/down")) != 3 || !strings.Contains(strings.Join(rep.Problems, ""), "status 500") {
		t.Errorf("a 500 for good: err %v, %d requests (want 1 + 2 retries), problems %q", err, len(arr.get("/down")), rep.Problems)
	}

	start := time.Now()
	rep, err = c.Crawl(t.Context(), hostileSource(t, srv.URL, "/trickle"), pub)
	if err == nil || time.Since(start) > 5*time.Second {
		t.Errorf("slow body: err %v after %v", err, time.Since(start))
	}
	if n := len(arr.get("/trickle")); n != 3 {
		t.Errorf("slow body requested %d times, want 3 (timeouts are retried)", n)
	}
	if rep.Errors != 1 {
		t.Errorf("report %+v", rep)
	}
}

func TestFetchBodyLimitHoldsAfterDecompression(t *testing.T) {
	const limit = 1 << 20
	var written atomic.Int64
	huge := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, okList)
		chunk := bytes.Repeat([]byte("<p>水増し</p>\n"), 4096)
		for written.Load() < 50<<20 {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write([]byte(okList))
	zw.Write(make([]byte, 10<<20)) // 10 MB of zeros: about 10 kB on the wire
	zw.Close()
	var small bytes.Buffer
	zw = gzip.NewWriter(&small)
	zw.Write([]byte(okList))
	zw.Close()
	gz := func(body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(body)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", notFound)
	mux.HandleFunc("/huge", huge)
	mux.HandleFunc("/bomb", gz(bomb.Bytes()))
	mux.HandleFunc("/small", gz(small.Bytes()))
	mux.HandleFunc("/ev/1", func(w http.ResponseWriter, r *http.Request) { serveOK(w, okDetail) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newTestCrawler(t, Config{AllowPrivate: true, MaxBodySize: limit})

	pub := &collect{}
	rep, err := c.Crawl(t.Context(), hostileSource(t, srv.URL, "/small"), pub)
	if err != nil || len(pub.events) != 1 {
		t.Fatalf("a gzipped page is read: err %v, events %d, problems %q", err, len(pub.events), rep.Problems)
	}
	for _, path := range []string{"/huge", "/bomb"} {
		pub := &collect{}
		rep, err := c.Crawl(t.Context(), hostileSource(t, srv.URL, path), pub)
		if err != nil || len(pub.events) != 1 {
			t.Errorf("%s: the page's start is read: err %v, events %d", path, err, len(pub.events))
		}
		want := fmt.Sprintf("body cut at %d bytes", limit)
		if !strings.Contains(strings.Join(rep.Problems, "\n"), want) {
			t.Errorf("%s: problems %q, want %q", path, rep.Problems, want)
		}
	}
	if n := written.Load(); n >= 50<<20 {
		t.Errorf("the 50 MB body was read to its end (%d bytes written)", n)
	}
	// And in the fetch layer itself: no more than the limit comes out.
	s, err := c.newSession(t.Context(), ptr(hostileSource(t, srv.URL, "/bomb")), &Report{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	res, err := s.client.Get(t.Context(), srv.URL+"/bomb", nil)
	if err != nil || len(res.Body) > limit || !res.Truncated {
		t.Fatalf("bomb: err %v, %d bytes, truncated %v", err, len(res.Body), res.Truncated)
	}
}

func ptr[T any](v T) *T { return &v }

func TestFetchRefusesRedirectToPrivateAtDial(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", notFound)
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.255.255.1/list", http.StatusFound)
	})
	mux.HandleFunc("/meta", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := newTestCrawler(t, Config{}) // private addresses refused
	c.exempt = map[string]bool{srv.Listener.Addr().String(): true}
	var mu sync.Mutex
	var passed, refused []string
	c.dialed = func(addr string, ref bool) {
		mu.Lock()
		defer mu.Unlock()
		if ref {
			refused = append(refused, addr)
		} else {
			passed = append(passed, addr)
		}
	}
	for _, path := range []string{"/list", "/meta"} {
		rep, err := c.Crawl(t.Context(), hostileSource(t, srv.URL, path, "10.255.255.1", "169.254.169.254"), &collect{})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: err %v, want ErrPrivateAddress", path, err)
		}
		if len(rep.Problems) == 0 {
			t.Errorf("%s: no problem reported", path)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, a := range passed {
		if a != srv.Listener.Addr().String() {
			t.Errorf("dialled %s, outside the test server", a)
		}
	}
	got := strings.Join(refused, " ")
	if !strings.Contains(got, "10.255.255.1:80") || !strings.Contains(got, "169.254.169.254:80") {
		t.Errorf("refused dials %q", refused)
	}
}

func TestFetchRedirectLoopEnds(t *testing.T) {
	var hits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", notFound)
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); http.Redirect(w, r, "/a", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	_, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(t.Context(), hostileSource(t, srv.URL, "/a"), &collect{})
	if err == nil {
		t.Fatal("a redirect loop must fail the crawl")
	}
	if n := hits.Load(); n > maxRedirects+1 {
		t.Errorf("%d requests in the loop", n)
	}
}

func TestFetchRobotsDisallowAndCrawlDelay(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	var arr arrivals
	var all []time.Time
	var mu sync.Mutex
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n")
	})
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
		serveOK(w, `<ul>
<li><a href="/ev/1">一</a><span class="d">2026年12月3日</span></li>
<li><a href="/ev/2">二</a><span class="d">2026年12月4日</span></li>
<li><a href="/private/3">三</a><span class="d">2026年12月5日</span></li>
<li><a href="/go/4">四</a><span class="d">2026年12月6日</span></li>
</ul>`)
	})
	// An allowed page that redirects under the Disallow: the hop is checked too.
	mux.Handle("/go/4", http.RedirectHandler("/private/4", http.StatusFound))
	mux.HandleFunc("/ev/", func(w http.ResponseWriter, r *http.Request) {
		serveOK(w, `<h1>例会</h1><p class="d">2026年12月3日 18:00</p>`)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { serveOK(w, okDetail) })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arr.add(r)
		mu.Lock()
		all = append(all, time.Now())
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	rep, err := newTestCrawler(t, Config{AllowPrivate: true, Parallelism: 2}).Crawl(t.Context(), hostileSource(t, srv.URL, "/list"), &collect{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/private/3", "/private/4"} {
		if n := len(arr.get(p)); n != 0 {
			t.Errorf("the robots.txt Disallow page %s was requested %d times", p, n)
		}
	}
	if n := len(arr.get("/go/4")); n != 1 {
		t.Errorf("the redirecting page was requested %d times, want 1", n)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "robots.txt disallows") {
		t.Errorf("problems %q", rep.Problems)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(all) != 5 { // robots, list, two events, the redirect
		t.Fatalf("%d requests, want 5", len(all))
	}
	for i := 1; i < len(all); i++ {
		if gap := all[i].Sub(all[i-1]); gap < 280*time.Millisecond {
			t.Errorf("request %d came %v after the one before: Crawl-delay 0.3 not kept", i, gap)
		}
	}
}

var _ = context.Background

// An event page answered 200 with something other than HTML is a problem
// named by what is wrong with it, not by its status.
func TestFetchNotHTMLNamesTheReason(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", notFound)
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) { serveOK(w, okList) })
	mux.HandleFunc("/ev/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write([]byte("%PDF-1.7"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(t.Context(), hostileSource(t, srv.URL, "/list"), &collect{})
	if err != nil {
		t.Fatal(err)
	}
	problems := strings.Join(rep.Problems, "\n")
	if rep.Errors != 1 || !strings.Contains(problems, "not an HTML page") || strings.Contains(problems, "status 200") {
		t.Errorf("errors %d, problems %q", rep.Errors, rep.Problems)
	}
}

// A site whose robots.txt redirects to another host (a www. or CDN move)
// is crawled under that robots.txt; it used to fail the whole source.
func TestFetchRobotsTxtMovedToAnotherHost(t *testing.T) {
	var arr arrivals
	moved := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	}))
	defer moved.Close()
	// The same loopback address under another name: another host, not in
	// the source's allowed domains.
	movedURL := strings.Replace(moved.URL, "127.0.0.1", "localhost", 1)
	mux := http.NewServeMux()
	mux.Handle("/robots.txt", http.RedirectHandler(movedURL+"/robots.txt", http.StatusMovedPermanently))
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
		serveOK(w, `<ul>
<li><a href="/ev/1">朝の経営者勉強会</a><span class="d">2026年12月3日 7:00</span></li>
<li><a href="/private/2">会員限定 例会</a><span class="d">2026年12月4日 18:00</span></li>
</ul>`)
	})
	mux.HandleFunc("/ev/1", func(w http.ResponseWriter, r *http.Request) { serveOK(w, okDetail) })
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { serveOK(w, okDetail) })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { arr.add(r); mux.ServeHTTP(w, r) }))
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(t.Context(), hostileSource(t, srv.URL, "/list"), pub)
	if err != nil || len(pub.events) != 1 {
		t.Fatalf("err %v, %d events, problems %q", err, len(pub.events), rep.Problems)
	}
	if n := len(arr.get("/private/2")); n != 0 {
		t.Errorf("the page the moved robots.txt disallows was requested %d times", n)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "robots.txt disallows") {
		t.Errorf("problems %q", rep.Problems)
	}
}

// TestIsHTML holds isHTML's shortcut for text/html to what mime says of the
// same header: the media type, or "html" in a header mime refuses.
func TestIsHTML(t *testing.T) {
	byMime := func(ct string) bool {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			return strings.Contains(strings.ToLower(ct), "html")
		}
		return mt == "text/html" || mt == "application/xhtml+xml"
	}
	for _, ct := range []string{"text/html", "text/html; charset=utf-8", "TEXT/HTML;charset=Shift_JIS", "Text/Html; charset=\"EUC-JP\"",
		"text/html;", "text/html; charset", "text/html; charset=utf-8; charset=shift_jis", "text/html;;", "text/html; charset=utf-8 x",
		"text/htmlx", "text/html x", "text/html ; charset=utf-8", "text/htm", "application/xhtml+xml", "text/plain",
		"application/json; charset=utf-8", "application/pdf", "text/plain; name=a.html", "text/html\x00"} {
		if got, want := isHTML(ct), byMime(ct); got != want {
			t.Errorf("isHTML(%q) = %v, want %v", ct, got, want)
		}
	}
}
