package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kouryu/internal/demosite"
	"kouryu/internal/testutil"
)

// startMain runs `kouryu args…` in the background; the returned stop
// cancels it and returns its error.
func startMain(t *testing.T, args ...string) (logs *testutil.SyncBuffer, stop func() error) {
	t.Helper()
	logs = &testutil.SyncBuffer{}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- Main(ctx, args, strings.NewReader(""), io.Discard, logs) }()
	stopped := false
	var err error
	stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				err = errors.New("kouryu did not stop within 30s")
			}
		}
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return logs, stop
}

// scrapeUntil GETs url until the body holds every one of want.
func scrapeUntil(t *testing.T, url string, logs *testutil.SyncBuffer, want ...string) string {
	t.Helper()
	defer func() {
		if t.Failed() {
			t.Logf("logs:\n%s", logs)
		}
	}()
	var body string
	testutil.Eventually(t, 30*time.Second, func() error {
		res, err := http.Get(url)
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		body = string(b)
		for _, w := range want {
			if !strings.Contains(body, w) {
				return fmt.Errorf("%s: status %d, missing %q in:\n%s", url, res.StatusCode, w, body)
			}
		}
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("%s: status %d", url, res.StatusCode)
		}
		return nil
	})
	return body
}

func get(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestClassifyServesMetricsOnMetricsAddr(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	logs, stop := startMain(t, "classify", "--data-dir", t.TempDir(), "--metrics-addr", addr)
	scrapeUntil(t, "http://"+addr+"/metrics", logs,
		"kouryu_classifier_rules_info{version=",
		"kouryu_classifier_batch_seconds_count 0",
		`kouryu_stream_messages{stream="KOURYU_RAW"} 0`,
		`kouryu_consumer_pending{durable="classify",stream="KOURYU_RAW"} 0`,
		"kouryu_dead_letters 0",
		"kouryu_bus_up 1",
		"go_goroutines",
		"process_cpu_seconds_total",
	)
	if c := get(t, "http://"+addr+"/healthz"); c != http.StatusOK {
		t.Errorf("/healthz %d", c)
	}
	if c := get(t, "http://"+addr+"/readyz"); c != http.StatusOK {
		t.Errorf("/readyz %d", c)
	}
	if err := stop(); err != nil {
		t.Fatalf("classify: %v\n%s", err, logs)
	}
	// Shut down with the stage.
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the ops listener still answers after classify returned")
	}
}

func TestCrawlLoopCountsPagesAndPlainLogs(t *testing.T) {
	t.Parallel()
	site := httptest.NewServer(demosite.Handler(time.Now))
	defer site.Close()
	addr := freeAddr(t)
	logs, stop := startMain(t, "crawl", "--loop", "--data-dir", t.TempDir(), "--sources", demoSources(t, site.URL),
		"--allow-private", "--metrics-addr", addr)
	body := scrapeUntil(t, "http://"+addr+"/metrics", logs,
		`kouryu_crawler_crawls_total{outcome="ok",source="demo-cci"} 1`,
		`kouryu_crawler_events_total{result="published",source="demo-cci"}`,
		`kouryu_crawler_last_crawl_timestamp_seconds{source="demo-cci"}`,
		`kouryu_stream_messages{stream="KOURYU_RAW"}`,
	)
	if !strings.Contains(body, `kouryu_crawler_pages_total{source="demo-cci",status="2xx"}`) {
		t.Errorf("no 2xx pages counted:\n%s", body)
	}
	if err := stop(); err != nil {
		t.Fatalf("crawl --loop: %v\n%s", err, logs)
	}
	// Not a terminal: log lines only, no cursor movement.
	if s := logs.String(); strings.Contains(s, "\x1b[") || !strings.Contains(s, "crawl finished") {
		t.Errorf("stderr of a crawl off a terminal:\n%q", s)
	}
}

func TestMetricsAddrInUseFails(t *testing.T) {
	t.Parallel()
	busy := httptest.NewServer(http.NotFoundHandler())
	defer busy.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var logs testutil.SyncBuffer
	err := Main(ctx, []string{"classify", "--data-dir", t.TempDir(), "--metrics-addr", strings.TrimPrefix(busy.URL, "http://")},
		strings.NewReader(""), io.Discard, &logs)
	if ctx.Err() != nil || err == nil || !strings.Contains(err.Error(), "metrics listener") {
		t.Errorf("classify on a busy --metrics-addr: %v", err)
	}
}

// TestServeAndRunMoveMetricsToMetricsAddr: with --metrics-addr, /metrics
// leaves the public listener for the ops one; /healthz and /readyz answer on
// both.
func TestServeAndRunMoveMetricsToMetricsAddr(t *testing.T) {
	t.Parallel()
	site := httptest.NewServer(demosite.Handler(time.Now))
	defer site.Close()
	for _, c := range []struct {
		args []string
		want string // a metric that says the process is all up
	}{
		{[]string{"serve"}, "kouryu_http_cache_bytes"},
		{[]string{"run", "--sources", demoSources(t, site.URL), "--allow-private"}, `kouryu_crawler_crawls_total{outcome="ok",source="demo-cci"} 1`},
	} {
		args := c.args
		t.Run(args[0], func(t *testing.T) {
			addrs := freeAddrs(t, 2)
			public, ops := addrs[0], addrs[1]
			logs, stop := startMain(t, append(args, "--data-dir", t.TempDir(), "--http-addr", public, "--metrics-addr", ops)...)
			scrapeUntil(t, "http://"+public+"/readyz", logs, "ready")
			if c := get(t, "http://"+public+"/feeds/all.rss"); c != http.StatusOK {
				t.Errorf("feed %d", c)
			}
			scrapeUntil(t, "http://"+ops+"/metrics", logs,
				`kouryu_http_requests_total{code="200",pattern="GET /feeds/{file}"} 1`,
				"go_goroutines",
				c.want,
			)
			if c := get(t, "http://"+public+"/metrics"); c != http.StatusNotFound {
				t.Errorf("/metrics on the public listener: %d, want 404", c)
			}
			for _, u := range []string{"http://" + public + "/healthz", "http://" + ops + "/healthz", "http://" + ops + "/readyz"} {
				if c := get(t, u); c != http.StatusOK {
					t.Errorf("%s: %d", u, c)
				}
			}
			if err := stop(); err != nil {
				t.Fatalf("%s: %v\n%s", args[0], err, logs)
			}
			if _, err := http.Get("http://" + ops + "/healthz"); err == nil {
				t.Error("the ops listener still answers after the process returned")
			}
		})
	}
}
