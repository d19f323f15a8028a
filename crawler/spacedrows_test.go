package crawler

import (
	"slices"
	"testing"
)

// A club's 年間行事予定 sets each line's parts apart with ideographic
// spaces: the day, the name, the place, the hours, a status. The name is
// the event's, the place its venue; a line whose parts go on naming it
// (10月例会　講演会「…」) or label themselves (講師：…) is left as written.
func TestAutoListSpacedRows(t *testing.T) {
	page := `<html><head><title>会員の皆さまへ｜例信用金庫</title></head><body><div id="main"><h2>令和８年度 年間行事予定</h2>
<dl class="gyojiList">
<dt>１２月</dt>
<dd>１２月１０日（木）　経営講演会・懇親会　ホテル例ガーデン　（講演会 １６：００〜／懇親会 １７：３０〜）　<span class="closed">受付終了</span></dd>
<dt>２月</dt>
<dd>２月１８日（木）　第２回経営セミナー「円滑な事業承継のために」　本店５階 大ホール　１５：００〜１７：００　<a href="/pdf/seminar0218.pdf">［案内・申込書（PDF）］</a></dd>
<dt>３月</dt>
<dd>３月１３日（土）　春季親睦ゴルフコンペ　例ロイヤルゴルフ倶楽部（８：００スタート）</dd>
</dl></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/hojin/kaiin.html", page)
	var got []string
	for _, it := range lp.Items {
		e := wholeEvent(t, ListItem{Link: it.Link, Fields: it.Fields, Whole: true})
		got = append(got, jst(e.StartsAt)+" "+e.Title+" @"+e.Venue)
	}
	want := []string{"2026-12-10 00:00 経営講演会・懇親会 @ホテル例ガーデン", "2027-02-18 15:00 第２回経営セミナー「円滑な事業承継のために」 @本店５階 大ホール",
		"2027-03-13 08:00 春季親睦ゴルフコンペ @例ロイヤルゴルフ倶楽部"}
	if !slices.Equal(got, want) {
		t.Errorf("events\n%q\nwant\n%q", got, want)
	}
}
