package publisher

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"

	"kouryu/internal/event"
	"kouryu/internal/feed"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

func strictXML(t *testing.T, body string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(body))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("strict XML: %v\n%s", err, body)
		}
	}
}

func parseFeed(t *testing.T, r response) *gofeed.Feed {
	t.Helper()
	if r.code != http.StatusOK {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	strictXML(t, r.body)
	f, err := gofeed.NewParser().ParseString(r.body)
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	return f
}

func guids(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, strings.TrimPrefix(it.GUID, "tag:kouryu,2026:event:"))
	}
	return out
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		fx := newFixture()
		upsertEach(t, st, fx.announced()...)
		_, ts := startServer(t, st, ServerConfig{BaseURL: "https://kouryu.example"})

		// Upcoming only, newest announcement first.
		r := get(t, ts.URL+"/feeds/all.rss")
		if ct := r.header.Get("Content-Type"); ct != "application/rss+xml; charset=utf-8" {
			t.Errorf("rss content type %q", ct)
		}
		f := parseFeed(t, r)
		want := []string{"online", "chuo", "sakai", "kita", "today", "ongoing"}
		if got := guids(f); !slices.Equal(got, want) {
			t.Fatalf("all.rss items %v, want %v", got, want)
		}
		if f.Items[2].Title != feed.Title(fx.sakai) || !strings.Contains(f.Items[2].Title, "【中止】") {
			t.Errorf("cancelled item title %q", f.Items[2].Title)
		}
		if !strings.Contains(r.body, `<atom:link href="https://kouryu.example/feeds/all.rss" rel="self"`) {
			t.Error("rss lacks its self link")
		}

		// Area prefix: 大阪市 covers its wards.
		f = parseFeed(t, get(t, ts.URL+"/feeds/all.atom?area="+url.QueryEscape("大阪市")))
		if got := guids(f); !slices.Equal(got, []string{"chuo", "kita", "today"}) {
			t.Errorf("area 大阪市: %v", got)
		}
		f = parseFeed(t, get(t, ts.URL+"/feeds/all.rss?area="+url.QueryEscape("大阪市北区")))
		if got := guids(f); !slices.Equal(got, []string{"kita"}) {
			t.Errorf("area 大阪市北区: %v", got)
		}

		// One label.
		r = get(t, ts.URL+"/feeds/study_group.atom")
		if ct := r.header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
			t.Errorf("atom content type %q", ct)
		}
		f = parseFeed(t, r)
		if got := guids(f); !slices.Equal(got, []string{"sakai"}) {
			t.Errorf("study_group.atom: %v", got)
		}

		// iCalendar.
		r = get(t, ts.URL+"/feeds/cross_industry.ics")
		if ct := r.header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
			t.Errorf("ics content type %q", ct)
		}
		if !strings.HasPrefix(r.body, "BEGIN:VCALENDAR\r\n") || strings.Count(r.body, "BEGIN:VEVENT") != 1 ||
			!strings.Contains(r.body, "UID:kita@kouryu\r\n") || strings.Contains(r.body, "UID:past@kouryu") {
			t.Errorf("cross_industry.ics:\n%s", r.body)
		}
		r = get(t, ts.URL+"/feeds/study_group.ics")
		if !strings.Contains(r.body, "STATUS:CANCELLED\r\n") {
			t.Errorf("cancelled event without STATUS:CANCELLED:\n%s", r.body)
		}

		for _, p := range []string{"/feeds/party.rss", "/feeds/all.xml", "/feeds/all", "/feeds/"} {
			if r := get(t, ts.URL+p); r.code != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", p, r.code)
			}
		}
	})
}

func TestFeedLimit(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		var evs []event.Event
		for i := range 7 {
			evs = append(evs, ev(fmt.Sprintf("e%d", i), event.CrossIndustry, "堺市", day(3+i).Add(18*time.Hour), fmt.Sprintf("交流会 %d", i)))
		}
		upsertEach(t, st, evs...)
		_, ts := startServer(t, st, ServerConfig{FeedLimit: 3})
		f := parseFeed(t, get(t, ts.URL+"/feeds/all.rss"))
		if got := guids(f); !slices.Equal(got, []string{"e6", "e5", "e4"}) {
			t.Errorf("limited feed %v", got)
		}
	})
}

