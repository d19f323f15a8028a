package crawler

import (
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// Schedules and month tables: a day column under a month heading, a
// fiscal year's caption, notes written under a row's title.

func TestAutoListDayColumnUnderAMonthHeading(t *testing.T) {
	// A community centre's month table: the day and the weekday in columns
	// of their own, the year and month only in the heading above the
	// table; a two-day row, closed days, one row with a page; the next
	// month's link names the month and more.
	lp := autoItems(t, "https://www.example.jp/gyoji/index.php", `<html><body>
<div id="contents"><h2>行事予定</h2>
<h3>令和9年2月の行事予定</h3>
<p class="pager"><a href="/gyoji/index.php?ym=202701">≪ 1月の行事予定</a>　<a href="/gyoji/index.php?ym=202703">3月の行事予定 ≫</a></p>
<table class="gyoji" border="1">
<tr><th>日</th><th>曜日</th><th>行事名</th><th>時間</th><th>場所</th><th>主催</th></tr>
<tr><td>1～3</td><td>月～水</td><td colspan="4">館内設備点検のため休館</td></tr>
<tr><td>4</td><td>木</td><td>経営革新計画 作成セミナー</td><td>13:30～16:00</td><td>2階 第1研修室</td><td>例市 商工振興課</td></tr>
<tr><td>10・11</td><td>水・木</td><td>例市 ものづくり技術展</td><td>10:00～16:30</td><td>1階 多目的ホール</td><td>技術展実行委員会</td></tr>
<tr><td>18</td><td>木</td><td><a href="/gyoji/detail.php?id=88">女性起業家 交流サロン</a></td><td>18:30～20:30</td><td>3階 和室</td><td>例市 男女共同参画課</td></tr>
<tr><td>23</td><td>火</td><td colspan="4">休館日（天皇誕生日）</td></tr>
</table></div></body></html>`)
	if len(lp.Items) != 3 {
		t.Fatalf("items %+v, refused %v", lp.Items, lp.Refused)
	}
	want := []struct {
		title, venue string
		start, end   time.Time
	}{
		{"経営革新計画 作成セミナー", "2階 第1研修室", tokyo(2027, 2, 4, 13, 30), tokyo(2027, 2, 4, 16, 0)},
		{"例市 ものづくり技術展", "1階 多目的ホール", tokyo(2027, 2, 10, 10, 0), tokyo(2027, 2, 11, 16, 30)},
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) {
			t.Errorf("%d: %q %q %v – %v, want %+v", i, e.Title, e.Venue, e.StartsAt, e.EndsAt, w)
		}
	}
	if it := lp.Items[2]; it.Whole || it.Link != "https://www.example.jp/gyoji/detail.php?id=88" || it.Fields[FieldDate] != "2027年2月18日（木） 18:30～20:30" {
		t.Errorf("row with a page: %+v", it)
	}
	if len(lp.Refused) != 2 {
		t.Errorf("refused %v, want the two closed days", lp.Refused)
	}
	if strings.Join(lp.Next, " ") != "https://www.example.jp/gyoji/index.php?ym=202703" {
		t.Errorf("next %q", lp.Next)
	}
}

func TestAutoListDayColumnWeekdayContradiction(t *testing.T) {
	// The weekday column says 金 for a Thursday: the row is refused, not
	// put on either day.
	lp := autoItems(t, "https://www.example.jp/moyooshi.html", `<html><body>
<h2>2026年12月 催し物案内</h2>
<table><tr><th>日</th><th>曜</th><th>催し物</th><th>時間</th></tr>
<tr><td>3</td><td>金</td><td>創業相談会</td><td>10:00～12:00</td></tr>
<tr><td>9</td><td>水</td><td>事業承継セミナー</td><td>14:00～16:00</td></tr>
</table></body></html>`)
	if len(lp.Items) != 1 || lp.Items[0].Fields[FieldTitle] != "事業承継セミナー" {
		t.Errorf("items %+v", lp.Items)
	}
	if len(lp.Refused) != 1 || !strings.Contains(lp.Refused[0].Reason, "weekday") {
		t.Errorf("refused %v", lp.Refused)
	}
}

