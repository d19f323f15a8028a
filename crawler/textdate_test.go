package crawler

import (
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

func TestCheckStart(t *testing.T) {
	written := time.Date(2026, 11, 20, 12, 15, 42, 0, event.Tokyo)
	for _, tc := range []struct {
		name       string
		e          event.Event
		stamps     []time.Time
		start, end time.Time
		allDay     bool
		note, flag string // substrings; "" for none
	}{
		{name: "the generator's clock, one date in the text: the text wins",
			e:      event.Event{Title: "OSC大阪", Description: "開催日時: 2027/01/29 10:00 ～ 2027/01/30 17:30\n会場の詳細は追って", StartsAt: written},
			stamps: []time.Time{written},
			start:  tokyo(2027, 1, 29, 10, 0), end: tokyo(2027, 1, 30, 17, 30), note: "was the time the entry was written"},
		{name: "the clock, and a title and a description that disagree: flagged",
			e:      event.Event{Title: "関西オープンフォーラム2027 10/2-3", Description: "開催日時: 2027/02/26 10:00 ～ 2027/02/27 17:30", StartsAt: written},
			stamps: []time.Time{written},
			start:  written, flag: "its text is not clear"},
		{name: "the clock and no date in the text: flagged",
			e:      event.Event{Title: "LT 大会 #30", Description: "5分の LT を何本でも。", StartsAt: written},
			stamps: []time.Time{time.Time{}, written},
			start:  written, flag: "writes no date"},
		{name: "title and description agree against the start: the text wins",
			e: event.Event{Title: "【12/19開催に変更】北浜 経営者交流会", Description: "【日時】12月19日(土) 18:30～20:30\n【会場】北浜",
				StartsAt: tokyo(2026, 12, 12, 18, 30), EndsAt: tokyo(2026, 12, 12, 20, 30)},
			start: tokyo(2026, 12, 19, 18, 30), end: tokyo(2026, 12, 19, 20, 30), note: "contradicted its title and description"},
		{name: "a date in the title alone: flagged, not moved",
			e:     event.Event{Title: "【12/19開催】北浜 経営者交流会", Description: "北浜の経営者が集まる交流会です。", StartsAt: tokyo(2026, 12, 12, 18, 30)},
			start: tokyo(2026, 12, 12, 18, 30), flag: `title "【12/19開催】北浜 経営者交流会" reads 2026-12-19`},
		{name: "title and description agree against the start, one of them in doubt: flagged",
			e:     event.Event{Title: "12/10 朝活", Description: "日時：12月10日 7時から", StartsAt: tokyo(2026, 12, 9, 7, 0)},
			start: tokyo(2026, 12, 9, 7, 0), flag: "contradicts its text"},
		{name: "the text agrees with the start",
			e: event.Event{Title: "千里中央ビジネス交流会（2026年12月15日）", Description: "日時：2026年12月15日(火) 19:00～21:00",
				StartsAt: tokyo(2026, 12, 15, 19, 0)},
			start: tokyo(2026, 12, 15, 19, 0)},
		{name: "a stamp at another time is no clock",
			e:      event.Event{Title: "交流会", StartsAt: tokyo(2026, 12, 15, 19, 0)},
			stamps: []time.Time{written},
			start:  tokyo(2026, 12, 15, 19, 0)},
		{name: "days of a range",
			e:     event.Event{Title: "ものづくり商談フェア 1月20日～21日", StartsAt: tokyo(2027, 1, 21, 0, 0), AllDay: true},
			start: tokyo(2027, 1, 21, 0, 0), allDay: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, note, flag := checkStart(tc.e, tc.stamps, goldenRef)
			if !got.StartsAt.Equal(tc.start) || !got.EndsAt.Equal(tc.end) && !(tc.end.IsZero() && got.EndsAt.Equal(tc.e.EndsAt)) || got.AllDay != tc.allDay {
				t.Errorf("start %v end %v all day %v; want %v %v %v", got.StartsAt, got.EndsAt, got.AllDay, tc.start, tc.end, tc.allDay)
			}
			if (tc.note == "") != (note == "") || !strings.Contains(note, tc.note) {
				t.Errorf("note %q, want %q", note, tc.note)
			}
			if (tc.flag == "") != (flag == "") || !strings.Contains(flag, tc.flag) {
				t.Errorf("flag %q, want %q", flag, tc.flag)
			}
		})
	}
}
