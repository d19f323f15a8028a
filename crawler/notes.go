package crawler

import (
	"fmt"
	"time"

	"kouryu/internal/event"
)

// EventNote names an event a crawl left out or published with a doubt,
// and why.
type EventNote struct {
	URL      string    `json:"url"`
	Title    string    `json:"title"`
	StartsAt time.Time `json:"starts_at"`
	Reason   string    `json:"reason"`
}

func (n EventNote) String() string {
	return fmt.Sprintf("%s %q %s: %s", n.URL, n.Title, n.StartsAt.In(event.Tokyo).Format("2006-01-02 15:04"), n.Reason)
}

// maxNotes bounds each list of a report's event notes; past it, events are
// counted, not named.
const maxNotes = 1000

// dropEvent counts e as found and left out, for reason.
func (s *session) dropEvent(e event.Event, reason string) {
	s.note(e, reason, &s.rep.Dropped, &s.rep.DroppedEvents)
}

// flagEvent counts e as published with a doubt, reason.
func (s *session) flagEvent(e event.Event, reason string) {
	s.note(e, reason, &s.rep.Flagged, &s.rep.FlaggedEvents)
}

// note names e once per crawl and list, however often it is met (an
// event's id is its day: a feed may yield it twice).
func (s *session) note(e event.Event, reason string, count *int, list *[]EventNote) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := fmt.Sprintf("%p\x00%s\x00%s", list, e.ID, reason)
	if s.noted[key] {
		return
	}
	if s.noted == nil {
		s.noted = map[string]bool{}
	}
	s.noted[key] = true
	*count++
	if len(*list) < maxNotes {
		*list = append(*list, EventNote{URL: e.URL, Title: cutRunes(e.Title, 80), StartsAt: e.StartsAt, Reason: reason})
	}
}

// admit decides whether e is published. A nationwide source (connpass and
// Doorkeeper always, other kinds with nationwide: true) keeps an event held
// in Osaka prefecture or online, drops one held elsewhere, and keeps one
// that names no place, flagged: the search already asked for Osaka, and an
// event may be online without saying so; the operator checks it. Other
// sources keep every event.
func (s *session) admit(e event.Event) bool {
	if !s.src.nationwide() {
		return true
	}
	w := placeOf(e)
	switch {
	case w.osaka():
		return true
	case w.known():
		s.dropEvent(e, fmt.Sprintf("held in %s (%s: %q), outside Osaka prefecture", w.pref, w.from, cutRunes(w.text, 80)))
		return false
	}
	s.flagEvent(e, "names no place (address, venue, description, title): kept, not known to be in Osaka prefecture or online")
	return true
}
