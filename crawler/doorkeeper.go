package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"kouryu/internal/event"
)

// doorkeeperItem is one element of the Doorkeeper API's answer to
// GET https://api.doorkeeper.jp/events (https://www.doorkeeper.jp/developer/api):
// a JSON array of {"event": {…}}. Its times are UTC ("2026-12-03T09:30:00.000Z").
type doorkeeperItem struct {
	Event struct {
		ID           int64           `json:"id"`
		Title        string          `json:"title"`
		StartsAt     string          `json:"starts_at"`
		EndsAt       string          `json:"ends_at"`
		VenueName    string          `json:"venue_name"`
		Address      string          `json:"address"`
		PublicURL    string          `json:"public_url"`
		Description  string          `json:"description"`
		PublishedAt  string          `json:"published_at"`
		UpdatedAt    string          `json:"updated_at"`
		Participants int             `json:"participants"`
		Waitlisted   int             `json:"waitlisted"`
		TicketLimit  *int            `json:"ticket_limit"`
		Group        json.RawMessage `json:"group"` // an id, or the group with expand[]=group
	} `json:"event"`
}

// ParseDoorkeeper reads one page of the Doorkeeper API's answer; items is
// the number of events the page holds, read or not.
func ParseDoorkeeper(data []byte, src *Source, fetched time.Time) (res FeedResult, items int, err error) {
	var page []doorkeeperItem
	if err := json.Unmarshal(data, &page); err != nil {
		return res, 0, fmt.Errorf("decode doorkeeper answer: %w", err)
	}
	for _, it := range page {
		e, notes, flag, err := doorkeeperEvent(it, src, fetched)
		res.Problems = append(res.Problems, notes...)
		res.flag(e.ID, flag)
		if err != nil {
			if errors.Is(err, ErrUnreadableDate) {
				res.UnreadableDates++
			}
			res.Problems = append(res.Problems, err.Error())
			continue
		}
		res.Events = append(res.Events, e)
	}
	return res, len(page), nil
}

func doorkeeperEvent(it doorkeeperItem, src *Source, fetched time.Time) (event.Event, []string, string, error) {
	de := it.Event
	if !absoluteHTTP(de.PublicURL) {
		return event.Event{}, nil, "", fmt.Errorf("doorkeeper event %d %q: no public_url", de.ID, de.Title)
	}
	start, err := isoTime(de.StartsAt)
	if err != nil {
		return event.Event{}, nil, "", fmt.Errorf("%s: %q: %w: starts_at %q", de.PublicURL, de.Title, ErrUnreadableDate, de.StartsAt)
	}
	desc := htmlText(de.Description)
	e := event.Event{
		Source:      src.ID,
		URL:         de.PublicURL,
		Title:       normSpace(de.Title),
		Description: desc,
		StartsAt:    start,
		Venue:       normSpace(de.VenueName),
		Address:     normSpace(de.Address),
		Status:      statusOf("", de.Title),
		FetchedAt:   fetched,
	}
	if end, err := isoTime(de.EndsAt); err == nil && end.After(start) {
		e.EndsAt = end
	}
	var g struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(de.Group, &g) == nil {
		e.Organizer = normSpace(g.Name)
	}
	if e.Status == event.StatusScheduled && de.TicketLimit != nil && *de.TicketLimit > 0 && de.Participants >= *de.TicketLimit {
		e.Status = event.StatusFull
	}
	if de.TicketLimit != nil && *de.TicketLimit > 0 {
		e.Capacity = *de.TicketLimit
	}
	e.ApplyURL = de.PublicURL // one registers on the event's Doorkeeper page
	published, _ := isoTime(de.PublishedAt)
	updated, _ := isoTime(de.UpdatedAt)
	return finishChecked(src, e, "", []time.Time{published, updated}, fetched)
}

// runDoorkeeper pages through the Doorkeeper API from the start URLs
// (prefecture=osaka&sort=starts_at), with the token of EnvDoorkeeperToken.
func (s *session) runDoorkeeper(ctx context.Context, em *emitter) error {
	token, ok := s.apiKey(EnvDoorkeeperToken)
	if !ok {
		return nil
	}
	hdr := http.Header{"Authorization": []string{"Bearer " + token}, "Accept": []string{"application/json"}}
	// Doorkeeper reports no count of results: a page shorter than the
	// fullest one so far (25 events) is the last, as is an empty one.
	full := 0
	return s.pageAPI(ctx, em, hdr, "page", 1, func(d *rawDoc, n int) (FeedResult, int, bool, error) {
		res, items, err := ParseDoorkeeper(d.body, s.src, d.fetched)
		more := items > 0 && items >= full
		full = max(full, items)
		return res, n + 1, more, err
	})
}
