package crawler

import (
	"testing"
	"time"

	"kouryu/internal/event"
)

// TestCrawlAutoSkipsWhatThePageHides crawls a community's Webflow events
// page: dates in English, and on every card the 満席 and 延期 badges, the
// ones switched off kept in the markup with w-condition-invisible. Only the
// badges a reader sees say anything; a hidden attribute and an inline
// display:none hide the same way, but a tab panel hidden until its tab is
// clicked (過去のイベント) is still read.
func TestCrawlAutoSkipsWhatThePageHides(t *testing.T) {
	card := func(slug, date, badges, title, time, place string) string {
		return `<div role="listitem" class="event-item w-dyn-item"><a href="/event/` + slug + `" class="event-card w-inline-block">
<div class="event-date-block"><div class="event-date">` + date + `</div></div>
<div class="event-info"><div class="event-badges">` + badges + `</div>
<h3 class="event-title">` + title + `</h3><div class="event-meta"><div class="event-time">` + time + `</div><div class="event-place">` + place + `</div></div></div></a></div>`
	}
	off := `<div class="badge badge-full w-condition-invisible">満席</div><div class="badge badge-postponed w-condition-invisible">延期</div>`
	full := `<div class="badge badge-full">満席</div><div class="badge badge-postponed w-condition-invisible">延期</div>`
	page := `<!DOCTYPE html><html data-wf-site="x" lang="ja"><head><title>Events | 例の起業家サークル</title><meta content="Webflow" name="generator"/></head><body>
<div class="navbar w-nav"><a href="/" class="brand">例の起業家サークル</a><a href="/events" class="nav-link w--current">Events</a></div>
<section class="page-hero"><h1 class="page-title">Events</h1></section>
<div class="tabs"><a href="#upcoming" role="tab" aria-controls="upcoming">Upcoming</a><a href="#past" role="tab" aria-controls="past">Past</a></div>
<section id="upcoming"><h2>Upcoming Events</h2><div class="w-dyn-list"><div role="list" class="event-list w-dyn-items">` +
		card("night-31", "December 10, 2026", off, "交流会 Night #31", "19:00-21:30", "例ビル 8F ラウンジ") +
		card("bonenkai", "December 20, 2026", full, "起業家忘年会 2026", "18:00-21:00", "例のビアテラス") +
		card("pitch-9", "Dec 16, 2026", `<div class="badge" hidden>延期</div><div class="badge" style="display: none;">満席</div>`, "ピッチ練習会 vol.9", "19:30-21:00", "例ビル 8F 会議室A") +
		`</div></div></section>
<section id="past" hidden><h2>Past Events</h2><div class="w-dyn-list"><div role="list" class="event-list w-dyn-items">` +
		card("pitch-8", "26 November 2026", off, "ピッチ練習会 vol.8", "19:30-21:00", "例ビル 8F 会議室A") +
		card("night-30", "12 November 2026", off, "交流会 Night #30", "19:00-21:30", "例ビル 8F ラウンジ") +
		`</div></div></section>
<footer class="footer">© 2026 例の起業家サークル</footer></body></html>`
	detail := func(badges, title, date, time, place string) string {
		return `<!DOCTYPE html><html lang="ja"><head><title>` + title + ` | 例の起業家サークル</title></head><body>
<div class="navbar w-nav"><a href="/" class="brand">例の起業家サークル</a><a href="/events" class="nav-link">Events</a></div>
<section class="event-hero"><a href="/events" class="back-link">← Events一覧へ</a><div class="event-badges">` + badges + `</div>
<h1 class="event-h1">` + title + `</h1><div class="event-detail-grid">
<div class="detail-row"><div class="detail-label">日付</div><div class="detail-value">` + date + `</div></div>
<div class="detail-row"><div class="detail-label">時間</div><div class="detail-value">` + time + `</div></div>
<div class="detail-row"><div class="detail-label">会場</div><div class="detail-value">` + place + `</div></div></div></section>
<section class="section"><div class="rich-text w-richtext"><p>お申込みはDiscordで。</p></div></section>
<footer class="footer">© 2026 例の起業家サークル</footer></body></html>`
	}
	pages := map[string]string{
		"/events":         page,
		"/event/night-31": detail(off, "交流会 Night #31", "December 10, 2026（Thu）", "19:00-21:30", "例ビル 8F ラウンジ"),
		"/event/bonenkai": detail(full, "起業家忘年会 2026", "December 20, 2026（Sun）", "18:00-21:00", "例のビアテラス"),
		"/event/pitch-9":  detail(`<div class="badge" hidden>延期</div>`, "ピッチ練習会 vol.9", "Dec 16, 2026（Wed）", "19:30-21:00", "例ビル 8F 会議室A"),
		"/event/pitch-8":  detail(off, "ピッチ練習会 vol.8", "26 November 2026（Thu）", "19:30-21:00", "例ビル 8F 会議室A"),
		"/event/night-30": detail(off, "交流会 Night #30", "12 November 2026（Thu）", "19:00-21:30", "例ビル 8F ラウンジ"),
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: wf
    name: 例の起業家サークル
    kind: auto
    start_urls: ["%s/events"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	want := map[string]struct {
		start  time.Time
		status event.Status
	}{
		"交流会 Night #31": {tokyo(2026, 12, 10, 19, 0), event.StatusScheduled},
		"起業家忘年会 2026":   {tokyo(2026, 12, 20, 18, 0), event.StatusFull},
		"ピッチ練習会 vol.9":  {tokyo(2026, 12, 16, 19, 30), event.StatusScheduled},
		"交流会 Night #30": {tokyo(2026, 11, 12, 19, 0), event.StatusScheduled},
		"ピッチ練習会 vol.8":  {tokyo(2026, 11, 26, 19, 30), event.StatusScheduled},
	}
	got := byTitle(evs)
	if len(evs) != len(want) {
		t.Errorf("%d events, want %d: %+v; problems %q", len(evs), len(want), evs, rep.Problems)
	}
	for title, w := range want {
		es := got[title]
		if len(es) != 1 {
			t.Errorf("%s: %d events", title, len(es))
			continue
		}
		if !es[0].StartsAt.Equal(w.start) || es[0].Status != w.status {
			t.Errorf("%s: starts %v, %s; want %v, %s", title, es[0].StartsAt, es[0].Status, w.start, w.status)
		}
	}
}
