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
	Facts      []filterLink // the fact filters, each a link that turns it on or off
	FactNames  string       // the filters on, for the summary: 無料・オンライン参加可
	Keep       []hidden     // the filters on, kept by the area form
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

type hidden struct{ Name, Value string }

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
	Capacity, Deadline                      string // 50名; 12月1日(火)まで
	Label                                   string
	LabelName                               string
	Status                                  string // 中止, 延期, 満席 or ""
	StatusKey                               string
	Badges                                  []badge // what the listing states: 無料, 会員限定, オンライン, 締切間近
	// Sources are the event's other listings when more than one source
	// lists it: the title links to the one that stands for it.
	Sources []pageSource
}

// pageSource is a link to one listing of an event.
type pageSource struct{ Name, URL string }

// badge is one mark of an event on the page; Key is its CSS class and
// data-badge.
type badge struct{ Key, Name string }

// soon is how long before its deadline an event is marked 締切間近.
const soon = 72 * time.Hour

// pageParams are the parameters of the page.
var pageParams = map[string]bool{"label": true, "area": true, "free": true, "open": true, "online": true, "apply_after": true}

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
	f, err := parseFacts(v)
	if err != nil {
		return request{}, err
	}
	return request{
		key: "page\x00" + string(label) + "\x00" + area + "\x00" + f.key(),
		render: func(ctx context.Context, now time.Time) (body, error) {
			return s.renderPage(ctx, label, area, f, now)
		},
	}, nil
}

// renderPage renders /: the upcoming events grouped by day, filtered by
// label, area and the fact filters f.
func (s *Server) renderPage(ctx context.Context, label event.Label, area string, f facts, now time.Time) (body, error) {
	// Every upcoming event, for the list of areas.
	all, modified, expires, err := s.upcoming(ctx, store.Query{Order: store.ByStart, OnePerEvent: true}, maxScan, now)
	if err != nil {
		return body{}, err
	}
	rows := all
	if label != "" || area != "" || f.active() {
		var m, e time.Time
		rows, m, e, err = s.upcoming(ctx, f.apply(store.Query{Label: label, Area: area, Order: store.ByStart, OnePerEvent: true}), pageLimit+1, now)
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
		HasFilters: label != "" || area != "" || f.active(),
		FactNames:  strings.Join(f.names(), "・"),
	}
	if len(rows) > pageLimit {
		rows, d.Truncated = rows[:pageLimit], true
	}
	d.Count = len(rows)
	d.Labels = append(d.Labels, filterLink{Name: "すべて", Href: pageURL("", area, f), Current: label == "", Key: "all"})
	for _, l := range event.Labels {
		d.Labels = append(d.Labels, filterLink{Name: l.Japanese(), Href: pageURL(l, area, f), Current: l == label, Key: string(l)})
	}
	// The fact filters: each link turns its filter on or off. 申込受付中
	// is apply_after today, so the page changes at midnight.
	nowT := now.In(event.Tokyo)
	today := time.Date(nowT.Year(), nowT.Month(), nowT.Day(), 0, 0, 0, 0, event.Tokyo)
	if midnight := today.AddDate(0, 0, 1); expires.IsZero() || midnight.Before(expires) {
		expires = midnight
	}
	for _, t := range []struct {
		key, name string
		on        bool
		toggle    func(facts) facts
	}{
		{"free", "無料", f.Free, func(g facts) facts { g.Free = !g.Free; return g }},
		{"open", "会員以外も参加可", f.Open, func(g facts) facts { g.Open = !g.Open; return g }},
		{"online", "オンライン参加可", f.Online, func(g facts) facts { g.Online = !g.Online; return g }},
		{"apply_after", "申込受付中", !f.ApplyAfter.IsZero(), func(g facts) facts {
			if g.ApplyAfter.IsZero() {
				g.ApplyAfter = today
			} else {
				g.ApplyAfter = time.Time{}
			}
			return g
		}},
	} {
		d.Facts = append(d.Facts, filterLink{Name: t.name, Href: pageURL(label, area, t.toggle(f)), Current: t.on, Key: t.key})
	}
	for k, vs := range f.values(nil) {
		d.Keep = append(d.Keep, hidden{Name: k, Value: vs[0]})
	}
	sort.Slice(d.Keep, func(i, j int) bool { return d.Keep[i].Name < d.Keep[j].Name })
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
	query := ""
	if q := feedQuery(area, f); q != "" {
		query = "?" + q
	}
	for _, fd := range []struct{ name, ext string }{{"RSS", "rss"}, {"Atom", "atom"}, {"カレンダー (iCal)", "ics"}} {
		d.Feeds = append(d.Feeds, filterLink{Name: fd.name, Href: "/feeds/" + feedName + "." + fd.ext + query, Key: fd.ext})
	}
	var latest time.Time
	for _, row := range rows {
		l := listedEvent(row)
		if l.updated.After(latest) {
			latest = l.updated
		}
		start := row.StartsAt.In(event.Tokyo)
		id := start.Format("2006-01-02")
		if len(d.Days) == 0 || d.Days[len(d.Days)-1].ID != id {
			d.Days = append(d.Days, pageDay{ID: id, Heading: fmt.Sprintf("%d月%d日(%s)", int(start.Month()), start.Day(), feed.Weekday(start))})
		}
		day := &d.Days[len(d.Days)-1]
		e := l.Event
		pe := pageEvent{
			Time:      eventTime(e),
			Title:     e.Title,
			URL:       e.URL,
			Where:     feed.Where(e),
			Organizer: e.Organizer,
			Fee:       feed.Fee(e),
			Deadline:  feed.Deadline(e),
			Label:     string(row.Label),
			LabelName: row.Label.Japanese(),
			Status:    strings.Trim(feed.StatusMark(row.Status), "【】"),
			StatusKey: string(row.Status),
		}
		if e.Capacity > 0 {
			pe.Capacity = fmt.Sprintf("%d名", e.Capacity)
		}
		for _, src := range l.sources[1:] {
			if src.URL != "" {
				pe.Sources = append(pe.Sources, pageSource{Name: src.Source, URL: src.URL})
			}
		}
		var change time.Time
		pe.Badges, change = badges(e, now)
		if !change.IsZero() && (expires.IsZero() || change.Before(expires)) {
			expires = change
		}
		day.Events = append(day.Events, pe)
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

// badges are the marks of what e's listing states, as of now: 無料 (free for
// everyone), 会員限定, オンライン or オンライン可 (hybrid), 締切間近 (the
// deadline within soon), 申込締切済. change is when a mark changes by itself
// (the deadline comes near, or passes); zero if none does.
func badges(e event.Event, now time.Time) (out []badge, change time.Time) {
	if e.FeeYenMax != nil && *e.FeeYenMax == 0 {
		out = append(out, badge{"free", "無料"})
	}
	if e.MembersOnly != nil && *e.MembersOnly {
		out = append(out, badge{"members", "会員限定"})
	}
	switch e.Format {
	case event.Online:
		out = append(out, badge{"online", "オンライン"})
	case event.Hybrid:
		out = append(out, badge{"online", "オンライン可"})
	}
	if by := e.ApplyBy; !by.IsZero() {
		switch near := by.Add(-soon); {
		case !now.Before(by):
			out = append(out, badge{"closed", "申込締切済"})
		case !now.Before(near):
			out = append(out, badge{"soon", "締切間近"})
			change = by
		default:
			change = near
		}
	}
	return out, change
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
