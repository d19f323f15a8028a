package crawler

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"golang.org/x/text/unicode/norm"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// A chamber's news list often calls an event off in a post of its own
// (「組合BCP策定セミナー」開催中止のお知らせ, 11月3日（火・祝）のモーニング
// セミナーは中止いたします) or moves it to another hall (【会場変更のお知らせ】)
// and leaves the event's own post as it was. Kind auto reads such a post as
// no event (namedCancel, datedCancel, venueChange), and notes what it does
// to which event; once the source's events are read, the event of the same
// source it names (by its name, or as the only event of its day), still
// scheduled, is published again cancelled (or postponed) or at the new
// place, so that no one goes to it, or to the wrong hall.

// callOff is a post that calls off an event it names, or the event of a
// day it names.
type callOff struct {
	name   string       // the event's name, as the post quotes it; "" for a day's
	day    string       // the day (2006-01-02) whose event it calls off; "" for a name's alone
	status event.Status // cancelled or postponed; "" for a move
	venue  string       // where a post moves the event to (【会場変更のお知らせ】), or ""
	url    string       // the post
}

// venueMoved reads a post kind auto refused as moving an event announced in
// its own post to another place (venueChange: 【会場変更のお知らせ】): the
// event's day, from its labelled date (日時 令和8年12月18日（金）…, 変更は
// ございません), and the place it moves to, labelled 変更後 or 新会場.
func venueMoved(title string, doc *goquery.Document, url string, ref time.Time) (callOff, bool) {
	if !venueChange.MatchString(title) {
		return callOff{}, false
	}
	sp, err := jpdate.Parse(autoFields(doc)[FieldDate], ref)
	if err != nil && !errors.Is(err, jpdate.ErrWeekday) || sp.Start.IsZero() {
		return callOff{}, false
	}
	for _, l := range pageLines(doc) {
		label := strings.Trim(l.label, "　 :：【】[]■□●○◆◇")
		if label == "変更後" || label == "新会場" || label == "変更後の会場" {
			if v := cleanVenue(l.text); v != "" {
				return callOff{day: sp.Start.Format(time.DateOnly), venue: v, url: url}, true
			}
		}
	}
	return callOff{}, false
}

// calledOff reads the title of a post kind auto refused, fetched at ref:
// the call-off it is (namedCancel: 「…」開催中止のお知らせ, 「…」の延期について;
// datedCancel: 11月3日（火・祝）のモーニングセミナーは中止いたします), if it
// is one.
func calledOff(title, url string, ref time.Time) (callOff, bool) {
	if m := datedCancel.FindStringSubmatch(title); m != nil {
		sp, err := jpdate.Parse(m[1], ref)
		if err != nil && !errors.Is(err, jpdate.ErrWeekday) || sp.Start.IsZero() {
			return callOff{}, false
		}
		st := event.StatusCancelled
		if strings.Contains(m[0], "延期") {
			st = event.StatusPostponed
		}
		return callOff{day: sp.Start.Format(time.DateOnly), status: st, url: url}, true
	}
	m := namedCancel.FindStringSubmatch(title)
	if m == nil {
		return callOff{}, false
	}
	st := event.StatusCancelled
	if m[2] == "延期" {
		st = event.StatusPostponed
	}
	return callOff{name: m[1], status: st, url: url}, true
}

// calls says whether c calls off ev: ev's title holds the name c quotes
// (on the day c names, when it names both), or ev is on the day c names
// and is the only event of sent that is.
func (c callOff) calls(ev event.Event, sent []sentEvent) bool {
	day := func(e event.Event) string { return e.StartsAt.In(event.Tokyo).Format(time.DateOnly) }
	if c.name != "" {
		return strings.Contains(foldName(ev.Title), foldName(c.name)) && (c.day == "" || day(ev) == c.day)
	}
	if day(ev) != c.day {
		return false
	}
	n := 0
	for _, se := range sent {
		if day(se.ev) == c.day {
			n++
		}
	}
	return n == 1
}

// sentEvent is an event a session published, with its page's validators;
// emitted is false when it was unchanged since the crawl before.
type sentEvent struct {
	ev         event.Event
	page       string
	validators Validators
	emitted    bool
}

// applyCallOffs publishes again each scheduled event of sent a call-off
// post names (callOff.calls), with the status or the place it gives.
func (s *session) applyCallOffs(ctx context.Context, pub Publisher, sent []sentEvent) {
	s.mu.Lock()
	offs := s.callOffs
	s.mu.Unlock()
	for _, c := range offs {
		for _, se := range sent {
			ev := se.ev
			if ev.Status != event.StatusScheduled || !c.calls(ev, sent) || c.venue != "" && ev.Venue == c.venue {
				continue
			}
			if c.venue != "" {
				ev.Venue, ev.Address = c.venue, ""
				s.problem("%s: %q moves to %s: %s says so", ev.URL, cutRunes(ev.Title, 60), c.venue, c.url)
			} else {
				ev.Status = c.status
				s.problem("%s: %q is %s: %s calls it off", ev.URL, cutRunes(ev.Title, 60), c.status, c.url)
			}
			// Counted once already, with the same fields but its status.
			if err := s.mem.emit(ctx, pub, ev, se.page, se.validators); err == nil && !se.emitted {
				s.mu.Lock()
				s.rep.Unchanged--
				s.rep.Events++
				s.mu.Unlock()
			} else if err != nil && !errors.Is(err, errUnchanged) {
				s.publishFailed(&ev, err)
			}
		}
	}
}

// foldName is a name as compared: width folded (ＢＣＰ is BCP), spaces
// and brackets left out.
func foldName(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '　', '「', '」', '【', '】':
			return -1
		}
		return r
	}, s)
}
