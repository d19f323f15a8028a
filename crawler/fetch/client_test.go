package fetch

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Fri, 27 Nov 2026 01:05:00 GMT", 5 * time.Minute, true},
		{"Fri, 27 Nov 2026 00:05:00 GMT", 0, true}, // past: at once
		{"-3", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	} {
		got, ok := parseRetryAfter(c.in, now)
		if got != c.want || ok != c.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func newClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	cfg.AllowPrivate = true
	c, err := New(t.Context(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// hits counts the requests of a test server by path.
type hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hits) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		if h.n == nil {
			h.n = map[string]int{}
		}
		h.n[r.URL.Path]++
		h.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

func (h *hits) count(path string) int { h.mu.Lock(); defer h.mu.Unlock(); return h.n[path] }

const eventPage = `<html><head><meta charset="utf-8"></head><body><h1>北浜 異業種交流会</h1></body></html>`

// A site moved to another host redirects its robots.txt there (RFC 9309:
// follow at least five redirects): the robots.txt found there holds, on
// the host that redirected, and the source is not failed.
func TestRobotsTxtRedirectToAnotherHost(t *testing.T) {
	var newHits hits
	newSite := httptest.NewServer(newHits.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /members/\n")
			return
		}
		http.NotFound(w, r)
	})))
	defer newSite.Close()
	var oldHits hits
	oldSite := httptest.NewServer(oldHits.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			// The same loopback server under another name: another host.
			http.Redirect(w, r, strings.Replace(newSite.URL, "127.0.0.1", "localhost", 1)+"/robots.txt", http.StatusMovedPermanently)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, eventPage)
		}
	})))
	defer oldSite.Close()
	// Only the old site's host is allowed for pages; robots.txt may go anywhere.
	c := newClient(t, Config{Delay: time.Millisecond, AllowHost: func(h string) bool { return h == "127.0.0.1" }})

	res, err := c.Get(t.Context(), oldSite.URL+"/event/12.html", nil)
	if err != nil || res.Status != http.StatusOK || !strings.Contains(string(res.Body), "異業種交流会") {
		t.Fatalf("an allowed page: err %v, res %+v", err, res)
	}
	if _, err := c.Get(t.Context(), oldSite.URL+"/members/list.html", nil); !errors.Is(err, ErrDisallowed) {
		t.Errorf("a page the moved robots.txt disallows: err %v, want ErrDisallowed", err)
	}
	if n := oldHits.count("/members/list.html"); n != 0 {
		t.Errorf("the disallowed page was requested %d times", n)
	}
	if n := newHits.count("/robots.txt"); n != 1 {
		t.Errorf("the moved robots.txt was read %d times, want 1", n)
	}
}

// A robots.txt redirected on its own host is followed too (it used to wait
// on itself), and one that redirects more than five times counts as
// unavailable, which allows everything.
func TestRobotsTxtRedirectsOnItsHost(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/robots.txt", http.RedirectHandler("/robots-2026.txt", http.StatusFound))
	mux.HandleFunc("/robots-2026.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /draft/\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, eventPage)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(t, Config{Delay: time.Millisecond})
	if _, err := c.Get(t.Context(), srv.URL+"/draft/1.html", nil); !errors.Is(err, ErrDisallowed) {
		t.Errorf("err %v, want ErrDisallowed", err)
	}
	if _, err := c.Get(t.Context(), srv.URL+"/event/1.html", nil); err != nil {
		t.Errorf("an allowed page: %v", err)
	}

	var loops hits
	loop := httptest.NewServer(loops.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/robots") {
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/robots"))
			http.Redirect(w, r, fmt.Sprintf("/robots%d", n+1), http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, eventPage)
	})))
	defer loop.Close()
	c = newClient(t, Config{Delay: time.Millisecond})
	if _, err := c.Get(t.Context(), loop.URL+"/event/1.html", nil); err != nil {
		t.Errorf("robots.txt redirecting without end: %v, want the page (robots.txt unavailable)", err)
	}
	robots := 0
	for _, p := range []string{"/robots.txt", "/robots1", "/robots2", "/robots3", "/robots4", "/robots5", "/robots6"} {
		robots += loops.count(p)
	}
	if robots != 1+MaxRedirects {
		t.Errorf("%d robots.txt requests, want %d (the first and five redirects)", robots, 1+MaxRedirects)
	}
}

// TestGateBySpelling: a host's gate is one however its URLs spell the
// scheme and host, and another host has its own, asked for in turn.
func TestGateBySpelling(t *testing.T) {
	c, err := New(t.Context(), Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	gate := func(raw string) *hostGate {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		return c.gate(u)
	}
	a := gate("https://www.example.jp/event/1.html")
	b := gate("https://www.example.org/")
	if a == b {
		t.Fatal("two hosts share a gate")
	}
	for _, raw := range []string{"https://WWW.Example.JP/event/2.html", "HTTPS://www.example.jp/", "https://www.example.jp/e/3"} {
		if g := gate(raw); g != a {
			t.Errorf("%s: another gate than https://www.example.jp", raw)
		}
		if g := gate("https://www.example.org/x"); g != b {
			t.Errorf("after %s: another gate for www.example.org", raw)
		}
	}
	if g := gate("http://www.example.jp/"); g == a {
		t.Error("http and https share a gate")
	}
	if len(c.hosts) != 3 {
		t.Errorf("%d gates, want 3", len(c.hosts))
	}
}
