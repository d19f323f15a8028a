package crawler

import (
	"errors"
	"strings"
	"testing"
)

// A service club's programme: the meetings' day, hours and hall are
// stated once in a box of <br> lines under their own labels (例会日時,
// 例会場), each meeting a <dt> date and a <dd> of its number and talk;
// a note under one meeting moves it to the evening and another hall.
func TestAutoListProgrammeStatesTheMeetingOnce(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/reikai/", `<html><head><title>例会予定｜例北ライオンズクラブ</title></head><body>
<div id="head"><a href="/"><img src="/logo.png" alt="例北ライオンズクラブ"></a></div>
<div id="contents"><h2>例会予定</h2>
<div class="info"><p><strong>例会日時</strong>　毎月第2・第4火曜日　12:15～13:15<br>
<strong>例会場</strong>　例グランドホテル 3階「桜の間」<br>
※日程は変更になる場合があります。</p></div>
<h3>2027年1月</h3>
<dl class="sched">
<dt>1月12日（火）</dt><dd>第1201回例会　新年互礼会</dd>
<dt>1月26日（火）</dt><dd>第1202回例会　卓話「地域の防災と企業の備え」<br>
<span class="note">※夜間例会 18:00～20:00　会場：料亭 例吉 2階 大広間</span></dd>
</dl></div></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("%d items %v, want the two meetings", len(lp.Items), lp.Items)
	}
	first, second := wholeEvent(t, lp.Items[0]), wholeEvent(t, lp.Items[1])
	if !first.StartsAt.Equal(tokyo(2027, 1, 12, 12, 15)) || !first.EndsAt.Equal(tokyo(2027, 1, 12, 13, 15)) || first.Venue != "例グランドホテル 3階「桜の間」" {
		t.Errorf("first meeting %v–%v at %q, want the hours and hall stated once", first.StartsAt, first.EndsAt, first.Venue)
	}
	if !second.StartsAt.Equal(tokyo(2027, 1, 26, 18, 0)) || !second.EndsAt.Equal(tokyo(2027, 1, 26, 20, 0)) || second.Venue != "料亭 例吉 2階 大広間" {
		t.Errorf("evening meeting %v–%v at %q, want its note's hours and hall", second.StartsAt, second.EndsAt, second.Venue)
	}
}

// A Blogger post page: the <title> is the blog's name, a colon and the
// post's; the post's title is the theme's h3.post-title under an h2 of
// its posting date.
func TestPageTitleBloggerPost(t *testing.T) {
	page := `<html><head><title>例ものづくり協議会 ブログ: 1月例会 工場見学会のご案内</title></head><body>
<div class="header"><h1 class="title"><a href="https://www.example.jp/">例ものづくり協議会 ブログ</a></h1></div>
<div class="main"><h2 class="date-header"><span>2026年12月2日水曜日</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">1月例会 工場見学会のご案内</h3>
<div class="post-body entry-content">日時：1月20日（水）14:00～16:00<br>見学先：例精工株式会社 本社工場</div></div></div>
<div class="sidebar"><h2>ラベル</h2><h2>ブログ アーカイブ</h2></div></body></html>`
	if got, want := pageTitle(docOf(t, page)), "1月例会 工場見学会のご案内"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
}

