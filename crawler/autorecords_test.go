package crawler

import (
	"errors"
	"strings"
	"testing"
)

// kvRecord is a record page of a kintone list published with kViewer:
// the view's name heads every page, each field its label above its value.
func kvRecord(fields [][2]string) string {
	var b strings.Builder
	b.WriteString(`<html><head><title>行事予定（例工業団地協同組合）</title></head><body><div id="__next"><div class="kv-view">
<header class="kv-header"><h1 class="kv-view-title">行事予定（例工業団地協同組合）</h1></header><main class="kv-main"><div class="kv-detail">
<a href="/public/abc/">一覧に戻る</a><div class="kv-detail-fields">`)
	for _, f := range fields {
		b.WriteString(`<div class="kv-detail-field" data-field-code="` + f[0] + `"><div class="kv-detail-field-label">` + f[0] +
			`</div><div class="kv-detail-field-value"><div class="whitespace-pre-wrap">` + f[1] + `</div></div></div>`)
	}
	b.WriteString(`</div></div></main><footer class="kv-footer">© 例工業団地協同組合</footer></div></div></body></html>`)
	return b.String()
}

// The record's 行事名 names the event, not the heading every record shares;
// a record named as an office's debit day is no event.
func TestAutoEventRecordNamedByItsField(t *testing.T) {
	e, _ := autoEventOf(t, kvRecord([][2]string{{"行事名", "団地合同 防災訓練"}, {"区分", "訓練"}, {"状態", "受付中"},
		{"開催日", "2027-03-05"}, {"開始時刻", "10:00"}, {"会場", "団地中央公園"}}))
	if e.Title != "団地合同 防災訓練" {
		t.Errorf("title %q, want the record's 行事名", e.Title)
	}
	_, err := readEventPage(docOf(t, kvRecord([][2]string{{"行事名", "賦課金 口座振替日（下期分）"}, {"区分", "事務"}, {"状態", ""},
		{"開催日", "2026-12-25"}})), mustURL("https://example.kintoneapp.com/public/abc/detail/50"), goldenRef, nil)
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("a debit day's record read as an event (err %v)", err)
	}
}

// ホームページ・ビルダー's month tables, each under a <FONT><B> line naming
// its month: a row's day takes the month of its own table; a cell of two
// days (26日<br>27日) is both; the link's words after a row's name (→詳しくは
// こちら) are no part of it.
func TestAutoListMonthTablesUnderFontHeadings(t *testing.T) {
	table := func(month string, rows ...string) string {
		return `<FONT color="#336600" size="+1"><B>◆` + month + `</B></FONT><BR>
<IMG src="image/spacer.gif" width="1" height="4" border="0"><BR>
<TABLE width="575" border="1" cellpadding="4" cellspacing="0" bordercolor="#999999"><TBODY><TR bgcolor="#cce0b0">
<TD align="center" width="70" nowrap><FONT size="-1"><B>日</B></FONT></TD><TD align="center" width="40" nowrap><FONT size="-1"><B>曜</B></FONT></TD>
<TD align="center" width="95" nowrap><FONT size="-1"><B>時間</B></FONT></TD><TD align="center"><FONT size="-1"><B>行事名</B></FONT></TD>
<TD align="center" width="130"><FONT size="-1"><B>場所</B></FONT></TD></TR>` +
			strings.Join(rows, "") + `</TBODY></TABLE><BR>`
	}
	row := func(day, wd, hours, name, place string) string {
		return `<TR><TD align="center" nowrap><FONT size="-1">` + day + `</FONT></TD><TD align="center" nowrap><FONT size="-1">` + wd +
			`</FONT></TD><TD align="center" nowrap><FONT size="-1">` + hours + `</FONT></TD><TD><FONT size="-1">` + name +
			`</FONT></TD><TD><FONT size="-1">` + place + `</FONT></TD></TR>`
	}
	page := `<HTML><HEAD><META http-equiv="Content-Type" content="text/html; charset=UTF-8"><TITLE>行事予定｜例商工会</TITLE></HEAD><BODY>
<TABLE width="760" border="0"><TR><TD width="575" valign="top">
<TABLE width="575" border="0" cellpadding="4" cellspacing="0"><TBODY><TR><TD bgcolor="#336600"><FONT color="#ffffff"><B>■ 行事予定</B></FONT></TD></TR></TBODY></TABLE>
<FONT size="-1">当会の主な行事予定をお知らせします。<BR>※日程・内容は都合により変更になる場合があります。</FONT><BR>
<P align="right"><FONT size="-1">更新日：令和8年11月30日</FONT></P>` +
		table("令和8年12月", row("3日", "木", "14:00～16:00", "年末調整講習会", "本所 3階 大会議室"), row("9日", "水", "13:00～16:00", "税務相談", "本所 2階 相談室"),
			row("15日", "火", "19:00～", "第6回 理事会", "本所 3階 大会議室"),
			row("26日<BR>27日", "土<BR>日", "10:00～16:00", `年末大売出し 大抽選会<BR><A href="oouridashi.html">→詳しくはこちら</A>`, "本所前 特設テント")) +
		table("令和9年1月", row("8日", "金", "午後6時～", "新年互礼会", "ホテル例 2階 葛城の間"), row("13日", "水", "13:00～16:00", "税務相談", "本所 2階 相談室"),
			row("19日", "火", "19:00～", "第7回 理事会", "本所 3階 大会議室")) +
		`</TD></TR></TABLE></BODY></HTML>`
	lp := autoItems(t, "https://www.example.jp/gyouji.html", page)
	got := map[string]string{}
	for _, it := range lp.Items {
		sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], goldenRef)
		if err != nil {
			t.Fatalf("%q: %v", it.Fields, err)
		}
		end := ""
		if !sp.End.IsZero() {
			end = jst(sp.End)
		}
		got[it.Fields[FieldTitle]+" "+jst(sp.Start)] = end
	}
	for k, end := range map[string]string{"税務相談 2026-12-09 13:00": "2026-12-09 16:00", "年末大売出し 大抽選会 2026-12-26 10:00": "2026-12-27 16:00",
		"新年互礼会 2027-01-08 18:00": "", "税務相談 2027-01-13 13:00": "2027-01-13 16:00"} {
		if g, ok := got[k]; !ok || end != "" && !strings.HasPrefix(g, end) {
			t.Errorf("%s: got end %q (%v), want %s", k, g, ok, end)
		}
	}
	if len(got) != 7 {
		t.Errorf("items %q, want 7", got)
	}
}

// A record's 開始時刻 and 終了時刻 give its hours, its 状態 its state.
func TestAutoEventRecordHoursAndState(t *testing.T) {
	e, _ := autoEventOf(t, kvRecord([][2]string{{"行事名", "環境・安全衛生講習会"}, {"区分", "講習"}, {"状態", "中止"},
		{"開催日", "2026-12-15"}, {"開始時刻", "14:00"}, {"終了時刻", "16:00"}, {"会場", "組合会館 3階 大ホール"}}))
	if jst(e.StartsAt) != "2026-12-15 14:00" || jst(e.EndsAt) != "2026-12-15 16:00" || e.Status != "cancelled" {
		t.Errorf("%s – %s %s, want 14:00 – 16:00 cancelled", jst(e.StartsAt), jst(e.EndsAt), e.Status)
	}
}
