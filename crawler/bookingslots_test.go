package crawler

import (
	"errors"
	"strings"
	"testing"

	"kouryu/internal/event"
)

// menuPage is a booking service's menu page (Coubic, STORES予約 and the
// like): generated class names, the menu's details, its place, and the
// slots that can be booked, one a row.
func menuPage(title, details, place string, slots ...string) string {
	var rows strings.Builder
	for _, s := range slots {
		date, rest, _ := strings.Cut(s, "|")
		clock, stock, _ := strings.Cut(rest, "|")
		button := "予約する"
		if stock == "満席" {
			button = "キャンセル待ちに登録"
		}
		rows.WriteString(`<li class="yc-Slot_row__Bq8e"><span class="yc-Slot_date__G7cW">` + date + `</span><span class="yc-Slot_time__k1Zr">` + clock +
			`</span><span class="yc-Slot_stock__f0Kx">` + stock + `</span><a class="yc-Button_root__2HkP" href="/book/ex/1?slot=` + date + `">` + button + `</a></li>` + "\n")
	}
	return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>` + title + `｜例ベース - 例よやく</title></head><body><div id="__app">
<header class="yc-Header_root__a81x"><a class="yc-Header_logo__Pq0s" href="/"><img src="/logo.svg" alt="例よやく"></a></header>
<main class="yc-Main_root__nB2e"><article class="yc-Service_root__eK5n">
<h1 class="yc-Service_title__Mq3L">` + title + `</h1>
<section class="yc-Service_section__z7Nf"><h2 class="yc-Service_heading__o5Dt">詳細</h2><div class="yc-Service_description__J8ux">` + details + `</div></section>
<section class="yc-Service_section__z7Nf"><h2 class="yc-Service_heading__o5Dt">場所</h2><div class="yc-Service_place__Ux4r"><p class="yc-Service_placeName__t3Yy">` + place + `</p><p class="yc-Service_placeAddress__Wn0g">大阪府大阪市中央区本町9丁目X-X 例ビル3F</p></div></section>
<section class="yc-Service_section__z7Nf"><h2 class="yc-Service_heading__o5Dt">予約可能な日時</h2><ul class="yc-Slot_list__Ke4t">
` + rows.String() + `</ul></section>
<section class="yc-Service_section__z7Nf"><h2 class="yc-Service_heading__o5Dt">キャンセルポリシー</h2><p>前日18:00までマイページからキャンセルできます。</p></section>
</article></main></div></body></html>`
}

// An event menu lists its dated slots, each an event with its own seats;
// its text names the meetings again, numbered, the first full.
func TestPageMeetingsBookingSlots(t *testing.T) {
	page := menuPage("月例 例ベース交流会", `<p>毎月第2金曜日の夜に開催している交流会です。</p>
<p>▼今後の開催<br>第31回 12月11日(金) ※満席になりました。キャンセル待ちを受け付けています<br>第32回 1月15日(金) 新年会スペシャル<br>第33回 2月12日(金)</p>`,
		"例ベース 3F イベントスペース",
		"2026年12月11日(金)|19:00 〜 21:00|満席", "2027年1月15日(金)|19:00 〜 21:00|残り12席", "2027年2月12日(金)|19:00 〜 21:00|残り20席")
	got := meetingsOf(t, page)
	checkMeetings(t, got, []wantMeeting{
		{tokyo(2026, 12, 11, 19, 0), tokyo(2026, 12, 11, 21, 0), "月例 例ベース交流会", "例ベース 3F イベントスペース"},
		{tokyo(2027, 1, 15, 19, 0), tokyo(2027, 1, 15, 21, 0), "月例 例ベース交流会", "例ベース 3F イベントスペース"},
		{tokyo(2027, 2, 12, 19, 0), tokyo(2027, 2, 12, 21, 0), "月例 例ベース交流会", "例ベース 3F イベントスペース"},
	})
	for i, want := range []event.Status{event.StatusFull, event.StatusScheduled, event.StatusScheduled} {
		if i < len(got) && statusOf(got[i][FieldStatus], got[i][FieldTitle]) != want {
			t.Errorf("meeting %d: status %q, want %s", i, got[i][FieldStatus], want)
		}
	}
}

// A room by the hour, a desk by the day, visits on the days ahead: the
// menu's slots are when a room or a service can be booked, no event.
func TestAutoEventRefusesBookingHours(t *testing.T) {
	for _, tc := range []struct {
		name, page string
	}{
		{"a room by the hour", menuPage("会議室A（6名まで）", `<p>プロジェクター・ホワイトボード完備の会議室です。</p>`, "例ベース 2F 会議室A",
			"2026年12月7日(月)|10:00 〜 11:00|空きあり", "2026年12月7日(月)|11:00 〜 12:00|空きあり", "2026年12月7日(月)|13:00 〜 14:00|満席", "2026年12月8日(火)|10:00 〜 11:00|空きあり")},
		{"a desk by the day", menuPage("ドロップイン利用（1日）", `<p>コワーキングフロアのフリー席を1日ご利用いただけます。</p>`, "例ベース 2F コワーキングフロア",
			"2026年12月7日(月)|09:00 〜 21:00|空きあり", "2026年12月8日(火)|09:00 〜 21:00|空きあり", "2026年12月9日(水)|09:00 〜 21:00|空きあり", "2026年12月10日(木)|09:00 〜 21:00|空きあり", "2026年12月11日(金)|09:00 〜 21:00|空きあり")},
		{"visits on the days ahead", menuPage("内覧・見学予約", `<p>月額会員をご検討の方の見学を承ります（30分）。</p>`, "例ベース 2F 受付",
			"2026年12月7日(月)|11:00 〜 11:30|空きあり", "2026年12月7日(月)|16:00 〜 16:30|空きあり", "2026年12月8日(火)|11:00 〜 11:30|空きあり", "2026年12月9日(水)|14:00 〜 14:30|空きあり", "2026年12月10日(木)|11:00 〜 11:30|空きあり")},
	} {
		f, err := AutoEvent(docOf(t, tc.page), mustURL("https://yoyaku.example.jp/ex/480001"), corpusNow)
		if !errors.Is(err, ErrNotEvent) {
			t.Errorf("%s: read as an event (%v): %q", tc.name, err, f)
		}
	}
	// An event menu's weekly slots are events.
	page := menuPage("朝活もくもく会", `<p>始業前の1時間半、それぞれが自分の作業に集中する会です。</p>`, "例ベース 3F イベントスペース",
		"2026年12月9日(水)|07:30 〜 09:00|残り6席", "2026年12月16日(水)|07:30 〜 09:00|残り9席", "2026年12月23日(水)|07:30 〜 09:00|残り11席")
	if _, err := AutoEvent(docOf(t, page), mustURL("https://yoyaku.example.jp/ex/482913"), corpusNow); err != nil {
		t.Errorf("weekly event slots: %v", err)
	}
}
