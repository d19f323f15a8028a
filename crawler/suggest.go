package crawler

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"kouryu/internal/event"
)

// Suggestion is what Suggest makes of a site's page: a sources.yaml entry
// an operator can add, and why it is what it is.
type Suggestion struct {
	// Source is the entry: id and name from the site, the kind detected,
	// the page as its start URL and, for kind auto, the selectors auto
	// inferred (empty where they could not be pinned).
	Source Source
	// Detected says, in words, what the page is: a feed, a page of
	// schema.org Events, a list auto reads.
	Detected string
	// Items counts the events or event blocks the entry finds on the page.
	Items int
	// Notes are what the operator should check before relying on it.
	Notes []string
}

// Suggest fetches pageURL once, politely (robots.txt, the body limit, the
// private-address guard), and says how to read it: kind ical or rss for a
// feed (or a page whose only events are in a feed it advertises, on any
// host), kind jsonld for a page of schema.org Events or a list whose event
// pages carry them, else kind html or auto with the list selectors pinList
// inferred and checked against auto's reading of the page. Every feed the
// page advertises is named in Notes. It fetches at most one event page
// more, to see whether it carries JSON-LD.
func (c *Crawler) Suggest(ctx context.Context, pageURL string) (Suggestion, error) {
	return c.suggest(ctx, pageURL, DefaultDelay)
}

// suggest is Suggest waiting delay between its requests.
func (c *Crawler) suggest(ctx context.Context, pageURL string, delay time.Duration) (Suggestion, error) {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return Suggestion{}, fmt.Errorf("suggest: %q is not an absolute http(s) URL", pageURL)
	}
	src := Source{ID: suggestID(u.Hostname()), Name: u.Hostname(), Kind: KindAuto, StartURLs: []string{u.String()}, Delay: delay}
	src.applyDefaults()
	if err := src.Validate(); err != nil {
		return Suggestion{}, fmt.Errorf("suggest: %w", err)
	}
	var rep Report
	s, err := c.newSession(ctx, &src, &rep)
	if err != nil {
		return Suggestion{}, err
	}
	defer s.close()
	d, err := s.fetchRaw(ctx, u.String(), nil)
	if err != nil {
		return Suggestion{}, fmt.Errorf("suggest: %w", err)
	}
	if err := notText(d); err != nil {
		// As a crawl refuses it: no name or list is read from garbage.
		return Suggestion{}, fmt.Errorf("suggest: %s: %w", u, err)
	}
	sg := suggestFrom(d, &src)
	// A list whose event pages carry schema.org Events reads best as
	// kind jsonld; one page tells.
	if sg.Source.Kind == KindAuto && sg.Source.List.Link != "" && sg.firstLink != "" {
		if p, err := s.fetch(ctx, sg.firstLink); err == nil {
			if evs, _ := JSONLDEvents(p.doc); len(evs) > 0 && evs[0][FieldDate] != "" {
				sg.Source.Kind = KindJSONLD
				sg.Source.List.Fields, sg.Source.Detail.Fields = nil, nil
				sg.Detected = fmt.Sprintf("a list of %d links to event pages with schema.org Event JSON-LD (%s)", sg.Items, sg.firstLink)
			}
		}
	}
	return sg.Suggestion, nil
}

// suggestion is a Suggestion and the first event page it links.
type suggestion struct {
	Suggestion
	firstLink string
}

