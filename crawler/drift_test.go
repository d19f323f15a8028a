package crawler

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// crawlOf is the report of a crawl that found events events, with fill
// counts f and unreadable dates.
func crawlOf(i, events, unreadable int, f Fill) Report {
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 6 * time.Hour)
	return Report{Source: "x", Events: events, UnreadableDates: unreadable, Fill: f, Started: start, Finished: start.Add(time.Minute)}
}

// full is the fill of n events that have every field but one missing
// start time in twelve.
func full(n int) Fill {
	return Fill{Title: n, StartTime: n * 11 / 12, End: n, Venue: n, Fee: n, Organizer: n, Description: n}
}

func TestFieldDriftNamesTheFieldAndTheFigures(t *testing.T) {
	var h Health
	for i := range 5 {
		h = h.Finished(crawlOf(i, 12, 0, full(12)), nil)
	}
	if !h.Healthy() {
		t.Fatalf("steady crawls: %q", h.Reasons)
	}
	// The time selector now matches a block without the hour: every
	// event comes, as an all-day one.
	broken := full(12)
	broken.StartTime = 0
	h = h.Finished(crawlOf(5, 12, 0, broken), nil)
	want := "start time filled in 0% of 12 events, recent median 92%"
	if !slices.Equal(h.Reasons, []string{want}) || !slices.Equal(h.Flags, []string{"start_time"}) {
		t.Fatalf("reasons %q flags %q, want [%q] [start_time]", h.Reasons, h.Flags, want)
	}
	since := h.Since
	if !since.Equal(crawlOf(5, 0, 0, Fill{}).Finished) {
		t.Errorf("unhealthy since %v", since)
	}
	// Still broken: still flagged (the broken crawls are no baseline),
	// since unmoved.
	for i := 6; i < 12; i++ {
		h = h.Finished(crawlOf(i, 12, 0, broken), nil)
		if !slices.Equal(h.Reasons, []string{want}) || !h.Since.Equal(since) {
			t.Fatalf("crawl %d, still broken: reasons %q since %v", i, h.Reasons, h.Since)
		}
	}
	// Mended.
	h = h.Finished(crawlOf(12, 12, 0, full(12)), nil)
	if !h.Healthy() || !h.Since.Equal(crawlOf(12, 0, 0, Fill{}).Finished) || len(h.Flags) != 0 {
		t.Errorf("mended: reasons %q since %v", h.Reasons, h.Since)
	}
}

func TestDatesNoLongerReadAreFlagged(t *testing.T) {
	var h Health
	for i := range 4 {
		h = h.Finished(crawlOf(i, 12, 0, full(12)), nil)
	}
	h = h.Finished(crawlOf(4, 0, 12, Fill{}), nil)
	want := []string{
		"found 0 events, less than half the recent median of 12: has the site changed?",
		"dates read in 0% of 12 event blocks, recent median 100%",
	}
	if !slices.Equal(h.Reasons, want) || !slices.Equal(h.Flags, []string{CheckYield, CheckDates}) {
		t.Errorf("reasons %q flags %q, want %q", h.Reasons, h.Flags, want)
	}
}

func TestFieldDriftStaysQuietWhereItCannotTell(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before []Fill // one crawl each, of the events Fill.Title counts
		last   Fill
	}{
		{
			// 9 events are too few to judge a rate on.
			name:   "too few events",
			before: []Fill{full(12), full(12), full(12)},
			last:   Fill{Title: 9, End: 9, Venue: 9, Fee: 9, Organizer: 9, Description: 9},
		},
		{
			// Two earlier crawls are no baseline.
			name:   "too short a history",
			before: []Fill{full(12), full(12)},
			last:   Fill{Title: 12},
		},
		{
			// Earlier crawls of 5 events are no baseline of a rate.
			name:   "baseline of small crawls",
			before: []Fill{full(5), full(5), full(5), full(5)},
			last:   Fill{Title: 12},
		},
		{
			// A fee named by 2 events in 10: none of 10 is not unlikely
			// (0.8^10 = 0.11).
			name:   "rarely filled field",
			before: []Fill{{Title: 10, Fee: 2}, {Title: 10, Fee: 2}, {Title: 10, Fee: 3}},
			last:   Fill{Title: 10},
		},
		{
			// Half of 10 events had an end; none of 10 has a tail of
			// 0.001, over the threshold.
			name:   "half filled, ten events",
			before: []Fill{{Title: 10, End: 5}, {Title: 10, End: 5}, {Title: 10, End: 5}},
			last:   Fill{Title: 10},
		},
		{
			// Lower, not below half.
			name:   "a dip",
			before: []Fill{full(12), full(12), full(12)},
			last:   Fill{Title: 12, StartTime: 6, End: 7, Venue: 7, Fee: 7, Organizer: 7, Description: 7},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h Health
			for i, f := range tc.before {
				h = h.Finished(crawlOf(i, f.Title, 0, f), nil)
			}
			h = h.Finished(crawlOf(len(tc.before), tc.last.Title, 0, tc.last), nil)
			// The yield check may speak; no fill rate may.
			for _, f := range h.Flags {
				if f != CheckYield {
					t.Errorf("flagged %q: %q", f, h.Reasons)
				}
			}
		})
	}
	// The same half-filled field over 14 events all without it: flagged.
	var h Health
	for i := range 3 {
		h = h.Finished(crawlOf(i, 14, 0, Fill{Title: 14, End: 7}), nil)
	}
	h = h.Finished(crawlOf(3, 14, 0, Fill{Title: 14}), nil)
	if !slices.Equal(h.Flags, []string{"end"}) || h.Reasons[0] != "end filled in 0% of 14 events, recent median 50%" {
		t.Errorf("14 events without an end after a median of 50%%: %q %q", h.Flags, h.Reasons)
	}
}

