package crawler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	stdhtml "html"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// fieldEnd carries an end time read from JSON-LD (endDate); selectors have no
// such field, so it is not among FieldNames.
const fieldEnd = "end"

// fieldURL carries the event's own page named by JSON-LD (url), used when a
// page describes several events.
const fieldURL = "url"

// maxLDEvents bounds the events read from one page's JSON-LD.
const maxLDEvents = 200

// JSONLDFields reads the first schema.org Event (or subtype: BusinessEvent,
// EducationEvent …) in the page's application/ld+json scripts, @graph and
// arrays included, as Fields. It returns nil when the page has none; a script
// that does not decode is skipped.
func JSONLDFields(doc *goquery.Document) Fields {
	evs, _ := JSONLDEvents(doc)
	if len(evs) == 0 {
		return nil
	}
	return evs[0]
}

// ldScripts matches the JSON-LD scripts of a page, compiled once: every
// detail page is searched for them.
var ldScripts = cascadia.MustCompile(`script[type="application/ld+json" i]`)

// JSONLDEvents reads every schema.org Event (or subtype) in the page's
// application/ld+json scripts — top level, arrays, @graph, an ItemList's
// items, a page's mainEntity — as Fields, in page order. A script that does
// not decode is named in problems (the caller adds the page URL) and yields
// nothing: never a guessed event.
func JSONLDEvents(doc *goquery.Document) (evs []Fields, problems []string) {
	for i, script := range ldScriptNodes(doc.Nodes) {
		raw := ldText(nodeText(script))
		if len(raw) == 0 {
			continue
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			problems = append(problems, fmt.Sprintf("JSON-LD script %d does not decode: %v", i+1, err))
			continue
		}
		var found []map[string]any
		findEvents(v, 0, &found)
		for _, ev := range found {
			if len(evs) >= maxLDEvents {
				break
			}
			evs = append(evs, eventFields(ev))
		}
	}
	return evs, problems
}

// ldScriptNodes are the elements below nodes that ldScripts matches, in
// page order, as FindMatcher finds them; only a script element is given to
// the matcher, which most elements of a page are not.
func ldScriptNodes(nodes []*html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" && ldScripts.Match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	return out
}

// ldText is a script's JSON with what sites wrap it in removed (CDATA and
// comment markers) and raw line breaks and tabs, which JSON forbids inside
// strings but many CMS write there, made spaces.
func ldText(s string) []byte {
	s = strings.TrimSpace(s)
	for _, w := range []string{"//<![CDATA[", "<![CDATA[", "<!--"} {
		s = strings.TrimPrefix(s, w)
	}
	for _, w := range []string{"//]]>", "]]>", "-->"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), w)
	}
	b := []byte(strings.TrimSpace(s))
	return bytes.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, b)
}

func findEvents(v any, depth int, out *[]map[string]any) {
	if depth > 10 || len(*out) >= maxLDEvents {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			findEvents(e, depth+1, out)
		}
	case map[string]any:
		if isEventType(x["@type"]) {
			*out = append(*out, x)
			return
		}
		for _, k := range []string{"@graph", "itemListElement", "item", "mainEntity", "about", "subjectOf", "event", "events"} {
			if c, ok := x[k]; ok {
				findEvents(c, depth+1, out)
			}
		}
	}
}

func isEventType(t any) bool {
	switch x := t.(type) {
	case string:
		x = strings.TrimPrefix(strings.TrimPrefix(x, "https://schema.org/"), "http://schema.org/")
		x = strings.TrimPrefix(x, "schema:")
		return x == "Event" || strings.HasSuffix(x, "Event")
	case []any:
		for _, e := range x {
			if isEventType(e) {
				return true
			}
		}
	}
	return false
}

