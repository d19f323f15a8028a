package crawler

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"kouryu/internal/bus"
)

// Alerts: when a source turns unhealthy, and when it recovers, the Runner
// sends an Alert to the webhook of RunnerConfig.Alerts, once per
// transition whichever process crawls the source. The record writes the
// transition into the source's Health with the crawl's report (a
// compare-and-set write, so one process owns it) as AlertSending; the
// delivery marks it Alerted. An alert dropped or undelivered clears
// AlertSending, so the next crawl sends it again; one whose sender died
// is sent again after alertSendingTTL. Delivery is so at least once, and
// the alert's ID lets a receiver drop a repeat.

// Alert is the JSON object the webhook receives.
type Alert struct {
	// ID is <source>@<Since, RFC 3339>/<state>: the same when an alert
	// that was not delivered is sent again.
	ID     string `json:"id"`
	Source string `json:"source"`
	Name   string `json:"name"`
	// State is "unhealthy", or "recovered" once every check passes again.
	State string `json:"state"`
	// Reasons say why the source is unhealthy (empty for a recovery).
	Reasons []string `json:"reasons"`
	// Text is one line for people: chat webhooks show it.
	Text string `json:"text"`
	// Crawl is the crawl that decided; Recent the medians it was judged
	// against, where there were enough crawls for one.
	Crawl  AlertCrawl   `json:"crawl"`
	Recent AlertFigures `json:"recent_median"`
	// Since is when the source entered the state.
	Since time.Time `json:"since"`
	Time  time.Time `json:"time"`
}

// AlertCrawl is a crawl in an Alert: what the checks judge, the share of
// dates read and each field's fill rate (0–1, by FillField.Key), is left
// out where there was nothing to take it of.
type AlertCrawl struct {
	Started        time.Time          `json:"started"`
	Finished       time.Time          `json:"finished"`
	Pages          int                `json:"pages"`
	Errors         int                `json:"errors"`
	Failed         string             `json:"failed,omitempty"`
	Events         int                `json:"events"`
	DatesAttempted int                `json:"dates_attempted"`
	DatesRead      *float64           `json:"dates_read,omitempty"`
	Fill           map[string]float64 `json:"fill,omitempty"`
}

// AlertFigures are the recent medians of what the checks judge, each left
// out when there were too few crawls for one.
type AlertFigures struct {
	Events    *float64           `json:"events,omitempty"`
	DatesRead *float64           `json:"dates_read,omitempty"`
	Fill      map[string]float64 `json:"fill,omitempty"`
}

// newAlert is the alert of state (StateUnhealthy or StateOK) for src,
// whose health h is after its last crawl.
func newAlert(src Source, h Health, state string, now time.Time) Alert {
	a := Alert{Source: src.ID, Name: src.Name, State: "unhealthy", Reasons: h.Reasons, Since: h.Since, Time: now.UTC()}
	if state == StateOK {
		a.State, a.Reasons = "recovered", []string{}
	}
	var cur CrawlRecord
	if len(h.History) > 0 {
		cur = h.History[len(h.History)-1]
	}
	a.ID = fmt.Sprintf("%s@%s/%s", src.ID, h.Since.UTC().Format(time.RFC3339Nano), a.State)
	read, attempted := cur.DatesRead()
	a.Crawl = AlertCrawl{Started: cur.Started, Finished: cur.Finished, Pages: cur.Pages, Errors: cur.Errors,
		Failed: h.Failed, Events: cur.Events, DatesAttempted: attempted}
	if attempted > 0 {
		r := float64(read) / float64(attempted)
		a.Crawl.DatesRead = &r
	}
	if cur.Events > 0 {
		a.Crawl.Fill = map[string]float64{}
		for _, ff := range FillFields {
			a.Crawl.Fill[ff.Key] = float64(ff.Count(cur.Fill)) / float64(cur.Events)
		}
	}
	prev := h.History[:max(len(h.History)-1, 0)]
	if m, n := baseline(prev, CheckYield); n >= minHistory {
		a.Recent.Events = &m
	}
	if m, n := baseline(prev, CheckDates); n >= minHistory {
		a.Recent.DatesRead = &m
	}
	for _, ff := range FillFields {
		if m, n := baseline(prev, ff.Key); n >= minHistory {
			if a.Recent.Fill == nil {
				a.Recent.Fill = map[string]float64{}
			}
			a.Recent.Fill[ff.Key] = m
		}
	}
	who := src.ID
	if src.Name != "" {
		who = fmt.Sprintf("%s (%s)", src.ID, src.Name)
	}
	if state == StateOK {
		a.Text = fmt.Sprintf("kouryu: source %s recovered: every check passes (%d events found)", who, cur.Events)
	} else {
		a.Text = fmt.Sprintf("kouryu: source %s is unhealthy: %s", who, strings.Join(h.Reasons, "; "))
	}
	return a
}

// errAlertDropped: the webhook's queue did not take the alert.
var errAlertDropped = errors.New("alert dropped")

// alert sends the alert of state for src, whose health h was just written
// with AlertSending state since since. It does not wait.
func (r *Runner) alert(src Source, h Health, state string, since time.Time) {
	a := newAlert(src, h, state, since)
	done := func(err error) { r.alertDone(src.ID, state, since, err) }
	if !r.cfg.Alerts.Send(a.ID, a, done) {
		done(errAlertDropped)
	}
}

// alertDone writes the outcome of the alert of state for id, sent since
// since, into its health record: delivered, it is Alerted; either way, it
// is no longer on its way, so the next crawl sends again what was not
// delivered.
func (r *Runner) alertDone(id, state string, since time.Time, sendErr error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 5 {
		h, cur, err := ReadHealth(ctx, r.health, id)
		if err != nil {
			r.log.Warn("alert outcome not recorded", "source", id, "err", err)
			return
		}
		changed := false
		if h.AlertSending == state && h.AlertSendingSince.Equal(since) {
			h.AlertSending, h.AlertSendingSince = "", time.Time{}
			changed = true
		}
		if sendErr == nil && h.Alerted != state {
			h.Alerted = state
			changed = true
		}
		if !changed {
			return
		}
		_, err = writeHealth(ctx, r.health, id, h, cur)
		if err == nil {
			return
		}
		if !errors.Is(err, bus.ErrConflict) {
			r.log.Warn("alert outcome not recorded", "source", id, "err", err)
			return
		}
	}
	r.log.Warn("alert outcome not recorded: the record kept changing", "source", id)
}
