package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kouryu/internal/demosite"
	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/testutil"
)

// demoLabels is the label docs/labels.md gives each event of the demo site,
// by its number: the test reads the labels back from the feeds.
var demoLabels = map[int]event.Label{
	1: event.Regional,      // a chamber's 異業種交流会 for its member firms (rule 5)
	2: event.SeminarSocial, // セミナー＆懇親会, the chamber hosts it (rule 4 before 5)
	3: event.SameIndustry,  // 税理士限定 (rule 3)
	4: event.StudyGroup,    // 倫理法人会 モーニングセミナー (rule 2)
	5: event.CrossIndustry, // a company's open 名刺交換会 (rule 6)
	6: event.Other,         // a shopping street's festival for the public (rule 1)
	7: event.Regional,      // the chamber's 青年部 (rule 5), cancelled
}

// freeAddr is a loopback address free a moment ago.
//
// The tests of this package run in parallel: each Main has a data dir of
// its own (its embedded NATS server on a random port, its SQLite file or
// PostgreSQL schema), its own ports and metrics registry. Two run alone:
// TestShortCommandsGiveUpOnADownServer sets shortConnectWait and
// TestNATSStoreFlags the environment.
func freeAddr(t *testing.T) string {
	t.Helper()
	return freeAddrs(t, 1)[0]
}

// freeAddrs returns n different free addresses. Their ports lie below the
// range the kernel hands out for port 0 (32768–60999 on Linux), so a server
// another part of the test starts on port 0 (an embedded NATS, an httptest
// site) cannot be given one of them between this call and the listener that
// uses it; each is held until all are taken, so two asked for at once are
// never the same.
func freeAddrs(t *testing.T, n int) []string {
	t.Helper()
	var addrs []string
	for try := 0; len(addrs) < n; try++ {
		if try == 1000 {
			t.Fatalf("no free port below 32000 in 1000 tries")
		}
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 20000+rand.IntN(12000)))
		if err != nil {
			continue // in use: another port
		}
		defer l.Close()
		addrs = append(addrs, l.Addr().String())
	}
	return addrs
}

// demoDelay matches a source's delay line in a sources file.
var demoDelay = regexp.MustCompile(`(?m)^(\s+delay:\s*)\S+$`)

// demoSources writes demo/sources.yaml pointed at the test's copy of the site.
func demoSources(t *testing.T, siteURL string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "demo", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(data), "http://127.0.0.1:8090", siteURL)
	// The demo's politeness delay (200 ms a page) shows how a real site is
	// crawled; the tests' site is their own, and no test here times it.
	s = demoDelay.ReplaceAllString(s, "${1}1ms")
	path := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type rss struct {
	Items []struct {
		Title string `xml:"title"`
		GUID  string `xml:"guid"`
		Link  string `xml:"link"`
	} `xml:"channel>item"`
}

func getFeed(t *testing.T, url string) (rss, error) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return rss{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return rss{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return rss{}, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	var f rss
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("GET %s: invalid XML: %v\n%s", url, err, body)
	}
	return f, nil
}

