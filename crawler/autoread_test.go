package crawler

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// Regression tests for what an acceptance run of kind auto against made-up
// chamber, WordPress and events-plugin sites read wrongly.

func autoLinks(t *testing.T, page string) []string {
	t.Helper()
	lp := AutoList(docOf(t, page), mustURL("https://www.example.jp/events/"), func(h string) bool { return h == "www.example.jp" }, goldenRef)
	var links []string
	for _, it := range lp.Items {
		links = append(links, it.Link+" "+it.Fields[FieldTitle])
	}
	return links
}

func TestAutoListOneItemPerRow(t *testing.T) {
	// Each row links the event and its print version (under a robots.txt
	// Disallow on real sites): one item per row, the event's link.
	page := `<html><body><table>
<tr><th>開催日</th><th>催し</th><th>印刷</th></tr>
<tr><td>2026年12月4日（金）</td><td><a href="/events/d.php?id=1">歳末交流会</a></td><td><a href="/print/1.html">印刷</a></td></tr>
<tr><td>2026年12月11日（金）</td><td><a href="/events/d.php?id=2">経営セミナー</a></td><td><a href="/print/2.html">印刷</a></td></tr>
</table></body></html>`
	got := strings.Join(autoLinks(t, page), "; ")
	want := "https://www.example.jp/events/d.php?id=1 歳末交流会; https://www.example.jp/events/d.php?id=2 経営セミナー"
	if got != want {
		t.Errorf("items %s\nwant  %s", got, want)
	}
}

func TestAutoListItemsWithOwnClasses(t *testing.T) {
	// An events plugin's list: every article has its own post-N class, an
	// image link before the title link, and its date in a time element.
	page := `<html><body><ul>
<li class="row"><article class="ev-list__event post-11 type-ev"><a href="/event/a/"><img src="a.jpg" alt=""></a>
 <header><time>12月 5日 @ 14:00</time><h3><a href="/event/a/">忘年交流会</a></h3></header></article></li>
<li class="row"><article class="ev-list__event post-12 type-ev"><a href="/event/b/"><img src="b.jpg" alt=""></a>
 <header><time>12月 12日 @ 10:00</time><h3><a href="/event/b/">朝の勉強会</a></h3></header></article></li>
<li class="row"><article class="ev-list__event post-13 type-ev featured"><a href="/event/c/"><img src="c.jpg" alt=""></a>
 <header><time>12月 19日 @ 18:00</time><h3><a href="/event/c/">異業種名刺交換会</a></h3></header></article></li>
</ul>
<aside><ul><li>2026.11.20 <a href="/news/1">休業のお知らせ</a></li><li>2026.11.02 <a href="/news/2">会報発行</a></li></ul></aside>
</body></html>`
	got := strings.Join(autoLinks(t, page), "; ")
	want := "https://www.example.jp/event/a/ 忘年交流会; https://www.example.jp/event/b/ 朝の勉強会; https://www.example.jp/event/c/ 異業種名刺交換会"
	if got != want {
		t.Errorf("items %s\nwant  %s", got, want)
	}
}

func TestAutoListDateInTitleOrByline(t *testing.T) {
	// Blog posts: one title carries the event date, the others only their
	// byline's posting date; they are still one list.
	page := `<html><body><main>
<article class="post-7 post"><header><h2><a href="/2026/11/p7/">【12月9日開催】士業の集い</a></h2>
 <div class="meta"><a href="/2026/11/p7/"><time>2026年11月20日</time></a></div></header><p>ご案内</p></article>
<article class="post-8 post"><header><h2><a href="/2026/11/p8/">経営者の勉強会について</a></h2>
 <div class="meta"><a href="/2026/11/p8/"><time>2026年11月21日</time></a></div></header><p>ご案内</p></article>
<article class="post-9 post"><header><h2><a href="/2026/11/p9/">交流ボウリング大会</a></h2>
 <div class="meta"><a href="/2026/11/p9/"><time>2026年11月22日</time></a></div></header><p>ご案内</p></article>
</main></body></html>`
	if got := autoLinks(t, page); len(got) != 3 {
		t.Errorf("items %q, want the three posts", got)
	}
}