// suggestFrom reads a fetched page: the pure part of Suggest.
func suggestFrom(d *rawDoc, src *Source) suggestion {
	sg := suggestion{Suggestion: Suggestion{Source: *src}}
	ctype := strings.ToLower(d.ctype)
	head := bytes.TrimSpace(d.body[:min(len(d.body), 512)])
	switch {
	case strings.Contains(ctype, "calendar") || bytes.HasPrefix(head, []byte("BEGIN:VCALENDAR")):
		sg.Source.Kind = KindICal
		sg.Detected = "an iCalendar feed"
		return sg
	case strings.Contains(ctype, "rss") || strings.Contains(ctype, "atom") ||
		(strings.Contains(ctype, "xml") && (bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")))):
		sg.Source.Kind = KindRSS
		sg.Detected = "an RSS or Atom feed (the events' dates are read from each item's text)"
		return sg
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(d.body))
	if err != nil {
		sg.Detected = "a page that does not parse as HTML"
		return sg
	}
	if t := siteName(doc); t != "" {
		sg.Source.Name = t
	}
	// Feeds the page advertises, on any host (a calendar kept at Google):
	// the operator may rather read one of them.
	feeds := advertisedFeeds(doc, baseURL(doc, d.url), func(string) bool { return true })
	for i, f := range feeds {
		if i == 3 {
			sg.Notes = append(sg.Notes, fmt.Sprintf("… and %d more feeds", len(feeds)-i))
			break
		}
		if f.ICal {
			sg.Notes = append(sg.Notes, "the page advertises the iCalendar feed "+f.URL+": kind ical with it as the start URL reads its events")
		} else {
			sg.Notes = append(sg.Notes, "the page advertises the RSS/Atom feed "+f.URL+": kind rss with it as the start URL reads its items (dates from their text)")
		}
	}
	evs, _ := JSONLDEvents(doc)
	dated := slices.DeleteFunc(slices.Clone(evs), func(f Fields) bool { return f[FieldDate] == "" })
	if len(dated) > 0 {
		sg.Source.Kind = KindJSONLD
		sg.Items = len(dated)
		sg.Detected = fmt.Sprintf("%d schema.org Event(s) in the page's own JSON-LD", len(dated))
		return sg
	}
	if len(evs) > 0 {
		// A page's Event with only an eventSchedule (every Wednesday at
		// 6:00) names no day: kind jsonld would read nothing of it.
		sg.Notes = append(sg.Notes, fmt.Sprintf("the page's JSON-LD has %d schema.org Event(s) without a start date: not read", len(evs)))
	}
	ref := d.fetched
	l, sets, lp := autoListSets(doc, d.url, src.hostAllowed, ref)
	if len(lp.Items) == 0 && len(feeds) > 0 {
		f := feeds[0]
		sg.Source.StartURLs, sg.Source.AllowedDomains = []string{f.URL}, nil
		sg.Source.Kind = KindRSS
		sg.Detected = "no event in the page's HTML; it advertises the RSS/Atom feed " + f.URL
		if f.ICal {
			sg.Source.Kind = KindICal
			sg.Detected = "no event in the page's HTML; it advertises the iCalendar feed " + f.URL
		}
		return sg
	}
	sg.Source.Kind = KindAuto
	sg.Items = len(lp.Items)
	if len(lp.Items) == 0 {
		sg.Detected = "a page where auto finds no event block"
		sg.Notes = append(sg.Notes, "auto found no event here: is this the list page?")
		return sg
	}
	whole := 0
	for _, it := range lp.Items {
		if it.Whole {
			whole++
		} else if sg.firstLink == "" {
			sg.firstLink = it.Link
		}
	}
	sg.Detected = fmt.Sprintf("a list auto reads: %d event block(s) in %d set(s)", len(lp.Items), len(sets))
	if whole > 0 {
		sg.Detected += fmt.Sprintf(", %d of them whole events (no page of their own)", whole)
	}
	if len(lp.Refused) > 0 {
		sg.Notes = append(sg.Notes, fmt.Sprintf("%d block(s) left out, e.g. %s", len(lp.Refused), lp.Refused[0]))
	}
	p := pinList(doc, d.url, l, sets, src)
	sg.Notes = append(sg.Notes, p.notes...)
	spec := p.spec
	if spec.Item != "" && len(lp.Next) > 0 {
		spec.Next = nextSelectors(doc, d.url, lp.Next, &sg.Notes)
	}
	sg.Source.List = spec
	if p.html {
		sg.Source.Kind = KindHTML
		sg.Detected += "; the selectors read the same events as auto"
	}
	return sg
}

// nextSelector finds a selector for the link to the next list page: one
// of the links to it (次へ first, then the others: a page number), by its
// classes, its parent's, rel=next, or its text.
// nextSelectors is list.next for every list page auto follows from this
// one (the next page, and a tab of past events beside it): their
// selectors as one group, each page's checked to pick it. A page none
// picks is named in notes and left out.
func nextSelectors(doc *goquery.Document, pageURL *url.URL, next []string, notes *[]string) string {
	var sels []string
	for _, n := range next {
		sel := nextSelector(doc, pageURL, n)
		if sel == "" {
			*notes = append(*notes, "no selector picks the next list page ("+n+"): left out of list.next")
			continue
		}
		if c := strings.TrimSuffix(sel, "@href"); !slices.Contains(sels, c) {
			sels = append(sels, c)
		}
	}
	if len(sels) == 0 {
		return ""
	}
	return strings.Join(sels, ", ") + "@href"
}

func nextSelector(doc *goquery.Document, pageURL *url.URL, next string) string {
	base := baseURL(doc, pageURL)
	var as []*html.Node
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		if resolve(base, s.AttrOr("href", "")) == next {
			as = append(as, s.Nodes[0])
		}
	})
	slices.SortStableFunc(as, func(a, b *html.Node) int {
		return cmp.Compare(nextRank(a), nextRank(b))
	})
	for _, a := range as {
		var cands []string
		if c := simpleSelector(a, []*html.Node{a}); c != "a" {
			cands = append(cands, c)
		}
		if p := a.Parent; p != nil && p.Type == html.ElementNode {
			if ps := simpleSelector(p, []*html.Node{p}); strings.ContainsAny(ps, ".#") {
				cands = append(cands, ps+" > a")
			}
		}
		cands = append(cands, "a[rel~=next]")
		if t := normSpace(blockText(a)); t != "" && !strings.ContainsAny(t, `'"\`) {
			cands = append(cands, fmt.Sprintf("a:contains('%s')", t))
		}
		for _, c := range cands {
			sel, _, err := parseSelector(c + "@href")
			if err != nil {
				continue
			}
			if links := readLinks(doc.Selection, sel, base); len(links) > 0 && links[0] == next {
				return c + "@href"
			}
		}
	}
	return ""
}

// nextRank orders the links to the next page: one that says so (次へ,
// next, », rel=next) before a page number.
func nextRank(a *html.Node) int {
	t := strings.ToLower(normSpace(blockText(a)) + " " + attr(a, "rel") + " " + attr(a, "class"))
	if containsAny(t, []string{"次", "next", "»", "›", ">>", "＞"}) {
		return 0
	}
	return 1
}

// suggestID makes a source id of a host: www.example-cci.or.jp →
// example-cci-or-jp.
func suggestID(host string) string {
	h := strings.TrimPrefix(strings.ToLower(host), "www.")
	id := strings.Trim(nonID.ReplaceAllString(h, "-"), "-")
	if id == "" {
		return "site"
	}
	return id
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// siteName is the site's name: bannerName, else the part of the <title>
// after its separator (例交流会｜例商工会議所), else the whole title.
func siteName(doc *goquery.Document) string {
	if n := bannerName(doc); n != "" {
		return n
	}
	t := normSpace(doc.Find("title").First().Text())
	parts := titleSeparators.Split(t, -1)
	if len(parts) > 1 {
		if last := normSpace(parts[len(parts)-1]); last != "" {
			return last
		}
	}
	return t
}

// autoListSets runs AutoList's reading of a page and returns the sets it
// chose with the page's items, and a reader in the state AutoList's was
// (the page's common fields read) to read the sets' blocks again.
func autoListSets(doc *goquery.Document, pageURL *url.URL, allowed func(string) bool, ref time.Time) (*listReader, []*recordSet, ListPage) {
	lp := AutoList(doc, pageURL, allowed, ref)
	l := &listReader{doc: doc, page: pageURL, base: baseURL(doc, pageURL), allowed: allowed, ref: ref, urlYM: yearMonthOf(pageURL, "")}
	body := doc.Find("body").First()
	if body.Length() == 0 {
		return l, nil, lp
	}
	return l, l.eventSets(body.Nodes[0]), lp
}

// pinned is what pinList makes of a set of blocks: the list selectors,
// whether they read the same events as auto (kind html will do), and what
// the operator should know.
type pinned struct {
	spec  ListSpec
	html  bool
	notes []string
}

// pinList writes the blocks of the sets auto chose as list selectors —
// the item (and, for a dt with its dds or a heading with what follows it,
// until), its link, title and date, and for blocks that are whole events
// the time, venue, address, organizer, fee and status auto read in them —
// and checks them against auto's reading of the page. Blocks auto follows
// keep the selectors when they lead to the same pages; blocks that are
// whole events keep them, as kind html, only when the events they make are
// auto's events, field for field. Otherwise nothing is pinned and a note
// says why.
func pinList(doc *goquery.Document, pageURL *url.URL, l *listReader, sets []*recordSet, src *Source) pinned {
	var p pinned
	fail := func(format string, args ...any) pinned {
		p.spec, p.html = ListSpec{}, false
		p.notes = append(p.notes, fmt.Sprintf(format, args...))
		return p
	}
	if len(sets) == 0 {
		return fail("no set of event blocks")
	}
	until, spanned := untilOf(sets[0])
	owner := map[*record]*recordSet{}
	var records []*record
	for _, set := range sets {
		if u, sp := untilOf(set); u != until || sp != spanned {
			return fail("the events are in sets of blocks of different shapes: kind auto keeps them all; no list selectors pinned")
		}
		for _, r := range set.records {
			if len(r.nodes) != 1 && !spanned {
				return fail("the blocks are not elements of their own: no CSS selector names one; kind auto reads them")
			}
			owner[r] = set
			records = append(records, r)
		}
	}
	// What auto reads of each block: the item it makes, or nothing.
	items := make([]*ListItem, len(records))
	follow, whole, left := 0, 0, 0
	if more := moreSchedule(doc, l.base, pageURL, l.allowed, nil); len(more) > 0 {
		return fail("the page links its whole schedule (%s): kind auto reads it there too; no list selectors pinned", more[0])
	}
	for _, r := range records {
		if its := l.sessionItems(owner[r], r); its != nil {
			return fail("a block lists the dates of one course: no selector reads one event a block; kind auto reads them")
		}
		if its, refused := l.daySection(owner[r], r); its != nil || refused != nil {
			return fail("a block lists several events under one day's heading: no selector reads one event a block; kind auto reads them")
		}
	}
	for i, r := range records {
		l.info(owner[r], r)
		it, _, ok := l.item(owner[r], r)
		if !ok {
			left++
			continue
		}
		items[i] = &it
		if it.Whole || it.Link == "" {
			whole++
		} else {
			follow++
		}
	}
	// Blocks that are whole events and that auto leaves out (a closed
	// day) are left out of the item by their word: :not(:contains('休会')).
	suffix := ""
	if follow == 0 && left > 0 {
		var words []string
		var kept []*record
		var keptItems []*ListItem
		for i, r := range records {
			w := closure(r.info.title)
			if items[i] != nil || w == "" || !strings.Contains(nodeText(r.nodes[0]), w) {
				// A block auto reads, or one it drops that the pinned
				// list may not make an event of either: the events tell.
				kept, keptItems = append(kept, r), append(keptItems, items[i])
				continue
			}
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
		for _, r := range kept {
			for _, w := range words {
				if strings.Contains(nodeText(r.nodes[0]), w) {
					return fail("auto leaves out the blocks marked %s, and one it reads says %s too: kind auto reads them", w, w)
				}
			}
		}
		for _, w := range words {
			suffix += ":not(:contains('" + w + "'))"
		}
		records, items = kept, keptItems
	}
	blocks := make([][]*html.Node, len(records))
	firsts := make([]*html.Node, len(records))
	infos := make([]*recInfo, len(records))
	for i, r := range records {
		blocks[i], firsts[i], infos[i] = r.nodes, r.nodes[0], r.info
	}
	itemSel := selectorFor(doc, firsts, suffix)
	if itemSel == "" && len(sets) > 1 {
		// A selector per set, as one group: ul.upcoming > li, ul.past > li.
		var group []string
		for _, set := range sets {
			var fs []*html.Node
			for _, r := range records {
				if owner[r] == set {
					fs = append(fs, r.nodes[0])
				}
			}
			if sel := selectorFor(doc, fs, suffix); sel != "" && !slices.Contains(group, sel) {
				group = append(group, sel)
			}
		}
		if sel := strings.Join(group, ", "); len(group) > 1 {
			if css, err := cascadia.Compile(sel); err == nil && sameNodes(doc.FindMatcher(css).Nodes, firsts) {
				itemSel = sel
			}
		}
	}
	if itemSel == "" {
		return fail("no CSS selector picks exactly the event blocks: kind auto reads them")
	}
	spec := ListSpec{Item: itemSel, Until: until, Fields: map[string]string{}}
	if spanned {
		// The blocks ExtractList makes must be auto's: a dt and its dds,
		// a heading and what follows it.
		is, _, _ := parseSelector(itemSel)
		us, _, _ := parseSelector(until)
		for i, r := range records {
			if !sameNodes(append([]*html.Node{r.nodes[0]}, blockSiblings(r.nodes[0], is, us)...), blocks[i]) {
				return fail("the blocks hold elements that are not part of an event (%s): kind auto reads them", firstLine(blockText(r.nodes[0])))
			}
		}
	}
	if follow > 0 && whole > 0 {
		return fail("%d block(s) link their event's page and %d are whole events: no one list reads both; kind auto reads them", follow, whole)
	}
	links := make([]*html.Node, len(records))
	for i, in := range infos {
		switch {
		case items[i] == nil:
			links[i] = anyNode // a block auto left out: whatever the selector finds
		case items[i].Link != "" && in.eventLink != nil:
			links[i] = in.eventLink.node
		}
	}
	if selfLinks(blocks, links) {
		spec.Link = "@href" // the block is the link (a card that is an <a>)
	} else if sel := relativeSelector(blocks, links, spanned); sel != "" {
		spec.Link = sel + "@href"
	} else if follow > 0 {
		p.notes = append(p.notes, "no selector picks each block's link: list.link left out")
	}
	titles := make([]*html.Node, len(records))
	dates := make([]*html.Node, len(records))
	for i, in := range infos {
		titles[i], dates[i] = anyNode, anyNode
		if items[i] == nil {
			continue
		}
		titles[i], dates[i] = in.titleNode, nil
		if title := items[i].Fields[FieldTitle]; in.titleNode == nil || fieldReading(in.titleNode, FieldTitle) != title {
			// The title is part of its line's element (<dd><strong>…
			// </strong><br>会場：…): the element that reads it alone.
			if n := nodeReading(blocks[i], spanned, func(n *html.Node) bool { return fieldReading(n, FieldTitle) == title }); n != nil {
				titles[i] = n
			}
		}
		if in.date != nil && in.date.line >= 0 && in.date.line < len(in.lines) {
			dates[i] = in.lines[in.date.line].node
		}
	}
	if sel := relativeSelector(blocks, titles, spanned); sel != "" {
		spec.Fields[FieldTitle] = sel
	}
	if sel := relativeSelector(blocks, dates, spanned); sel != "" {
		spec.Fields[FieldDate] = sel
	}
	if follow == 0 {
		for _, name := range []string{FieldTitle, FieldDate} {
			if spec.Fields[name] == "" {
				return fail("no selector picks the %s of every block: kind auto reads them", name)
			}
		}
	}
	if ym := l.urlYM; ym.year != 0 {
		for _, k := range sortedKeys(firstValues(pageURL.Query())) {
			if yearMonthOf(pageURL, k) == ym {
				spec.YearFrom = k
				break
			}
		}
	}
	if follow > 0 {
		// Auto reads each page the list leads to: the pinned list must
		// lead to the same pages (and to those of the blocks auto left
		// out, whose pages kind auto reads and judges again).
		got := ExtractList(doc, pageURL, spec).Items
		if len(got) != len(items) {
			return fail("the inferred selectors read %d block(s), auto %d: not pinned", len(got), len(items))
		}
		for i, it := range items {
			if it != nil && got[i].Link != it.Link {
				return fail("the inferred selectors lead to %s where auto goes to %s: not pinned", cmp.Or(got[i].Link, "no page"), it.Link)
			}
		}
		var listed []ListItem
		for _, it := range items {
			if it != nil {
				listed = append(listed, ListItem{Link: it.Link, Fields: Merge(it.Fields, nil)})
			}
		}
		markSeries(listed, l.ref)
		if spec.Fields[FieldDate] == "" && slices.ContainsFunc(listed, func(it ListItem) bool { return it.Fields[fieldSeries] != "" }) {
			return fail("the list gives several dates of one event page (a recurring event) and no selector picks them: kind auto reads them")
		}
		pinFields(spec.Fields, blocks, items, spanned)
		p.spec = spec
		if left > 0 {
			p.notes = append(p.notes, fmt.Sprintf("the pinned list also leads to the pages of the %d block(s) auto left out: kind auto reads and judges them again", left))
		}
		if slices.ContainsFunc(sets, func(s *recordSet) bool { return len(s.columns) > 0 || s.caption != "" }) {
			p.notes = append(p.notes, "a table: with list.item pinned, the header row and caption are no longer read; remove list to let auto read them")
		}
		return p
	}
	// Whole events: pin what auto read in the blocks, then compare.
	ref := l.ref
	pinFields(spec.Fields, blocks, items, spanned)
	autoEvents := make([]*event.Event, len(blocks))
	for i, it := range items {
		if it != nil {
			if e, err := listEvent(src, pageURL, *it, ref); err == nil {
				autoEvents[i] = &e
			}
		}
	}
	// The time, where the date the pinned list reads has none.
	times := make([]*html.Node, len(blocks))
	if dateSel, _, err := parseSelector(spec.Fields[FieldDate]); err == nil {
		for i, e := range autoEvents {
			if e == nil {
				times[i] = anyNode
			}
			if e == nil || e.AllDay {
				continue
			}
			date := readValue(blockFind(blocks[i], spanned, dateSel), "", false)
			if lv := labelledValue(blockFind(blocks[i], spanned, dateSel), "", FieldDate); lv != "" {
				date = lv
			}
			if sp, err := parseDate(date, "", ref); err != nil || !sp.AllDay {
				continue
			}
			times[i] = nodeReading(blocks[i], spanned, func(n *html.Node) bool {
				sp, err := parseDate(date, fieldReading(n, FieldTime), ref)
				return err == nil && sp.Start.Equal(e.StartsAt) && sp.End.Equal(e.EndsAt)
			})
		}
	}
	if sel := relativeSelector(blocks, times, spanned); sel != "" {
		spec.Fields[FieldTime] = sel
	}
	for k, v := range spec.Fields {
		if v == "" {
			delete(spec.Fields, k)
		}
	}
	if len(spec.Fields) == 0 {
		spec.Fields = nil
	}
	// Compare: the events the pinned list makes are auto's.
	lp := ExtractList(doc, pageURL, spec)
	var want, got []event.Event
	for _, e := range autoEvents {
		if e != nil {
			want = append(want, *e)
		}
	}
	for _, it := range lp.Items {
		if e, err := listEvent(src, pageURL, it, ref); err == nil {
			got = append(got, e)
		}
	}
	if diff := eventsDiff(want, got); diff != "" {
		return fail("the inferred selectors do not read auto's events (%s): not pinned; kind auto reads them", diff)
	}
	p.spec, p.html = spec, true
	return p
}

// pinFields adds to fields the selectors of the venue, address,
// organizer, fee and status auto read in the blocks (items[i] is what auto
// made of block i; nil: a block it left out), where one selector reads
// them in every block.
func pinFields(fields map[string]string, blocks [][]*html.Node, items []*ListItem, spanned bool) {
	for _, name := range []string{FieldVenue, FieldAddress, FieldOrganizer, FieldFee} {
		nodes := make([]*html.Node, len(blocks))
		for i, it := range items {
			if it == nil {
				nodes[i] = anyNode
			} else if it.Fields[name] != "" {
				nodes[i] = nodeReading(blocks[i], spanned, func(n *html.Node) bool { return fieldReading(n, name) == it.Fields[name] })
			}
		}
		if sel := relativeSelector(blocks, nodes, spanned); sel != "" {
			fields[name] = sel
		}
	}
	statuses := make([]*html.Node, len(blocks))
	for i, it := range items {
		if it == nil {
			statuses[i] = anyNode
		}
		if it == nil || it.Fields[FieldStatus] == "" {
			continue
		}
		want, _ := statusIn(it.Fields[FieldStatus])
		statuses[i] = nodeReading(blocks[i], spanned, func(n *html.Node) bool {
			st, ok := statusIn(fieldReading(n, FieldStatus))
			return ok && st == want
		})
	}
	if sel := relativeSelector(blocks, statuses, spanned); sel != "" {
		fields[FieldStatus] = sel
	}
}

// untilOf says how far a set's blocks run when each is more than one
// element: a dt up to the next dt, a heading up to the next heading of its
// level or above.
func untilOf(set *recordSet) (string, bool) {
	if len(set.records) == 0 {
		return "", false
	}
	first := set.records[0].nodes[0]
	switch {
	case set.key == "dl>dt+dd":
		return "dt", true
	case isHeading(first) && strings.HasSuffix(set.key, ">"+first.Data+"+"):
		var hs []string
		for lv := 1; lv <= headingLevel(first); lv++ {
			hs = append(hs, fmt.Sprintf("h%d", lv))
		}
		return strings.Join(hs, ", "), true
	}
	return "", false
}

// listEvent builds the event of a list item as a crawl of kind html would:
// the item's link is its page, else the list page is.
func listEvent(src *Source, pageURL *url.URL, it ListItem, ref time.Time) (event.Event, error) {
	if it.Link != "" {
		return BuildEvent(src, it.Link, true, it.Fields, ref)
	}
	return BuildEvent(src, pageURL.String(), false, it.Fields, ref)
}

// eventsDiff names the first difference a reader would notice between two
// lists of events, or "".
func eventsDiff(want, got []event.Event) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d events, auto %d", len(got), len(want))
	}
	for i := range want {
		if d := eventDiff(want[i], got[i]); d != "" {
			return fmt.Sprintf("%q: %s", cutRunes(want[i].Title, 40), d)
		}
	}
	return ""
}

// eventDiff names the first field in which got differs from want: its
// id (its page and start), title, times, place, organizer, fee, status.
func eventDiff(want, got event.Event) string {
	at := func(t time.Time) string {
		if t.IsZero() {
			return "none"
		}
		return t.In(event.Tokyo).Format("2006-01-02 15:04")
	}
	for _, c := range []struct{ name, want, got string }{
		{"title", want.Title, got.Title},
		{"url", want.URL, got.URL},
		{"start", at(want.StartsAt), at(got.StartsAt)},
		{"end", at(want.EndsAt), at(got.EndsAt)},
		{"all day", fmt.Sprint(want.AllDay), fmt.Sprint(got.AllDay)},
		{"venue", want.Venue, got.Venue},
		{"address", want.Address, got.Address},
		{"organizer", want.Organizer, got.Organizer},
		{"fee", want.Fee, got.Fee},
		{"status", string(want.Status), string(got.Status)},
		{"description", want.Description, got.Description},
		{"id", want.ID, got.ID},
	} {
		if c.want != c.got {
			return fmt.Sprintf("%s %q, auto %q", c.name, cutRunes(c.got, 40), cutRunes(c.want, 40))
		}
	}
	return ""
}

// fieldReading is what a field selector matching n alone reads (readFields).
func fieldReading(n *html.Node, name string) string {
	m := &goquery.Selection{Nodes: []*html.Node{n}}
	v := readValue(m, "", name == FieldDescription)
	if lv := labelledValue(m, "", name); lv != "" {
		v = lv
	}
	return v
}

// nodeReading finds the element of a block that reads as wanted: of those
// that do, the first holding no other (the value's own element, not the
// block around it); nil when none does. The block's own elements are
// candidates when the block is spanned (list.until), else only what is in
// its element.
func nodeReading(block []*html.Node, spanned bool, reads func(*html.Node) bool) *html.Node {
	var cands []*html.Node
	for _, b := range block {
		walkElements(b, func(e *html.Node) bool {
			if (spanned || e != b) && reads(e) {
				cands = append(cands, e)
			}
			return true
		})
	}
	for _, c := range cands {
		inner := false
		for _, o := range cands {
			if o != c && contains(c, o) {
				inner = true
				break
			}
		}
		if !inner {
			return c
		}
	}
	return nil
}

// blockFind matches sel in a block as ExtractList does: in the block's
// elements and their descendants when it is spanned, else below its
// element.
func blockFind(block []*html.Node, spanned bool, sel selector) *goquery.Selection {
	ctx := &goquery.Selection{Nodes: block}
	if spanned {
		return findBlock(ctx, sel)
	}
	if sel.css == nil {
		return ctx
	}
	var nodes []*html.Node
	for c := block[0].FirstChild; c != nil; c = c.NextSibling {
		nodes = append(nodes, sel.css.MatchAll(c)...)
	}
	return &goquery.Selection{Nodes: nodes}
}

// selectorFor finds a CSS selector that matches exactly nodes in doc: the
// elements' tag and shared classes under their parent's (with an id when
// it has one), tried from the shortest.
func selectorFor(doc *goquery.Document, nodes []*html.Node, suffix string) string {
	if len(nodes) == 0 {
		return ""
	}
	own := simpleSelector(nodes[0], nodes)
	parent := nodes[0].Parent
	var cands []string
	if parent != nil && parent.Type == html.ElementNode {
		p := simpleSelector(parent, []*html.Node{parent})
		for a := parent.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
			if id := attr(a, "id"); id != "" && cssIdent.MatchString(id) {
				cands = append(cands, "#"+id+" "+p+" > "+own)
				break
			}
		}
		cands = append(cands, p+" > "+own)
		// The nearest ancestor with a class above an unclassed parent
		// (table.schedule above its tbody).
		for a, depth := parent.Parent, 0; a != nil && a.Type == html.ElementNode && depth < 3 && !strings.Contains(p, "."); a, depth = a.Parent, depth+1 {
			if as := simpleSelector(a, []*html.Node{a}); strings.Contains(as, ".") {
				cands = append(cands, as+" "+own)
				break
			}
		}
	}
	if strings.ContainsAny(own, ".#") || len(cands) == 0 {
		cands = append([]string{own}, cands...)
	} else {
		cands = append(cands, own) // a bare tag (dt, li) last: it is the likeliest to match elsewhere after a redesign
	}
	for i := range cands {
		if nodes[0].Data == "tr" {
			cands[i] += ":has(td)"
		}
		cands[i] += suffix
	}
	for _, c := range cands {
		sel, err := cascadia.Compile(c)
		if err != nil {
			continue
		}
		got := doc.FindMatcher(sel).Nodes
		if sameNodes(got, nodes) {
			return c
		}
	}
	return ""
}

var cssIdent = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// simpleSelector is a node's tag with the classes every node of like
// shares (classes with a digit, per-post, left out).
func simpleSelector(n *html.Node, like []*html.Node) string {
	sel := n.Data
	if id := attr(n, "id"); id != "" && cssIdent.MatchString(id) && len(like) == 1 && !strings.ContainsAny(id, "0123456789") {
		return sel + "#" + id
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if strings.ContainsAny(c, "0123456789") || !cssIdent.MatchString(c) {
			continue
		}
		all := true
		for _, o := range like {
			if !has(strings.Fields(attr(o, "class")), c) {
				all = false
				break
			}
		}
		if all {
			sel += "." + c
		}
	}
	return sel
}

// anyNode stands, in relativeSelector's nodes, for a block where the
// selector may pick anything.
var anyNode = new(html.Node)

// relativeSelector finds a selector that, inside each block, picks the
// given node first, in a block whose node is nil picks nothing, and in one
// whose node is anyNode anything; "" when none does or no block has a node.
// A spanned block (list.until) is matched as ExtractList matches it: its
// elements themselves too.
func relativeSelector(blocks [][]*html.Node, nodes []*html.Node, spanned bool) string {
	var n0 *html.Node
	var like []*html.Node
	for _, n := range nodes {
		if n != nil && n != anyNode {
			if n0 == nil {
				n0 = n
			}
			like = append(like, n)
		}
	}
	if n0 == nil || len(nodes) != len(blocks) {
		return ""
	}
	var cands []string
	if l := labelBefore(n0); l != "" {
		cands = append(cands, l)
	}
	cands = append(cands, simpleSelector(n0, like), n0.Data)
	if p := n0.Parent; p != nil && p.Type == html.ElementNode && !slices.Contains(blocks[slices.Index(nodes, n0)], n0) {
		cands = append(cands, simpleSelector(p, parents(like))+" "+n0.Data)
	}
	if n0.Data == "td" || n0.Data == "th" {
		i := 1
		for c := n0.PrevSibling; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				i++
			}
		}
		cands = append(cands, fmt.Sprintf("%s:nth-child(%d)", n0.Data, i))
	}
	for _, c := range cands {
		sel, _, err := parseSelector(c)
		if err != nil || sel.css == nil {
			continue
		}
		ok := true
		for i, b := range blocks {
			if nodes[i] == anyNode {
				continue
			}
			got := blockFind(b, spanned, sel).Nodes
			if nodes[i] == nil && len(got) > 0 || nodes[i] != nil && (len(got) == 0 || got[0] != nodes[i]) {
				ok = false
				break
			}
		}
		if ok {
			return c
		}
	}
	return ""
}

// labelBefore is a selector naming a value by the label before it —
// dt:contains('会場') + dd, p:contains('日時') + p — for a node whose
// previous element reads as a label; "" for any other node.
func labelBefore(n *html.Node) string {
	prev := n.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		prev = prev.PrevSibling
	}
	if prev == nil {
		return ""
	}
	text := strings.TrimSpace(nodeText(prev))
	if text == "" || strings.ContainsAny(text, "'\\\n") || labelField(text) == "" {
		return ""
	}
	return fmt.Sprintf("%s:contains('%s') + %s", prev.Data, text, n.Data)
}

// selfLinks says whether every block with a link is that link (an <a>
// card), each block's element itself.
func selfLinks(blocks [][]*html.Node, links []*html.Node) bool {
	some := false
	for i, l := range links {
		if l == nil || l == anyNode {
			continue
		}
		if l != blocks[i][0] {
			return false
		}
		some = true
	}
	return some
}

func parents(nodes []*html.Node) []*html.Node {
	out := make([]*html.Node, len(nodes))
	for i, n := range nodes {
		out[i] = n.Parent
	}
	return out
}

func sameNodes(a, b []*html.Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
