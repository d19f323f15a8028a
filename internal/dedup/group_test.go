package dedup

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// table is a stored table for Assign in tests: listings by id with their
// event and role, applied changes and all.
type table struct {
	t  *testing.T
	ms map[string]*Member
	ov *Overrides
}

func newTable(t *testing.T) *table { return &table{t: t, ms: map[string]*Member{}} }

var seenAt = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

// put stores the listings of keys (from the labelled set) as new rows, each
// seen a minute after the last, and runs Assign over them as one batch.
func (tb *table) put(listings map[string]event.Event, keys ...string) []Note {
	tb.t.Helper()
	var batch []string
	for _, k := range keys {
		e := listings[k]
		if m, ok := tb.ms[e.ID]; ok {
			m.Event = e
		} else {
			seenAt = seenAt.Add(time.Minute)
			tb.ms[e.ID] = &Member{Event: e, Canonical: e.ID, FirstSeen: seenAt, Primary: true}
		}
		batch = append(batch, e.ID)
	}
	return tb.assign(batch)
}

// assign runs Assign over batch with every stored listing known (the store
// passes fewer: the blocks and events of the batch) and applies the changes.
func (tb *table) assign(batch []string) []Note {
	tb.t.Helper()
	var known []Member
	for _, m := range tb.ms {
		known = append(known, *m)
	}
	changes, notes := Assign(batch, known, tb.ov)
	for _, c := range changes {
		m := tb.ms[c.ID]
		m.Canonical, m.Primary = c.Canonical, c.Primary
	}
	// Assign is idempotent: once applied, the same batch changes nothing.
	known = known[:0]
	for _, m := range tb.ms {
		known = append(known, *m)
	}
	if again, _ := Assign(batch, known, tb.ov); len(again) > 0 {
		tb.t.Errorf("Assign again over %v changed %v", batch, again)
	}
	tb.check()
	return notes
}

// check holds the table's invariants: every event's id is one of its
// listings, and exactly one listing of each event is primary.
func (tb *table) check() {
	tb.t.Helper()
	primaries := map[string]int{}
	for id, m := range tb.ms {
		head, ok := tb.ms[m.Canonical]
		if !ok || head.Canonical != m.Canonical {
			tb.t.Errorf("%s is in event %s, which is no listing of it", id, m.Canonical)
		}
		if m.Primary {
			primaries[m.Canonical]++
		}
	}
	for _, m := range tb.ms {
		if n := primaries[m.Canonical]; n != 1 {
			tb.t.Errorf("event %s has %d primary listings", m.Canonical, n)
		}
	}
}

// events returns the table's events as sorted groups of keys ("A1 A2").
func (tb *table) events() []string {
	groups := map[string][]string{}
	for id, m := range tb.ms {
		groups[m.Canonical] = append(groups[m.Canonical], strings.TrimPrefix(id, "id-"))
	}
	var out []string
	for _, g := range groups {
		slices.Sort(g)
		out = append(out, strings.Join(g, " "))
	}
	slices.Sort(out)
	return out
}

func (tb *table) canonical(key string) string { return tb.ms["id-"+key].Canonical }

func (tb *table) primary(key string) bool { return tb.ms["id-"+key].Primary }

