package crawler

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"kouryu/crawler/area"
	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// Fields holds the text read for each field name (FieldNames): white space
// normalised, the description as plain text with one line per block.
type Fields map[string]string

// ListItem is one event block of a list page.
type ListItem struct {
	Link   string // the event's own page, absolute; "" when it has none
	Fields Fields
	// Whole says the block is the whole event (kind auto): its fields are
	// read from the list, and Link — a flyer, a form, a page on another
	// site — is its URL but not read.
	Whole bool
}

// ListPage is what one list page yields.
type ListPage struct {
	Items    []ListItem
	Next     []string  // further list pages, absolute
	Problems []string  // selectors that matched nothing, for the operator
	Refused  []Refusal // blocks kind auto found and left out, with the reason
	// Feeds are the iCalendar, RSS and Atom feeds the page advertises
	// (kind auto), absolute.
	Feeds []Feed
}

// Feed is a feed a page advertises.
type Feed struct {
	URL  string
	ICal bool // iCalendar; else RSS or Atom
}

// ErrUnreadableDate is wrapped by BuildEvent when an event's date is missing
// or the Japanese date parser cannot read it: the crawl counts it as a problem
// of the source, not as an event.
var ErrUnreadableDate = errors.New("crawler: unreadable date")

// ExtractList reads the events of a list page: one ListItem per element
// matched by spec.Item (with spec.Until, that element and its next siblings
// up to the next block), with spec.Fields read inside it and spec.Link
// resolved against the page's URL (or its <base href>). It never fails:
// what the selectors do not find is reported in Problems.
func ExtractList(doc *goquery.Document, pageURL *url.URL, spec ListSpec) ListPage {
	var out ListPage
	base := baseURL(doc, pageURL)
	itemSel, _, err := parseSelector(spec.Item)
	if err != nil {
		out.Problems = append(out.Problems, fmt.Sprintf("%s: list.item: %v", pageURL, err))
		return out
	}
	items := find(doc.Selection, itemSel)
	if items.Length() == 0 {
		out.Problems = append(out.Problems, fmt.Sprintf("%s: list.item %q matched nothing", pageURL, spec.Item))
	}
	missing := map[string]int{}
	linkMissing := 0
	sels := compileFields(spec.Fields, missing)
	linkSel, _, linkErr := parseSelector(spec.Link)
	ym := yearMonthOf(pageURL, spec.YearFrom)
	if spec.YearFrom == "" {
		ym = yearMonth{}
	}
	findIn := find
	var until selector
	if spec.Until != "" {
		until, _, _ = parseSelector(spec.Until) // checked by Source.faults
		if until.css != nil {
			findIn = findBlock
		}
	}
	items.Each(func(_ int, it *goquery.Selection) {
		if until.css != nil {
			it = it.AddNodes(blockSiblings(it.Nodes[0], itemSel, until)...)
		}
		li := ListItem{Fields: readFieldsWith(it, sels, missing, findIn)}
		if d := li.Fields[FieldDate]; d != "" {
			li.Fields[FieldDate] = withYear(d, ym)
		}
		if spec.Link != "" && linkErr == nil {
			if links := readLinksWith(it, linkSel, base, findIn); len(links) > 0 {
				li.Link = links[0]
			} else {
				linkMissing++
			}
		}
		out.Items = append(out.Items, li)
	})
	n := items.Length()
	for _, name := range sortedKeys(spec.Fields) {
		if c := missing[name]; c > 0 {
			out.Problems = append(out.Problems, fmt.Sprintf("%s: list.fields.%s %q matched nothing in %d of %d items", pageURL, name, spec.Fields[name], c, n))
		}
	}
	if linkMissing > 0 {
		out.Problems = append(out.Problems, fmt.Sprintf("%s: list.link %q matched nothing in %d of %d items", pageURL, spec.Link, linkMissing, n))
	}
	if next, _, err := parseSelector(spec.Next); spec.Next != "" && err == nil {
		out.Next = readLinks(doc.Selection, next, base)
	}
	return out
}

