package crawler

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/internal/event"
)

// autoItems reads a list page of www.example.jp with AutoList.
func autoItems(t *testing.T, pageURL, page string) ListPage {
	t.Helper()
	return AutoList(docOf(t, page), mustURL(pageURL), func(h string) bool { return h == "www.example.jp" }, goldenRef)
}

// wholeEvent builds the event of a list item that is its own event.
func wholeEvent(t *testing.T, it ListItem) event.Event {
	t.Helper()
	if !it.Whole {
		t.Fatalf("item %q is to be read from its page", it.Fields[FieldTitle])
	}
	e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/list.html", it.Link != "", it.Fields, goldenRef)
	if err != nil {
		t.Fatalf("%v (fields %q)", err, it.Fields)
	}
	return e
}

func TestAutoListDatelessCards(t *testing.T) {
	// Cards that show a title and an image; the date is on each page. The
	// filter links above them and the header's link to the parent body's
	// home page are no events.
	lp := autoItems(t, "https://www.example.jp/event/", `<html><body>
<div class="hd-bar"><div class="hd-box"><a href="https://www.example-honbu.jp/">例の会（本部）ホームページ</a></div></div>
<main><h1>例会・行事のご案内</h1>
<div class="filter"><a href="/event/">すべて</a> <a href="/event/reikai/">例会</a> <a href="/event/koza/">講座</a> <a href="/event/koryu/">交流会</a></div>
<ul class="cards">
<li class="card"><a href="/event/reikai-2612/"><img src="/img/1.jpg" alt=""><h3>12月例会「人を生かす経営」</h3><span>詳しく見る</span></a></li>
<li class="card"><a href="/event/forum-2027/"><img src="/img/2.jpg" alt=""><h3>新春経営者フォーラム2027</h3><span>詳しく見る</span></a></li>
<li class="card"><a href="/event/setsumei/"><img src="/img/3.jpg" alt=""><h3>経営指針を創る会 説明会</h3><span>詳しく見る</span></a></li>
</ul></main></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link+" "+it.Fields[FieldTitle])
		if it.Whole || it.Fields[FieldDate] != "" {
			t.Errorf("%s: whole %v date %q", it.Link, it.Whole, it.Fields[FieldDate])
		}
	}
	want := "https://www.example.jp/event/reikai-2612/ 12月例会「人を生かす経営」; https://www.example.jp/event/forum-2027/ 新春経営者フォーラム2027; https://www.example.jp/event/setsumei/ 経営指針を創る会 説明会"
	if strings.Join(got, "; ") != want {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
}

func TestAutoListBlocksAreTheEvents(t *testing.T) {
	// Each event is a <dl> block whose only link is its PDF flyer or a
	// form elsewhere; past ones are a title and one line, without a link.
	lp := autoItems(t, "https://www.example.jp/event.html", `<html><body><div id="content"><h2>イベント情報</h2>
<div class="eventbox"><h3>第32回 士業交流会 in 梅田</h3><dl>
<dt>日　時</dt><dd>2026年12月12日（土）14:00～17:00（受付 13:30～）</dd>
<dt>会　場</dt><dd>例ナレッジスクエア 8階 ルームA<br><span class="small">大阪市北区大深町9-1</span></dd>
<dt>参加費</dt><dd>3,000円</dd><dt>詳細・申込</dt><dd><a href="/files/2026/koryukai32.pdf">案内チラシ（PDF：820KB）</a></dd></dl></div>
<div class="eventbox"><h3>士業のためのWeb集客勉強会</h3><dl>
<dt>日　時</dt><dd>2027年2月6日（土）13:30～15:30</dd><dt>会　場</dt><dd>オンライン（Zoom）</dd>
<dt>詳細・申込</dt><dd><a href="https://forms.gle/example0206">お申込みフォーム（Googleフォーム）</a></dd></dl></div>
<h2 class="sub">過去の開催</h2>
<dl class="past"><dt>第31回 士業交流会 in 天満橋</dt><dd>2026年9月12日（土）14:00～17:00　例ビジネスプラザ 2階 会議室（参加者 38名）</dd></dl>
<dl class="past"><dt>第30回 士業交流会 in 本町</dt><dd>2026年6月13日（土）14:00～17:00　例セミナーホール 3階（参加者 41名）</dd></dl>
</div></body></html>`)
	want := []struct {
		title, link, venue string
		start, end         time.Time
	}{
		{"第32回 士業交流会 in 梅田", "https://www.example.jp/files/2026/koryukai32.pdf", "例ナレッジスクエア 8階 ルームA", tokyo(2026, 12, 12, 14, 0), tokyo(2026, 12, 12, 17, 0)},
		{"士業のためのWeb集客勉強会", "https://forms.gle/example0206", "オンライン（Zoom）", tokyo(2027, 2, 6, 13, 30), tokyo(2027, 2, 6, 15, 30)},
		{"第31回 士業交流会 in 天満橋", "", "例ビジネスプラザ 2階 会議室", tokyo(2026, 9, 12, 14, 0), tokyo(2026, 9, 12, 17, 0)},
		{"第30回 士業交流会 in 本町", "", "例セミナーホール 3階", tokyo(2026, 6, 13, 14, 0), tokyo(2026, 6, 13, 17, 0)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(lp.Items), len(want), lp.Items)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || lp.Items[i].Link != w.link || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) {
			t.Errorf("%d: %q %q %q %v – %v, want %+v", i, e.Title, lp.Items[i].Link, e.Venue, e.StartsAt, e.EndsAt, w)
		}
	}
}

func TestAutoListOnePageSchedule(t *testing.T) {
	// A weekly meeting's schedule: the time and the place stated once
	// above, the year only in the caption, a week without meeting, a
	// cancelled meeting and one held elsewhere.
	lp := autoItems(t, "https://www.example.jp/ms.html", `<html><body><div id="main">
<section><h2>経営者モーニングセミナー</h2><table class="ta1">
<tr><th>日時</th><td>毎週火曜日　午前6時〜7時（受付 5時45分〜）</td></tr>
<tr><th>会場</th><td>例ホテル 2階「金剛の間」<br>東大阪市長堂9-1-1（布施駅より徒歩3分）</td></tr>
<tr><th>参加費</th><td>無料</td></tr></table></section>
<section><h2>講話者予定</h2><table class="ta1 schedule"><caption>2026年12月〜2027年2月 講話者予定</caption>
<tr><th>開催日</th><th>講話者</th><th>テーマ</th><th>備考</th></tr>
<tr><td>12月22日（火）</td><td>例研究所 参与 例 正和 氏</td><td>年末特別講話「一年の締めくくり」</td><td></td></tr>
<tr class="off"><td>12月29日（火）</td><td>―</td><td>休会（年末）</td><td></td></tr>
<tr><td>1月12日（火）</td><td>例商店 代表 例 健 氏</td><td>朝起きは繁栄の第一歩</td><td></td></tr>
<tr><td>1月19日（火）</td><td>例中央倫理法人会 例 由紀 氏</td><td>夫婦の絆と会社経営</td><td>※この回のみ 6:30〜7:30</td></tr>
<tr class="cancel"><td>2月9日（火）</td><td>例工務店 代表 例 和夫 氏</td><td><s>仕事は段取り八分</s></td><td>講話者の都合により中止となりました</td></tr>
<tr><td>2月23日（火・祝）</td><td>例倫理法人会 会長 例 勝 氏</td><td>新年度に向けて</td><td>※この回のみ 会場：例商工会館 3階ホール、時間：6:30〜7:30（祝日のため）</td></tr>
</table></section></div></body></html>`)
	want := []struct {
		title, venue string
		start, end   time.Time
		status       event.Status
	}{
		{"年末特別講話「一年の締めくくり」", "例ホテル 2階「金剛の間」", tokyo(2026, 12, 22, 6, 0), tokyo(2026, 12, 22, 7, 0), event.StatusScheduled},
		{"朝起きは繁栄の第一歩", "例ホテル 2階「金剛の間」", tokyo(2027, 1, 12, 6, 0), tokyo(2027, 1, 12, 7, 0), event.StatusScheduled},
		{"夫婦の絆と会社経営", "例ホテル 2階「金剛の間」", tokyo(2027, 1, 19, 6, 30), tokyo(2027, 1, 19, 7, 30), event.StatusScheduled},
		{"仕事は段取り八分", "例ホテル 2階「金剛の間」", tokyo(2027, 2, 9, 6, 0), tokyo(2027, 2, 9, 7, 0), event.StatusCancelled},
		{"新年度に向けて", "例商工会館 3階ホール", tokyo(2027, 2, 23, 6, 30), tokyo(2027, 2, 23, 7, 30), event.StatusScheduled},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(lp.Items), len(want), lp.Items)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Status != w.status {
			t.Errorf("%d: %q %q %v – %v %s, want %+v", i, e.Title, e.Venue, e.StartsAt, e.EndsAt, e.Status, w)
		}
	}
	if len(lp.Refused) != 1 || !strings.Contains(lp.Refused[0].Reason, "休会") {
		t.Errorf("refused %v, want the week without meeting", lp.Refused)
	}
}

func TestAutoListMonthCalendar(t *testing.T) {
	// A month's table: month and day only, the year in the URL; rows with
	// and without a page, days the office is closed; the next month's link.
	lp := autoItems(t, "https://www.example.jp/calendar/?ym=202701", `<html><body><div id="main">
<h2 class="midashi">1月の行事予定</h2>
<div class="calnav"><a href="/calendar/?ym=202612">&lt;&lt; 12月</a>　<a href="/calendar/?ym=202702">2月 &gt;&gt;</a></div>
<table class="calendar"><tr><th>日付</th><th>行事</th><th>時間</th><th>場所</th></tr>
<tr><td>1/4（月）</td><td>御用始め</td><td>−</td><td>−</td></tr>
<tr><td>1/12（火）</td><td><a href="/event/2027/0112.html">経営革新セミナー</a></td><td>13:30〜16:30</td><td>本会 2階 研修室</td></tr>
<tr><td>1/20（水）</td><td>記帳講習会（青色申告）</td><td>10:00〜12:00</td><td>本会 2階 研修室</td></tr>
<tr><td>1/25（月）</td><td>空調設備点検のため臨時休館</td><td>終日</td><td>−</td></tr>
</table></div></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("items %+v", lp.Items)
	}
	if it := lp.Items[0]; it.Whole || it.Link != "https://www.example.jp/event/2027/0112.html" || it.Fields[FieldDate] != "2027/1/12（火） 13:30〜16:30" || it.Fields[FieldVenue] != "本会 2階 研修室" {
		t.Errorf("linked row %+v", it)
	}
	e := wholeEvent(t, lp.Items[1])
	if e.Title != "記帳講習会（青色申告）" || !e.StartsAt.Equal(tokyo(2027, 1, 20, 10, 0)) || !e.EndsAt.Equal(tokyo(2027, 1, 20, 12, 0)) || e.Venue != "本会 2階 研修室" {
		t.Errorf("row without a page: %q %v – %v %q", e.Title, e.StartsAt, e.EndsAt, e.Venue)
	}
	if len(lp.Refused) != 2 {
		t.Errorf("refused %v, want 御用始め and 臨時休館", lp.Refused)
	}
	if strings.Join(lp.Next, " ") != "https://www.example.jp/calendar/?ym=202702" {
		t.Errorf("next %q", lp.Next)
	}
}

