package crawler

import (
	"strings"
	"testing"
	"time"
)

// A CMS's category list (Joomla's) is a table in the form that sorts and
// pages it: the form is the list, not a search box beside it.
func TestAutoListTableInAForm(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/events.html", `<html><body><main>
<div class="com-content-category category-list"><h1>イベント情報</h1>
<form action="/events.html" method="post" name="adminForm" id="adminForm">
<div class="com-content__filter btn-group"><input type="text" name="filter-search" placeholder="タイトルフィルター"><button type="submit">フィルター</button></div>
<table class="com-content-category__table category table">
<thead><tr><th scope="col">タイトル</th><th scope="col">公開日</th><th scope="col">閲覧数</th></tr></thead>
<tbody>
<tr class="cat-list-row0"><th class="list-title" scope="row"><a href="/events/58-kouryukai-33.html">【2/10】第33回 例ビジネス交流会 のご案内</a></th><td class="list-date small">2026年12月04日</td><td class="list-hits">閲覧数: 35</td></tr>
<tr class="cat-list-row1"><th class="list-title" scope="row"><a href="/events/57-factory-tour.html">【12/16】会員企業 工場見学会</a></th><td class="list-date small">2026年12月02日</td><td class="list-hits">閲覧数: 88</td></tr>
<tr class="cat-list-row0"><th class="list-title" scope="row"><a href="/events/53-seminar.html">【12/15】経営セミナー「サイバーセキュリティ対策」</a></th><td class="list-date small">2026年11月25日</td><td class="list-hits">閲覧数: 102</td></tr>
</tbody></table>
<input type="hidden" name="limitstart" value="">
</form></div></main>
<div class="sidebar-right card"><h3>ログイン</h3><form action="/events.html" method="post"><input type="text" name="username"><input type="password" name="password"><button type="submit">ログイン</button></form></div>
</body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
		if it.Fields[FieldDate] != "" {
			t.Errorf("%s: the posting date %q read as the event's", it.Link, it.Fields[FieldDate])
		}
	}
	want := "https://www.example.jp/events/58-kouryukai-33.html https://www.example.jp/events/57-factory-tour.html https://www.example.jp/events/53-seminar.html"
	if strings.Join(got, " ") != want {
		t.Errorf("items %s, want %s", strings.Join(got, " "), want)
	}
}

// A club's one page of meetings: blocks of a heading and a 日時/会場
// table, a bus trip among them that states when it returns, and past
// meetings as lines of a 令和 date and a title.
func TestAutoListTripReturnAndEraDateLines(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/event/index.html", `<html><body><div id="main">
<h3 class="ttl_sub">今後の例会・行事予定</h3>
<div class="event_box"><h3 class="ttl_event">12月例会（忘年例会）</h3>
<table class="tbl_event"><tr><th>日　時</th><td>令和8年12月11日（金）　午後6時30分～午後9時00分</td></tr>
<tr><th>会　場</th><td>例グランドホテル 3階「ローズルーム」</td></tr></table></div>
<hr class="line" />
<div class="event_box"><h3 class="ttl_event">視察研修旅行（例・酒蔵めぐり）</h3>
<table class="tbl_event"><tr><th>日　時</th><td>令和9年3月20日（土）　午前8時30分 集合　午後6時頃 帰着予定</td></tr>
<tr><th>見学先</th><td>例酒造資料館</td></tr></table></div>
<hr class="line" />
<h3 class="ttl_sub">これまでの例会・行事</h3>
<ul class="list_past"><li>令和8年11月13日（金）　11月例会　企業見学会「例タオル工房」</li>
<li>令和8年10月16日（金）　10月例会　講演会「事業承継のリアル」</li></ul>
</div></body></html>`)
	got := map[string]string{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = e.StartsAt.Format(time.RFC3339) + " " + e.EndsAt.Format(time.RFC3339)
	}
	want := map[string]string{
		"12月例会（忘年例会）":         "2026-12-11T18:30:00+09:00 2026-12-11T21:00:00+09:00",
		"視察研修旅行（例・酒蔵めぐり）":     "2027-03-20T08:30:00+09:00 2027-03-20T18:00:00+09:00",
		"11月例会 企業見学会「例タオル工房」": "2026-11-13T00:00:00+09:00 0001-01-01T00:00:00Z",
		"10月例会 講演会「事業承継のリアル」": "2026-10-16T00:00:00+09:00 0001-01-01T00:00:00Z",
	}
	for title, w := range want {
		if got[title] != w {
			t.Errorf("%s: %q, want %q (all: %q)", title, got[title], w, got)
		}
	}
}

// A calendar's bar and a list of posts link one event page, each writing
// its date its own way (the bar's week row reads as no day): one event,
// not the dates of a series.
func TestMarkSeriesComparesDays(t *testing.T) {
	items := []ListItem{
		{Link: "https://www.example.jp/xo_event/teirei-60/", Fields: Fields{FieldTitle: "【中止】定例交流会", FieldDate: "24 25 26 27 28 29 30 【中止】定例交流会"}},
		{Link: "https://www.example.jp/xo_event/teirei-60/", Fields: Fields{FieldTitle: "【中止】第60回 定例交流会", FieldDate: "2027年1月27日（水）に予定しておりました第60回定例交流会は、中止とさせていただきます"}},
		{Link: "https://www.example.jp/xo_event/monthly/", Fields: Fields{FieldTitle: "朝活", FieldDate: "12月2日（水）7:30"}},
		{Link: "https://www.example.jp/xo_event/monthly/", Fields: Fields{FieldTitle: "朝活", FieldDate: "2027年1月6日（水）7:30"}},
		// A NEXT EVENT box with the hours, the list's card without: one day.
		{Link: "https://www.example.jp/events/vol12", Fields: Fields{FieldTitle: "Pitch Night vol.12", FieldDate: "Dec 16, 2026 · 19:00"}},
		{Link: "https://www.example.jp/events/vol12", Fields: Fields{FieldTitle: "Pitch Night vol.12", FieldDate: "2026.12.16 WED"}},
	}
	markSeries(items, goldenRef)
	for i, want := range []string{"", "", "1", "1", "", ""} {
		if got := items[i].Fields[fieldSeries]; got != want {
			t.Errorf("item %d (%s): series %q, want %q", i, items[i].Fields[FieldDate], got, want)
		}
	}
}
