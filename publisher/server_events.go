package publisher

import (
	"time"

	"kouryu/internal/dedup"
	"kouryu/internal/event"
	"kouryu/internal/feed"
	"kouryu/internal/store"
)

// listed is an event as every reader shows it, once however many sources
// list it: the fields of its listings merged (dedup.Merge, the listing
// that stands for it first), under the event's id, which stays while
// listings join it and come and go (store.Group), so a feed's guid and a
// calendar's UID are stable.
type listed struct {
	event.Event
	sources []source // every listing: the one that stands for the event first
	// published is when any listing was first seen, updated when any last
	// changed; sequence, the iCalendar SEQUENCE, grows with every change of
	// a listing and every listing that joins.
	published, updated time.Time
	sequence           int
}

// source is one listing of an event in /api/events.
type source struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

// listedEvent merges the listings of row's event (row.Others from a query
// with store.Query.OnePerEvent; none for a lone listing), text bounded.
func listedEvent(row store.Row) listed {
	listings := make([]event.Event, 0, 1+len(row.Others))
	listings = append(listings, row.Event)
	l := listed{published: row.FirstSeenAt, updated: row.UpdatedAt, sequence: row.Revision}
	l.sources = append(l.sources, source{ID: row.ID, Source: row.Source, URL: row.URL})
	for _, o := range row.Others {
		listings = append(listings, o.Event)
		l.sources = append(l.sources, source{ID: o.ID, Source: o.Source, URL: o.URL})
		if o.FirstSeenAt.Before(l.published) {
			l.published = o.FirstSeenAt
		}
		if o.UpdatedAt.After(l.updated) {
			l.updated = o.UpdatedAt
		}
		l.sequence += o.Revision + 1
	}
	e := dedup.Merge(listings)
	if row.CanonicalID != "" {
		e.ID = row.CanonicalID
	}
	e.CanonicalID = e.ID
	l.Event = bounded(e)
	for i := range l.sources {
		l.sources[i].Source = clip(l.sources[i].Source, maxShort)
		l.sources[i].URL = bounded(event.Event{URL: l.sources[i].URL}).URL
	}
	return l
}

// feedSources are l's listings for a feed item; nil for an event listed
// once.
func (l listed) feedSources() []feed.Source {
	if len(l.sources) < 2 {
		return nil
	}
	out := make([]feed.Source, len(l.sources))
	for i, s := range l.sources {
		out[i] = feed.Source{Name: s.Source, URL: s.URL}
	}
	return out
}
