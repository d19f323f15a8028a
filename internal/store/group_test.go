package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"kouryu/internal/dedup"
	"kouryu/internal/event"
)

// listingOf returns a classified listing of source at url.
func listingOf(source, url, title string, start time.Time, venue, area string) event.Event {
	e := event.Event{
		ID: event.ID(source, url, start, ""), Source: source, URL: url, Title: title,
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), Venue: venue, Area: area,
		Status: event.StatusScheduled, FetchedAt: jst(2026, 11, 20, 9, 0), Label: event.CrossIndustry, RulesVersion: "v1",
	}
	e.Normalize()
	return e
}

// naniwa is one gathering listed by a portal, the organiser and another
// portal, and another party in the same hotel that evening.
func naniwa() (portal, organiser, peatix, other event.Event) {
	start := jst(2026, 12, 3, 18, 30)
	portal = listingOf("kokuchpro", "https://www.kokuchpro.com/event/naniwa_keiei5/", "【難波】経営者交流会 vol.5", start, "日航大阪5F", "大阪市浪速区")
	organiser = listingOf("naniwa-keiei", "https://naniwa-keiei.jp/news/2026/11/05-kouryukai.html", "第5回 なにわ経営者交流会のお知らせ", start,
		"ホテル日航大阪 5階 孔雀の間", "大阪市中央区")
	organiser.Organizer, organiser.Fee, organiser.Description = "なにわ経営者交流会実行委員会", "5,000円", "経営者どうしの交流会です。"
	peatix = listingOf("peatix", "https://peatix.com/event/4412873", "なにわ経営者交流会 Vol.5＠心斎橋", start.Add(-30*time.Minute), "ホテル日航大阪", "大阪市中央区")
	other = listingOf("osaka-nishi-rc", "https://www.osaka-nishi-rc.jp/schedule/2026-12.html", "年末家族例会", start, "ホテル日航大阪 4階 鶴の間", "大阪市中央区")
	return
}

func group(t testing.TB, s *Store, ov *dedup.Overrides, evs ...event.Event) GroupResult {
	t.Helper()
	ids := make([]string, len(evs))
	for i := range evs {
		ids[i] = evs[i].ID
	}
	r, err := s.Group(context.Background(), ids, ov)
	if err != nil {
		t.Fatalf("group: %v", err)
	}
	return r
}

func TestGroup(t *testing.T) {
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		portal, organiser, peatix, other := naniwa()

		upsert(t, s, portal, other)
		group(t, s, nil, portal, other)
		st0, err := s.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		upsert(t, s, organiser, peatix)
		r := group(t, s, nil, organiser, peatix)
		if r.Changed != 3 || len(r.Notes) == 0 || r.Notes[0].What != dedup.NoteJoined {
			t.Errorf("group result %+v: want three listings changed and a note of a listing that joined", r)
		}
		for _, e := range []event.Event{portal, organiser, peatix} {
			if got := get(t, s, e.ID); got.CanonicalID != portal.ID || got.Primary != (e.ID == organiser.ID) {
				t.Errorf("%s: canonical %s primary %v; want the first seen listing's id %s, the organiser's page primary",
					e.Source, got.CanonicalID, got.Primary, portal.ID)
			}
		}
		if got := get(t, s, other.ID); got.CanonicalID != other.ID || !got.Primary {
			t.Errorf("the other party: canonical %s primary %v, want alone", got.CanonicalID, got.Primary)
		}
		st1, err := s.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !st1.LastChange.After(st0.LastChange) {
			t.Error("grouping did not move the stamp")
		}

		// One row per event, the organiser's page, the others best first.
		page, err := s.Query(ctx, Query{OnePerEvent: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(page.Rows); !slices.Equal(got, sorted(organiser.ID, other.ID)) {
			t.Fatalf("one per event: %v, want the organiser's listing and the other party", got)
		}
		for _, row := range page.Rows {
			if row.ID != organiser.ID {
				if len(row.Others) != 0 {
					t.Errorf("a lone event has others: %v", ids(row.Others))
				}
				continue
			}
			if got := ids(row.Others); !slices.Equal(got, []string{peatix.ID, portal.ID}) && !slices.Equal(got, []string{portal.ID, peatix.ID}) {
				t.Errorf("others %v, want the two portals", got)
			}
		}
		// Per listing, as before.
		if page, err := s.Query(ctx, Query{}); err != nil || len(page.Rows) != 4 || page.Rows[0].Others != nil {
			t.Errorf("per listing: %d rows (%v)", len(page.Rows), err)
		}
		// Text of any listing finds the event: 難波 is only in the portal's title.
		page, err = s.Query(ctx, Query{OnePerEvent: true, Q: "難波"})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(page.Rows); !slices.Equal(got, []string{organiser.ID}) {
			t.Errorf("q=難波: %v, want the event through its portal listing", got)
		}
		// Filters are the primary listing's: the portal read 難波 as 浪速区.
		page, err = s.Query(ctx, Query{OnePerEvent: true, Area: "大阪市浪速区"})
		if err != nil || len(page.Rows) != 0 {
			t.Errorf("area=浪速区: %v (%v), want none: the event is where its primary listing says", ids(page.Rows), err)
		}

		// A re-crawl writes the listings again: nothing changes.
		upsert(t, s, organiser, portal, peatix, other)
		if r := group(t, s, nil, organiser, portal, peatix, other); r.Changed != 0 {
			t.Errorf("a re-crawl changed %d listings", r.Changed)
		}
		if got := get(t, s, organiser.ID); got.CanonicalID != portal.ID || !got.Primary {
			t.Errorf("an upsert touched the event of a listing: %s %v", got.CanonicalID, got.Primary)
		}
	})
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}