func TestConditionalRequests(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		fx := newFixture()
		upsertEach(t, st, fx.kita, fx.sakai)
		_, ts := startServer(t, st, ServerConfig{})
		for _, p := range []string{"/feeds/all.rss", "/feeds/all.ics", "/api/events?label=study_group", "/?area=" + url.QueryEscape("堺市")} {
			first := get(t, ts.URL+p)
			etag, lm := first.header.Get("ETag"), first.header.Get("Last-Modified")
			if first.code != http.StatusOK || !strings.HasPrefix(etag, `"`) || lm == "" {
				t.Fatalf("%s: status %d etag %q last-modified %q", p, first.code, etag, lm)
			}
			if r := get(t, ts.URL+p, "If-None-Match", etag); r.code != http.StatusNotModified || r.body != "" || r.header.Get("ETag") != etag {
				t.Errorf("%s with If-None-Match: status %d etag %q", p, r.code, r.header.Get("ETag"))
			}
			if r := get(t, ts.URL+p, "If-Modified-Since", lm); r.code != http.StatusNotModified {
				t.Errorf("%s with If-Modified-Since: status %d", p, r.code)
			}
			if r := get(t, ts.URL+p, "If-None-Match", `"other"`); r.code != http.StatusOK {
				t.Errorf("%s with another ETag: status %d", p, r.code)
			}
			old := time.Now().Add(-24 * time.Hour).UTC().Format(http.TimeFormat)
			if r := get(t, ts.URL+p, "If-Modified-Since", old); r.code != http.StatusOK {
				t.Errorf("%s modified since yesterday: status %d", p, r.code)
			}
		}

		first := get(t, ts.URL+"/feeds/all.rss")
		etag := first.header.Get("ETag")
		lm, _ := http.ParseTime(first.header.Get("Last-Modified"))
		// Last-Modified has whole seconds: let the clock pass one.
		for deadline := time.Now().Add(3 * time.Second); time.Now().Truncate(time.Second).Equal(lm) || time.Now().Before(lm.Add(time.Second)); {
			if time.Now().After(deadline) {
				t.Fatal("clock did not pass the Last-Modified second")
			}
			time.Sleep(10 * time.Millisecond)
		}
		upsertEach(t, st, fx.online)
		var r response
		for deadline := time.Now().Add(5 * time.Second); ; {
			r = get(t, ts.URL+"/feeds/all.rss", "If-None-Match", etag)
			if r.code == http.StatusOK || time.Now().After(deadline) {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		if r.code != http.StatusOK || r.header.Get("ETag") == etag {
			t.Fatalf("after an upsert: status %d, etag %q (was %q)", r.code, r.header.Get("ETag"), etag)
		}
		if got := guids(parseFeed(t, r)); !slices.Equal(got, []string{"online", "sakai", "kita"}) {
			t.Errorf("after an upsert the feed holds %v", got)
		}
		if r := get(t, ts.URL+"/feeds/all.rss", "If-Modified-Since", first.header.Get("Last-Modified")); r.code != http.StatusOK {
			t.Errorf("If-Modified-Since before the upsert: status %d", r.code)
		}
	})
}

