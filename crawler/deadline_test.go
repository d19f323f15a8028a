package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// endlessSite never ends: every list page of /list/N links to /list/N+1
// and to one event page, each answered after a pause; /feed.rss and
// /events.ics send their start and then a byte every 50 ms for as long as
// the client reads. Once a crawl is well under way (the third list page
// asked for, the third byte of a feed sent) deep receives a value.
func endlessSite(t *testing.T) (srv *httptest.Server, deep <-chan struct{}) {
	t.Helper()
	under := make(chan struct{}, 1)
	signal := func() {
		select {
		case under <- struct{}{}:
		default:
		}
	}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pause := func(d time.Duration) bool {
			select {
			case <-time.After(d):
				return true
			case <-r.Context().Done():
				return false
			}
		}
		trickle := func(ctype, start string) {
			w.Header().Set("Content-Type", ctype)
			fmt.Fprint(w, start)
			for i := 0; pause(50 * time.Millisecond); i++ {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				if i == 2 {
					signal()
				}
			}
		}
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case strings.HasPrefix(r.URL.Path, "/list/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/list/"))
			if n == 3 {
				signal()
			}
			if !pause(30 * time.Millisecond) {
				return
			}
			serveOK(w, fmt.Sprintf(`<ul><li><a href="/ev/%d">第%d回 北浜 経営者交流会</a><span class="d">2026年12月%d日 19:00</span></li></ul>
<a class="next" href="/list/%d">次へ</a>`, n, n, 1+n%28, n+1))
		case strings.HasPrefix(r.URL.Path, "/ev/"):
			if !pause(30 * time.Millisecond) {
				return
			}
			serveOK(w, okDetail)
		case r.URL.Path == "/feed.rss":
			trickle("application/rss+xml; charset=utf-8", `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>北浜商工会</title>`)
		case r.URL.Path == "/events.ics":
			trickle("text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kitahama//JA\r\n")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, under
}

func endlessSources(t *testing.T, base string) []Source {
	t.Helper()
	srcs, err := ParseSources(fmt.Appendf(nil, `
sources:
  - id: endless-html
    name: 終わらない一覧
    kind: html
    start_urls: [%[1]s/list/1]
    delay: 1ms
    max_pages: 10000
    list: {item: li, link: "a@href", next: "a.next@href", fields: {title: a, date: .d}}
    detail: {fields: {title: h1, date: p.d}}
  - {id: endless-rss, name: 終わらないRSS, kind: rss, start_urls: [%[1]s/feed.rss], delay: 1ms}
  - {id: endless-ical, name: 終わらないiCal, kind: ical, start_urls: [%[1]s/events.ics], delay: 1ms}
`, base))
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// A crawl of a site that never ends stops at Config.MaxCrawlTime, keeps
// what it published and says why it stopped.
func TestCrawlStopsAtItsDeadline(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	srv, _ := endlessSite(t)
	const deadline = 800 * time.Millisecond
	c := newTestCrawler(t, Config{AllowPrivate: true, MaxCrawlTime: deadline})
	for _, src := range endlessSources(t, srv.URL) {
		t.Run(src.ID, func(t *testing.T) {
			t.Parallel() // a crawler is safe for concurrent crawls
			start := time.Now()
			pub := &collect{}
			rep, err := c.Crawl(t.Context(), src, pub)
			took := time.Since(start)
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "deadline") {
				t.Errorf("err %v, want the deadline", err)
			}
			if took > deadline+3*time.Second {
				t.Errorf("returned %v after its deadline of %v", took-deadline, deadline)
			}
			if !strings.Contains(strings.Join(rep.Problems, "\n"), "crawl stopped at its deadline") {
				t.Errorf("problems %q", rep.Problems)
			}
			if src.Kind == KindHTML && (len(pub.events) == 0 || rep.Events != len(pub.events)) {
				t.Errorf("%d events published, report %+v: what was read before the deadline is kept", len(pub.events), rep)
			}
		})
	}
}

// A crawl of a slow, endless site returns within a second of its context's
// cancellation (SIGINT, SIGTERM), whatever its kind.
func TestCrawlOfAnEndlessSiteStopsOnCancel(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	c := newTestCrawler(t, Config{AllowPrivate: true})
	for i, id := range []string{"endless-html", "endless-rss", "endless-ical"} {
		srv, deep := endlessSite(t) // a site per crawl: deep tells of this one
		src := endlessSources(t, srv.URL)[i]
		if src.ID != id {
			t.Fatalf("source %d is %s", i, src.ID)
		}
		t.Run(src.ID, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := c.Crawl(ctx, src, &collect{})
				done <- err
			}()
			select {
			case err := <-done:
				t.Fatalf("the endless crawl ended by itself: %v", err)
			case <-deep:
			case <-time.After(10 * time.Second):
				t.Fatal("the crawl never got under way")
			}
			cancel()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("err %v, want context.Canceled", err)
				}
			case <-time.After(time.Second):
				t.Fatal("Crawl still running a second after cancel")
			}
		})
	}
}
