package crawler

import (
	"strings"
	"testing"
	"time"
)

// Pages saved from Office as HTML: Word's letters with a table of
// MsoNormal paragraphs, Excel's sheets published as a grid of cells.

// wordCell is one cell of a table as Word saves it: a paragraph of spans
// and an empty <o:p>.
func wordCell(text string) string {
	return `<td width=120 valign=top style='width:90.0pt;border:solid windowtext 1.0pt;border-left:none;
  mso-border-alt:solid windowtext .5pt;padding:0mm 5.4pt 0mm 5.4pt'>
  <p class=MsoNormal><span style='font-family:"ＭＳ 明朝",serif;mso-ascii-font-family:Century'>` + text + `<o:p></o:p></span></p>
  </td>`
}

func wordRow(cells ...string) string {
	var b strings.Builder
	b.WriteString(" <tr style='mso-yfti-irow:1'>\n")
	for _, c := range cells {
		b.WriteString("  " + wordCell(c) + "\n")
	}
	b.WriteString(" </tr>\n")
	return b.String()
}

func TestAutoListWordLetterSchedule(t *testing.T) {
	// A 商店会's letter saved from Word: 拝啓…敬具, 記, a MsoTableGrid
	// whose header is a row of shaded <td>s, 令和 dates, 午後 hours with
	// and without an end; a deadline and the office's holiday in the
	// prose are no events.
	header := ` <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=140 valign=top style='background:#D9D9D9;mso-shading:white'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:"ＭＳ ゴシック"'>月日<o:p></o:p></span></b></p></td>
  <td width=30 valign=top style='background:#D9D9D9;mso-shading:white'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:"ＭＳ ゴシック"'>曜<o:p></o:p></span></b></p></td>
  <td width=120 valign=top style='background:#D9D9D9;mso-shading:white'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:"ＭＳ ゴシック"'>時間<o:p></o:p></span></b></p></td>
  <td width=170 valign=top style='background:#D9D9D9;mso-shading:white'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:"ＭＳ ゴシック"'>行事<o:p></o:p></span></b></p></td>
  <td width=160 valign=top style='background:#D9D9D9;mso-shading:white'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:"ＭＳ ゴシック"'>場所<o:p></o:p></span></b></p></td>
 </tr>
`
	page := `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=shift_jis"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<title>行事予定のご案内</title>
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0mm; font-size:10.5pt;} --></style></head>
<body lang=JA style='tab-interval:42.0pt'>
<div class=WordSection1 style='layout-grid:18.0pt'>
<p class=MsoDate><span lang=EN-US>令和8年11月吉日</span><span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal>会員各位<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal align=right style='text-align:right'>例町通商店会<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal>拝啓　師走の候、ますますご清栄のこととお慶び申し上げます。下記のとおり行事を予定しております。<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal>　なお、出欠のご返事は<span lang=EN-US>12</span>月<span lang=EN-US>11</span>日（金）までに事務局へお願いいたします。<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoClosing>敬具<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNoteHeading>記<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal><b><span style='font-family:"ＭＳ ゴシック"'>■行事予定<span lang=EN-US><o:p></o:p></span></span></b></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
` + header +
		wordRow("令和8年12月3日", "木", "午後7時～", "12月役員会", "商店会事務所（2階）") +
		wordRow("令和8年12月13日", "日", "午前10時～午後3時", "歳末福引抽選会", "中央アーケード広場") +
		wordRow("令和9年1月15日", "金", "午後6時～午後8時", "新年互礼会", "ホテル例ガーデン 2階 鳳凰の間") + `</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal>※事務局は<span lang=EN-US>12</span>月<span lang=EN-US>29</span>日から<span lang=EN-US>1</span>月<span lang=EN-US>4</span>日まで休ませていただきます。<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal align=right style='text-align:right'>以上<span lang=EN-US><o:p></o:p></span></p>
</div></body></html>`
	lp := autoItems(t, "https://www.example.jp/oshirase/gyoji.htm", page)
	want := []struct {
		title, venue string
		start, end   time.Time
	}{
		{"12月役員会", "商店会事務所（2階）", tokyo(2026, 12, 3, 19, 0), time.Time{}},
		{"歳末福引抽選会", "中央アーケード広場", tokyo(2026, 12, 13, 10, 0), tokyo(2026, 12, 13, 15, 0)},
		{"新年互礼会", "ホテル例ガーデン 2階 鳳凰の間", tokyo(2027, 1, 15, 18, 0), tokyo(2027, 1, 15, 20, 0)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v, want %d", lp.Items, len(want))
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) {
			t.Errorf("%d: %q %q %v – %v, want %+v", i, e.Title, e.Venue, e.StartsAt, e.EndsAt, w)
		}
	}
}
