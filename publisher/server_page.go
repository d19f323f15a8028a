package publisher

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/feed"
	"kouryu/internal/store"
)

//go:embed web/index.html
var webFS embed.FS

var pageTemplate = template.Must(template.ParseFS(webFS, "web/index.html"))

// pageLimit bounds the events the web page lists.
const pageLimit = 300

type pageData struct {
	Title      string
	Label      event.Label
	LabelName  string
	Area       string
	AreaName   string
	Labels     []filterLink
	Areas      []areaOption
	Feeds      []filterLink
	Days       []pageDay
	Count      int
	Truncated  bool
	Updated    string
	ClearLink  string
	AllAreas   bool
	HasFilters bool
}

type filterLink struct {
	Name, Href string
	Current    bool
	Key        string
}

type areaOption struct {
	Value, Name string
	Selected    bool
}

type pageDay struct {
	ID, Heading string
	Events      []pageEvent
}

type pageEvent struct {
	Time, Title, URL, Where, Organizer, Fee string
	Label                                   string
	LabelName                               string
	Status                                  string // 中止, 延期, 満席 or ""
	StatusKey                               string
}

// pageParams are the parameters of the page.
var pageParams = map[string]bool{"label": true, "area": true}

// parsePage reads a request for /: label and area. Other parameters are
// ignored (links carry tracking parameters); they do not make another body.
func (s *Server) parsePage(r *http.Request) (request, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return request{}, badParam("query", fmt.Sprintf("does not parse: %v", err))
	}
	var label event.Label
	if ls := v["label"]; len(ls) > 1 {
		return request{}, badParam("label", "is given more than once")
	} else if len(ls) == 1 && ls[0] != "" {
		l, err := event.ParseLabel(ls[0])
		if err != nil {
			return request{}, badParam("label", err.Error())
		}
		label = l
	}
	area, err := parseArea(v)
	if err != nil {
		return request{}, err
	}
	return request{
		key: "page\x00" + string(label) + "\x00" + area,
		render: func(ctx context.Context, now time.Time) (body, error) {
			return s.renderPage(ctx, label, area, now)
		},
	}, nil
}

// renderPage renders /: the upcoming events grouped by day, filtered by
// label and area.
func (s *Server) renderPage(ctx context.Context, label event.Label, area string, now time.Time) (body, error) {
	// Every upcoming event, for the list of areas.
	all, modified, expires, err := s.upcoming(ctx, store.Query{Order: store.ByStart}, maxScan, now)
	if err != nil {
		return body{}, err
	}
	rows := all
	if label != "" || area != "" {
		var m, e time.Time
		rows, m, e, err = s.upcoming(ctx, store.Query{Label: label, Area: area, Order: store.ByStart}, pageLimit+1, now)
		if err != nil {
			return body{}, err
		}
		if m.After(modified) {
			modified = m
		}
		if !e.IsZero() && (expires.IsZero() || e.Before(expires)) {
			expires = e
		}
	}
	d := pageData{
		Title:      siteTitle,
		Label:      label,
		LabelName:  label.Japanese(),
		Area:       area,
		AreaName:   areaName(area),
		ClearLink:  "/",
		HasFilters: label != "" || area != "",
	}
	if len(rows) > pageLimit {
		rows, d.Truncated = rows[:pageLimit], true
	}
	d.Count = len(rows)
	d.Labels = append(d.Labels, filterLink{Name: "すべて", Href: pageURL("", area), Current: label == "", Key: "all"})
	for _, l := range event.Labels {
		d.Labels = append(d.Labels, filterLink{Name: l.Japanese(), Href: pageURL(l, area), Current: l == label, Key: string(l)})
	}
	areas := map[string]bool{}
	for _, row := range all {
		if a := clip(row.Area, maxShort); a != "" {
			areas[a] = true
		}
	}
	if area != "" {
		areas[area] = true
	}
	names := make([]string, 0, len(areas))
	for a := range areas {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, a := range names {
		d.Areas = append(d.Areas, areaOption{Value: a, Name: areaName(a), Selected: a == area})
	}
	feedName := "all"
	if label != "" {
		feedName = string(label)
	}
	feedQuery := ""
	if area != "" {
		feedQuery = "?" + url.Values{"area": {area}}.Encode()
	}
	for _, f := range []struct{ name, ext string }{{"RSS", "rss"}, {"Atom", "atom"}, {"カレンダー (iCal)", "ics"}} {
		d.Feeds = append(d.Feeds, filterLink{Name: f.name, Href: "/feeds/" + feedName + "." + f.ext + feedQuery, Key: f.ext})
	}
	var latest time.Time
	for _, row := range rows {
		if row.UpdatedAt.After(latest) {
			latest = row.UpdatedAt
		}
		start := row.StartsAt.In(event.Tokyo)
		id := start.Format("2006-01-02")
		if len(d.Days) == 0 || d.Days[len(d.Days)-1].ID != id {
			d.Days = append(d.Days, pageDay{ID: id, Heading: fmt.Sprintf("%d月%d日(%s)", int(start.Month()), start.Day(), feed.Weekday(start))})
		}
		day := &d.Days[len(d.Days)-1]
		e := bounded(row.Event)
		day.Events = append(day.Events, pageEvent{
			Time:      eventTime(e),
			Title:     e.Title,
			URL:       e.URL,
			Where:     feed.Where(e),
			Organizer: e.Organizer,
			Fee:       e.Fee,
			Label:     string(row.Label),
			LabelName: row.Label.Japanese(),
			Status:    strings.Trim(feed.StatusMark(row.Status), "【】"),
			StatusKey: string(row.Status),
		})
	}
	if !latest.IsZero() {
		d.Updated = latest.In(event.Tokyo).Format("2006年1月2日 15:04")
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		return body{}, fmt.Errorf("render page: %w", err)
	}
	return body{contentType: "text/html; charset=utf-8", data: b.Bytes(), modified: modified, expires: expires}, nil
}

// eventTime is the time column of the page: 18:30〜20:30, 終日, or a range
// over days.
func eventTime(e event.Event) string {
	s := e.StartsAt.In(event.Tokyo)
	if e.AllDay {
		if !e.EndsAt.IsZero() && e.EndsAt.In(event.Tokyo).Format("20060102") != s.Format("20060102") {
			end := e.EndsAt.In(event.Tokyo)
			return fmt.Sprintf("終日〜%d/%d", int(end.Month()), end.Day())
		}
		return "終日"
	}
	t := s.Format("15:04")
	if e.EndsAt.IsZero() {
		return t
	}
	end := e.EndsAt.In(event.Tokyo)
	if end.Format("20060102") == s.Format("20060102") {
		return t + "〜" + end.Format("15:04")
	}
	return fmt.Sprintf("%s〜%d/%d %s", t, int(end.Month()), end.Day(), end.Format("15:04"))
}