func TestAutoDetailTitleAndStatus(t *testing.T) {
	for _, tc := range []struct {
		name, page, title string
		status            event.Status
	}{
		{"no h1: the h2 the <title> names", `<html><head><title>歳末交流会 〜つながる〜｜例商工会議所</title></head><body>
<div id="header"><a href="/"><img alt="例商工会議所"></a></div><h2>歳末交流会 〜つながる〜</h2>
<dl><dt>日時</dt><dd>令和8年12月4日（金）18:30～</dd><dt>受付状況</dt><dd>満席（キャンセル待ち受付中）</dd></dl></body></html>`,
			"歳末交流会 〜つながる〜", event.StatusFull},
		{"no heading: the <title> without the site's name", `<html><head><title>経営セミナー｜例商工会議所</title></head><body>
<dl><dt>日時</dt><dd>令和8年12月11日（金）14:00～</dd><dt>受付状況</dt><dd>受付中</dd></dl></body></html>`,
			"経営セミナー", event.StatusScheduled},
		{"theme h1 is the site's logo", `<html><head><title>【延期】交流ボウリング大会 | 例の会</title></head><body>
<header><h1 class="site-title"><a href="https://www.example.jp/">例の会</a></h1></header>
<article><h1 class="entry-title">【延期】交流ボウリング大会</h1><div class="entry-content"><p>【日時】12月18日(金) 18:00〜</p></div></article></body></html>`,
			"【延期】交流ボウリング大会", event.StatusPostponed},
		{"a notice in the text", `<html><head><title>勉強会 | 例の会</title></head><body><article><h1>1月の勉強会</h1>
<div class="entry-content"><p>※定員に達したため、受付を終了しました。</p><p>【日時】2027年1月14日（木）18:30～20:00</p></div></article></body></html>`,
			"1月の勉強会", event.StatusFull},
		{"a rule in the text is no notice", `<html><head><title>交流会 | 例の会</title></head><body><article><h1>河川敷の交流会</h1>
<div class="entry-content"><p>雨天の場合は中止します。</p><p>【日時】12月13日(日) 10:00〜</p></div></article></body></html>`,
			"河川敷の交流会", event.StatusScheduled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/e/1", true, AutoDetail(docOf(t, tc.page)), goldenRef)
			if err != nil {
				t.Fatal(err)
			}
			if e.Title != tc.title || e.Status != tc.status {
				t.Errorf("title %q status %q, want %q %q", e.Title, e.Status, tc.title, tc.status)
			}
		})
	}
}

func TestJSONLDAllDayOfPlugins(t *testing.T) {
	// The Events Calendar writes an all-day event from 00:00:00 of its first
	// day to 23:59:59 of its last.
	for _, tc := range []struct {
		start, end string
		allDay     bool
		wantEnd    time.Time
	}{
		{"2027-02-06T00:00:00+09:00", "2027-02-07T23:59:59+09:00", true, tokyo(2027, 2, 7, 0, 0)},
		{"2027-02-06T00:00:00+09:00", "2027-02-06T23:59:59+09:00", true, time.Time{}},
		{"2027-02-06T10:00:00+09:00", "2027-02-06T23:59:00+09:00", false, time.Date(2027, 2, 6, 23, 59, 0, 0, event.Tokyo)},
	} {
		page := `<html><head><script type="application/ld+json">[{"@context":"http://schema.org","@type":"Event","name":"例の展示会",
"startDate":"` + tc.start + `","endDate":"` + tc.end + `","location":{"@type":"Place","name":"例の展示場"}}]</script></head><body></body></html>`
		e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/e/1", true, JSONLDFields(docOf(t, page)), goldenRef)
		if err != nil {
			t.Fatal(err)
		}
		if e.AllDay != tc.allDay || !e.StartsAt.Equal(tokyo(2027, 2, 6, 0, 0).Add(map[bool]time.Duration{true: 0, false: 10 * time.Hour}[tc.allDay])) || !e.EndsAt.Equal(tc.wantEnd) {
			t.Errorf("%s – %s: all_day %v %v – %v", tc.start, tc.end, e.AllDay, e.StartsAt, e.EndsAt)
		}
	}
}