func TestAutoListWeekdayContradiction(t *testing.T) {
	// A row printing 水 for a Thursday: with a page of its own, the page
	// decides (the row's date is no hint); without one, it is refused.
	lp := autoItems(t, "https://www.example.jp/seminar/", `<html><body><table class="list">
<tr><th>開催日時</th><th>セミナー名</th><th>会場</th></tr>
<tr><td>2026年12月17日（水）10:00〜12:00</td><td><a href="detail.php?id=4">SNS活用講座</a></td><td>当所 4階</td></tr>
<tr><td>2026年12月18日（水）14:00〜16:00</td><td>個別相談会</td><td>当所 3階</td></tr>
<tr><td>2026年12月22日（火）18:00〜20:00</td><td>年末経営者懇談会</td><td>例料亭</td></tr>
</table></body></html>`)
	if len(lp.Items) != 2 || lp.Items[0].Link != "https://www.example.jp/seminar/detail.php?id=4" || lp.Items[0].Fields[FieldDate] != "" || lp.Items[0].Fields[fieldListDate] != "" {
		t.Errorf("items %+v", lp.Items)
	}
	if len(lp.Refused) != 1 || lp.Refused[0].Title != "個別相談会" || !strings.Contains(lp.Refused[0].Reason, "weekday") {
		t.Errorf("refused %v", lp.Refused)
	}
}

func TestAutoListOneLineRecordsAndAListOfOne(t *testing.T) {
	// Past meetings written one to a line: the date first, the place in
	// brackets last.
	lp := autoItems(t, "https://www.example.jp/kenshu.html", `<HTML><BODY><B>■ 終了した研修会</B><UL>
<LI>R8.11.16(月)　第117回研修会「2割特例の終了に向けて」（例会館 2F 研修室）
<LI>R8.10.19(月)　第116回研修会「相続税の税務調査の最近の傾向」（例会館 2F 研修室）
</UL></BODY></HTML>`)
	if len(lp.Items) != 2 {
		t.Fatalf("items %+v", lp.Items)
	}
	e := wholeEvent(t, lp.Items[0])
	if e.Title != "第117回研修会「2割特例の終了に向けて」" || e.Venue != "例会館 2F 研修室" || !e.StartsAt.Equal(tokyo(2026, 11, 16, 0, 0)) || !e.AllDay {
		t.Errorf("got %q %q %v all_day %v", e.Title, e.Venue, e.StartsAt, e.AllDay)
	}
	// The last page of a paged list holds one event.
	lp = autoItems(t, "https://www.example.jp/list2.html", `<html><body><ul class="events"><li><a class="ev" href="e/4.html">新春セミナー</a></li></ul></body></html>`)
	if len(lp.Items) != 1 || lp.Items[0].Link != "https://www.example.jp/e/4.html" {
		t.Errorf("items %+v", lp.Items)
	}
}

// BenchmarkAutoList reads a list page of 500 linked rows without selectors.
func BenchmarkAutoList(b *testing.B) {
	var page strings.Builder
	page.WriteString("<html><body><table class='list'><tr><th>開催日</th><th>催し</th><th>会場</th></tr>")
	for i := range 500 {
		fmt.Fprintf(&page, "<tr><td class='date'>12月%d日（木）18:30～</td><td><a href='detail/%d.html'>第%d回 交流会</a></td><td>例会館 %d階</td></tr>", i%28+1, i, i, i%9+1)
	}
	page.WriteString("</table></body></html>")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page.String()))
	if err != nil {
		b.Fatal(err)
	}
	base := mustURL("https://www.example.jp/event/")
	allowed := func(h string) bool { return h == "www.example.jp" }
	b.ReportAllocs()
	for b.Loop() {
		if lp := AutoList(doc, base, allowed, goldenRef); len(lp.Items) != 500 {
			b.Fatalf("%d items", len(lp.Items))
		}
	}
}

