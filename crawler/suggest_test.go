package crawler

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// crawlEvents crawls src at corpusNow and returns its events in a fixed
// order (the workers publish in any).
func crawlEvents(t *testing.T, src Source) ([]event.Event, Report) {
	t.Helper()
	c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return corpusNow }, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pub := &collect{}
	rep, err := c.Crawl(context.Background(), src, pub)
	if err != nil {
		t.Logf("crawl %s: %v", src.ID, err)
	}
	sortEvents(pub.events)
	return pub.events, rep
}

// sortEvents puts evs in a fixed order (the workers publish in any).
func sortEvents(evs []event.Event) {
	slices.SortFunc(evs, func(a, b event.Event) int {
		return cmp.Or(cmp.Compare(a.URL, b.URL), a.StartsAt.Compare(b.StartsAt), cmp.Compare(a.Title, b.Title))
	})
}

// TestSuggestRoundTripCorpus runs `sources suggest` on the start page of
// every corpus site (not the held-out ones: heldout in site.yaml) and,
// where the entry pins list selectors — kind html, or kind auto with
// list.item — crawls the site with that entry and with kind auto alone:
// the pinned entry must read the same events. The table it logs says,
// site by site, what was pinned, and why not.
func TestSuggestRoundTripCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the whole corpus twice")
	}
	t.Parallel() // beside the other test that reads the shared corpus crawls
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-28s %-6s %-5s %6s %6s  %s\n", "site", "kind", "until", "auto", "pinned", "round trip")
	var pinnedSites, same, html, htmlSame int
	for _, s := range loadCorpus(t) {
		if s.spec.Heldout {
			continue // blind held-out sites: not read, not scored here
		}
		cc := sharedCrawl(t, s)
		c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return corpusNow }, MaxRetries: -1}, nil)
		if err != nil {
			t.Fatal(err)
		}
		sg, err := c.suggest(context.Background(), cc.start, time.Millisecond)
		if err != nil {
			t.Errorf("%s: suggest: %v", s.name, err)
			continue
		}
		pin := sg.Source
		if pin.Kind != KindHTML && (pin.Kind != KindAuto || pin.List.Item == "") {
			why := "nothing pinned"
			if len(sg.Notes) > 0 {
				why += ": " + sg.Notes[len(sg.Notes)-1]
			}
			if pin.Kind != KindAuto {
				why = "kind " + string(pin.Kind) + ": " + sg.Detected
			}
			fmt.Fprintf(&table, "%-28s %-6s %-5s %6s %6s  %s\n", s.name, pin.Kind, "", "", "", cutRunes(why, 150))
			continue
		}
		pinnedSites++
		if pin.Kind == KindHTML {
			html++
		}
		// The source id of the shared crawl, as event ids hold it.
		pin.ID, pin.Area, pin.Delay = "corpus-"+s.name, s.spec.Area, time.Millisecond
		if err := pin.Validate(); err != nil {
			t.Errorf("%s: the suggested entry is refused: %v", s.name, err)
		}
		// Kind auto from the entry's start: the shared crawl's events when
		// it starts there, as it does unless suggest moved the start.
		var want []event.Event
		if slices.Equal(pin.StartURLs, []string{cc.start}) {
			want = slices.Clone(cc.events)
			sortEvents(want)
		} else {
			auto := Source{ID: pin.ID, Name: pin.Name, Kind: KindAuto, StartURLs: pin.StartURLs, Area: pin.Area, Delay: pin.Delay}
			want, _ = crawlEvents(t, auto)
		}
		got, _ := crawlEvents(t, pin)
		verdict := "same events"
		d := eventsDiff(want, got)
		if why, ok := suggestRoundTripKnown[s.name]; ok {
			if d == "" {
				t.Errorf("%s: round-trips now: take it out of suggestRoundTripKnown", s.name)
			}
			d += " (known: " + why + ")"
		}
		if d != "" {
			verdict = "differs: " + d
			if _, ok := suggestRoundTripKnown[s.name]; !ok {
				t.Errorf("%s: the kind %s entry suggest printed reads other events than auto: %s", s.name, pin.Kind, d)
			}
		} else {
			same++
			if pin.Kind == KindHTML {
				htmlSame++
			}
		}
		fmt.Fprintf(&table, "%-28s %-6s %-5v %6d %6d  %s\n", s.name, pin.Kind, pin.List.Until != "", len(want), len(got), cutRunes(verdict, 150))
	}
	fmt.Fprintf(&table, "%d sites with list selectors pinned (%d of them kind html): %d read the same events as auto (%d of kind html)\n", pinnedSites, html, same, htmlSame)
	t.Log(table.String())
	if same < suggestRoundTripFloor {
		t.Errorf("%d sites round-trip, below the floor %d", same, suggestRoundTripFloor)
	}
}

