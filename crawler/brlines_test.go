package crawler

import (
	"testing"
	"time"

	"kouryu/internal/event"
)

// A one-page 行事予定 of an old page builder: each month a paragraph whose
// first line is the month in brackets and whose other lines, separated by
// <br>, are the month's meetings with the day, the hours, the name and the
// hall in brackets; notices (会報 発行, 仕事納め) and a line without a day
// among them; the year only in the <title> (a fiscal year).
const brLinesSchedule = `<html><head><title>令和8年度　行事予定</title></head><body>
<table width="760"><tr><td width="170" valign="top"><font size="-1"><b>メニュー</b><br>
・<a href="index.html">トップ</a><br>・<a href="gyoji.html">行事予定</a><br></font></td>
<td valign="top">
<p><font size="+1"><b>■ 行事予定</b></font>　<font size="-1">（11月28日 更新）</font></p>
<p>会員の皆様へ<br>今後の行事は下記のとおりです。出欠は案内状にてご返信ください。</p>
<p><b>【12月】</b><br>
12/3（木）14:00～ 正副会長会議（事務局会議室）<br>
12/17（木）18:00～20:00 忘年例会（天満橋 八軒家ホール 2階）　<font color="#999999">※受付終了</font><br>
12/25（金） 会報 第52号 発行<br>
</p>
<p><b>【1月】</b><br>
１/１４（木）１１:００～ 新春賀詞交歓会（ホテル大阪ベイタワー 3階 宴会場）<br>
1/27（水）15:00～17:00 経営講座「インボイス後の価格交渉」　講師：中小企業診断士 森田 和也 氏（天満橋 八軒家ホール 会議室B）<br>
1月下旬　ゴルフ親睦会（日程調整中）<br>
</p>
<p><b>【2月】</b><br>
２/１０（水）１８:００～ 理事会（会場調整中）<br>
2月　未定　青年部 勉強会<br>
</p>
<p><b>【3月】</b><br>
3/9（火）18:30～ 年度末懇親会（北新地 割烹みやび）<br>
3/23（火） 工場見学会（会員限定）<br>
</p>
<hr>
<p><font color="#cc0000"><b>◆ 事務局からのお知らせ</b></font><br>
・年末年始は 12/29（火）～1/3（日）まで事務局を休ませていただきます。<br>
・行事予定は都合により変更になる場合がございます。</p>
</td></tr></table></body></html>`

func TestAutoListBrLinesUnderMonthHeadings(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/gyoji.html", brLinesSchedule)
	want := []struct {
		title, venue string
		start, end   time.Time
	}{
		{"正副会長会議", "事務局会議室", tokyo(2026, 12, 3, 14, 0), time.Time{}},
		{"忘年例会", "天満橋 八軒家ホール 2階", tokyo(2026, 12, 17, 18, 0), tokyo(2026, 12, 17, 20, 0)},
		{"新春賀詞交歓会", "ホテル大阪ベイタワー 3階 宴会場", tokyo(2027, 1, 14, 11, 0), time.Time{}},
		{"経営講座「インボイス後の価格交渉」", "天満橋 八軒家ホール 会議室B", tokyo(2027, 1, 27, 15, 0), tokyo(2027, 1, 27, 17, 0)},
		{"理事会", "", tokyo(2027, 2, 10, 18, 0), time.Time{}},
		{"年度末懇親会", "北新地 割烹みやび", tokyo(2027, 3, 9, 18, 30), time.Time{}},
		{"工場見学会（会員限定）", "", time.Date(2027, 3, 23, 0, 0, 0, 0, event.Tokyo), time.Time{}},
	}
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Fields[FieldDate]+" "+it.Fields[FieldTitle])
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %q, refused %v", got, lp.Refused)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) {
			t.Errorf("%d: %q at %q %v – %v, want %+v", i, e.Title, e.Venue, e.StartsAt, e.EndsAt, w)
		}
	}
}

func TestAutoListBrLinesNotEveryBrBlock(t *testing.T) {
	// An address block and a paragraph of notices with one date are not
	// a schedule.
	lp := autoItems(t, "https://www.example.jp/about.html", `<html><body><main>
<h2>事務局</h2><p>〒530-0001<br>大阪市北区梅田1-2-3<br>TEL 06-0000-0000</p>
<p>・年末年始は 12/29（火）～1/3（日）まで休業いたします。<br>・会報は毎月発行しています。</p>
</main></body></html>`)
	if len(lp.Items) != 0 {
		t.Errorf("items %+v", lp.Items)
	}
}
