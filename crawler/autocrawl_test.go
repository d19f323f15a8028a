package crawler

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCrawlAutoNamesWhatItLeavesOut crawls a chamber's news-and-events list
// where one linked page is a notice, one is gone (404) and one sits under a
// robots.txt Disallow: none is an event without its reason in the report,
// and the row whose page failed still stands for its event.
func TestCrawlAutoNamesWhatItLeavesOut(t *testing.T) {
	pages := map[string]string{
		"/robots.txt": "User-agent: *\nDisallow: /member/\n",
		"/info/": `<html><head><title>お知らせ・イベント｜例商工会議所</title></head><body><div id="main"><table class="list">
<tr><th>開催日</th><th>件名</th></tr>
<tr><td>2026年12月4日（金）18:30～</td><td><a href="/info/e1.html">歳末交流会</a></td></tr>
<tr><td>2026年12月11日（金）14:00～16:00</td><td><a href="/info/e2.html">経営セミナー</a></td></tr>
<tr><td>2026年12月28日（月）</td><td><a href="/info/n3.html">年末年始休業のお知らせ</a></td></tr>
<tr><td>2027年1月13日（水）15:00～</td><td><a href="/member/e4.html">役員懇談会</a></td></tr>
</table></div></body></html>`,
		"/info/e1.html": `<html><head><title>歳末交流会｜例商工会議所</title></head><body><h2>歳末交流会</h2><dl><dt>日時</dt><dd>令和8年12月4日（金）18:30～20:30</dd><dt>会場</dt><dd>例会館 3階</dd></dl></body></html>`,
		"/info/n3.html": `<html><head><title>年末年始休業のお知らせ｜例商工会議所</title></head><body><h2>年末年始休業のお知らせ</h2>
<p>2026年12月28日（月）午後から2027年1月4日（月）まで休業いたします。</p></body></html>`,
	}
	// /info/e2.html is not served: its event page fails.
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: refusals
    name: 例商工会議所
    kind: auto
    start_urls: ["%s/info/"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if len(evs) != 2 || len(got["歳末交流会"]) != 1 || len(got["経営セミナー"]) != 1 {
		t.Errorf("events %v, want 歳末交流会 and 経営セミナー; refusals %v", evs, rep.Refusals)
	}
	if s := got["経営セミナー"]; len(s) == 1 && !s[0].StartsAt.Equal(tokyo(2026, 12, 11, 14, 0)) {
		t.Errorf("経営セミナー from its row: %v", s[0].StartsAt)
	}
	if rep.Refused != 2 || len(rep.Refusals) != 2 {
		t.Fatalf("refused %d %v, want the notice and the members' page", rep.Refused, rep.Refusals)
	}
	var reasons []string
	for _, r := range rep.Refusals {
		reasons = append(reasons, r.String())
	}
	all := strings.Join(reasons, "\n")
	for _, want := range []string{"/info/n3.html: \"年末年始休業のお知らせ\": no event: the day is marked 休業", "/member/e4.html: \"役員懇談会\": robots.txt disallows its page"} {
		if !strings.Contains(all, want) {
			t.Errorf("refusals\n%s\nwant one with %q", all, want)
		}
	}
}

// TestCrawlAutoReadsTheAdvertisedCalendar crawls a schedule page that
// shows only an embedded calendar: its events are in the iCalendar feed
// the page advertises, which auto reads.
func TestCrawlAutoReadsTheAdvertisedCalendar(t *testing.T) {
	pages := map[string]string{
		"/schedule/": `<html><head><title>開催スケジュール | 例の交流サロン</title>
<link rel="alternate" type="text/calendar" href="/schedule/salon.ics">
<link rel="alternate" type="application/rss+xml" href="/news/feed.xml"></head><body>
<main><h1>開催スケジュール</h1><p>予定は下のカレンダーでご覧いただけます。</p>
<iframe src="https://calendar.google.com/calendar/embed?src=example"></iframe>
<p><a href="/schedule/salon.ics">カレンダーを購読する（iCal形式）</a></p></main></body></html>`,
		"/schedule/salon.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//JA\r\n" +
			"BEGIN:VEVENT\r\nUID:a@example.jp\r\nDTSTART;TZID=Asia/Tokyo:20261211T190000\r\nDTEND;TZID=Asia/Tokyo:20261211T210000\r\n" +
			"SUMMARY:ビジネス交流サロン\r\nLOCATION:例ビジネスサロン 2F\r\nEND:VEVENT\r\n" +
			"BEGIN:VEVENT\r\nUID:b@example.jp\r\nDTSTART;TZID=Asia/Tokyo:20270122T190000\r\nSUMMARY:小さな会社のDX勉強会\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n" +
			"END:VCALENDAR\r\n",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".ics") {
			w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		}
		w.Write([]byte(p))
	}))
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: salon
    name: 例の交流サロン
    kind: auto
    start_urls: ["%s/schedule/"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if s := got["ビジネス交流サロン"]; len(evs) != 2 || len(s) != 1 || !s[0].StartsAt.Equal(tokyo(2026, 12, 11, 19, 0)) || s[0].Venue != "例ビジネスサロン 2F" ||
		len(got["小さな会社のDX勉強会"]) != 1 || got["小さな会社のDX勉強会"][0].Status != "cancelled" {
		t.Errorf("events %+v; problems %q", evs, rep.Problems)
	}
}