// suggestRoundTripFloor is how many corpus sites round-trip today: 54, all
// the sites whose list suggest pins (11 more are read as an iCalendar feed
// or JSON-LD): a ratchet, like the corpus floors.
const suggestRoundTripFloor = 54

// suggestRoundTripKnown are the corpus sites whose pinned entry is known
// to read other events than auto, with why: each is a bug of suggest or
// of auto's pinned reading, to fix and take out of the list.
var suggestRoundTripKnown = map[string]string{}

// roundTrip suggests an entry for the page at u, and checks that it pins
// the list as kind html with until, and that the entry reads the events
// kind auto reads, wanted among them.
func roundTrip(t *testing.T, u, until string, want []string) Source {
	t.Helper()
	c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return corpusNow }, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := c.suggest(context.Background(), u, time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	pin := sg.Source
	if pin.Kind != KindHTML || pin.List.Until != until || pin.List.Item == "" {
		t.Fatalf("suggested %s %+v (%s; %q), want kind html with until %q", pin.Kind, pin.List, sg.Detected, sg.Notes, until)
	}
	pin.Area, pin.Delay = "大阪市", time.Millisecond
	auto := Source{ID: pin.ID, Name: pin.Name, Kind: KindAuto, StartURLs: pin.StartURLs, Area: pin.Area, Delay: pin.Delay}
	autoEvs, _ := crawlEvents(t, auto)
	got, rep := crawlEvents(t, pin)
	if d := eventsDiff(autoEvs, got); d != "" {
		t.Errorf("the pinned entry reads other events than auto: %s\nproblems %q", d, rep.Problems)
	}
	var read []string
	for _, e := range got {
		end := ""
		if !e.EndsAt.IsZero() {
			end = "-" + e.EndsAt.In(event.Tokyo).Format("15:04")
		}
		read = append(read, fmt.Sprintf("%s%s %s @%s", e.StartsAt.In(event.Tokyo).Format("2006-01-02 15:04"), end, e.Title, e.Venue))
	}
	slices.Sort(read)
	slices.Sort(want)
	if strings.Join(read, "\n") != strings.Join(want, "\n") {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(read, "\n"), strings.Join(want, "\n"))
	}
	return pin
}

// A machinery association's list of its year's events: each a <dt> with
// the date and time and a <dd> with the name, the place and a flyer, a
// second <dd> with a note under one. Suggest pins the dt/dd pairs with
// until: dt, and the entry reads auto's events.
func TestSuggestPinsDtDdPairs(t *testing.T) {
	srv := servePages(t, map[string]string{"/jigyo/event.html": `<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>行事予定 | 一般社団法人 例機械工業会</title></head>
<body><div id="wrapper"><div id="header"><p class="logo"><a href="/">一般社団法人 例機械工業会</a></p>
<ul id="gnav"><li><a href="/">ホーム</a></li><li><a href="/about/">工業会について</a></li><li><a href="/jigyo/event.html">行事予定</a></li></ul></div>
<div id="contents"><h2 class="pageTitle">行事予定</h2>
<p>会員の皆さまの積極的なご参加をお待ちしております。</p>
<dl class="event-list">
<dt>2026年12月8日（火）14:00～16:30</dt>
<dd><strong>省エネ補助金 活用セミナー</strong><br>会場：例機械工業会館 3階 大会議室<br><a href="/files/2026/seminar1208.pdf">案内チラシ（PDF）</a></dd>
<dt>2026年12月15日（火）18:00～20:00</dt>
<dd><strong>会員交流会・忘年会</strong><br>会場：ホテル例 東大阪 2階 宴会場「葵」<br><a href="/files/2026/bonenkai.pdf">ご案内（PDF）</a></dd>
<dd class="note">※ 申込締切 12月8日（火）</dd>
<dt>2027年1月8日（金）11:00～13:00</dt>
<dd><strong>新年賀詞交歓会</strong><br>会場：例機械工業会館 5階 ホール<br><a href="/files/2027/gashi.pdf">ご案内（PDF）</a></dd>
</dl>
<p class="back"><a href="/jigyo/">事業案内へ戻る</a></p></div>
<div id="footer"><address>〒577-0000 東大阪市高井田元町9-9-9　TEL 06-0000-0000</address></div></div></body></html>`})
	roundTrip(t, srv.URL+"/jigyo/event.html", "dt", []string{
		"2026-12-08 14:00-16:30 省エネ補助金 活用セミナー @例機械工業会館 3階 大会議室",
		"2026-12-15 18:00-20:00 会員交流会・忘年会 @ホテル例 東大阪 2階 宴会場「葵」",
		"2027-01-08 11:00-13:00 新年賀詞交歓会 @例機械工業会館 5階 ホール",
	})
}

