package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"kouryu/internal/demosite"
)

func TestCrawlMetricsOnDemoSite(t *testing.T) {
	srv := httptest.NewServer(demosite.Handler(func() time.Time { return testNow }))
	defer srv.Close()
	reg := prometheus.NewRegistry()
	c := newTestCrawler(t, Config{AllowPrivate: true, Metrics: reg})
	rep, err := c.Crawl(context.Background(), demoSource(t, srv.URL, 100), &collect{})
	if err != nil {
		t.Fatalf("crawl: %v", err)
	}
	m := c.m
	// 2 list pages and 8 event pages answered 200; the /private/ link is
	// refused by robots.txt without a request.
	if got := testutil.ToFloat64(m.pages.WithLabelValues("demo-cci", "2xx")); got != 10 || int(got) != rep.Pages {
		t.Errorf("pages 2xx = %v, report %d, want 10", got, rep.Pages)
	}
	if got := testutil.ToFloat64(m.pages.WithLabelValues("demo-cci", "robots")); got != 1 {
		t.Errorf("pages robots = %v, want 1", got)
	}
	if n := testutil.CollectAndCount(m.pages); n != 2 {
		t.Errorf("%d page series, want 2 (2xx, robots)", n)
	}
	if got := testutil.ToFloat64(m.events.WithLabelValues("demo-cci", "published")); got != 8 {
		t.Errorf("events published = %v, want 8", got)
	}
	if got := testutil.ToFloat64(m.crawls.WithLabelValues("demo-cci", "ok")); got != 1 {
		t.Errorf("crawls ok = %v, want 1", got)
	}
	if got := testutil.ToFloat64(m.last.WithLabelValues("demo-cci")); got != float64(testNow.Unix()) {
		t.Errorf("last crawl = %v, want %d", got, testNow.Unix())
	}

	// A second crawler on the same registry shares the metrics; a site
	// that fails counts a failed crawl and a 5xx page.
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer broken.Close()
	c2 := newTestCrawler(t, Config{AllowPrivate: true, Metrics: reg, MaxRetries: -1})
	if _, err := c2.Crawl(context.Background(), demoSource(t, broken.URL, 100), &collect{}); err == nil {
		t.Fatal("crawl of a broken site: no error")
	}
	if got := testutil.ToFloat64(m.crawls.WithLabelValues("demo-cci", "failed")); got != 1 {
		t.Errorf("crawls failed = %v, want 1", got)
	}
	if got := testutil.ToFloat64(m.pages.WithLabelValues("demo-cci", "5xx")); got != 1 {
		t.Errorf("pages 5xx = %v, want 1", got)
	}
	if got := testutil.ToFloat64(m.events.WithLabelValues("demo-cci", "published")); got != 8 {
		t.Errorf("events published = %v after a failed crawl, want still 8", got)
	}
}

func TestCrawlWithoutMetricsRegistersNothing(t *testing.T) {
	c := newTestCrawler(t, Config{})
	if c.m != nil {
		t.Fatal("metrics without a registerer")
	}
}

func TestCrawlProgress(t *testing.T) {
	// Event pages are answered once the second list page is asked for, so
	// that the first page's events are still waiting when they are counted.
	// Parallelism 8 leaves the list page a free slot while they wait.
	site := demosite.Handler(func() time.Time { return testNow })
	list2 := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "2" {
			once.Do(func() { close(list2) })
		}
		if strings.HasPrefix(r.URL.Path, "/event/detail/") {
			select {
			case <-list2:
			case <-r.Context().Done():
				return
			}
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	var mu sync.Mutex
	var calls []Progress
	cfg := Config{AllowPrivate: true, Parallelism: 8, Progress: func(source string, p Progress) {
		if source != "demo-cci" {
			t.Errorf("progress of source %q", source)
		}
		mu.Lock()
		calls = append(calls, p)
		mu.Unlock()
	}}
	rep, err := newTestCrawler(t, cfg).Crawl(context.Background(), demoSource(t, srv.URL, 100), &collect{})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(calls) < 3 {
		t.Fatalf("%d progress calls, want one per page at least: %+v", len(calls), calls)
	}
	maxQueued := 0
	for i, p := range calls {
		maxQueued = max(maxQueued, p.PagesQueued)
		if p.Done != (i == len(calls)-1) {
			t.Errorf("call %d of %d: Done %v", i, len(calls), p.Done)
		}
		if i == 0 {
			continue
		}
		q := calls[i-1]
		if p.PagesDone < q.PagesDone || p.Events < q.Events || p.Errors < q.Errors {
			t.Errorf("call %d went back: %+v after %+v", i, p, q)
		}
	}
	// Read list page 1: its 4 events and list page 2 wait.
	if maxQueued < 5 {
		t.Errorf("at most %d queued, want 5 (4 events and a list page) at some point", maxQueued)
	}
	last := calls[len(calls)-1]
	want := Progress{PagesDone: rep.Pages + rep.NotModified, Events: rep.Events + rep.Unchanged, Errors: rep.Errors, Done: true}
	if last != want || last.PagesDone != 10 || last.Events != 8 {
		t.Errorf("last progress %+v, want %+v (report %+v)", last, want, rep)
	}
}
