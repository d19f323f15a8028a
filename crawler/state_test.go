package crawler

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"kouryu/internal/bus"
	"kouryu/internal/demosite"
	"kouryu/internal/event"
)

// openState starts an embedded NATS server and returns its crawl-state bucket.
func openState(t *testing.T) *bus.KV {
	t.Helper()
	b, err := bus.Open(t.Context(), bus.Config{DataDir: t.TempDir(), MaxBytes: 16 << 20}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	kv, err := b.KV(t.Context(), bus.BucketCrawl)
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

// editableSite is the demo site with ETags on its event pages (answering
// If-None-Match with 304) and a title that a test may change.
type editableSite struct {
	h          http.Handler
	etags      bool
	newTitle   atomic.Pointer[string] // event 3's title, when set
	notMod     atomic.Int64
	detailHits atomic.Int64
}

func (s *editableSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/event/detail/") {
		s.h.ServeHTTP(w, r)
		return
	}
	s.detailHits.Add(1)
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	if nt := s.newTitle.Load(); nt != nil && r.URL.Path == "/event/detail/3.html" {
		page, _ := japanese.ShiftJIS.NewDecoder().String(string(body))
		page = strings.ReplaceAll(page, demosite.Events()[2].Title, *nt)
		enc, _ := japanese.ShiftJIS.NewEncoder().String(page)
		body = []byte(enc)
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	if s.etags {
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.notMod.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}

func TestCrawlIncrementalPublishesOnlyChanges(t *testing.T) {
	for _, etags := range []bool{false, true} {
		name := "content-hash"
		if etags {
			name = "etag"
		}
		t.Run(name, func(t *testing.T) {
			st := openState(t)
			site := &editableSite{h: demosite.Handler(func() time.Time { return testNow }), etags: etags}
			srv := httptest.NewServer(site)
			defer srv.Close()
			c := newTestCrawler(t, Config{AllowPrivate: true})
			src := demoSource(t, srv.URL, 100)

			first := &collect{}
			rep, err := c.CrawlIncremental(t.Context(), src, first, st)
			if err != nil || len(first.events) != 8 || rep.Events != 8 {
				t.Fatalf("first crawl: err %v, %d published, report %+v", err, len(first.events), rep)
			}

			second := &collect{}
			rep, err = c.CrawlIncremental(t.Context(), src, second, st)
			if err != nil {
				t.Fatal(err)
			}
			if len(second.events) != 0 || rep.Events != 0 || rep.Unchanged != 8 {
				t.Errorf("unchanged site: %d published, report events %d unchanged %d", len(second.events), rep.Events, rep.Unchanged)
			}
			if etags && (site.notMod.Load() != 8 || rep.NotModified != 8) {
				t.Errorf("second crawl: %d answers 304, report %d; want 8", site.notMod.Load(), rep.NotModified)
			}

			title := "税理士限定 若手交流会 ～採用と事務所経営～（会場変更）"
			site.newTitle.Store(&title)
			third := &collect{}
			rep, err = c.CrawlIncremental(t.Context(), src, third, st)
			if err != nil {
				t.Fatal(err)
			}
			if len(third.events) != 1 || third.events[0].Title != title || rep.Unchanged != 7 {
				t.Fatalf("one title changed: published %d (%v), unchanged %d", len(third.events), third.events, rep.Unchanged)
			}
			if third.events[0].ID != first.events[indexOfURL(first.events, third.events[0].URL)].ID {
				t.Errorf("a changed title must keep the id")
			}

			// Without state, everything is published (sources check).
			all := &collect{}
			if _, err := c.Crawl(t.Context(), src, all); err != nil || len(all.events) != 8 {
				t.Errorf("Crawl without state: err %v, %d events", err, len(all.events))
			}
		})
	}
}

func indexOfURL(evs []event.Event, u string) int {
	for i, e := range evs {
		if e.URL == u {
			return i
		}
	}
	return 0
}

func TestHealthWarnsBelowHalfTheMedian(t *testing.T) {
	var h Health
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i, n := range []int{10, 12, 9, 11} {
		h = h.Finished(Report{Source: "x", Events: n, Started: start.Add(time.Duration(i) * time.Hour), Finished: start.Add(time.Duration(i)*time.Hour + time.Minute)}, nil)
		if !h.Healthy() {
			t.Fatalf("crawl %d: reasons %q", i, h.Reasons)
		}
	}
	// 6 unchanged count as found: no warning.
	h = h.Finished(Report{Source: "x", Events: 0, Unchanged: 6}, nil)
	if !h.Healthy() || h.Yield() != 6 {
		t.Errorf("unchanged events are a yield: %q", h.Reasons)
	}
	h = h.Finished(Report{Source: "x", Events: 2, Problems: []string{"a", "b", "c", "d", "e", "f", "g"}}, nil)
	if h.Healthy() || !strings.Contains(h.Reasons[0], "median of 10:") || !slices.Equal(h.Flags, []string{CheckYield}) {
		t.Errorf("2 after a median of 10 (10, 12, 9, 11, 6): reasons %q, flags %q", h.Reasons, h.Flags)
	}
	if len(h.Problems) != 6 || h.Problems[5] != "… and 2 more" {
		t.Errorf("problems %q", h.Problems)
	}
	if h.Crawls != 6 || len(h.History) != 6 {
		t.Errorf("crawls %d, history %v", h.Crawls, h.History)
	}
	for range 30 {
		h = h.Finished(Report{Events: 1}, nil)
	}
	if len(h.History) != HistoryKept {
		t.Errorf("history %d long", len(h.History))
	}
	if got := (Health{}).Due(time.Hour); !got.Equal(time.Unix(0, 0)) {
		t.Errorf("never crawled: due %v", got)
	}
}
