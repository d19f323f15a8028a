package main

import (
	"log/slog"
	"os"
	"strconv"
	"testing"
	"time"
)

// TestCrawlSide runs one side of the crawl stage alone, for a profiler or an
// instruction counter, which see the two sides mixed in the stage itself:
// CRAWL_SIDE=kouryu or bare, CRAWL_RUNS crawls (default 1) of a site of
// CRAWL_EVENTS event pages (default 1,000). Without CRAWL_SIDE it is
// skipped. The work of one crawl is that of two runs less that of one (the
// site is built and the program started in both):
//
//	go test -c -o /tmp/bench.test ./bench
//	CRAWL_SIDE=kouryu CRAWL_RUNS=2 GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no \
//	    --cachegrind-out-file=/dev/null /tmp/bench.test -test.run TestCrawlSide
func TestCrawlSide(t *testing.T) {
	side := os.Getenv("CRAWL_SIDE")
	if side == "" {
		t.Skip("CRAWL_SIDE (kouryu or bare) not set")
	}
	runs, events := envInt(t, "CRAWL_RUNS", 1), envInt(t, "CRAWL_EVENTS", 1000)
	site := newCrawlSite(events, time.Now())
	defer site.srv.Close()
	for range runs {
		var (
			r   crawlRun
			err error
		)
		switch side {
		case "kouryu":
			r, err = crawlKouryu(t.Context(), site, slog.New(slog.DiscardHandler))
		case "bare":
			r, err = crawlBare(t.Context(), site)
		default:
			t.Fatalf("CRAWL_SIDE %q: kouryu or bare", side)
		}
		if err != nil {
			t.Fatal(err)
		}
		if r.events != events {
			t.Fatalf("%s read %d events of %d", side, r.events, events)
		}
		t.Logf("%s: %d pages in %.2fs, %d µs of CPU a page", side, r.pages, r.secs, r.cpu.Microseconds()/int64(r.pages))
	}
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: a positive number", name, v)
	}
	return n
}
