package crawler

import (
	"testing"
	"time"
)

// A study group's schedule written as one <pre>: sections between rules,
// labels spaced to align (演　題, 会　場), the usual hours and hall stated
// once in a sentence, past meetings as a text table under a dashed line.
func TestAutoListPreformattedSchedule(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/yotei.html", `<HTML><BODY><PRE>
<A HREF="index.html">トップ</A>　｜　<B>例会予定</B>　｜　<A HREF="kaisoku.html">会則</A>

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　　<B>北浜経営懇話会</B>　　例会予定　令和８年度（下期）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

　当会の例会は、原則として毎月第三水曜日、午後六時から八時まで、
　北浜ビジネス会館（北浜２－１）３階　大会議室にて開いております。

────────────────────────────────
■第２０５回例会　　１２月１６日（水）
────────────────────────────────
　演　題　「中小企業の価格交渉　実例と準備」
　講　師　中小企業診断士　木村　誠　氏
　会　場　いつもの会場（北浜ビジネス会館３階　大会議室）

────────────────────────────────
■青年部　勉強会　　１２月２０日（日）　午前十時～正午
────────────────────────────────
　会　場　事務局会議室（北浜第二ビル５階）

────────────────────────────────
■第２０６回例会　　１月２０日（水）
────────────────────────────────
　演　題　「事業承継の落とし穴」
　講　師　税理士　山田　花子　氏

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
◇これまでの例会（令和８年度）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　回　　 月　日　　　　演　題　　　　　　　　　　講　師
　－－－ －－－－－－－ －－－－－－－－－－－－ －－－－－－
　２０４ １１月１８日（水） 補助金申請の勘所　 行政書士　中村　徹　氏
　２０３ １０月２１日（水） 物流コストの見直し方　 物流コンサルタント　林　一郎　氏
</PRE></BODY></HTML>`)
	type want struct {
		start, end time.Time
		venue      string
	}
	hall := "北浜ビジネス会館３階 大会議室"
	wants := map[string]want{
		"中小企業の価格交渉 実例と準備": {tokyo(2026, 12, 16, 18, 0), tokyo(2026, 12, 16, 20, 0), "北浜ビジネス会館３階 大会議室"},
		"青年部 勉強会":         {tokyo(2026, 12, 20, 10, 0), tokyo(2026, 12, 20, 12, 0), "事務局会議室（北浜第二ビル５階）"},
		"事業承継の落とし穴":       {tokyo(2027, 1, 20, 18, 0), tokyo(2027, 1, 20, 20, 0), hall},
		"補助金申請の勘所":        {tokyo(2026, 11, 18, 18, 0), tokyo(2026, 11, 18, 20, 0), hall},
		"物流コストの見直し方":      {tokyo(2026, 10, 21, 18, 0), tokyo(2026, 10, 21, 20, 0), hall},
	}
	got := map[string]bool{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = true
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("unexpected %q (fields %q)", e.Title, it.Fields)
			continue
		}
		if !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Venue != w.venue {
			t.Errorf("%s: %v–%v at %q, want %v–%v at %q", e.Title, e.StartsAt, e.EndsAt, e.Venue, w.start, w.end, w.venue)
		}
	}
	for title := range wants {
		if !got[title] {
			t.Errorf("%s: not found", title)
		}
	}
}

// A building and its floor in brackets after a room name the place; only
// an address is moved out of the venue.
func TestSplitAddressKeepsBuildingFloor(t *testing.T) {
	for venue, want := range map[string][2]string{
		"事務局会議室（本町センタービル７階）": {"事務局会議室（本町センタービル７階）", ""},
		"例会館（大阪市北区中之島9-2-2）": {"例会館", "大阪市北区中之島9-2-2"},
		"研修センター（堺市美原区）":      {"研修センター", "堺市美原区"},
	} {
		f := Fields{FieldVenue: venue}
		splitAddress(f)
		if f[FieldVenue] != want[0] || f[FieldAddress] != want[1] {
			t.Errorf("%s: venue %q address %q, want %q %q", venue, f[FieldVenue], f[FieldAddress], want[0], want[1])
		}
	}
}
