package crawler

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/encoding/japanese"

	"kouryu/internal/event"
)

func docOf(t *testing.T, page string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestAutoDetailLayouts(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       Fields
	}{
		{"【】-headed text", `<html><body><article><h1>ものづくり交流会のご案内</h1>
<p>下記のとおり開催します。</p>
<p>【日時】12月3日(木)18:30～20:30</p><p>【会場】東大阪の商工会館 3階ホール</p>
<p>■参加費：3,000円（懇親会費含む）</p><p>【主催】例の商工会議所</p></article></body></html>`,
			Fields{FieldTitle: "ものづくり交流会のご案内", FieldDate: "12月3日(木)18:30～20:30", FieldVenue: "東大阪の商工会館 3階ホール", FieldFee: "3,000円（懇親会費含む）", FieldOrganizer: "例の商工会議所"}},
		{"The Events Calendar markup without JSON-LD", `<html><body>
<h1 class="tribe-events-single-event-title">経営者ランチ会</h1>
<div class="tribe-events-schedule"><span class="tribe-events-start-datetime">2026年12月10日 @ 12:00</span> - <span>13:30</span></div>
<div class="tribe-events-meta-group"><dd class="tribe-venue">淀屋橋の貸会議室</dd><span class="tribe-events-event-cost">2,000円</span><dd class="tribe-organizer">例の会</dd></div>
</body></html>`,
			Fields{FieldTitle: "経営者ランチ会", FieldDate: "2026年12月10日 12:00 - 13:30", FieldVenue: "淀屋橋の貸会議室", FieldFee: "2,000円", FieldOrganizer: "例の会"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := AutoDetail(docOf(t, tc.page))
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestWithYearFromURL(t *testing.T) {
	u := mustURL("https://example.org/events/?ym=202701&cat=2")
	ym := yearMonthOf(u, "")
	if ym != (yearMonth{year: 2027, month: 1}) {
		t.Fatalf("yearMonthOf = %v", ym)
	}
	for in, want := range map[string]string{
		"1月8日(金) 18:00":  "2027年1月8日(金) 18:00",
		"1/8(金)":         "2027/1/8(金)",
		"8日(金) 交流会":      "2027年1月8日(金) 交流会",
		"2026年12月3日":     "2026年12月3日",
		"令和8年12月3日":      "令和8年12月3日",
		"受付中":            "受付中",
		"開催日 1月８日 18:30": "開催日 2027年1月８日 18:30",
	} {
		if got := withYear(in, ym); got != want {
			t.Errorf("withYear(%q) = %q, want %q", in, got, want)
		}
	}
	if ym := yearMonthOf(mustURL("https://example.org/?page=2"), ""); ym.year != 0 {
		t.Errorf("no year-month in the URL: %v", ym)
	}
}

func TestStatusConditions(t *testing.T) {
	for _, tc := range []struct {
		status, title string
		want          event.Status
	}{
		{"", "雨天中止の場合はメールでお知らせします", event.StatusScheduled},
		{"", "中止の場合は前日に連絡します 交流会", event.StatusScheduled},
		{"", "【開催見送り】夏の交流会", event.StatusCancelled},
		{"", "【キャンセル待ち】異業種交流会", event.StatusFull},
		{"受付終了", "交流会", event.StatusScheduled},
		{"", "【受付終了】出展者募集 ビジネスフェア2027", event.StatusScheduled},
		{"", "定員に達したため、受付を終了しました", event.StatusFull},
		{"", "【延期】12月例会", event.StatusPostponed},
		{"", "中止・延期の場合はお知らせします", event.StatusScheduled},
		// A make-up for a meeting called off is not called off.
		{"", "講師：例野 美和 氏（12月15日中止分の振替講話）", event.StatusScheduled},
		{"", "中止となった回の振替です", event.StatusScheduled},
		{"", "おかげさまで全席完売となりました", event.StatusFull},
		{"", "参加費 6,500円（早割 5,000円は完売しました）", event.StatusScheduled},
	} {
		if got := statusOf(tc.status, tc.title); got != tc.want {
			t.Errorf("statusOf(%q, %q) = %q, want %q", tc.status, tc.title, got, tc.want)
		}
	}
}

// TestCrawlAutoShiftJISMonthTable reads, without selectors, a Shift_JIS
// chamber whose month table (ym=202701) writes dates without a year and
// whose event pages are definition lists.
func TestCrawlAutoShiftJISMonthTable(t *testing.T) {
	enc := japanese.ShiftJIS.NewEncoder()
	pages := map[string]string{
		"/event/": `<html><head><meta charset="Shift_JIS"></head><body><h2>1月の催し</h2><table>
<tr><th>日付</th><th>催し</th></tr>
<tr><td>8日(金)</td><td><a href="/event/d/1.html">新春 異業種交流会</a></td></tr>
<tr><td>15日(金)</td><td><a href="/event/d/2.html">事業承継セミナー</a></td></tr>
</table></body></html>`,
		"/event/d/1.html": `<html><head><meta charset="Shift_JIS"><title>新春 異業種交流会</title></head><body><h1>新春 異業種交流会</h1>
<dl><dt>開催日</dt><dd>1月8日(金) 18:00～20:00</dd><dt>会場</dt><dd>堺東の会館</dd><dt>参加費</dt><dd>無料</dd></dl></body></html>`,
		"/event/d/2.html": `<html><head><meta charset="Shift_JIS"><title>事業承継セミナー</title></head><body><h1>事業承継セミナー【満席】</h1>
<dl><dt>日時</dt><dd>1月15日(金) 14:00～16:00</dd><dt>場所</dt><dd>大阪市中央区本町の会議室</dd></dl></body></html>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		b, _ := enc.Bytes([]byte(p))
		w.Header().Set("Content-Type", "text/html")
		w.Write(b)
	}))
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: sjis
    name: 例の商工会議所
    kind: auto
    start_urls: ["%s/event/?ym=202701"]
    area: 堺市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	a := got["新春 異業種交流会"]
	if len(a) != 1 || !a[0].StartsAt.Equal(tokyo(2027, 1, 8, 18, 0)) || a[0].Venue != "堺東の会館" || a[0].Fee != "無料" || a[0].Area != "堺市" {
		t.Errorf("got %+v; problems %q", a, rep.Problems)
	}
	b := got["事業承継セミナー【満席】"]
	if len(b) != 1 || b[0].Status != event.StatusFull || b[0].Area != "大阪市中央区" {
		t.Errorf("got %+v", b)
	}
}
