package publisher

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// postgresStoreConfig returns a store config on a fresh schema, dropped when
// t ends. PostgreSQL unreachable: skip locally, fail under CI=true.
func postgresStoreConfig(t testing.TB) store.Config {
	return store.Config{URL: pgtest.URL(t), MaxConns: 4}
}

var storeBackends = []struct {
	name   string
	config func(testing.TB) store.Config
}{
	{"sqlite", func(t testing.TB) store.Config { return store.Config{Path: filepath.Join(t.TempDir(), "kouryu.db")} }},
	{"postgres", postgresStoreConfig},
}

// eachStore runs f once per backend, each with an empty store.
//
// The tests call t.Parallel, each owning its stores (a file under its
// TempDir, a schema of its own), servers and bus, except those of
// server_hostile_test.go: they measure the process's heap or bound their
// time, so they run alone, before the others.
func eachStore(t *testing.T, f func(t *testing.T, st *store.Store)) {
	for _, b := range storeBackends {
		t.Run(b.name, func(t *testing.T) {
			st, err := store.Open(context.Background(), b.config(t), testutil.Logger(t))
			if err != nil {
				t.Fatalf("open store: %v", err)
			}
			t.Cleanup(st.Close)
			f(t, st)
		})
	}
}

// startServer serves a Server for st on a loopback httptest server.
func startServer(t testing.TB, st *store.Store, cfg ServerConfig) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.StampEvery == 0 {
		cfg.StampEvery = 5 * time.Millisecond
	}
	srv, err := NewServer(st, cfg, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}

// client does not decompress, so tests see Content-Encoding as sent.
var client = &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 10 * time.Second}

type response struct {
	code   int
	header http.Header
	body   string
}

func get(t testing.TB, rawURL string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{code: resp.StatusCode, header: resp.Header, body: string(b)}
}

// upsertEach stores each event in its own transaction, in order, so that
// first_seen_at follows the slice (the last one is the newest announcement).
func upsertEach(t testing.TB, st *store.Store, evs ...event.Event) {
	t.Helper()
	for _, e := range evs {
		if _, err := st.Upsert(context.Background(), []event.Event{e}); err != nil {
			t.Fatalf("upsert %s: %v", e.ID, err)
		}
	}
}

// day is midnight in Tokyo n days from today.
func day(n int) time.Time {
	now := time.Now().In(event.Tokyo)
	return time.Date(now.Year(), now.Month(), now.Day()+n, 0, 0, 0, 0, event.Tokyo)
}

func ev(id string, label event.Label, area string, start time.Time, title string) event.Event {
	return event.Event{
		ID: id, Source: "test-src", URL: "https://events.example/e/" + id, Title: title,
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), Area: area, Venue: "会議室" + id,
		Organizer: "テスト商工会", Fee: "無料", Status: event.StatusScheduled, Label: label,
		Reasons: []string{"テスト用の理由"}, RulesVersion: "t1",
	}
}

// fixture is a set of events around now: two passed, the rest upcoming.
type fixture struct {
	past, ongoing, todayAllDay, kita, sakai, chuo, online event.Event
}

func newFixture() fixture {
	f := fixture{
		past:    ev("past", event.CrossIndustry, "大阪市北区", day(-3).Add(18*time.Hour), "終わった異業種交流会"),
		ongoing: ev("ongoing", event.Regional, "東大阪市", day(-2).Add(10*time.Hour), "開催中の物産フェア"),
		kita:    ev("kita", event.CrossIndustry, "大阪市北区", day(5).Add(18*time.Hour+30*time.Minute), "梅田 異業種交流会"),
		sakai:   ev("sakai", event.StudyGroup, "堺市", day(6).Add(19*time.Hour), "経営を学ぶ勉強会"),
		chuo:    ev("chuo", event.SeminarSocial, "大阪市中央区", day(6).Add(15*time.Hour), "DXセミナーと懇親会"),
		online:  ev("online", event.SameIndustry, "online", day(9).Add(20*time.Hour), "建設業オンライン情報交換会"),
	}
	f.ongoing.EndsAt = day(2).Add(17 * time.Hour)
	f.todayAllDay = ev("today", event.Regional, "大阪市中央区", day(0), "本日の商店街まつり")
	f.todayAllDay.AllDay, f.todayAllDay.EndsAt = true, time.Time{}
	f.sakai.Status = event.StatusCancelled
	f.past.EndsAt = day(-3).Add(20 * time.Hour)
	return f
}

// announced is the fixture in upsert order: oldest announcement first.
func (f fixture) announced() []event.Event {
	return []event.Event{f.past, f.ongoing, f.todayAllDay, f.kita, f.sakai, f.chuo, f.online}
}

// testClock is a server clock the test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock(t time.Time) *testClock { return &testClock{t: t} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// readStampNow moves clock past the server's stamp interval and waits until
// the server has read the store's stamp again (it does so in the
// background, one request starting it).
func readStampNow(t testing.TB, srv *Server, clock *testClock) {
	t.Helper()
	clock.Advance(srv.cfg.StampEvery)
	want := clock.Now()
	srv.currentStamp(context.Background())
	for deadline := time.Now().Add(10 * time.Second); srv.stamp.Load().at.Before(want); {
		if time.Now().After(deadline) {
			t.Fatal("the stamp was not read again within 10s")
		}
		time.Sleep(2 * time.Millisecond) // polling interval
	}
}