func TestGzip(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		fx := newFixture()
		upsertEach(t, st, fx.announced()...)
		_, ts := startServer(t, st, ServerConfig{})
		for _, p := range []string{"/feeds/all.rss", "/", "/api/events"} {
			plain := get(t, ts.URL+p)
			if plain.header.Get("Content-Encoding") != "" || plain.header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s plain: encoding %q vary %q", p, plain.header.Get("Content-Encoding"), plain.header.Get("Vary"))
			}
			z := get(t, ts.URL+p, "Accept-Encoding", "br;q=1.0, gzip;q=0.8")
			if z.header.Get("Content-Encoding") != "gzip" || z.header.Get("Vary") != "Accept-Encoding" {
				t.Fatalf("%s gzip: encoding %q vary %q", p, z.header.Get("Content-Encoding"), z.header.Get("Vary"))
			}
			if z.header.Get("ETag") == plain.header.Get("ETag") {
				t.Errorf("%s: gzip and identity share the strong ETag %s", p, z.header.Get("ETag"))
			}
			zr, err := gzip.NewReader(strings.NewReader(z.body))
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != plain.body || len(z.body) >= len(plain.body) {
				t.Errorf("%s: gzip body (%d bytes) does not inflate to the plain one (%d bytes)", p, len(z.body), len(plain.body))
			}
			if r := get(t, ts.URL+p, "Accept-Encoding", "gzip;q=0"); r.header.Get("Content-Encoding") != "" {
				t.Errorf("%s: gzip;q=0 still compressed", p)
			}
		}
	})
}

type apiResult struct {
	Events []struct {
		ID          string    `json:"id"`
		Title       string    `json:"title"`
		Label       string    `json:"label"`
		Area        string    `json:"area"`
		StartsAt    time.Time `json:"starts_at"`
		FirstSeenAt time.Time `json:"first_seen_at"`
	} `json:"events"`
	NextCursor string `json:"next_cursor"`
	Error      string `json:"error"`
}

func getAPI(t *testing.T, base string, q url.Values) (int, apiResult) {
	t.Helper()
	r := get(t, base+"/api/events?"+q.Encode())
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("api content type %q", ct)
	}
	var res apiResult
	if err := json.Unmarshal([]byte(r.body), &res); err != nil {
		t.Fatalf("api body %q: %v", r.body, err)
	}
	return r.code, res
}

func apiIDs(r apiResult) []string {
	var out []string
	for _, e := range r.Events {
		out = append(out, e.ID)
	}
	return out
}

func TestAPI(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		fx := newFixture()
		upsertEach(t, st, fx.announced()...)
		_, ts := startServer(t, st, ServerConfig{})
		byStart := []string{"past", "ongoing", "today", "kita", "chuo", "sakai", "online"}

		code, res := getAPI(t, ts.URL, nil)
		if code != http.StatusOK || !slices.Equal(apiIDs(res), byStart) || res.NextCursor != "" {
			t.Fatalf("all: %d %v next %q", code, apiIDs(res), res.NextCursor)
		}
		if res.Events[0].FirstSeenAt.IsZero() || res.Events[3].Title != fx.kita.Title {
			t.Errorf("record fields: %+v", res.Events[3])
		}

		for _, c := range []struct {
			q    url.Values
			want []string
		}{
			{url.Values{"label": {"study_group"}}, []string{"sakai"}},
			{url.Values{"area": {"大阪市"}}, []string{"past", "today", "kita", "chuo"}},
			{url.Values{"area": {"大阪市"}, "label": {"cross_industry"}}, []string{"past", "kita"}},
			{url.Values{"q": {"勉強会"}}, []string{"sakai"}},
			{url.Values{"q": {"ｄｘ"}}, []string{"chuo"}}, // full-width folds
			{url.Values{"from": {day(1).Format("2006-01-02")}}, []string{"kita", "chuo", "sakai", "online"}},
			{url.Values{"from": {day(1).Format(time.RFC3339)}, "to": {day(6).Format("2006-01-02")}}, []string{"kita", "chuo", "sakai"}},
			{url.Values{"to": {day(6).Add(16 * time.Hour).Format(time.RFC3339)}, "from": {day(0).Format("2006-01-02")}}, []string{"today", "kita", "chuo"}},
			{url.Values{"limit": {"1000"}}, byStart}, // capped, not refused
		} {
			code, res := getAPI(t, ts.URL, c.q)
			if code != http.StatusOK || !slices.Equal(apiIDs(res), c.want) {
				t.Errorf("%s: %d %v %q, want %v", c.q.Encode(), code, apiIDs(res), res.Error, c.want)
			}
		}

		// Paging: every event once, in order.
		var seen []string
		q := url.Values{"limit": {"2"}}
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("paging does not end")
			}
			code, res := getAPI(t, ts.URL, q)
			if code != http.StatusOK || len(res.Events) > 2 {
				t.Fatalf("page %d: %d %v %s", pages, code, apiIDs(res), res.Error)
			}
			seen = append(seen, apiIDs(res)...)
			if res.NextCursor == "" {
				break
			}
			q.Set("cursor", res.NextCursor)
		}
		if !slices.Equal(seen, byStart) {
			t.Errorf("paged %v, want %v", seen, byStart)
		}

		for _, c := range []struct {
			raw, param string
		}{
			{"label=party", "label"},
			{"limit=abc", "limit"},
			{"limit=0", "limit"},
			{"limit=-5", "limit"},
			{"from=yesterday", "from"},
			{"to=2026-13-45", "to"},
			{"from=2026-12-10&to=2026-12-01", "to"},
			{"cursor=bm90LWEtY3Vyc29y", "cursor"},
			{"cursor=%%%", "query"}, // a query that does not parse
			{"sort=start", "sort"},
			{"label=study_group&label=regional", "label"},
			{"q=" + strings.Repeat("あ", 201), "q"},
		} {
			r := get(t, ts.URL+"/api/events?"+c.raw)
			var res apiResult
			_ = json.Unmarshal([]byte(r.body), &res)
			if r.code != http.StatusBadRequest || res.Error == "" || !strings.Contains(res.Error, c.param) {
				t.Errorf("%s: status %d error %q, want 400 naming %q", c.raw, r.code, res.Error, c.param)
			}
		}
	})
}

