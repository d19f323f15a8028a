package crawler

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

func jst(t time.Time) string { return t.In(time.FixedZone("JST", 9*3600)).Format("2006-01-02 15:04") }

// A ticket service's event page: 日時 over the day, then 開場, 開演 and 終演
// a row each. The event runs from 開演 to 終演.
func TestAutoEventTicketRowsDoorsStartEnd(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>梅田モーニングピッチ vol.6 | 例チケット</title></head><body><main>
<h1 class="css-9k2mvq1">梅田モーニングピッチ vol.6</h1>
<section><h2 class="css-p9sm7ql">日時</h2><p class="css-3ezyvfs">2026/12/08(火)</p>
<ul><li><span>開場</span><span>07:15</span></li><li><span>開演</span><span>07:30</span></li><li><span>終演</span><span>08:45</span></li></ul></section>
<section><h2 class="css-p9sm7ql">会場</h2><p>例ビル 5F イベントスペース</p></section></main></body></html>`)
	if jst(e.StartsAt) != "2026-12-08 07:30" || jst(e.EndsAt) != "2026-12-08 08:45" {
		t.Errorf("%s – %s, want 07:30 – 08:45", jst(e.StartsAt), jst(e.EndsAt))
	}
}

// An evening of two parts, each with its hours under the day and its hall
// under 会場: the event runs from the first's start to the last's end, at
// the first's hall.
func TestAutoEventPartsNamedByWhatTheyAre(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>12月 忘年例会のご案内 : 例経営塾 ブログ</title></head><body><article class="article hentry">
<h1 class="article-title entry-title">12月 忘年例会のご案内</h1><div class="article-body entry-content">
12月は恒例の忘年例会です。<br /><br />■日時：2026年12月9日（水）<br />　　　　例会　17:30～18:50<br />　　　　懇親会　19:00～21:00<br />
■会場：<br />　例会　例産業会館 5階 研修室A（大阪市中央区本町1-4-5）<br />　懇親会　割烹 例（大阪市中央区淡路町2-3-8）<br />
■会費：懇親会 6,000円</div></article></body></html>`)
	if jst(e.StartsAt) != "2026-12-09 17:30" || jst(e.EndsAt) != "2026-12-09 21:00" {
		t.Errorf("%s – %s, want 17:30 – 21:00", jst(e.StartsAt), jst(e.EndsAt))
	}
	if e.Venue != "例産業会館 5階 研修室A" {
		t.Errorf("venue %q, want the first part's hall without its part's name", e.Venue)
	}
}

// A post that says a regular meeting is not held is no event, whatever
// other day it names.
func TestAutoEventRecessNotice(t *testing.T) {
	_, err := readEventPage(docOf(t, `<html><head><title>【お知らせ】1月第2週の例会は休会です</title></head><body><article class="hentry">
<h1 class="entry-title">【お知らせ】1月第2週の例会は休会です</h1><div class="entry-content">
1月第2週（1月13日（水））の例会は休会とさせていただきます。<br />1月は例会に代えて、1月20日（水）に新春公開講座を開催いたします（別途ご案内いたします）。</div></article></body></html>`),
		mustURL("https://example.blog.jp/archives/1.html"), goldenRef, nil)
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("a recess notice read as an event (err %v)", err)
	}
}

