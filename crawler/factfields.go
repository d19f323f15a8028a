package crawler

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/facts"
	"kouryu/internal/event"
)

// Fields an event page passes to BuildEvent beside FieldNames: the facts a
// reader states as data (JSON-LD's maximumAttendeeCapacity, an offer's url)
// and the page's text, which crawler/facts reads for the rest. Selectors
// have no such fields.
const (
	fieldCapacity = "capacity"  // a number of people
	fieldApplyBy  = "apply_by"  // RFC 3339, or a date: the end of that day
	fieldFormat   = "format"    // in_person, online or hybrid
	fieldApplyURL = "apply_url" // absolute
	fieldPageText = "page_text" // the page's main text, one line per block
)

// maxPageTextRunes bounds the page text read for facts: what a person needs
// to decide is near the top of an event page.
const maxPageTextRunes = 8000

// mainAreas hold an event page's own text, tried in order before the body.
const mainAreas = "main, article, [role=main], #main, #contents, #content, .entry-content"

// notMain are the parts of a page around its text: a side column's 会員専用
// ページ or a footer's other events are not this event's facts.
var notMain = map[string]bool{"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true, "svg": true,
	"select": true, "button": true}

// addPageFacts puts the page's main text and the link it names to register
// (お申込みはこちら) into f, for BuildEvent.
func addPageFacts(f Fields, doc *goquery.Document, pageURL *url.URL) {
	area := doc.Find(mainAreas).First()
	if area.Length() == 0 {
		area = doc.Find("body").First()
	}
	if area.Length() == 0 {
		return
	}
	base := baseURL(doc, pageURL)
	var (
		b     strings.Builder
		links []facts.Link
		walk  func(*html.Node)
	)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if notMain[n.Data] {
				return
			}
			if n.Data == "a" {
				for _, a := range n.Attr {
					if a.Key == "href" {
						if u := resolve(base, a.Val); u != "" {
							links = append(links, facts.Link{Text: normSpace(blockText(n)), URL: u})
						}
					}
				}
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(area.Nodes[0])
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = normSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if text := truncateRunes(strings.Join(lines, "\n"), maxPageTextRunes); text != "" {
		f[fieldPageText] = text
	}
	if u := facts.ApplyLink(links); u != "" && f[fieldApplyURL] == "" {
		f[fieldApplyURL] = u
	}
}

// factsFromFields sets on e the facts f carries as data (from JSON-LD or a
// page's registration link).
func factsFromFields(e *event.Event, f Fields) {
	if n, err := strconv.Atoi(strings.TrimSpace(f[fieldCapacity])); err == nil && n > 0 && n <= 100_000 {
		e.Capacity = n
	}
	if t, ok := deadlineTime(f[fieldApplyBy]); ok {
		e.ApplyBy = t
	}
	if fm := event.Format(f[fieldFormat]); fm.Valid() {
		e.Format = fm
	}
	if u := strings.TrimSpace(f[fieldApplyURL]); absoluteHTTP(u) {
		e.ApplyURL = u
	}
}

// deadlineTime reads a deadline given as data: RFC 3339, a local time, or a
// date (which lasts to 23:59:59 of that day in Tokyo).
func deadlineTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, event.Tokyo); err == nil {
			return t, true
		}
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, event.Tokyo); err == nil {
		return t.Add(24*time.Hour - time.Second), true
	}
	return time.Time{}, false
}

// fillFacts reads with crawler/facts what e's text (and its page's text)
// states and sets each fact e does not have yet: what a reader gave as
// data (connpass's limit, JSON-LD's capacity) wins over what text says. A
// deadline after the event's day is dropped, as a fact that cannot be.
func fillFacts(e *event.Event, pageText string) {
	text := e.Description
	switch {
	case pageText == "":
	case strings.Contains(pageText, strings.TrimSpace(text)):
		text = pageText // the description is the page's main text, or part of it: read once
	default:
		text += "\n" + pageText
	}
	venue := e.Venue
	if venue == "" {
		venue = e.Address
	}
	f := facts.Read(facts.Input{Title: e.Title, Fee: e.Fee, Venue: venue, Text: text, Start: e.StartsAt, Fetched: e.FetchedAt})
	if e.FeeYenMin == nil && e.FeeYenMax == nil {
		e.FeeYenMin, e.FeeYenMax = f.FeeMin, f.FeeMax
	}
	if e.Capacity == 0 {
		e.Capacity = f.Capacity
	}
	if e.ApplyBy.IsZero() {
		e.ApplyBy = f.ApplyBy
	}
	if !e.ApplyBy.IsZero() && !e.StartsAt.IsZero() {
		s := e.StartsAt.In(event.Tokyo)
		if e.ApplyBy.After(time.Date(s.Year(), s.Month(), s.Day(), 23, 59, 59, 0, event.Tokyo)) {
			e.ApplyBy = time.Time{}
		}
	}
	if e.MembersOnly == nil {
		e.MembersOnly = f.MembersOnly
	}
	if e.Format == "" {
		e.Format = event.Format(f.Format)
	}
	if e.ApplyURL == "" {
		e.ApplyURL = f.ApplyURL
	}
}

// ldFacts reads the facts schema.org states as data: maximumAttendeeCapacity,
// eventAttendanceMode, an offer's url and validThrough (when its sale
// ends), and isAccessibleForFree for an event with no offer.
func ldFacts(f Fields, ev map[string]any) {
	if n, ok := ev["maximumAttendeeCapacity"].(float64); ok && n > 0 && n == float64(int(n)) {
		f[fieldCapacity] = strconv.Itoa(int(n))
	} else if s := strings.TrimSpace(str(ev["maximumAttendeeCapacity"])); s != "" {
		f[fieldCapacity] = s
	}
	switch mode := str(ev["eventAttendanceMode"]); {
	case strings.HasSuffix(mode, "MixedEventAttendanceMode"):
		f[fieldFormat] = string(event.Hybrid)
	case strings.HasSuffix(mode, "OnlineEventAttendanceMode"):
		f[fieldFormat] = string(event.Online)
	case strings.HasSuffix(mode, "OfflineEventAttendanceMode"):
		f[fieldFormat] = string(event.InPerson)
	}
	for _, o := range list(ev["offers"]) {
		m, ok := o.(map[string]any)
		if !ok {
			continue
		}
		if u := strings.TrimSpace(str(m["url"])); absoluteHTTP(u) && f[fieldApplyURL] == "" {
			f[fieldApplyURL] = u
		}
		if v := strings.TrimSpace(str(m["validThrough"])); v != "" && f[fieldApplyBy] == "" {
			f[fieldApplyBy] = v
		}
	}
	if v := ev["isAccessibleForFree"]; (v == true || strings.EqualFold(str(v), "true")) && f[FieldFee] == "" {
		f[FieldFee] = "無料"
	}
}