// A city's seminar page says how it is held in a table row of its own
// (開催方法 | オンライン（Zoom）) and names no hall: the event is online.
func TestAutoEventHeldOnlineByItsFormRow(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>インボイス対応セミナー（オンライン）を開催します｜例市</title></head><body>
<div id="tmp_contents"><h1>インボイス対応セミナー（オンライン）を開催します</h1>
<table border="1"><caption>開催概要</caption><tbody>
<tr><th scope="row">日時</th><td>令和9年2月9日（火曜日）午前10時から午前11時30分</td></tr>
<tr><th scope="row">開催方法</th><td>オンライン（Zoom）<br>※前日までに参加URLをメールでお送りします。</td></tr>
<tr><th scope="row">定員</th><td>80名</td></tr>
</tbody></table></div></body></html>`)
	if e.Venue != "オンライン（Zoom）" {
		t.Errorf("venue %q, want オンライン（Zoom）", e.Venue)
	}
}

// A news list's row whose only link is a flyer writes its posting date
// first and the day of the event in its title, marked 開催: the event is
// that day, and the title keeps it. A grant's closing and a machine out
// of service are notices.
func TestAutoListDateMarkedHeldInTheTitle(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/news/", `<html><body><div id="news"><ul class="newslist">
<li><span class="date">2026.11.20</span><span class="cat">セミナー</span><span class="txt"><a href="/news/pdf/keiei_0130.pdf">事業計画セミナー（1月30日（土）開催）のご案内</a></span></li>
<li><span class="date">2026.11.16</span><span class="cat">お知らせ</span><span class="txt"><a href="/news/1116.html">ものづくり補助金の申請受付を終了しました</a></span></li>
<li><span class="date">2026.11.09</span><span class="cat">お知らせ</span><span class="txt"><a href="/news/1109.html">本店ATMコーナー休止のお知らせ</a></span></li>
</ul></div></body></html>`)
	var flyer *ListItem
	for i := range lp.Items {
		if strings.HasSuffix(lp.Items[i].Link, ".pdf") {
			flyer = &lp.Items[i]
		}
	}
	if flyer == nil {
		t.Fatalf("items %v, want the seminar of the flyer", lp.Items)
	}
	e := wholeEvent(t, *flyer)
	if e.Title != "事業計画セミナー（1月30日（土）開催）のご案内" || !e.StartsAt.Equal(tokyo(2027, 1, 30, 0, 0)) {
		t.Errorf("%q on %v, want the title as written on 2027-01-30", e.Title, e.StartsAt)
	}
	for _, title := range []string{"ものづくり補助金の申請受付を終了しました", "本店ATMコーナー休止のお知らせ"} {
		if w := noticeWord(title); w == "" {
			t.Errorf("%q is no notice", title)
		}
		_, err := readEventPage(docOf(t, `<html><head><title>`+title+`</title></head><body><h1>`+title+`</h1><p>令和8年12月14日（月）から休止いたします。</p></body></html>`),
			mustURL("https://www.example.jp/news/1116.html"), goldenRef, nil)
		if !errors.Is(err, ErrNotEvent) {
			t.Errorf("%q read as an event (err %v)", title, err)
		}
	}
}

// A year's table that heads each month's rows with a row of one cell
// (<TH colspan="6">１２月</TH>), its rows writing the day and weekday
// alone, the speaker on a line of the title cell (講師　税理士　…).
func TestAutoListMonthRowsOfAYearsTable(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/kenshu.html", `<HTML><BODY><TABLE border="1"><TBODY>
<TR><TH>日</TH><TH>曜</TH><TH>時間</TH><TH>行事名</TH><TH>会場</TH><TH>備考</TH></TR>
<TR><TH colspan="6" align="left">１２月</TH></TR>
<TR><TD>９</TD><TD>水</TD><TD>１３：３０～<BR>１６：３０</TD><TD>研修会<BR>「消費税の実務」<BR>講師　税理士　例川　二郎　氏</TD><TD>例会館<BR>４階　大会議室</TD><TD>申込締切 12/2</TD></TR>
<TR><TH colspan="6" align="left">１月</TH></TR>
<TR><TD>２０</TD><TD>水</TD><TD>１７：００～</TD><TD>新年賀詞交歓会</TD><TD>ホテル例 ２階</TD><TD></TD></TR>
</TBODY></TABLE></BODY></HTML>`)
	if len(lp.Items) != 2 {
		t.Fatalf("%d items %v, want the two rows; problems %q", len(lp.Items), lp.Items, lp.Problems)
	}
	first, second := wholeEvent(t, lp.Items[0]), wholeEvent(t, lp.Items[1])
	if !first.StartsAt.Equal(tokyo(2026, 12, 9, 13, 30)) || strings.Contains(first.Title, "講師") {
		t.Errorf("first row %q at %v, want 研修会「消費税の実務」 on 2026-12-09 13:30", first.Title, first.StartsAt)
	}
	if !second.StartsAt.Equal(tokyo(2027, 1, 20, 17, 0)) {
		t.Errorf("second row at %v, want 2027-01-20 17:00 (the January row above it)", second.StartsAt)
	}
}

// A sentence that gives the event's day and then a reply date (１月１５日
// （金）までにご出欠を) holds the event's day: the deadline is the second
// date's. A post that calls off an event of another post, and a notice of
// a rule's revision, are no events.
func TestAutoEventDayBeforeADeadlineInOneSentence(t *testing.T) {
	page := func(title, body string) string {
		return `<html><head><title>` + title + `｜例中央会 支部</title></head><body><div id="main"><div class="entry"><h3 class="entry_title">` + title +
			`</h3><p class="entry_date">2026.12.03</p><div class="entry_body"><p>` + body + `</p></div></div></div></body></html>`
	}
	e, _ := autoEventOf(t, page("【交流会】新春賀詞交歓会のご案内",
		"令和９年１月２６日（火）午後４時より、ホテル例ベイサイドにおいて新春賀詞交歓会を開催いたしますので、案内状をご確認のうえ、１月１５日（金）までにご出欠をお知らせください。"))
	if !e.StartsAt.Equal(tokyo(2027, 1, 26, 16, 0)) || !e.EndsAt.IsZero() {
		t.Errorf("%v–%v, want 2027-01-26 16:00 and no end", e.StartsAt, e.EndsAt)
	}
	for _, c := range [][2]string{
		{"【お知らせ】「組合BCP策定セミナー」開催中止のお知らせ", "12月16日（水）開催予定の「組合BCP策定セミナー」は、講師の都合により中止いたします。"},
		{"【お知らせ】最低賃金の改定について", "令和８年１０月１日から大阪府の最低賃金が改定されます。"},
	} {
		_, err := readEventPage(docOf(t, page(c[0], c[1])), mustURL("https://www.example.jp/news/detail/411.html"), goldenRef, nil)
		if !errors.Is(err, ErrNotEvent) {
			t.Errorf("%q read as an event (err %v)", c[0], err)
		}
	}
}

// Captions under flyers name the place after an at sign, and a cancelled
// one keeps its date and time after the status mark: the title is the
// name alone.
func TestAutoListCaptionsAtPlace(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/event/", `<html><body><main><h2>イベント</h2>
<figure class="wp-block-image"><img src="/up/bowling.jpg" alt="IMG_4821"><figcaption>3/5（金）19:00〜 青年部×女性部 合同ボウリング大会 @例スターレーン</figcaption></figure>
<figure class="wp-block-image"><img src="/up/mochi.jpg" alt="mochi2027"><figcaption><s>1/23（土）</s>【中止】1/23（土）10:00〜 青年部 新春もちつき大会 @例中央公園</figcaption></figure>
</main></body></html>`)
	got := map[string]string{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = e.Venue
	}
	for title, venue := range map[string]string{"青年部×女性部 合同ボウリング大会": "例スターレーン", "【中止】青年部 新春もちつき大会": "例中央公園"} {
		if v, ok := got[title]; !ok || v != venue {
			t.Errorf("%q at %q missing; got %q", title, venue, got)
		}
	}
	if _, v := trailingPlace("ITもくもく会 @kouryu_jp"); v != "" {
		t.Errorf("a handle read as a place: %q", v)
	}
}

// A city's seminar page: a seminar and the 交流会 after it, each a
// section of its own, on one day, both linking the same e-application
// form on another site. Two events, not one.
func TestCrawlAutoTwoEventsOneForm(t *testing.T) {
	form := "https://apply.example.org/procedures/apply/2701-sogyo/start"
	pages := map[string]string{
		"/sangyo/seminar/": `<html><head><title>創業支援セミナー｜例市</title></head><body><main><h1>創業支援セミナー</h1>
<h3>創業セミナー（実践編）</h3>
<p>日時：令和9年1月19日（火曜日）午後2時から午後4時まで</p><p>場所：市役所本館3階 第1会議室</p>
<p>申込方法：<a href="` + form + `">電子申請サービス（外部リンク）</a></p>
<h3>創業者交流会</h3>
<p>日時：令和9年1月19日（火曜日）午後4時15分から午後5時30分まで</p><p>場所：市役所本館3階 第1会議室</p>
<p>申込方法：セミナーの申込フォームで「交流会に参加する」を選んでください。<a href="` + form + `">電子申請サービス（外部リンク）</a></p>
</main></body></html>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: city
    name: 例市 産業振興課
    kind: auto
    start_urls: ["%s/sangyo/seminar/"]
    area: 高槻市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if len(evs) != 2 || len(got["創業セミナー（実践編）"]) != 1 || len(got["創業者交流会"]) != 1 {
		t.Fatalf("events %v, want the seminar and the 交流会", evs)
	}
	if s := got["創業者交流会"][0]; !s.StartsAt.Equal(tokyo(2027, 1, 19, 16, 15)) {
		t.Errorf("交流会 at %v", s.StartsAt)
	}
}

