package crawler

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/internal/event"
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

// excelSheet is a half year's schedule as Excel's "publish as Web page"
// writes it: the title and the state of the sheet in rows spanning the
// table above the header, <col> widths, x:num cells, each month's cell
// merged over its rows, a note row without a date, notes under the table.
const excelSheet = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=shift_jis"><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style id="行事_1234_Styles"><!--table {mso-displayed-decimal-separator:"\.";}
.xl6512345 {mso-number-format:"0\0022月\0022"; text-align:center; border:.5pt solid windowtext;}
--></style><title>令和8年度 行事予定</title></head>
<body>
<div id="行事_1234" align=center x:publishsource="Excel">
<table border=0 cellpadding=0 cellspacing=0 width=800 class=xl1512345 x:str style='border-collapse:collapse;table-layout:fixed;width:600pt'>
 <col class=xl1512345 width=48 style='width:36pt'>
 <col class=xl1512345 width=48 style='width:36pt'>
 <col class=xl1512345 width=48 style='width:36pt'>
 <col class=xl1512345 width=150 style='width:113pt'>
 <col class=xl1512345 width=300 style='width:225pt'>
 <col class=xl1512345 width=200 style='width:150pt'>
 <tr height=40 style='height:30.0pt'><td colspan=6 height=40 class=xl6612345 width=800 style='height:30.0pt;width:600pt'>令和８年度　行事予定（下期）</td></tr>
 <tr height=22 style='height:16.5pt'><td colspan=6 height=22 class=xl6712345 style='height:16.5pt'>例地区経営者協会　（令和8年10月1日現在）</td></tr>
 <tr height=30 style='height:22.5pt'>
  <td height=30 class=xl7012345 style='height:22.5pt'>月</td><td class=xl7012345 style='border-left:none'>日</td><td class=xl7012345 style='border-left:none'>曜日</td>
  <td class=xl7012345 style='border-left:none'>時間</td><td class=xl7012345 style='border-left:none'>行事</td><td class=xl7012345 style='border-left:none'>会場</td></tr>
 <tr height=30 style='height:22.5pt'>
  <td rowspan=2 height=60 class=xl6512345 style='height:45.0pt' x:num="11">11月</td>
  <td class=xl7212345 style='border-left:none' x:num>12</td><td class=xl7312345 style='border-left:none'>木</td>
  <td class=xl7412345 style='border-left:none'>18:30～20:30</td><td class=xl7512345 style='border-left:none'>11月例会（講演）</td>
  <td class=xl7512345 style='border-left:none'>例会館 5階 大ホール</td></tr>
 <tr height=30 style='height:22.5pt'>
  <td class=xl7312345 style='border-left:none' x:str="20～21">20～21</td><td class=xl7312345 style='border-left:none'>金～土</td>
  <td class=xl7412345 style='border-left:none'>7:50 新大阪駅集合</td><td class=xl7512345 style='border-left:none'>視察研修旅行（1泊2日）</td>
  <td class=xl7512345 style='border-left:none'>広島方面</td></tr>
 <tr height=30 style='height:22.5pt'>
  <td rowspan=2 height=60 class=xl6512345 style='height:45.0pt' x:num="1">1</td>
  <td class=xl7212345 style='border-left:none' x:num>14</td><td class=xl7312345 style='border-left:none'>木</td>
  <td class=xl7412345 style='border-left:none'>18:00～20:00</td><td class=xl7512345 style='border-left:none'>新年互礼会</td>
  <td class=xl7512345 style='border-left:none'>ホテル例 2階 鶴の間</td></tr>
 <tr height=30 style='height:22.5pt'>
  <td class=xl7312345 style='border-left:none'></td><td class=xl7312345 style='border-left:none'></td>
  <td class=xl7412345 style='border-left:none'></td><td class=xl7512345 style='border-left:none'>※1月例会は新年互礼会に代えて開催します</td>
  <td class=xl7512345 style='border-left:none'></td></tr>
 <tr height=22 style='height:16.5pt'><td colspan=6 height=22 class=xl1512345 style='height:16.5pt'>※研修旅行の申込締切は10月16日（金）です。</td></tr>
 <![if supportMisalignedColumns]>
 <tr height=0 style='display:none'><td width=48></td><td width=48></td><td width=48></td><td width=150></td><td width=300></td><td width=200></td></tr>
 <![endif]>
</table></div></body></html>`

func TestAutoListExcelSheet(t *testing.T) {
	// The year only in the title row (令和８年度: January is 2027); the
	// months merged over their rows; a two-day trip whose time cell is
	// only when to gather at the station: its days, without hours.
	lp := autoItems(t, "https://www.example.jp/gyoji/r8.htm", excelSheet)
	want := []struct {
		title, venue string
		start, end   time.Time
	}{
		{"11月例会（講演）", "例会館 5階 大ホール", tokyo(2026, 11, 12, 18, 30), tokyo(2026, 11, 12, 20, 30)},
		{"視察研修旅行（1泊2日）", "広島方面", time.Date(2026, 11, 20, 0, 0, 0, 0, event.Tokyo), time.Date(2026, 11, 21, 0, 0, 0, 0, event.Tokyo)},
		{"新年互礼会", "ホテル例 2階 鶴の間", tokyo(2027, 1, 14, 18, 0), tokyo(2027, 1, 14, 20, 0)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v, want %d; refused %v", lp.Items, len(want), lp.Refused)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) {
			t.Errorf("%d: %q %q %v – %v (all day %v), want %+v", i, e.Title, e.Venue, e.StartsAt, e.EndsAt, e.AllDay, w)
		}
	}
}

func TestSpreadRowspans(t *testing.T) {
	// A merged cell is copied into the rows it covers, in its column, so
	// that every row holds its cells under the header; a long merged
	// cell (a note beside the rows) is not.
	doc := docOf(t, `<table>
<tr><td>月</td><td>日</td><td>行事</td><td>備考</td></tr>
<tr><td rowspan=3>12月</td><td>3</td><td>役員会</td><td rowspan=2>いずれも会員限定です。お申し込みは各回の一週間前までに事務局へファクスまたはメールにてお願いいたします。</td></tr>
<tr><td>10</td><td>例会</td></tr>
<tr><td>17</td><td>忘年会</td><td>会費制</td></tr>
<tr><td>1月</td><td>15</td><td>新年会</td><td></td></tr>
</table>`)
	spreadRowspans(doc.Find("body").Nodes[0])
	var got []string
	doc.Find("tr").Each(func(_ int, r *goquery.Selection) {
		var cells []string
		r.Children().Each(func(_ int, c *goquery.Selection) { cells = append(cells, cutRunes(c.Text(), 4)) })
		got = append(got, strings.Join(cells, "|"))
	})
	want := "月|日|行事|備考 / 12月|3|役員会|いずれ… / 12月|10|例会 / 12月|17|忘年会|会費制 / 1月|15|新年会|"
	if strings.Join(got, " / ") != want {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, " / "), want)
	}
}
