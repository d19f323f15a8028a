package crawler

import (
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// A list whose finished events are lines of a date and a title, without
// a link.
func TestAutoListDateTitleLines(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/seminar/", `<html><body><main><article><h1>セミナー情報</h1>
<h2>開催予定</h2>
<div class="sem"><p class="sem-date">2026年12月10日（木）13:30～15:30</p><h3>インボイス制度 実務セミナー</h3>
<p>会場：例会館 2階 研修室<br><a href="/files/seminar1210.pdf">チラシ（PDF）</a></p></div>
<div class="sem"><p class="sem-date">2027年1月21日（木）14:00～16:00</p><h3>はじめての補助金活用講座</h3>
<p>会場：例会館 2階 研修室<br><a href="https://forms.gle/exampleX">申込フォーム</a></p></div>
<h2>これまでのセミナー</h2>
<ul class="past"><li>2026年11月12日（木）　SNS活用 入門セミナー</li><li>2026年10月8日（木）　事業計画のつくり方講座</li></ul>
</article></main></body></html>`)
	want := map[string]time.Time{
		"インボイス制度 実務セミナー": tokyo(2026, 12, 10, 13, 30),
		"はじめての補助金活用講座":   tokyo(2027, 1, 21, 14, 0),
		"SNS活用 入門セミナー":   time.Date(2026, 11, 12, 0, 0, 0, 0, event.Tokyo),
		"事業計画のつくり方講座":    time.Date(2026, 10, 8, 0, 0, 0, 0, event.Tokyo),
	}
	got := map[string]time.Time{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = e.StartsAt
	}
	if len(got) != len(want) {
		t.Errorf("items %v, want %v", got, want)
	}
	for title, start := range want {
		if s, ok := got[title]; !ok || !s.Equal(start) {
			t.Errorf("%s: start %v (found %v), want %v", title, s, ok, start)
		}
	}
}

// A section of past events that holds one card of the same shape as the
// upcoming ones: a list of one, read with them.
func TestAutoListLoneCardOfTheList(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/event/", `<html><body><main class="ev">
<h2>COMING UP</h2><div class="ev-list">
<a class="ev-item" href="/event/1212-lt/"><div class="ev-item__day"><span>SAT</span><span>12/12</span></div><h3 class="ev-item__name">年末LTナイト</h3><p>18:30-21:00 / 3F ホール</p></a>
<a class="ev-item" href="/event/1219-mokumoku/"><div class="ev-item__day"><span>SAT</span><span>12/19</span></div><h3 class="ev-item__name">土曜もくもく会</h3><p>10:00-17:00 / 2F ラウンジ</p></a>
</div>
<h2>ARCHIVE</h2><div class="ev-list ev-list--past">
<a class="ev-item ev-item--past" href="/event/1114-design/"><div class="ev-item__day"><span>SAT</span><span>11/14</span></div><h3 class="ev-item__name">デザイン思考ワークショップ</h3><p>13:00-16:00 / 3F ホール</p></a>
</div>
<div class="notice"><h2>年末年始の休館</h2><p>12/29（火）～1/3（日）は休館します。</p></div>
</main></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
	}
	want := "https://www.example.jp/event/1212-lt/ https://www.example.jp/event/1219-mokumoku/ https://www.example.jp/event/1114-design/"
	if strings.Join(got, " ") != want {
		t.Errorf("items %s, want %s", strings.Join(got, " "), want)
	}
}