func TestAutoListLeavesTheNewsBesideTheEvents(t *testing.T) {
	// A chamber's top page: its events in a table, its news (dated too)
	// in a list of another shape beside them.
	lp := autoItems(t, "https://www.example.jp/", `<html><body><div id="main">
<h2>イベント・セミナー</h2><table class="ev"><tr><th>開催日</th><th>催し</th></tr>
<tr><td>2026年12月4日（金）</td><td><a href="/ev/1.html">歳末交流会</a></td></tr>
<tr><td>2026年12月11日（金）</td><td><a href="/ev/2.html">経営セミナー</a></td></tr>
<tr><td>2027年1月8日（金）</td><td><a href="/ev/3.html">新年賀詞交歓会</a></td></tr></table>
<h2>新着情報</h2><dl class="news">
<dt>2026.12.01</dt><dd><a href="/news/1.html">年末年始の休業について</a></dd>
<dt>2026.11.25</dt><dd><a href="/news/2.html">会報12月号を掲載しました</a></dd>
<dt>2026.11.20</dt><dd><a href="/news/3.html">マイナンバーカードの出張申請受付のお知らせ</a></dd>
<dt>2026.11.10</dt><dd><a href="/news/4.html">事務局の電話番号が変わります</a></dd>
</dl></div></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
	}
	if strings.Join(got, " ") != "https://www.example.jp/ev/1.html https://www.example.jp/ev/2.html https://www.example.jp/ev/3.html" {
		t.Errorf("items %q", got)
	}
}

func TestAutoListReadsTheListsJSONLD(t *testing.T) {
	// A page built by script: no event in its HTML, every one in its
	// JSON-LD.
	lp := autoItems(t, "https://www.example.jp/seminars", `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"ItemList",
"itemListElement":[{"@type":"ListItem","position":1,"item":{"@type":"Event","name":"組合決算セミナー","startDate":"2026-12-14T14:00:00+09:00",
"url":"/seminars/kessan","location":{"@type":"Place","name":"例会館 4F"}}},
{"@type":"ListItem","position":2,"item":{"@type":"Event","name":"新春交流会","startDate":"2027-01-12T15:00:00+09:00","location":{"@type":"Place","name":"例ホテル"}}}]}</script></head>
<body><div id="__next"></div><script src="/_next/static/chunks/main.js"></script></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("items %+v; problems %q", lp.Items, lp.Problems)
	}
	e := wholeEvent(t, lp.Items[0])
	if e.Title != "組合決算セミナー" || !e.StartsAt.Equal(tokyo(2026, 12, 14, 14, 0)) || e.Venue != "例会館 4F" || lp.Items[0].Link != "https://www.example.jp/seminars/kessan" {
		t.Errorf("got %q %v %q %q", e.Title, e.StartsAt, e.Venue, lp.Items[0].Link)
	}
}

func TestAutoListShortGatheringTitles(t *testing.T) {
	// A chamber's year of meetings in a table: many titles are a word or
	// two (例会, 総会). A short cell that names a gathering is the row's
	// title, not a label; so is the name after the date and time of a
	// row of one cell.
	rows := `<tr><td>2026年12月10日（木）18:30～20:30</td><td>例会</td><td>商工会館 3階 大会議室</td></tr>
<tr><td>2027年1月15日（金）18:00～20:00</td><td>新年会</td><td>ホテル大阪ベイ 2階 鳳凰の間</td></tr>
<tr><td>2027年2月18日（木）15:00～17:00</td><td>総会</td><td>商工会館 3階 大会議室</td></tr>
<tr><td>2027年3月11日（木）18:30～20:30</td><td>会員交流会</td><td>商工会館 1階 交流ホール</td></tr>
<tr><td colspan="3">2027年3月25日（木）18:30 臨時総会</td></tr>`
	page := func(header string) string {
		return `<html><body>
<h2>令和8年度 行事予定</h2>
<table class="gyoji" border="1">` + header + `
` + rows + `
</table>
<p>※ 行事はいずれも会員限定です。お問い合わせは事務局まで。</p>
</body></html>`
	}
	want := []string{"12-10 18:30 例会", "01-15 18:00 新年会", "02-18 15:00 総会", "03-11 18:30 会員交流会", "03-25 18:30 臨時総会"}
	for _, c := range []struct{ name, header string }{
		{"th header", `<thead><tr><th>日時</th><th>行事名</th><th>会場</th></tr></thead>`},
		{"td header", `<tr><td>日時</td><td>行事名</td><td>会場</td></tr>`},
	} {
		lp := autoItems(t, "https://www.example.jp/gyoji/", page(c.header))
		var got []string
		for _, it := range lp.Items {
			e := wholeEvent(t, it)
			got = append(got, e.StartsAt.Format("01-02 15:04")+" "+e.Title)
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s: items\n%s\nwant\n%s\nrefused %v", c.name, strings.Join(got, "; "), strings.Join(want, "; "), lp.Refused)
		}
		if len(lp.Refused) != 0 {
			t.Errorf("%s: refused %v", c.name, lp.Refused)
		}
	}
	// With its header row, of <th> cells or of <td>s as Office exports and
	// hand-made pages write it, the venue column is read too.
	for _, header := range []string{
		`<thead><tr><th>日時</th><th>行事名</th><th>会場</th></tr></thead>`,
		`<tr bgcolor="#003366"><td><font color="#FFFFFF">日時</font></td><td><font color="#FFFFFF">行事名</font></td><td><font color="#FFFFFF">会場</font></td></tr>`,
	} {
		lp := autoItems(t, "https://www.example.jp/gyoji/", page(header))
		if len(lp.Items) > 1 {
			if e := wholeEvent(t, lp.Items[1]); e.Venue != "ホテル大阪ベイ 2階 鳳凰の間" {
				t.Errorf("%s: venue %q", header, e.Venue)
			}
		}
	}
}

func TestHeaderCells(t *testing.T) {
	// A first row of <td>s is the header when its cells name the columns;
	// a row of an event, or of labels that name no date or title, is not.
	for _, c := range []struct {
		row  string
		want bool
	}{
		{`<tr><td>月日</td><td>事業名</td><td>場所</td><td>資料</td></tr>`, true},
		{`<tr><td>日</td><td>曜</td><td>時間</td><td>行事</td><td>場所</td><td>備考</td></tr>`, true},
		{`<tr><td>12月10日(木)</td><td>例会</td><td>商工会館</td></tr>`, false},
		{`<tr><td>例会</td><td>商工会館</td></tr>`, false},
		{`<tr><td>会場</td><td>時間</td></tr>`, false},
		{`<tr><td>会員の皆様へのお知らせと行事のご案内</td><td>場所</td></tr>`, false},
	} {
		doc := docOf(t, "<table>"+c.row+"</table>")
		if got := headerCells(elementChildren(doc.Find("tr").Nodes[0])); got != c.want {
			t.Errorf("%s: %v, want %v", c.row, got, c.want)
		}
	}
}

func TestCutTitleTime(t *testing.T) {
	for _, c := range []struct{ in, title, clock string }{
		{"18:30～ 役員会", "役員会", "18:30～"},
		{"18:30-20:30 ビジネス交流会", "ビジネス交流会", "18:30-20:30"},
		{"１８：３０〜２０：３０　忘年例会", "忘年例会", "１８：３０〜２０：３０"},
		{"午後6時半から 新春賀詞交歓会", "新春賀詞交歓会", "午後6時半から"},
		{"18時30分～20時 懇親会", "懇親会", "18時30分～20時"},
		{"7:00 朝活モーニングセミナー", "朝活モーニングセミナー", "7:00"},
		{"14:00｜創業セミナー", "創業セミナー", "14:00"},
		// Not a time before a title.
		{"10時間で学ぶ簿記入門講座", "10時間で学ぶ簿記入門講座", ""},
		{"24時間チャレンジ", "24時間チャレンジ", ""},
		{"18:30～", "18:30～", ""},
		{"2026年の経営を考える会", "2026年の経営を考える会", ""},
		{"第3回 交流会", "第3回 交流会", ""},
	} {
		title, clock := cutTitleTime(c.in)
		if title != c.title || clock != c.clock {
			t.Errorf("cutTitleTime(%q) = %q, %q; want %q, %q", c.in, title, clock, c.title, c.clock)
		}
	}
}