// JSON-LD names the building and says the event is online; the page's
// own lines name the room, or how it is held.
func TestAutoEventPageRefinesJSONLDPlace(t *testing.T) {
	page := func(loc, body string) string {
		return `<html><head><title>セミナー | 例イベント</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event",
"name":"事業計画書作成セミナー","startDate":"2026-12-10T14:00:00+09:00","endDate":"2026-12-10T16:30:00+09:00",` + loc + `}</script></head>
<body><h1 class="er-event__title">事業計画書作成セミナー</h1>` + body + `</body></html>`
	}
	e, _ := autoEventOf(t, page(`"location":{"@type":"Place","name":"例本町ビジネスセンター","address":"大阪市西区靱本町1-9-15"}`,
		`<p class="er-event__venue">例本町ビジネスセンター 3階 セミナールーム</p><p class="er-event__address">大阪市西区靱本町1-9-15</p>`))
	if e.Venue != "例本町ビジネスセンター 3階 セミナールーム" {
		t.Errorf("venue %q, want the page's, with the room", e.Venue)
	}
	e, _ = autoEventOf(t, page(`"eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode","location":{"@type":"VirtualLocation","url":"https://example.jp/e/1"}`,
		`<p class="er-event__status"><span class="er-label er-label--online">オンライン</span></p><p class="er-event__online">オンライン（Zoom）</p>`))
	if e.Venue != "オンライン（Zoom）" {
		t.Errorf("venue %q, want how it is held online", e.Venue)
	}
}

// A course of two sessions: JSON-LD and the 開催日時 line span the first's
// start to the last's end, and the page lists each session's day and
// hours (with their time zone): each session is an event.
func TestAutoEventCourseSessionsInsideTheDataSpan(t *testing.T) {
	doc := docOf(t, `<html><head><title>経営幹部育成ウェビナー（全2回） | 例イベント</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event",
"name":"経営幹部育成ウェビナー（全2回）","startDate":"2027-01-13T14:00:00+09:00","endDate":"2027-01-27T16:00:00+09:00"}</script></head><body>
<h1>経営幹部育成ウェビナー（全2回）</h1><section><h2>開催日時</h2><p>2027年1月13日(水) 14:00 ～ 2027年1月27日(水) 16:00 <span>(JST)</span></p>
<ul class="er-session"><li><span>第1回</span> 2027年1月13日(水) 14:00～16:00 <span>(JST)</span><br><span>「経営数字の読み方」</span></li>
<li><span>第2回</span> 2027年1月27日(水) 14:00～16:00 <span>(JST)</span><br><span>「目標管理と1on1面談」</span></li></ul></section></body></html>`)
	f, err := readEventPage(doc, mustURL("https://example.jp/e/kanbu"), goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms := pageMeetings(doc, f, goldenRef)
	if len(ms) != 2 || jst(ms[0].day) != "2027-01-13 14:00" || jst(ms[1].day) != "2027-01-27 14:00" {
		t.Fatalf("meetings %+v, want the two sessions", ms)
	}
}

// A past seminars' table of a page builder: a date and a title that says
// it ended, no page. Each row is that seminar, on that day.
func TestAutoListPastRowsWithoutPages(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/seminar.html", `<html><head><title>セミナー | 例会計事務所</title></head><body><div id="area-main">
<h3 class="c-large_headline">過去のセミナー</h3><table class="c-list_news"><tbody>
<tr><th>2026.11.12</th><td>年末調整セミナー（基礎編）　<span style="color:#999999;">終了しました</span></td></tr>
<tr><th>2026.10.22</th><td>経営計画・資金繰り表 作成セミナー　<span style="color:#999999;">終了しました</span></td></tr>
<tr><th>2026.10.01</th><td>ホームページをリニューアルしました</td></tr>
</tbody></table></div></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Fields[FieldDate]+" "+it.Fields[FieldTitle])
	}
	if len(got) != 2 || got[0] != "2026.11.12 年末調整セミナー（基礎編）" || got[1] != "2026.10.22 経営計画・資金繰り表 作成セミナー" {
		t.Errorf("items %q, want the two seminars on their days", got)
	}
}