// A page builder's boxes: one per upcoming event, and one box that holds
// every past meeting as a date paragraph, a title and a line that names
// the place after a sentence.
func TestAutoListBoxOfPastMeetings(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/meetup", `<html><body><main><div class="pg">
<div class="bx c-box"><div class="in"><div class="rt"><h2>第12回 経営者ランチ会</h2></div>
<div class="rt"><p><span>日時</span></p><p><span>2026年12月19日（土）</span> <span>12:00～14:00</span></p></div>
<div class="rt"><p><span>会場</span></p><p><span>例ホテル 1階 レストラン</span></p></div>
<div class="btn"><a href="https://forms.gle/exampleL12">申込む</a></div></div></div>
<div class="bx c-box"><div class="in"><div class="rt"><h2>第13回 経営者ランチ会</h2></div>
<div class="rt"><p><span>日時</span></p><p><span>2027年1月16日（土）</span> <span>12:00～14:00</span></p></div>
<div class="rt"><p><span>会場</span></p><p><span>例ホテル 1階 レストラン</span></p></div>
<div class="btn"><a href="https://forms.gle/exampleL13">申込む</a></div></div></div>
<div class="rt"><h3>これまでの開催</h3></div>
<div class="bx c-box"><div class="in">
<div class="rt"><p><span>2026年11月21日（土）</span></p><p><b>第11回 経営者ランチ会</b></p><p><span>参加者 18名。会場：例ホテル 1階 レストラン</span></p></div>
<div class="rt"><p><span>2026年10月17日（土）</span></p><p><b>第10回 経営者ランチ会（秋の特別編）</b></p><p><span>参加者 24名。会場：例ガーデンテラス</span></p></div>
</div></div>
</div></main></body></html>`)
	want := []struct {
		title, venue string
		start        time.Time
	}{
		{"第12回 経営者ランチ会", "例ホテル 1階 レストラン", tokyo(2026, 12, 19, 12, 0)},
		{"第13回 経営者ランチ会", "例ホテル 1階 レストラン", tokyo(2027, 1, 16, 12, 0)},
		{"第11回 経営者ランチ会", "例ホテル 1階 レストラン", time.Date(2026, 11, 21, 0, 0, 0, 0, event.Tokyo)},
		{"第10回 経営者ランチ会（秋の特別編）", "例ガーデンテラス", time.Date(2026, 10, 17, 0, 0, 0, 0, event.Tokyo)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(lp.Items), len(want), lp.Items)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) {
			t.Errorf("%d: %q %q %v, want %+v", i, e.Title, e.Venue, e.StartsAt, w)
		}
	}
}

func TestAutoListCalendarAgenda(t *testing.T) {
	// A group's calendar printed as an agenda: the year only in the month
	// headings, one block per day, each entry's hours before its title,
	// its place free-text or as Google Maps writes it, titles linking to
	// the calendar elsewhere; a fee deadline as an all-day entry.
	lp := autoItems(t, "https://www.example.jp/katsudo/", `<html><body><div id="content">
<h2>活動予定</h2>
<div class="agenda">
<h3 class="agenda-month">2027年1月</h3>
<div class="agenda-day"><p class="agenda-date">1月13日 (水)</p>
<ul><li class="agenda-item"><span class="time">19:00～21:00</span> <a href="https://calendar.google.com/calendar/event?eid=abc123">1月例会「新年の抱負を語る」</a>
<span class="item-where">例市産業振興センター, 日本、〒590-0000 大阪府例市堺区中町1−2</span></li></ul></div>
<div class="agenda-day"><p class="agenda-date">1月22日 (金)</p>
<ul><li class="agenda-item"><span class="time">終日</span> <a href="https://calendar.google.com/calendar/event?eid=def456">【締切】新年会 出欠回答期限</a></li></ul></div>
<div class="agenda-day"><p class="agenda-date">1月29日 (金)</p>
<ul><li class="agenda-item"><span class="time">18:30～</span> <a href="https://calendar.google.com/calendar/event?eid=ghi789">新年会</a>
<span class="item-where">割烹 例 本店 2F 座敷</span></li></ul></div>
</div></div></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("items %+v (refused %v)", lp.Items, lp.Refused)
	}
	e := wholeEvent(t, lp.Items[0])
	if e.Title != "1月例会「新年の抱負を語る」" || !e.StartsAt.Equal(tokyo(2027, 1, 13, 19, 0)) || !e.EndsAt.Equal(tokyo(2027, 1, 13, 21, 0)) || e.Venue != "例市産業振興センター" {
		t.Errorf("first entry: %q %v – %v %q", e.Title, e.StartsAt, e.EndsAt, e.Venue)
	}
	e = wholeEvent(t, lp.Items[1])
	if e.Title != "新年会" || !e.StartsAt.Equal(tokyo(2027, 1, 29, 18, 30)) || e.Venue != "割烹 例 本店 2F 座敷" {
		t.Errorf("second entry: %q %v %q", e.Title, e.StartsAt, e.Venue)
	}
	if len(lp.Refused) != 1 || !strings.Contains(lp.Refused[0].Reason, "deadline") {
		t.Errorf("refused %v, want the deadline", lp.Refused)
	}
}