func TestPage(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		fx := newFixture()
		upsertEach(t, st, fx.announced()...)
		_, ts := startServer(t, st, ServerConfig{})

		doc := func(path string) *goquery.Document {
			t.Helper()
			r := get(t, ts.URL+path)
			if r.code != http.StatusOK || r.header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Fatalf("%s: %d %q", path, r.code, r.header.Get("Content-Type"))
			}
			d, err := goquery.NewDocumentFromReader(strings.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		titles := func(d *goquery.Document) []string {
			var out []string
			d.Find("li.event .title a").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
			return out
		}
		heading := func(tm time.Time) string {
			return fmt.Sprintf("%d月%d日(%s)", int(tm.Month()), tm.Day(), feed.Weekday(tm))
		}

		d := doc("/")
		if d.Find(`meta[name="viewport"]`).Length() != 1 || d.Find("style").Length() != 1 ||
			d.Find(`link[rel="stylesheet"], script[src]`).Length() != 0 {
			t.Error("page needs a viewport meta, embedded CSS and no external assets")
		}
		var headings []string
		d.Find("section.day").Each(func(_ int, s *goquery.Selection) { headings = append(headings, s.Find("h2").Text()) })
		wantHeadings := []string{heading(fx.ongoing.StartsAt), heading(fx.todayAllDay.StartsAt), heading(fx.kita.StartsAt), heading(fx.chuo.StartsAt), heading(fx.online.StartsAt)}
		if !slices.Equal(headings, wantHeadings) {
			t.Errorf("day headings %v, want %v", headings, wantHeadings)
		}
		// chuo and sakai share a day, in start order.
		six := d.Find("section#d" + fx.chuo.StartsAt.Format("2006-01-02") + " li.event")
		if six.Length() != 2 || !strings.Contains(six.First().Text(), fx.chuo.Title) || !strings.Contains(six.Last().Text(), fx.sakai.Title) {
			t.Errorf("day of chuo and sakai:\n%s", six.Text())
		}
		if got := titles(d); len(got) != 6 || slices.Contains(got, fx.past.Title) {
			t.Errorf("page lists %v", got)
		}
		kita := d.Find(`li.event[data-label="cross_industry"]`)
		if !strings.Contains(kita.Find(".time").Text(), "18:30〜20:30") ||
			kita.Find(".title a").AttrOr("href", "") != fx.kita.URL ||
			kita.Find(".badge.cross_industry").Text() != event.CrossIndustry.Japanese() ||
			!strings.Contains(kita.Find(".meta").Text(), "大阪市北区") {
			h, _ := goquery.OuterHtml(kita)
			t.Errorf("kita entry:\n%s", h)
		}
		if s := d.Find(`li.event[data-label="study_group"] .badge.status`).Text(); s != "中止" {
			t.Errorf("cancelled badge %q", s)
		}
		if s := d.Find(`li.event[data-label="regional"] .time`).Last().Text(); s != "終日" {
			t.Errorf("all-day time %q", s)
		}
		var areas []string
		d.Find(`select[name="area"] option`).Each(func(_ int, s *goquery.Selection) { areas = append(areas, s.AttrOr("value", "")) })
		if !slices.Equal(areas, []string{"", "online", "堺市", "大阪市中央区", "大阪市北区", "東大阪市"}) {
			t.Errorf("area options %v", areas)
		}

		// The label filter narrows the list and keeps the area.
		href, _ := d.Find(`ul.labels a[data-label="study_group"]`).Attr("href")
		if href != "/?label=study_group" {
			t.Errorf("label link %q", href)
		}
		d = doc(href)
		if got := titles(d); !slices.Equal(got, []string{fx.sakai.Title}) {
			t.Errorf("label filter: %v", got)
		}
		if d.Find(`ul.labels a[aria-current="page"]`).Text() != event.StudyGroup.Japanese() {
			t.Error("current label not marked")
		}
		if f := d.Find(`a[data-feed="rss"]`).AttrOr("href", ""); f != "/feeds/study_group.rss" {
			t.Errorf("feed link %q", f)
		}

		d = doc("/?area=" + url.QueryEscape("大阪市北区"))
		if got := titles(d); !slices.Equal(got, []string{fx.kita.Title}) {
			t.Errorf("area filter: %v", got)
		}
		if f := d.Find(`a[data-feed="ics"]`).AttrOr("href", ""); f != "/feeds/all.ics?area="+url.QueryEscape("大阪市北区") {
			t.Errorf("ics link %q", f)
		}
		if v := d.Find(`select[name="area"] option[selected]`).AttrOr("value", ""); v != "大阪市北区" {
			t.Errorf("selected area %q", v)
		}
		d = doc("/?label=regional&area=" + url.QueryEscape("大阪市"))
		if got := titles(d); !slices.Equal(got, []string{fx.todayAllDay.Title}) {
			t.Errorf("label and area: %v", got)
		}
		d = doc("/?label=other")
		if d.Find("p.empty").Length() != 1 || d.Find("li.event").Length() != 0 {
			t.Error("an empty selection should say so")
		}
		if r := get(t, ts.URL+"/?label=party"); r.code != http.StatusBadRequest || !strings.Contains(r.body, "label") {
			t.Errorf("bad label on page: %d %q", r.code, r.body)
		}
		if r := get(t, ts.URL+"/nothing-here"); r.code != http.StatusNotFound {
			t.Errorf("unknown path: %d", r.code)
		}
	})
}