// TestCrawlAutoRecurringEventSharesAPage crawls an events plugin's list
// where a monthly lunch is listed three times, each row linking the same
// page: three events, each on its row's day with the page's hours, the page
// read once. The rows' classes differ past their stem (-past, -future).
func TestCrawlAutoRecurringEventSharesAPage(t *testing.T) {
	pages := map[string]string{
		"/schedule/": `<html><head><title>例会・行事予定 | 例の会</title></head><body><main><article><h1>例会・行事予定</h1>
<ul class="eo-events eo-events-shortcode">
<li class="eo-event-venue-factory eo-event-past"><a href="/events/event/tour/">例の工場 見学ツアー</a> on 2026年12月5日 1:00 PM</li>
<li class="eo-event-venue-lunch eo-event-future"><a href="/events/event/lunch/">異業種交流ランチ会</a> on 2026年12月16日 12:00 PM</li>
<li class="eo-event-venue-lunch eo-event-future"><a href="/events/event/lunch/">異業種交流ランチ会</a> on 2027年1月20日 12:00 PM</li>
<li class="eo-event-venue-lunch eo-event-future"><a href="/events/event/lunch/">異業種交流ランチ会</a> on 2027年2月17日 12:00 PM</li>
</ul></article></main></body></html>`,
		"/events/event/tour/": `<html><head><title>例の工場 見学ツアー | 例の会</title></head><body><main><article><h1 class="entry-title">例の工場 見学ツアー</h1>
<ul class="eo-event-meta"><li><strong>開始:</strong> 2026年12月5日 1:00 PM</li><li><strong>終了:</strong> 2026年12月5日 5:00 PM</li>
<li><strong>会場:</strong> <a href="/events/venue/x/">例の工業地区 会員企業3社</a></li></ul></article></main></body></html>`,
		"/events/event/lunch/": `<html><head><title>異業種交流ランチ会 | 例の会</title></head><body><main><article><h1 class="entry-title">異業種交流ランチ会</h1>
<ul class="eo-event-meta"><li><strong>日付:</strong> 12:00 PM - 1:30 PM 毎月 第3水曜日 2026年12月16日 から 2027年2月17日</li>
<li><strong>会場:</strong> <a href="/events/venue/y/">例のレストラン 2F 個室</a></li></ul></article></main></body></html>`,
	}
	site := newCounting(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(p))
	}))
	srv := httptest.NewServer(site)
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: eo
    name: 例の会
    kind: auto
    start_urls: ["%s/schedule/"]
    area: 東大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	lunch := byTitle(evs)["異業種交流ランチ会"]
	if len(evs) != 4 || len(lunch) != 3 {
		t.Fatalf("events %+v; problems %q", evs, rep.Problems)
	}
	for i, day := range []time.Time{tokyo(2026, 12, 16, 12, 0), tokyo(2027, 1, 20, 12, 0), tokyo(2027, 2, 17, 12, 0)} {
		found := false
		for _, e := range lunch {
			if e.StartsAt.Equal(day) && e.EndsAt.Equal(day.Add(90*time.Minute)) && e.Venue == "例のレストラン 2F 個室" {
				found = true
			}
		}
		if !found {
			t.Errorf("lunch %d on %v not read: %+v", i, day, lunch)
		}
	}
	tour := byTitle(evs)["例の工場 見学ツアー"]
	if len(tour) != 1 || !tour[0].StartsAt.Equal(tokyo(2026, 12, 5, 13, 0)) || !tour[0].EndsAt.Equal(tokyo(2026, 12, 5, 17, 0)) {
		t.Errorf("tour %+v", tour)
	}
	if n := site.count("/events/event/lunch/"); n != 1 {
		t.Errorf("the shared page was read %d times", n)
	}
}