func TestYearMonthsOfAFiscalYear(t *testing.T) {
	for _, c := range []struct{ text, date, want string }{
		{"令和8年度 例会予定", "1月21日（木）", "2027年1月21日（木）"},
		{"令和8年度 例会予定", "4月16日（木）", "2026年4月16日（木）"},
		{"2026年度 研修会日程", "3月15日（月）", "2027年3月15日（月）"},
		{"2026年度 研修会日程", "12/7（月）", "2026/12/7（月）"},
		{"2026年12月〜2027年2月", "1/13（水）", "2027/1/13（水）"},
	} {
		if got := withYears(c.date, yearMonths(c.text)); got != c.want {
			t.Errorf("%q under %q: %q, want %q", c.date, c.text, got, c.want)
		}
	}
}

func TestAutoListFiscalYearCaption(t *testing.T) {
	// A study group's year of meetings: the caption names the fiscal year
	// alone, so January to March fall in the next calendar year.
	lp := autoItems(t, "https://www.example.jp/kenshu.html", `<html><body>
<table><tr><th>時間</th><td>午後6時～午後8時</td></tr><tr><th>会場</th><td>例商工会館 2階 研修室</td></tr></table>
<table class="nittei" border="1"><caption>2026年度 研修会日程</caption>
<tr><th>開催日</th><th>テーマ</th><th>講師</th></tr>
<tr><td>11月16日（月）</td><td>インボイス制度 2年目の実務</td><td>例 税理士</td></tr>
<tr><td>1月18日（月）</td><td>新年度の税制改正</td><td>例 税理士</td></tr>
<tr><td>3月15日（月）</td><td>確定申告の振り返り</td><td>例 税理士</td></tr>
</table></body></html>`)
	want := []time.Time{tokyo(2026, 11, 16, 18, 0), tokyo(2027, 1, 18, 18, 0), tokyo(2027, 3, 15, 18, 0)}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v", lp.Items)
	}
	for i, w := range want {
		if e := wholeEvent(t, lp.Items[i]); !e.StartsAt.Equal(w) || e.Venue != "例商工会館 2階 研修室" {
			t.Errorf("%d: %q %v %q, want %v", i, e.Title, e.StartsAt, e.Venue, w)
		}
	}
}

func TestAutoListNotesUnderARowsTitle(t *testing.T) {
	// A monthly meeting's schedule: time and place stated once; notes
	// under some rows' titles change that meeting's hours or room, say it
	// is cancelled, or add what the meeting includes. They are no part of
	// the title.
	lp := autoItems(t, "https://www.example.jp/reikai/", `<html><body><main>
<h2>月例会のご案内</h2>
<dl class="gaiyo"><dt>日時</dt><dd>毎月第2火曜日 19:00～21:00</dd>
<dt>会場</dt><dd>例ビジネスセンター 3階 大会議室<br>大阪市西区例町1-2-3</dd></dl>
<h2>2026年12月～2027年3月の予定</h2>
<table class="yotei"><thead><tr><th>日付</th><th>テーマ</th><th>担当</th></tr></thead><tbody>
<tr><td>12/8（火）</td><td>第88回 忘年例会<br><span class="small">※この回は18:00～21:00（懇親会を含みます）</span></td><td>例 一郎</td></tr>
<tr><td>1/12（火）</td><td>第89回 新年例会<br><span class="small">※受付は18:30から</span></td><td>例 次郎</td></tr>
<tr><td>2/9（火）</td><td>第90回 例会「事業承継の実際」<br><span class="small">※この日のみ 5階 第2会議室</span></td><td>例 三郎</td></tr>
<tr><td>3/9（火）</td><td>第91回 例会 会員スピーチ<br>（発表後に質疑応答あり）</td><td>例 四郎</td></tr>
<tr><td>3/23（火）</td><td><font color="red">【中止】</font>第92回 例会 工場見学<br><font color="red">※先方のご都合により中止いたします。</font></td><td>例 五郎</td></tr>
</tbody></table></main></body></html>`)
	want := []struct {
		title, venue string
		start, end   time.Time
		status       event.Status
	}{
		{"第88回 忘年例会", "例ビジネスセンター 3階 大会議室", tokyo(2026, 12, 8, 18, 0), tokyo(2026, 12, 8, 21, 0), event.StatusScheduled},
		{"第89回 新年例会", "例ビジネスセンター 3階 大会議室", tokyo(2027, 1, 12, 19, 0), tokyo(2027, 1, 12, 21, 0), event.StatusScheduled},
		{"第90回 例会「事業承継の実際」", "例ビジネスセンター 5階 第2会議室", tokyo(2027, 2, 9, 19, 0), tokyo(2027, 2, 9, 21, 0), event.StatusScheduled},
		{"第91回 例会 会員スピーチ", "例ビジネスセンター 3階 大会議室", tokyo(2027, 3, 9, 19, 0), tokyo(2027, 3, 9, 21, 0), event.StatusScheduled},
		{"【中止】第92回 例会 工場見学", "例ビジネスセンター 3階 大会議室", tokyo(2027, 3, 23, 19, 0), tokyo(2027, 3, 23, 21, 0), event.StatusCancelled},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v", lp.Items)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Status != w.status {
			t.Errorf("%d: %q %q %v – %v %s, want %+v", i, e.Title, e.Venue, e.StartsAt, e.EndsAt, e.Status, w)
		}
	}
}