// TestCrawlAutoRespectsRobotsOfLinkedPages crawls a list whose rows link a
// print page under a robots.txt Disallow: it is never requested.
func TestCrawlAutoRespectsRobotsOfLinkedPages(t *testing.T) {
	pages := map[string]string{
		"/robots.txt": "User-agent: *\nDisallow: /print/\n",
		"/events/": `<html><body><table>
<tr><td>2026年12月4日（金）</td><td><a href="/events/1.html">歳末交流会</a></td><td><a href="/print/1.html">印刷用ページ（会員）</a></td></tr>
<tr><td>2026年12月11日（金）</td><td><a href="/events/2.html">経営セミナー</a></td><td><a href="/print/2.html">印刷用ページ（会員）</a></td></tr>
</table></body></html>`,
		"/events/1.html": `<html><head><title>歳末交流会｜例商工会議所</title></head><body><h2>歳末交流会</h2><dl><dt>日時</dt><dd>令和8年12月4日（金）18:30～20:30</dd><dt>会場</dt><dd>例会館 3階</dd></dl></body></html>`,
		"/events/2.html": `<html><head><title>経営セミナー｜例商工会議所</title></head><body><h2>経営セミナー</h2><dl><dt>日時</dt><dd>令和8年12月11日（金）14:00～16:00</dd><dt>会場</dt><dd>例会館 2階</dd></dl></body></html>`,
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
  - id: robots-auto
    name: 例商工会議所
    kind: auto
    start_urls: ["%s/events/"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if a := got["歳末交流会"]; len(a) != 1 || !a[0].StartsAt.Equal(tokyo(2026, 12, 4, 18, 30)) || a[0].Venue != "例会館 3階" {
		t.Errorf("歳末交流会: %+v; all %d events; problems %q", a, len(evs), rep.Problems)
	}
	if len(evs) != 2 {
		t.Errorf("%d events, want 2", len(evs))
	}
	if n := site.count("/print/"); n != 0 {
		t.Errorf("%d requests under a Disallow", n)
	}
}

func TestExtractDetailLabelledLinesOfOneBlock(t *testing.T) {
	// A blog post writes every field in one paragraph: a selector can only
	// pick that paragraph, and each field takes its own line of it.
	page := `<html><body><article><h1 class="entry-title">士業の集い</h1><div class="entry-content">
<p>次回の集まりのご案内です。</p>
<p>【日付】12月9日(水)<br>【時間】19:00〜21:00<br>【会場】例ビル 3F会議室<br>【参加費】2,000円<br>【主催】例の士業ネット</p>
</div></article></body></html>`
	f, missing := ExtractDetail(docOf(t, page), map[string]string{
		FieldTitle: "h1", FieldDate: ".entry-content", FieldVenue: ".entry-content p:contains('会場')",
		FieldFee: ".entry-content", FieldOrganizer: ".entry-content", FieldAddress: ".entry-content",
	})
	if len(missing) != 0 {
		t.Errorf("missing %q", missing)
	}
	want := Fields{FieldTitle: "士業の集い", FieldDate: "12月9日(水) 19:00〜21:00", FieldVenue: "例ビル 3F会議室", FieldFee: "2,000円", FieldOrganizer: "例の士業ネット"}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("%s = %q, want %q", k, f[k], v)
		}
	}
	// A block without such a line keeps its whole text.
	if !strings.HasPrefix(f[FieldAddress], "次回の集まりのご案内です。") {
		t.Errorf("address = %q, want the block's text", f[FieldAddress])
	}
	e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/p/9", true, f, goldenRef)
	if err != nil || !e.StartsAt.Equal(tokyo(2026, 12, 9, 19, 0)) || !e.EndsAt.Equal(tokyo(2026, 12, 9, 21, 0)) {
		t.Errorf("event %v – %v, %v", e.StartsAt, e.EndsAt, err)
	}
}

