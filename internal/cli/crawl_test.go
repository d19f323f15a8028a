package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kouryu/internal/bus"
	"kouryu/internal/demosite"
)

// kouryu crawl twice: the second sends nothing down the pipeline; kouryu
// status shows both crawls' outcome.
func TestCrawlOnceIsIncrementalAndStatusShowsIt(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(demosite.Handler(time.Now))
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
	if len(st.Sources) != 1 || st.Sources[0].Crawls != 2 || st.Sources[0].Events != 0 || st.Sources[0].Unchanged != 8 || st.Sources[0].Refused != 1 ||
		len(st.Sources[0].History) != 2 || st.Sources[0].LastFinished.IsZero() {
		t.Errorf("status: %+v", st.Sources)
	}
	if len(st.Streams) != 4 {
		t.Errorf("streams %+v", st.Streams)
	}
	out.Reset()
	if err := Main(t.Context(), append([]string{"status"}, flags...), nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SOURCE", "REFUSED", "demo", "KOURYU_RAW", "KOURYU_JOBS", "dead letters: 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status table lacks %q:\n%s", want, out.String())
		}
	}

	// One source: its state and its two crawls, newest first, each with
	// its dates read and fill rates (every demo event has a title and a
	// date).
	out.Reset()
	if err := Main(t.Context(), append([]string{"status", "demo", "--last", "5"}, flags...), nil, &out, &errb); err != nil {
		t.Fatalf("status demo: %v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if lines[0] != "demo (デモ)" || !strings.HasPrefix(lines[1], "  state: ok since ") {
		t.Errorf("status demo begins %q", lines[:2])
	}
	head := lines[len(lines)-3]
	for _, col := range []string{"WHEN", "PAGES", "EVENTS", "DATES READ", "TITLE", "START TIME", "END", "VENUE", "FEE", "ORGANIZER", "DESCRIPTION"} {
		if !strings.Contains(head, col) {
			t.Errorf("history header %q lacks %s", head, col)
		}
	}
	for _, row := range lines[len(lines)-2:] {
		if f := strings.Fields(row); len(f) != 7+7 || f[4] != "8" || f[6] != "100%" || f[7] != "100%" {
			t.Errorf("history row %q: want 8 events, dates read 100%%, titles 100%%", row)
		}
	}
	if err := Main(t.Context(), append([]string{"status", "nosuch"}, flags...), nil, &out, &errb); err == nil {
		t.Error("status of an unknown source: no error")
	}
}

// kouryu crawl --alert-webhook: a site whose event list is gone (moved in
// a renewal) for two crawls in a row is alerted once, before the process
// exits; status shows it.
func TestCrawlAlertWebhook(t *testing.T) {
	t.Parallel()
	var down atomic.Bool
	site := demosite.Handler(time.Now)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down.Load() && r.URL.Path != "/robots.txt" {
			http.Error(w, "お探しのページは見つかりませんでした", http.StatusNotFound)
			return
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	var mu sync.Mutex
	var alerts []map[string]any
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a map[string]any
		if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		alerts = append(alerts, a)
		mu.Unlock()
	}))
	defer hook.Close()
	dir := t.TempDir()
	srcFile := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(srcFile, fmt.Appendf(nil, "sources:\n  - {id: demo, name: デモ, kind: auto, start_urls: [%s/event/], delay: 1ms}\n", srv.URL), 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []string{"--data-dir", dir, "--sources", srcFile, "--log-level", "warn"}
	crawl := []string{"crawl", "--allow-private", "--alert-webhook", hook.URL + "/hooks/kouryu"}
	for i, isDown := range []bool{false, true, true} {
		down.Store(isDown)
		var out, errb bytes.Buffer
		err := Main(t.Context(), append(crawl, flags...), nil, &out, &errb)
		if (err != nil) != isDown {
			t.Fatalf("crawl %d (down %v): %v\n%s", i+1, isDown, err, errb.String())
		}
	}
	mu.Lock()
	got := slices.Clone(alerts)
	mu.Unlock()
	if len(got) != 1 || got[0]["source"] != "demo" || got[0]["name"] != "デモ" || got[0]["state"] != "unhealthy" ||
		fmt.Sprint(got[0]["reasons"]) != "[the last 2 crawls failed]" {
		t.Fatalf("alerts %v, want one: demo unhealthy, the last 2 crawls failed", got)
	}
	var out, errb bytes.Buffer
	if err := Main(t.Context(), append([]string{"status", "demo"}, flags...), nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"state: UNHEALTHY since", "- the last 2 crawls failed", "alert: unhealthy delivered"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status demo lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := Main(t.Context(), append([]string{"status"}, flags...), nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"UNHEALTHY", "  demo: the last 2 crawls failed"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, out.String())
		}
	}
	if err := Main(t.Context(), append([]string{"crawl", "--alert-webhook", "hooks.example.jp/secret"}, flags...), nil, &out, &errb); err == nil ||
		strings.Contains(err.Error(), "secret") {
		t.Errorf("a webhook URL without a scheme: %v", err)
	}
}

// --max-crawl-time ends one crawl of a source that never finishes: a list
// of a hundred event pages each answered after half a second.
func TestCrawlStopsAtMaxCrawlTime(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/event/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		if r.URL.Path == "/event/" {
			var b strings.Builder
			b.WriteString("<html><body><h1>行事予定</h1><ul>")
			for i := range 100 {
				fmt.Fprintf(&b, `<li>2027年1月%d日 <a href="/event/%d.html">第%d回 経営者交流会</a></li>`, i%28+1, i, i)
			}
			b.WriteString("</ul></body></html>")
			fmt.Fprint(w, b.String())
			return
		}
		select {
		case <-time.After(500 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, "<html><body><h1>経営者交流会</h1><dl><dt>日時</dt><dd>2027年1月20日 18:30～20:30</dd><dt>会場</dt><dd>大阪商工会議所</dd></dl></body></html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	srcFile := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(srcFile, fmt.Appendf(nil, "sources:\n  - {id: slow, name: 遅いサイト, kind: auto, start_urls: [%s/event/], delay: 1ms}\n", srv.URL), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	began := time.Now()
	err := Main(t.Context(), []string{"crawl", "--allow-private", "--data-dir", dir, "--sources", srcFile, "--max-crawl-time", "1s"}, nil, &out, &errb)
	took := time.Since(began)
	if took > 20*time.Second {
		t.Errorf("crawl with --max-crawl-time 1s took %v", took)
	}
	if !strings.Contains(errb.String(), "deadline of 1s") {
		t.Errorf("no line names the deadline (err %v):\n%s", err, errb.String())
	}
}