func TestPageEscapesHostileText(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		e := ev("x", event.Other, "堺市", day(4).Add(10*time.Hour), `<script>alert("x")</script>交流会`)
		e.Venue = `"><img src=x onerror=alert(1)>`
		upsertEach(t, st, e)
		_, ts := startServer(t, st, ServerConfig{})
		r := get(t, ts.URL+"/")
		if strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, "<img src=x") {
			t.Errorf("page carries markup from an event:\n%s", r.body)
		}
		d, err := goquery.NewDocumentFromReader(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Find("li.event .title a").Text(); got != e.Title {
			t.Errorf("title reads %q", got)
		}
		strictXML(t, get(t, ts.URL+"/feeds/all.rss").body)
	})
}

func TestHealthReadyMetrics(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		srv, ts := startServer(t, st, ServerConfig{})
		if r := get(t, ts.URL+"/healthz"); r.code != http.StatusOK || strings.TrimSpace(r.body) != "ok" {
			t.Errorf("healthz %d %q", r.code, r.body)
		}
		if r := get(t, ts.URL+"/readyz"); r.code != http.StatusOK {
			t.Errorf("readyz %d %q", r.code, r.body)
		}
		srv.SetReady(func(context.Context) error { return errors.New("consumer not started") })
		if r := get(t, ts.URL+"/readyz"); r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "consumer not started") {
			t.Errorf("readyz with a failing check: %d %q", r.code, r.body)
		}
		srv.SetReady(nil)
		get(t, ts.URL+"/feeds/all.rss")
		get(t, ts.URL+"/feeds/all.rss")
		get(t, ts.URL+"/feeds/party.rss")
		r := get(t, ts.URL+"/metrics")
		for _, want := range []string{
			`kouryu_http_requests_total{code="200",pattern="GET /feeds/{file}"} 2`,
			`kouryu_http_requests_total{code="404",pattern="GET /feeds/{file}"} 1`,
			`kouryu_http_requests_total{code="503",pattern="GET /readyz"} 1`,
			`kouryu_http_render_seconds_count{pattern="GET /feeds/{file}"} 1`,
			`kouryu_http_cache_total{result="hit"} 1`,
			`go_goroutines`,
		} {
			if !strings.Contains(r.body, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
		if r := get(t, ts.URL+"/feeds/all.rss"); r.code != http.StatusOK {
			t.Fatal(r.code)
		}
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/feeds/all.rss", nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST: %d", resp.StatusCode)
		}
	})
}