// ExtractDetail reads fields from an event's own page. Missing names, in
// order, the fields whose selectors matched nothing; a crawl sums them over
// its event pages, since a field such as fee is often absent from a few.
func ExtractDetail(doc *goquery.Document, fields map[string]string) (f Fields, missing []string) {
	miss := map[string]int{}
	f = readFields(doc.Selection, compileFields(fields, miss), miss)
	for _, name := range sortedKeys(fields) {
		if miss[name] > 0 {
			missing = append(missing, name)
		}
	}
	return f, missing
}

// Merge returns list's fields overlaid with detail's: detail fields win where
// they found something.
func Merge(list, detail Fields) Fields {
	out := make(Fields, len(list)+len(detail))
	for k, v := range list {
		out[k] = v
	}
	for k, v := range detail {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// BuildEvent makes the event of src found at pageURL from its fields, read
// at fetched (the reference for dates without a year). ownPage says whether
// pageURL is the event's own page; when it is not (a list without links), the
// title is part of the id. The event is normalised and validated; a missing
// or unreadable date is an error wrapping ErrUnreadableDate. Its text is
// cleaned and cut to the field limits (a crawl names each cut: buildEvent).
func BuildEvent(src *Source, pageURL string, ownPage bool, f Fields, fetched time.Time) (event.Event, error) {
	e, _, err := buildEvent(src, pageURL, ownPage, f, fetched)
	return e, err
}

// titleHours is hours written after an event's name, apart from it: 朝活
// モーニング交流会 7:30〜9:00. Its group is the start.
var titleHours = regexp.MustCompile(`[\s　]+([0-9０-９]{1,2}[:：][0-9０-９]{2})\s*[〜～~\-－]\s*(?:[0-9０-９]{1,2}[:：][0-9０-９]{2})?$`)

// withoutHours is title without the hours written after its name when the
// event starts at them: they are its time, read with its date, not part of
// its name.
func withoutHours(title string, span jpdate.Span) string {
	m := titleHours.FindStringSubmatchIndex(title)
	if m == nil || m[0] == 0 || span.AllDay {
		return title
	}
	at, err := jpdate.ParseTime(title[m[2]:m[3]], span.Start)
	if err != nil || !at.Start.Equal(span.Start) {
		return title
	}
	return title[:m[0]]
}

// buildEvent is BuildEvent with notes naming the fields cut to their
// limits, for the crawl's problems.
func buildEvent(src *Source, pageURL string, ownPage bool, f Fields, fetched time.Time) (ev event.Event, notes []string, err error) {
	title := f[FieldTitle]
	if title == "" {
		return event.Event{}, nil, fmt.Errorf("%s: no title", pageURL)
	}
	span, err := parseDate(f[FieldDate], f[FieldTime], fetched)
	if err != nil {
		return event.Event{}, nil, fmt.Errorf("%s: %q: %w", pageURL, title, err)
	}
	if end := f[fieldEnd]; end != "" && span.End.IsZero() {
		if es, err := jpdate.Parse(end, fetched); err == nil && es.Start.After(span.Start) {
			span.End = es.Start
		}
	}
	e := event.Event{
		Source:      src.ID,
		URL:         pageURL,
		Title:       withoutHours(title, span),
		Description: f[FieldDescription],
		StartsAt:    span.Start,
		EndsAt:      span.End,
		AllDay:      span.AllDay,
		Venue:       f[FieldVenue],
		Address:     f[FieldAddress],
		Organizer:   f[FieldOrganizer],
		Fee:         f[FieldFee],
		Status:      statusOf(f[FieldStatus], title),
		FetchedAt:   fetched,
	}
	factsFromFields(&e, f)
	titleKey := ""
	if !ownPage {
		titleKey = title
	}
	return finishEventWith(src, e, titleKey, f[fieldPageText])
}

// finishEvent gives e its place and area from its own text (placeOf: the
// address, the venue, the place lines of the description, the title; the
// source's area only when none names a place), the facts its text states
// (fillFacts), its id, and normalises and validates it. An event with
// neither venue nor address takes them from the place lines of its
// description. titleKey is the title when the event has no page of its
// own. Its text is cleaned and cut to the field limits (limitFields); notes
// name what was cut, for the crawl's problems. A URL past maxURLBytes, or
// one net/url refuses (a control character in it), is an error.
func finishEvent(src *Source, e event.Event, titleKey string) (event.Event, []string, error) {
	return finishEventWith(src, e, titleKey, "")
}

// venueNote is a note in brackets after a venue's name, no part of it: a
// sentence (（申込者にご連絡します）, （Zoomでのオンライン参加もできます）),
// or that the event is streamed too (（オンライン同時配信あり）).
// (貸切) stays: it says the place is the group's that evening.
var venueNote = regexp.MustCompile(`[\s　]*[（(][^（）()]*(?:ます|ください|下さい|配信あり|配信有り|配信も?あり|併用)[）)]$`)

// venueTown is a bracket after a venue's name that holds where it is, a
// municipality and its town without a number: （東大阪市川俣）.
var venueTown = regexp.MustCompile(`^(.+?)[\s　]*[（(]([^（）()0-9０-９]{3,14})[）)]$`)

// cutVenueTown splits such a bracket off a venue: the town is its address.
func cutVenueTown(v string) (venue, town string) {
	if !strings.HasSuffix(v, "）") && !strings.HasSuffix(v, ")") {
		return v, ""
	}
	m := venueTown.FindStringSubmatch(v)
	if m == nil {
		return v, ""
	}
	a := area.Lookup(m[2])
	if a == "" || a == area.Online || !strings.HasPrefix(m[2], a) {
		return v, ""
	}
	return m[1], m[2]
}

// finishEventWith is finishEvent with the text of the event's page, read
// for facts beside the description.
func finishEventWith(src *Source, e event.Event, titleKey, pageText string) (event.Event, []string, error) {
	if len(e.URL) > maxURLBytes {
		return event.Event{}, nil, fmt.Errorf("%q: %q: url of %d bytes is longer than %d", cutRunes(e.URL, 80), cutRunes(e.Title, 60), len(e.URL), maxURLBytes)
	}
	if _, err := url.Parse(e.URL); err != nil {
		return event.Event{}, nil, fmt.Errorf("%q: %q: url: %w", e.URL, cutRunes(e.Title, 60), err)
	}
	if undecidedPlace(e.Venue) {
		e.Venue = "" // 会場 調整中, from a list's row or a selector: no place yet
	}
	e.Venue = strings.TrimSpace(venueNote.ReplaceAllString(e.Venue, ""))
	if v, town := cutVenueTown(e.Venue); town != "" {
		e.Venue = v
		if e.Address == "" {
			e.Address = town
		}
	}
	if e.Venue == "" && e.Address == "" {
		e.Venue, e.Address = placeFields(e.Description)
	}
	notes := limitFields(&e)
	if e.Area == "" {
		e.Area = areaOf(src, placeOf(e))
	}
	if e.Venue == "" && e.Address == "" {
		if said := onlineIfSaid(e.Description); said != "" {
			e.Venue = "オンライン"
		}
	}
	fillFacts(&e, pageText)
	if _, err := url.Parse(e.ApplyURL); len(e.ApplyURL) > maxURLBytes || err != nil {
		notes = append(notes, fmt.Sprintf("%s: %q: apply_url left out (%d bytes, or not a URL)", e.URL, cutRunes(e.Title, 60), len(e.ApplyURL)))
		e.ApplyURL = ""
	}
	e.ID = event.ID(src.ID, e.URL, e.StartsAt, titleKey)
	e.Normalize()
	if err := e.Validate(); err != nil {
		return event.Event{}, nil, fmt.Errorf("%s: %q: %w", e.URL, e.Title, err)
	}
	return e, notes, nil
}

// parseDate reads the date with jpdate and, when the time stands apart,
// applies it to that day with jpdate.ParseTime. A time it cannot read leaves
// the event a whole-day one: the day is still right. A reading jpdate marks
// ErrAmbiguous (a bare 7時, a day without its month) is used only when the
// time field does not decide it.
func parseDate(date, clock string, ref time.Time) (jpdate.Span, error) {
	if date == "" {
		return jpdate.Span{}, fmt.Errorf("%w: no date found", ErrUnreadableDate)
	}
	span, err := jpdate.Parse(date, ref)
	guessed := errors.Is(err, jpdate.ErrAmbiguous)
	if (guessed || errors.Is(err, jpdate.ErrWeekday)) && !span.Start.IsZero() {
		// The written date is kept; a wrong weekday is the page's typo.
		err = nil
	}
	if err != nil {
		return jpdate.Span{}, fmt.Errorf("%w: date %q: %v", ErrUnreadableDate, date, err)
	}
	if clock != "" && (span.AllDay || guessed) {
		if t, err := jpdate.ParseTime(clock, span.Start); err == nil || span.AllDay && errors.Is(err, jpdate.ErrAmbiguous) {
			// Days 12日～13日 and hours 10:00～17:00 apart: the hours are
			// each day's, so the event ends on its last day.
			if days := calendarDays(span.Start, span.End); days > 0 && !t.End.IsZero() {
				t.End = t.End.AddDate(0, 0, days)
				if end, ok := lastDayEnd(clock, t.End); ok {
					// 10:00～17:00（12日は16:00まで）: the last day ends
					// earlier.
					t.End = end
				}
			}
			return t, nil
		}
	}
	return span, nil
}

// lastDayNote is a note on the hours of one day of several: 12日は16:00まで,
// 最終日は15時まで.
var lastDayNote = regexp.MustCompile(`(?:([0-9０-９]{1,2})日|最終日)(?:\s*[（(][月火水木金土日][）)])?\s*は\s*((?:午前|午後)?\s*[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|時(?:\s*[0-9０-９]{1,2}\s*分|半)?))\s*(?:まで|終了)`)

// lastDayEnd reads from hours the end of the last day when a note says it
// differs (10:00～17:00（12日は16:00まで）); end is the last day's end the
// hours give.
func lastDayEnd(clock string, end time.Time) (time.Time, bool) {
	m := lastDayNote.FindStringSubmatch(clock)
	if m == nil {
		return time.Time{}, false
	}
	if m[1] != "" {
		d, err := strconv.Atoi(toHalfWidth(m[1]))
		if err != nil || d != end.Day() {
			return time.Time{}, false // another day's hours
		}
	}
	day := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, end.Location())
	t, err := jpdate.ParseTime(m[2], day)
	if err != nil || t.Start.IsZero() || !t.Start.Before(end) {
		return time.Time{}, false
	}
	return t.Start, true
}

// calendarDays counts the days from start's date to end's, 0 when end is
// zero or on the same day.
func calendarDays(start, end time.Time) int {
	if end.IsZero() {
		return 0
	}
	s := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	e := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	return max(0, int(e.Sub(s).Hours()/24))
}

// statusOf reads the status from the status field, or else from the title
// (【中止】…). The description is not read: 雨天中止 there is a condition,
// not the status.
func statusOf(status, title string) event.Status {
	if st, ok := statusIn(status); ok || status != "" {
		return st
	}
	st, _ := statusIn(title)
	return st
}

// capacityCount is the number a page writes after 定員 (定員（40名）に達した):
// taken out, the words read as 定員に達した.
var capacityCount = regexp.MustCompile(`定員\s*[（(][^）)]{1,10}[）)]`)

// statusWords map what pages write to a status, in the order they are tried:
// a cancelled event that was full is cancelled.
var statusWords = []struct {
	word   string
	status event.Status
}{
	{"中止", event.StatusCancelled},
	{"開催見送り", event.StatusCancelled},
	{"見送り", event.StatusCancelled},
	{"取りやめ", event.StatusCancelled},
	{"取り止め", event.StatusCancelled},
	{"キャンセルされ", event.StatusCancelled},
	{"キャンセル済", event.StatusCancelled},
	{"cancelled", event.StatusCancelled},
	{"canceled", event.StatusCancelled},
	{"延期", event.StatusPostponed},
	{"postponed", event.StatusPostponed},
	{"満席", event.StatusFull},
	{"満員", event.StatusFull},
	{"定員に達し", event.StatusFull},
	{"定員になり", event.StatusFull},
	{"キャンセル待ち", event.StatusFull},
	{"sold out", event.StatusFull},
	{"全席完売", event.StatusFull}, // not 早割チケットは完売: one kind of ticket
	{"完売御礼", event.StatusFull},
}

// A closed application (受付終了, 募集終了, 申込受付を終了しました) says no more
// than that the deadline has passed, or the call for exhibitors closed: the
// event is full only when the page says it filled (満席, 定員に達し…).

// conditional marks a status word that only states a rule (中止の場合は…,
// 雨天中止, 延期する場合がございます), not what became of the event, or
// that names the meeting this one makes up for (12月15日中止分の振替講話).
var conditionalAfter = []string{"次第", "の場合", "する場合", "となる場合", "になる場合", "とする場合", "の際", "・延期の場合", "または延期", "することが", "となることが", "になることが", "も", "等の", "などの",
	"分の", "となった回の", "になった回の", "の振替", "の代わり"}
var conditionalBefore = []string{"雨天", "荒天", "悪天候", "場合は", "場合には", "やむを得ず", "により"}

// statusIn reads a status in text; ok is false when the text names none.
func statusIn(text string) (event.Status, bool) {
	lower := strings.ToLower(capacityCount.ReplaceAllString(text, "定員"))
	for _, sw := range statusWords {
		rest := lower
		for {
			i := strings.Index(rest, sw.word)
			if i < 0 {
				break
			}
			before, after := rest[:i], rest[i+len(sw.word):]
			if !hasAnyPrefix(after, conditionalAfter) && !hasAnySuffix(before, conditionalBefore) {
				return sw.status, true
			}
			rest = after
		}
	}
	return event.StatusScheduled, false
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// baseURL is the page URL, or its <base href> resolved against it.
func baseURL(doc *goquery.Document, pageURL *url.URL) *url.URL {
	if n := firstMatch(doc.Nodes, baseHref); n != nil {
		if b, err := url.Parse(attr(n, "href")); err == nil {
			return pageURL.ResolveReference(b)
		}
	}
	return pageURL
}

// baseHref matches <base href>, compiled once: every page is searched for it.
var baseHref = cascadia.MustCompile("base[href]")

func find(ctx *goquery.Selection, sel selector) *goquery.Selection {
	if sel.css == nil {
		return ctx
	}
	return ctx.FindMatcher(sel.css)
}

// findBlock is find in the elements of a block (list.until): the elements
// themselves and their descendants that match, in document order.
func findBlock(block *goquery.Selection, sel selector) *goquery.Selection {
	if sel.css == nil {
		return block
	}
	var nodes []*html.Node
	for _, n := range block.Nodes {
		nodes = append(nodes, sel.css.MatchAll(n)...)
	}
	out := block.Slice(0, 0) // shares block's array: given its own below
	out.Nodes = nodes
	return out
}

// blockSiblings are the elements after first that belong to its block:
// its next siblings up to the first that until or item matches.
func blockSiblings(first *html.Node, item, until selector) []*html.Node {
	var out []*html.Node
	for c := first.NextSibling; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if until.css.Match(c) || item.css != nil && item.css.Match(c) {
			break
		}
		out = append(out, c)
	}
	return out
}

// compileFields parses each field's selector once per page; a malformed one
// (which a validated source does not have) counts as missing on every item.
func compileFields(specs map[string]string, missing map[string]int) map[string]selector {
	sels := make(map[string]selector, len(specs))
	for name, spec := range specs {
		sel, _, err := parseSelector(spec)
		if err != nil {
			missing[name]++
			continue
		}
		sels[name] = sel
	}
	return sels
}

// readFields reads each field selector inside ctx; missing counts the fields
// that found nothing.
func readFields(ctx *goquery.Selection, sels map[string]selector, missing map[string]int) Fields {
	return readFieldsWith(ctx, sels, missing, find)
}

// readFieldsWith is readFields matching each selector with findIn.
func readFieldsWith(ctx *goquery.Selection, sels map[string]selector, missing map[string]int, findIn func(*goquery.Selection, selector) *goquery.Selection) Fields {
	f := Fields{}
	for name, sel := range sels {
		matches := findIn(ctx, sel)
		v := readValue(matches, sel.attr, name == FieldDescription)
		if v == "" {
			missing[name]++
			continue
		}
		if lv := labelledValue(matches, sel.attr, name); lv != "" {
			v = lv
		}
		f[name] = v
	}
	return f
}

// labelledValue reads field name from 【】-headed or 「label：value」 lines
// of the first match, for a selector that can only pick the block holding
// them all (【日時】…<br>【会場】… in one paragraph of a post); "" when the
// block has no such line, or the field is the title or the description.
func labelledValue(matches *goquery.Selection, attr, name string) string {
	if attr != "" || name == FieldTitle || name == FieldDescription || matches.Length() == 0 {
		return ""
	}
	text := blockText(matches.Nodes[0])
	if !strings.Contains(text, "\n") {
		return ""
	}
	lt := labelledText(text)
	if name == FieldDate && lt[FieldDate] != "" && lt[FieldTime] != "" {
		return lt[FieldDate] + " " + lt[FieldTime] // 日付：12月3日 / 時間：18:30～
	}
	return lt[name]
}

// readValue is the first non-empty attribute or text of the matches; for
// a description, the text of every match, one line per block.
func readValue(matches *goquery.Selection, attr string, multiline bool) string {
	if attr != "" {
		for _, n := range matches.Nodes {
			for _, a := range n.Attr {
				if a.Key == attr {
					if v := normSpace(a.Val); v != "" {
						return v
					}
				}
			}
		}
		return ""
	}
	if multiline {
		var parts []string
		for _, n := range matches.Nodes {
			if t := blockText(n); t != "" {
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, "\n")
	}
	for _, n := range matches.Nodes {
		if t := normSpace(strings.ReplaceAll(blockText(n), "\n", " ")); t != "" {
			return t
		}
	}
	return ""
}

// readLinks resolves the links a selector finds (href when it names no
// attribute) against base with net/url, keeping http(s) links only.
func readLinks(ctx *goquery.Selection, sel selector, base *url.URL) []string {
	return readLinksWith(ctx, sel, base, find)
}

// readLinksWith is readLinks matching the selector with findIn.
func readLinksWith(ctx *goquery.Selection, sel selector, base *url.URL, findIn func(*goquery.Selection, selector) *goquery.Selection) []string {
	attr := sel.attr
	if attr == "" {
		attr = "href"
	}
	var out []string
	for _, n := range findIn(ctx, sel).Nodes {
		for _, a := range n.Attr {
			if a.Key != attr {
				continue
			}
			if u := resolve(base, a.Val); u != "" {
				out = append(out, u)
			}
		}
	}
	return out
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	u := base.ResolveReference(r)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// normSpace collapses every run of white space (full-width too) to one
// ASCII space, trims the ends and replaces invalid UTF-8.
func normSpace(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, "\uFFFD"), unicode.IsSpace), " ")
}

