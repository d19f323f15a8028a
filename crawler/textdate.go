package crawler

import (
	"fmt"
	"strings"
	"time"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// A start read from a structured field (DTSTART, started_at, starts_at)
// can be wrong in a way the event's own text shows: a generator that wrote
// its own clock for want of a date (DTSTART equal to DTSTAMP), an organiser
// who moved the event and corrected only the text. checkStart compares
// them.

// textReading is a date an event's text writes.
type textReading struct {
	from string // title, description
	text string
	span jpdate.Span
	sure bool // read without a doubt jpdate names
}

// checkStart compares e's start with the dates its own text writes: its
// title, and the date line of its description (日時, 開催日時 … as
// labelledText finds them; other dates of a description are deadlines and
// past events). stamps are the times the entry was written (DTSTAMP,
// LAST-MODIFIED, updated_at): a start equal to one of them to the second is
// the writer's clock, not the event's. ref is the reference for a date
// written without its year.
//
// The text wins, and e comes back with the text's start and end and a note
// saying so, when it is unambiguous: the start is a clock and every date
// the text writes, each read without doubt, falls on one day; or the title
// and the description both write a date, without doubt, on one day that is
// not the start's. Any other disagreement leaves e as it is and returns a
// flag for the operator: a date in the title alone (【11/20更新】, a
// fraction such as 1/2) is no ground to move a start.
func checkStart(e event.Event, stamps []time.Time, ref time.Time) (out event.Event, note, flag string) {
	out = e
	if e.StartsAt.IsZero() {
		return out, "", ""
	}
	clock := time.Time{}
	if !e.AllDay {
		for _, st := range stamps {
			if !st.IsZero() && st.Truncate(time.Second).Equal(e.StartsAt.Truncate(time.Second)) {
				clock = st
				break
			}
		}
	}
	readings := textDates(e, ref)
	start := e.StartsAt.In(event.Tokyo).Format("2006-01-02 15:04")
	if len(readings) == 0 {
		if !clock.IsZero() {
			flag = fmt.Sprintf("start %s is the time the entry was written, and its text writes no date", start)
		}
		return out, "", flag
	}
	sure, oneDay := true, true
	for _, r := range readings {
		sure = sure && r.sure
		oneDay = oneDay && startOfDay(r.span.Start).Equal(startOfDay(readings[0].span.Start))
	}
	var against []string
	for _, r := range readings {
		if !onDays(e.StartsAt, r.span) {
			against = append(against, fmt.Sprintf("%s %q reads %s", r.from, cutRunes(r.text, 60), spanText(r.span)))
		}
	}
	switch {
	case clock.IsZero() && len(against) == 0:
		return out, "", ""
	case !clock.IsZero() && sure && oneDay,
		clock.IsZero() && sure && oneDay && len(readings) >= 2:
		best := readings[len(readings)-1] // the description's when there is one: it writes the times
		out.StartsAt, out.EndsAt, out.AllDay = best.span.Start, best.span.End, best.span.AllDay
		if !out.EndsAt.After(out.StartsAt) {
			out.EndsAt = time.Time{}
		}
		why := "contradicted its title and description"
		if !clock.IsZero() {
			why = "was the time the entry was written"
		}
		return out, fmt.Sprintf("start %s %s: read %s from its %s", start, why, spanText(best.span), best.from), ""
	case !clock.IsZero():
		var said []string
		for _, r := range readings {
			said = append(said, fmt.Sprintf("%s %q reads %s", r.from, cutRunes(r.text, 60), spanText(r.span)))
		}
		return out, "", fmt.Sprintf("start %s is the time the entry was written, and its text is not clear: %s", start, strings.Join(said, "; "))
	}
	return out, "", fmt.Sprintf("start %s contradicts its text: %s", start, strings.Join(against, "; "))
}

// finishChecked is finishEvent for an event whose start comes from a
// structured field: checkStart first (stamps: when the entry was written,
// ref: the fetch), its note among the notes, its flag returned.
func finishChecked(src *Source, e event.Event, titleKey string, stamps []time.Time, ref time.Time) (event.Event, []string, string, error) {
	e, note, flag := checkStart(e, stamps, ref)
	fe, notes, err := finishEvent(src, e, titleKey)
	if err != nil {
		return fe, notes, "", err
	}
	if note != "" {
		notes = append(notes, fmt.Sprintf("%s: %q: %s", fe.URL, cutRunes(fe.Title, 60), note))
	}
	return fe, notes, flag, nil
}

// textDates reads the dates e's title and the date line of its
// description write, the title first.
func textDates(e event.Event, ref time.Time) []textReading {
	var out []textReading
	if sp, err := jpdate.Parse(e.Title, ref); !sp.Start.IsZero() {
		out = append(out, textReading{from: "title", text: e.Title, span: sp, sure: err == nil})
	}
	lines := labelledFields(plainText(e.Description), FieldDate, FieldTime)
	if d := lines[FieldDate]; d != "" {
		sp, err := jpdate.Parse(d, ref)
		if !sp.Start.IsZero() {
			r := textReading{from: "description", text: d, span: sp, sure: err == nil}
			if t := lines[FieldTime]; t != "" && sp.AllDay {
				if full, err := parseDate(d, t, ref); err == nil {
					r.span, r.text = full, d+" "+t
				}
			}
			out = append(out, r)
		}
	}
	return out
}

// onDays reports whether t falls on a day of span.
func onDays(t time.Time, span jpdate.Span) bool {
	day, first := startOfDay(t), startOfDay(span.Start)
	last := first
	if !span.End.IsZero() {
		last = startOfDay(span.End)
	}
	return !day.Before(first) && !day.After(last)
}

func spanText(s jpdate.Span) string {
	layout := "2006-01-02 15:04"
	if s.AllDay {
		layout = "2006-01-02"
	}
	out := s.Start.In(event.Tokyo).Format(layout)
	if !s.End.IsZero() {
		out += " – " + s.End.In(event.Tokyo).Format(layout)
	}
	return out
}