func TestAutoListOneCellRowTimes(t *testing.T) {
	// A 法人会 branch's schedule: one cell per row, the date, the time
	// and the name on one line; and a list whose items write the date on
	// a line of its own and the time before the name on the next. The
	// time is the event's, not part of its title.
	lp := autoItems(t, "https://www.example.jp/shibu/", `<html><body><div id="main">
<h2>支部行事予定（令和8年12月～令和9年1月）</h2>
<table class="yotei" border="1">
<tr><td>2026年12月3日（木）18:30～20:30 支部会員交流会・忘年会「一年を振り返って語り合う夕べ」</td></tr>
<tr><td>2026年12月17日（木）14:00～16:00 経営セミナー</td></tr>
<tr><td>2027年1月14日（木）18:00 新春賀詞交歓会</td></tr>
</table>
<h2>青年部の予定</h2>
<ul class="seinen">
<li><span class="hi">2026年12月9日（水）</span><br>19:00～21:00 青年部 勉強会「事業承継を考える」</li>
<li><span class="hi">2027年1月20日（水）</span><br>午後7時から 青年部 新年会</li>
</ul>
</div></body></html>`)
	var got []string
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		end := ""
		if !e.EndsAt.IsZero() {
			end = "-" + e.EndsAt.Format("15:04")
		}
		got = append(got, e.StartsAt.Format("2006-01-02 15:04")+end+" "+e.Title)
	}
	want := []string{
		"2026-12-03 18:30-20:30 支部会員交流会・忘年会「一年を振り返って語り合う夕べ」",
		"2026-12-17 14:00-16:00 経営セミナー",
		"2027-01-14 18:00 新春賀詞交歓会",
		"2026-12-09 19:00-21:00 青年部 勉強会「事業承継を考える」",
		"2027-01-20 19:00 青年部 新年会",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events\n%s\nwant\n%s\nrefused %v", strings.Join(got, "\n"), strings.Join(want, "\n"), lp.Refused)
	}
}

