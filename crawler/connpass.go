package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"kouryu/internal/event"
)

// connpassAnswer is the answer of connpass API v2 GET /api/v2/events/
// (https://connpass.com/about/api/v2/). The v1 names event_id and
// event_url are read too, for a server that still answers in them.
type connpassAnswer struct {
	ResultsReturned  int             `json:"results_returned"`
	ResultsAvailable int             `json:"results_available"`
	ResultsStart     int             `json:"results_start"`
	Events           []connpassEvent `json:"events"`
}

type connpassEvent struct {
	ID               int64  `json:"id"`
	EventID          int64  `json:"event_id"`
	Title            string `json:"title"`
	Catch            string `json:"catch"`
	Description      string `json:"description"`
	URL              string `json:"url"`
	EventURL         string `json:"event_url"`
	StartedAt        string `json:"started_at"`
	EndedAt          string `json:"ended_at"`
	Limit            *int   `json:"limit"`
	Accepted         int    `json:"accepted"`
	Waiting          int    `json:"waiting"`
	OwnerDisplayName string `json:"owner_display_name"`
	Place            string `json:"place"`
	Address          string `json:"address"`
	OpenStatus       string `json:"open_status"`
	UpdatedAt        string `json:"updated_at"`
	EventType        string `json:"event_type"` // participation, or advertisement: registered elsewhere
	Group            *struct {
		Title string `json:"title"`
	} `json:"group"`
}

// ParseConnpass reads one page of the connpass API's answer. more says
// whether results_available goes past this page; next is the start of the
// next page.
func ParseConnpass(data []byte, src *Source, fetched time.Time) (res FeedResult, next int, more bool, err error) {
	var a connpassAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		return res, 0, false, fmt.Errorf("decode connpass answer: %w", err)
	}
	for _, ce := range a.Events {
		e, notes, flag, err := connpassEventOf(ce, src, fetched)
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
	start := max(a.ResultsStart, 1)
	next = start + a.ResultsReturned
	more = a.ResultsReturned > 0 && next <= a.ResultsAvailable
	return res, next, more, nil
}

func connpassEventOf(ce connpassEvent, src *Source, fetched time.Time) (event.Event, []string, string, error) {
	link := ce.URL
	if link == "" {
		link = ce.EventURL
	}
	if !absoluteHTTP(link) {
		return event.Event{}, nil, "", fmt.Errorf("connpass event %d %q: no url", max(ce.ID, ce.EventID), ce.Title)
	}
	start, err := isoTime(ce.StartedAt)
	if err != nil {
		return event.Event{}, nil, "", fmt.Errorf("%s: %q: %w: started_at %q", link, ce.Title, ErrUnreadableDate, ce.StartedAt)
	}
	e := event.Event{
		Source:    src.ID,
		URL:       link,
		Title:     normSpace(ce.Title),
		StartsAt:  start,
		Venue:     normSpace(ce.Place),
		Address:   normSpace(ce.Address),
		Organizer: normSpace(ce.OwnerDisplayName),
		Status:    statusOf("", ce.Title),
		FetchedAt: fetched,
	}
	if end, err := isoTime(ce.EndedAt); err == nil && end.After(start) {
		e.EndsAt = end
	}
	if ce.Group != nil && normSpace(ce.Group.Title) != "" {
		e.Organizer = normSpace(ce.Group.Title)
	}
	desc := htmlText(ce.Description)
	if c := normSpace(ce.Catch); c != "" {
		desc = c + "\n" + desc
	}
	e.Description = desc
	switch {
	case ce.OpenStatus == "cancelled":
		e.Status = event.StatusCancelled
	case e.Status == event.StatusScheduled && ce.Limit != nil && *ce.Limit > 0 && ce.Accepted >= *ce.Limit:
		e.Status = event.StatusFull
	}
	if ce.Limit != nil && *ce.Limit > 0 {
		e.Capacity = *ce.Limit
	}
	if ce.EventType != "advertisement" {
		e.ApplyURL = link // one registers on the event's connpass page
	}
	updated, _ := isoTime(ce.UpdatedAt)
	return finishChecked(src, e, "", []time.Time{updated}, fetched)
}

// isoTime reads an ISO 8601 time as APIs write it: with an offset or Z
// (converted to Tokyo), without one (read in Tokyo).
func isoTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.In(event.Tokyo), nil
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, event.Tokyo); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not an ISO 8601 time: %q", s)
}