func TestOneFailedCrawlKeepsTheState(t *testing.T) {
	var h Health
	for i := range 4 {
		h = h.Finished(crawlOf(i, 12, 0, full(12)), nil)
	}
	down := errors.New(`crawl source "x": no list page could be fetched`)
	h = h.Finished(crawlOf(4, 0, 0, Fill{}), down)
	if !h.Healthy() {
		t.Fatalf("one failed crawl: %q", h.Reasons)
	}
	h = h.Finished(crawlOf(5, 0, 0, Fill{}), down)
	if !slices.Equal(h.Flags, []string{CheckFailed}) || h.Reasons[0] != "the last 2 crawls failed" {
		t.Fatalf("two failed crawls: %q %q", h.Flags, h.Reasons)
	}
	// Back: the failed crawls are no baseline, so 12 events are normal.
	h = h.Finished(crawlOf(6, 12, 0, full(12)), nil)
	if !h.Healthy() {
		t.Fatalf("back: %q", h.Reasons)
	}
	// Unhealthy, then one failed crawl: still unhealthy, for the same reason.
	h = h.Finished(crawlOf(7, 12, 0, Fill{Title: 12}), nil)
	reasons := h.Reasons
	if h.Healthy() {
		t.Fatal("every field but the title lost: healthy")
	}
	h = h.Finished(crawlOf(8, 0, 0, Fill{}), down)
	if !slices.Equal(h.Reasons, reasons) {
		t.Errorf("a failed crawl changed the reasons %q to %q", reasons, h.Reasons)
	}
}

func TestAlertDueOncePerTransition(t *testing.T) {
	now := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	sick := Health{Reasons: []string{"venue filled in 0% of 12 events, recent median 100%"}}
	for _, tc := range []struct {
		name string
		h    Health
		want string
	}{
		{"healthy, never alerted", Health{}, ""},
		{"turned unhealthy", sick, StateUnhealthy},
		{"alerted already", withAlert(sick, StateUnhealthy, "", time.Time{}), ""},
		{"on its way", withAlert(sick, "", StateUnhealthy, now.Add(-time.Minute)), ""},
		{"on its way for too long: its sender died", withAlert(sick, "", StateUnhealthy, now.Add(-2*time.Hour)), StateUnhealthy},
		{"recovered", withAlert(Health{}, StateUnhealthy, "", time.Time{}), StateOK},
		{"recovery alerted", withAlert(Health{}, StateOK, "", time.Time{}), ""},
		{"unhealthy again", withAlert(sick, StateOK, "", time.Time{}), StateUnhealthy},
	} {
		if got := tc.h.alertDue(now); got != tc.want {
			t.Errorf("%s: alertDue %q, want %q", tc.name, got, tc.want)
		}
	}
}

func withAlert(h Health, alerted, sending string, since time.Time) Health {
	h.Alerted, h.AlertSending, h.AlertSendingSince = alerted, sending, since
	return h
}

func TestBinomialTail(t *testing.T) {
	for _, tc := range []struct {
		k, n int
		p    float64
		want float64
	}{
		{0, 10, 0.5, 1.0 / 1024},
		{1, 10, 0.5, 11.0 / 1024},
		{10, 10, 0.3, 1},
		{0, 12, 0, 1},
		{11, 12, 1, 0},
		{3, 10, 0.9, 9.1216e-6},
	} {
		if got := binomialTail(tc.k, tc.n, tc.p); math.Abs(got-tc.want) > 1e-9+tc.want*1e-3 {
			t.Errorf("P(X ≤ %d | %d, %g) = %g, want %g", tc.k, tc.n, tc.p, got, tc.want)
		}
	}
}

func TestReasonsReadAsSentences(t *testing.T) {
	var h Health
	for i := range 3 {
		h = h.Finished(crawlOf(i, 20, 0, full(20)), nil)
	}
	h = h.Finished(crawlOf(3, 20, 0, Fill{Title: 20}), nil)
	if len(h.Reasons) != 6 {
		t.Fatalf("every field but the title lost: %q", h.Reasons)
	}
	for _, r := range h.Reasons {
		if !strings.Contains(r, " filled in 0% of 20 events, recent median ") {
			t.Errorf("reason %q", r)
		}
	}
}
