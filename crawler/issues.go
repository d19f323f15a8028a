package crawler

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// A group that announces its events in the issues of a mail magazine or a
// newsletter writes one gathering in several of them: announced, then
// reminded (【リマインド】…), moved to another hall, listed again in a table
// of coming events. Read one by one, each issue would publish it again. So
// the events of issues are held to the end of the crawl and each gathering
// is published once, as the latest issue that gives it says (its hall, its
// status), under the plainest of the names the issues give it.

// issueEvent is an event read from an issue, and when the issue went out.
type issueEvent struct {
	ev   event.Event
	sent time.Time // the issue's date as its list shows it; zero when unknown
	rank int       // the issue's place in the crawl's list, for issues of one date
}

// mergeIssueEvents returns one event per gathering of evs, latest issue
// first.
func mergeIssueEvents(evs []issueEvent) []event.Event {
	// Latest issue first: what it says is what holds now.
	order := slices.Clone(evs)
	slices.SortStableFunc(order, func(a, b issueEvent) int {
		if c := b.sent.Compare(a.sent); c != 0 {
			return c
		}
		return cmp.Compare(a.rank, b.rank)
	})
	// The gatherings, each its events latest issue first.
	var groups [][]issueEvent
	for _, ie := range order {
		i := slices.IndexFunc(groups, func(g []issueEvent) bool { return sameGathering(g[0].ev, ie.ev) })
		if i < 0 {
			groups = append(groups, []issueEvent{ie})
			continue
		}
		groups[i] = append(groups[i], ie)
	}
	out := make([]event.Event, 0, len(groups))
	for _, g := range groups {
		// Of the latest issue's events of it (its article, its row in a
		// table of coming events), the one that says most.
		best := 0
		for k := 1; k < len(g) && g[k].sent.Equal(g[0].sent) && g[k].rank == g[0].rank; k++ {
			if told(g[k].ev) > told(g[best].ev) {
				best = k
			}
		}
		e := g[best].ev
		for k, ie := range g {
			if k != best {
				e = fillFrom(e, ie.ev)
			}
		}
		out = append(out, e)
	}
	for i := range out {
		if t := mailMark.ReplaceAllString(out[i].Title, ""); t != "" {
			out[i].Title = t
		}
	}
	return out
}

// told counts what an event says beyond its name and day: its hours, its
// end, its hall, its fee.
func told(e event.Event) int {
	n := 0
	for _, ok := range []bool{!e.AllDay, !e.EndsAt.IsZero(), e.Venue != "", e.Fee != ""} {
		if ok {
			n++
		}
	}
	return n
}

// sameGathering says whether two events of one group's issues are one
// gathering: they start at the same minute (or on the same day, one of
// them giving no time) and their names open alike once their marks are
// set aside (12月例会「…」, 【リマインド】12月例会「…」 ～…～, 12月例会・忘年会).
func sameGathering(a, b event.Event) bool {
	if !a.AllDay && !b.AllDay {
		// One group does not hold two gatherings at one minute: a
		// table's row (経営指針研究会 第5回) and the article of its theme
		// (経営計画と数字の裏付け) are one.
		return a.StartsAt.Equal(b.StartsAt)
	}
	if !sameDay(a.StartsAt, b.StartsAt) {
		return false
	}
	x, y := []rune(issueName(a.Title)), []rune(issueName(b.Title))
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n >= 4 || n == min(len(x), len(y)) && n >= 2
}

// issueName is a title without the marks an issue puts before it
// (【リマインド】, 【再掲】) nor its subtitle after ～ or 〜.
func issueName(t string) string {
	t = strings.TrimSpace(t)
	for {
		if !strings.HasPrefix(t, "【") && !strings.HasPrefix(t, "[") {
			break
		}
		i := strings.IndexAny(t, "】]")
		if i < 0 {
			break
		}
		t = strings.TrimSpace(t[i+len("】"):])
	}
	if i := strings.IndexAny(t, "～〜~"); i > 0 {
		t = t[:i]
	}
	return foldName(t)
}

// mailMark is a mark a mail puts before an event's name to say why it is
// sent again, not what became of the event: 【リマインド】, 【再掲】.
var mailMark = regexp.MustCompile(`^\s*[【\[](?:リマインド|リマインダー|再掲|再送|再告知|重要|再度のご案内)[】\]]\s*`)

// fillFrom is e with what only other, an older issue's, says: its hours
// when e gives the day alone, its hall, its fee; and the plainer name when
// other's is e's without its subtitle or marks.
func fillFrom(e, other event.Event) event.Event {
	if e.AllDay && !other.AllDay && sameDay(e.StartsAt, other.StartsAt) {
		e.StartsAt, e.EndsAt, e.AllDay = other.StartsAt, other.EndsAt, false
	}
	if e.EndsAt.IsZero() && !other.EndsAt.IsZero() && !e.AllDay && e.StartsAt.Equal(other.StartsAt) {
		e.EndsAt = other.EndsAt
	}
	if e.Venue == "" && e.Address == "" {
		e.Venue, e.Address = other.Venue, other.Address
	}
	if e.Fee == "" {
		e.Fee = other.Fee
	}
	if plainer(other.Title, e.Title) {
		e.Title = other.Title
	}
	return e
}

// plainer says whether name a is b's without its marks or subtitle, and
// still names a gathering.
func plainer(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a != b && utf8.RuneCountInString(a) < utf8.RuneCountInString(b) && namesGathering(a) &&
		strings.Contains(foldName(b), foldName(a)) && strings.HasPrefix(issueName(b), foldName(a))
}

// issueSent is when an issue went out, as its list row dates it.
func issueSent(text string, ref time.Time) time.Time {
	if text == "" {
		return time.Time{}
	}
	sp, err := jpdate.Parse(text, ref)
	if err != nil {
		return time.Time{}
	}
	return sp.Start
}