// samePage reports whether every event of a page was on one earlier page,
// and which: the page repeats it.
func samePage(evs []event.Event, eventPage map[string]int) (int, bool) {
	if len(evs) == 0 {
		return 0, false
	}
	first, ok := eventPage[evs[0].ID]
	if !ok {
		return 0, false
	}
	for _, e := range evs[1:] {
		if p, ok := eventPage[e.ID]; !ok || p != first {
			return 0, false
		}
	}
	return first, true
}

// runConnpass pages through the connpass API from the first start URL (its
// query says what to search: prefecture=osaka&count=100&order=2), with the
// key of EnvConnpassKey in the X-API-Key header.
func (s *session) runConnpass(ctx context.Context, em *emitter) error {
	key, ok := s.apiKey(EnvConnpassKey)
	if !ok {
		return nil
	}
	hdr := http.Header{"X-API-Key": []string{key}, "Accept": []string{"application/json"}}
	return s.pageAPI(ctx, em, hdr, "start", 1, func(d *rawDoc, _ int) (FeedResult, int, bool, error) {
		return ParseConnpass(d.body, s.src, d.fetched)
	})
}

// pageAPI reads the pages of a JSON API: every start URL with its param set
// to first, then to what read (given the page and its number) says comes
// next. It stops where read says there is no more (the count the API
// reports, or a short page), at a page that repeats an earlier one, at an
// answer that points back, and at max_pages; the last three are named in a
// problem. Only a first page that cannot be read is an error.
func (s *session) pageAPI(ctx context.Context, em *emitter, hdr http.Header, param string, first int,
	read func(d *rawDoc, n int) (FeedResult, int, bool, error)) error {
	var firstErr error
	readOne := false
	for _, start := range s.src.StartURLs {
		base, err := url.Parse(start)
		if err != nil {
			continue
		}
		n := first
		// A server that ignores the paging parameter answers the first
		// page again: by its bytes, or by its events when a live figure
		// (seats taken) changes between two requests. That page ends the
		// paging, named, instead of max_pages requests for nothing.
		pages := map[[sha256.Size]byte]int{}
		eventPage := map[string]int{}
		for page := 1; ctx.Err() == nil; page++ {
			u := *base
			q := u.Query()
			q.Set(param, strconv.Itoa(n))
			u.RawQuery = q.Encode()
			d, err := s.fetchRaw(ctx, u.String(), hdr)
			if err != nil {
				if firstErr == nil && !errors.Is(err, errBudget) && !errors.Is(err, errSeen) {
					firstErr = err
				}
				break
			}
			sum := sha256.Sum256(d.body)
			if p, ok := pages[sum]; ok {
				s.problem("%s: page %d repeats page %d: paging stopped (the server ignores %s?)", u.String(), page, p, param)
				break
			}
			pages[sum] = page
			res, next, more, err := read(d, n)
			if p, ok := samePage(res.Events, eventPage); ok {
				s.problem("%s: page %d repeats page %d: paging stopped (the server ignores %s?)", u.String(), page, p, param)
				break
			}
			for _, e := range res.Events {
				if _, ok := eventPage[e.ID]; !ok {
					eventPage[e.ID] = page
				}
			}
			for _, p := range res.Problems {
				s.problem("%s: %s", u.String(), p)
			}
			s.mu.Lock()
			s.rep.UnreadableDates += res.UnreadableDates
			s.mu.Unlock()
			if err != nil {
				s.mu.Lock()
				s.rep.Errors++
				s.mu.Unlock()
				s.problem("%s: %v", u.String(), err)
				s.log.Warn("API answer unreadable", "source", s.src.ID, "url", u.String(), "err", err)
				if firstErr == nil {
					firstErr = fmt.Errorf("read %s: %w", u.String(), err)
				}
				break
			}
			readOne = true
			for id, why := range res.Flags {
				em.flag(id, why)
			}
			for _, e := range res.Events {
				em.emit(ctx, e)
			}
			if !more {
				break
			}
			if next <= n {
				s.problem("%s: the answer points back to %s=%d: paging stopped", u.String(), param, next)
				break
			}
			n = next
		}
	}
	if !readOne {
		if firstErr == nil {
			firstErr = errors.New("no API page read")
		}
		return firstErr
	}
	return nil
}