func TestAutoListCategoryTabsOfTheListsOwnPath(t *testing.T) {
	// Tabs that filter the list by a query on its own path, named like
	// gatherings (交流会・マッチング), list it again: they are no events.
	lp := autoItems(t, "https://www.example.jp/event/", `<html><body><main>
<h1>イベント・セミナー</h1>
<ul class="tabs"><li class="on"><a href="/event/">すべて</a></li><li><a href="/event/?cat=seminar">セミナー</a></li>
<li><a href="/event/?cat=koryu">交流会・マッチング</a></li><li><a href="/event/?cat=forum">フォーラム</a></li></ul>
<ul class="list">
<li><p class="date">開催日：2027年1月19日（火）14:00～16:00</p><p class="ttl"><a href="/event/2027/0119dx.html">DX推進セミナー「現場のデータ活用」</a></p><p>会場：例大学 梅田オフィス</p></li>
<li><p class="date">開催日：2026年12月15日（火）13:30～17:00</p><p class="ttl"><a href="/event/2026/1215forum.html">第8回 産学連携フォーラム</a></p><p>会場：例大学 共創ホール</p></li>
</ul></main>
<aside><h2><a href="/event/">イベント</a></h2><ul><li><a href="/event/?cat=seminar">セミナー</a></li><li><a href="/event/?cat=koryu">交流会・マッチング</a></li><li><a href="/event/?cat=forum">フォーラム</a></li></ul></aside>
</body></html>`)
	var links []string
	for _, it := range lp.Items {
		links = append(links, it.Link)
	}
	if strings.Join(links, " ") != "https://www.example.jp/event/2027/0119dx.html https://www.example.jp/event/2026/1215forum.html" {
		t.Errorf("items %q", links)
	}
}

