package crawler

import (
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"kouryu/internal/event"
)

// mailmagWant is an event a mail-magazine issue announces.
type mailmagWant struct {
	start, end time.Time
	venue      string
	status     string
}

// checkMailmag compares a crawl's events with the ones wanted, by title.
func checkMailmag(t *testing.T, rep Report, evs []event.Event, wants map[string]mailmagWant) {
	t.Helper()
	if len(evs) != len(wants) {
		t.Errorf("%d events, want %d; problems %q, refused %v", len(evs), len(wants), rep.Problems, rep.Refusals)
	}
	for _, e := range evs {
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("unexpected %q %v at %q", e.Title, e.StartsAt, e.Venue)
			continue
		}
		if !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Venue != w.venue || string(e.Status) != w.status {
			t.Errorf("%s: %v–%v at %q, %s; want %v–%v at %q, %s", e.Title, e.StartsAt, e.EndsAt, e.Venue, e.Status, w.start, w.end, w.venue, w.status)
		}
	}
}

// TestCrawlAutoFollowsMailmagBackNumbers crawls a 商工会's mail-magazine
// back numbers (Shift_JIS), each row titled as the issue is
// (例商工会 メールマガジン vol.45) and each issue a .txt file as mailed:
// the rows are issues to read, not newsletters to leave out. The events
// under 日　時/会　場 lines are read, the office's notices and the issue of
// notices alone give none.
func TestCrawlAutoFollowsMailmagBackNumbers(t *testing.T) {
	sjis := func(s string) []byte {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	list := `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>メールマガジン バックナンバー｜例商工会</title></head><body>
<div id="menu"><a href="/">トップ</a> | <a href="/about/">商工会について</a> | <a href="/mailmag/">メールマガジン</a> | <a href="/access/">アクセス</a></div>
<h2>メールマガジン バックナンバー</h2>
<p>会員の皆様に毎月1日と15日に配信している「例商工会メールマガジン」のバックナンバーです。配信をご希望の方は事務局までご連絡ください。</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th>配信日</th><th>タイトル</th></tr>
<tr><td>2026年12月1日</td><td><a href="mm045.txt">例商工会 メールマガジン vol.45</a></td></tr>
<tr><td>2026年11月16日</td><td><a href="mm044.txt">例商工会 メールマガジン vol.44</a></td></tr>
<tr><td>2026年11月2日</td><td><a href="mm043.txt">例商工会 メールマガジン vol.43</a></td></tr>
</table>
<p>※vol.42以前のバックナンバーは事務局でご覧いただけます。</p>
</body></html>`
	heavy := "■□■□■□■□■□■□■□■□■□■□■□■□■□■□■□■□■□\r\n"
	rule := "--------------------------------------------------------------\r\n"
	footer := heavy + "発行：例商工会 事務局\r\n〒577-0000 東大阪市例町1-2-3 例商工会館2階\r\nTEL 06-6700-XXXX\r\n" +
		"配信停止は事務局までメールでご連絡ください。\r\n" + heavy
	head := func(vol, day string) string {
		return heavy + "　例商工会 メールマガジン vol." + vol + "　" + day + "\r\n" + heavy + "\r\n会員の皆様\r\n\r\nいつも商工会活動にご協力いただきありがとうございます。\r\n\r\n"
	}
	vol45 := head("45", "2026.12.1") +
		"【今号の内容】\r\n　◆経営革新セミナー「価格転嫁の進め方」\r\n　◆青年部 新春交流会\r\n　◆事務局より\r\n\r\n" +
		rule + "◆経営革新セミナー「価格転嫁の進め方」\r\n" + rule +
		"原材料高のなか、取引先と価格の相談をどう進めるか、事例をもとに学びます。\r\n\r\n" +
		"　日　時：2026年12月15日（火）14:00～16:00\r\n" +
		"　会　場：例商工会館 3階 大会議室\r\n" +
		"　講　師：中小企業診断士 例田 一郎 氏\r\n" +
		"　参加費：無料（会員・非会員とも）\r\n" +
		"　申　込：12月10日（木）までに電話またはFAXで\r\n\r\n" +
		rule + "◆青年部 新春交流会\r\n" + rule +
		"　日　時：2027年1月21日（木）18:30～20:30\r\n" +
		"　会　場：ホテル例 2階「松の間」\r\n" +
		"　会　費：5,000円\r\n\r\n" +
		rule + "◆事務局より\r\n" + rule +
		"・年末年始は12月29日（火）～1月4日（月）まで休業いたします。\r\n" +
		"・持続化補助金の申請締切は1月15日（金）です。\r\n\r\n" + footer
	vol44 := head("44", "2026.11.16") +
		rule + "◆年末年始の休業について\r\n" + rule +
		"12月29日（火）から1月4日（月）まで事務局を休業いたします。\r\n1月5日（火）より通常どおり業務を行います。\r\n\r\n" +
		rule + "◆会費口座振替日のお知らせ\r\n" + rule +
		"下期会費は11月27日（金）に口座振替となります。\r\n\r\n" + footer
	vol43 := head("43", "2026.11.2") +
		rule + "◆【中止】女性部 親睦ボウリング大会\r\n" + rule +
		"11月20日（金）18:00～ 例ボウル にて予定しておりました親睦ボウリング大会は、\r\n参加者が少数のため中止といたします。\r\n\r\n" +
		rule + "◆記帳講習会（決算編）\r\n" + rule +
		"　日　時：2026年12月8日（火）13:30～16:30\r\n" +
		"　会　場：例商工会館 2階 研修室\r\n" +
		"　受講料：1,000円（テキスト代）\r\n\r\n" + footer
	srv, asked := servePaths(t, map[string]typedPage{
		"/mailmag/":          {"text/html", sjis(list)},
		"/mailmag/mm045.txt": {"text/plain", sjis(vol45)},
		"/mailmag/mm044.txt": {"text/plain", sjis(vol44)},
		"/mailmag/mm043.txt": {"text/plain", sjis(vol43)},
	})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: mailmag
    name: 例商工会
    kind: auto
    start_urls: ["%s/mailmag/"]
    area: 東大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q, refused %v, asked %q", err, rep.Problems, rep.Refusals, asked())
	}
	checkMailmag(t, rep, evs, map[string]mailmagWant{
		"経営革新セミナー「価格転嫁の進め方」": {tokyo(2026, 12, 15, 14, 0), tokyo(2026, 12, 15, 16, 0), "例商工会館 3階 大会議室", "scheduled"},
		"青年部 新春交流会":          {tokyo(2027, 1, 21, 18, 30), tokyo(2027, 1, 21, 20, 30), "ホテル例 2階「松の間」", "scheduled"},
		"【中止】女性部 親睦ボウリング大会":  {tokyo(2026, 11, 20, 18, 0), time.Time{}, "例ボウル", "cancelled"},
		"記帳講習会（決算編）":         {tokyo(2026, 12, 8, 13, 30), tokyo(2026, 12, 8, 16, 30), "例商工会館 2階 研修室", "scheduled"},
	})
}

