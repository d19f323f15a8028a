package crawler

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
)

// typedPage is a file served with its own Content-Type.
type typedPage struct {
	ctype string
	body  []byte
}

// serveTyped answers each path with its page as its type, anything else
// (robots.txt too) with a 404.
func serveTyped(t *testing.T, pages map[string]typedPage) *httptest.Server {
	t.Helper()
	srv, _ := servePaths(t, pages)
	return srv
}

// servePaths is serveTyped that also notes each path asked for.
func servePaths(t *testing.T, pages map[string]typedPage) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.Path)
		mu.Unlock()
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.ctype)
		w.Write(p.body)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(asked)
	}
}

// TestCrawlAutoReadsTheLinkedFeed crawls a club's home page that gives no
// event: its meetings are only in the RSS feed it advertises and links
// (RSSで配信). Each item's description states the day and the place;
// pubDate is when it was posted. The office's closure is no event; the
// cancelled meeting's hours are in its text, its day in its title.
func TestCrawlAutoReadsTheLinkedFeed(t *testing.T) {
	home := `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>例の異業種交流会</title>
<link rel="alternate" type="application/rss+xml" title="例会のご案内" href="/feed/reikai.rss"></head><body>
<h1>例の異業種交流会</h1>
<section><h2>例会のご案内</h2><p>例会のご案内はRSSで配信しています。</p>
<p><a href="/feed/reikai.rss">RSS 例会のご案内</a></p></section>
<section><h2>入会案内</h2><p>年会費 12,000円</p></section></body></html>`
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>例会のご案内</title><link>https://reikai.example.jp/</link><description>事務局から</description>
<item><title>年末年始の事務局休業について</title><link>https://reikai.example.jp/#contact</link>
<pubDate>Fri, 04 Dec 2026 21:10:00 +0900</pubDate>
<description><![CDATA[<p>12月26日（土）〜1月5日（火）は事務局を休業いたします。</p>]]></description></item>
<item><title>【中止】勉強会（12月10日）</title><link>https://reikai.example.jp/</link>
<pubDate>Tue, 01 Dec 2026 19:45:00 +0900</pubDate>
<description><![CDATA[<p>12月10日（木）19:00〜 区民センター 第3会議室にて予定しておりました勉強会は<strong>中止</strong>とさせていただきます。</p>]]></description></item>
<item><title>第142回 定例会・忘年会</title><link>https://docs.google.com/forms/d/e/142/viewform</link>
<pubDate>Mon, 16 Nov 2026 10:30:00 +0900</pubDate>
<description><![CDATA[<ul><li>日時：2026年12月17日（木）18:30〜21:00</li>
<li>会場：ホテル例 2F 宴会場（大阪市西区立売堀1-9-1）</li><li>会費：7,000円</li></ul>]]></description></item>
</channel></rss>`
	srv := serveTyped(t, map[string]typedPage{
		"/":                {"text/html; charset=UTF-8", []byte(home)},
		"/feed/reikai.rss": {"application/rss+xml; charset=UTF-8", []byte(feed)},
	})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: feedonly
    name: 例の異業種交流会
    kind: auto
    start_urls: ["%s/"]
    area: 大阪市西区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	if len(evs) != 2 {
		t.Fatalf("events %v, want the meeting and the cancelled one; problems %q", evs, rep.Problems)
	}
	if e := got["第142回 定例会・忘年会"]; len(e) != 1 || !e[0].StartsAt.Equal(tokyo(2026, 12, 17, 18, 30)) || e[0].Venue != "ホテル例 2F 宴会場" {
		t.Errorf("meeting %+v, want 2026-12-17 18:30 at ホテル例 2F 宴会場", e)
	}
	if e := got["【中止】勉強会（12月10日）"]; len(e) != 1 || !e[0].StartsAt.Equal(tokyo(2026, 12, 10, 19, 0)) || e[0].Status != "cancelled" || e[0].Venue != "区民センター 第3会議室" {
		t.Errorf("cancelled %+v, want 2026-12-10 19:00 at 区民センター 第3会議室, cancelled", e)
	}
}

// TestCrawlAutoReadsTextIssues crawls a back-number table of a branch's
// mail news, each issue a .txt file as mailed (Shift_JIS, text/plain with
// no charset): its sections, numbered and set apart by rules, are the
// events; a section of two events under ■ names gives both; the event a
// later issue repeats is one; a section's theme line completes its
// heading's name.
func TestCrawlAutoReadsTextIssues(t *testing.T) {
	sjis := func(s string) []byte {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	list := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>支部メールニュース バックナンバー</title></head><body>
<table border="1"><tr><th>号</th><th>配信日</th><th>件名</th></tr>
<tr><td>No.12</td><td>2026/12/01</td><td><a href="mn012.txt">支部メールニュース 12月号</a></td></tr>
<tr><td>No.11</td><td>2026/11/02</td><td><a href="mn011.txt">支部メールニュース 11月号</a></td></tr>
</table></body></html>`
	rule := "────────────────────────────────\r\n"
	nov := "支部会員の皆様\r\n\r\n11月号をお届けします。\r\n\r\n" +
		rule + "１．若手会員の集い（12/11）\r\n" + rule +
		"開業5年未満の会員の集いです。\r\n\r\n" +
		"　日　時：2026年12月11日（金）18:30～20:30\r\n　会　場：支部 会議室\r\n　会　費：2,000円\r\n\r\n" +
		rule + "２．合同セミナー（2/17）　※一般参加可\r\n" + rule +
		"　テーマ：「人材定着の進め方」\r\n　日　時：2027年2月17日（水）15:00～17:00\r\n　会　場：市民学習センター 講堂\r\n\r\n"
	dec := "支部会員の皆様\r\n\r\n12月号をお届けします。\r\n\r\n" +
		rule + "１．若手会員の集い（12/11）再掲\r\n" + rule +
		"まだお申込みいただけます。\r\n\r\n" +
		"　日　時：2026年12月11日（金）18:30～20:30\r\n　会　場：支部 会議室\r\n\r\n" +
		rule + "２．支部研修会（1/20）と新年賀詞交歓会のご案内\r\n" + rule +
		"■支部研修会\r\n　テーマ：「労働法令改正の実務ポイント」\r\n　日　時：2027年1月20日（水）14:00～16:30\r\n　会　場：区民センター 2階 第1会議室\r\n\r\n" +
		"■新年賀詞交歓会\r\n　日　時：2027年1月20日（水）17:30～19:30\r\n　会　場：ホテル例 3階「桜の間」\r\n　会　費：6,000円\r\n\r\n" +
		rule + "３．【中止】年金研究会 12月例会\r\n" + rule +
		"12月16日（水）14:00～ 支部会議室にて予定していた年金研究会\r\n12月例会は、講師の都合により中止といたします。\r\n\r\n" +
		rule + "４．事務局からのお知らせ\r\n" + rule +
		"・年末年始の事務局休業：12月26日（土）～1月5日（火）\r\n"
	srv := serveTyped(t, map[string]typedPage{
		"/mailnews/":          {"text/html; charset=UTF-8", []byte(list)},
		"/mailnews/mn011.txt": {"text/plain", sjis(nov)},
		"/mailnews/mn012.txt": {"text/plain", sjis(dec)},
	})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: mailnews
    name: 例支部
    kind: auto
    start_urls: ["%s/mailnews/"]
    area: 大阪市天王寺区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	want := map[string]int{"若手会員の集い": 18, "支部研修会「労働法令改正の実務ポイント」": 14, "新年賀詞交歓会": 17, "合同セミナー「人材定着の進め方」": 15, "【中止】年金研究会 12月例会": 14}
	if len(evs) != len(want) {
		t.Errorf("%d events %v, want %d; problems %q", len(evs), evs, len(want), rep.Problems)
	}
	for title, hour := range want {
		if e := got[title]; len(e) != 1 || e[0].StartsAt.Hour() != hour {
			t.Errorf("%s: %+v, want one at %d:xx", title, e, hour)
		}
	}
	if e := got["新年賀詞交歓会"]; len(e) == 1 && e[0].Venue != "ホテル例 3階「桜の間」" {
		t.Errorf("新年賀詞交歓会 at %q", e[0].Venue)
	}
	if e := got["【中止】年金研究会 12月例会"]; len(e) != 1 || e[0].Venue != "支部会議室" || e[0].Status != "cancelled" {
		t.Errorf("cancelled %+v, want one at 支部会議室, cancelled", e)
	}
}

