package crawler

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

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

// mainAreas hold an event page's own text: the first element in the page
// that is one of them, else the body. Compiled once: every event page is
// searched for them.
var (
	mainAreas = cascadia.MustCompile("main, article, [role=main], #main, #contents, #content, .entry-content")
	bodyArea  = cascadia.MustCompile("body")
)

// notMain are the parts of a page around its text: a side column's 会員専用
// ページ or a footer's other events are not this event's facts.
var notMain = map[string]bool{"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true, "svg": true,
	"select": true, "button": true}

// notMainNode and blockNode are notMain[n.Data] and
// blockElements[n.Data], told by the element's atom where the parser gave
// it one: addPageFacts asks for every element of the page's main part.
func notMainNode(n *html.Node) bool {
	switch n.DataAtom {
	case 0:
		return notMain[n.Data]
	case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Script, atom.Style, atom.Noscript,
		atom.Template, atom.Iframe, atom.Svg, atom.Select, atom.Button:
		return true
	}
	return false
}

func blockNode(n *html.Node) bool {
	switch n.DataAtom {
	case 0:
		return blockElements[n.Data]
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Br, atom.Dd, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Header, atom.Hr, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Ul:
		return true
	}
	return false
}

// addPageFacts puts the page's main text and the link it names to register
// (お申込みはこちら) into f, for BuildEvent.
func addPageFacts(f Fields, doc *goquery.Document, pageURL *url.URL) {
	area := firstMatch(doc.Nodes, mainAreas)
	if area == nil {
		area = firstMatch(doc.Nodes, bodyArea)
	}
	if area == nil {
		return
	}
	var (
		t     pageText
		base  *url.URL // the page's base, read at its first link
		apply string   // the first link that leads to a registration
		walk  func(*html.Node)
	)
	buf := pageTextBufs.Get().(*[]byte)
	t.b = (*buf)[:0]
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			t.write(n.Data)
			return
		case html.ElementNode:
			if notMainNode(n) {
				return
			}
			if n.Data == "a" && apply == "" {
				apply = applyLink(n, &base, doc, pageURL)
			}
		}
		block := n.Type == html.ElementNode && blockNode(n)
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
	walk(area)
	text := t.String()
	*buf = t.b[:0]
	pageTextBufs.Put(buf)
	if text != "" {
		f[fieldPageText] = text
	}
	if apply != "" && f[fieldApplyURL] == "" {
		f[fieldApplyURL] = apply
	}
}

// applyLink is the URL of the link a when it leads to a registration
// (facts.ApplyLink), else "". Its text is read first: the URL is resolved
// (against the page's base, read once into *base) only for a link whose
// text says so, since most links of a page do not.
func applyLink(a *html.Node, base **url.URL, doc *goquery.Document, pageURL *url.URL) string {
	text, read := "", false
	for _, at := range a.Attr {
		if at.Key != "href" {
			continue
		}
		if !read {
			text, read = linkText(a), true
			if !facts.ApplyLinkText(text) {
				return ""
			}
		}
		if *base == nil {
			*base = baseURL(doc, pageURL)
		}
		if u := resolve(*base, at.Val); u != "" {
			if found := facts.ApplyLink([]facts.Link{{Text: text, URL: u}}); found != "" {
				return found
			}
		}
	}
	return ""
}

// firstMatch is the first descendant of nodes in document order that m
// matches, as Find(…).First() but without collecting every match; nil when
// none does.
func firstMatch(nodes []*html.Node, m cascadia.Matcher) *html.Node {
	for _, n := range nodes {
		if found := cascadia.Query(n, m); found != nil {
			return found
		}
	}
	return nil
}

// pageText writes a page's text one line per block, white space collapsed
// to one space and trimmed at the ends of lines, as blockText does, in one
// pass without a copy per line; it stops at maxPageTextRunes.
type pageText struct {
	b         []byte
	runes     int
	space     bool // a space is due before the next character
	lineStart bool // nothing written on this line yet
}

func (t *pageText) write(s string) {
	if len(t.b) == 0 {
		t.lineStart = true
	}
	for len(s) > 0 && t.runes < maxPageTextRunes {
		// A run of characters that are not white space is copied at once;
		// n counts its runes as utf8.RuneCountInString does (a byte that
		// does not decode is one).
		i, n := 0, 0
	run:
		for ; i < len(s); n++ {
			c := s[i]
			if c >= 0xE3 && c <= 0xEF && c != 0xED && i+2 < len(s) {
				// Kana, kanji, Japanese punctuation, full-width forms:
				// three bytes that need no more check than that the two
				// after the first continue it, and none of them white
				// space but U+3000 (E3 80 80).
				if c1, c2 := s[i+1], s[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c != 0xE3 || c1 != 0x80 || c2 != 0x80) {
					i += 3
					continue
				}
			}
			switch {
			case c < utf8.RuneSelf:
				if asciiSpace[c] {
					break run
				}
				i++
			case spaceAt(s[i:]):
				break run
			default:
				_, size := utf8.DecodeRuneInString(s[i:])
				i += size
			}
		}
		if i > 0 {
			if t.space {
				t.b = append(t.b, ' ')
				t.space = false
			}
			if t.runes+n > maxPageTextRunes {
				i, n = cutAt(s[:i], maxPageTextRunes-t.runes), maxPageTextRunes-t.runes
			}
			t.b = append(t.b, s[:i]...)
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

// asciiSpace marks the ASCII white space write collapses.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true, '\v': true}

// spaceAt reports whether s starts with a white space character of more
// than one byte: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
// U+202F, U+205F or U+3000, the runes above 0x7f unicode.IsSpace names,
// told by their bytes. Most of Japanese text is kana and punctuation
// (E3 81–83 …), which the second byte rules out.
func spaceAt(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case 0xC2:
		return s[1] == 0x85 || s[1] == 0xA0
	case 0xE1:
		return len(s) > 2 && s[1] == 0x9A && s[2] == 0x80
	case 0xE2:
		if len(s) < 3 {
			return false
		}
		c := s[2]
		return s[1] == 0x80 && (c >= 0x80 && c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF) || s[1] == 0x81 && c == 0x9F
	case 0xE3:
		return len(s) > 2 && s[1] == 0x80 && s[2] == 0x80
	}
	return false
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
	if len(t.b) > 0 && !t.lineStart {
		t.b = append(t.b, '\n')
	}
	t.lineStart, t.space = true, false
}

// String is the text, without a line break at its end.
func (t *pageText) String() string { return string(bytes.TrimSuffix(t.b, []byte("\n"))) }

// pageTextBufs hold the buffers addPageFacts writes a page's text in: the
// text is copied out at its size, and the buffer, grown to what pages
// need, serves the next page.
var pageTextBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

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
	i := indexLong(p, head)
	return i >= 0 && indexLong(p[i:], tail) >= 0
}

// indexLong is strings.Index(s, sub) for a sub of 32 bytes or more: it
// looks for sub's first 32 bytes, which the vector search takes at once,
// and tries sub at each place they are. strings.Index falls back on a
// hash of every window of s for a sub that long in Japanese text, whose
// first byte is in most characters.
func indexLong(s, sub string) int {
	const k = 32
	for off := 0; ; {
		j := strings.Index(s[off:], sub[:k])
		if j < 0 {
			return -1
		}
		j += off
		if strings.HasPrefix(s[j:], sub) {
			return j
		}
		off = j + 1
	}
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
