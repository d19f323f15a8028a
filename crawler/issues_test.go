package crawler

import (
	"slices"
	"testing"

	"kouryu/internal/event"
)

// A branch's only web page for its events is its mail service's archive:
// a table of subjects and send dates, each mail a 600px table layout whose
// blocks are a bold heading, a table of 日　時 and 会　場, a button. The
// 12月例会 is announced in November's issue, then moved to another hall
// and reminded (【リマインド】) in December's, which also lists it in a
// table of coming events. It is one event, at the new hall; the send
// dates are no events.
func TestCrawlAutoMailArchiveIssues(t *testing.T) {
	heading := func(t string) string {
		return `<table class="blk_container" width="100%"><tr><td class="blk_parent"><table class="bmeTextBlock" width="100%"><tr>
<td valign="top" align="left" style="padding:6px 0 6px 12px;border-left:6px solid #1f4e79;font-size:18px;font-weight:bold;color:#1f4e79;">` + t + `</td></tr></table></td></tr></table>`
	}
	info := func(when, where string) string {
		return `<table class="blk_container" width="100%"><tr><td class="blk_parent"><table class="bmeTextBlock bmeInfoTable" width="100%">
<tr><td class="bmeLabelCell" width="92" bgcolor="#f5f0e4">日　時</td><td class="bmeValueCell">` + when + `</td></tr>
<tr><td class="bmeLabelCell" width="92" bgcolor="#f5f0e4">会　場</td><td class="bmeValueCell">` + where + `</td></tr></table></td></tr></table>`
	}
	button := `<table class="blk_container" width="100%"><tr><td class="blk_parent" align="center"><table class="bmeButton"><tr>
<td class="bmeButtonText" bgcolor="#c8541e"><a href="/c/l?u=1C1F0">申し込む</a></td></tr></table></td></tr></table>`
	mail := func(subject, body string) string {
		return `<html><head><title>` + subject + `</title></head><body bgcolor="#eeeeee">
<div class="bmePreheader" style="display:none">今月の例会のご案内です。</div>
<table width="100%" class="bmeHolder"><tr><td align="center"><table width="600" class="bmeMainColumnParentTable"><tr>
<td class="bmeMainColumn" valign="top">
<table class="blk_container" width="100%"><tr><td class="blk_parent"><table class="bmeTextBlock" width="100%"><tr><td>
例同友会 例支部 会員の皆様<br>事務局です。下記のとおりご案内いたします。</td></tr></table></td></tr></table>
` + body + `
<table class="blk_container" width="100%"><tr><td class="blk_parent"><table class="bmeTextBlock" width="100%"><tr><td>
配信停止は<a href="/c/u?e=1">こちら</a></td></tr></table></td></tr></table>
</td></tr></table></td></tr></table></body></html>`
	}
	pages := map[string]string{
		"/archive/8F/": `<html><head><title>メール アーカイブ - 例同友会 例支部</title></head><body>
<header><h1>メール アーカイブ</h1><p>例同友会 例支部</p></header><main><table class="archive-list">
<thead><tr><th scope="col">件名</th><th scope="col">配信日時</th></tr></thead><tbody>
<tr><td class="archive-subject"><a href="/c/v/1AC2.html">【例支部ニュース Vol.89】12月例会は新会場で</a></td><td class="archive-date">2026/12/04 17:00</td></tr>
<tr><td class="archive-subject"><a href="/c/v/1A3B.html">【例支部ニュース Vol.88】11月例会・12月例会のご案内</a></td><td class="archive-date">2026/11/06 17:00</td></tr>
</tbody></table></main></body></html>`,
		"/c/v/1AC2.html": mail("【例支部ニュース Vol.89】12月例会は新会場で",
			heading("【リマインド】12月例会「幹部が育つ会社」 ～任せる仕組み～")+info("12月16日（水）18:30～21:00（受付18:00）", "例グランドビル 8階 会議室A<br>※会場が変わりました")+button+
				heading("今後の支部行事")+`<table class="blk_container" width="100%"><tr><td class="blk_parent"><table class="bmeTextBlock" width="100%">
<tr><td>12月16日（水）</td><td>12月例会・忘年会</td><td>18:30～</td></tr>
<tr><td>1月20日（水）</td><td>新春例会</td><td>16:00～</td></tr></table></td></tr></table>`),
		"/c/v/1A3B.html": mail("【例支部ニュース Vol.88】11月例会・12月例会のご案内",
			heading("11月例会「事業承継、兄弟でどう分ける？」")+info("11月18日（水）18:30～21:00（受付18:00）", "例市民交流センター 3階 第2会議室")+button+
				heading("12月例会「幹部が育つ会社」 ～任せる仕組み～")+info("12月16日（水）18:30～21:00（受付18:00）", "例商工ホール 3階 大会議室")+button),
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: doyukai
    name: 例同友会 例支部
    kind: auto
    start_urls: ["%s/archive/8F/"]
    area: 茨木市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	var got []string
	for _, e := range evs {
		got = append(got, jst(e.StartsAt)+" "+e.Title+" @ "+e.Venue)
	}
	slices.Sort(got)
	want := []string{
		"2026-11-18 18:30 11月例会「事業承継、兄弟でどう分ける？」 @ 例市民交流センター 3階 第2会議室",
		"2026-12-16 18:30 12月例会「幹部が育つ会社」 ～任せる仕組み～ @ 例グランドビル 8階 会議室A",
		"2027-01-20 16:00 新春例会 @ ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
}

// One gathering of several issues: the latest says where it is; the
// name without the mail's mark; a row of the same minute is the same.
func TestMergeIssueEvents(t *testing.T) {
	at := func(h int) event.Event { return event.Event{StartsAt: tokyo(2026, 12, 16, h, 30)} }
	older := at(18)
	older.Title, older.Venue, older.EndsAt = "12月例会「幹部が育つ会社」", "例商工ホール", tokyo(2026, 12, 16, 21, 0)
	latest := at(18)
	latest.Title, latest.Venue = "【リマインド】12月例会「幹部が育つ会社」", "例グランドビル"
	row := at(18)
	row.Title = "12月例会・忘年会"
	other := at(14)
	other.Title = "役員会"
	got := mergeIssueEvents([]issueEvent{
		{ev: older, sent: tokyo(2026, 11, 6, 17, 0), rank: 2},
		{ev: row, sent: tokyo(2026, 12, 4, 17, 0), rank: 1},
		{ev: latest, sent: tokyo(2026, 12, 4, 17, 0), rank: 1},
		{ev: other, sent: tokyo(2026, 12, 4, 17, 0), rank: 1},
	})
	if len(got) != 2 {
		t.Fatalf("%d events, want the 例会 and the 役員会: %+v", len(got), got)
	}
	e := got[0]
	if e.Title != "12月例会「幹部が育つ会社」" || e.Venue != "例グランドビル" || !e.EndsAt.Equal(tokyo(2026, 12, 16, 21, 0)) {
		t.Errorf("merged %q at %q ending %v, want the plain name, the latest hall, the older issue's end", e.Title, e.Venue, e.EndsAt)
	}
}

// A chamber's page of its 会報: a table of issues (号, 発行日, 主な内容,
// 閲覧), the recent ones with an HTML version, the older PDF only. Each
// row with an HTML version is an issue, read for its events.
func TestAutoListNewsletterIssueRows(t *testing.T) {
	row := func(issue, date, contents, links string) string {
		return `<tr><td>` + issue + `</td><td>` + date + `</td><td>` + contents + `</td><td>` + links + `</td></tr>`
	}
	page := `<html><head><title>会報「商工れい」｜例みどり商工会議所</title></head><body><div id="main">
<h1 class="pageTitle">会報「商工れい」</h1><h2>令和8年度 発行分</h2>
<table class="tblKaiho" border="1"><tr><th>号</th><th>発行日</th><th>主な内容</th><th>閲覧</th></tr>` +
		row("令和8年12月号<br>（No.735）", "令和8年12月1日", "・令和9年 新年賀詞交歓会のご案内<br>・年末年始休業のお知らせ", `<a href="/kaiho/2026/kaiho_2612.html">HTML版</a><br><a href="/kaiho/pdf/kaiho_2612.pdf">PDF版（3.2MB）</a>`) +
		row("令和8年11月号<br>（No.734）", "令和8年11月1日", "・会員大交流会（忘年会）のご案内", `<a href="/kaiho/2026/kaiho_2611.html">HTML版</a><br><a href="/kaiho/pdf/kaiho_2611.pdf">PDF版（2.7MB）</a>`) +
		row("令和8年9月号<br>（No.732）", "令和8年9月1日", "・会員親睦ゴルフ大会のご案内", `<a href="/kaiho/pdf/kaiho_2609.pdf">PDF版（2.5MB）</a>`) +
		`</table></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/kaiho/", page)
	var issues []string
	for _, it := range lp.Items {
		if it.Fields[fieldIssue] != "" {
			issues = append(issues, it.Link)
		}
	}
	want := []string{"https://www.example.jp/kaiho/2026/kaiho_2612.html", "https://www.example.jp/kaiho/2026/kaiho_2611.html"}
	if !slices.Equal(issues, want) {
		t.Errorf("issues %q, want %q (items %v)", issues, want, lp.Items)
	}
}

// An issue of a 会報: an article announcing a seminar, a table of the
// month's consultation days (今月の相談日) and one of tax deadlines
// (税務カレンダー), and a report of a past seminar. Only the seminar is an
// event.
func TestAutoListNewsletterIssue(t *testing.T) {
	page := `<html><head><title>会報「商工れい」令和8年11月号｜例みどり商工会議所</title></head><body><div id="main">
<h1>会報「商工れい」令和8年11月号（No.734）</h1>
<h2>会員大交流会（忘年会）のご案内</h2>
<table class="tblInfo"><tr><th>日時</th><td>12月10日（木）18:30～20:30（受付18:00～）</td></tr>
<tr><th>会場</th><td>ホテル例みどり 2階「桜の間」</td></tr><tr><th>会費</th><td>5,000円</td></tr></table>
<h2>今月の相談日</h2>
<table class="tblSoudan"><tr><th>日にち</th><th>相談</th><th>時間</th></tr>
<tr><td>11月11日（水）</td><td>日本政策金融公庫 出張相談（マル経融資ほか）</td><td>10:00～15:00</td></tr>
<tr><td>11月18日（水）</td><td>専門家相談（税理士）</td><td>10:00～12:00</td></tr></table>
<h2>11月・12月の税務カレンダー</h2>
<table class="tblTax"><tr><th>期限</th><th>内容</th></tr>
<tr><td>11月10日（火）</td><td>10月分 源泉所得税・住民税特別徴収税額の納付</td></tr>
<tr><td>11月30日（月）</td><td>9月決算法人の確定申告</td></tr></table>
<h2>【開催報告】秋の経営セミナー</h2>
<p>10月20日（火）、当所大会議室において秋の経営セミナーを開催し、会員事業所を中心に36名の方にご参加いただきました。</p>
</div></body></html>`
	lp := autoItems(t, "https://www.example.jp/kaiho/2026/kaiho_2611.html", page)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
	}
	if want := []string{"会員大交流会（忘年会）のご案内"}; !slices.Equal(titles, want) {
		t.Errorf("items %q, want %q", titles, want)
	}
}
