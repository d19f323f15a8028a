package crawler

import (
	"fmt"
	"math"
	"slices"
	"time"

	"kouryu/internal/event"
)

// Sites change their templates without notice. When a selector stops
// matching, the events stop coming (the yield check); when it matches the
// wrong element, they keep coming without their hours, venues or ends. So
// each crawl keeps, beside its yield, the fill rate of every field and the
// share of the dates it could read, and a source is unhealthy when one of
// them falls well below its own recent level.

// Fill counts, among the events a crawl found (published or unchanged),
// those that have each field.
type Fill struct {
	Title       int `json:"title"`
	StartTime   int `json:"start_time"` // a time of day: not an all-day event
	End         int `json:"end"`
	Venue       int `json:"venue"`
	Fee         int `json:"fee"`
	Organizer   int `json:"organizer"`
	Description int `json:"description"`
}

// add counts the fields e has.
func (f *Fill) add(e *event.Event) {
	count := func(n *int, filled bool) {
		if filled {
			*n++
		}
	}
	count(&f.Title, e.Title != "")
	count(&f.StartTime, !e.StartsAt.IsZero() && !e.AllDay)
	count(&f.End, !e.EndsAt.IsZero())
	count(&f.Venue, e.Venue != "")
	count(&f.Fee, e.Fee != "")
	count(&f.Organizer, e.Organizer != "")
	count(&f.Description, e.Description != "")
}

// FillField is a field whose fill rate a crawl keeps.
type FillField struct {
	// Key names it in JSON, in the metrics' field label and in
	// Health.Flags: start_time.
	Key string
	// Name names it to people, in reasons and in status: start time.
	Name  string
	count func(Fill) int
}

// Count is how many events of f have the field.
func (ff FillField) Count(f Fill) int { return ff.count(f) }

// FillFields are the fields whose fill rate is kept, in the order status
// prints them.
var FillFields = []FillField{
	{"title", "title", func(f Fill) int { return f.Title }},
	{"start_time", "start time", func(f Fill) int { return f.StartTime }},
	{"end", "end", func(f Fill) int { return f.End }},
	{"venue", "venue", func(f Fill) int { return f.Venue }},
	{"fee", "fee", func(f Fill) int { return f.Fee }},
	{"organizer", "organizer", func(f Fill) int { return f.Organizer }},
	{"description", "description", func(f Fill) int { return f.Description }},
}

// The checks of a crawl besides the fill of each field (named by its
// FillField.Key), as Health.Flags and CrawlRecord.Flags name them.
const (
	CheckYield  = "yield"  // events found, against the recent median
	CheckDates  = "dates"  // dates read of the dates attempted
	CheckFailed = "failed" // crawls that failed as a whole, in a row
)

// CrawlRecord is one finished crawl in a source's history.
type CrawlRecord struct {
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	Pages    int       `json:"pages"`
	// Events counts the events found: published plus unchanged.
	Events    int `json:"events"`
	Published int `json:"published"`
	Errors    int `json:"errors"`
	// UnreadableDates counts the event blocks whose date was missing or
	// unreadable: the dates attempted are Events + UnreadableDates.
	UnreadableDates int  `json:"unreadable_dates"`
	Fill            Fill `json:"fill"`
	// Failed is set when the crawl failed as a whole (no list page, its
	// deadline): it tells nothing of the site's template and is no
	// baseline of the checks.
	Failed bool `json:"failed,omitempty"`
	// Flags are the checks this crawl failed.
	Flags []string `json:"flags,omitempty"`
}

// DatesRead returns the dates read and the dates attempted.
func (c CrawlRecord) DatesRead() (read, attempted int) {
	return c.Events, c.Events + c.UnreadableDates
}

// ratio returns, for the check key (CheckDates or a FillField key), what
// was filled out of how many.
func (c CrawlRecord) ratio(key string) (n, of int) {
	if key == CheckDates {
		return c.DatesRead()
	}
	for _, ff := range FillFields {
		if ff.Key == key {
			return ff.Count(c.Fill), c.Events
		}
	}
	return 0, 0
}

// flagged reports whether c failed the check key.
func (c CrawlRecord) flagged(key string) bool { return slices.Contains(c.Flags, key) }