// TestCrawlAutoFollowsMailmagHTMLIssues crawls a professional
// association's mail-magazine archive (UTF-8) as a mail service
// publishes it: rows 「メールマガジン 第123号（2026年11月15日発行）」,
// each issue an HTML page with the mail's text in a <pre>. The day in a
// row is when the issue went out, no event's; an issue of notices alone
// gives none.
func TestCrawlAutoFollowsMailmagHTMLIssues(t *testing.T) {
	list := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>メールマガジン バックナンバー | 例診断士協会</title></head><body>
<header><a href="/">例診断士協会</a><nav><ul><li><a href="/about/">協会について</a></li><li><a href="/seminar/">セミナー</a></li><li><a href="/mailmag/">メールマガジン</a></li></ul></nav></header>
<main><h1>メールマガジン バックナンバー</h1>
<ul class="backnumber">
<li><a href="/mailmag/archive/124.html">メールマガジン 第124号（2026年12月1日発行）</a></li>
<li><a href="/mailmag/archive/123.html">メールマガジン 第123号（2026年11月15日発行）</a></li>
<li><a href="/mailmag/archive/122.html">メールマガジン 第122号（2026年11月1日発行）</a></li>
</ul></main>
<footer>© 例診断士協会</footer></body></html>`
	issue := func(no, day, text string) []byte {
		return []byte(`<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>メールマガジン 第` + no + `号（` + day + `発行） | 例診断士協会</title></head><body>
<header><a href="/">例診断士協会</a></header>
<main><h1>メールマガジン 第` + no + `号（` + day + `発行）</h1>
<pre class="mailbody">` + text + `</pre>
<p><a href="/mailmag/">バックナンバー一覧へ戻る</a></p></main>
<footer>© 例診断士協会</footer></body></html>`)
	}
	rule := "＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝\n"
	no124 := "会員各位\n\n例診断士協会 事務局です。第124号をお届けします。\n\n" +
		rule + "■1 12月 実務研究会\n" + rule +
		"【日時】2026年12月17日（木）18:30～20:30\n【会場】例会館 4階 第2会議室\n【テーマ】事業承継の実務\n【参加費】会員無料\n\n" +
		rule + "■2 事務局からのお知らせ\n" + rule +
		"・会費納入のお願い（納期限 12月25日）\n・年末年始休業 12月29日～1月4日\n\n" +
		"例診断士協会 事務局\n"
	no123 := "会員各位\n\n第123号をお届けします。\n\n" +
		rule + "■理論更新研修の受付について\n" + rule +
		"理論政策更新研修の申込受付を12月1日（火）から開始します。\n締切は12月20日（日）です。\n\n" +
		"例診断士協会 事務局\n"
	no122 := "会員各位\n\n第122号をお届けします。\n\n" +
		rule + "■新春講演会・賀詞交歓会のご案内\n" + rule +
		"【日時】2027年1月15日（金）16:00～19:30（講演会 16:00～17:30／賀詞交歓会 18:00～19:30）\n【会場】ホテル例 3階「鳳凰の間」\n【会費】8,000円\n\n" +
		"例診断士協会 事務局\n"
	srv, asked := servePaths(t, map[string]typedPage{
		"/mailmag/":                 {"text/html; charset=UTF-8", []byte(list)},
		"/mailmag/archive/124.html": {"text/html; charset=UTF-8", issue("124", "2026年12月1日", no124)},
		"/mailmag/archive/123.html": {"text/html; charset=UTF-8", issue("123", "2026年11月15日", no123)},
		"/mailmag/archive/122.html": {"text/html; charset=UTF-8", issue("122", "2026年11月1日", no122)},
	})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: mailmag
    name: 例診断士協会
    kind: auto
    start_urls: ["%s/mailmag/"]
    area: 大阪市中央区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q, refused %v, asked %q", err, rep.Problems, rep.Refusals, asked())
	}
	checkMailmag(t, rep, evs, map[string]mailmagWant{
		"12月 実務研究会":       {tokyo(2026, 12, 17, 18, 30), tokyo(2026, 12, 17, 20, 30), "例会館 4階 第2会議室", "scheduled"},
		"新春講演会・賀詞交歓会のご案内": {tokyo(2027, 1, 15, 16, 0), tokyo(2027, 1, 15, 19, 30), "ホテル例 3階「鳳凰の間」", "scheduled"},
	})
}

// TestCrawlAutoLeavesNewsletterPosts crawls a chamber's news list, not a
// back-number list: a post of a mail-magazine issue beside a seminar and
// a closure is a newsletter, not read as an issue, though the issue names
// the seminar's day (read so, it would publish the seminar twice).
func TestCrawlAutoLeavesNewsletterPosts(t *testing.T) {
	list := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>新着情報 | 例商工会議所</title></head><body>
<main><h1>新着情報</h1>
<ul class="news">
<li><time>2026.12.02</time> <span>セミナー</span> <a href="/news/1202.html">事業承継セミナー（12/18）のご案内</a></li>
<li><time>2026.12.01</time> <span>お知らせ</span> <a href="/news/mm046.html">メールマガジン 第46号（2026年12月1日発行）</a></li>
<li><time>2026.11.27</time> <span>お知らせ</span> <a href="/news/1127.html">年末年始の休業について</a></li>
</ul></main></body></html>`
	seminar := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>事業承継セミナー（12/18）のご案内 | 例商工会議所</title></head><body>
<main><h1>事業承継セミナー（12/18）のご案内</h1>
<table><tr><th>日時</th><td>2026年12月18日（金）14:00～16:00</td></tr><tr><th>会場</th><td>例会議所ビル 5階 会議室</td></tr></table></main></body></html>`
	mag := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>メールマガジン 第46号（2026年12月1日発行） | 例商工会議所</title></head><body>
<main><h1>メールマガジン 第46号（2026年12月1日発行）</h1>
<pre>■事業承継セミナー
【日時】2026年12月18日（金）14:00～16:00
【会場】例会議所ビル 5階 会議室
</pre></main></body></html>`
	closed := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>年末年始の休業について | 例商工会議所</title></head><body>
<main><h1>年末年始の休業について</h1><p>12月29日（火）～1月4日（月）は休業いたします。</p></main></body></html>`
	srv, _ := servePaths(t, map[string]typedPage{
		"/news/":           {"text/html; charset=UTF-8", []byte(list)},
		"/news/1202.html":  {"text/html; charset=UTF-8", []byte(seminar)},
		"/news/mm046.html": {"text/html; charset=UTF-8", []byte(mag)},
		"/news/1127.html":  {"text/html; charset=UTF-8", []byte(closed)},
	})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: news
    name: 例商工会議所
    kind: auto
    start_urls: ["%s/news/"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	checkMailmag(t, rep, evs, map[string]mailmagWant{
		"事業承継セミナー（12/18）のご案内": {tokyo(2026, 12, 18, 14, 0), tokyo(2026, 12, 18, 16, 0), "例会議所ビル 5階 会議室", "scheduled"},
	})
}
