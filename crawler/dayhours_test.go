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
