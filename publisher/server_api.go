package publisher

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/internal/event"
	"kouryu/internal/store"
)

// apiEvent is one record of /api/events: one event, however many sources
// list it. Its fields are those of its listings merged, its id the
// event's (canonical_id), sources every listing, its own first; then the
// table's bookkeeping over them: first seen, last changed, and a revision
// that grows with every change of a listing and every listing that joins.
type apiEvent struct {
	event.Event
	Sources     []source  `json:"sources"`
	FirstSeenAt time.Time `json:"first_seen_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	Revision    int       `json:"revision"`
}

type apiPage struct {
	Events     []apiEvent `json:"events"`
	NextCursor string     `json:"next_cursor"`
}

var apiParams = map[string]bool{"label": true, "area": true, "from": true, "to": true, "q": true, "limit": true, "cursor": true,
	"free": true, "open": true, "online": true, "apply_after": true}

// parseAPI reads a request for /api/events. An unknown parameter is
// refused with 400: a misspelt filter must not quietly return everything.
func (s *Server) parseAPI(r *http.Request) (request, error) {
	q, err := parseAPIQuery(r)
	if err != nil {
		var he *httpError
		if errors.As(err, &he) {
			he.json = true
		}
		return request{}, err
	}
	// The key holds every field of the query in one fixed form: the same
	// query spelt another way (parameter order, a date or its RFC 3339
	// midnight, a limit over the cap) is the same body.
	f := facts{Free: q.Free, Open: q.Open, Online: q.Online, ApplyAfter: q.ApplyAfter}
	key := strings.Join([]string{"api", string(q.Label), q.Area, apiKeyTime(q.From), apiKeyTime(q.To),
		q.Q, strconv.Itoa(q.Limit), q.Cursor, f.key()}, "\x00")
	return request{
		key: key,
		render: func(ctx context.Context, _ time.Time) (body, error) {
			return s.renderAPI(ctx, q)
		},
	}, nil
}

func apiKeyTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixNano(), 10)
}

// renderAPI renders /api/events: stored events by start time (past ones
// too: pass from= for upcoming only), one object per event, filtered and
// paged by keyset cursor.
func (s *Server) renderAPI(ctx context.Context, q store.Query) (body, error) {
	q.OnePerEvent = true
	page, err := s.st.Query(ctx, q)
	if errors.Is(err, store.ErrBadCursor) {
		return body{}, &httpError{code: http.StatusBadRequest, msg: "cursor: is not a cursor this API issued", json: true}
	}
	if err != nil {
		return body{}, fmt.Errorf("query events: %w", err)
	}
	out := apiPage{Events: make([]apiEvent, len(page.Rows)), NextCursor: page.Next}
	for i, row := range page.Rows {
		l := listedEvent(row)
		out.Events[i] = apiEvent{Event: l.Event, Sources: l.sources, FirstSeenAt: l.published, UpdatedAt: l.updated, Revision: l.sequence}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return body{}, fmt.Errorf("encode events: %w", err)
	}
	return body{contentType: "application/json; charset=utf-8", data: b.Bytes()}, nil
}

func parseAPIQuery(r *http.Request) (store.Query, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return store.Query{}, badParam("query", fmt.Sprintf("does not parse: %v", err))
	}
	var unknown []string
	for k, vs := range v {
		if !apiParams[k] {
			unknown = append(unknown, strconv.Quote(k))
			continue
		}
		if len(vs) > 1 {
			return store.Query{}, badParam(k, "is given more than once")
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return store.Query{}, badParam(strings.Join(unknown, ", "), "unknown parameter (want label, area, from, to, q, limit, cursor, free, open, online, apply_after)")
	}
	q := store.Query{Order: store.ByStart, Limit: defaultLimit}
	var area string
	if s := v.Get("label"); s != "" {
		l, err := event.ParseLabel(s)
		if err != nil {
			return q, badParam("label", err.Error())
		}
		q.Label = l
	}
	area, err = parseArea(v)
	if err != nil {
		return q, err
	}
	q.Area = area
	if q.From, err = parseAPITime(v.Get("from"), false); err != nil {
		return q, badParam("from", err.Error())
	}
	if q.To, err = parseAPITime(v.Get("to"), true); err != nil {
		return q, badParam("to", err.Error())
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return q, badParam("to", "must be after from")
	}
	if s := v.Get("q"); s != "" {
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 200 {
			return q, badParam("q", "must be at most 200 characters of text")
		}
		q.Q = s
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return q, badParam("limit", fmt.Sprintf("%q is not a whole number from 1 (at most %d are returned)", s, maxLimit))
		}
		q.Limit = min(n, maxLimit)
	}
	if s := v.Get("cursor"); s != "" {
		if len(s) > 1024 {
			return q, badParam("cursor", "is not a cursor this API issued")
		}
		q.Cursor = s
	}
	f, err := parseFacts(v)
	if err != nil {
		return q, err
	}
	return f.apply(q), nil
}

// parseAPITime reads RFC 3339 or a Tokyo date YYYY-MM-DD. A date as the upper
// bound includes that whole day.
func parseAPITime(s string, upper bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, event.Tokyo); err == nil {
		if upper {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither RFC 3339 (2026-12-03T18:30:00+09:00) nor a date (2026-12-03)", s)
	}
	return t, nil
}

func writeJSONError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