// Writers that place listings of one event at the same moment must end
// with one event and one primary listing: each sees what the others
// committed before it decides. Two portals' listings are grouped first;
// then the organiser and a chamber list it, in two writers at once, each
// better than the portals'.
func TestGroupConcurrentWriters(t *testing.T) {
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		for round := range 12 {
			start := jst(2026, 12, 1+round, 18, 30)
			title := "梅田 異業種交流会"
			evs := []event.Event{
				listingOf("kokuchpro", fmt.Sprintf("https://www.kokuchpro.com/event/r%d/", round), "【梅田】異業種交流会", start, "梅田センタービル 3F", "大阪市北区"),
				listingOf("peatix", fmt.Sprintf("https://peatix.com/event/77%02d", round), title+"＠梅田", start, "梅田センタービル", "大阪市北区"),
				listingOf("umeda-biz", fmt.Sprintf("https://umeda-biz.jp/e/%d", round), title+"のご案内", start, "梅田センタービル 3階 会議室", "大阪市北区"),
				listingOf("kita-cci", fmt.Sprintf("https://kita-cci.jp/event/%d", round), title, start, "梅田センタービル 3階", "大阪市北区"),
			}
			evs[2].Organizer, evs[3].Organizer = "梅田ビジネス会", "梅田ビジネス会"
			upsert(t, s, evs[:2]...)
			group(t, s, nil, evs[:2]...)
			var wg sync.WaitGroup
			errs := make(chan error, 2)
			for _, e := range evs[2:] {
				wg.Go(func() {
					if _, err := s.Upsert(ctx, []event.Event{e}); err != nil {
						errs <- err
						return
					}
					if _, err := s.Group(ctx, []string{e.ID}, nil); err != nil {
						errs <- err
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			canon, primaries := map[string]bool{}, 0
			for _, e := range evs {
				r := get(t, s, e.ID)
				canon[r.CanonicalID] = true
				if r.Primary {
					primaries++
				}
			}
			if len(canon) != 1 || primaries != 1 {
				t.Fatalf("round %d: %d events, %d primary listings; want one of each", round, len(canon), primaries)
			}
		}
	})
}

// A table written before listings had events: opening it gives every
// listing its match key and places it.
func TestMigrateFillsKeys(t *testing.T) {
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		portal, organiser, peatix, other := naniwa()
		upsert(t, s, portal, organiser, peatix, other)
		// As the migration leaves rows stored before it.
		if err := s.db.setKeys(context.Background(), map[string]string{portal.ID: "", organiser.ID: "", peatix.ID: "", other.ID: ""}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		s = openStore(t, cfg)
		// Seen at once: the event takes the lowest id.
		first := min(portal.ID, organiser.ID, peatix.ID)
		for _, e := range []event.Event{portal, organiser, peatix} {
			if got := get(t, s, e.ID).CanonicalID; got != first {
				t.Errorf("%s: canonical %s after opening, want %s", e.Source, got, first)
			}
		}
		page, err := s.Query(context.Background(), Query{OnePerEvent: true})
		if err != nil || len(page.Rows) != 2 {
			t.Errorf("after opening: %d events (%v), want 2", len(page.Rows), err)
		}
	})
}

func TestListings(t *testing.T) {
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		portal, organiser, peatix, other := naniwa()
		elsewhere := listingOf("sakai-cci", "https://www.sakai.cci.or.jp/e/1", "第22回 さかい異業種交流会", portal.StartsAt, "堺商工会議所", "堺市北区")
		upsert(t, s, portal, organiser, peatix, other, elsewhere)
		group(t, s, nil, portal, organiser, peatix, other, elsewhere)
		ms, err := s.Listings(context.Background(), peatix.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Event.ID)
		}
		if len(got) != 4 || got[0] != peatix.ID || !slices.Contains(got, other.ID) || slices.Contains(got, elsewhere.ID) {
			t.Errorf("listings near peatix's: %v; want itself first, its block (not 堺)", got)
		}
		if _, err := s.Listings(context.Background(), "nope"); err == nil {
			t.Error("no error for an unknown listing")
		}
	})
}