// A CMS prints the day in its header (開催日 2026.12.09 (水)) and the
// staff's text gives its hours under its own label: the event has them.
func TestAutoEventHoursFromTheTextsOwnDateLine(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>事業承継セミナー | 例商工会議所 北支部</title></head><body><main>
<h1 class="Article_title__x1">事業承継セミナー「親族内承継とM&amp;A、どう選ぶ？」</h1>
<dl class="Article_meta__Qq2"><dt class="Article_dt__Ar6Ny">開催日</dt><dd class="Article_dd__Gp1Lc">2026.12.09 (水)</dd>
<dt class="Article_dt__Ar6Ny">会場</dt><dd class="Article_dd__Gp1Lc">例北区民センター 第2会議室</dd>
<dt class="Article_dt__Ar6Ny">掲載日</dt><dd class="Article_dd__Gp1Lc">2026.11.05</dd></dl>
<div class="Article_body__m3"><p>親族内承継とM&amp;Aそれぞれのメリット・注意点を、事例を交えて解説します。</p><h2>開催要項</h2>
<p>開催日時：令和8年12月9日（水）午後2時～午後4時<br>会　　場：例北区民センター 第2会議室<br>申込締切：令和8年12月4日（金）</p></div></main></body></html>`)
	if jst(e.StartsAt) != "2026-12-09 14:00" || jst(e.EndsAt) != "2026-12-09 16:00" {
		t.Errorf("%s – %s, want 14:00 – 16:00", jst(e.StartsAt), jst(e.EndsAt))
	}
}

// A shop sells one ticket for a study day held twice: its variant picker
// lists both days under 開催日, its text numbers them ① ② with their hours,
// the second full. Each is an event, the first open.
func TestAutoEventShopSessionsNumberedInCircles(t *testing.T) {
	doc := docOf(t, `<html><head><title>【1/19・1/26開催】新春 日本酒ペアリング勉強会（全2回・各回同内容） – 例酒販協同組合</title></head><body>
<main id="MainContent"><div class="product__info-container"><h1>【1/19・1/26開催】新春 日本酒ペアリング勉強会（全2回・各回同内容）</h1>
<div class="price"><span class="price-item">¥4,000</span></div><small class="tax-note">税込み。</small>
<fieldset class="product-form__input"><legend class="form__label">開催日</legend>
<input type="radio" id="v1" name="開催日" value="1月19日（火）" checked><label for="v1">1月19日（火）<span class="visually-hidden label-unavailable">バリエーションは売り切れているか販売できません</span></label>
<input type="radio" id="v2" name="開催日" value="1月26日（火）" class="disabled"><label for="v2">1月26日（火）<span class="visually-hidden label-unavailable">バリエーションは売り切れているか販売できません</span></label></fieldset>
<div class="product__description rte"><p>料理研究家をお招きし、冬の定番料理に合わせたペアリングを学びます。</p>
<p>■日時<br>　① 2027年1月19日（火）14:00～16:30<br>　② 2027年1月26日（火）14:00～16:30　※満席となりました<br>　各回とも同じ内容です。</p>
<p>■会場　例酒販会館 3階 大会議室</p><p>■研修 対象：酒販店・飲食店の方</p></div></div></main></body></html>`)
	f, err := readEventPage(doc, mustURL("https://shop.example.jp/products/pairing-2027"), goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms := pageMeetings(doc, f, goldenRef)
	if len(ms) != 2 || jst(ms[0].day) != "2027-01-19 14:00" || jst(ms[1].day) != "2027-01-26 14:00" {
		t.Fatalf("meetings %+v, want the two days", ms)
	}
	if st, _ := statusIn(ms[0].status); st != "scheduled" {
		t.Errorf("the first day's status %q, want open", ms[0].status)
	}
	if st, _ := statusIn(ms[1].status); st != "full" {
		t.Errorf("the second day's status %q, want full", ms[1].status)
	}
}

// A shop's gift set beside its tickets is no event; a training named
// 研修 with a sales word in it is one.
func TestNoticeWordGiftsAndTrainings(t *testing.T) {
	if noticeWord("【お歳暮・数量限定】参加蔵元 純米酒 飲み比べ3本セット（720ml×3）") == "" {
		t.Error("a gift set read as no notice")
	}
	if w := noticeWord("【3/9開催】酒類販売管理研修（定期研修）"); w != "" {
		t.Errorf("a training read as a notice (%s)", w)
	}
}

// A 相談会 held at several branches on several days, a table's rows under
// 開催日 | 会場 | 時間 | 予約状況: each row is a meeting with its own hall,
// hours and state.
func TestAutoEventTableOfBranchDays(t *testing.T) {
	doc := docOf(t, `<html><head><title>相続・事業承継 個別相談会 | 例信用金庫</title></head><body><main><h1>相続・事業承継 個別相談会</h1>
<table class="tbl"><tr><th>相談料</th><td>無料</td></tr></table>
<table class="tbl-schedule"><thead><tr><th>開催日</th><th>会場</th><th>時間</th><th>予約状況</th></tr></thead><tbody>
<tr><td>2027年1月19日（火）</td><td>本店営業部 2階 相談ルーム</td><td>10:00～16:00</td><td>受付中</td></tr>
<tr><td>2027年1月26日（火）</td><td>例ヶ丘支店</td><td>10:00～16:00</td><td>満席</td></tr>
<tr><td>2027年2月2日（火）</td><td>例布施支店</td><td>13:00～17:00</td><td>受付中</td></tr></tbody></table></main></body></html>`)
	f, err := readEventPage(doc, mustURL("https://www.example.jp/hojin/seminar/soudankai.aspx"), goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms := pageMeetings(doc, f, goldenRef)
	if len(ms) != 3 {
		t.Fatalf("meetings %+v, want the three days", ms)
	}
	if m := ms[1]; jst(m.day) != "2027-01-26 10:00" || m.venue != "例ヶ丘支店" || m.status != "満席" {
		t.Errorf("second meeting %+v, want 1/26 10:00 at 例ヶ丘支店, 満席", m)
	}
	if m := ms[2]; jst(m.day) != "2027-02-02 13:00" || m.venue != "例布施支店" {
		t.Errorf("third meeting %+v, want 2/2 13:00 at 例布施支店", m)
	}
}

// A 法人会's table gives one seminar twice on one day, its long title
// merged over both rows (rowspan) and each time cell naming its part
// (【午前の部】, 【午後の部】): two events, each titled with its part, at its
// own hours; the speaker's cell stays the speaker's.
func TestAutoListTableDayParts(t *testing.T) {
	page := `<html><head><title>研修会・行事予定</title></head><body><h2>研修会・行事予定</h2>
<h3>■ 令和9年1月</h3>
<table class="kenshu" border="1">
<tr><th>開催日</th><th>時間</th><th>研修名</th><th>講師</th><th>会場</th><th>申込</th></tr>
<tr><td>令和9年1月14日(木)</td><td>17:00〜19:00</td><td>新春賀詞交歓会<br><font size="2">会費 5,000円</font></td><td>来賓：例税務署長</td><td>ホテル例河内<br>3階 鳳凰の間</td><td><a href="../pdf/gashi.pdf">案内(PDF)</a></td></tr>
<tr><td rowspan="2">令和9年1月21日(木)</td><td>【午前の部】<br>10:00〜12:00<br><font color="#ff0000"><b>満席</b></font></td>
<td rowspan="2">経営セミナー<br>「インボイス制度・電子帳簿保存法 実務対応のポイント」<br><font size="2">※午前・午後とも同じ内容です</font></td>
<td rowspan="2">税理士<br>例本　真由美 氏</td><td rowspan="2">例河内法人会館<br>2階 研修室</td><td rowspan="2"><a href="../pdf/invoice.pdf">案内(PDF)</a></td></tr>
<tr><td>【午後の部】<br>14:00〜16:00</td></tr>
</table></body></html>`
	lp := autoItems(t, "https://www.example.jp/kenshu/index.html", page)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Fields[FieldTitle]+" @ "+it.Fields[FieldDate])
	}
	want := []string{
		"新春賀詞交歓会 @ 令和9年1月14日(木) 17:00〜19:00",
		"経営セミナー 「インボイス制度・電子帳簿保存法 実務対応のポイント」（午前の部） @ 令和9年1月21日(木) 【午前の部】 10:00〜12:00 満席",
		"経営セミナー 「インボイス制度・電子帳簿保存法 実務対応のポイント」（午後の部） @ 令和9年1月21日(木) 【午後の部】 14:00〜16:00",
	}
	if !slices.Equal(got, want) {
		t.Errorf("items\n%q\nwant\n%q", got, want)
	}
}

// An old 商工会 page: its events are links to their flyers, each named
// with the day (【12/15】年末調整説明会のご案内（PDF）, 令和9年1月20日
// 新年賀詞交歓会について); under them, the month's desk days (記帳指導日,
// 金融相談日) in a table: no gatherings.
func TestAutoListFlyerRowsAndDeskDays(t *testing.T) {
	page := `<HTML><HEAD><TITLE>行事予定｜例町商工会</TITLE></HEAD><BODY><TABLE width="640"><TR><TD>
<P><B>■ 行事予定</B></P>
<TABLE border="0" cellspacing="0" cellpadding="3">
<TR><TD width="16"><IMG src="image/arrow_g.gif"></TD><TD><A href="pdf/R9_gashi.pdf">令和9年1月20日 新年賀詞交歓会について</A> <IMG src="image/icon_pdf.gif" alt="PDF"></TD></TR>
<TR><TD width="16"><IMG src="image/arrow_g.gif"></TD><TD><A href="pdf/R8_nenmatsu.pdf">【12/15】年末調整説明会のご案内（PDF）</A></TD></TR>
<TR><TD width="16"><IMG src="image/arrow_g.gif"></TD><TD><A href="pdf/R8_form.pdf">FAX申込書（PDF）</A></TD></TR>
</TABLE>
<P><B>■ 12月の窓口相談日</B></P>
<TABLE border="1" cellspacing="0" cellpadding="4">
<TR><TD><B>相談名</B></TD><TD><B>日　時</B></TD><TD><B>場　所</B></TD></TR>
<TR><TD>記帳指導日</TD><TD>12月3日（木）・10日（木）・17日（木）<BR>午前10時～午後4時</TD><TD>商工会館 1階 相談室</TD></TR>
<TR><TD>金融相談日※<BR>（日本政策金融公庫）</TD><TD>12月9日（水）<BR>午後1時30分～午後4時</TD><TD>商工会館 2階 小会議室</TD></TR>
</TABLE></TD></TR></TABLE></BODY></HTML>`
	lp := autoItems(t, "https://www.example.jp/gyoji.html", page)
	got := map[string]string{}
	for _, it := range lp.Items {
		got[it.Fields[FieldTitle]] = it.Fields[FieldDate]
	}
	want := map[string]string{"新年賀詞交歓会について": "令和9年1月20日", "年末調整説明会のご案内": "12/15"}
	if len(got) != len(want) {
		t.Errorf("items %q, want %q", got, want)
	}
	for title, day := range want {
		if d, ok := got[title]; !ok || !strings.Contains(d, day) {
			t.Errorf("%s: date %q (%v), want one with %s", title, d, ok, day)
		}
	}
}

// A 商工会's row that calls off an event in a sentence, with no link:
// 【中止】12月12日（土）に予定しておりました…大会は、…中止いたします. The
// event is the one it names, on that day, cancelled.
func TestAutoListCancellationSentenceRow(t *testing.T) {
	page := `<HTML><HEAD><TITLE>行事予定｜例町商工会</TITLE></HEAD><BODY><TABLE border="0" cellpadding="3">
<TR><TD width="16"><IMG src="image/arrow_g.gif"></TD><TD><A href="keiei1209.html">12月9日（水）　経営セミナー「生成AI活用入門」</A></TD></TR>
<TR><TD width="16"><IMG src="image/arrow_g.gif"></TD><TD><FONT color="#ff0000"><B>【中止】</B></FONT>12月12日（土）に予定しておりました<B>青年部 親睦ボウリング大会</B>は、都合により中止いたします。お申込みいただいた皆様にはご迷惑をおかけし申し訳ございません。</TD></TR>
</TABLE></BODY></HTML>`
	lp := autoItems(t, "https://www.example.jp/gyoji.html", page)
	for _, it := range lp.Items {
		if strings.Contains(it.Fields[FieldTitle], "ボウリング") {
			if it.Fields[FieldTitle] != "【中止】青年部 親睦ボウリング大会" || !strings.Contains(it.Fields[FieldDate], "12月12日") {
				t.Errorf("title %q date %q; want 【中止】青年部 親睦ボウリング大会 on 12月12日", it.Fields[FieldTitle], it.Fields[FieldDate])
			}
			return
		}
	}
	t.Errorf("no item names the bowling event: %v", lp.Items)
}

// An Excel sheet saved as a web page: a two-day study tour merges its name,
// place and note over the rows of its two days, and a name of a few
// characters has its subject in brackets on the line under it. The tour is
// one event from the first day to the second, and each title keeps its
// bracketed line; an agenda in brackets (…について) stays a note.
func TestAutoListSheetTwoDayRowAndBracketedName(t *testing.T) {
	page := `<html><body><table border=0 cellpadding=0 cellspacing=0>
<tr><td colspan=6>令和８年度　商業部会　下期行事予定（令和８年10月～令和９年３月）</td></tr>
<tr><td>月</td><td>日</td><td>曜</td><td>行事名</td><td>場所</td><td>備考</td></tr>
<tr><td rowspan=2>2月</td><td>18</td><td>木</td><td rowspan=2>先進地視察研修<br>（石川県金沢市方面）</td><td rowspan=2>金沢市内</td><td rowspan=2>１泊２日<br>※詳細は「詳細」シート参照</td></tr>
<tr><td>19</td><td>金</td></tr>
<tr><td rowspan=2>3月</td><td>4</td><td>木</td><td>臨時総会<br>（部会規約の改正について）</td><td>本所 4階 大ホール</td><td>15:00～</td></tr>
<tr><td>11</td><td>木</td><td>部会員交流会<br>（ボジョレー・ヌーボーを楽しむ会）</td><td>ホテル例堺 2階</td><td>18:30～20:30</td></tr>
</table></body></html>`
	lp := autoItems(t, "https://www.example.jp/bukai/gyoji_r8.files/sheet001.htm", page)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
		if strings.HasPrefix(it.Fields[FieldTitle], "先進地視察研修") {
			sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], goldenRef)
			if err != nil || jst(sp.Start)[:10] != "2027-02-18" || sp.End.IsZero() || jst(sp.End)[:10] != "2027-02-19" {
				t.Errorf("tour date %q: %v %v – %v, want 2月18日 to 19日", it.Fields[FieldDate], err, sp.Start, sp.End)
			}
		}
	}
	want := []string{"先進地視察研修（石川県金沢市方面）", "臨時総会", "部会員交流会（ボジョレー・ヌーボーを楽しむ会）"}
	if !slices.Equal(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
}

// A Jimdo site's 例会 page: rich text heads each announcement with a bold
// ◆ line over 日時：, 場所：, 会費： paragraphs (and a past one under 終了した
// 例会), and a table of the half year lists the same meetings by 月 and
// 日 (21日（水）) without hours. Each meeting is one event with the
// announcement's hours and hall; a row only the table lists keeps no hall
// of another meeting's announcement.
func TestAutoListMarkedAnnouncementsAndTheirTable(t *testing.T) {
	page := `<html><head><title>例会・事業予定 - 例みなみYEG</title></head><body><div id="content_area">
<div class="j-module n j-header "><h1>例会・事業予定</h1></div>
<div class="j-module n j-header "><h2>今後の例会・事業</h2></div><div class="j-module n j-text "><p>
    <span style="font-size: 18px;"><strong><span style="color: #1f4e8c;">◆12月例会・忘年会</span></strong></span>
</p><p>    日時：12/9（水）18:30～（受付18:00～）
</p><p>    場所：ホテル例八尾 3階「桜の間」
</p><p>    会費：8,000円（当日受付にてお支払いください）
</p><p>    <a href="https://docs.google.com/forms/d/e/1FAIpQLSd7kXq/viewform" target="_blank">▶ 出欠フォームはこちら</a>
</p><p>    &nbsp;
</p><p>    <span style="font-size: 18px;"><strong><span style="color: #1f4e8c;">◆2月例会「防災×BCP ～いざという時に会社を守る～」</span></strong></span>
</p><p>    日時：2/17（水）19:00～21:00
</p><p>    場所：例商工会議所 3階 大会議室
</p></div>
<div class="j-module n j-header "><h2>終了した例会</h2></div><div class="j-module n j-text "><p>
    <span style="font-size: 18px;"><strong><span style="color: #1f4e8c;">◆11月例会「事業承継を考える」　<span style="color: #999999;">※終了しました</span></span></strong></span>
</p><p>    日時：11/18（水）19:00～21:00
</p><p>    場所：例商工会議所 3階 大会議室
</p><p>    ご参加ありがとうございました。当日の様子は<a href="/2026/11/24/november-reikai-report/">活動報告</a>をご覧ください。
</p></div>
<div class="j-module n j-header "><h2>令和8年度 下期 事業予定</h2></div><div class="j-module n j-table "><table border="1">
<tbody><tr><td><strong>月</strong></td><td><strong>日</strong></td><td><strong>事業名</strong></td><td><strong>担当委員会</strong></td></tr>
<tr><td>10月</td><td>21日（水）</td><td>10月例会「会員企業見学会」</td><td>交流委員会</td></tr>
<tr><td>11月</td><td>18日（水）</td><td>11月例会「事業承継を考える」</td><td>研修委員会</td></tr>
<tr><td>12月</td><td>9日（水）</td><td>12月例会・忘年会</td><td>交流委員会</td></tr>
<tr><td>2月</td><td>17日（水）</td><td>2月例会「防災×BCP」</td><td>研修委員会</td></tr>
<tr><td>2月</td><td>27日（土）</td><td>地域貢献事業「こどもお仕事体験フェスタ」</td><td>地域委員会</td></tr>
</tbody></table></div></div></body></html>`
	lp := autoItems(t, "https://example.jimdofree.com/schedule/", page)
	got := map[string]string{}
	for _, it := range lp.Items {
		sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], goldenRef)
		if err != nil {
			t.Errorf("%q: date %q: %v", it.Fields[FieldTitle], it.Fields[FieldDate], err)
			continue
		}
		got[it.Fields[FieldTitle]] = jst(sp.Start) + " " + it.Fields[FieldVenue]
	}
	want := map[string]string{
		"12月例会・忘年会": "2026-12-09 18:30 ホテル例八尾 3階「桜の間」",
		"2月例会「防災×BCP ～いざという時に会社を守る～」": "2027-02-17 19:00 例商工会議所 3階 大会議室",
		"11月例会「事業承継を考える」":             "2026-11-18 19:00 例商工会議所 3階 大会議室",
		"10月例会「会員企業見学会」":              "2026-10-21 00:00 ",
		"地域貢献事業「こどもお仕事体験フェスタ」":        "2027-02-27 00:00 ",
	}
	if !maps.Equal(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
}

// A speakers' schedule writes the month on the first row of each month
// and the day alone under it (12月2日（水）, 9日（水）, …, 1月6日（水）,
// 13日（水）): each row is in the month written above it.
func TestAutoListDaysUnderTheRowWithTheMonth(t *testing.T) {
	page := `<html><head><title>モーニングセミナー | 例倫理法人会</title></head><body><main><article>
<h1>モーニングセミナー</h1>
<figure class="wp-block-table"><table><tbody>
<tr><th>日時</th><td>毎週火曜日　朝6:00～7:00（受付 5:40～）</td></tr>
<tr><th>会場</th><td>例ホテル 3階「桜の間」</td></tr></tbody></table></figure>
<h2 class="wp-block-heading">講師予定</h2>
<figure class="wp-block-table"><table><thead><tr><th>日程</th><th>講師</th><th>テーマ</th></tr></thead><tbody>
<tr><td>12月1日（火）</td><td><strong>例田 一郎 氏</strong><br>例田商事株式会社 代表取締役</td><td>「朝起きは繁栄の第一歩」</td></tr>
<tr><td>8日（火）</td><td><strong>見本 花子 氏</strong><br>有限会社見本 取締役</td><td>「感謝の心で人が育つ」</td></tr>
<tr><td>15日（火）</td><td><strong>会員スピーチ</strong></td><td>「私の倫理実践」</td></tr>
<tr><td>29日（火）</td><td colspan="2">休会（年末のため）</td></tr>
<tr><td>1月5日（火）</td><td><strong>例田 一郎 氏</strong></td><td>「年頭所感」</td></tr>
<tr><td>12日（火）</td><td><strong>試験 次郎 氏</strong><br>試験工業株式会社 会長</td><td>「苦難福門」</td></tr>
</tbody></table></figure></article></main></body></html>`
	lp := autoItems(t, "https://www.example.jp/morning-seminar/", page)
	var got []string
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got = append(got, jst(e.StartsAt)+" "+e.Title)
	}
	want := []string{"2026-12-01 06:00 「朝起きは繁栄の第一歩」", "2026-12-08 06:00 「感謝の心で人が育つ」", "2026-12-15 06:00 「私の倫理実践」",
		"2027-01-05 06:00 「年頭所感」", "2027-01-12 06:00 「苦難福門」"}
	if !slices.Equal(got, want) {
		t.Errorf("events\n%q\nwant\n%q", got, want)
	}
}

// A page's VENUE box names the building; its 開催概要 the room in it,
// with the address: the venue is the room's. A note in brackets after
// the name (（貸切）) says no more of the place.
func TestAutoEventVenueRoomInTheText(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>Pitch Night vol.4 — EXAMPLE FOUNDERS</title></head><body><main>
<div class="framer-1a2b3c"><p class="framer-text">2026.12.16 WED</p></div><div class="framer-4d5e6f"><p class="framer-text">19:00 - 21:30</p></div>
<h1 class="framer-text">Pitch Night vol.4</h1>
<div class="framer-7g8h9i"><p class="framer-text">VENUE</p></div><div class="framer-0j1k2l"><p class="framer-text">例インキュベーションベース</p></div>
<h2 class="framer-text">開催概要</h2>
<p class="framer-text">日時：2026年12月16日（水） 19:00〜21:30（開場 18:30）</p>
<p class="framer-text">会場：例インキュベーションベース 2F ラウンジ（大阪市北区例町2丁目7-18 例ビル2F）</p>
<p class="framer-text">参加費：一般 2,000円</p></main></body></html>`)
	if e.Venue != "例インキュベーションベース 2F ラウンジ" {
		t.Errorf("venue %q, want the room the text names", e.Venue)
	}
	if got := roomOf("会場：例カフェ 梅田（貸切）\n参加費：3,000円", "例カフェ 梅田"); got != "" {
		t.Errorf("roomOf read %q: a note, not a room", got)
	}
}
