package publisher

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// gathering is one evening's listings: the organiser's page, a chamber's
// and a portal's copies of one gathering, and another party in the same
// hotel that evening. The portal's copy is seen first.
type gathering struct {
	portal, organiser, chamber, later, other event.Event
}

func newGathering() gathering {
	start := day(7).Add(18*time.Hour + 30*time.Minute)
	mk := func(id, source, url, title, venue, area string) event.Event {
		e := ev(id, event.CrossIndustry, area, start, title)
		e.Source, e.URL, e.Venue, e.Organizer, e.Fee = source, url, venue, "", ""
		return e
	}
	g := gathering{
		portal: mk("portal", "kokuchpro", "https://www.kokuchpro.com/event/naniwa_keiei5/", "【難波】経営者交流会 vol.5", "日航大阪5F", "大阪市浪速区"),
		organiser: mk("organiser", "naniwa-keiei", "https://naniwa-keiei.jp/news/05-kouryukai.html",
			"第5回 なにわ経営者交流会のお知らせ", "ホテル日航大阪 5階 孔雀の間", "大阪市中央区"),
		chamber: mk("chamber", "osaka-cci", "https://www.osaka.cci.or.jp/event/naniwa5.html", "なにわ経営者交流会（第5回）", "ホテル日航大阪", "大阪市中央区"),
		later:   mk("later", "peatix", "https://peatix.com/event/4412873", "なにわ経営者交流会 Vol.5＠心斎橋", "ホテル日航大阪", "大阪市中央区"),
		other:   mk("other", "osaka-nishi-rc", "https://www.osaka-nishi-rc.jp/schedule.html", "年末家族例会", "ホテル日航大阪 4階 鶴の間", "大阪市中央区"),
	}
	g.organiser.Organizer, g.organiser.Fee = "なにわ経営者交流会実行委員会", "5,000円"
	g.organiser.Description = "経営者どうしが顔を合わせる交流会です。"
	g.chamber.Address = "大阪市中央区西心斎橋1-3-3"
	g.later.StartsAt = g.later.StartsAt.Add(-30 * time.Minute) // the doors' time
	return g
}

// place stores evs one at a time and places them, as the writer does.
func place(t *testing.T, st *store.Store, evs ...event.Event) {
	t.Helper()
	for _, e := range evs {
		upsertEach(t, st, e)
		if _, err := st.Group(context.Background(), []string{e.ID}, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadersShowAnEventOnce: listings of one gathering from three sources
// are one object of /api/events with every listing in sources, one item of
// each feed with one UID, one entry of the page with links to the others.
// A fourth listing joining later keeps the id and raises SEQUENCE.
func TestReadersShowAnEventOnce(t *testing.T) {
	t.Parallel()
	eachStore(t, func(t *testing.T, st *store.Store) {
		g := newGathering()
		place(t, st, g.portal, g.organiser, g.chamber, g.other)
		_, ts := startServer(t, st, ServerConfig{})

		var page struct {
			Events []struct {
				event.Event
				Sources []source `json:"sources"`
			} `json:"events"`
		}
		r := get(t, ts.URL+"/api/events")
		if r.code != 200 {
			t.Fatalf("api: %d %s", r.code, r.body)
		}
		if err := json.Unmarshal([]byte(r.body), &page); err != nil {
			t.Fatal(err)
		}
		if len(page.Events) != 2 {
			t.Fatalf("api: %d events, want the gathering and the other party: %s", len(page.Events), r.body)
		}
		e := page.Events[0]
		if e.ID == g.other.ID {
			e = page.Events[1]
		}
		if e.ID != g.portal.ID || e.CanonicalID != g.portal.ID {
			t.Errorf("the event's id %s (canonical %s), want the first seen listing's %s", e.ID, e.CanonicalID, g.portal.ID)
		}
		if e.Title != g.organiser.Title || e.Fee != "5,000円" || e.Organizer != g.organiser.Organizer || e.Address != g.chamber.Address {
			t.Errorf("merged event %q fee %q by %q at %q: want the organiser's fields, the chamber's address", e.Title, e.Fee, e.Organizer, e.Address)
		}
		var srcs []string
		for _, s := range e.Sources {
			srcs = append(srcs, s.Source+" "+s.URL)
		}
		want := []string{"naniwa-keiei " + g.organiser.URL, "osaka-cci " + g.chamber.URL, "kokuchpro " + g.portal.URL}
		if !slices.Equal(srcs, want) {
			t.Errorf("sources %q, want its own (the organiser's) first, then best first %q", srcs, want)
		}
		// Words of any listing find the event: 難波 is only the portal's.
		if r := get(t, ts.URL+"/api/events?q=難波"); !strings.Contains(r.body, g.organiser.URL) || strings.Count(r.body, `"sources"`) != 1 {
			t.Errorf("q=難波 does not find the event once: %s", r.body)
		}

		uid := regexp.MustCompile(`UID:([^\r]+)\r\n`)
		seq := regexp.MustCompile(`UID:` + regexp.QuoteMeta(g.portal.ID) + `@kouryu\r\nDTSTAMP:[^\r]*\r\n(?:[A-Z-]+:[^\r]*\r\n)*?SEQUENCE:(\d+)`)
		ics := get(t, ts.URL+"/feeds/all.ics").body
		if got := uid.FindAllStringSubmatch(ics, -1); len(got) != 2 {
			t.Fatalf("ics: %d events, want 2:\n%s", len(got), ics)
		}
		m := seq.FindStringSubmatch(ics)
		if m == nil {
			t.Fatalf("ics: no event with UID %s@kouryu:\n%s", g.portal.ID, ics)
		}
		before := m[1]
		rss := get(t, ts.URL+"/feeds/all.rss").body
		if n := strings.Count(rss, "<item>"); n != 2 {
			t.Errorf("rss: %d items, want 2", n)
		}
		if !strings.Contains(rss, `<guid isPermaLink="false">`+g.portal.ID+`</guid>`) || !strings.Contains(rss, "掲載：kokuchpro &lt;a href=&#34;"+g.portal.URL) {
			t.Errorf("rss: the item's guid is not the event's id, or it does not link the other listings:\n%s", rss)
		}
		html := get(t, ts.URL+"/").body
		if n := strings.Count(html, `<li class="event`); n != 2 {
			t.Errorf("page: %d events, want 2", n)
		}
		if !strings.Contains(html, `ほかの掲載：<a href="`+g.chamber.URL+`"`) {
			t.Errorf("page: no links to the other listings")
		}

		// A portal lists it too, later: the event keeps its id, its
		// calendar entry its UID, and SEQUENCE grows so calendars update.
		place(t, st, g.later)
		testutil.WaitFor(t, 10*time.Second, "the calendar to show the new listing", func() bool {
			ics = get(t, ts.URL+"/feeds/all.ics").body
			m = seq.FindStringSubmatch(ics)
			return m != nil && atoi(m[1]) > atoi(before) && strings.Contains(ics, "peatix")
		})
		if got := uid.FindAllStringSubmatch(ics, -1); len(got) != 2 {
			t.Errorf("ics after a fourth listing: %d events, want 2", len(got))
		}
	})
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