func TestAutoListReceptionOpeningIsNoStart(t *testing.T) {
	// A bank's seminar blocks: the day and hours in the <dt> beside a
	// 受付開始前 badge, a 受付開始 row in the block's table, the only link
	// a PDF flyer. The seminar starts on its day, not when booking opens.
	lp := autoItems(t, "https://www.example.jp/hojin/seminar/", `<html><body><main>
<h2>2027年2月のセミナー</h2>
<dl class="sem-item">
<dt><span class="sem-date">2月4日（木）</span><span class="sem-time">14:00～16:00</span> <span class="sem-status">受付中</span></dt>
<dd><p class="sem-ttl">事業計画の作り方セミナー</p>
<table><tr><th>会場</th><td>例銀行 本店 5階 会議室</td></tr><tr><th>申込締切</th><td>1月29日（金）</td></tr></table>
<a href="/hojin/seminar/pdf/20270204.pdf">チラシ（PDF）</a></dd>
</dl>
<dl class="sem-item">
<dt><span class="sem-date">2月25日（木）</span><span class="sem-time">13:30～15:30</span> <span class="sem-status">受付開始前</span></dt>
<dd><p class="sem-ttl">省エネ設備投資と補助金活用セミナー</p>
<table><tr><th>会場</th><td>例銀行 東支店 2階 会議室</td></tr><tr><th>受付開始</th><td>1月12日（火）10:00～</td></tr></table>
<a href="/hojin/seminar/pdf/20270225.pdf">チラシ（PDF）</a> <span class="btn is-disabled">1月12日（火）受付開始</span></dd>
</dl>
</main></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, wholeEvent(t, it).StartsAt.Format("2006-01-02 15:04")+" "+it.Fields[FieldTitle])
	}
	want := "2027-02-04 14:00 事業計画の作り方セミナー; 2027-02-25 13:30 省エネ設備投資と補助金活用セミナー"
	if strings.Join(got, "; ") != want {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
}

func TestAutoListProfileProseIsNoEvent(t *testing.T) {
	// An organiser's profile on a ticket service: paragraphs about the
	// group, one naming when the next meeting is, above the cards of its
	// events. The cards hold that meeting; the paragraph is no event.
	lp := autoItems(t, "https://www.example.jp/o/kita-networking-1234", `<html><body><main>
<section class="org-desc"><div class="org-desc__content">
<p>北区で毎月開いている、異業種のビジネス交流会です。経営者・個人事業主の方が中心です。</p>
<p>2023年に始め、これまでに延べ800名の方にご参加いただきました。</p>
<p>次回の交流会は<strong>1月16日(土) 18:30～</strong> 例コモンズで開催！ 初めての方も大歓迎です。</p>
<p>Everyone is welcome, in English or Japanese.</p>
</div></section>
<div class="org-events"><h2>開催予定</h2>
<div class="ev-card"><a href="/e/kita-networking-vol12-tickets-5551"><h3>北区ビジネス交流会 Vol.12</h3></a><p>土, 1月 16, 18:30</p><p>例コモンズ</p></div>
<div class="ev-card"><a href="/e/morning-study-3-tickets-5562"><h3>朝活 経営勉強会 #3</h3></a><p>水, 1月 27, 7:30</p><p>オンライン</p></div>
</div></main></body></html>`)
	for _, it := range lp.Items {
		if it.Link == "" || it.Whole {
			t.Errorf("item %q (%q) read from the profile's text", it.Fields[FieldTitle], it.Fields[FieldDate])
		}
	}
	if len(lp.Items) != 2 {
		t.Errorf("%d items, want the 2 cards", len(lp.Items))
	}
}

func TestAutoListHoursOpenTheNotes(t *testing.T) {
	// An association's yearly table: the hours stand in 備考, alone, or
	// before who attends, or after the place to meet (not the start).
	lp := autoItems(t, "https://www.example.jp/jigyo/gyoji.html", `<html><body>
<table class="gyoji"><caption>令和8年度　下半期 行事予定</caption>
<tr><th>月日</th><th>行事名</th><th>場所</th><th>備考</th></tr>
<tr><td>12月8日（火）</td><td>理事会</td><td>組合会議室</td><td>15:00〜</td></tr>
<tr><td>12月8日（火）</td><td>忘年会</td><td>調整中</td><td>18:00〜　理事・支部長</td></tr>
<tr><td>2月16日（火）</td><td>青年部 例会</td><td>例会館</td><td>18:30〜 近隣組合青年部との合同例会</td></tr>
<tr><td>3月3日（水）</td><td>工場見学会</td><td>例印刷 本社工場</td><td>堺東駅前 8:00集合</td></tr>
</table></body></html>`)
	var got []string
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got = append(got, e.StartsAt.Format("01-02 15:04")+" "+e.Title)
	}
	want := "12-08 15:00 理事会; 12-08 18:00 忘年会; 02-16 18:30 青年部 例会; 03-03 00:00 工場見学会"
	if strings.Join(got, "; ") != want {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
}

func TestAutoListBlogEntriesUnderEntry(t *testing.T) {
	// A blog whose posts are under /entry/ (Hatena Blog): the posts are
	// pages to read, not entry forms; the sign-up form at /entry/ is one.
	lp := autoItems(t, "https://www.example.jp/archive", `<html><body><div id="main"><div class="archive-entries">
<section class="archive-entry"><div class="archive-entry-header"><div class="date archive-date"><a href="/entry/2026/11/20/210000" rel="nofollow"><time datetime="2026-11-20">2026-11-20</time></a></div>
<h1 class="entry-title"><a class="entry-title-link" href="/entry/2026/11/20/210000">【12/12開催】例ものづくりIT勉強会 #9「工場のIoT入門」</a></h1></div>
<div class="categories"><a href="/archive/category/勉強会" class="archive-category-link">勉強会</a></div>
<div class="archive-entry-body"><p class="entry-description">第9回の勉強会は工場のIoT化がテーマです。</p></div></section>
<section class="archive-entry"><div class="archive-entry-header"><div class="date archive-date"><a href="/entry/2026/11/02/220000" rel="nofollow"><time datetime="2026-11-02">2026-11-02</time></a></div>
<h1 class="entry-title"><a class="entry-title-link" href="/entry/2026/11/02/220000">【1/23開催】例ものづくりIT勉強会 #10「生産管理の見直し」</a></h1></div>
<div class="categories"><a href="/archive/category/勉強会" class="archive-category-link">勉強会</a></div>
<div class="archive-entry-body"><p class="entry-description">参加申込は <a href="/entry/">エントリーフォーム</a> から。</p></div></section>
</div></div></body></html>`)
	var links []string
	for _, it := range lp.Items {
		links = append(links, it.Link)
	}
	if strings.Join(links, " ") != "https://www.example.jp/entry/2026/11/20/210000 https://www.example.jp/entry/2026/11/02/220000" {
		t.Errorf("items %q, refused %v", links, lp.Refused)
	}
	for _, p := range []struct {
		path string
		form bool
	}{{"/entry/", true}, {"/entry", true}, {"/seminar/entry.php", true}, {"/entry/2026/11/20/210000", false}, {"/blog/entry-1234.html", false}} {
		if got := formPath.MatchString(p.path); got != p.form {
			t.Errorf("%s: form %v, want %v", p.path, got, p.form)
		}
	}
}

// A 法人会's list of 研修会 lines: the day, hours and place in one bracket
// after the name (於：…), the usual room stated once above the list, PDF
// flyers linked by their long names.
func TestAutoListBracketedLines(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/kenshu/", `<html><head><title>研修会・行事のご案内</title></head><body>
<table width="760"><tr><td valign="top">
<h2 class="midashi">令和8年度　研修会・行事のご案内</h2>
<p class="small">※会場は、特に記載のないものは<b>例第一ビル5階 当会研修室</b>です。<br>
<ul class="kenshu">
<li><a href="pdf/R081218_josei.pdf">女性部会 クリスマス交流会</a><img src="/img/pdf.gif" alt="PDF">（12月18日（金）18:30～　於：例グランドホテル 3階 桜の間）※会員限定</li>
<li><a href="pdf/R090127_manner.pdf">社員研修「ビジネスマナー基礎講座」</a><img src="/img/pdf.gif" alt="PDF">（1月27日（水）13:30～16:30）<font color="#cc0000"><b>→講師の都合により中止となりました</b></font></li>
<li><a href="pdf/R090203_shotokuzei.pdf">確定申告直前 所得税・個人住民税セミナー</a><img src="/img/pdf.gif" alt="PDF">（2月3日（水）14:00～16:00）</li>
</ul>
<ul class="kenshu end">
<li>源泉所得税の実務研修会（10月21日（水）14:00～16:00）</li>
<li>年末調整説明会（11月18日（水）13:30～16:00　於：例区民センター 大ホール）</li>
</ul>
</td></tr></table></body></html>`)
	type want struct {
		start  time.Time
		venue  string
		status event.Status
	}
	wants := map[string]want{
		"女性部会 クリスマス交流会":        {tokyo(2026, 12, 18, 18, 30), "例グランドホテル 3階 桜の間", event.StatusScheduled},
		"社員研修「ビジネスマナー基礎講座」":    {tokyo(2027, 1, 27, 13, 30), "例第一ビル5階 当会研修室", event.StatusCancelled},
		"確定申告直前 所得税・個人住民税セミナー": {tokyo(2027, 2, 3, 14, 0), "例第一ビル5階 当会研修室", event.StatusScheduled},
		"源泉所得税の実務研修会":          {tokyo(2026, 10, 21, 14, 0), "例第一ビル5階 当会研修室", event.StatusScheduled},
		"年末調整説明会":              {tokyo(2026, 11, 18, 13, 30), "例区民センター 大ホール", event.StatusScheduled},
	}
	got := map[string]bool{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = true
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("item %q (fields %q), want none of that title", e.Title, it.Fields)
			continue
		}
		if !e.StartsAt.Equal(w.start) || e.Venue != w.venue || e.Status != w.status {
			t.Errorf("%s: %v at %q, %s; want %v at %q, %s", e.Title, e.StartsAt, e.Venue, e.Status, w.start, w.venue, w.status)
		}
	}
	for title := range wants {
		if !got[title] {
			t.Errorf("%s: not found", title)
		}
	}
}

// Without a standing place, a bracketed line's note after its bracket
// (→中止となりました) is not its place.
func TestAutoListBracketedLineNoteIsNoPlace(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/kenshu/", `<html><body><h2>令和8年度　研修会のご案内</h2>
<ul>
<li><a href="pdf/a.pdf">社員研修「ビジネスマナー基礎講座」</a>（1月27日（水）13:30～16:30）<font color="#cc0000"><b>→講師の都合により中止となりました</b></font></li>
<li><a href="pdf/b.pdf">確定申告直前 所得税セミナー</a>（2月3日（水）14:00～16:00　於：例会館 2階）</li>
</ul></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("items %v, want 2", lp.Items)
	}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		if want := map[bool]string{true: "", false: "例会館 2階"}[e.Status == event.StatusCancelled]; e.Venue != want {
			t.Errorf("%s: venue %q, want %q", e.Title, e.Venue, want)
		}
	}
}