// The reader of an event sees one row per event page after page, however
// the events' listings fall across pages.
func TestQueryOnePerEventPaging(t *testing.T) {
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		var evs []event.Event
		for i := range 30 {
			start := jst(2026, 12, 1+i, 19, 0)
			title := fmt.Sprintf("北浜 異業種交流会 vol.%d", 10+i)
			evs = append(evs,
				listingOf("kitahama-terrace", fmt.Sprintf("https://kitahama-terrace.jp/events/%d/", i), title, start, "北浜テラス 3F ラウンジ", "大阪市中央区"),
				listingOf("peatix", fmt.Sprintf("https://peatix.com/event/44%04d", i), "【北浜】"+title, start, "北浜テラス", "大阪市中央区"))
		}
		upsert(t, s, evs...)
		group(t, s, nil, evs...)
		seen := map[string]bool{}
		q := Query{OnePerEvent: true, Limit: 7}
		for {
			page, err := s.Query(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range page.Rows {
				if seen[r.CanonicalID] || len(r.Others) != 1 {
					t.Errorf("event %s seen again or with %d others", r.CanonicalID, len(r.Others))
				}
				seen[r.CanonicalID] = true
			}
			if page.Next == "" {
				break
			}
			q.Cursor = page.Next
		}
		if len(seen) != 30 {
			t.Errorf("%d events, want 30", len(seen))
		}
	})
}

// The store's PostgreSQL connections run without JIT compilation and
// parallel workers unless the URL asks for them: a lookup of one row must
// not cost a second of compiling, or workers to find nothing.
func TestPostgresJITOff(t *testing.T) {
	for _, c := range []struct{ param, want string }{{"", "off 0"}, {"jit=on", "on 0"}, {"max_parallel_workers_per_gather=2", "off 2"}} {
		cfg := postgresConfig(t)
		if c.param != "" {
			cfg.URL += "&" + c.param
		}
		s := openStore(t, cfg)
		var jit, workers string
		if err := s.db.(*pgStore).pool.QueryRow(context.Background(),
			"SELECT current_setting('jit'), current_setting('max_parallel_workers_per_gather')").Scan(&jit, &workers); err != nil {
			t.Fatal(err)
		}
		got := jit + " " + workers
		if got != c.want {
			t.Errorf("%q: jit and workers %s, want %s", c.param, got, c.want)
		}
	}
}
