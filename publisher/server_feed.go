package publisher

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/internal/event"
	"kouryu/internal/feed"
	"kouryu/internal/store"
)

const siteTitle = "kouryu 大阪の交流会・勉強会"

var feedFormats = map[string]struct {
	contentType string
	render      func(*bytes.Buffer, feed.Meta, []feed.Item) error
}{
	"rss":  {"application/rss+xml; charset=utf-8", func(b *bytes.Buffer, m feed.Meta, it []feed.Item) error { return feed.RSS(b, m, it) }},
	"atom": {"application/atom+xml; charset=utf-8", func(b *bytes.Buffer, m feed.Meta, it []feed.Item) error { return feed.Atom(b, m, it) }},
	"ics":  {"text/calendar; charset=utf-8", func(b *bytes.Buffer, m feed.Meta, it []feed.Item) error { return feed.ICS(b, m, it) }},
}

// parseArea reads the optional area parameter: a prefix of the stored area
// (大阪市 covers 大阪市北区).
func parseArea(v url.Values) (string, error) {
	vs := v["area"]
	if len(vs) > 1 {
		return "", badParam("area", "is given more than once")
	}
	if len(vs) == 0 {
		return "", nil
	}
	a := strings.TrimSpace(vs[0])
	if !utf8.ValidString(a) || utf8.RuneCountInString(a) > 100 || strings.ContainsAny(a, "\x00\r\n") {
		return "", badParam("area", "must be at most 100 characters of text")
	}
	// The page and the feed titles show the area: no control or
	// bidirectional character of a crafted link reaches them.
	return feed.Clean(a), nil
}

func badParam(name, why string) *httpError {
	return &httpError{code: http.StatusBadRequest, msg: name + ": " + why}
}

// feedParams are the parameters of a feed.
var feedParams = map[string]bool{"area": true, "free": true, "open": true, "online": true, "apply_after": true}

// feedRefresh is how often the feeds ask readers to fetch them again (RSS
// ttl, iCalendar REFRESH-INTERVAL): the crawls run every few hours, and a
// conditional request costs the server little.
const feedRefresh = time.Hour

// parseFeed reads a request for /feeds/{all|label}.{rss|atom|ics}: the
// feed and its area. Other parameters are ignored (feed readers and link
// shorteners add their own); they do not make another body.
func (s *Server) parseFeed(r *http.Request) (request, error) {
	name, ext, ok := strings.Cut(r.PathValue("file"), ".")
	if !ok {
		return request{}, &httpError{code: http.StatusNotFound, msg: "no such feed: want /feeds/{all|label}.{rss|atom|ics}"}
	}
	label, err := feedLabel(name, ext)
	if err != nil {
		return request{}, err
	}
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return request{}, badParam("query", fmt.Sprintf("does not parse: %v", err))
	}
	area, err := parseArea(v)
	if err != nil {
		return request{}, err
	}
	f, err := parseFacts(v)
	if err != nil {
		return request{}, err
	}
	return request{
		key: "feed\x00" + name + "." + ext + "\x00" + area + "\x00" + f.key(),
		render: func(ctx context.Context, now time.Time) (body, error) {
			return s.feed(ctx, name, label, ext, area, f, now)
		},
	}, nil
}

// feedLabel checks a feed's name ("all" or a label) and format, and returns
// its label ("" for all).
func feedLabel(name, ext string) (event.Label, error) {
	if _, known := feedFormats[ext]; !known {
		return "", &httpError{code: http.StatusNotFound, msg: "no such feed: want /feeds/{all|label}.{rss|atom|ics}"}
	}
	if name == "all" {
		return "", nil
	}
	l, err := event.ParseLabel(name)
	if err != nil {
		return "", &httpError{code: http.StatusNotFound, msg: "no such feed: " + err.Error()}
	}
	return l, nil
}

// feed renders the feed name ("all" or label) in format ext ("rss", "atom",
// "ics") for area ("" for all) and the fact filters f, as of now.
func (s *Server) feed(ctx context.Context, name string, label event.Label, ext, area string, f facts, now time.Time) (body, error) {
	format := feedFormats[ext]
	rows, modified, expires, err := s.upcoming(ctx, f.apply(store.Query{Label: label, Area: area, Order: store.ByAnnounced, OnePerEvent: true}), s.cfg.FeedLimit, now)
	if err != nil {
		return body{}, err
	}
	items := make([]feed.Item, len(rows))
	updated := modified
	for i, row := range rows {
		l := listedEvent(row)
		items[i] = feed.Item{Event: l.Event, Published: l.published, Updated: l.updated, Sequence: l.sequence, Sources: l.feedSources()}
		if l.updated.After(updated) {
			updated = l.updated
		}
	}
	title := siteTitle
	if label != "" {
		title += " — " + label.Japanese()
	}
	if area != "" {
		title += " — " + areaName(area)
	}
	for _, n := range f.names() {
		title += " — " + n
	}
	self := s.cfg.BaseURL + "/feeds/" + name + "." + ext
	if q := feedQuery(area, f); q != "" {
		self += "?" + q
	}
	m := feed.Meta{
		Title:       title,
		Link:        s.cfg.BaseURL + pageURL(label, area, f),
		Description: "大阪のビジネス交流会・勉強会の予定（新着順）",
		SelfURL:     self,
		Updated:     updated,
		Refresh:     feedRefresh,
	}
	var b bytes.Buffer
	if err := format.render(&b, m, items); err != nil {
		return body{}, err
	}
	return body{contentType: format.contentType, data: b.Bytes(), modified: modified, expires: expires}, nil
}

// pageURL is the path and query of the web page filtered by label, area
// and the fact filters f.
func pageURL(label event.Label, area string, f facts) string {
	v := f.values(nil)
	if label != "" {
		v.Set("label", string(label))
	}
	if area != "" {
		v.Set("area", area)
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// feedQuery is the query of a feed filtered by area and f, "" for none.
func feedQuery(area string, f facts) string {
	v := f.values(nil)
	if area != "" {
		v.Set("area", area)
	}
	return v.Encode()
}

// areaName is how an area reads in Japanese.
func areaName(a string) string {
	if a == "online" {
		return "オンライン"
	}
	return a
}