func TestAssignKeepsIDs(t *testing.T) {
	listings, _ := loadLabelled(t)
	tb := newTable(t)

	// The portal's listing is seen first: its id is the event's.
	tb.put(listings, "A2")
	tb.put(listings, "A1", "A7") // the organiser's page, and another party that evening
	if got, want := tb.events(), []string{"A1 A2", "A7"}; !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	if tb.canonical("A1") != "id-A2" {
		t.Errorf("A1 is in %s, want the first seen listing's event id-A2", tb.canonical("A1"))
	}
	if !tb.primary("A1") || tb.primary("A2") {
		t.Errorf("primary A1 %v, A2 %v: want the organiser's page to stand for the event", tb.primary("A1"), tb.primary("A2"))
	}

	// A third listing joins; the id stays.
	notes := tb.put(listings, "A3")
	if tb.canonical("A3") != "id-A2" || len(notes) != 1 || notes[0].What != NoteJoined {
		t.Errorf("A3 in %s, notes %v: want it to join id-A2", tb.canonical("A3"), notes)
	}

	// A re-crawl of every listing changes nothing (the table checks it).
	tb.put(listings, "A1", "A2", "A3", "A7")

	// The listing whose id the event has moves to another day: it leaves,
	// and the others take the id of the first seen of them.
	moved := listings["A2"]
	moved.StartsAt = moved.StartsAt.AddDate(0, 0, 7)
	moved.EndsAt = moved.EndsAt.AddDate(0, 0, 7)
	notes = tb.put(map[string]event.Event{"A2": moved}, "A2")
	if got, want := tb.events(), []string{"A1 A3", "A2", "A7"}; !slices.Equal(got, want) {
		t.Fatalf("after A2 moved: events %v, want %v", got, want)
	}
	if tb.canonical("A2") != "id-A2" || tb.canonical("A1") != "id-A1" || tb.canonical("A3") != "id-A1" {
		t.Errorf("after A2 moved: A2 in %s, A1 in %s, A3 in %s", tb.canonical("A2"), tb.canonical("A1"), tb.canonical("A3"))
	}
	if len(notes) != 1 || notes[0].What != NoteLeft {
		t.Errorf("notes %v, want A2 left", notes)
	}
}

func TestAssignSeriesAndNeighbours(t *testing.T) {
	listings, _ := loadLabelled(t)
	tb := newTable(t)
	// Every listing of the labelled set, a few at a time in file order of
	// keys: the events must be the families of the set.
	var keys []string
	for k := range listings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i := 0; i < len(keys); i += 7 {
		tb.put(listings, keys[i:min(i+7, len(keys))]...)
	}
	got := map[string]bool{}
	for _, g := range tb.events() {
		got[g] = true
	}
	for _, want := range []string{"A1 A2 A3", "A4 A5", "A6", "A7", "A8", "C1 C2", "C3 C4", "D1 D2", "E1 E2 E3", "E5",
		"F1 F2 F3", "I1 I2 I3", "I4 I6", "J1 J2", "J3 J4", "X1 X3", "X2 X4", "AF1 AF2 AF3 AF4", "AF5", "AH1 AH2 AH3", "AH5"} {
		if !got[want] {
			t.Errorf("no event of exactly %s; events: %q", want, tb.events())
		}
	}
}

func TestAssignAmbiguous(t *testing.T) {
	listings, _ := loadLabelled(t)
	tb := newTable(t)
	// The building's page lists the seminar twice that day, afternoon and
	// evening; the city's page gives the day only and matches both.
	evening := listings["Z2"]
	evening.ID, evening.URL = "id-Z2b", evening.URL+"&session=2"
	evening.Source = "sansokan-night"
	evening.StartsAt = evening.StartsAt.Add(4*time.Hour + 30*time.Minute)
	evening.EndsAt = evening.EndsAt.Add(4*time.Hour + 30*time.Minute)
	listings["Z2b"] = evening
	tb.put(listings, "Z2", "Z2b")
	notes := tb.put(listings, "Z1")
	if got, want := tb.events(), []string{"Z1", "Z2", "Z2b"}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v: a listing that matches two events joins none", got, want)
	}
	if len(notes) != 1 || notes[0].What != NoteAmbiguous {
		t.Errorf("notes %v, want one ambiguous", notes)
	}
}

func TestAssignHardConflictKeepsOut(t *testing.T) {
	listings, _ := loadLabelled(t)
	tb := newTable(t)
	tb.put(listings, "A1", "A3") // 孔雀の間; Peatix names the hotel only
	// A party in another room: the hotel-only listing would take it, the
	// organiser's room keeps it out.
	other := listings["A1"]
	other.ID, other.Source, other.URL = "id-A1x", "osaka-party", "https://osaka-party.jp/e/1"
	other.Venue = "ホテル日航大阪 5階 鳳凰の間"
	listings["A1x"] = other
	tb.put(listings, "A1x")
	if tb.canonical("A1x") != "id-A1x" {
		t.Errorf("A1x joined %s: a listing that contradicts one listing of an event must not join it", tb.canonical("A1x"))
	}
}