func eventFields(ev map[string]any) Fields {
	f := Fields{}
	set := func(name, v string) {
		if v = normSpace(stdhtml.UnescapeString(v)); v != "" {
			f[name] = v
		}
	}
	set(FieldTitle, str(ev["name"]))
	set(FieldDate, str(ev["startDate"]))
	set(fieldEnd, str(ev["endDate"]))
	if start, end, ok := allDaySpan(f[FieldDate], f[fieldEnd]); ok {
		f[FieldDate] = start
		delete(f, fieldEnd)
		if end != "" {
			f[fieldEnd] = end
		}
	}
	if u := strings.TrimSpace(str(ev["url"])); u != "" {
		f[fieldURL] = u
	}
	if d := htmlText(stdhtml.UnescapeString(str(ev["description"]))); d != "" {
		f[FieldDescription] = truncateRunes(d, maxDescRunes)
	}
	// A Place wins over a VirtualLocation: a hybrid event is where its room is.
	online := false
	for _, loc := range list(ev["location"]) {
		m, ok := loc.(map[string]any)
		if !ok {
			if f[FieldVenue] == "" {
				set(FieldVenue, str(loc))
			}
			continue
		}
		if isType(m["@type"], "VirtualLocation") {
			online = true
			continue
		}
		if f[FieldVenue] == "" && f[FieldAddress] == "" {
			set(FieldVenue, str(m["name"]))
			set(FieldAddress, address(m["address"]))
		}
	}
	status := str(ev["eventStatus"])
	if f[FieldVenue] == "" && f[FieldAddress] == "" && (online || strings.HasSuffix(status, "EventMovedOnline") ||
		strings.HasSuffix(str(ev["eventAttendanceMode"]), "OnlineEventAttendanceMode")) {
		f[FieldVenue] = "オンライン"
	}
	for _, o := range list(ev["organizer"]) {
		if m, ok := o.(map[string]any); ok {
			set(FieldOrganizer, str(m["name"]))
		} else {
			set(FieldOrganizer, str(o))
		}
		if f[FieldOrganizer] != "" {
			break
		}
	}
	set(FieldFee, fee(ev["offers"]))
	ldFacts(f, ev)
	switch {
	case strings.HasSuffix(status, "EventCancelled"):
		f[FieldStatus] = "中止"
	case strings.HasSuffix(status, "EventPostponed"):
		// EventRescheduled is not postponed: its startDate is the new date
		// (previousStartDate the old one), and it takes place then.
		f[FieldStatus] = "延期"
	}
	for _, o := range list(ev["offers"]) {
		if m, ok := o.(map[string]any); ok && strings.HasSuffix(str(m["availability"]), "SoldOut") && f[FieldStatus] != "中止" && f[FieldStatus] != "延期" {
			f[FieldStatus] = "満席"
		}
	}
	return f
}

// fee reads schema.org offers: price and priceCurrency (an AggregateOffer's
// lowPrice), 0 as 無料, several joined with ／.
func fee(offers any) string {
	var fees []string
	for _, o := range list(offers) {
		m, ok := o.(map[string]any)
		if !ok {
			continue
		}
		price := strings.TrimSpace(str(m["price"]))
		if price == "" {
			price = strings.TrimSpace(str(m["lowPrice"]))
		}
		if price == "" {
			continue
		}
		if n, err := strconv.ParseFloat(strings.ReplaceAll(price, ",", ""), 64); err == nil && n == 0 {
			price = "無料"
		} else if c := str(m["priceCurrency"]); c == "JPY" || c == "" {
			price += "円"
		} else {
			price += " " + c
		}
		if n := normSpace(stdhtml.UnescapeString(str(m["name"]))); n != "" {
			price = n + " " + price
		}
		fees = append(fees, price)
	}
	return strings.Join(fees, "／")
}

func isType(t any, name string) bool {
	for _, e := range list(t) {
		if s, ok := e.(string); ok && strings.HasSuffix(s, name) {
			return true
		}
	}
	return false
}

func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

// str is a JSON scalar as text; objects and arrays give "".
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// address joins a PostalAddress the Japanese way: region, locality, street.
func address(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		a := str(x["addressRegion"]) + str(x["addressLocality"]) + str(x["streetAddress"])
		if pc := str(x["postalCode"]); pc != "" && a != "" {
			a = "〒" + strings.TrimPrefix(pc, "〒") + " " + a
		}
		return a
	case []any:
		if len(x) > 0 {
			return address(x[0])
		}
	}
	return ""
}

