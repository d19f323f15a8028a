package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"

	"kouryu/internal/demosite"
	"kouryu/internal/event"
	"kouryu/internal/testutil"
)

// collect is a Publisher that keeps what it is given: an event published
// again (a post called it off) replaces the one before, as the store's
// upsert does.
type collect struct {
	mu     sync.Mutex
	events []event.Event
	at     map[string]int // index in events by ID
}

func (c *collect) Publish(_ context.Context, e event.Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.at[e.ID]; ok {
		c.events[i] = e
		return nil
	}
	if c.at == nil {
		c.at = map[string]int{}
	}
	c.at[e.ID] = len(c.events)
	c.events = append(c.events, e)
	return nil
}

// counting wraps a handler and counts the requests per path.
type counting struct {
	h    http.Handler
	mu   sync.Mutex
	hits map[string]int
	all  atomic.Int64
}

func newCounting(h http.Handler) *counting { return &counting{h: h, hits: map[string]int{}} }

func (c *counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.all.Add(1)
	c.mu.Lock()
	c.hits[r.URL.Path]++
	c.mu.Unlock()
	c.h.ServeHTTP(w, r)
}

func (c *counting) count(prefix string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for p, k := range c.hits {
		if strings.HasPrefix(p, prefix) {
			n += k
		}
	}
	return n
}

var testNow = time.Date(2026, 11, 27, 10, 0, 0, 0, event.Tokyo)

func demoSource(t *testing.T, base string, maxPages int) Source {
	t.Helper()
	srcs, err := ParseSources([]byte(fmt.Sprintf(`
sources:
  - id: demo-cci
    name: デモ
    kind: html
    start_urls: [%s/event/]
    area: 大阪市中央区
    delay: 1ms
    max_pages: %d
    list:
      item: "table.event-list tr:has(td)"
      link: "td.title a@href"
      next: "a.next@href"
      fields: {title: "td.title", date: "td.date"}
    detail:
      fields:
        title: "h1.event-title"
        date: "dt:contains('日時') + dd"
        venue: "dt:contains('会場') + dd"
        fee: "dt:contains('参加費') + dd"
        organizer: "dt:contains('主催') + dd"
        description: "div.event-body"
`, base, maxPages)))
	if err != nil {
		t.Fatal(err)
	}
	return srcs[0]
}

func newTestCrawler(t *testing.T, cfg Config) *Crawler {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return testNow }
	}
	c, err := New(cfg, testutil.LoggerAt(t, slog.LevelWarn))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCrawlDemoSite(t *testing.T) {
	site := newCounting(demosite.Handler(func() time.Time { return testNow }))
	srv := httptest.NewServer(site)
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(context.Background(), demoSource(t, srv.URL, 100), pub)
	if err != nil {
		t.Fatalf("crawl: %v (report %+v)", err, rep)
	}
	want := demosite.Events()
	if len(pub.events) != len(want) {
		t.Fatalf("got %d events, want %d; problems: %q", len(pub.events), len(want), rep.Problems)
	}
	byURL := map[string]event.Event{}
	for _, e := range pub.events {
		byURL[e.URL] = e
	}
	for _, w := range want {
		u := fmt.Sprintf("%s/event/detail/%d.html", srv.URL, w.N)
		e, ok := byURL[u]
		if !ok {
			t.Errorf("no event for %s", u)
			continue
		}
		if e.Title != w.Title {
			t.Errorf("%d: title %q, want %q", w.N, e.Title, w.Title)
		}
		if start := w.StartTime(testNow); !e.StartsAt.Equal(start) || e.StartsAt.Location().String() != "Asia/Tokyo" {
			t.Errorf("%d: starts %v, want %v in Tokyo", w.N, e.StartsAt, start)
		}
		if e.EndsAt.IsZero() || e.AllDay {
			t.Errorf("%d: end %v all_day %v", w.N, e.EndsAt, e.AllDay)
		}
		// The pinned selector reads the 会場 cell as written, its address too.
		if e.Venue != w.Place() || e.Fee != w.Fee || e.Organizer != w.Organizer {
			t.Errorf("%d: venue %q fee %q organizer %q", w.N, e.Venue, e.Fee, e.Organizer)
		}
		if e.Description != strings.Join(w.Description, "\n") {
			t.Errorf("%d: description %q", w.N, e.Description)
		}
		if e.Source != "demo-cci" || e.ID == "" || e.FetchedAt.IsZero() {
			t.Errorf("%d: source %q id %q fetched %v", w.N, e.Source, e.ID, e.FetchedAt)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("%d: %v", w.N, err)
		}
	}
	status := map[int]event.Status{1: event.StatusScheduled, 7: event.StatusCancelled, 8: event.StatusFull}
	area := map[int]string{1: "大阪市中央区", 3: "大阪市北区", 5: "堺市", 6: "東大阪市"}
	for n, s := range status {
		if e := byURL[fmt.Sprintf("%s/event/detail/%d.html", srv.URL, n)]; e.Status != s {
			t.Errorf("%d: status %q, want %q", n, e.Status, s)
		}
	}
	for n, a := range area {
		if e := byURL[fmt.Sprintf("%s/event/detail/%d.html", srv.URL, n)]; e.Area != a {
			t.Errorf("%d: area %q, want %q", n, e.Area, a)
		}
	}
	if site.count("/private/") != 0 {
		t.Errorf("robots.txt disallows /private/, yet it was requested %d times", site.count("/private/"))
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "robots.txt") {
		t.Errorf("the blocked /private/ link is not reported: %q", rep.Problems)
	}
	// 2 list pages + 8 detail pages.
	if rep.Pages != 10 || rep.Events != 8 || rep.UnreadableDates != 0 || rep.Errors != 0 {
		t.Errorf("report %+v", rep)
	}
	if site.count("/event/detail/") != 8 {
		t.Errorf("detail pages fetched %d times, want 8 (each once)", site.count("/event/detail/"))
	}

	// The same site crawled again gives the same ids.
	pub2 := &collect{}
	if _, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(context.Background(), demoSource(t, srv.URL, 100), pub2); err != nil {
		t.Fatal(err)
	}
	for _, e := range pub2.events {
		if byURL[e.URL].ID != e.ID {
			t.Errorf("%s: id changed between crawls", e.URL)
		}
	}
}

