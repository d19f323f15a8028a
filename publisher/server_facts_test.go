package publisher

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kouryu/internal/event"
	"kouryu/internal/store"
)

// factFixture are upcoming events with what their listings state: a free
// online one whose deadline is near, a members-only one, a hybrid one whose
// deadline has passed, and one that states nothing.
type factFixture struct {
	freeOnline, members, hybrid, unknown event.Event
}

func newFactFixture() factFixture {
	yen := func(n int) *int { return &n }
	yes, no := true, false
	endOf := func(t time.Time) time.Time { return t.Add(24*time.Hour - time.Second) }
	f := factFixture{
		freeOnline: ev("free", event.CrossIndustry, "online", day(4).Add(19*time.Hour), "オンライン異業種交流会"),
		members:    ev("members", event.Regional, "堺市", day(5).Add(18*time.Hour), "会員交流パーティー"),
		hybrid:     ev("hybrid", event.SeminarSocial, "大阪市北区", day(6).Add(15*time.Hour), "DXセミナーと懇親会"),
		unknown:    ev("unknown", event.StudyGroup, "大阪市中央区", day(7).Add(7*time.Hour), "朝の勉強会"),
	}
	f.freeOnline.FeeYenMin, f.freeOnline.FeeYenMax, f.freeOnline.MembersOnly = yen(0), yen(0), &no
	f.freeOnline.Format, f.freeOnline.ApplyBy = event.Online, endOf(day(1))
	f.members.Fee, f.members.FeeYenMin, f.members.FeeYenMax, f.members.MembersOnly = "会員無料／同伴者 3,000円", yen(0), yen(3000), &yes
	f.members.Format, f.members.ApplyBy, f.members.ApplyURL = event.InPerson, endOf(day(3)), "https://events.example/form/members"
	f.hybrid.Fee, f.hybrid.FeeYenMin, f.hybrid.FeeYenMax, f.hybrid.MembersOnly = "会員 2,000円／一般 4,000円", yen(2000), yen(4000), &no
	f.hybrid.Format, f.hybrid.Capacity, f.hybrid.ApplyBy = event.Hybrid, 50, endOf(day(-1))
	f.unknown.Fee = ""
	return f
}

func (f factFixture) all() []event.Event {
	return []event.Event{f.freeOnline, f.members, f.hybrid, f.unknown}
}

// TestAPIFactFilters: each filter keeps what the listings state, spelt in
// any of the accepted ways as one cached body; a bad value is a 400.
func TestAPIFactFilters(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		f := newFactFixture()
		upsertEach(t, st, f.all()...)
		srv, ts := startServer(t, st, ServerConfig{})
		ids := func(query string) []string {
			t.Helper()
			r := get(t, ts.URL+"/api/events?"+query)
			if r.code != http.StatusOK {
				t.Fatalf("%s: %d %s", query, r.code, r.body)
			}
			var page struct {
				Events []json.RawMessage `json:"events"`
			}
			if err := json.Unmarshal([]byte(r.body), &page); err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, raw := range page.Events {
				var e struct{ ID string }
				_ = json.Unmarshal(raw, &e)
				out = append(out, e.ID)
			}
			return out
		}
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"", []string{"free", "members", "hybrid", "unknown"}},
			{"free=1", []string{"free"}},
			{"open=1", []string{"free", "hybrid"}},
			{"online=true", []string{"free", "hybrid"}},
			{"apply_after=" + day(2).Format(time.DateOnly), []string{"members"}},
			{"free=1&online=1&open=1", []string{"free"}},
			{"free=0&label=regional", []string{"members"}},
		} {
			if got := ids(c.query); !slices.Equal(got, c.want) {
				t.Errorf("%q: %v, want %v", c.query, got, c.want)
			}
		}
		// The record carries the facts, 0 yen and false included.
		r := get(t, ts.URL+"/api/events?free=1")
		for _, want := range []string{`"fee_yen_min":0`, `"fee_yen_max":0`, `"members_only":false`, `"format":"online"`, `"apply_by":"`} {
			if !strings.Contains(r.body, want) {
				t.Errorf("free=1 answer lacks %s: %s", want, r.body)
			}
		}
		if strings.Contains(ids2body(t, ts.URL, "unknown"), "fee_yen") {
			t.Error("an event that states no fee has fee_yen_* in the API")
		}
		before := renderCount(t, srv, apiRoute)
		for _, q := range []string{"free=1&online=1", "online=true&free=TRUE", "free=1&online=1&open=0"} {
			if r := get(t, ts.URL+"/api/events?"+q); r.code != http.StatusOK {
				t.Fatalf("%s: %d", q, r.code)
			}
		}
		if n := renderCount(t, srv, apiRoute) - before; n != 1 {
			t.Errorf("one filter spelt three ways rendered %d bodies, want 1", n)
		}
		for _, q := range []string{"free=yes", "free=1&free=1", "apply_after=12月1日", "online=2"} {
			if r := get(t, ts.URL+"/api/events?"+q); r.code != http.StatusBadRequest || !strings.Contains(r.body, `"error"`) {
				t.Errorf("%s: %d %s, want a JSON 400", q, r.code, r.body)
			}
		}
	})
}

// ids2body is the API's answer for one event's id, found by its title.
func ids2body(t *testing.T, base, id string) string {
	t.Helper()
	r := get(t, base+"/api/events?q="+url.QueryEscape("朝の勉強会"))
	if !strings.Contains(r.body, `"id":"`+id+`"`) {
		t.Fatalf("event %s not found: %s", id, r.body)
	}
	return r.body
}

