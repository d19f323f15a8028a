package crawler

import (
	"testing"
	"time"
)

// Schedules and month tables: a day column under a month heading, a
// fiscal year's caption, notes written under a row's title.

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