func TestCrawlRefusesPrivateAddresses(t *testing.T) {
	site := newCounting(demosite.Handler(func() time.Time { return testNow }))
	srv := httptest.NewServer(site)
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{}).Crawl(context.Background(), demoSource(t, srv.URL, 100), pub)
	if err == nil || !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("want ErrPrivateAddress, got %v", err)
	}
	if n := site.all.Load(); n != 0 {
		t.Errorf("the loopback server got %d requests", n)
	}
	if len(pub.events) != 0 || rep.Errors == 0 || len(rep.Problems) == 0 {
		t.Errorf("events %d, report %+v", len(pub.events), rep)
	}
}

func TestCrawlMaxPages(t *testing.T) {
	site := newCounting(demosite.Handler(func() time.Time { return testNow }))
	srv := httptest.NewServer(site)
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(context.Background(), demoSource(t, srv.URL, 4), pub)
	if err != nil {
		t.Fatal(err)
	}
	fetched := site.count("/event/")
	if fetched != 4 || rep.Pages != 4 {
		t.Errorf("max_pages 4: server saw %d page requests, report %d pages", fetched, rep.Pages)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "max_pages 4 reached") {
		t.Errorf("budget not reported: %q", rep.Problems)
	}
	if len(pub.events) != 2 {
		t.Errorf("2 list pages + 2 detail pages should give 2 events, got %d", len(pub.events))
	}
}

// The event pages of a list page are read while the next list page is: a
// site that answers its second list page only once an event page of the
// first was asked for is read whole, where reading every list page first
// would wait out the timeout and lose the second page's events.
func TestCrawlReadsEventPagesWhileListing(t *testing.T) {
	site := demosite.Handler(func() time.Time { return testNow })
	detail := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/event/detail/") {
			once.Do(func() { close(detail) })
		}
		if r.URL.Query().Get("page") == "2" {
			select {
			case <-detail:
			case <-time.After(2 * time.Second):
				http.Error(w, "no event page read yet", http.StatusServiceUnavailable)
				return
			}
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true, Parallelism: 2, MaxRetries: -1}).Crawl(context.Background(), demoSource(t, srv.URL, 100), pub)
	if err != nil {
		t.Fatal(err)
	}
	if len(pub.events) != 8 || rep.Errors != 0 {
		t.Errorf("%d events, %d errors (problems %q), want the 8 events of both list pages", len(pub.events), rep.Errors, rep.Problems)
	}
}

func TestCrawlRefusesRedirectToAnotherDomain(t *testing.T) {
	other := newCounting(demosite.Handler(func() time.Time { return testNow }))
	otherSrv := httptest.NewServer(other)
	defer otherSrv.Close()
	// The same loopback address under another name: only the allowed
	// domains tell them apart.
	otherURL := strings.Replace(otherSrv.URL, "127.0.0.1", "localhost", 1)

	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/event/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/event/", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(context.Background(), demoSource(t, srv.URL, 10), &collect{})
	if err == nil {
		t.Fatal("a start page redirecting off the allowed domains must fail the crawl")
	}
	if n := other.all.Load(); n != 0 {
		t.Errorf("the other domain got %d requests", n)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "/event/") {
		t.Errorf("problems do not name the URL: %q", rep.Problems)
	}
}