var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "tr": true, "td": true, "th": true, "ul": true,
}

// ownLine says whether an inline element is read as a line of its own: the
// address, the note or the map link a page sets after a value in the same
// block (例ホール<span class="address">大阪市…</span><a class="map">Google
// Mapで見る</a>), which styles, not line breaks, keep apart. Glued to the
// value, they would read as part of it. So is a card's description under
// its name (<span class="LinkCard_title__Q2vRs">12/18(金) 忘年会</span><span
// class="LinkCard_desc__u9TeN">19:00〜…</span>).
func ownLine(n *html.Node) bool {
	switch n.Data {
	case "span", "small", "a", "em", "i":
	default:
		return false
	}
	if strings.Contains(strings.ToLower(attr(n, "itemprop")), "address") {
		return true
	}
	if n.Data == "a" && mapsLink.MatchString(attr(n, "href")) {
		return true
	}
	words := idClassWords(n)
	for _, w := range []string{"address", "addr", "note", "map", "desc", "description"} {
		if has(words, w) {
			return true
		}
	}
	return false
}

// mapsLink is a link to a place on a map service.
var mapsLink = regexp.MustCompile(`^https?://(?:maps\.google\.|www\.google\.[a-z.]+/maps|google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|map\.yahoo\.co\.jp)`)

// blockText is the plain text of n: scripts and styles left out, one line per
// block element (and per inline element that is a line of its own, ownLine),
// white space normalised within each line.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "iframe", "svg":
				return
			}
		}
		block := n.Type == html.ElementNode && (blockElements[n.Data] || ownLine(n))
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
	walk(n)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = normSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