// TestPipelineEndToEnd runs `kouryu run` as a user would — a sources file,
// --allow-private, a data dir — against the demo site served on loopback:
// crawl → embedded NATS → classify → store → RSS, on SQLite and on
// PostgreSQL, and reads titles, start times and labels back from the feeds
// and the API.
func TestPipelineEndToEnd(t *testing.T) {
	t.Parallel()
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel() // a site, a data dir and a database of its own
			dbURL := ""
			if backend == "postgres" {
				dbURL = pgtest.URL(t)
			}
			now := time.Now()
			site := httptest.NewServer(demosite.Handler(func() time.Time { return now }))
			defer site.Close()
			addr := freeAddr(t)
			args := []string{"run", "--sources", demoSources(t, site.URL), "--allow-private",
				"--data-dir", t.TempDir(), "--http-addr", addr, "--database-url", dbURL}

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var logs testutil.SyncBuffer
			done := make(chan error, 1)
			go func() { done <- Main(ctx, args, strings.NewReader(""), io.Discard, &logs) }()
			defer func() {
				if t.Failed() {
					t.Logf("kouryu run logs:\n%s", logs.String())
				}
			}()

			want := demosite.Events()
			base := "http://" + addr
			var all rss
			testutil.Eventually(t, 60*time.Second, func() error {
				select {
				case err := <-done:
					t.Fatalf("kouryu run ended early: %v", err)
				default:
				}
				f, err := getFeed(t, base+"/feeds/all.rss")
				if err != nil {
					return fmt.Errorf("the feed: %w", err)
				}
				if len(f.Items) != len(want) {
					return fmt.Errorf("the feed has %d items, want %d", len(f.Items), len(want))
				}
				all = f
				return nil
			})

			// Titles, with the date first, as subscribers see them.
			for _, e := range want {
				start := e.StartTime(now)
				found := false
				for _, it := range all.Items {
					if strings.Contains(it.Title, strings.TrimPrefix(e.Title, "【中止】")) {
						found = true
						stamp := fmt.Sprintf("%d/%d", start.Month(), start.Day())
						if !strings.Contains(it.Title, stamp) || !strings.Contains(it.Title, start.Format("15:04")) {
							t.Errorf("item %q does not lead with its start %s %s", it.Title, stamp, start.Format("15:04"))
						}
					}
				}
				if !found {
					t.Errorf("event %d %q is not in the feed", e.N, e.Title)
				}
			}

			// Labels: each labelled event is in its label's feed.
			for n, label := range demoLabels {
				f, err := getFeed(t, base+"/feeds/"+string(label)+".rss")
				if err != nil {
					t.Fatal(err)
				}
				title := strings.TrimPrefix(want[n-1].Title, "【中止】")
				in := false
				for _, it := range f.Items {
					in = in || strings.Contains(it.Title, title)
				}
				if !in {
					t.Errorf("event %d %q is not in /feeds/%s.rss", n, title, label)
				}
			}

			// Start times and status, exactly, from the API.
			resp, err := http.Get(base + "/api/events?limit=100")
			if err != nil {
				t.Fatal(err)
			}
			var api struct {
				Events []event.Event `json:"events"`
			}
			err = json.NewDecoder(resp.Body).Decode(&api)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(api.Events) != len(want) {
				t.Fatalf("API has %d events, want %d", len(api.Events), len(want))
			}
			for _, e := range want {
				var got *event.Event
				for i := range api.Events {
					if strings.HasSuffix(api.Events[i].URL, fmt.Sprintf("/event/detail/%d.html", e.N)) {
						got = &api.Events[i]
					}
				}
				if got == nil {
					t.Errorf("event %d not in the API", e.N)
					continue
				}
				if !got.StartsAt.Equal(e.StartTime(now)) {
					t.Errorf("event %d starts %v, want %v", e.N, got.StartsAt, e.StartTime(now))
				}
				if got.RulesVersion == "" || len(got.Reasons) == 0 {
					t.Errorf("event %d has no rules version or reasons: %+v", e.N, got)
				}
				if e.N == 7 && got.Status != event.StatusCancelled {
					t.Errorf("event 7 status %q, want cancelled", got.Status)
				}
			}

			// /metrics on the HTTP server counts every stage of the process.
			scrapeUntil(t, base+"/metrics", &logs,
				`kouryu_crawler_crawls_total{outcome="ok",source="demo-cci"} 1`,
				`kouryu_crawler_events_total{result="published",source="demo-cci"} 8`,
				`kouryu_classifier_events_total{label="study_group"} 1`,
				`kouryu_classifier_events_total{label="other"} 1`,
				`kouryu_publisher_events_total{result="inserted"} 8`,
				"kouryu_publisher_batch_seconds_count",
				`kouryu_consumer_pending{durable="publish",stream="KOURYU_CLASSIFIED"} 0`,
				"kouryu_http_requests_total",
				"go_goroutines",
			)

			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("kouryu run: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("kouryu run did not stop within 30s of its context ending")
			}
		})
	}
}
