package crawler

import (
	"strings"
	"testing"
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
