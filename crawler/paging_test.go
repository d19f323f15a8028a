package crawler

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// doorkeeperPage is a page of the Doorkeeper API's answer: n events in
// Osaka from id first, as GET /events?prefecture=osaka&page=… returns
// them (25 to a page). seats varies what a live answer varies between two
// requests: the participants.
func doorkeeperPage(first, n, seats int) []byte {
	var items []map[string]any
	for i := range n {
		id := first + i
		start := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC).AddDate(0, 0, i%28)
		items = append(items, map[string]any{"event": map[string]any{
			"title": fmt.Sprintf("うめきた ビジネス交流会 #%d", id), "id": id,
			"starts_at": start.Format("2006-01-02T15:04:05.000Z"), "ends_at": start.Add(2 * time.Hour).Format("2006-01-02T15:04:05.000Z"),
			"venue_name": "グランフロント大阪 北館", "address": "大阪府大阪市北区大深町3-1", "lat": "34.7050", "long": "135.4950",
			"ticket_limit": 40, "published_at": "2026-11-01T00:00:00.000Z", "updated_at": "2026-11-02T00:00:00.000Z",
			"group": 701, "description": "<p>名刺交換と交流の会です。</p>",
			"public_url": fmt.Sprintf("https://umekita.doorkeeper.jp/events/%d", id), "participants": seats, "waitlisted": 0,
		}})
	}
	b, _ := json.Marshal(items)
	return b
}

// connpassPage is one answer of connpass API v2 with n events from start
// of available.
func connpassPage(start, n, available int) []byte {
	var evs []map[string]any
	for i := range n {
		id := 402000 + start + i
		at := time.Date(2026, 12, 1, 19, 0, 0, 0, time.FixedZone("", 9*3600)).AddDate(0, 0, (start+i)%28)
		evs = append(evs, map[string]any{"id": id, "title": fmt.Sprintf("大阪 もくもく会 #%d", start+i), "catch": "",
			"description": "<p>各自の作業を進める会です。</p>", "url": fmt.Sprintf("https://connpass.com/event/%d/", id),
			"started_at": at.Format(time.RFC3339), "ended_at": at.Add(2 * time.Hour).Format(time.RFC3339), "limit": 20,
			"event_type": "participation", "open_status": "open", "group": nil, "address": "大阪府大阪市中央区本町1-4-5",
			"place": "大阪産業創造館", "owner_display_name": "もくもく会", "accepted": 5, "waiting": 0,
			"updated_at": "2026-11-20T10:00:00+09:00"})
	}
	b, _ := json.Marshal(map[string]any{"results_returned": n, "results_available": available, "results_start": start, "events": evs})
	return b
}

// pagingServer answers the API path with page(the paging parameter's
// value) and counts the requests.
func pagingServer(t *testing.T, param string, page func(v int) []byte) (*httptest.Server, *counting) {
	t.Helper()
	h := newCounting(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		v, _ := strconv.Atoi(r.URL.Query().Get(param))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(page(v))
	}))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, h
}

const doorkeeperSource = `
sources:
  - id: doorkeeper-osaka
    name: Doorkeeper
    kind: doorkeeper
    start_urls: ["%s/events?prefecture=osaka&sort=starts_at"]
    delay: 1ms
    max_pages: %d
`

func TestDoorkeeperPagingStopsOnARepeatedPage(t *testing.T) {
	t.Setenv(EnvDoorkeeperToken, "t")
	// A server that ignores page answers the first page every time: the
	// same bytes, or the same events with live seat counts.
	for name, page := range map[string]func(int) []byte{
		"same bytes":  func(int) []byte { return doorkeeperPage(183001, 25, 12) },
		"same events": func(v int) []byte { return doorkeeperPage(183001, 25, 12+v) },
	} {
		t.Run(name, func(t *testing.T) {
			srv, site := pagingServer(t, "page", page)
			rep, evs, err := crawlYAML(t, doorkeeperSource, srv.URL, 10)
			if err != nil {
				t.Fatalf("%v; problems %q", err, rep.Problems)
			}
			if n := site.count("/events"); n != 2 || len(evs) != 25 {
				t.Errorf("%d requests, %d events; want 2 (the second repeats the first) and 25", n, len(evs))
			}
			if !strings.Contains(strings.Join(rep.Problems, "\n"), "page=2") || !strings.Contains(strings.Join(rep.Problems, "\n"), "repeats page 1: paging stopped") {
				t.Errorf("problems %q", rep.Problems)
			}
		})
	}
}

func TestDoorkeeperPagingStopsOnAShortPage(t *testing.T) {
	t.Setenv(EnvDoorkeeperToken, "t")
	// 57 events: 25, 25 and 7. Doorkeeper reports no count; a page shorter
	// than a full one is the last.
	srv, site := pagingServer(t, "page", func(v int) []byte {
		switch v {
		case 1, 2:
			return doorkeeperPage(183000+25*(v-1), 25, 3)
		case 3:
			return doorkeeperPage(183050, 7, 3)
		}
		return []byte("[]")
	})
	rep, evs, err := crawlYAML(t, doorkeeperSource, srv.URL, 10)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if n := site.count("/events"); n != 3 || len(evs) != 57 {
		t.Errorf("%d requests, %d events; want 3 and 57", n, len(evs))
	}
}

func TestAPIPagingStopsAtMaxPages(t *testing.T) {
	t.Setenv(EnvDoorkeeperToken, "t")
	srv, site := pagingServer(t, "page", func(v int) []byte { return doorkeeperPage(183000+25*v, 25, 3) })
	rep, evs, err := crawlYAML(t, doorkeeperSource, srv.URL, 3)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if n := site.count("/events"); n != 3 || len(evs) != 75 || !strings.Contains(strings.Join(rep.Problems, "\n"), "max_pages 3 reached") {
		t.Errorf("%d requests, %d events, problems %q; want 3, 75 and the budget named", n, len(evs), rep.Problems)
	}
}

const connpassSource = `
sources:
  - id: connpass-osaka
    name: connpass
    kind: connpass
    start_urls: ["%s/api/v2/events/?prefecture=osaka&count=100&order=2"]
    delay: 1ms
    max_pages: 10
`

func TestConnpassPagingStopsAtTheCountAndOnARepeat(t *testing.T) {
	t.Setenv(EnvConnpassKey, "k")
	// 150 available: start=1 (100) and start=101 (50), then no more.
	srv, site := pagingServer(t, "start", func(v int) []byte { return connpassPage(v, min(100, 151-v), 150) })
	rep, evs, err := crawlYAML(t, connpassSource, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if n := site.count("/api/"); n != 2 || len(evs) != 150 {
		t.Errorf("%d requests, %d events; want 2 and 150", n, len(evs))
	}

	// A server that ignores start while it reports 1,000 available.
	srv, site = pagingServer(t, "start", func(int) []byte { return connpassPage(1, 100, 1000) })
	rep, evs, err = crawlYAML(t, connpassSource, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if n := site.count("/api/"); n != 2 || len(evs) != 100 || !strings.Contains(strings.Join(rep.Problems, "\n"), "repeats page 1: paging stopped") {
		t.Errorf("%d requests, %d events, problems %q; want 2, 100 and the repeat named", n, len(evs), rep.Problems)
	}
}