func TestCrawlBrokenPages(t *testing.T) {
	sjis := func(s string) []byte {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/event/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(sjis(`<meta charset="shift_jis"><table class="event-list">
<tr><td class="date">2026年12月5日（土）</td><td class="title"><a href="detail/ok.html">正しい交流会</a></td></tr>
<tr><td class="date">12月6日</td><td class="title"><a href="detail/missing.html">消えた交流会</a></td></tr>
<tr><td class="date">12月7日</td><td class="title"><a href="detail/broken.html">壊れた交流会</a></td></tr>
<tr><td class="date">近日公開</td><td class="title"><a href="detail/nodate.html">日付未定の交流会</a></td></tr>
</table>`))
	})
	mux.HandleFunc("/event/detail/ok.html", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<h1 class="event-title">正しい交流会</h1><dl><dt>日時</dt><dd>2026年12月5日（土）18:00～20:00</dd></dl>`))
	})
	mux.HandleFunc("/event/detail/broken.html", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body><h1 class=\"event-title\"><dl><dt>日時<dd><<<\x00\xff</td></tr></table></b></i>"))
	})
	mux.HandleFunc("/event/detail/nodate.html", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<h1 class="event-title">日付未定の交流会</h1><dl><dt>日時</dt><dd>調整中</dd></dl>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(context.Background(), demoSource(t, srv.URL, 20), pub)
	if err != nil {
		t.Fatal(err)
	}
	if len(pub.events) != 1 || pub.events[0].Title != "正しい交流会" {
		t.Fatalf("want only the good event, got %+v", pub.events)
	}
	problems := strings.Join(rep.Problems, "\n")
	// The detail page's date wins over the list's: 調整中 is reported, not 近日公開.
	for _, want := range []string{"missing.html: status 404", "調整中", "broken.html", "detail.fields.venue \"dt:contains('会場') + dd\" matched nothing on 3 of 3 event pages"} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	if rep.UnreadableDates < 2 || rep.Errors != 1 {
		t.Errorf("report %+v", rep)
	}
}

// An EUC-JP page is read right whatever its Content-Type says of the
// charset: nothing (the <meta> names it), the charset itself, an empty one,
// a malformed header, a name only some software knows (and no <meta>), or a
// made-up one.
// Colly decodes a body whose header mentions a charset at all; the page is
// never decoded a second time from its <meta>.
func TestCrawlDecodesEUCJPFromMeta(t *testing.T) {
	const meta = `<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">`
	for _, c := range []struct{ ctype, meta string }{
		{"text/html", meta},
		{"text/html; charset=EUC-JP", meta},
		{"text/html; charset=", meta},
		{"text/html; charset=EUC-JP; charset=EUC-JP", meta},
		{"text/html; charset=eucjp", ""},       // not a WHATWG name: an alias
		{"text/html; charset=x-made-up", meta}, // unknown: the <meta> tells
	} {
		ctype := c.ctype
		page := `<html><head>` + c.meta + `</head><body>
<table class="event-list"><tr><td class="date">2026年12月10日（木）19:00～</td><td class="title">北浜 経営者交流会</td></tr></table></body></html>`
		body, err := japanese.EUCJP.NewEncoder().Bytes([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(ctype, func(t *testing.T) {
			srv := servePage(t, ctype, body)
			_, evs, err := crawlYAML(t, `
sources:
  - id: euc
    name: EUC
    kind: html
    start_urls: [%s/event/]
    delay: 1ms
    list: {item: "tr", fields: {title: "td.title", date: "td.date"}}
`, srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 {
				t.Fatalf("got %d events", len(evs))
			}
			e := evs[0]
			if e.Title != "北浜 経営者交流会" || e.URL != srv.URL+"/event/" {
				t.Errorf("title %q url %q", e.Title, e.URL)
			}
			if want := time.Date(2026, 12, 10, 19, 0, 0, 0, event.Tokyo); !e.StartsAt.Equal(want) {
				t.Errorf("start %v, want %v", e.StartsAt, want)
			}
			// No page of its own: the title is part of the id.
			if e.ID != event.ID("euc", srv.URL+"/event/", e.StartsAt, e.Title) {
				t.Errorf("id %s does not use the title", e.ID)
			}
		})
	}
}

// servePages serves pages by path, each HTML in UTF-8; any other path is
// not found.
func servePages(t *testing.T, pages map[string]string) *httptest.Server {
	t.Helper()
	typed := make(map[string]typedPage, len(pages))
	for path, p := range pages {
		typed[path] = typedPage{ctype: "text/html; charset=UTF-8", body: []byte(p)}
	}
	return serveTyped(t, typed)
}

// servePage answers every path with body as ctype, robots.txt with a 404.
func servePage(t *testing.T, ctype string, body []byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCrawlStopsOnCancel(t *testing.T) {
	site := newCounting(demosite.Handler(func() time.Time { return testNow }))
	srv := httptest.NewServer(site)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(ctx, demoSource(t, srv.URL, 100), &collect{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if site.count("/event/") != 0 || rep.Events != 0 {
		t.Errorf("a cancelled crawl fetched %d pages", site.count("/event/"))
	}
}

func TestCrawlOtherKindsGoThroughTheSession(t *testing.T) {
	// Kind rss is read by kinds.go through the same fetch path: a feed that
	// cannot be fetched is the crawl's error, named by its URL.
	src := Source{ID: "feed", Name: "feed", Kind: KindRSS, StartURLs: []string{"https://example.jp/feed"}}
	_, err := newTestCrawler(t, Config{}).Crawl(context.Background(), src, &collect{})
	if err == nil || !strings.Contains(err.Error(), "https://example.jp/feed") {
		t.Fatalf("got %v", err)
	}
}

// A page that names no charset anywhere is read by its bytes: Shift_JIS,
// EUC-JP, and UTF-8 with a character cut in half (as an excerpt cut by
// bytes leaves it), which is not valid UTF-8 and was read as windows-1252.
func TestCrawlGuessesUndeclaredCharset(t *testing.T) {
	page := `<html><body><table>
<tr><td class="d">2026年12月11日（金）18:30～20:30</td><td class="t">天満橋 経営者交流会 ～新しい取引先と出会う夜～</td></tr>
<tr><td class="d">2026年12月18日（金）19:00～21:00</td><td class="t">中小企業のための補助金活用セミナーと懇親会</td></tr>
<tr><td class="d">2027年1月8日（金）18:00～20:00</td><td class="t">新春 異業種交流会 名刺交換とミニ講演</td></tr>
</table></body></html>`
	encode := func(enc encoding.Encoding) func() ([]byte, error) {
		return func() ([]byte, error) { return enc.NewEncoder().Bytes([]byte(page)) }
	}
	for _, c := range []struct {
		name string
		body func() ([]byte, error)
	}{
		{"Shift_JIS", encode(japanese.ShiftJIS)},
		{"EUC-JP", encode(japanese.EUCJP)},
		{"UTF-8 cut", func() ([]byte, error) {
			// 講演 loses the last byte of 演 in the third title.
			cut := strings.Replace(page, "講演", "講"+"演"[:2], 1)
			return []byte(cut), nil
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			body, err := c.body()
			if err != nil {
				t.Fatal(err)
			}
			srv := servePage(t, "text/html", body)
			rep, evs, err := crawlYAML(t, `
sources:
  - id: nometa
    name: 無宣言
    kind: html
    start_urls: [%s/]
    delay: 1ms
    list: {item: "tr", fields: {title: "td.t", date: "td.d"}}
`, srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 3 || evs[0].Title != "天満橋 経営者交流会 ～新しい取引先と出会う夜～" {
				t.Fatalf("events %+v, problems %q", evs, rep.Problems)
			}
		})
	}
}

func TestCrawlKeepsExternalEventPages(t *testing.T) {
	mux := http.NewServeMux()
	var detailHits atomic.Int64
	mux.HandleFunc("/event/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<meta charset="utf-8"><table class="event-list">
<tr><td class="date">2026年12月12日（土）</td><td class="title"><a href="https://tickets.example.com/e/77">チケットサイトの交流会</a></td></tr>
</table>`))
	})
	mux.HandleFunc("/event/detail/", func(w http.ResponseWriter, r *http.Request) { detailHits.Add(1) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	pub := &collect{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(context.Background(), demoSource(t, srv.URL, 10), pub)
	if err != nil {
		t.Fatal(err)
	}
	if len(pub.events) != 1 || pub.events[0].URL != "https://tickets.example.com/e/77" || rep.Errors != 0 {
		t.Fatalf("events %+v, report %+v", pub.events, rep)
	}
	if e := pub.events[0]; e.ID != event.ID("demo-cci", e.URL, e.StartsAt, "") {
		t.Errorf("an event with its own page must not key on the title")
	}
}

func TestCrawlCancelledMidway(t *testing.T) {
	started := make(chan struct{})
	var once sync.Once
	inner := demosite.Handler(func() time.Time { return testNow })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/event/detail/") {
			once.Do(func() { close(started) })
			<-r.Context().Done() // hang until the crawler gives up
			return
		}
		inner.ServeHTTP(w, r)
	}))
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := newTestCrawler(t, Config{AllowPrivate: true}).Crawl(ctx, demoSource(t, srv.URL, 100), &collect{})
		done <- err
	}()
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("the crawl never reached a detail page")
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("want context.Canceled, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Crawl did not return after cancel")
	}
}

// flaky refuses every event whose title holds 交流会.
type flaky struct{ collect }

func (f *flaky) Publish(ctx context.Context, e event.Event) error {
	if strings.Contains(e.Title, "交流会") {
		return errors.New("stream unavailable")
	}
	return f.collect.Publish(ctx, e)
}

func TestCrawlParallelWithPublishFailures(t *testing.T) {
	site := newCounting(demosite.Handler(func() time.Time { return testNow }))
	srv := httptest.NewServer(site)
	defer srv.Close()
	pub := &flaky{}
	rep, err := newTestCrawler(t, Config{AllowPrivate: true, Parallelism: 3}).Crawl(context.Background(), demoSource(t, srv.URL, 100), pub)
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, e := range demosite.Events() {
		if strings.Contains(e.Title, "交流会") {
			refused++
		}
	}
	if refused == 0 || rep.Errors != refused || rep.Events != len(demosite.Events())-refused || len(pub.events) != rep.Events {
		t.Errorf("refused %d; report %+v; published %d", refused, rep, len(pub.events))
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "stream unavailable") {
		t.Errorf("publish failures not reported: %q", rep.Problems)
	}
	if site.count("/event/detail/") != 8 {
		t.Errorf("detail pages fetched %d times", site.count("/event/detail/"))
	}
}

func TestCrawlLimitsRedirectsTimeoutAndDelay(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	var hops atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/r/{n}", func(w http.ResponseWriter, r *http.Request) {
		hops.Add(1)
		http.Redirect(w, r, fmt.Sprintf("/r/%d", hops.Load()+100), http.StatusFound)
	})
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	src := func(path string) Source {
		srcs, err := ParseSources([]byte(fmt.Sprintf("sources:\n  - {id: lim, name: 制限, kind: html, delay: 1ms, start_urls: [%s%s], list: {item: li, fields: {title: a, date: .d}}}\n", srv.URL, path)))
		if err != nil {
			t.Fatal(err)
		}
		return srcs[0]
	}
	// The hung page is retried (timeouts are) after backoffs of 10, 20 and
	// 40 ms, not the default's 1, 2 and 4 s: the backoff is not what is
	// tested here.
	c := newTestCrawler(t, Config{AllowPrivate: true, Timeout: 300 * time.Millisecond, RetryBase: 10 * time.Millisecond})

	rep, err := c.Crawl(context.Background(), src("/r/0"), &collect{})
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("endless redirects: err %v", err)
	}
	if n := hops.Load(); n != maxRedirects {
		t.Errorf("followed %d redirects, want %d", n, maxRedirects)
	}
	if len(rep.Problems) != 1 {
		t.Errorf("problems %q", rep.Problems)
	}

	start := time.Now()
	rep, err = c.Crawl(context.Background(), src("/slow/"), &collect{})
	if err == nil || time.Since(start) > 10*time.Second || !strings.Contains(strings.Join(rep.Problems, ""), "/slow/") {
		t.Errorf("hung page: err %v after %v, problems %q", err, time.Since(start), rep.Problems)
	}
}

func TestCrawlKeepsTheDelay(t *testing.T) {
	t.Parallel() // waits on the clock, on servers of its own
	srv := httptest.NewServer(demosite.Handler(func() time.Time { return testNow }))
	defer srv.Close()
	src := demoSource(t, srv.URL, 100)
	src.Delay = 40 * time.Millisecond
	start := time.Now()
	rep, err := newTestCrawler(t, Config{AllowPrivate: true, Parallelism: 1}).Crawl(context.Background(), src, &collect{})
	if err != nil {
		t.Fatal(err)
	}
	// Colly waits the delay after each of the 10 page requests to the host.
	if min := time.Duration(rep.Pages) * src.Delay; time.Since(start) < min {
		t.Errorf("%d pages in %v: less than the delay allows (%v)", rep.Pages, time.Since(start), min)
	}
}