// A chamber's seminar page in WordPress: an <h3> per seminar and the
// paragraphs under it (日時, 会場, 参加費 in one paragraph, a form link),
// a notice of the year-end closure among them, the page's contact section
// under an <h2> after them. The closure is left out of the pinned item by
// its word.
func TestSuggestPinsHeadingSections(t *testing.T) {
	srv := servePages(t, map[string]string{"/seminar/": `<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>セミナー・講習会のご案内 – 例市商工会</title></head>
<body class="page-template-default page">
<header class="site-header"><a href="/" class="site-title">例市商工会</a>
<nav class="global-nav"><ul><li><a href="/">ホーム</a></li><li><a href="/seminar/">セミナー</a></li><li><a href="/about/">商工会について</a></li></ul></nav></header>
<main id="main" class="site-main"><article class="page type-page status-publish hentry">
<h1 class="entry-title">セミナー・講習会のご案内</h1>
<div class="entry-content">
<p>例市商工会では、事業者の皆さまの経営に役立つセミナーを開催しています。</p>
<h3>創業塾 2027（全4回）</h3>
<p>日時：2027年1月16日（土）13:30～16:30<br>会場：例市商工会館 2階 研修室<br>参加費：無料</p>
<p>創業を考えている方、創業して間もない方を対象に、事業計画の立て方から資金調達までを学びます。</p>
<p><a href="/form/sogyo2027/">お申込みはこちら</a></p>
<h3>インボイス制度 実務セミナー</h3>
<p>日時：2027年1月22日（金）14:00～16:00<br>会場：オンライン（Zoom）<br>参加費：会員無料／非会員 1,000円</p>
<p><a href="/form/invoice0122/">お申込みはこちら</a></p>
<h3>年末年始の休業について</h3>
<p>12月29日（火）～1月4日（月）は休業いたします。1月5日（火）より通常どおり業務を行います。</p>
<h3>経営者交流会 in 八尾</h3>
<p>日時：2027年2月5日（金）18:30～20:30<br>会場：例市文化会館 1階 多目的室<br>参加費：3,000円（軽食付き）</p>
<p><a href="/form/koryu0205/">お申込みはこちら</a></p>
<h2>お問い合わせ</h2>
<p>例市商工会 経営支援課　TEL 072-000-0000（平日 9:00～17:00）</p>
</div></article></main>
<footer class="site-footer"><p>© 例市商工会</p></footer></body></html>`})
	pin := roundTrip(t, srv.URL+"/seminar/", "h1, h2, h3", []string{
		"2027-01-16 13:30-16:30 創業塾 2027（全4回） @例市商工会館 2階 研修室",
		"2027-01-22 14:00-16:00 インボイス制度 実務セミナー @オンライン（Zoom）",
		"2027-02-05 18:30-20:30 経営者交流会 in 八尾 @例市文化会館 1階 多目的室",
	})
	if !strings.HasSuffix(pin.List.Item, ":not(:contains('休業'))") {
		t.Errorf("item %q does not leave the closure out by its word", pin.List.Item)
	}
}

