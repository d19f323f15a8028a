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

// warnLines returns the log lines at warn or error that name source id.
func warnLines(log, id string) []string {
	var out []string
	for line := range strings.SplitSeq(log, "\n") {
		if (strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR")) &&
			strings.Contains(line, "source="+id+" ") {
			out = append(out, line)
		}
	}
	return out
}

// A source that cannot be crawled is one warning in the log, naming it and
// saying why, whether the crawl ran as a job of `crawl --loop` / `run` or
// in `crawl` once: an operator without internet reads one line a source,
// not three saying the same.
func TestFailedSourceIsOneLogLine(t *testing.T) {
	var logs testutil.SyncBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	b, err := bus.Open(ctx, bus.Config{DataDir: t.TempDir(), MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	// The chamber has moved its event list: the old URL is 404.
	gone := httptest.NewServer(http.NotFoundHandler())
	defer gone.Close()
	live := httptest.NewServer(demosite.Handler(time.Now))
	defer live.Close()
	srcs, err := ParseSources(fmt.Appendf(nil, `sources:
  - {id: moved-cci, name: 移転商工会議所, kind: html, start_urls: [%s/event/], delay: 1ms, every: 1h,
     list: {item: "table.event-list tr:has(td)", link: "td.title a@href", fields: {title: "td.title", date: "td.date"}}}
  - {id: demo-cci, name: 浪速商工会議所, kind: auto, start_urls: [%s/event/], delay: 1ms, every: 1h}
`, gone.URL, live.URL))
	if err != nil {
		t.Fatal(err)
	}
	cr, err := New(Config{AllowPrivate: true}, log)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRunner(b, cr, srcs, RunnerConfig{Jobs: bus.JobsConfig{Workers: 2, MaxWait: 200 * time.Millisecond}, Worker: "proc"}, log)
	loopCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := r.Run(loopCtx); err != nil {
			t.Error(err)
		}
	})
	health, err := b.KV(ctx, bus.BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	// Both crawled and their jobs acked: whatever logs a failed job has.
	testutil.Eventually(t, 30*time.Second, func() error {
		for _, s := range srcs {
			if h, _, err := ReadHealth(ctx, health, s.ID); err != nil || h.Crawls == 0 {
				return fmt.Errorf("%s not crawled yet (%v)", s.ID, err)
			}
		}
		si, err := b.JobsBacklog(ctx)
		if err != nil {
			return err
		}
		for name, n := range si.Consumers {
			if n > 0 {
				return fmt.Errorf("consumer %s holds %d jobs", name, n)
			}
		}
		return nil
	})
	stop()
	wg.Wait()

	got := warnLines(logs.String(), "moved-cci")
	if len(got) != 1 || !strings.Contains(got[0], "crawl failed") || !strings.Contains(got[0], "status 404") {
		t.Errorf("a failed source as a job: want one warning with its reason, got %d:\n%s\nlog:\n%s",
			len(got), strings.Join(got, "\n"), logs.String())
	}
	if got := warnLines(logs.String(), "demo-cci"); len(got) != 0 {
		t.Errorf("a source that worked warned:\n%s", strings.Join(got, "\n"))
	}

	// `kouryu crawl` once, of another source behind the same 404.
	once, err := ParseSources(fmt.Appendf(nil, `sources:
  - {id: moved-sbc, name: 移転商店会, kind: auto, start_urls: [%s/events/], delay: 1ms, every: 1h}
`, gone.URL))
	if err != nil {
		t.Fatal(err)
	}
	before := len(logs.String())
	failed, err := NewRunner(b, cr, once, RunnerConfig{Worker: "once"}, log).CrawlAll(ctx)
	if err != nil || failed != 1 {
		t.Fatalf("CrawlAll: %d failed, %v", failed, err)
	}
	if got := warnLines(logs.String()[before:], "moved-sbc"); len(got) != 1 || !strings.Contains(got[0], "crawl failed") {
		t.Errorf("a failed source crawled once: want one warning, got %d:\n%s", len(got), strings.Join(got, "\n"))
	}
}