func TestAutoListAgendaDateBoxes(t *testing.T) {
	// A calendar plugin's agenda: each day a box of month, day and weekday
	// linking to that day's view, its events titled in a span with the
	// place after "@", the hours as "1月 14 @ 10:00 – 12:00", a 続きを読む
	// to the event's page and a category link. The toolbar above (views,
	// 今日, subscribe) shares the plugin's class prefix, a digit inside a
	// word (k2cal-) that is no number of an item; the pager has a
	// link back to the events before today and none forward.
	lp := autoItems(t, "https://www.example.jp/gyoji/", `<html><body><main>
<div class="k2cal-toolbar">
<div class="k2cal-views-dropdown k2cal-btn-group"><a href="/gyoji/action~month/">月</a></div>
<div class="k2cal-title-buttons k2cal-btn-toolbar"><a href="/gyoji/action~agenda/exact_date~1799000000/">今日</a> <span>2027年1月14日 – 2027年2月4日</span></div>
<div class="k2cal-subscribe-container k2cal-btn-group"><a href="https://www.google.com/calendar/render?cid=x">Google に追加</a></div>
</div>
<div class="k2cal-agenda">
<div class="k2cal-date">
<a class="k2cal-date-title" href="/gyoji/action~oneday/exact_date~1799852400/"><div class="k2cal-month">1月</div><div class="k2cal-day">14</div><div class="k2cal-weekday">木</div></a>
<div class="k2cal-date-events"><div class="k2cal-event">
<span class="k2cal-event-title">新春 経営者セミナー <span class="k2cal-event-location">@ 例会館 2F ホール</span></span>
<div class="k2cal-event-time">1月 14 @ 10:00 – 12:00</div>
<div class="k2cal-event-description">年頭にあたり、経営計画の立て方を学びます。</div>
<a class="k2cal-read-more" href="/event/shinshun-seminar/?instance_id=301">続きを読む</a>
<a class="k2cal-category" href="/gyoji/cat_ids~4/">セミナー</a>
</div></div>
</div>
<div class="k2cal-date">
<a class="k2cal-date-title" href="/gyoji/action~oneday/exact_date~1800457200/"><div class="k2cal-month">1月</div><div class="k2cal-day">21</div><div class="k2cal-weekday">木</div></a>
<div class="k2cal-date-events"><div class="k2cal-event">
<span class="k2cal-event-title">1月例会 <span class="k2cal-event-location">@ 例ホテル 3F 宴会場</span></span>
<div class="k2cal-event-time">1月 21 @ 18:30 – 20:30</div>
<div class="k2cal-event-description">会員スピーチと懇親会。</div>
<a class="k2cal-read-more" href="/event/reikai-2701/?instance_id=305">続きを読む</a>
<a class="k2cal-category" href="/gyoji/cat_ids~3/">例会</a>
</div></div>
</div>
<div class="k2cal-date">
<a class="k2cal-date-title" href="/gyoji/action~oneday/exact_date~1801062000/"><div class="k2cal-month">2月</div><div class="k2cal-day">4</div><div class="k2cal-weekday">木</div></a>
<div class="k2cal-date-events"><div class="k2cal-event k2cal-allday">
<span class="k2cal-event-title">ものづくり展示商談会 <span class="k2cal-event-location">@ 例産業会館 展示場</span></span>
<div class="k2cal-event-time">2月 4 – 2月 5 <span>終日</span></div>
<a class="k2cal-read-more" href="/event/tenji-2027/?instance_id=310">続きを読む</a>
<a class="k2cal-category" href="/gyoji/cat_ids~5/">展示会</a>
</div></div>
</div>
</div>
<div class="k2cal-pagination"><a class="k2cal-prev-page" href="/gyoji/action~agenda/page_offset~-1/"><i class="fa fa-chevron-left"></i></a> <span class="k2cal-next-page disabled"><i class="fa fa-chevron-right"></i></span></div>
</main></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link+" "+cmp.Or(it.Fields[FieldDate], it.Fields[fieldListDate]))
	}
	want := "https://www.example.jp/event/shinshun-seminar/?instance_id=301 1月 14 @ 10:00 – 12:00; " +
		"https://www.example.jp/event/reikai-2701/?instance_id=305 1月 21 @ 18:30 – 20:30; " +
		"https://www.example.jp/event/tenji-2027/?instance_id=310 2月 4 – 2月 5 終日"
	if strings.Join(got, "; ") != want {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
	if want := []string{"https://www.example.jp/gyoji/action~agenda/page_offset~-1/"}; !slices.Equal(lp.Next, want) {
		t.Errorf("next %q, want %q (the events before today)", lp.Next, want)
	}
}

func TestAutoListNoEarlierPageWithNext(t *testing.T) {
	// A list with a page after it reads forward only: its link to the
	// page before (a month calendar's 前月, a pager's «) is not followed.
	lp := autoItems(t, "https://www.example.jp/event/list/page/2/", `<html><body><main>
<ul class="events">
<li><a href="/event/a/">12月例会</a> 2026年12月9日（水）18:30～</li>
<li><a href="/event/b/">新春交流会</a> 2027年1月13日（水）18:30～</li>
</ul>
<div class="pager"><a class="prev" href="/event/list/">« 前へ</a> <a class="next" rel="next" href="/event/list/page/3/">次へ »</a></div>
</main></body></html>`)
	if want := []string{"https://www.example.jp/event/list/page/3/"}; !slices.Equal(lp.Next, want) {
		t.Errorf("next %q, want %q", lp.Next, want)
	}
}

func TestNumberedClass(t *testing.T) {
	for c, want := range map[string]bool{"post-123": true, "event-5": true, "mt20": true, "col-md-3": true, "m202612": true,
		"ai1ec-date": false, "h2title": false, "card": false} {
		if got := numbered(c); got != want {
			t.Errorf("numbered(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestAutoListPastMeetingsSharingAReport(t *testing.T) {
	// A branch's hand-written page: past meetings as <dl> rows, the date
	// alone in the <dt>, and in the <dd> the speaker, the hall after a
	// slash, the attendance and a link every row shares to one page of
	// reports. Each row is the whole event.
	page := `<html><head><title>例会・行事のご案内｜例同友会 例支部</title></head><body><div id="contents">
<h3>過去の例会（2026年度）</h3>
<dl class="reikai past">
<dt><span class="date">11月19日（木）</span>　11月例会「デジタル化は誰のため？ 現場が変わった3年間」</dt>
<dd>報告者：株式会社例紙工　専務取締役　北野 拓 氏　／　会場：東淀川区民会館　参加者31名　<a href="report.html">報告を読む</a></dd>
<dt><span class="date">10月15日（木）</span>　10月例会「下請けからの脱却 〜自社製品開発への挑戦〜」</dt>
<dd>報告者：株式会社例プレス　代表取締役　森田 直人 氏　／　会場：東淀川区民会館　参加者28名　<a href="report.html">報告を読む</a></dd>
<dt><span class="date">9月17日（木）</span>　9月例会「社長、その後継者育成で大丈夫ですか？」</dt>
<dd>報告者：グループ討論形式（支部幹事会）　／　会場：淀川区民センター　参加者25名　<a href="report.html">報告を読む</a></dd>
</dl></div></body></html>`
	lp := AutoList(docOf(t, page), mustURL("https://www.example.jp/reikai.html"), func(h string) bool { return h == "www.example.jp" }, goldenRef)
	want := []struct{ title, venue string }{
		{"11月例会「デジタル化は誰のため？ 現場が変わった3年間」", "東淀川区民会館"},
		{"10月例会「下請けからの脱却 〜自社製品開発への挑戦〜」", "東淀川区民会館"},
		{"9月例会「社長、その後継者育成で大丈夫ですか？」", "淀川区民センター"},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(lp.Items), len(want), lp.Items)
	}
	for i, w := range want {
		it := lp.Items[i]
		if !it.Whole || it.Fields[FieldTitle] != w.title || it.Fields[FieldVenue] != w.venue {
			t.Errorf("item %d: whole %v, title %q, venue %q; want %q, %q", i, it.Whole, it.Fields[FieldTitle], it.Fields[FieldVenue], w.title, w.venue)
		}
	}
}

func TestPastTabsNamedForTheSiteEvents(t *testing.T) {
	// A chamber's tabs name its events by what they are: the past tab is
	// 終了したセミナー・イベント, or 過去の講座; 開催予定の講座 is the page itself.
	page := `<html><body><div class="c-tabs" data-v-3f1a2b7c>
<a href="/seminar/" class="c-tabs__item is-active" data-v-3f1a2b7c>開催予定のセミナー・イベント</a>
<a href="/seminar/?tab=end" class="c-tabs__item" data-v-3f1a2b7c>終了したセミナー・イベント</a></div>
<ul class="tabs"><li><a href="/kouza/">開催予定の講座</a></li><li><a href="/kouza/past/">過去の講座</a></li></ul>
<p><a href="/seminar/report/">セミナー報告</a> <a href="/about/end/">事業の終了について</a></p></body></html>`
	got := pastTabs(docOf(t, page), mustURL("https://www.example.jp/seminar/"), mustURL("https://www.example.jp/seminar/"),
		func(h string) bool { return h == "www.example.jp" }, nil)
	want := []string{"https://www.example.jp/seminar/?tab=end", "https://www.example.jp/kouza/past/"}
	if !slices.Equal(got, want) {
		t.Errorf("past tabs %q, want %q", got, want)
	}
}

// A body's ceremonies and parties are gatherings: a 青年部's 卒業式, a
// 周年 celebration, a 新会員 welcome; a firm's name or a method is none.
func TestNamesGatheringCeremonies(t *testing.T) {
	for _, s := range []string{"令和8年度 卒業式", "創立50周年記念式典", "新入会員 入会式", "会員表彰式・祝賀会", "クリスマスパーティー", "新春賀詞交歓会"} {
		if !namesGathering(s) {
			t.Errorf("%q: no gathering", s)
		}
	}
	for _, s := range []string{"株式会社例示 会社案内", "申込方式の変更について", "年末年始休業のお知らせ"} {
		if namesGathering(s) {
			t.Errorf("%q: a gathering", s)
		}
	}
}

// A community's page lists its news (<ul class="ms-news-list">), each
// item dated when it was posted and linking no page, beside its events:
// no news item is an event, whatever gathering it names.
func TestAutoListNewsItemsAreNoEvents(t *testing.T) {
	page := `<html><head><title>例エンジニア会 | コミュニティ</title></head><body>
<section class="ms-section ms-community-news"><h2>お知らせ</h2><ul class="ms-news-list">
<li class="ms-news-list__item"><p class="ms-news-list__date"><time datetime="2026-12-02T09:14:00+09:00">2026/12/02</time></p>
<p class="ms-news-list__title">12/12(土) の生成AIハンズオンは中止になりました</p>
<div class="ms-news-list__body"><p>講師の体調不良のため中止とさせていただきます。</p></div></li>
<li class="ms-news-list__item"><p class="ms-news-list__date"><time datetime="2026-11-20T12:05:00+09:00">2026/11/20</time></p>
<p class="ms-news-list__title">Meetup #4 のLT枠を募集しています</p>
<div class="ms-news-list__body"><p>12月のMeetupはLT大会です。LT枠は6名、先着順です。</p></div></li></ul></section>
<section class="ms-section ms-community-events"><h2>開催予定のイベント</h2><ul class="ms-event-list">
<li class="ms-event-card"><a href="/event/40355"><p class="ms-event-card__date">2026/12/16(水) 19:30〜21:30</p><h3>例エンジニア Meetup #4</h3></a></li>
<li class="ms-event-card"><a href="/event/40356"><p class="ms-event-card__date">2026/12/17(木) 19:00〜21:30</p><h3>もくもく会 #4</h3></a></li>
</ul></section></body></html>`
	lp := autoItems(t, "https://www.example.jp/community/ex", page)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
	}
	if want := []string{"例エンジニア Meetup #4", "もくもく会 #4"}; !slices.Equal(titles, want) {
		t.Errorf("items %q, want %q", titles, want)
	}
}

// A single-page app's shell: an empty <div id="app"> and, for readers
// without scripts, a <noscript> list of the coming events. The list is
// read as a browser without scripts shows it; a tracking pixel's
// <noscript> is no list.
func TestAutoListNoscriptList(t *testing.T) {
	page := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8" /><title>一般社団法人 例建築設計事務所協会</title>
<script type="module" crossorigin src="/assets/index-C2KjZ75f.js"></script></head>
<body><noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX" height="0" width="0"></iframe></noscript>
<noscript><div class="noscript-message"><p>このサイトをご覧いただくには JavaScript を有効にしてください。</p><h2>今後の研修会・イベント</h2><ul>
<li>2026年12月11日（金）14:00～ <a href="/events/124/">研修会「建築紛争と設計者の責任」</a>【満席】</li>
<li>2027年1月15日（金）17:30～ <a href="/events/127/">会員交流会「令和9年 新春賀詞交歓会」</a></li>
</ul></div></noscript><div id="app"></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/events/", page)
	var links []string
	for _, it := range lp.Items {
		links = append(links, it.Link)
	}
	if want := []string{"https://www.example.jp/events/124/", "https://www.example.jp/events/127/"}; !slices.Equal(links, want) {
		t.Errorf("items %q, want %q", links, want)
	}
}

// A city's page of its newsletter's issues: each issue's HTML page is
// read as a list of what it announces; its PDF is not, nor is an issue
// with a PDF alone, nor the page's other links.
func TestAutoListNewsletterIssues(t *testing.T) {
	page := `<html><head><title>広報とよなか｜例市</title></head><body><div id="tmp_contents"><h1>広報とよなか</h1>
<p>市の広報紙「広報とよなか」は毎月1日に発行しています。</p>
<h2>令和9年（2027年）</h2><ul><li>1月号（令和9年1月1日発行）　<a href="/koho/2027/202701.html">HTML版</a>　<a href="/koho/2027/202701_all.pdf">PDF版（PDF：10,482KB）</a></li></ul>
<h2>令和8年（2026年）</h2><ul><li>12月号（令和8年12月1日発行）　<a href="/koho/2026/202612.html">HTML版</a>　<a href="/koho/2026/202612_all.pdf">PDF版（PDF：9,871KB）</a></li>
<li>11月号（令和8年11月1日発行）　<a href="/koho/2026/202611_all.pdf">PDF版（PDF：11,206KB）</a></li></ul>
<h2>関連情報</h2><ul><li><a href="/koho/haifu.html">広報とよなかの配布について</a></li></ul></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/koho/index.html", page)
	want := []string{"https://www.example.jp/koho/2027/202701.html", "https://www.example.jp/koho/2026/202612.html"}
	if len(lp.Items) != 0 || !slices.Equal(lp.Next, want) {
		t.Errorf("items %d, next %q; want none and the two issues' pages %q", len(lp.Items), lp.Next, want)
	}
}

// A city newsletter's issue: articles under headings, each with ■日時
// lines. Its seminar is an event; a counter open on a Sunday, a
// building's works and a rule that changes are notices, though dated.
func TestAutoListNewsletterNotices(t *testing.T) {
	page := `<html><head><title>広報とよなか 令和9年1月号｜例市</title></head><body><div id="tmp_contents"><h1>広報とよなか 令和9年1月号</h1>
<h2>事業者の方へ</h2>
<h3>EC・ネットショップ活用セミナー</h3><p>自社の商品をネットで売りたい事業者向けのオンラインセミナーです。</p>
<p>■日時　1月27日（水曜日）午後7時～8時30分<br>■場所　オンライン（Zoom）<br>■定員　50人（先着順）</p><p>「問合せ」産業振興課　電話06-6XXX-XXXX</p>
<h2>お知らせ</h2>
<h3>マイナンバーカードの休日臨時窓口</h3><p>平日に来庁できない人のために、休日に窓口を開設します。</p>
<p>■日時　1月17日（日曜日）午前9時～午後5時<br>■場所　市役所第一庁舎1階 市民課</p><p>「問合せ」市民課　電話06-6XXX-XXXX</p>
<h3>市役所第一庁舎のエレベーターを改修します</h3><p>1月12日（火曜日）から2月26日（金曜日）まで、東側のエレベーターが使えません。</p><p>「問合せ」総務課　電話06-6XXX-XXXX</p>
<h3>粗大ごみの申込方法が変わります</h3><p>2月1日（月曜日）から、インターネットでも申し込めます。</p><p>「問合せ」減量推進課　電話06-6XXX-XXXX</p>
</div></body></html>`
	lp := autoItems(t, "https://www.example.jp/koho/2027/202701.html", page)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
	}
	if want := []string{"EC・ネットショップ活用セミナー"}; !slices.Equal(titles, want) {
		t.Errorf("items %q, want %q (refused %q)", titles, want, lp.Refused)
	}
}