func TestServeShutsDownWithContext(t *testing.T) {
	t.Parallel()
	st, err := store.Open(context.Background(), store.Config{Path: t.TempDir() + "/k.db"}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := NewServer(st, ServerConfig{}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	if r := get(t, "http://"+ln.Addr().String()+"/healthz"); r.code != http.StatusOK {
		t.Fatalf("healthz %d", r.code)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not return after cancel")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("listener still open after shutdown")
	}
}

func TestServerConfigValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cfg  ServerConfig
		want string
	}{
		{ServerConfig{}, ""},
		{ServerConfig{Addr: ":8080", BaseURL: "https://kouryu.example/", FeedLimit: 500}, ""},
		{ServerConfig{Addr: "8080"}, "addr"},
		{ServerConfig{BaseURL: "kouryu.example"}, "base url"},
		{ServerConfig{BaseURL: "ftp://kouryu.example"}, "base url"},
		{ServerConfig{FeedLimit: 501}, "feed limit"},
		{ServerConfig{FeedLimit: -1}, "feed limit"},
		{ServerConfig{CacheEntries: -1}, "cache entries"},
	} {
		err := c.cfg.Validate()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%+v: %v, want %q", c.cfg, err, c.want)
		}
	}
	if _, err := NewServer(nil, ServerConfig{}, nil); err == nil {
		t.Error("nil store accepted")
	}
}

