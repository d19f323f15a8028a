package crawler

import "testing"

func TestDaysInARowEachWithHours(t *testing.T) {
	// A fair's two days, each on its line with its hours, the second
	// closing earlier: under a 会期 row of a WordPress table, and under a
	// component site's 開催日時 label/value divs.
	table := `<html><head><title>ものづくりフェア2027 | 例ネットワーク</title></head><body><article>
<h1 class="entry-title">ものづくりフェア2027（展示商談会）</h1>
<div class="xo-event-meta"><span class="xo-event-date">開催日: 2027年2月12日 ～ 2027年2月13日</span></div>
<figure class="wp-block-table"><table><tbody>
<tr><th>会期</th><td>2027年2月12日（金）10:00～17:00<br>2027年2月13日（土）10:00～16:00</td></tr>
<tr><th>会場</th><td>例市立 産業交流館 1F 展示ホール</td></tr>
</tbody></table></figure></article></body></html>`
	divs := `<html><head><title>ビジネス商談会2027｜例商工会議所</title></head><body><div id="__nuxt"><div class="seminar-detail" data-v-6b2d4e8a>
<h1 class="seminar-detail__title" data-v-6b2d4e8a>ビジネス商談会2027</h1>
<div class="info-row" data-v-6b2d4e8a><div class="info-row__label" data-v-6b2d4e8a>開催日時</div><div class="info-row__value" data-v-6b2d4e8a>2027年1月28日(木) 10:00〜17:00<br data-v-6b2d4e8a>2027年1月29日(金) 10:00〜16:00<span class="info-row__note" data-v-6b2d4e8a>（受付開始 09:30）</span></div></div>
<div class="info-row" data-v-6b2d4e8a><div class="info-row__label" data-v-6b2d4e8a>会場</div><div class="info-row__value" data-v-6b2d4e8a>例産業会館 1階 展示ホール</div></div>
</div></div></body></html>`
	// Two sessions a week apart are two events: the page's first.
	sessions := `<html><head><title>記帳講習会 - 例商工会</title></head><body><div id="main">
<h1>記帳講習会（青色申告決算編）</h1>
<table><tr><th>日時</th><td>2027年1月19日（火）13:30～16:00<br>2027年1月26日（火）13:30～16:00</td></tr>
<tr><th>会場</th><td>例商工会館 2階 研修室</td></tr></table></div></body></html>`
	for _, c := range []struct {
		name, page string
		start, end [2]int // day, hour
	}{
		{"会期 row", table, [2]int{12, 10}, [2]int{13, 16}},
		{"label divs", divs, [2]int{28, 10}, [2]int{29, 16}},
		{"sessions", sessions, [2]int{19, 13}, [2]int{19, 16}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := AutoEvent(docOf(t, c.page), mustURL("https://www.example.jp/event/1/"), goldenRef)
			if err != nil {
				t.Fatal(err)
			}
			e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/event/1/", true, f, goldenRef)
			if err != nil {
				t.Fatal(err)
			}
			if d, h := e.StartsAt.Day(), e.StartsAt.Hour(); d != c.start[0] || h != c.start[1] {
				t.Errorf("start %v", e.StartsAt)
			}
			if d, h := e.EndsAt.Day(), e.EndsAt.Hour(); d != c.end[0] || h != c.end[1] {
				t.Errorf("end %v", e.EndsAt)
			}
		})
	}
}

func TestAllDayDaysUnderATimeRow(t *testing.T) {
	// A calendar plugin's event page: the days under its 時間 row, marked
	// 終日; the body names the meeting time at the station, which is not
	// when the trip starts.
	page := `<html><head><title>視察研修 in 福岡 | 例女性経営者の会</title></head><body><div class="eventon_main_section">
<h1 class="evo_event_title">視察研修 in 福岡</h1>
<div class="evo_metarow_details evorow"><h3 class="evo_h3">イベント詳細</h3><div class="eventon_full_description"><p>1泊2日で福岡市を訪れ、地元企業2社を訪問します。</p><p>旅費：約58,000円（新幹線・宿泊込み）</p><p>集合：新大阪駅 8:00（詳細は参加者にお知らせします）</p></div></div>
<div class="evo_metarow_time evcal_evdata_row"><div class="evcal_evdata_cell"><h3 class="evo_h3">時間</h3><p>2027年2月9日（火） - 2月10日（水）  (終日)</p></div></div>
<div class="evo_metarow_location evcal_evdata_row"><div class="evcal_evdata_cell"><h3 class="evo_h3">場所</h3><p class="evo_location_name">福岡市内（博多・天神）</p></div></div>
</div></body></html>`
	f, err := AutoEvent(docOf(t, page), mustURL("https://www.example.jp/events/shisatsu-fukuoka/"), goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/events/shisatsu-fukuoka/", true, f, goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	if !e.AllDay || !e.StartsAt.Equal(tokyo(2027, 2, 9, 0, 0)) || e.EndsAt.IsZero() || e.EndsAt.Day() != 10 && e.EndsAt.Day() != 11 {
		t.Errorf("got %v – %v, all day %v", e.StartsAt, e.EndsAt, e.AllDay)
	}
}
