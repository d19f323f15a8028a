package crawler

import (
	"strings"
	"testing"

	"kouryu/internal/event"
)

// A chamber's news list announces a seminar in one post and calls it off
// in a later one, leaving the first as it was: the seminar is published
// cancelled, once, and the other events keep their status.
func TestCrawlAutoPostCallsAnEventOff(t *testing.T) {
	post := func(title, body string) string {
		return `<html><head><title>` + title + `｜例中央会 北支部</title></head><body><div id="main"><div class="entry"><h3 class="entry_title">` + title +
			`</h3><p class="entry_date">2026.11.20</p><div class="entry_body">` + body + `</div></div></div></body></html>`
	}
	pages := map[string]string{
		"/news/": `<html><head><title>新着情報｜例中央会 北支部</title></head><body><div id="main"><ul class="news">
<li><span class="date">2026.12.01</span>　<a href="/news/411.html">【お知らせ】「組合ＢＣＰ策定セミナー」開催中止のお知らせ</a></li>
<li><span class="date">2026.11.20</span>　<a href="/news/406.html">【セミナー】組合ＢＣＰ策定セミナーのご案内</a></li>
<li><span class="date">2026.11.18</span>　<a href="/news/405.html">【交流会】組合交流会（忘年会）のご案内</a></li>
</ul></div></body></html>`,
		"/news/406.html": post("【セミナー】組合ＢＣＰ策定セミナーのご案内", `<p>■日時　令和８年１２月１６日（水）午後２時～午後４時</p><p>■会場　例産業会館　５階　会議室</p>`),
		"/news/405.html": post("【交流会】組合交流会（忘年会）のご案内", `<p>■日時　令和８年１２月１８日（金）午後６時～午後８時</p><p>■会場　ホテル例 ２階</p>`),
		"/news/411.html": post("【お知らせ】「組合ＢＣＰ策定セミナー」開催中止のお知らせ",
			`<p>１２月１６日（水）に開催を予定しておりました「組合ＢＣＰ策定セミナー」は、講師の都合により中止いたします。</p>`),
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: chuokai
    name: 例中央会 北支部
    kind: auto
    start_urls: ["%s/news/"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if len(evs) != 2 {
		t.Fatalf("events %v, want the seminar and the party once each", evs)
	}
	if s := got["【セミナー】組合ＢＣＰ策定セミナーのご案内"]; len(s) != 1 || s[0].Status != event.StatusCancelled {
		t.Errorf("seminar %v, want it cancelled", s)
	}
	if p := got["【交流会】組合交流会（忘年会）のご案内"]; len(p) != 1 || p[0].Status != event.StatusScheduled {
		t.Errorf("party %v, want it scheduled", p)
	}
	if rep.Events != 2 {
		t.Errorf("report counts %d events, want 2", rep.Events)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "/news/411.html calls it off") {
		t.Errorf("problems %q, want the call-off named", rep.Problems)
	}
}

func TestCalledOff(t *testing.T) {
	for title, want := range map[string]callOff{
		"【お知らせ】「組合BCP策定セミナー」開催中止のお知らせ": {name: "組合BCP策定セミナー", status: event.StatusCancelled},
		"「新春賀詞交歓会」の延期について":             {name: "新春賀詞交歓会", status: event.StatusPostponed},
		"11月3日（火・祝）のモーニングセミナーは中止いたします": {day: "2026-11-03", status: event.StatusCancelled},
		"12月9日の定例会は延期となりました":           {day: "2026-12-09", status: event.StatusPostponed},
		"【延期】12月8日(火)店主勉強会 延期のお知らせ":    {day: "2026-12-08", status: event.StatusPostponed},
		"1月27日（水）ランチ交流会 中止のお知らせ":       {day: "2027-01-27", status: event.StatusCancelled},
	} {
		c, ok := calledOff(title, "", corpusNow)
		if !ok || c.name != want.name || c.day != want.day || c.status != want.status {
			t.Errorf("%q: %+v %v, want %+v", title, c, ok, want)
		}
	}
	for _, title := range []string{"【中止】「組合BCP策定セミナー」のご案内", "経営セミナー「中止と延期の判断基準」のご案内",
		"12月9日（水）定例会のご案内", "【中止】12月9日（水）定例会"} {
		if c, ok := calledOff(title, "", corpusNow); ok {
			t.Errorf("%q read as a call-off: %+v", title, c)
		}
	}
}

// A later post moves an event announced in its own post to another hall
// (【会場変更のお知らせ】, 変更前 / 変更後): the event is published at the new
// hall, once; the notice is no event.
func TestCrawlAutoPostMovesAnEvent(t *testing.T) {
	post := func(title, body string) string {
		return `<html><head><title>` + title + `｜例経営者の会</title></head><body><div id="main"><div class="entry"><h3 class="entry_title">` + title +
			`</h3><p class="entry_date">2026.12.01</p><div class="entry_body">` + body + `</div></div></div></body></html>`
	}
	pages := map[string]string{
		"/news/": `<html><head><title>お知らせ｜例経営者の会</title></head><body><div id="main"><ul class="news">
<li><span class="date">2026.12.03</span>　<a href="/news/502.html">【会場変更のお知らせ】忘年会の会場を変更いたします</a></li>
<li><span class="date">2026.12.01</span>　<a href="/news/501.html">令和8年 忘年会のご案内</a></li>
<li><span class="date">2026.11.20</span>　<a href="/news/500.html">12月例会のご案内</a></li>
</ul></div></body></html>`,
		"/news/500.html": post("12月例会のご案内", `<p>■日時　令和８年１２月１５日（火）午後６時30分～</p><p>■会場　ホテル例北浜 ３階</p>`),
		"/news/501.html": post("令和8年 忘年会のご案内", `<p>■日時　令和８年１２月１８日（金）午後６時30分～午後９時</p><p>■会場　北新地 割烹 例 2階座敷</p>`),
		"/news/502.html": post("【会場変更のお知らせ】忘年会の会場を変更いたします", `<p>忘年会につきまして、お申込みが定員を上回りましたため、下記のとおり会場を変更いたします。</p>
<table><tr><th>日　時</th><td>令和8年12月18日（金）午後6時30分～午後9時<br>（変更はございません）</td></tr>
<tr><th>変更前</th><td><del>北新地 割烹 例 2階座敷</del></td></tr>
<tr><th>変更後</th><td>ホテル例北浜 2階「桜の間」</td></tr></table>`),
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: keieisha
    name: 例経営者の会
    kind: auto
    start_urls: ["%s/news/"]
    area: 大阪市中央区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if p := got["令和8年 忘年会のご案内"]; len(p) != 1 || p[0].Venue != "ホテル例北浜 2階「桜の間」" || p[0].Status != event.StatusScheduled {
		t.Errorf("party %v, want it at the new hall, scheduled", p)
	}
	if m := got["12月例会のご案内"]; len(m) != 1 || m[0].Venue != "ホテル例北浜 ３階" {
		t.Errorf("meeting %v, want it where it was", m)
	}
	if len(evs) != 2 {
		t.Errorf("events %v, want the party and the meeting once each", evs)
	}
}

// A 部会's page calls off a meeting in a notice (【中止】…に予定しておりました
// …は…中止) and links its half-year schedule, an Excel sheet saved as a web
// page, whose row gives the same meeting with its hall. The meeting is
// published once, from the sheet, cancelled; the notice is no second event.
// A notice naming a meeting the sheet does not list is that meeting,
// cancelled.
func TestCrawlAutoNoticeCallsOffAScheduleRow(t *testing.T) {
	pages := map[string]string{
		"/bukai/": `<HTML><HEAD><TITLE>商業部会｜例川商工会議所</TITLE></HEAD><BODY>
<H2>商業部会</H2><P>商業部会は小売業・卸売業の会員事業所で構成しています。</P>
<H3>令和８年度 下期 行事予定</H3>
<P><A href="gyoji_r8.htm" target="_blank">令和８年度 商業部会 下期行事予定</A><BR><A href="pdf/gyoji_r8.pdf">印刷用（PDF：128KB）</A></P>
<H3>お知らせ</H3>
<UL>
<LI><FONT color="#ff0000">【中止】</FONT>12月３日（木）に予定しておりました工業部会・商業部会 合同例会は、講師の都合により中止となりました。（11/30）
<LI><FONT color="#ff0000">【中止】</FONT>12月10日（木）に予定しておりました部会員ボウリング大会は、参加者少数のため中止となりました。（11/30）
</UL></BODY></HTML>`,
		"/bukai/gyoji_r8.htm": `<html><body><table border=0 cellpadding=0 cellspacing=0>
<tr><td colspan=6>令和８年度　商業部会　下期行事予定（令和８年10月～令和９年３月）</td></tr>
<tr><td>月</td><td>日</td><td>曜</td><td>行事名</td><td>場所</td><td>備考</td></tr>
<tr><td rowspan=2>11月</td><td>13</td><td>金</td><td>部会員交流会<br>（ボジョレー・ヌーボーを楽しむ会）</td><td>ホテル例堺 2階<br>「ルミエール」</td><td>18:30～20:30<br>会費 5,000円</td></tr>
<tr><td>26</td><td>木</td><td>正副部会長会議</td><td>本所 3階 301会議室</td><td>15:00～</td></tr>
<tr><td rowspan=2>12月</td><td>3</td><td>木</td><td>工業部会・商業部会 合同例会</td><td rowspan=2>本所 4階 大ホール</td><td>中止（講師都合により）</td></tr>
<tr><td>17</td><td>木</td><td>部会セミナー<br>「年末商戦とＳＮＳ集客」</td><td>14:00～16:00</td></tr>
</table></body></html>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: bukai
    name: 例川商工会議所 商業部会
    kind: auto
    start_urls: ["%s/bukai/"]
    area: 堺市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if m := got["工業部会・商業部会 合同例会"]; len(m) != 1 || m[0].Status != event.StatusCancelled || m[0].Venue != "本所 4階 大ホール" {
		t.Errorf("the joint meeting: %+v, want the sheet's row, cancelled, at 本所 4階 大ホール", m)
	}
	if m := got["【中止】工業部会・商業部会 合同例会"]; len(m) != 0 {
		t.Errorf("the notice is published as an event of its own: %+v", m)
	}
	if b := got["【中止】部会員ボウリング大会"]; len(b) != 1 || b[0].Status != event.StatusCancelled || jst(b[0].StartsAt)[:10] != "2026-12-10" {
		t.Errorf("the bowling day only the notice names: %+v, want it cancelled on 12月10日", b)
	}
	if len(evs) != 5 {
		t.Errorf("%d events, want the sheet's four and the bowling day: %v", len(evs), evs)
	}
}

func TestPlannedPlace(t *testing.T) {
	for text, want := range map[string]string{
		"12月10日（木）19:00〜 区民センター 第3会議室にて予定しておりました勉強会は中止とさせていただきます": "区民センター 第3会議室",
		"11月29日（日）に例カントリー倶楽部にて開催を予定しておりました「ゴルフコンペ」は中止となりました":      "例カントリー倶楽部",
		"12月27日（日）午前10時から例ヶ丘公園で予定しておりました歳末もちつき大会は中止いたします":         "例ヶ丘公園",
		"12月27日（日）の歳末もちつき大会は中止いたします":                              "",
	} {
		if got := plannedPlace(text); got != want {
			t.Errorf("plannedPlace(%q) = %q, want %q", text, got, want)
		}
	}
}
