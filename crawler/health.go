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
// crawl, the history of its recent crawls (yield, fill rate of each field,
// dates read) and whether it is healthy, the alerts sent about it, plus the
// lease of a crawl running now, which keeps a second process from crawling
// it at once. It is kept per source in a NATS KV bucket (internal/bus
// BucketHealth) as JSON, so it survives restarts and every crawler process
// shares it.
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
	// History holds the recent crawls, oldest first, at most HistoryKept.
	History []CrawlRecord `json:"history,omitempty"`
	// Reasons say why the source is unhealthy, one per failing check
	// (Flags names them); none when it is healthy. A crawl that failed as
	// a whole leaves them as they were, unless crawls fail in a row.
	Reasons []string `json:"reasons,omitempty"`
	Flags   []string `json:"flags,omitempty"`
	// Since is when the source entered its present state, healthy or not.
	Since time.Time `json:"since,omitzero"`
	// Crawls counts the finished crawls.
	Crawls int `json:"crawls"`

	// Alerted is the state the last alert delivered told (StateUnhealthy,
	// or StateOK for a recovery); empty when none was. AlertSending is the
	// state of an alert on its way since AlertSendingSince: no process
	// sends it again until alertSendingTTL has passed (its sender died).
	// Kept here, every crawler process alerts a transition once.
	Alerted           string    `json:"alerted,omitempty"`
	AlertSending      string    `json:"alert_sending,omitempty"`
	AlertSendingSince time.Time `json:"alert_sending_since,omitzero"`

	// RunningSince and LeaseUntil describe a crawl running now; Worker
	// names the process. A lease not renewed by LeaseUntil is void (the
	// process died).
	RunningSince time.Time `json:"running_since,omitzero"`
	LeaseUntil   time.Time `json:"lease_until,omitzero"`
	Worker       string    `json:"worker,omitempty"`
}

// The states of a source, as alerts and Health.Alerted name them.
const (
	StateOK        = "ok"
	StateUnhealthy = "unhealthy"
)

// healthProblems is how many problems a Health keeps.
const healthProblems = 5

// Yield is what the last crawl found: published plus unchanged events.
func (h Health) Yield() int { return h.Events + h.Unchanged }

// Healthy reports whether no check of the source fails.
func (h Health) Healthy() bool { return len(h.Reasons) == 0 }

// State is StateOK or StateUnhealthy.
func (h Health) State() string {
	if h.Healthy() {
		return StateOK
	}
	return StateUnhealthy
}

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
// for a crawl that ran): the crawl joins the history and the checks are
// judged on it (drift.go). The lease is released.
func (h Health) Finished(rep Report, err error) Health {
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
	rec := CrawlRecord{
		Started: rep.Started, Finished: rep.Finished, Pages: rep.Pages,
		Events: rep.Events + rep.Unchanged, Published: rep.Events, Errors: rep.Errors,
		UnreadableDates: rep.UnreadableDates, Fill: rep.Fill, Failed: err != nil,
	}
	h.History = append(slices.Clone(h.History), rec)
	if len(h.History) > HistoryKept {
		h.History = h.History[len(h.History)-HistoryKept:]
	}
	// One crawl that failed as a whole says nothing of the template: the
	// state stays as it was. judge flags a streak of them.
	if !rec.Failed || failedInARow(h.History) >= failStreak {
		flags, reasons := judge(h.History)
		h.History[len(h.History)-1].Flags = flags
		if (len(reasons) == 0) != h.Healthy() || h.Since.IsZero() {
			h.Since = rep.Finished
		}
		h.Flags, h.Reasons = flags, reasons
	}
	h.Crawls++
	h.RunningSince, h.LeaseUntil, h.Worker = time.Time{}, time.Time{}, ""
	return h
}

// alertSendingTTL is how long an alert on its way keeps other processes
// from sending it: longer than a webhook's retries take.
const alertSendingTTL = time.Hour

// alertDue returns the state to alert now (StateUnhealthy, or StateOK for
// a recovery), or "" when the last alert told it already, one is on its
// way, or the source was never alerted unhealthy (nothing to recover from).
func (h Health) alertDue(now time.Time) string {
	want := h.State()
	switch {
	case want == h.Alerted:
		return ""
	case want == StateOK && h.Alerted != StateUnhealthy:
		return ""
	case h.AlertSending == want && now.Sub(h.AlertSendingSince) < alertSendingTTL:
		return ""
	}
	return want
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
