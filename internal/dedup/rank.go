package dedup

import (
	"net/url"
	"strings"
	"time"

	"kouryu/internal/event"
)

// portalHosts are event portals: they re-post gatherings that others
// organise, so their listing of an event is the last one to take fields
// from. A host matches itself and its subdomains (xxx.connpass.com).
var portalHosts = []string{
	"peatix.com", "connpass.com", "doorkeeper.jp", "kokuchpro.com", "jmty.jp", "tunagate.com",
	"eventregist.com", "eventbrite.com", "eventbrite.jp", "passmarket.yahoo.co.jp", "techplay.jp",
	"everevo.com", "street-academy.com", "meetup.com", "facebook.com", "twipla.jp", "compass.jp",
}

// OnPortal reports whether a listing's page is on an event portal.
func OnPortal(pageURL string) bool {
	u, err := url.Parse(pageURL)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range portalHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// completeness counts what a listing tells a reader beyond title and day.
func completeness(m *Member) int {
	e := &m.Event
	n := 0
	for _, s := range []string{e.Venue, e.Address, e.Organizer, e.Fee} {
		if s != "" {
			n++
		}
	}
	if e.Description != "" || m.Described {
		n++
	}
	if !e.EndsAt.IsZero() {
		n++
	}
	if !e.AllDay {
		n++
	}
	if e.FeeYenMax != nil || e.Capacity > 0 || !e.ApplyBy.IsZero() || e.MembersOnly != nil || e.ApplyURL != "" {
		n++
	}
	return n
}

// Member is a stored listing as grouping sees it: the listing, the id of
// the event it is a copy of (its own id when alone), when it was first
// seen and whether it is the one that stands for its event.
type Member struct {
	Event     event.Event
	Canonical string
	FirstSeen time.Time
	Primary   bool
	// Described says the listing has a description when Event leaves it
	// out (a store reading listings for grouping does not read it).
	Described bool
}

// Better reports whether a is a better listing of its event than b: the
// organiser's own page (any page not on a portal) before a portal's, then
// the one that tells more, then the first seen, then the lower id. The
// best listing stands for the event: its fields are the event's.
func Better(a, b *Member) bool {
	if pa, pb := OnPortal(a.Event.URL), OnPortal(b.Event.URL); pa != pb {
		return pb
	}
	if ca, cb := completeness(a), completeness(b); ca != cb {
		return ca > cb
	}
	if !a.FirstSeen.Equal(b.FirstSeen) {
		return a.FirstSeen.Before(b.FirstSeen)
	}
	return a.Event.ID < b.Event.ID
}

// Merge returns the event that listings (of one event, best first) show
// together: the first listing's fields, and where it leaves one empty (the
// description, venue, address, organizer, fee, end, the facts of fee in
// yen, capacity, deadline, who may come, format, where to apply) the first
// other listing's that has it. A day-only first listing takes the
// time (and end) of a listing that gives one. The label, area and status
// stay the first listing's: readers filter by them, and a filter must see
// what it shows. The id is the first listing's; callers set the event's.
func Merge(listings []event.Event) event.Event {
	if len(listings) == 0 {
		return event.Event{}
	}
	e := listings[0]
	for _, o := range listings[1:] {
		for _, f := range []struct {
			dst *string
			src string
		}{
			{&e.Description, o.Description}, {&e.Venue, o.Venue}, {&e.Address, o.Address},
			{&e.Organizer, o.Organizer}, {&e.Fee, o.Fee},
		} {
			if *f.dst == "" {
				*f.dst = f.src
			}
		}
		if e.AllDay && !o.AllDay && sameDay(e.StartsAt, o.StartsAt) {
			e.StartsAt, e.AllDay = o.StartsAt, false
			if e.EndsAt.IsZero() || sameDay(e.EndsAt, e.StartsAt) {
				e.EndsAt = o.EndsAt
			}
		}
		if e.EndsAt.IsZero() && !o.EndsAt.IsZero() && !o.EndsAt.Before(e.StartsAt) {
			e.EndsAt = o.EndsAt
		}
		// What a person needs to decide whether to go: the fee in yen as a
		// pair, from one listing.
		if e.FeeYenMin == nil && e.FeeYenMax == nil {
			e.FeeYenMin, e.FeeYenMax = o.FeeYenMin, o.FeeYenMax
		}
		if e.Capacity == 0 {
			e.Capacity = o.Capacity
		}
		if e.ApplyBy.IsZero() {
			e.ApplyBy = o.ApplyBy
		}
		if e.MembersOnly == nil {
			e.MembersOnly = o.MembersOnly
		}
		if e.Format == "" {
			e.Format = o.Format
		}
		if e.ApplyURL == "" {
			e.ApplyURL = o.ApplyURL
		}
	}
	return e
}

func sameDay(a, b time.Time) bool {
	return a.In(event.Tokyo).Format("20060102") == b.In(event.Tokyo).Format("20060102")
}