// TestCrawlAutoFollowsEventsBesideTheListed crawls a breakfast club's event
// collection whose list shows upcoming events only (its past view sits
// under robots.txt): each event page links the event before and after it
// (前へ / 次へ, rel=prev/next), and the past ones are read from there. A
// post's link to the next post in another directory is not followed, and
// a page beside the events that is no event is not published.
func TestCrawlAutoFollowsEventsBesideTheListed(t *testing.T) {
	event := func(title, date, prev, next string) string {
		p := `<html><head><title>` + title + ` — 例朝食会</title></head><body><main><article><h1>` + title + `</h1>
<dl><dt>日時</dt><dd>` + date + `</dd><dt>会場</dt><dd>例ホテル 2F レストラン</dd></dl><p>朝食をとりながらの交流会です。</p></article>
<div class="item-pagination">`
		if prev != "" {
			p += `<a href="` + prev + `" rel="prev">前へ</a>`
		}
		if next != "" {
			p += `<a href="` + next + `" rel="next">次へ</a>`
		}
		return p + `</div></main></body></html>`
	}
	pages := map[string]string{
		"/robots.txt": "User-agent: *\nDisallow: /*?view=\n",
		"/events": `<html><head><title>イベント — 例朝食会</title></head><body><main><h1>イベント</h1>
<article class="eventlist-event"><h1 class="eventlist-title"><a href="/events/dec-breakfast">12月 朝食例会</a></h1><p>2026年12月10日（木） 7:00～8:30</p></article>
<article class="eventlist-event"><h1 class="eventlist-title"><a href="/events/jan-breakfast">1月 朝食例会</a></h1><p>2027年1月14日（木） 7:00～8:30</p></article>
<a href="/events?view=past">過去のイベント</a></main></body></html>`,
		"/events/dec-breakfast": event("12月 朝食例会", "2026年12月10日（木） 7:00～8:30", "/events/nov-breakfast", "/events/jan-breakfast"),
		"/events/jan-breakfast": event("1月 朝食例会", "2027年1月14日（木） 7:00～8:30", "/events/dec-breakfast", "/blog/2027/01/news"),
		"/events/nov-breakfast": event("11月 朝食例会", "2026年11月12日（木） 7:00～8:30", "/events/member-guide", "/events/dec-breakfast"),
		"/events/member-guide":  `<html><head><title>入会のご案内 — 例朝食会</title></head><body><main><h1>入会のご案内</h1><p>入会金 10,000円、年会費 24,000円。</p></main></body></html>`,
		"/blog/2027/01/news":    event("1月 新年会", "2027年1月21日（木） 19:00～21:00", "", ""),
	}
	var mu sync.Mutex
	requested := map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requested[r.URL.Path] = true
		mu.Unlock()
		p, ok := pages[r.URL.Path]
		if !ok || r.URL.RawQuery != "" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(p))
	}))
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: siblings
    name: 例朝食会
    kind: auto
    start_urls: ["%s/events"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if len(evs) != 3 || len(got["11月 朝食例会"]) != 1 || len(got["12月 朝食例会"]) != 1 || len(got["1月 朝食例会"]) != 1 {
		t.Errorf("events %v, want the three breakfasts; refusals %v", evs, rep.Refusals)
	}
	if s := got["11月 朝食例会"]; len(s) == 1 && !s[0].StartsAt.Equal(tokyo(2026, 11, 12, 7, 0)) {
		t.Errorf("11月 朝食例会 at %v", s[0].StartsAt)
	}
	mu.Lock()
	defer mu.Unlock()
	if requested["/blog/2027/01/news"] {
		t.Errorf("followed a link to a page outside the events' directory")
	}
}