func TestStampReadAtMostEveryInterval(t *testing.T) {
	t.Parallel()
	st, err := store.Open(context.Background(), store.Config{Path: t.TempDir() + "/k.db"}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fx := newFixture()
	upsertEach(t, st, fx.kita)
	clock := newTestClock(time.Now())
	srv, ts := startServer(t, st, ServerConfig{StampEvery: time.Minute, Now: clock.Now})
	first := get(t, ts.URL+"/feeds/all.rss")
	upsertEach(t, st, fx.online)
	// Within the interval the cached body stands: the stamp is not re-read
	// per request.
	clock.Advance(59 * time.Second)
	if r := get(t, ts.URL+"/feeds/all.rss", "If-None-Match", first.header.Get("ETag")); r.code != http.StatusNotModified {
		t.Errorf("stamp re-read within the interval: %d", r.code)
	}
	// Past it, the change shows.
	clock.Advance(-59 * time.Second)
	readStampNow(t, srv, clock)
	r := get(t, ts.URL+"/feeds/all.rss", "If-None-Match", first.header.Get("ETag"))
	if r.code != http.StatusOK {
		t.Fatalf("stamp not re-read after the interval: %d", r.code)
	}
	if got := guids(parseFeed(t, r)); !slices.Equal(got, []string{"online", "kita"}) {
		t.Errorf("after the interval: %v", got)
	}
}

func TestCachedBodyExpiresWhenAnEventPasses(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		fx := newFixture()
		start := time.Now().Truncate(time.Second)
		clock := newTestClock(start)
		soon := ev("soon", event.Regional, "堺市", start.Add(10*time.Minute), "まもなく始まる交流会")
		soon.EndsAt = time.Time{}
		upsertEach(t, st, fx.kita, soon)
		_, ts := startServer(t, st, ServerConfig{StampEvery: time.Hour, Now: clock.Now})
		first := get(t, ts.URL+"/feeds/all.rss")
		if got := guids(parseFeed(t, first)); !slices.Equal(got, []string{"soon", "kita"}) {
			t.Fatalf("before the start: %v", got)
		}
		clock.Advance(10 * time.Minute)
		if r := get(t, ts.URL+"/feeds/all.rss", "If-None-Match", first.header.Get("ETag")); r.code != http.StatusNotModified {
			t.Fatalf("at its start the event is still upcoming: status %d", r.code)
		}
		// The store does not change; the event's start passes.
		clock.Advance(time.Second)
		r := get(t, ts.URL+"/feeds/all.rss", "If-None-Match", first.header.Get("ETag"))
		if r.code != http.StatusOK {
			t.Fatalf("a passed event kept the cached feed: status %d", r.code)
		}
		if got := guids(parseFeed(t, r)); !slices.Equal(got, []string{"kita"}) {
			t.Errorf("after the start: %v", got)
		}
		lm, err := http.ParseTime(r.header.Get("Last-Modified"))
		if err != nil || lm.Before(soon.StartsAt.Truncate(time.Second)) {
			t.Errorf("Last-Modified %q is before the event passed (%v)", r.header.Get("Last-Modified"), soon.StartsAt)
		}
	})
}

func TestCacheIsBounded(t *testing.T) {
	t.Parallel()
	st, err := store.Open(context.Background(), store.Config{Path: t.TempDir() + "/k.db"}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, ts := startServer(t, st, ServerConfig{CacheEntries: 8})
	for i := range 40 {
		if r := get(t, fmt.Sprintf("%s/feeds/all.rss?area=%d", ts.URL, i)); r.code != http.StatusOK {
			t.Fatalf("status %d", r.code)
		}
	}
	n := srv.cache.len()
	if n == 0 || n > 8 {
		t.Errorf("cache holds %d entries, bound 8", n)
	}
}

func TestConcurrentMissesRenderOnce(t *testing.T) {
	t.Parallel()
	st, err := store.Open(context.Background(), store.Config{Path: t.TempDir() + "/k.db"}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fx := newFixture()
	upsertEach(t, st, fx.announced()...)
	_, ts := startServer(t, st, ServerConfig{StampEvery: time.Hour})
	const n = 16
	errc := make(chan error, n)
	start := make(chan struct{})
	for range n {
		go func() {
			<-start
			resp, err := client.Get(ts.URL + "/")
			if err != nil {
				errc <- err
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				err = fmt.Errorf("status %d", resp.StatusCode)
			}
			errc <- err
		}()
	}
	close(start)
	for range n {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	m := get(t, ts.URL+"/metrics").body
	if !strings.Contains(m, `kouryu_http_render_seconds_count{pattern="GET /{$}"} 1`+"\n") {
		t.Errorf("%d concurrent requests for one page rendered it more than once:\n%s", n, grepLines(m, "kouryu_http_"))
	}
}

func grepLines(s, substr string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, substr) && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