func TestAutoNextPageNumbers(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"numbers only", `<ul><li><span>12月3日</span> <a href="/e/1">交流会</a></li></ul>
<p class="pages">ページ： <span class="current">1</span> <a href="?pg=2">2</a> <a href="?pg=3">3</a></p>`, "https://www.example.jp/events/?pg=2"},
		{"list items", `<ol class="pager"><li><a href="?pg=1">1</a></li><li aria-current="page">2</li><li><a href="?pg=3">3</a></li></ol>`,
			"https://www.example.jp/events/?pg=3"},
		{"last page", `<p><a href="?pg=1">1</a> <strong>2</strong></p>`, ""},
		{"a calendar's days are no pages", `<table><tr><td><span>3</span></td><td><a href="?d=4">4</a></td></tr></table>`, ""},
		{"a number in the text", `<p>定員 <b>1</b> 名追加、<a href="/a">2</a> <a href="/b">会場案内</a> <a href="/c">お問い合わせ</a></p>`, ""},
		{"a tag named Next.js", `<ul><li><a href="/event/1">Web制作者のための Next.js ハンズオン</a><div class="tags"><a class="tag" href="/search?tag=Next.js">Next.js</a><a class="tag" href="/search?tag=React">React</a></div></li></ul>`, ""},
		{"next and an arrow", `<p class="pager"><a href="?pg=2">Next »</a></p>`, "https://www.example.jp/events/?pg=2"},
		{"an arrow named for screen readers", `<div class="nav"><a href="?month=2026-11" aria-label="前の月"><svg></svg></a><h2>2026年12月</h2><a href="?month=2027-01" aria-label="次の月"><svg></svg></a></div>`,
			"https://www.example.jp/events/?month=2027-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lp := AutoList(docOf(t, "<html><body>"+tc.page+"</body></html>"), mustURL("https://www.example.jp/events/"),
				func(h string) bool { return h == "www.example.jp" }, goldenRef)
			if got := strings.Join(lp.Next, " "); got != tc.want {
				t.Errorf("next %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDaysAndHoursApart(t *testing.T) {
	// 開催日 令和8年12月12日（土）～13日（日） / 時間 10:00～17:00
	f := AutoDetail(docOf(t, `<html><head><title>商談会 - 例協会</title></head><body><h1>商談会</h1><table>
<tr><th>開催日</th><td>令和8年12月12日（土）～13日（日）</td></tr><tr><th>時間</th><td>10:00～17:00</td></tr>
<tr><th>会　場</th><td>例の展示場</td></tr></table></body></html>`))
	e, err := BuildEvent(&Source{ID: "t", Area: "堺市"}, "https://www.example.jp/e/1", true, f, goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	if !e.StartsAt.Equal(tokyo(2026, 12, 12, 10, 0)) || !e.EndsAt.Equal(tokyo(2026, 12, 13, 17, 0)) || e.AllDay || e.Venue != "例の展示場" {
		t.Errorf("got %v – %v all_day %v venue %q", e.StartsAt, e.EndsAt, e.AllDay, e.Venue)
	}
}

// An ASP.NET chamber's list pages its GridView by postback, which no
// crawler sends; its head names a version for phones, paged by links:
// that version is read as the list's next page.
func TestAutoListPostbackPagerReadsPhoneVersion(t *testing.T) {
	page := `<html><head><title>セミナー・イベント一覧 | 例商工会議所</title>
<link rel="alternate" media="only screen and (max-width: 640px)" href="/sp/seminar/EventList.aspx" /></head><body>
<form method="post" action="./EventList.aspx" id="form1"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUK" />
<table class="gvEvent" id="MainContent_gvEventList">
<tr><th scope="col">開催日</th><th scope="col">セミナー名</th><th scope="col">会場</th><th scope="col">受付状況</th></tr>
<tr><td>2027/03/09(火)</td><td><a href="EventDetail.aspx?id=1302">働き方改革・労務管理セミナー</a></td><td>例商工会館</td><td>受付前</td></tr>
<tr><td>2027/02/18(木)</td><td><a href="EventDetail.aspx?id=1299">事業承継セミナー</a></td><td>例商工会館</td><td>受付中</td></tr>
<tr class="pager"><td colspan="4"><span>1</span> <a href="javascript:__doPostBack('ctl00$MainContent$gvEventList','Page$2')">2</a></td></tr>
</table></form></body></html>`
	lp := AutoList(docOf(t, page), mustURL("https://www.example.jp/seminar/EventList.aspx"),
		func(h string) bool { return h == "www.example.jp" }, goldenRef)
	if !slices.Contains(lp.Next, "https://www.example.jp/sp/seminar/EventList.aspx") {
		t.Errorf("next %q, want the phones' list", lp.Next)
	}
}
