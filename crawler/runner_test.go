package crawler

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"kouryu/internal/bus"
	"kouryu/internal/demosite"
	"kouryu/internal/testutil"
)

// listHits counts the requests for the demo site's first list page.
type listHits struct {
	h  http.Handler
	mu sync.Mutex
	n  int
}

func (l *listHits) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/event/" && r.URL.RawQuery == "" {
		l.mu.Lock()
		l.n++
		l.mu.Unlock()
	}
	l.h.ServeHTTP(w, r)
}

func (l *listHits) count() int { l.mu.Lock(); defer l.mu.Unlock(); return l.n }

func jobSources(t *testing.T, urls ...string) []Source {
	t.Helper()
	var b strings.Builder
	b.WriteString("sources:\n")
	for i, u := range urls {
		fmt.Fprintf(&b, "  - {id: demo-%d, name: デモ%d, kind: auto, start_urls: [%s/event/], delay: 1ms, every: 1h}\n", i, i, u)
	}
	srcs, err := ParseSources([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// Two crawl processes (two NATS connections) share three sources: each
// source is crawled exactly once per `every`, by one of them.
func TestCrawlLoopsShareTheSources(t *testing.T) {
	log := testutil.LoggerAt(t, slog.LevelWarn)
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	first, err := bus.Open(ctx, bus.Config{DataDir: t.TempDir(), MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := bus.Open(ctx, bus.Config{URL: first.ClientURL(), MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()

	var sites []*listHits
	var urls []string
	for range 3 {
		s := &listHits{h: demosite.Handler(time.Now)}
		srv := httptest.NewServer(s)
		defer srv.Close()
		sites = append(sites, s)
		urls = append(urls, srv.URL)
	}
	srcs := jobSources(t, urls...)
	cr, err := New(Config{AllowPrivate: true}, log)
	if err != nil {
		t.Fatal(err)
	}
	loopCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var runners []*Runner
	for i, b := range []*bus.Bus{first, second} {
		cfg := RunnerConfig{Jobs: bus.JobsConfig{Workers: 2, MaxWait: 200 * time.Millisecond}, Worker: fmt.Sprintf("proc-%d", i)}
		r := NewRunner(b, cr, srcs, cfg, log)
		runners = append(runners, r)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.Run(loopCtx); err != nil {
				t.Error(err)
			}
		}()
	}
	health, err := first.KV(ctx, bus.BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	testutil.Eventually(t, 30*time.Second, func() error {
		done := 0
		for _, s := range srcs {
			h, _, err := ReadHealth(ctx, health, s.ID)
			if err == nil && h.Crawls > 0 {
				done++
			}
		}
		if done < len(srcs) {
			return fmt.Errorf("%d of %d sources crawled", done, len(srcs))
		}
		return nil
	})
	// Both schedulers enqueue again on their next pass; nothing is due.
	for _, r := range runners {
		if err := r.open(ctx); err != nil { // the buckets, as Run opened them
			t.Fatal(err)
		}
		r.enqueueDue(ctx)
	}
	stop()
	wg.Wait()
	for i, s := range sites {
		if n := s.count(); n != 1 {
			t.Errorf("source demo-%d: list page read %d times, want 1", i, n)
		}
	}
	for _, s := range srcs {
		h, _, _ := ReadHealth(ctx, health, s.ID)
		if h.Crawls != 1 || h.Events != 8 || h.Running(time.Now()) || h.Failed != "" {
			t.Errorf("health of %s: %+v", s.ID, h)
		}
	}
	jobs, err := first.JobsBacklog(ctx)
	if err != nil || jobs.Messages != 0 {
		t.Errorf("jobs left: %+v, %v", jobs, err)
	}
}
