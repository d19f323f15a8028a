package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kouryu/crawler"
	"kouryu/internal/bus"
	"kouryu/internal/demosite"
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

func jobSources(t *testing.T, urls ...string) []crawler.Source {
	t.Helper()
	var b strings.Builder
	b.WriteString("sources:\n")
	for i, u := range urls {
		fmt.Fprintf(&b, "  - {id: demo-%d, name: デモ%d, kind: auto, start_urls: [%s/event/], delay: 1ms, every: 1h}\n", i, i, u)
	}
	srcs, err := crawler.ParseSources([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// Two crawl processes (two NATS connections) share three sources: each
// source is crawled exactly once per `every`, by one of them.
func TestCrawlLoopsShareTheSources(t *testing.T) {
	log := slog.New(slog.NewTextHandler(&syncBuffer{}, nil))
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
	cr, err := crawler.New(crawler.Config{AllowPrivate: true}, log)
	if err != nil {
		t.Fatal(err)
	}
	loopCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var runners []*crawlRunner
	for i, b := range []*bus.Bus{first, second} {
		r, err := newCrawlRunner(ctx, b, cr, srcs, log)
		if err != nil {
			t.Fatal(err)
		}
		r.worker = fmt.Sprintf("proc-%d", i)
		runners = append(runners, r)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.loop(loopCtx, bus.JobsConfig{Workers: 2, MaxWait: 200 * time.Millisecond}); err != nil {
				t.Error(err)
			}
		}()
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		done := 0
		for _, s := range srcs {
			h, _, err := loadHealth(ctx, runners[0].health, s.ID)
			if err == nil && h.Crawls > 0 {
				done++
			}
		}
		if done == len(srcs) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 30s %d of %d sources crawled", done, len(srcs))
		}
		time.Sleep(20 * time.Millisecond) // polling interval
	}
	// Both schedulers enqueue again on their next pass; nothing is due.
	runners[0].enqueueDue(ctx)
	runners[1].enqueueDue(ctx)
	stop()
	wg.Wait()
	for i, s := range sites {
		if n := s.count(); n != 1 {
			t.Errorf("source demo-%d: list page read %d times, want 1", i, n)
		}
	}
	for _, s := range srcs {
		h, _, _ := loadHealth(ctx, runners[0].health, s.ID)
		if h.Crawls != 1 || h.Events != 8 || h.Running(time.Now()) || h.Failed != "" {
			t.Errorf("health of %s: %+v", s.ID, h)
		}
	}
	jobs, err := first.JobsBacklog(ctx)
	if err != nil || jobs.Messages != 0 {
		t.Errorf("jobs left: %+v, %v", jobs, err)
	}
}

// kouryu crawl twice: the second sends nothing down the pipeline; kouryu
// status shows both crawls' outcome.
func TestCrawlOnceIsIncrementalAndStatusShowsIt(t *testing.T) {
	site := &listHits{h: demosite.Handler(time.Now)}
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	srcFile := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(srcFile, fmt.Appendf(nil, "sources:\n  - {id: demo, name: デモ, kind: auto, start_urls: [%s/event/], delay: 1ms}\n", srv.URL), 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []string{"--data-dir", dir, "--sources", srcFile, "--log-level", "warn"}
	raw := func() uint64 {
		b, err := bus.Open(t.Context(), bus.Config{DataDir: dir}, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		infos, err := b.Backlogs(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return infos[0].Messages
	}
	for i, want := range []uint64{8, 8} {
		var out, errb bytes.Buffer
		if err := Main(t.Context(), append([]string{"crawl", "--allow-private"}, flags...), nil, &out, &errb); err != nil {
			t.Fatalf("crawl %d: %v\n%s", i+1, err, errb.String())
		}
		if got := raw(); got != want {
			t.Errorf("after crawl %d: %d raw messages, want %d", i+1, got, want)
		}
	}
	var out, errb bytes.Buffer
	if err := Main(t.Context(), append([]string{"status", "--json"}, flags...), nil, &out, &errb); err != nil {
		t.Fatalf("status: %v\n%s", err, errb.String())
	}
	var st statusReport
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out.String())
	}
	if len(st.Sources) != 1 || st.Sources[0].Crawls != 2 || st.Sources[0].Events != 0 || st.Sources[0].Unchanged != 8 ||
		len(st.Sources[0].Yields) != 2 || st.Sources[0].LastFinished.IsZero() {
		t.Errorf("status: %+v", st.Sources)
	}
	if len(st.Streams) != 4 {
		t.Errorf("streams %+v", st.Streams)
	}
	out.Reset()
	if err := Main(t.Context(), append([]string{"status"}, flags...), nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SOURCE", "demo", "KOURYU_RAW", "KOURYU_JOBS", "dead letters: 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status table lacks %q:\n%s", want, out.String())
		}
	}
}
