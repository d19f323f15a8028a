package crawler

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/internal/demosite"
	"kouryu/internal/event"
)

func TestCrawlAutoDemoSite(t *testing.T) {
	site := newCounting(demosite.Handler(func() time.Time { return testNow }))
	srv := httptest.NewServer(site)
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: demo-auto
    name: デモ（自動）
    kind: auto
    start_urls: [%s/event/]
    area: 大阪市中央区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	want := demosite.Events()
	if len(evs) != len(want) {
		t.Fatalf("auto found %d events, want %d; problems %q", len(evs), len(want), rep.Problems)
	}
	byURL := map[string]event.Event{}
	for _, e := range evs {
		byURL[e.URL] = e
	}
	for _, w := range want {
		e := byURL[fmt.Sprintf("%s/event/detail/%d.html", srv.URL, w.N)]
		if e.Title != w.Title || !e.StartsAt.Equal(w.StartTime(testNow)) || e.Venue != w.Venue || e.Address != w.Address || e.Fee != w.Fee || e.Organizer != w.Organizer {
			t.Errorf("%d: got %q %v %q %q %q", w.N, e.Title, e.StartsAt, e.Venue, e.Fee, e.Organizer)
		}
	}
	if site.count("/private/") != 0 {
		t.Error("auto ignored robots.txt")
	}
}

func TestAutoListPrefersTheEventList(t *testing.T) {
	page := `<html><body>
<nav><a href="/">トップ</a><a href="/about">概要</a></nav>
<ul class="news"><li>2026.11.20 <a href="/news/1">年末年始の休業について</a></li></ul>
<div class="events">
 <div class="ev"><span>12月3日（木）</span><a href="/e/1">交流会A</a></div>
 <div class="ev"><span>12月10日（木）</span><a href="/e/2">交流会B</a></div>
 <div class="ev"><span>12月17日（木）</span><a href="https://other.example.jp/e/3">他所の交流会</a></div>
 <div class="ev"><span>12月24日（木）</span><a href="/e/4">交流会D</a></div>
</div>
<a href="?p=2">次へ ›</a>
</body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	base := mustURL("https://www.example.jp/events/")
	lp := AutoList(doc, base, func(h string) bool { return h == "www.example.jp" }, goldenRef)
	var links []string
	for _, it := range lp.Items {
		if it.Whole {
			// A row whose only link leads to another site is the event:
			// read from the row, never from the other site.
			links = append(links, "whole:"+it.Link)
			continue
		}
		links = append(links, it.Link)
	}
	if got := strings.Join(links, " "); got != "https://www.example.jp/e/1 https://www.example.jp/e/2 whole:https://other.example.jp/e/3 https://www.example.jp/e/4" {
		t.Errorf("items %s", got)
	}
	if len(lp.Next) != 1 || lp.Next[0] != "https://www.example.jp/events/?p=2" {
		t.Errorf("next %q", lp.Next)
	}
}

func TestAutoDetailReadsJSONLDAndLabels(t *testing.T) {
	page := `<html><head><title>イベント | 例</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
 {"@type":"BusinessEvent","name":"関西 スタートアップ交流会","startDate":"2026-12-09T19:00:00+09:00","endDate":"2026-12-09T21:00:00+09:00",
  "eventStatus":"https://schema.org/EventCancelled",
  "location":{"@type":"Place","name":"中之島ホール","address":{"@type":"PostalAddress","addressRegion":"大阪府","addressLocality":"大阪市北区","streetAddress":"中之島9-9"}},
  "organizer":{"@type":"Organization","name":"関西起業家ネット"},
  "offers":[{"@type":"Offer","price":3000,"priceCurrency":"JPY"}]}]}</script></head>
<body><h1>関西スタートアップ交流会（ページ見出し）</h1>
<table><tr><th>参加費</th><td>3,000円（当日払い）</td></tr><tr><th>定員</th><td>50名</td></tr></table>
</body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	f := AutoDetail(doc)
	e, err := BuildEvent(&Source{ID: "ld", Area: "大阪市"}, "https://www.example.jp/e/9", true, f, goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	if e.Title != "関西 スタートアップ交流会" || e.Venue != "中之島ホール" || e.Address != "大阪府大阪市北区中之島9-9" ||
		e.Area != "大阪市北区" || e.Organizer != "関西起業家ネット" || e.Fee != "3000円" || e.Status != event.StatusCancelled {
		t.Errorf("JSON-LD not read: %+v", e)
	}
	if want := time.Date(2026, 12, 9, 21, 0, 0, 0, event.Tokyo); !e.EndsAt.Equal(want) {
		t.Errorf("end %v, want %v", e.EndsAt, want)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