// A shopping street's event page lists its events in HTML and advertises
// the Google Calendar it keeps them in and its WordPress feed: suggest
// names both feeds, the calendar first. A page whose events are only in
// that calendar (an embed) is read from the calendar, on its host.
func TestSuggestNamesAdvertisedFeeds(t *testing.T) {
	const ics = "https://calendar.google.com/calendar/ical/example.shotengai%40gmail.com/public/basic.ics"
	srv := servePages(t, map[string]string{
		"/event/": `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>イベント | 例通り商店会</title>
<link rel="alternate" type="application/rss+xml" title="例通り商店会 &raquo; フィード" href="/feed/">
<link rel="alternate" type="text/calendar" title="イベントカレンダー" href="` + ics + `">
</head><body><main id="main"><h1>イベント</h1>
<ul class="event-list">
<li><span class="date">2026年12月12日（土）10:00～15:00</span> <span class="ttl">歳末大売り出し 抽選会</span>（商店会本部前）</li>
<li><span class="date">2026年12月19日（土）14:00～16:00</span> <span class="ttl">子ども商店街体験ワークショップ</span>（例通り会館 2階）</li>
<li><span class="date">2027年1月9日（土）11:00～14:00</span> <span class="ttl">新春もちつき大会</span>（例通り 中央広場）</li>
</ul></main></body></html>`,
		"/calendar/": `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>行事カレンダー | 例通り商店会</title></head>
<body><main><h1>行事カレンダー</h1><iframe src="https://calendar.google.com/calendar/embed?src=example.shotengai%40gmail.com&ctz=Asia%2FTokyo" width="800" height="600"></iframe>
<p><a href="` + ics + `">iCal形式で購読する</a></p></main></body></html>`,
	})
	c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return corpusNow }, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := c.suggest(context.Background(), srv.URL+"/event/", time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(sg.Notes, "\n")
	ical, rss := strings.Index(notes, "iCalendar feed "+ics+": kind ical"), strings.Index(notes, "RSS/Atom feed "+srv.URL+"/feed/: kind rss")
	if ical < 0 || rss < ical || sg.Items != 3 {
		t.Errorf("kind %s, %d items, notes:\n%s", sg.Source.Kind, sg.Items, notes)
	}
	sg, err = c.suggest(context.Background(), srv.URL+"/calendar/", time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if sg.Source.Kind != KindICal || len(sg.Source.StartURLs) != 1 || sg.Source.StartURLs[0] != ics || sg.Source.Validate() != nil {
		t.Errorf("calendar page: %s %v (%v): %s", sg.Source.Kind, sg.Source.StartURLs, sg.Source.Validate(), sg.Detected)
	}
}

// A tax accountants' branch lists its meetings in two tables, this year's
// and the past ones, in boxes beside its contact table: one group of
// selectors, one per table, pins both.
func TestSuggestPinsSeveralSets(t *testing.T) {
	rows := func(class string, rs ...string) string {
		return `<table class="` + class + `"><tr><th>日時</th><th>行事名</th><th>会場</th></tr>` + strings.Join(rs, "") + `</table>`
	}
	srv := servePages(t, map[string]string{"/shibu/gyoji.html": `<!DOCTYPE html><html lang="ja"><head><meta charset="Shift_JIS">
<title>支部行事 | 例税理士会 東支部</title></head><body><div id="wrap"><div id="header"><a href="/">例税理士会 東支部</a></div>
<div id="main"><div class="box kongo"><h2>今後の行事</h2>` + rows("tbl-kongo",
		`<tr><td>2026年12月10日（木）14:00～16:30</td><td>年末調整・法定調書 説明会</td><td>支部会館 2階 研修室</td></tr>`,
		`<tr><td>2027年1月14日（木）18:00～20:00</td><td>支部 新年賀詞交歓会</td><td>ホテル例 3階 鳳凰の間</td></tr>`,
		`<tr><td>2027年2月4日（木）13:30～16:30</td><td>確定申告 直前研修会</td><td>例市民会館 大ホール</td></tr>`) + `</div>
<div class="box kako"><h2>過去の行事</h2>` + rows("tbl-kako",
		`<tr><td>2026年10月8日（木）14:00～16:00</td><td>インボイス制度 実務研修会</td><td>支部会館 2階 研修室</td></tr>`,
		`<tr><td>2026年9月10日（木）18:30～20:30</td><td>支部 会員交流会</td><td>例ビル 5階 会議室</td></tr>`) + `</div>
<div class="box toiawase"><h2>お問い合わせ</h2><table class="info"><tr><th>事務局</th><td>例税理士会 東支部（TEL 06-0000-0000）</td></tr>
<tr><th>受付</th><td>平日 9:00～17:00</td></tr></table></div>
</div><div id="footer">例税理士会 東支部 事務局</div></div></body></html>`})
	pin := roundTrip(t, srv.URL+"/shibu/gyoji.html", "", []string{
		"2026-12-10 14:00-16:30 年末調整・法定調書 説明会 @支部会館 2階 研修室",
		"2027-01-14 18:00-20:00 支部 新年賀詞交歓会 @ホテル例 3階 鳳凰の間",
		"2027-02-04 13:30-16:30 確定申告 直前研修会 @例市民会館 大ホール",
		"2026-10-08 14:00-16:00 インボイス制度 実務研修会 @支部会館 2階 研修室",
		"2026-09-10 18:30-20:30 支部 会員交流会 @例ビル 5階 会議室",
	})
	if !strings.Contains(pin.List.Item, ", ") {
		t.Errorf("item %q: want one selector per table, as a group", pin.List.Item)
	}
}

func TestNextSelectorsPickEveryListPage(t *testing.T) {
	// A chamber's list: page 2 in the pager and the tab of past events;
	// auto follows both, and so must the entry's list.next.
	page := `<html><body><div class="c-tabs" data-v-3f1a2b7c><a href="/seminar/" class="c-tabs__item is-active" data-v-3f1a2b7c>開催予定のセミナー・イベント</a><a href="/seminar/?tab=end" class="c-tabs__item" data-v-3f1a2b7c>終了したセミナー・イベント</a></div>
<div class="c-pager" data-v-3f1a2b7c><span class="c-pager__item is-current" data-v-3f1a2b7c>1</span><a href="/seminar/?page=2" class="c-pager__item" data-v-3f1a2b7c>2</a><a href="/seminar/?page=2" class="c-pager__next" data-v-3f1a2b7c>次へ</a></div></body></html>`
	u := mustURL("https://www.example.jp/seminar/")
	want := []string{"https://www.example.jp/seminar/?page=2", "https://www.example.jp/seminar/?tab=end"}
	var notes []string
	sel := nextSelectors(docOf(t, page), u, want, &notes)
	got := ExtractList(docOf(t, page), u, ListSpec{Item: "li", Next: sel}).Next
	slices.Sort(got)
	got = slices.Compact(got)
	if !slices.Equal(got, want) || len(notes) > 0 {
		t.Errorf("list.next %q picks %q, notes %q; want %q", sel, got, notes, want)
	}
}

// A 倫理法人会's page whose SEO plugin writes an Event with only a weekly
// eventSchedule (no day of its own) above the table of the meetings'
// days: kind jsonld would read nothing, so suggest does not offer it.
func TestSuggestLeavesAnUndatedJSONLDEvent(t *testing.T) {
	srv := servePages(t, map[string]string{"/morning-seminar/": `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>モーニングセミナー | 例倫理法人会</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"例倫理法人会"},
{"@type":"Event","name":"モーニングセミナー","eventSchedule":{"@type":"Schedule","byDay":"https://schema.org/Tuesday","startTime":"06:00","endTime":"07:00","repeatFrequency":"P1W"},
"location":{"@type":"Place","name":"例ホテル","address":"大阪市北区例町1-2-3"}}]}</script></head>
<body><main><h1>モーニングセミナー</h1><p>毎週火曜日 朝6:00～7:00　例ホテル 3階「桜の間」</p>
<table><thead><tr><th>日程</th><th>講師</th><th>テーマ</th></tr></thead><tbody>
<tr><td>12月1日（火）</td><td>例田 一郎 氏</td><td>「朝起きは繁栄の第一歩」</td></tr>
<tr><td>12月8日（火）</td><td>見本 花子 氏</td><td>「感謝の心で人が育つ」</td></tr>
<tr><td>12月15日（火）</td><td>試験 次郎 氏</td><td>「苦難福門」</td></tr>
</tbody></table></main></body></html>`})
	c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return corpusNow }, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := c.suggest(context.Background(), srv.URL+"/morning-seminar/", time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if sg.Source.Kind == KindJSONLD || !strings.Contains(strings.Join(sg.Notes, "\n"), "1 schema.org Event(s) without a start date") {
		t.Errorf("kind %s (%s), notes %q", sg.Source.Kind, sg.Detected, sg.Notes)
	}
}