func TestTrimSectionNumber(t *testing.T) {
	for in, want := range map[string]string{
		"１．支部 秋季研修会":     "支部 秋季研修会",
		"2. 交流会":         "交流会",
		"５．3月 支部研修会":     "3月 支部研修会",
		"1.5時間で学ぶ決算書":    "1.5時間で学ぶ決算書",
		"第141回 定例会（11月）": "第141回 定例会（11月）",
		"1 12月 実務研究会":    "12月 実務研究会",
		"３ 月例会のご案内":      "３ 月例会のご案内",
		"2026 忘年会":       "2026 忘年会",
	} {
		if got := trimSectionNumber(in); got != want {
			t.Errorf("trimSectionNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCrawlAutoReadsSingleEventTextIssues crawls a 商店会's mail-magazine
// back numbers, each issue a .txt file as mailed: a special issue that
// announces one event, a monthly issue of one event and the office's
// notices, and an issue of notices only, dated but announcing nothing.
// Each event is read once; the notices give none.
func TestCrawlAutoReadsSingleEventTextIssues(t *testing.T) {
	sjis := func(s string) []byte {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	list := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>メールマガジン バックナンバー｜例商店会</title></head><body>
<h2>メールマガジン バックナンバー</h2>
<table border="1" cellpadding="4"><tr><th>号</th><th>配信日</th><th>件名</th></tr>
<tr><td>No.46</td><td>2026/12/01</td><td><a href="mm046.txt">【例商店会】12月号</a></td></tr>
<tr><td>臨時号</td><td>2026/11/20</td><td><a href="mm-rinji1120.txt">【例商店会】臨時号 年末 経営者交流会のご案内</a></td></tr>
<tr><td>No.45</td><td>2026/11/02</td><td><a href="mm045.txt">【例商店会】11月号</a></td></tr>
</table></body></html>`
	heavy := "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\r\n"
	rule := "────────────────────────────────────\r\n"
	footer := heavy + "発行：例商店会 事務局\r\n〒543-0001 大阪市天王寺区上本町X-X-X\r\nTEL 06-XXXX-XXXX　FAX 06-XXXX-XXXX\r\n" + heavy
	rinji := heavy + "　例商店会メールマガジン　臨時号　（2026年11月20日配信）\r\n" + heavy + "\r\n" +
		"会員の皆様\r\n\r\nいつもお世話になっております。例商店会 事務局の山田です。\r\n" +
		"年末恒例の経営者交流会を下記のとおり開催いたします。\r\n皆様お誘いあわせの上、ぜひご参加ください。\r\n\r\n" +
		rule + "■年末 経営者交流会\r\n" + rule +
		"　日　時：2026年12月18日（金）18:30～20:30（受付18:00～）\r\n" +
		"　会　場：例会館 3階 大会議室\r\n" +
		"　会　費：3,000円（当日受付にてお支払いください）\r\n" +
		"　定　員：40名（先着順）\r\n" +
		"　申込み：12月11日（金）までに事務局へメールまたはFAXで\r\n\r\n" +
		"※駐車場はございませんので、公共交通機関をご利用ください。\r\n\r\n" + footer
	dec := heavy + "　例商店会メールマガジン　No.46　（2026年12月1日配信）\r\n" + heavy + "\r\n" +
		"会員の皆様\r\n\r\n12月号をお届けします。\r\n\r\n" +
		rule + "１．新春賀詞交歓会のご案内\r\n" + rule +
		"新年恒例の賀詞交歓会を開催します。\r\n\r\n" +
		"　日　時：2027年1月8日（金）17:30～19:30\r\n　会　場：ホテル例 2階「芙蓉の間」\r\n　会　費：5,000円\r\n\r\n" +
		rule + "２．事務局からのお知らせ\r\n" + rule +
		"・年末年始の事務局休業：12月26日（土）～1月5日（火）\r\n" +
		"・1月分の会費は1月27日（水）に口座振替となります。\r\n\r\n" + footer
	nov := heavy + "　例商店会メールマガジン　No.45　（2026年11月2日配信）\r\n" + heavy + "\r\n" +
		"会員の皆様\r\n\r\n事務局からのお知らせです。\r\n\r\n" +
		rule + "■年末年始の事務局休業について\r\n" + rule +
		"12月26日（土）から1月5日（火）まで、事務局を休業いたします。\r\n1月6日（水）より通常どおり業務を行います。\r\n\r\n" +
		rule + "■会費口座振替日のお知らせ\r\n" + rule +
		"12月分の会費は12月25日（金）に口座振替となります。\r\n残高のご確認をお願いいたします。\r\n\r\n" + footer
	srv := serveTyped(t, map[string]typedPage{
		"/mailmag/":                 {"text/html; charset=UTF-8", []byte(list)},
		"/mailmag/mm046.txt":        {"text/plain", sjis(dec)},
		"/mailmag/mm-rinji1120.txt": {"text/plain", sjis(rinji)},
		"/mailmag/mm045.txt":        {"text/plain", sjis(nov)},
	})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: mailmag
    name: 例商店会
    kind: auto
    start_urls: ["%s/mailmag/"]
    area: 大阪市天王寺区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	type want struct {
		start, end time.Time
		venue      string
	}
	wants := map[string]want{
		"年末 経営者交流会":   {tokyo(2026, 12, 18, 18, 30), tokyo(2026, 12, 18, 20, 30), "例会館 3階 大会議室"},
		"新春賀詞交歓会のご案内": {tokyo(2027, 1, 8, 17, 30), tokyo(2027, 1, 8, 19, 30), "ホテル例 2階「芙蓉の間」"},
	}
	if len(evs) != len(wants) {
		t.Errorf("%d events, want %d; problems %q, refused %v", len(evs), len(wants), rep.Problems, rep.Refusals)
	}
	for _, e := range evs {
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("unexpected %q %v at %q", e.Title, e.StartsAt, e.Venue)
			continue
		}
		if !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Venue != w.venue {
			t.Errorf("%s: %v–%v at %q, want %v–%v at %q", e.Title, e.StartsAt, e.EndsAt, e.Venue, w.start, w.end, w.venue)
		}
	}
}

// TestAutoListTextNotices reads a 商店会's mail-magazine issues as the
// crawler makes pages of them: an issue of the office's notices only —
// the holiday and the day it opens again, the fee's debit date — gives
// no event; an issue's 事務局からのお知らせ beside its event is none.
func TestAutoListTextNotices(t *testing.T) {
	heavy := "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\r\n"
	rule := "────────────────────────────────────\r\n"
	notices := heavy + "　例商店会メールマガジン　No.45　（2026年11月2日配信）\r\n" + heavy + "\r\n" +
		"会員の皆様\r\n\r\n事務局からのお知らせです。\r\n\r\n" +
		rule + "■年末年始の事務局休業について\r\n" + rule +
		"12月26日（土）から1月5日（火）まで、事務局を休業いたします。\r\n1月6日（水）より通常どおり業務を行います。\r\n\r\n" +
		rule + "■会費口座振替日のお知らせ\r\n" + rule +
		"12月分の会費は12月25日（金）に口座振替となります。\r\n残高のご確認をお願いいたします。\r\n\r\n" +
		heavy + "発行：例商店会 事務局\r\n" + heavy
	lp := autoItems(t, "https://www.example.jp/mailmag/mm045.txt", string(textPage([]byte(notices))))
	for _, it := range lp.Items {
		t.Errorf("notices: read as an event: %q", it.Fields)
	}
	issue := heavy + "　例商店会メールマガジン　No.46　（2026年12月1日配信）\r\n" + heavy + "\r\n" +
		"会員の皆様\r\n\r\n12月号をお届けします。\r\n\r\n" +
		rule + "１．新春賀詞交歓会のご案内\r\n" + rule +
		"新年恒例の賀詞交歓会を開催します。\r\n\r\n" +
		"　日　時：2027年1月8日（金）17:30～19:30\r\n　会　場：ホテル例 2階「芙蓉の間」\r\n　会　費：5,000円\r\n\r\n" +
		rule + "２．事務局からのお知らせ\r\n" + rule +
		"・年末年始の事務局休業：12月26日（土）～1月5日（火）\r\n" +
		"・1月分の会費は1月27日（水）に口座振替となります。\r\n\r\n" +
		heavy + "発行：例商店会 事務局\r\n" + heavy
	lp = autoItems(t, "https://www.example.jp/mailmag/mm046.txt", string(textPage([]byte(issue))))
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, trimSectionNumber(it.Fields[FieldTitle]))
	}
	if strings.Join(titles, "; ") != "新春賀詞交歓会のご案内" {
		t.Errorf("issue: events %q, want 新春賀詞交歓会のご案内 alone", titles)
	}
	for title, want := range map[string]bool{
		"事務局からのお知らせ": true, "事務局よりお知らせ": true, "お知らせ": true,
		"新春賀詞交歓会のお知らせ": false, "青年部からのお知らせ　忘年会": false, "例会のご案内": false,
	} {
		if got := noticesPage(title); got != want {
			t.Errorf("noticesPage(%q) = %v, want %v", title, got, want)
		}
	}
}
