package crawler

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
		t     pageText
		links []facts.Link
		walk  func(*html.Node)
	)
	t.b.Grow(4096)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			t.write(n.Data)
			return
		case html.ElementNode:
			if notMain[n.Data] {
				return
			}
			if n.Data == "a" {
				for _, a := range n.Attr {
					if a.Key == "href" {
						if u := resolve(base, a.Val); u != "" {
							links = append(links, facts.Link{Text: linkText(n), URL: u})
						}
					}
				}
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			t.newline()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			t.newline()
		}
	}
	walk(area.Nodes[0])
	if text := t.String(); text != "" {
		f[fieldPageText] = text
	}
	if u := facts.ApplyLink(links); u != "" && f[fieldApplyURL] == "" {
		f[fieldApplyURL] = u
	}
}

// pageText writes a page's text one line per block, white space collapsed
// to one space and trimmed at the ends of lines, as blockText does, in one
// pass without a copy per line; it stops at maxPageTextRunes.
type pageText struct {
	b         strings.Builder
	runes     int
	space     bool // a space is due before the next character
	lineStart bool // nothing written on this line yet
}

func (t *pageText) write(s string) {
	if t.b.Len() == 0 {
		t.lineStart = true
	}
	for len(s) > 0 && t.runes < maxPageTextRunes {
		// A run of characters that are not white space is copied at once.
		i := 0
		for i < len(s) {
			if c := s[i]; c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
				(c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3) && spaceAt(s[i:]) {
				break
			}
			i++
		}
		if i > 0 {
			if t.space {
				t.b.WriteByte(' ')
				t.space = false
			}
			n := utf8.RuneCountInString(s[:i])
			if t.runes+n > maxPageTextRunes {
				i, n = cutAt(s[:i], maxPageTextRunes-t.runes), maxPageTextRunes-t.runes
			}
			t.b.WriteString(s[:i])
			t.runes += n
			t.lineStart = false
			s = s[i:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		t.space = !t.lineStart
		s = s[size:]
	}
}

// spaceAt reports whether s starts with a white space character of more
// than one byte (U+3000, U+00A0 …); write asks only at the lead bytes
// they have (C2, E1, E2, E3).
func spaceAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r > 0x7f && unicode.IsSpace(r)
}

// cutAt is the byte offset after the first n runes of s.
func cutAt(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func (t *pageText) newline() {
	if t.b.Len() > 0 && !t.lineStart {
		t.b.WriteByte('\n')
	}
	t.lineStart, t.space = true, false
}

// String is the text, without a line break at its end.
func (t *pageText) String() string { return strings.TrimSuffix(t.b.String(), "\n") }

// linkText is the text of a link, white space collapsed.
func linkText(n *html.Node) string {
	var t pageText
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			t.write(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return t.String()
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

// within reports whether the description d is (as far as its first and
// last 200 bytes tell) part of the page text p: then p alone is read. A
// whole search for d in p cost a tenth of reading the facts.
func within(p, d string) bool {
	const n = 200
	if len(d) <= 2*n {
		return strings.Contains(p, d)
	}
	head, tail := d[:n], d[len(d)-n:]
	i := strings.Index(p, head)
	return i >= 0 && strings.Contains(p[i:], tail)
}

// fillFacts reads with crawler/facts what e's text (and its page's text)
// states and sets each fact e does not have yet: what a reader gave as
// data (connpass's limit, JSON-LD's capacity) wins over what text says. A
// deadline after the event's day is dropped, as a fact that cannot be.
func fillFacts(e *event.Event, pageText string) {
	text := e.Description
	switch {
	case pageText == "":
	case within(pageText, strings.TrimSpace(text)):
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