// A ticketing platform's organizer page: a card for a monthly series
// ("Multiple dates") whose page spans all its dates and offers each in a
// picker, every date its own page; and a Past tab named with its count.
// Each date is one event from its own page; the series' page is none; the
// past tab's events are read too.
func TestCrawlAutoSeriesPickerAndCountedPastTab(t *testing.T) {
	child := func(day, when, badge string) string {
		return `<html><head><title>Monthly Mixer | 月例交流会 Tickets, ` + day + ` | Eventora</title></head><body><main>
<h1 class="event-title">Monthly Mixer | 月例交流会</h1>` + badge + `
<section><h2>Date and time</h2><p class="date-info">` + when + `</p></section>
<section><h2>Location</h2><p class="location-info__venue">Rei Lounge Umeda</p><p>1-2-3 Umeda, Kita-ku, Osaka</p></section>
<section><h2>About this event</h2><p>Bilingual business networking in Umeda. 梅田で毎月開催のビジネス交流会です。</p></section></main></body></html>`
	}
	pages := map[string]string{
		"/o/rei-network-318": `<html><head><title>Rei Network Events | Eventora</title></head><body><main>
<h1>Rei Network</h1>
<div role="tablist"><a role="tab" aria-selected="true" href="/o/rei-network-318">Upcoming <span>(2)</span></a>
<a role="tab" aria-selected="false" href="/o/rei-network-318?tab=past">Past <span>(57)</span></a></div>
<ul class="event-list">
<li class="event-card"><a href="/e/monthly-mixer-tickets-1048"><h3>Monthly Mixer | 月例交流会</h3></a><p class="event-card__date">Multiple dates</p><p>From ¥3,000</p></li>
<li class="event-card"><a href="/e/year-end-party-tickets-1052"><h3>Year-End Party | 年末交流パーティー</h3></a><p class="event-card__date">Sat, Dec 12, 6:30 PM JST</p><p>¥6,000</p></li>
</ul></main></body></html>`,
		"/e/monthly-mixer-tickets-1048": `<html><head><title>Monthly Mixer | 月例交流会 Tickets | Eventora</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"SocialEvent","name":"Monthly Mixer | 月例交流会","startDate":"2026-12-17T19:00:00+09:00","endDate":"2027-01-21T21:30:00+09:00","location":{"@type":"Place","name":"Rei Lounge Umeda"}}</script></head><body><main>
<h1 class="event-title">Monthly Mixer | 月例交流会</h1>
<section class="series-date-picker"><h2>Select date and time</h2><p>Multiple dates · 2 upcoming</p>
<ul class="child-event-dates-list">
<li><a class="child-event-date" href="/e/monthly-mixer-tickets-1049"><span class="day">Thu, Dec 17</span><span class="time">7:00 PM - 9:30 PM JST</span><span class="badge">Sold out</span></a></li>
<li><a class="child-event-date" href="/e/monthly-mixer-tickets-1050"><span class="day">Thu, Jan 21</span><span class="time">7:00 PM - 9:30 PM JST</span></a></li>
</ul></section>
<section><h2>Location</h2><p>Rei Lounge Umeda</p></section></main></body></html>`,
		"/e/monthly-mixer-tickets-1049": child("Dec 17", "Thursday, December 17 · 7 - 9:30pm JST",
			`<script type="application/ld+json">{"@context":"https://schema.org","@type":"SocialEvent","name":"Monthly Mixer | 月例交流会","startDate":"2026-12-17T19:00:00+09:00","endDate":"2026-12-17T21:30:00+09:00","location":{"@type":"Place","name":"Rei Lounge Umeda"},"offers":[{"@type":"Offer","price":"3000","priceCurrency":"JPY","availability":"SoldOut"}]}</script>
<button type="button" disabled>Sold Out</button>`),
		"/e/monthly-mixer-tickets-1050": child("Jan 21", "Thursday, January 21, 2027 · 7 - 9:30pm JST", ""),
		"/e/monthly-mixer-tickets-1047": child("Nov 19", "Thursday, November 19 · 7 - 9:30pm JST", `<div class="ended-banner">This event has ended</div>`),
		"/e/year-end-party-tickets-1052": `<html><head><title>Year-End Party | 年末交流パーティー Tickets | Eventora</title></head><body><main>
<h1 class="event-title">Year-End Party | 年末交流パーティー</h1>
<section><h2>Date and time</h2><p>Saturday, December 12 · 6:30 - 9pm JST</p></section>
<section><h2>Location</h2><p>Hotel Rei Umeda 3F</p></section></main></body></html>`,
	}
	pages["/o/rei-network-318?tab=past"] = `<html><head><title>Rei Network Events | Eventora</title></head><body><main>
<h1>Rei Network</h1><ul class="event-list">
<li class="event-card"><a href="/e/monthly-mixer-tickets-1047"><h3>Monthly Mixer | 月例交流会</h3></a><p class="event-card__date">Thu, Nov 19, 7:00 PM JST</p></li>
</ul></main></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.RequestURI()] // the tab is a query
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.Write([]byte(body))
	}))
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: rei
    name: Rei Network
    kind: auto
    start_urls: ["%s/o/rei-network-318"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	var got []string
	for _, e := range evs {
		got = append(got, jst(e.StartsAt)+"–"+jst(e.EndsAt)[11:]+" "+string(e.Status))
	}
	slices.Sort(got)
	want := []string{"2026-11-19 19:00–21:30 scheduled", "2026-12-12 18:30–21:00 scheduled", "2026-12-17 19:00–21:30 full", "2027-01-21 19:00–21:30 scheduled"}
	if !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
}

// An event plugin's list of past events links pages that now say only
// that the listing has expired, and a members' seminar links a login
// page: the rows, which give the day, are the events. A post the list
// links that writes no date and says much else is no event.
func TestCrawlAutoRowOfAPageThatSaysNothing(t *testing.T) {
	chrome := `<header><p class="site-title">例YEG</p><nav><a href="/">ホーム</a> <a href="/events/">事業予定</a></nav></header>`
	pages := map[string]string{
		"/events/": `<html><head><title>事業予定｜例YEG</title></head><body>` + chrome + `<main><h1>事業予定</h1><div class="event_listings">
<div class="event_listing"><a href="/event/12-reikai/"><div class="wpem-event-title"><h3>12月例会「事業承継のリアル」</h3></div>
<div class="wpem-event-date-time"><span>2026-12-10 @ 19:00 - 2026-12-10 @ 21:00</span></div><div class="wpem-event-location"><span>例会館 3階 大ホール</span></div></a></div>
<div class="event_listing"><a href="/event/11-reikai/"><div class="wpem-event-title"><h3>11月例会「BCPを自社でつくる」</h3></div>
<div class="wpem-event-date-time"><span>2026-11-18 @ 19:00 - 2026-11-18 @ 21:00</span></div><div class="wpem-event-location"><span>例会館 3階 大ホール</span></div></a></div>
<div class="event_listing"><a href="/event/member-seminar/"><div class="wpem-event-title"><h3>会員限定 価格転嫁セミナー</h3></div>
<div class="wpem-event-date-time"><span>2027-01-27 @ 14:00 - 2027-01-27 @ 16:00</span></div><div class="wpem-event-location"><span>例会館 5階</span></div></a></div>
<div class="event_listing"><a href="/event/about-koryukai/"><div class="wpem-event-title"><h3>例交流会とは？（はじめての方へ）</h3></div>
<div class="wpem-event-date-time"><span>2026-10-05 @ 10:00 - 2026-10-05 @ 11:00</span></div></a></div>
</div></main></body></html>`,
		"/event/12-reikai/": `<html><head><title>12月例会「事業承継のリアル」｜例YEG</title></head><body>` + chrome + `<main><article><h1>12月例会「事業承継のリアル」</h1>
<ul><li>開始日：2026-12-10</li><li>開始時間：19:00</li><li>終了時間：21:00</li><li>会場：例会館 3階 大ホール</li></ul><p>先代から事業を継いだ会員3名が登壇します。</p></article></main></body></html>`,
		"/event/11-reikai/": `<html><head><title>11月例会「BCPを自社でつくる」｜例YEG</title></head><body>` + chrome + `<main><article><h1>11月例会「BCPを自社でつくる」</h1>
<p class="posted">2026.10.05</p><div class="event-manager-info">このリストは期限切れです。</div></article></main></body></html>`,
		"/event/member-seminar/": `<html><head><title>会員限定 価格転嫁セミナー｜例YEG</title></head><body>` + chrome + `<main><h1>会員限定 価格転嫁セミナー</h1>
<p>このページは会員専用です。閲覧にはログインが必要です。</p><p><a href="/login/">会員ログイン</a></p></main></body></html>`,
		"/event/about-koryukai/": `<html><head><title>例交流会とは？（はじめての方へ）｜例YEG</title></head><body>` + chrome + `<main><article><h1>例交流会とは？（はじめての方へ）</h1>
<p>例交流会は、例市で事業を営む若手経営者・後継者が集まる会です。毎月の例会では、会員や外部講師による講演、グループ討論、懇親会を通じて、経営の悩みを語り合い、互いの事業を知り、仕事のつながりを広げています。</p>
<p>入会を検討されている方は、まずはオブザーバーとして例会にご参加ください。参加費は無料です。お申し込みはお問い合わせフォームから。見学だけでも歓迎いたします。例会の後の懇親会にもぜひお越しください。会員は現在52名、建設、製造、小売、飲食、士業など業種はさまざまです。</p></article></main></body></html>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: thin
    name: 例YEG
    kind: auto
    start_urls: ["%s/events/"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if s := got["11月例会「BCPを自社でつくる」"]; len(s) != 1 || !s[0].StartsAt.Equal(tokyo(2026, 11, 18, 19, 0)) || !s[0].EndsAt.Equal(tokyo(2026, 11, 18, 21, 0)) {
		t.Errorf("the expired listing's row: %v", s)
	}
	if s := got["会員限定 価格転嫁セミナー"]; len(s) != 1 || !s[0].StartsAt.Equal(tokyo(2027, 1, 27, 14, 0)) {
		t.Errorf("the members' seminar's row: %v", s)
	}
	if len(got["例交流会とは？（はじめての方へ）"]) != 0 || len(evs) != 3 {
		t.Errorf("events %v, want the three meetings and not the introduction", evs)
	}
}

// A 青年部's 行事予定 page embeds its Google Calendar, links the calendar's
// .ics and writes a table of the year's events in its own words, one of
// them (the 新年会) not in the calendar: the calendar's events are read
// as it states them, the table's row of the 新年会 too, and no event twice.
func TestCrawlAutoPageAndItsAdvertisedCalendar(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n" +
		"BEGIN:VEVENT\r\nDTSTART;TZID=Asia/Tokyo:20261217T190000\r\nDTEND;TZID=Asia/Tokyo:20261217T213000\r\nUID:a1@google.com\r\n" +
		"SUMMARY:12月定例会・忘年会\r\nLOCATION:例会館 3階 大会議室\\, 日本、〒581-0000 大阪府八尾市例町1-2-3\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nDTSTART;TZID=Asia/Tokyo:20270123T073000\r\nDTEND;TZID=Asia/Tokyo:20270123T183000\r\nUID:a2@google.com\r\n" +
		"SUMMARY:日帰り視察研修（淡路島）\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	pages := map[string]string{
		"/gyoji/": `<html><head><title>行事予定｜例商工会青年部</title></head><body><div id="main"><h1>行事予定</h1>
<iframe src="https://calendar.google.com/calendar/embed?src=example%40group.calendar.google.com&amp;ctz=Asia%2FTokyo" width="800" height="600"></iframe>
<p><a href="/gyoji/yeg.ics">iCal形式で登録</a></p>
<table class="gyoji"><tr><th>日程</th><th>行事</th><th>会場</th></tr>
<tr><td>12月17日（木）19:00～</td><td>定例会・忘年会</td><td>例会館</td></tr>
<tr><td>1月8日（金）18:30～</td><td>新年会</td><td>割烹 例</td></tr>
<tr><td>1月23日（土）</td><td>【中止】日帰り視察研修（淡路島）</td><td>淡路島</td></tr>
</table></div></body></html>`,
		"/gyoji/yeg.ics": ics,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: yeg
    name: 例商工会青年部
    kind: auto
    start_urls: ["%s/gyoji/"]
    area: 八尾市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if s := got["12月定例会・忘年会"]; len(s) != 1 || !s[0].EndsAt.Equal(tokyo(2026, 12, 17, 21, 30)) || s[0].Venue != "例会館 3階 大会議室" {
		t.Errorf("the calendar's December meeting: %v", s)
	}
	if s := got["日帰り視察研修（淡路島）"]; len(s) != 1 || s[0].Status != "cancelled" {
		t.Errorf("the calendar's cancelled trip: %v", s)
	}
	if s := got["新年会"]; len(s) != 1 || !s[0].StartsAt.Equal(tokyo(2027, 1, 8, 18, 30)) {
		t.Errorf("the table's 新年会: %v", s)
	}
	if len(evs) != 3 {
		t.Errorf("%d events, want 3: %v", len(evs), evs)
	}
}
