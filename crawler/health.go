package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"kouryu/internal/bus"
)

// Health is what an operator needs to know of a source: its last finished
// crawl, the yields of its recent crawls and a warning when the last one
// fell well below them (sites break silently), plus the lease of a crawl
// running now, which keeps a second process from crawling it at once. It is
// kept per source in a NATS KV bucket (internal/bus BucketHealth) as JSON.
type Health struct {
	Source string `json:"source"`
	// The last finished crawl. LastStarted is also what the schedule
	// counts `every` from.
	LastStarted     time.Time `json:"last_started,omitzero"`
	LastFinished    time.Time `json:"last_finished,omitzero"`
	Pages           int       `json:"pages"`
	Events          int       `json:"events"`    // published
	Unchanged       int       `json:"unchanged"` // found, as published before
	NotModified     int       `json:"not_modified"`
	Errors          int       `json:"errors"`
	UnreadableDates int       `json:"unreadable_dates"`
	Refused         int       `json:"refused"`            // kind auto: blocks and pages found and left out
	Dropped         int       `json:"dropped"`            // found and left out (Report.Dropped)
	Flagged         int       `json:"flagged"`            // published with a doubt (Report.Flagged)
	Problems        []string  `json:"problems,omitempty"` // the first few
	Failed          string    `json:"failed,omitempty"`   // why the crawl failed as a whole
	// Yields are the events found (published + unchanged) by the recent
	// crawls, oldest first, at most HealthHistory.
	Yields []int `json:"yields,omitempty"`
	// Warning is set when the last crawl found less than half the median
	// of the crawls before it.
	Warning string `json:"warning,omitempty"`
	// Crawls counts the finished crawls.
	Crawls int `json:"crawls"`

	// RunningSince and LeaseUntil describe a crawl running now; Worker
	// names the process. A lease not renewed by LeaseUntil is void (the
	// process died).
	RunningSince time.Time `json:"running_since,omitzero"`
	LeaseUntil   time.Time `json:"lease_until,omitzero"`
	Worker       string    `json:"worker,omitempty"`
}

// HealthHistory is how many recent yields a Health keeps.
const HealthHistory = 10

// healthProblems is how many problems a Health keeps.
const healthProblems = 5

// minHistory is how many earlier crawls the median needs before a warning.
const minHistory = 3

// Yield is what the last crawl found: published plus unchanged events.
func (h Health) Yield() int { return h.Events + h.Unchanged }

// Running reports whether a crawl holds a lease at now.
func (h Health) Running(now time.Time) bool { return now.Before(h.LeaseUntil) }

// Due is when the source is next to be crawled: the epoch when it never
// was, else its last start plus every.
func (h Health) Due(every time.Duration) time.Time {
	if h.LastStarted.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return h.LastStarted.Add(every)
}

// Finished returns h after the crawl that rep reports, err its error (nil
// for a crawl that ran). The lease is released.
func (h Health) Finished(rep Report, err error) Health {
	prev := slices.Clone(h.Yields)
	h.LastStarted, h.LastFinished = rep.Started, rep.Finished
	h.Pages, h.Events, h.Unchanged, h.NotModified = rep.Pages, rep.Events, rep.Unchanged, rep.NotModified
	h.Errors, h.UnreadableDates, h.Refused = rep.Errors, rep.UnreadableDates, rep.Refused
	h.Dropped, h.Flagged = rep.Dropped, rep.Flagged
	h.Problems = slices.Clone(rep.Problems[:min(len(rep.Problems), healthProblems)])
	if n := len(rep.Problems) - healthProblems; n > 0 {
		h.Problems = append(h.Problems, fmt.Sprintf("… and %d more", n))
	}
	h.Failed = ""
	if err != nil {
		h.Failed = err.Error()
	}
	y := h.Yield()
	h.Yields = append(prev, y)
	if len(h.Yields) > HealthHistory {
		h.Yields = h.Yields[len(h.Yields)-HealthHistory:]
	}
	h.Warning = ""
	if len(prev) >= minHistory {
		if m := median(prev); float64(y) < m/2 {
			h.Warning = fmt.Sprintf("found %d events, less than half the recent median of %g: has the site changed?", y, m)
		}
	}
	h.Crawls++
	h.RunningSince, h.LeaseUntil, h.Worker = time.Time{}, time.Time{}, ""
	return h
}

func median(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// ReadHealth reads the health record of source from kv (the bucket
// bus.BucketHealth) and its revision, 0 when there is none yet: then, and
// when the record does not decode (the next crawl overwrites it), it
// returns an empty Health of source.
func ReadHealth(ctx context.Context, kv *bus.KV, source string) (Health, uint64, error) {
	data, rev, err := kv.Entry(ctx, source)
	if err != nil || data == nil {
		return Health{Source: source}, rev, err
	}
	var h Health
	if err := json.Unmarshal(data, &h); err != nil {
		return Health{Source: source}, rev, nil
	}
	return h, rev, nil
}

// writeHealth stores h as the record of source if its revision is still
// rev, and returns the new revision; bus.ErrConflict when it is not.
func writeHealth(ctx context.Context, kv *bus.KV, source string, h Health, rev uint64) (uint64, error) {
	h.Source = source
	data, err := json.Marshal(h)
	if err != nil {
		return 0, fmt.Errorf("encode health of %s: %w", source, err)
	}
	return kv.Update(ctx, source, data, rev)
}