// The thresholds of the checks.
//
// A fill rate is judged only on a crawl of at least minFillEvents events
// (minFillEvents event blocks for the dates), against the median of its
// baseline: the last baselineCrawls earlier crawls that did not fail, had
// as many events and were not flagged for that field themselves, at least
// minHistory of them. Flagged crawls are left out of the baseline so that
// a broken selector stays flagged until it is mended, instead of becoming
// the new normal after a few crawls; once no unflagged crawl is left among
// the HistoryKept kept, the new level is the source's normal.
//
// The field is flagged when its rate is below half the median AND so low
// a count would be unlikely by chance: the probability of as few filled
// events among n if each still had the field with the median's
// probability (the binomial tail) is below fillAlpha. Half the median is
// what an operator reads in the reason; the tail keeps small samples and
// rarely filled fields quiet. With 10 events, a field at a median of 90%
// is flagged at 3 filled or fewer (4 has a tail of 0.00015), one at 75%
// at 1 or 0; one at 50% needs 14 events all without it (tail 0.00006),
// one at 20% needs 42. A false flag is so at most one check in 10,000
// under the binomial, which draws the events anew at each crawl and so
// overstates the noise (consecutive crawls mostly see the same events):
// 40 sources × 8 checks × 4 crawls a day are 1,280 checks, at most one
// false flag a week. A broken selector fills nothing, which flags at once.
const (
	// HistoryKept is how many crawls a Health keeps in its History.
	HistoryKept = 20
	// baselineCrawls is how many earlier crawls a median is taken over.
	baselineCrawls = 10
	// minHistory is how many earlier crawls a median needs.
	minHistory = 3
	// minFillEvents is the fewest events (or event blocks, for the
	// dates) a fill rate is judged on, in the crawl and in its baseline.
	minFillEvents = 10
	// fillAlpha bounds the binomial tail of a flagged fill rate.
	fillAlpha = 1e-4
	// failStreak is how many crawls in a row must fail as a whole to
	// flag the source: one failed crawl (a site down for an hour) says
	// nothing, and leaves the state as it was.
	failStreak = 2
)

// judge returns the checks the last crawl of hist fails and, for each, the
// reason an operator reads. hist is oldest first and not empty.
func judge(hist []CrawlRecord) (flags, reasons []string) {
	cur := hist[len(hist)-1]
	prev := hist[:len(hist)-1]
	if cur.Failed {
		if n := failedInARow(hist); n >= failStreak {
			return []string{CheckFailed}, []string{fmt.Sprintf("the last %d crawls failed", n)}
		}
		return nil, nil
	}
	// The yield (events found), then the share of dates read and each
	// field's fill rate, against their baselines.
	if m, n := baseline(prev, CheckYield); n >= minHistory && float64(cur.Events) < m/2 {
		flags = append(flags, CheckYield)
		reasons = append(reasons, fmt.Sprintf("found %d events, less than half the recent median of %g: has the site changed?", cur.Events, m))
	}
	checks := []struct{ key, reason string }{{CheckDates, "dates read in %.0f%% of %d event blocks, recent median %.0f%%"}}
	for _, ff := range FillFields {
		checks = append(checks, struct{ key, reason string }{ff.Key, ff.Name + " filled in %.0f%% of %d events, recent median %.0f%%"})
	}
	for _, ck := range checks {
		k, of := cur.ratio(ck.key)
		if of < minFillEvents {
			continue
		}
		m, n := baseline(prev, ck.key)
		r := float64(k) / float64(of)
		if n >= minHistory && r < m/2 && binomialTail(k, of, m) < fillAlpha {
			flags = append(flags, ck.key)
			reasons = append(reasons, fmt.Sprintf(ck.reason, 100*r, of, 100*m))
		}
	}
	return flags, reasons
}

// baseline returns the median of check key (CheckYield: the events found;
// CheckDates or a FillField key: its rate) over the last baselineCrawls
// crawls of prev that did not fail, were not flagged for key and, for a
// rate, had minFillEvents; n is how many there were.
func baseline(prev []CrawlRecord, key string) (m float64, n int) {
	var xs []float64
	for _, c := range slices.Backward(prev) {
		if len(xs) == baselineCrawls {
			break
		}
		if c.Failed || c.flagged(key) {
			continue
		}
		if key == CheckYield {
			xs = append(xs, float64(c.Events))
		} else if k, of := c.ratio(key); of >= minFillEvents {
			xs = append(xs, float64(k)/float64(of))
		}
	}
	if len(xs) == 0 {
		return 0, 0
	}
	return median(xs), len(xs)
}

// failedInARow counts the crawls at the end of hist that failed.
func failedInARow(hist []CrawlRecord) int {
	n := 0
	for _, c := range slices.Backward(hist) {
		if !c.Failed {
			break
		}
		n++
	}
	return n
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// binomialTail is P(X ≤ k) for X ~ Binomial(n, p).
func binomialTail(k, n int, p float64) float64 {
	switch {
	case k >= n || p <= 0:
		return 1
	case p >= 1:
		return 0
	}
	lp, lq := math.Log(p), math.Log1p(-p)
	ln, _ := math.Lgamma(float64(n + 1))
	sum := 0.0
	for i := 0; i <= k; i++ {
		li, _ := math.Lgamma(float64(i + 1))
		lni, _ := math.Lgamma(float64(n - i + 1))
		sum += math.Exp(ln - li - lni + float64(i)*lp + float64(n-i)*lq)
	}
	return min(sum, 1)
}