// A hand-made page marks its lines' status after the name, apart from it
// (中止 in red, 終了しました with thanks in brackets): the name is the title,
// the mark its status, and a bracket of thanks is no place.
func TestAutoListStatusAfterTheName(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/gyouji.html", `<html><body>
<font size="4" color="#993300"><b>■ 令和8年度　行事予定</b></font><br>
<table width="100%" border="1" cellspacing="0" cellpadding="5">
<tr><td colspan="2" bgcolor="#DDDDDD"><font size="3"><b><s>歳末 餅つき大会</s></b></font>　<font size="3" color="#FF0000"><b>中止</b></font></td></tr>
<tr><td width="80"><font size="2">日　時</font></td><td><font size="2"><s>12月27日(日)　午前10時～正午</s></font></td></tr>
<tr><td><font size="2">場　所</font></td><td><font size="2"><s>例中央広場</s></font></td></tr>
</table><br>
<table width="100%" border="1" cellspacing="0" cellpadding="5">
<tr><td colspan="2" bgcolor="#FFCC99"><font size="3"><b>年末 防犯講習会</b></font></td></tr>
<tr><td width="80"><font size="2">日　時</font></td><td><font size="2">12月14日(月)　午後2時～午後3時30分</font></td></tr>
<tr><td><font size="2">場　所</font></td><td><font size="2">例会館 2階 会議室</font></td></tr>
</table><br>
<font size="3" color="#993300"><b>■ これまでの行事</b></font><br>
<font size="2">
・11月3日(火・祝)　例 秋の感謝祭　<font color="#999999">終了しました（たくさんのご来場ありがとうございました！）</font><br>
・11月11日(水)　第2回 勉強会「食品ロスを減らす売り方」　<font color="#999999">終了しました</font><br>
</font></body></html>`)
	type want struct {
		venue  string
		status event.Status
	}
	wants := map[string]want{
		"歳末 餅つき大会": {"例中央広場", event.StatusCancelled},
		"年末 防犯講習会": {"例会館 2階 会議室", event.StatusScheduled},
		"例 秋の感謝祭":  {"", event.StatusScheduled},
		"第2回 勉強会「食品ロスを減らす売り方」": {"", event.StatusScheduled},
	}
	got := map[string]bool{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = true
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("item %q (fields %q), want none of that title", e.Title, it.Fields)
			continue
		}
		if e.Venue != w.venue || e.Status != w.status {
			t.Errorf("%s: at %q, %s; want at %q, %s", e.Title, e.Venue, e.Status, w.venue, w.status)
		}
	}
	for title := range wants {
		if !got[title] {
			t.Errorf("%s: not found", title)
		}
	}
}

// A club's meetings page: the next meeting announced in a letter, the
// schedule's table listing it again, and past meetings as lines of a
// title, a 令和 date and the speaker, each attaching its letter as a PDF.
// The letter and the row are one meeting; 案内状 names the PDF, not the
// meeting.
func TestAutoListNoticeRowAndPastLines(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/kai/reikai.html", `<html><body><div id="main">
<h2>例会のご案内</h2>
<h3>第88回例会（新年例会）のご案内</h3>
<p>会員各位</p>
<p>さて、来る令和9年1月19日（火）午後6時より、中之島クラブ 3階「桜の間」にて第88回例会（新年例会）を開催いたします。</p>
<p>会費：7,000円（当日受付にて）</p>
<p>▼ <a href="pdf/annai_88.pdf">案内状（PDF）</a>　▼ <a href="pdf/fax_88.pdf">FAX返信用紙（PDF）</a></p>
<h3>今後の予定</h3>
<table border="1">
<tr><th>日程</th><th>行事</th><th>会場</th></tr>
<tr><td>1月19日（火）<br>午後6時～</td><td>第88回例会（新年例会）</td><td>中之島クラブ 3階「桜の間」</td></tr>
<tr><td>2月16日（火）<br>午後6時～</td><td>第89回例会</td><td>中之島クラブ 3階「桜の間」</td></tr>
</table>
<h3>過去の例会</h3>
<ul>
<li>第87回例会（忘年例会）　令和8年12月8日（火）　講師：森本 浩氏（森本鋼材株式会社 会長）「町工場の七十年」　<a href="pdf/annai_87.pdf">案内状</a></li>
<li>第86回例会　令和8年11月10日（火）　講師：北村 聡子氏（税理士）「事業承継税制の要点」　<a href="pdf/annai_86.pdf">案内状</a></li>
</ul>
</div></body></html>`)
	want := map[string]time.Time{
		"第88回例会（新年例会）": tokyo(2027, 1, 19, 18, 0),
		"第89回例会":       tokyo(2027, 2, 16, 18, 0),
		"第87回例会（忘年例会）": time.Date(2026, 12, 8, 0, 0, 0, 0, event.Tokyo),
		"第86回例会":       time.Date(2026, 11, 10, 0, 0, 0, 0, event.Tokyo),
	}
	got := map[string]time.Time{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = e.StartsAt
		if e.Title == "第88回例会（新年例会）" && (it.Fields[FieldFee] == "" || !strings.Contains(it.Fields[FieldVenue], "桜の間")) {
			t.Errorf("%s: fee %q venue %q, want the letter's fee and the row's venue", e.Title, it.Fields[FieldFee], it.Fields[FieldVenue])
		}
	}
	if len(lp.Items) != len(want) {
		t.Errorf("%d items %v, want %v", len(lp.Items), got, want)
	}
	for title, start := range want {
		if s, ok := got[title]; !ok || !s.Equal(start) {
			t.Errorf("%s: start %v (found %v), want %v", title, s, ok, start)
		}
	}
}

// A members' club's public schedule: each block gives the day, the title
// and 「hours　／　place」, and links into the members' area behind a
// login; only a public event has a page of its own. A block behind a login
// is the whole event.
func TestAutoListBlocksBehindLogin(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/event/", `<html><body><div id="main">
<h2>行事予定</h2>
<div class="ev-list">
<div class="ev-item"><div class="ev-date">2026.12.11 <span>(金)</span></div><div class="ev-body">
<p class="ev-cat"><span class="cat">例会</span> <span class="lock">会員限定</span></p>
<h3>12月例会・忘年会</h3>
<p class="ev-time">18:30〜21:00　／　ホテル泉州 4階 芙蓉の間</p>
<p class="ev-lock"><a href="/member/login.php?ref=%2Fmember%2Fevent.php%3Fid%3D31">ログインして詳細を見る</a></p></div></div>
<div class="ev-item"><div class="ev-date">2027.01.20 <span>(水)</span>〜01.21 <span>(木)</span></div><div class="ev-body">
<p class="ev-cat"><span class="cat">研修</span> <span class="lock">会員限定</span></p>
<h3>会員視察研修会（広島・呉）</h3>
<p class="ev-time">広島県呉市ほか</p>
<p class="ev-lock"><a href="/member/login.php?ref=%2Fmember%2Fevent.php%3Fid%3D32">ログインして詳細を見る</a></p></div></div>
<div class="ev-item"><div class="ev-date">2027.02.06 <span>(土)</span></div><div class="ev-body">
<p class="ev-cat"><span class="cat">行事</span> <span class="lock">会員限定</span></p>
<h3>春季親睦ゴルフコンペ</h3>
<p class="ev-time">8:10スタート　／　泉南カントリー倶楽部</p>
<p class="ev-lock"><a href="/member/login.php?ref=%2Fmember%2Fevent.php%3Fid%3D33">ログインして詳細を見る</a></p></div></div>
<div class="ev-item"><div class="ev-date">2027.02.18 <span>(木)</span></div><div class="ev-body">
<p class="ev-cat"><span class="cat">セミナー</span> <span class="open">一般公開</span></p>
<h3>経営セミナー「事業承継の進め方」</h3>
<p class="ev-time">14:00〜16:00　／　市民交流センター 2階</p>
<p class="ev-more"><a href="detail.php?id=34">詳細・お申込み</a></p></div></div>
</div></div></body></html>`)
	type want struct {
		start time.Time
		venue string
	}
	wants := map[string]want{
		"12月例会・忘年会":     {tokyo(2026, 12, 11, 18, 30), "ホテル泉州 4階 芙蓉の間"},
		"会員視察研修会（広島・呉）": {time.Date(2027, 1, 20, 0, 0, 0, 0, event.Tokyo), "広島県呉市ほか"},
		"春季親睦ゴルフコンペ":    {tokyo(2027, 2, 6, 8, 10), "泉南カントリー倶楽部"},
	}
	if len(lp.Items) != 4 {
		t.Fatalf("%d items, want 4: %v", len(lp.Items), lp.Items)
	}
	for _, it := range lp.Items {
		if it.Link == "https://www.example.jp/event/detail.php?id=34" {
			if it.Whole {
				t.Errorf("the public event's page is to be read: %v", it)
			}
			continue
		}
		e := wholeEvent(t, it)
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("unexpected %q", e.Title)
			continue
		}
		if !e.StartsAt.Equal(w.start) || e.Venue != w.venue {
			t.Errorf("%s: start %v venue %q, want %v %q", e.Title, e.StartsAt, e.Venue, w.start, w.venue)
		}
	}
}