// TestFeedFactFilters: a feed takes the filters too (its title and self
// link say which), and its items read as a person reads a listing: the
// fee, who may come, the deadline, one line on the kind, not the rules'
// reasons.
func TestFeedFactFilters(t *testing.T) {
	t.Parallel()
	st := sqliteStore(t)
	f := newFactFixture()
	upsertEach(t, st, f.all()...)
	srv, ts := startServer(t, st, ServerConfig{})
	r := get(t, ts.URL+"/feeds/all.rss?free=1&utm_source=x")
	if r.code != http.StatusOK {
		t.Fatalf("%d %s", r.code, r.body)
	}
	if n := strings.Count(r.body, "<item>"); n != 1 || !strings.Contains(r.body, "オンライン異業種交流会") {
		t.Errorf("free=1 feed has %d items:\n%s", n, r.body)
	}
	for _, want := range []string{"<title>kouryu 大阪の交流会・勉強会 — 無料</title>", `href="` + srv.cfg.BaseURL + `/feeds/all.rss?free=1"`, "<ttl>60</ttl>"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("free=1 feed lacks %s", want)
		}
	}
	r = get(t, ts.URL+"/feeds/all.rss")
	for _, want := range []string{"参加費：会員無料／同伴者 3,000円", "参加：会員限定", "申込締切：", "申込：&lt;a href=&#34;https://events.example/form/members",
		"定員：50名", "会場：会議室hybrid（大阪市北区）（オンライン参加も可）", "分類：地域イベント主体の交流会"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the feed lacks %q", want)
		}
	}
	if strings.Contains(r.body, "テスト用の理由") {
		t.Error("the feed shows the classifier's reasons")
	}
	ics := get(t, ts.URL+"/feeds/all.ics?online=1")
	if !strings.Contains(ics.body, "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n") || strings.Count(ics.body, "BEGIN:VEVENT") != 2 {
		t.Errorf("online=1 calendar:\n%s", ics.body)
	}
	if r := get(t, ts.URL+"/feeds/all.rss?open=maybe"); r.code != http.StatusBadRequest {
		t.Errorf("open=maybe: %d", r.code)
	}
}

// TestPageFacts: the page marks what each listing states and filters on it
// (server side; TestPageFactsInBrowser clicks through it).
func TestPageFacts(t *testing.T) {
	t.Parallel()
	st := sqliteStore(t)
	f := newFactFixture()
	upsertEach(t, st, f.all()...)
	_, ts := startServer(t, st, ServerConfig{})
	r := get(t, ts.URL+"/")
	for _, want := range []string{`data-badge="free">無料`, `data-badge="members">会員限定`, `data-badge="online">オンライン`,
		`data-badge="online">オンライン可`, `data-badge="soon">締切間近`, `data-badge="closed">申込締切済`, "定員：50名",
		`data-filter="free"`, `data-filter="apply_after"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	r = get(t, ts.URL+"/?online=1&label=seminar_social")
	if n := strings.Count(r.body, `<li class="event`); n != 1 || !strings.Contains(r.body, `<input type="hidden" name="online" value="1">`) {
		t.Errorf("online=1 and a label: %d events, or the area form drops the filter", n)
	}
	if !strings.Contains(r.body, `href="/feeds/seminar_social.rss?online=1"`) {
		t.Error("the page's feed link drops its filter")
	}
}

// TestPageFactsInBrowser loads the page in headless Chromium, reads the
// marks of each event and turns the filters on and off as a visitor would,
// by their links.
func TestPageFactsInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	st := sqliteStore(t)
	f := newFactFixture()
	upsertEach(t, st, f.all()...)
	_, ts := startServer(t, st, ServerConfig{})

	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("section.day"))); err != nil {
		t.Fatalf("load page: %v", err)
	}
	count := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.event").length`))
		if err != nil {
			t.Fatalf("count events: %v", err)
		}
		return n
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.event")].map(li =>
		li.querySelector(".title").innerText + ":" + [...li.querySelectorAll("[data-badge]")].map(b => b.innerText).join(","))`))
	if err != nil {
		t.Fatalf("read badges: %v", err)
	}
	want := []string{"オンライン異業種交流会:無料,オンライン,締切間近", "会員交流パーティー:会員限定", "DXセミナーと懇親会:オンライン可,申込締切済", "朝の勉強会:"}
	if !slices.Equal(marks, want) {
		t.Errorf("badges %q, want %q", marks, want)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(t.TempDir(), "facts.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile("/tmp/kouryu-page-facts.png", png, 0o644) // for a person to look at
	click := func(filter string, on bool) {
		t.Helper()
		sel := `ul.facts a[data-filter="` + filter + `"]`
		state := sel + `[aria-current="true"]`
		if !on {
			state = sel + `:not([aria-current])`
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.CSS(state))); err != nil {
			t.Fatalf("click %s: %v", filter, err)
		}
	}
	before := count()
	click("online", true)
	online := count()
	click("free", true)
	freeOnline := count()
	click("online", false)
	free := count()
	click("free", false)
	click("apply_after", true)
	open := count()
	summary, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#summary")))
	if err != nil {
		t.Fatal(err)
	}
	if before != 4 || online != 2 || freeOnline != 1 || free != 1 || open != 2 {
		t.Errorf("events listed: %d, online %d, free and online %d, free %d, applications open %d; want 4, 2, 1, 1, 2",
			before, online, freeOnline, free, open)
	}
	if !strings.Contains(summary, "申込可") {
		t.Errorf("summary %q does not name the filter", summary)
	}
}

// browser starts headless Chromium for the test, as TestPageInBrowser does:
// a phone's window, no network of its own, bounded by 90 seconds.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing under CI=true: apt-get install -y chromium", chromiumPath)
		}
		t.Skipf("%s missing (apt-get install -y chromium)", chromiumPath)
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(412, 915),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := context.WithTimeout(actx, 90*time.Second)
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	return ctx
}
