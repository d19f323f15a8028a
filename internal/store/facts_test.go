package store

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"kouryu/internal/event"
)

// withFacts sets the facts of e: fees lo-hi (nil lo: none), members_only
// (nil: not stated), format, capacity, deadline and registration URL.
func withFacts(e event.Event, lo, hi *int, capacity int, applyBy time.Time, membersOnly *bool, f event.Format, applyURL string) event.Event {
	e.FeeYenMin, e.FeeYenMax, e.Capacity, e.ApplyBy, e.MembersOnly, e.Format, e.ApplyURL = lo, hi, capacity, applyBy, membersOnly, f, applyURL
	e.Normalize()
	return e
}

func ptr[T any](v T) *T { return &v }

// The facts are stored as columns and read back as the record had them:
// 0 yen and members_only false are kept apart from "not stated"; a change of
// one is a content change.
func TestFactsRoundTrip(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		deadline := jst(2026, 12, 1, 23, 59).Add(59 * time.Second)
		free := withFacts(newEvent(1, jst(2026, 12, 10, 18, 30)), ptr(0), ptr(0), 0, time.Time{}, ptr(false), event.Online, "")
		full := withFacts(newEvent(2, jst(2026, 12, 11, 18, 30)), ptr(2000), ptr(4000), 50, deadline, ptr(true), event.Hybrid, "https://forms.example.jp/e/2")
		none := newEvent(3, jst(2026, 12, 12, 18, 30))
		upsert(t, s, free, full, none)
		for _, want := range []event.Event{free, full, none} {
			got := get(t, s, want.ID).Event
			if !reflect.DeepEqual(factsOf(got), factsOf(want)) || !got.ApplyBy.Equal(want.ApplyBy) {
				t.Errorf("%s: read back %+v, want %+v", want.Title, factsOf(got), factsOf(want))
			}
			if got.ContentHash() != want.ContentHash() {
				t.Errorf("%s: the record read back hashes otherwise", want.Title)
			}
		}
		changed := full
		changed.Capacity = 60
		if r := upsert(t, s, changed); r.Updated != 1 {
			t.Errorf("a new capacity: %+v, want one update", r)
		}
		if got := selectIDs(t, s, `SELECT id FROM upcoming_events WHERE capacity = 60`); len(got) != 1 {
			t.Errorf("upcoming_events.capacity: %v", got)
		}
	})
}

// factsOf is the facts of e with times left out (compared by instant).
func factsOf(e event.Event) []any {
	return []any{e.FeeYenMin, e.FeeYenMax, e.Capacity, e.MembersOnly, e.Format, e.ApplyURL}
}

// Each filter keeps the events that state the fact, and only those.
func TestQueryFactFilters(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		at := func(d int) time.Time { return jst(2026, 12, d, 18, 30) }
		freeOpenOnline := withFacts(newEvent(1, at(10)), ptr(0), ptr(0), 0, jst(2026, 12, 8, 17, 0), ptr(false), event.Online, "")
		membersFree := withFacts(newEvent(2, at(11)), ptr(0), ptr(3000), 0, jst(2026, 12, 1, 23, 59), ptr(true), event.InPerson, "")
		hybrid := withFacts(newEvent(3, at(12)), ptr(1000), ptr(1000), 30, time.Time{}, ptr(false), event.Hybrid, "")
		unknown := newEvent(4, at(13))
		upsert(t, s, freeOpenOnline, membersFree, hybrid, unknown)
		for _, c := range []struct {
			name string
			q    Query
			want []event.Event
		}{
			{"free is free for all", Query{Free: true}, []event.Event{freeOpenOnline}},
			{"open", Query{Open: true}, []event.Event{freeOpenOnline, hybrid}},
			{"online or hybrid", Query{Online: true}, []event.Event{freeOpenOnline, hybrid}},
			{"apply after", Query{ApplyAfter: jst(2026, 12, 2, 0, 0)}, []event.Event{freeOpenOnline}},
			{"apply after, a deadline that day", Query{ApplyAfter: jst(2026, 12, 1, 0, 0)}, []event.Event{freeOpenOnline, membersFree}},
			{"open and online with a label", Query{Open: true, Online: true, Label: event.CrossIndustry}, []event.Event{freeOpenOnline, hybrid}},
			{"none", Query{Free: true, Online: true, Open: true, ApplyAfter: jst(2026, 12, 9, 0, 0)}, nil},
		} {
			p, err := s.Query(context.Background(), c.q)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var want []string
			for _, e := range c.want {
				want = append(want, e.ID)
			}
			if got := ids(p.Rows); !slices.Equal(got, want) {
				t.Errorf("%s: got %v, want %v", c.name, got, want)
			}
		}
	})
}