func TestCrawlAutoSessionsShareAPage(t *testing.T) {
	// Two sessions of one course, each a row with its own title, link the
	// course's page, which states both dates under a title of its own
	// (…を開催します): each session keeps its row's title.
	pages := map[string]string{
		"/shien/seminar.html": `<html><head><title>例区役所：創業セミナーのご案内</title></head><body><div id="contents"><h1>創業セミナーのご案内</h1>
<table class="datatable"><thead><tr><th>日程</th><th>内容</th><th>場所</th></tr></thead><tbody>
<tr><td>令和8年12月5日（土曜日）<br>午前10時から正午</td><td><a href="/shien/koza.html">創業基礎講座（全2回）第1回「事業計画の基本」</a></td><td>例区役所 4階 会議室</td></tr>
<tr><td>令和8年12月12日（土曜日）<br>午前10時から正午</td><td><a href="/shien/koza.html">創業基礎講座（全2回）第2回「販路開拓の進め方」</a></td><td>例区役所 4階 会議室</td></tr>
</tbody></table></div></body></html>`,
		"/shien/koza.html": `<html><head><title>例区役所：創業基礎講座（全2回）を開催します</title></head><body><div id="contents"><h1>創業基礎講座（全2回）を開催します</h1>
<h2>日時</h2><p>第1回　令和8年12月5日（土曜日）午前10時から正午<br>「事業計画の基本」</p>
<p>第2回　令和8年12月12日（土曜日）午前10時から正午<br>「販路開拓の進め方」</p>
<h2>場所</h2><p>例区役所 4階 会議室</p></div></body></html>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: ku
    name: 例区役所
    kind: auto
    start_urls: ["%s/shien/seminar.html"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	first, second := got["創業基礎講座（全2回）第1回「事業計画の基本」"], got["創業基礎講座（全2回）第2回「販路開拓の進め方」"]
	if len(evs) != 2 || len(first) != 1 || len(second) != 1 {
		t.Fatalf("events %+v", evs)
	}
	if !first[0].StartsAt.Equal(tokyo(2026, 12, 5, 10, 0)) || !first[0].EndsAt.Equal(tokyo(2026, 12, 5, 12, 0)) ||
		!second[0].StartsAt.Equal(tokyo(2026, 12, 12, 10, 0)) || second[0].Venue != "例区役所 4階 会議室" {
		t.Errorf("sessions %+v %+v", first[0], second[0])
	}
}