func TestAssignOverrides(t *testing.T) {
	listings, _ := loadLabelled(t)
	tb := newTable(t)
	tb.put(listings, "R1", "R2", "K1", "K2") // pairs Compare misses
	tb.put(listings, "B1", "B2")
	if got, want := tb.events(), []string{"B1 B2", "K1", "K2", "R1", "R2"}; !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	ov, err := ParseOverrides([]byte("never:\n  - [id-B1, id-B2]\nalways:\n  - [id-R2, id-R1]\n  - [id-K1, id-K2]\n"))
	if err != nil {
		t.Fatal(err)
	}
	tb.ov = ov
	// What the writer does when it starts with an overrides file: the
	// listings it names are placed again.
	tb.assign(ov.IDs())
	if got, want := tb.events(), []string{"B1", "B2", "K1 K2", "R1 R2"}; !slices.Equal(got, want) {
		t.Errorf("with overrides: events %v, want %v", got, want)
	}
	if tb.canonical("R2") != "id-R1" {
		t.Errorf("R2 in %s, want the first seen's id-R1", tb.canonical("R2"))
	}
}

func TestProbeFindsEveryMatch(t *testing.T) {
	listings, pairs := loadLabelled(t)
	for _, p := range pairs {
		a, b := listings[p.a], listings[p.b]
		if !Compare(Prepare(&a), Prepare(&b)).Same {
			continue
		}
		keys, prefixes := Probe(&a)
		kb := MatchKey(&b)
		found := slices.Contains(keys, kb)
		for _, pre := range prefixes {
			found = found || strings.HasPrefix(kb, pre)
		}
		if !found {
			t.Errorf("%s and %s are one event, but %s's probe %v %v does not find key %q", p.a, p.b, p.a, keys, prefixes, kb)
		}
	}
}

func TestBetterAndMerge(t *testing.T) {
	listings, _ := loadLabelled(t)
	at := func(k string, d time.Duration) *Member {
		return &Member{Event: listings[k], FirstSeen: seenAt.Add(d)}
	}
	// The organiser's page beats the portal seen before it.
	if !Better(at("A1", time.Hour), at("A2", 0)) {
		t.Error("a portal's listing is better than the organiser's page")
	}
	// Between pages off portals, the one that tells more.
	if !Better(at("I1", time.Hour), at("I3", 0)) {
		t.Error("the city's short listing is better than the building's full page")
	}
	// The city's day-only listing first: the time comes from the next.
	m := Merge([]event.Event{listings["F3"], listings["F1"], listings["F2"]})
	if m.AllDay || m.StartsAt.Format("15:04") != "18:00" || m.EndsAt.Format("15:04") != "20:00" {
		t.Errorf("merged start %v (all day %v) end %v, want 18:00-20:00", m.StartsAt, m.AllDay, m.EndsAt)
	}
	if m.Title != listings["F3"].Title || m.Venue != listings["F3"].Venue || m.Fee != listings["F1"].Fee || m.Organizer != "堺商工会議所" {
		t.Errorf("merged %q at %q, fee %q, by %q", m.Title, m.Venue, m.Fee, m.Organizer)
	}
}

func ExampleCompare() {
	a := event.Event{ID: "a", Source: "naniwa-keiei", Title: "第5回 なにわ経営者交流会のお知らせ",
		StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo), Venue: "ホテル日航大阪 5階 孔雀の間", Area: "大阪市中央区"}
	b := event.Event{ID: "b", Source: "kokuchpro", Title: "【難波】経営者交流会 vol.5",
		StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo), Venue: "日航大阪5F", Area: "大阪市浪速区"}
	c := b
	c.ID, c.Title = "c", "【難波】経営者交流会 vol.6"
	for _, o := range []event.Event{b, c} {
		v := Compare(Prepare(&a), Prepare(&o))
		fmt.Println(v.Same, v.Why[len(v.Why)-1])
	}
	// Output:
	// true titles "経営者交流会" / "経営者交流会" share 5 of 5 pairs of characters
	// false the titles' numbers differ: 5 / 6
}

// listing is a minimal listing for tests: 2026-12-03 18:30 in 大阪市中央区.
func listing(id, source, title string) *event.Event {
	return &event.Event{ID: id, Source: source, URL: "https://" + source + ".example.jp/" + id, Title: title,
		StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo), Area: "大阪市中央区", Status: event.StatusScheduled}
}