// A body's own meetings are events, whatever 役員 says elsewhere (役員改選
// のお知らせ is a notice).
func TestNoticeWordBoardMeetings(t *testing.T) {
	for _, title := range []string{"支部役員会", "12月 理事会", "幹事会（定例）"} {
		if w := noticeWord(title); w != "" {
			t.Errorf("%q read as a notice (%s)", title, w)
		}
	}
	if w := noticeWord("役員改選のお知らせ"); w == "" {
		t.Errorf("役員改選のお知らせ is a notice")
	}
}

// A group's year schedule names each meeting on a row with its day and
// hours; one row links the group's お知らせ page, where the event is one
// post among the notices. The row is the event; the notices are none.
func TestCrawlAutoRowLinkingNotices(t *testing.T) {
	pages := map[string]string{
		"/schedule": `<html><head><title>例若手経営者研究会 - 年間スケジュール</title></head><body><div role="main">
<h1>年間スケジュール</h1><p>例会は原則として毎月第3水曜日に開催します。</p>
<table><tr><td>月</td><td>日程</td><td>例会・事業</td><td>担当</td></tr>
<tr><td>11月</td><td>11月18日(水) 19:00～</td><td><a href="/reikai-202611">11月例会「事業承継を考える」</a></td><td>研修委員会</td></tr>
<tr><td></td><td>11月28日(土) 14:00～</td><td><a href="/oshirase">大阪例 異業種合同交流会2026（他団体合同）</a></td><td>交流委員会</td></tr>
<tr><td>12月</td><td>12月16日(水) 19:00～</td><td>12月例会「2027年の展望」</td><td>研修委員会</td></tr>
</table></div></body></html>`,
		"/reikai-202611": `<html><head><title>例若手経営者研究会 - 11月例会のご案内</title></head><body><div role="main"><h1>11月例会のご案内</h1>
<p>■テーマ「事業承継を考える」</p><p>■日時 2026年11月18日(水) 19:00～20:30</p><p>■会場 例ビジネスセンター 5階 会議室A</p></div></body></html>`,
		"/oshirase": `<html><head><title>例若手経営者研究会 - お知らせ</title></head><body><div role="main"><h1>お知らせ</h1>
<p><b>2026/12/01 年末年始の事務局休業について</b></p><p>12月29日（火）から1月4日（月）まで事務局を休業いたします。</p>
<p><b>2026/11/30 合同交流会の御礼</b></p><p>11月28日の合同交流会には5団体から62名にご参加いただきました。</p>
<p><b>2026/10/20 異業種合同交流会2026のご案内</b></p><p>日時：2026年11月28日(土) 14:00～17:00　会場：例ビジネスプラザ 2階 多目的ホール　申込締切：11月20日</p>
</div></body></html>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: kai
    name: 例若手経営者研究会
    kind: auto
    start_urls: ["%s/schedule"]
    area: 大阪市西区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	e := got["大阪例 異業種合同交流会2026（他団体合同）"]
	if len(e) != 1 || !e[0].StartsAt.Equal(tokyo(2026, 11, 28, 14, 0)) {
		t.Fatalf("events %v: want the 合同交流会 of the row on 11月28日 14:00", evs)
	}
	if len(evs) != 3 {
		t.Errorf("%d events, want the schedule's three: %v", len(evs), evs)
	}
}