// A portal's search result for one ward lists its events as cards, then a
// box of events of the wards around it, which the page says are not among
// the results (近隣のイベント … 検索結果には含まれません): those are not the
// source's.
func TestAutoListNearbyAreasBoxIsNotTheList(t *testing.T) {
	card := func(id, title, when string) string {
		return `<li class="p-result-list__item"><article class="c-card c-card--event">
<div class="c-card__head"><span class="c-label c-label--event">イベント</span></div>
<h3 class="c-card__title"><a href="/events/` + id + `">` + title + `</a></h3>
<dl class="c-card__meta"><div class="c-card__meta-row"><dt>開催日時</dt><dd>` + when + `</dd></div></dl>
<div class="c-card__foot"><a class="c-card__more" href="/events/` + id + `">詳細を見る</a></div></article></li>`
	}
	page := `<html><head><title>検索結果｜おおさか例ポータル</title></head><body><main class="l-main">
<h1 class="c-heading">イベント・支援情報を探す</h1><p>検索結果 3件中 1〜3件を表示</p>
<ul class="p-result-list">` + card("12873", "インボイス・電子帳簿保存 実務対応セミナー", "2026/12/08（火） 15:00〜17:00") +
		card("12901", "中央区異業種交流会 12月例会", "2026/12/10（木） 18:30〜20:30") +
		card("12958", "新春ビジネス交流会 2027", "2027/01/14（木） 18:00〜20:00") + `</ul>
<section class="p-nearby"><h2 class="c-heading c-heading--lv2">近隣のイベント</h2>
<p class="p-nearby__lead">大阪市中央区の近くで開催されるイベントです（検索結果には含まれません）。</p>
<ul class="p-result-list p-result-list--nearby">` + card("12895", "うめきたスタートアップ・ピッチナイト Vol.12", "2026/12/09（水） 19:00〜21:00") +
		card("12944", "西区ものづくり企業 見学交流会", "2026/12/16（水） 15:00〜17:00") + `</ul></section></main></body></html>`
	lp := autoItems(t, "https://biz.example.jp/search/?area=chuo", page)
	var links []string
	for _, it := range lp.Items {
		links = append(links, strings.TrimPrefix(it.Link, "https://biz.example.jp"))
	}
	if want := []string{"/events/12873", "/events/12901", "/events/12958"}; !slices.Equal(links, want) {
		t.Errorf("items %q, want the three results only", links)
	}
}

// A city's event calendar listed by day, filtered by category: its box of
// category links (?cate=8) lists again, and its note on what it shows
// (…を掲載しています。…表示されません。) is no event.
func TestAutoListCityCalendarCategoriesAndNote(t *testing.T) {
	page := `<html><head><title>イベントカレンダー（一覧表示）｜例川市</title></head><body><div id="main">
<h1>イベントカレンダー</h1>
<div class="cal_category"><p class="cal_category_ttl">カテゴリで絞り込む</p><ul>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=11&amp;cate=0">すべて</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=11&amp;cate=1">講座・教室</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=11&amp;cate=8">市民活動・その他</a></li></ul></div>
<h2 class="cal_month_ttl">2026年11月</h2>
<div class="cal_list"><div class="event_day"><h3 class="day_ttl">11月20日（金曜日）</h3>
<div class="event_item"><p class="event_ttl"><a href="/sangyo/shoko/1009102.html">中小企業DX推進セミナー「今日からはじめる業務のデジタル化」</a></p>
<dl class="event_data"><dt>開催日</dt><dd>2026年11月20日（金曜日）</dd><dt>場所</dt><dd>例川ビジネスプラザ</dd></dl></div></div></div>
<div class="cal_note"><p>イベントカレンダーには、前月から2027年3月（令和8年度末）までのイベントを掲載しています。前月より前のイベントは表示されません。</p>
<p>複数日にわたって開催するイベントは、開催期間の初日（月をまたぐ場合はその月の1日）に表示しています。</p></div>
</div></body></html>`
	lp := autoItems(t, "https://www.city.example.jp/event/calendar.php?mode=list&y=2026&m=11&cate=6", page)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
	}
	if want := []string{"中小企業DX推進セミナー「今日からはじめる業務のデジタル化」"}; !slices.Equal(titles, want) {
		t.Errorf("items %q, want %q", titles, want)
	}
}