// runJSONLD crawls a kind jsonld source: the start pages and the list.next
// pages after them are list pages; the links list.link finds on them (within
// list.item when given) are event pages whose JSON-LD is read. Without
// list.link the start pages themselves carry the events' JSON-LD.
func (s *session) runJSONLD(ctx context.Context, em *emitter) error {
	queue := append([]string(nil), s.src.StartURLs...)
	var links []string
	linked := map[string]bool{}
	var firstErr error
	for len(queue) > 0 && ctx.Err() == nil {
		u := queue[0]
		queue = queue[1:]
		p, err := s.fetchPage(ctx, u)
		if errors.Is(err, errBudget) {
			break
		}
		if err != nil {
			if firstErr == nil && !errors.Is(err, errSeen) {
				firstErr = err
			}
			continue
		}
		base := baseURL(p.doc, p.url)
		if s.src.List.Link == "" {
			s.ldEvents(ctx, em, p)
		} else {
			var found []string
			if s.src.List.Item != "" {
				for _, it := range ExtractList(p.doc, p.url, s.src.List).Items {
					if it.Link != "" {
						found = append(found, it.Link)
					}
				}
			} else if sel, _, err := parseSelector(s.src.List.Link); err == nil {
				found = readLinks(p.doc.Selection, sel, base)
			}
			if len(found) == 0 {
				s.problem("%s: list.link %q matched nothing", p.url, s.src.List.Link)
			}
			for _, l := range found {
				if !linked[l] {
					linked[l] = true
					links = append(links, l)
				}
			}
		}
		if sel, _, err := parseSelector(s.src.List.Next); s.src.List.Next != "" && err == nil {
			queue = append(queue, readLinks(p.doc.Selection, sel, base)...)
		}
	}
	if s.rep.Pages == 0 {
		if firstErr == nil {
			firstErr = errors.New("no list page fetched")
		}
		return firstErr
	}
	for _, l := range links {
		if ctx.Err() != nil {
			break
		}
		lu, err := url.Parse(l)
		if err != nil || !s.src.hostAllowed(lu.Hostname()) {
			s.problem("%s: event page outside allowed_domains: not fetched", l)
			continue
		}
		p, err := s.fetchPage(ctx, l)
		if errors.Is(err, errBudget) {
			break
		}
		if err != nil {
			continue
		}
		s.ldEvents(ctx, em, p)
	}
	return nil
}

// fetchPage claims budget for u and fetches it as HTML.
func (s *session) fetchPage(ctx context.Context, u string) (*page, error) {
	ok, err := s.claim(u)
	if errors.Is(err, errBudget) {
		s.problem("max_pages %d reached: %s not fetched", s.src.MaxPages, u)
		return nil, err
	}
	if !ok {
		return nil, errSeen
	}
	return s.fetch(ctx, u)
}

// ldEvents publishes the JSON-LD events of one page. Broken JSON-LD is a
// problem of that page; a page with no event is one too.
func (s *session) ldEvents(ctx context.Context, em *emitter, p *page) {
	evs, problems := JSONLDEvents(p.doc)
	for _, pr := range problems {
		s.problem("%s: %s", p.url, pr)
		s.log.Warn("broken JSON-LD", "source", s.src.ID, "url", p.url.String(), "err", pr)
	}
	if len(evs) == 0 {
		if len(problems) == 0 {
			s.problem("%s: no schema.org Event in JSON-LD", p.url)
		}
		return
	}
	for _, f := range evs {
		pageURL, own := p.url.String(), true
		if u := resolve(p.url, f[fieldURL]); u != "" {
			pageURL = u
		} else if len(evs) > 1 {
			own = false // several events share the page: the title tells them apart
		}
		e, notes, err := buildEvent(s.src, pageURL, own, f, p.fetched)
		for _, n := range notes {
			s.problem("%s", n)
		}
		if err != nil {
			if errors.Is(err, ErrUnreadableDate) {
				s.mu.Lock()
				s.rep.UnreadableDates++
				s.mu.Unlock()
			}
			s.problem("%v", err)
			continue
		}
		em.emit(ctx, e)
	}
}

// allDaySpan reads the way WordPress event plugins write an all-day event in
// JSON-LD, from 00:00:00 of its first day to 23:59(:59) of its last, as the
// dates alone; end is "" for one day. ok is false for any other span.
func allDaySpan(start, end string) (startDate, endDate string, ok bool) {
	s, err := time.Parse(time.RFC3339, start)
	if err != nil {
		return "", "", false
	}
	e, err := time.Parse(time.RFC3339, end)
	if err != nil || e.Before(s) {
		return "", "", false
	}
	if s.Hour() != 0 || s.Minute() != 0 || s.Second() != 0 || e.Hour() != 23 || e.Minute() != 59 {
		return "", "", false
	}
	startDate = s.Format(time.DateOnly)
	if d := e.Format(time.DateOnly); d != startDate {
		endDate = d
	}
	return startDate, endDate, true
}