// A calendar's month without events, read as a start page, is no event's
// own page: its name is the calendar's.
func TestAutoStartEmptyCalendarMonth(t *testing.T) {
	page := `<html><head><title>イベントカレンダー（一覧表示）｜例川市</title></head><body><div id="main">
<h1>イベントカレンダー</h1><h2>2027年3月</h2><p class="cal_count">3月のイベント：0件</p>
<p>開催日時：各イベントのページでご確認ください。更新日：2026年11月30日</p></div></body></html>`
	lp := autoStart(docOf(t, page), mustURL("https://www.city.example.jp/event/calendar.php?y=2027&m=3"), func(string) bool { return true }, goldenRef)
	if len(lp.Items) != 0 {
		t.Errorf("items %v, want none", lp.Items)
	}
}

// A link-in-bio page's buttons carry the event's name, then a call to
// follow them: that call is no part of the name.
func TestCleanTitleCallToAction(t *testing.T) {
	for in, want := range map[string]string{
		"2月定例会＠本町 ▶詳細・お申込み":          "2月定例会＠本町",
		"忘年異業種交流会＠梅田 ▶お申込み":          "忘年異業種交流会＠梅田",
		"第38回 定例交流会 レポートはこちら📷":       "第38回 定例交流会",
		"第39回 定例交流会 ご参加ありがとうございました📷": "第39回 定例交流会",
		"▶お申込み": "▶お申込み",
		"経営セミナー「詳細はこちらから考える」": "経営セミナー「詳細はこちらから考える」",
	} {
		if got := cleanTitle(in); got != want {
			t.Errorf("cleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// A blog's archive of a month with no post in it, read as a list page, is
// no event's page either.
func TestAutoStartEmptyMonthArchive(t *testing.T) {
	page := `<html><head><title>2026年12月 &#8211; 例倫理法人会</title></head><body class="archive date"><main>
<h1 class="c-page-header__title">2026年12月</h1>
<ul class="c-entries c-entries--text">
<li class="c-entries__item"><a href="/archives/1301/"><section class="c-entry-summary"><div class="c-entry-summary__body">
<h2 class="c-entry-summary__title">会報「例りんり」12月号を発行しました</h2>
<div class="c-entry-summary__content">会報12月号を発行しました。今月号は、12月10日の経営者の集いのご案内、年末年始の休会日などを掲…</div>
<div class="c-entry-summary__meta"><ul class="c-meta"><li class="c-meta__item c-meta__item--published">公開日 2026年12月3日</li><li class="c-meta__item">お知らせ</li></ul></div></div></section></a></li>
<li class="c-entries__item"><a href="/archives/1298/"><section class="c-entry-summary"><div class="c-entry-summary__body">
<h2 class="c-entry-summary__title">年末年始の事務局休業について</h2>
<div class="c-entry-summary__content">休業期間 2026年12月26日（土）〜2027年1月5日（火）</div>
<div class="c-entry-summary__meta"><ul class="c-meta"><li class="c-meta__item c-meta__item--published">公開日 2026年12月1日</li></ul></div></div></section></a></li>
</ul></main></body></html>`
	lp := autoStart(docOf(t, page), mustURL("https://www.example.jp/archives/date/2026/12/"), func(string) bool { return true }, goldenRef)
	if len(lp.Items) != 0 {
		t.Errorf("items %v, want none", lp.Items)
	}
}

// A link-in-bio page (a React app styled by CSS Modules): each card's
// name and description are spans the style sheet sets on lines of their
// own, the description keeps the line breaks its writer typed, and a text
// block names a meeting under a pictograph.
func TestAutoListLinkInBioCards(t *testing.T) {
	card := func(href, title, desc string) string {
		return `<div class="Block_block__Zq81x"><div class="LinkCard_wrap__Tn4Qe"><a class="LinkCard_card__p0Wd2 sc-1a2b3c4d-0 hYtRbq" href="` + href +
			`" target="_blank" rel="noopener noreferrer"><span class="LinkCard_thumb__Kp3sA"><img alt="" src="https://cdn.example.net/t.webp"/></span>` +
			`<span class="LinkCard_body__m7Vx1"><span class="LinkCard_title__R5jLw">` + title + `</span><span class="LinkCard_desc__c2HgN">` + desc +
			`</span></span></a></div></div>`
	}
	page := `<!DOCTYPE html><html lang="ja"><head><title>なにわ朝活会｜天満橋の朝活交流会 | linkpage</title></head><body><div id="__next"><main class="Profile_main__w2Pq0">` +
		`<h1 class="Profile_name__b8Nc3">なにわ朝活会｜天満橋の朝活交流会</h1>` +
		`<section class="Profile_blocks__s6Fd9"><div class="Block_block__Zq81x"><h2 class="sc-9f8e7d6c-0 gKqWzt">受付中のイベント</h2></div>` +
		card("https://forms.gle/Ab3dEf6hJk", "12/16(水) 年忘れ朝活交流会＠天満橋 ▶お申込み",
			"第25回は年忘れスペシャル☕\n7:00〜8:30（受付6:45〜）｜天満橋 カフェ・ソレイユ 2F\n会費1,500円（モーニング付）｜申込締切 12/12(土)") +
		card("https://tixia.example.com/event/55123/view", "1/20(水) 新春朝活交流会 満席御礼", "第26回定例会｜キャンセル待ちはLINEへ") +
		card("https://forms.gle/Qw8eRt5yUi", "【中止】12/9(水) 朝活ミニ交流会 7:00〜8:00", "📍天満橋 カフェ・ソレイユ 2F\n※会場都合により中止となりました") +
		card("https://tixia.example.com/event/55190/view", "2/27(土)〜28(日) 朝活メンバー合宿＠白浜 ▶詳細・お申込み", "白浜 ホテル潮風｜定員12名") +
		`<div class="Block_block__Zq81x"><p class="sc-2b3c4d5e-0 fQwErt TextBlock_text__H4kLm">🗓 3/17(水) 第28回 朝活交流会（天満橋）` + "\n" +
		`※お申込み受付は2/17(水)〜。LINEで先行案内します</p></div></section></main></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/naniwa-asakatsu", page)
	type got struct{ title, start, end string }
	var have []got
	for _, it := range lp.Items {
		e := wholeEvent(t, ListItem{Link: it.Link, Fields: it.Fields, Whole: true})
		end := ""
		if !e.EndsAt.IsZero() {
			end = jst(e.EndsAt)
		}
		have = append(have, got{e.Title, jst(e.StartsAt), end})
	}
	want := []got{
		{"年忘れ朝活交流会", "2026-12-16 07:00", "2026-12-16 08:30"},
		{"新春朝活交流会", "2027-01-20 00:00", ""},
		{"【中止】朝活ミニ交流会", "2026-12-09 07:00", "2026-12-09 08:00"},
		{"朝活メンバー合宿", "2027-02-27 00:00", "2027-02-28 00:00"},
		{"第28回 朝活交流会（天満橋）", "2027-03-17 00:00", ""},
	}
	if !slices.Equal(have, want) {
		t.Errorf("events\n%q\nwant\n%q", have, want)
	}
}

// A group page shows a few of its events and links the rest as See all:
// the links whose addresses name events are read as list pages too, not
// the one to the members.
func TestMoreScheduleSeeAll(t *testing.T) {
	page := `<html><body><main>
<section><div class="flex justify-between"><h2>Upcoming events (8)</h2><a href="/groups/example-biz?tab=events" class="text-sm">See all</a></div>
<ul><li><a href="/events/1001"><time datetime="2026-12-16T10:00:00.000Z">Wed, Dec 16 · 7:00 PM JST</time> Monthly Mixer #24</a></li></ul></section>
<section><div class="flex"><h2>Past events (4)</h2><a href="/groups/example-biz?tab=past">See all</a></div></section>
<section><div class="flex"><h2>Members (1,284)</h2><a href="/groups/example-biz/members">See all</a></div></section>
<section><h2>Photos</h2><a href="/groups/example-biz/photos">すべて見る</a></section>
</main></body></html>`
	base := mustURL("https://www.example.jp/groups/example-biz")
	got := moreSchedule(docOf(t, page), base, base, func(string) bool { return true }, nil)
	want := []string{"https://www.example.jp/groups/example-biz?tab=events", "https://www.example.jp/groups/example-biz?tab=past"}
	if !slices.Equal(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
}

// A list of past events titled in English (Founders Meetup #7, Pitch
// Night vol.3) is a list of gatherings, as one titled 交流会 is; a list of
// members is not.
func TestGatheringsInEnglish(t *testing.T) {
	for page, want := range map[string]bool{
		`<ul><li><a href="/events/m7">Nov 12, 2026 · 19:00 Founders Meetup #7 資金調達のリアル</a></li>
<li><a href="/events/p3">Oct 22, 2026 · 19:00 OGIMACHI Pitch Night vol.3</a></li>
<li><a href="/events/w1">Nov 28, 2026 · 13:00 PMF Workshop：顧客インタビュー設計</a></li></ul>`: true,
		`<ul><li><a href="/members/1">Taro Example, CEO of Example Inc.</a></li>
<li><a href="/members/2">Hanako Sample, founder of Sample Labs</a></li>
<li><a href="/members/3">Jiro Test, CTO of Test Works</a></li></ul>`: false,
	} {
		doc := docOf(t, "<html><body>"+page+"</body></html>")
		l := &listReader{doc: doc, page: mustURL("https://www.example.jp/events/"), base: mustURL("https://www.example.jp/events/"),
			allowed: func(string) bool { return true }, ref: goldenRef}
		sets := findRecordSets(doc.Find("body").Nodes[0])
		if len(sets) != 1 {
			t.Fatalf("%d sets, want the list", len(sets))
		}
		if got := l.gatherings(sets[0]); got != want {
			t.Errorf("gatherings %v, want %v: %s", got, want, page)
		}
	}
}

// Events Manager's month calendar lists a day's events in its cell, three
// on one day; the day's number links the day's page. Each event is read
// from its own page.
func TestAutoListMonthGridCellOfSeveralEvents(t *testing.T) {
	page := `<html><head><title>行事予定 | 例経営者の会</title></head><body><main><h1>行事予定</h1>
<table class="em-calendar fullcalendar"><thead><tr><td><a class="em-calnav" href="/gyoji/?mno=11&amp;yno=2026">&laquo; 11月</a></td><td class="month_name" colspan="5">12月 2026</td><td><a class="em-calnav" href="/gyoji/?mno=1&amp;yno=2027">1月 &raquo;</a></td></tr></thead>
<tbody><tr class="days-names"><td>日</td><td>月</td><td>火</td><td>水</td><td>木</td><td>金</td><td>土</td></tr>
<tr><td class="eventless-pre">29</td><td class="eventless-pre">30</td><td class="eventless">1</td>
<td class="eventful"><a href="/events/benkyokai/">2</a><ul><li><a href="/events/benkyokai/">経営勉強会「価格転嫁の進め方」</a></li></ul></td>
<td class="eventless">3</td><td class="eventless">4</td><td class="eventless">5</td></tr>
<tr><td class="eventless">6</td><td class="eventless">7</td><td class="eventless">8</td><td class="eventless">9</td>
<td class="eventful"><a href="/events/2026-12-10/">10</a><ul><li><a href="/events/yakuinkai/">12月度 役員会</a></li><li><a href="/events/orientation/">新入会員オリエンテーション</a></li><li><a href="/events/bonenkai/">12月例会・忘年会</a></li></ul></td>
<td class="eventless">11</td><td class="eventless">12</td></tr>
<tr><td class="eventless">13</td><td class="eventless">14</td><td class="eventless">15</td><td class="eventless">16</td><td class="eventless">17</td><td class="eventless">18</td>
<td class="eventful"><a href="/events/kengaku/">19</a><ul><li><a href="/events/kengaku/">【中止】ものづくり工場見学会</a></li></ul></td></tr>
<tr><td class="eventless">20</td><td class="eventless">21</td><td class="eventless">22</td><td class="eventless">23</td><td class="eventless">24</td><td class="eventless">25</td><td class="eventless">26</td></tr>
</tbody></table></main></body></html>`
	lp := autoItems(t, "https://www.example.jp/gyoji/", page)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
	}
	want := []string{"https://www.example.jp/events/benkyokai/", "https://www.example.jp/events/yakuinkai/", "https://www.example.jp/events/orientation/",
		"https://www.example.jp/events/bonenkai/", "https://www.example.jp/events/kengaku/"}
	if !slices.Equal(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
}

// A 区民センター's 催し物 table lists its own events, the rooms groups
// have booked, and the day bookings for an event open: the rooms booked
// for a slot (午前, 夜間) and the opening of bookings are not events; a
// group's meeting with its hours is.
func TestAutoListFacilityBookings(t *testing.T) {
	page := `<html><head><title>今月の催し物｜例区民センター</title></head><body><div id="main"><h1>今月の催し物（令和8年12月）</h1>
<table class="moyooshi"><tr><th>日</th><th>時間</th><th>催し物</th><th>会場</th></tr>
<tr><td>12月1日（火）</td><td>夜間</td><td class="name">例謡曲会 例会（貸室）</td><td>和室</td></tr>
<tr><td>12月3日（木）</td><td>18:30～20:30</td><td class="name">例ものづくり研究会　例会（貸室）</td><td>会議室1</td></tr>
<tr><td>12月5日（土）</td><td>13:00～16:00</td><td class="name">貸室（団体利用）</td><td>ホール</td></tr>
<tr><td>12月9日（水）</td><td>14:00～16:00</td><td class="name"><a href="/moyooshi/detail/351.html">創業セミナー「はじめての事業計画」</a></td><td>会議室2</td></tr>
<tr><td>12月15日（火）</td><td>9:30～</td><td class="name"><a href="/moyooshi/detail/354.html">無料税務相談会</a>　予約受付開始</td><td>事務室</td></tr>
<tr><td>12月21日（月）</td><td>13:00～16:00</td><td class="name"><a href="/moyooshi/detail/354.html">無料税務相談会（要予約）</a></td><td>会議室1</td></tr>
</table></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/moyooshi/", page)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Fields[FieldTitle])
	}
	want := []string{"例ものづくり研究会 例会（貸室）", "創業セミナー「はじめての事業計画」", "無料税務相談会（要予約）"}
	if !slices.Equal(got, want) {
		t.Errorf("items %q, want %q (refused %v)", got, want, lp.Refused)
	}
}

// A facility's 催し物 page links the next month's as 来月の催し物; a
// calendar's as 1月 »; a pager's as 次へ. Each is the list's next page.
func TestAutoNextMonthLinks(t *testing.T) {
	for link, want := range map[string]string{
		`<li><a href="/moyooshi/?ym=202701">来月の催し物</a></li>`:     "https://www.example.jp/moyooshi/?ym=202701",
		`<a class="next" href="/gyoji/?y=2027&amp;m=1">1月 »</a>`: "https://www.example.jp/gyoji/?y=2027&m=1",
		`<a href="/news/?page=2">次へ</a>`:                         "https://www.example.jp/news/?page=2",
		`<a href="/about/raigetsu.html">来月号の会報について詳しく</a>`:       "",
	} {
		doc := docOf(t, `<html><body><main><h1>催し物</h1><ul>`+link+`</ul></main></body></html>`)
		got := autoNext(doc, mustURL("https://www.example.jp/moyooshi/"), func(string) bool { return true })
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%s: next %q, want %q", link, got, want)
		}
	}
}
