package crawler

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
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
// feed (or a page whose only events are in the feed it advertises), kind
// jsonld for a page of schema.org Events or a list whose event pages carry
// them, else kind auto with the list selectors auto inferred and checked
// against the page. It fetches at most one event page more, to see whether
// it carries JSON-LD.
func (c *Crawler) Suggest(ctx context.Context, pageURL string) (Suggestion, error) {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return Suggestion{}, fmt.Errorf("suggest: %q is not an absolute http(s) URL", pageURL)
	}
	src := Source{ID: suggestID(u.Hostname()), Name: u.Hostname(), Kind: KindAuto, StartURLs: []string{u.String()}}
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
	if evs, _ := JSONLDEvents(doc); len(evs) > 0 {
		sg.Source.Kind = KindJSONLD
		sg.Items = len(evs)
		sg.Detected = fmt.Sprintf("%d schema.org Event(s) in the page's own JSON-LD", len(evs))
		return sg
	}
	ref := d.fetched
	l, sets, lp := autoListSets(doc, d.url, src.hostAllowed, ref)
	if len(lp.Items) == 0 && len(lp.Feeds) > 0 {
		f := lp.Feeds[0]
		sg.Source.StartURLs = []string{f.URL}
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
	if len(sets) != 1 {
		sg.Notes = append(sg.Notes, "the events are in more than one set of blocks: kind auto keeps them all; no list selectors pinned")
		return sg
	}
	spec, notes := pinList(doc, d.url, l, sets[0], whole == 0)
	sg.Notes = append(sg.Notes, notes...)
	if spec.Item != "" && len(lp.Next) > 0 {
		if sel := nextSelector(doc, d.url, lp.Next[0]); sel != "" {
			spec.Next = sel
		} else {
			sg.Notes = append(sg.Notes, "no selector picks the next list page ("+lp.Next[0]+"): list.next left out")
		}
	}
	sg.Source.List = spec
	return sg
}

// nextSelector finds a selector for the link to the next list page: its
// classes, rel=next, or its text.
func nextSelector(doc *goquery.Document, pageURL *url.URL, next string) string {
	base := baseURL(doc, pageURL)
	var a *html.Node
	doc.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if resolve(base, s.AttrOr("href", "")) == next {
			a = s.Nodes[0]
			return false
		}
		return true
	})
	if a == nil {
		return ""
	}
	var cands []string
	if c := simpleSelector(a, []*html.Node{a}); c != "a" {
		cands = append(cands, c)
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
	return ""
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

// siteName is the site's name: og:site_name, else the part of the <title>
// after its separator (例交流会｜例商工会議所), else the whole title.
func siteName(doc *goquery.Document) string {
	if n, _ := doc.Find(`meta[property="og:site_name"]`).Attr("content"); normSpace(n) != "" {
		return normSpace(n)
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
// chose with the page's items.
func autoListSets(doc *goquery.Document, pageURL *url.URL, allowed func(string) bool, ref time.Time) (*listReader, []*recordSet, ListPage) {
	lp := AutoList(doc, pageURL, allowed, ref)
	l := &listReader{doc: doc, page: pageURL, base: baseURL(doc, pageURL), allowed: allowed, ref: ref, urlYM: yearMonthOf(pageURL, "")}
	body := doc.Find("body").First()
	if body.Length() == 0 {
		return l, nil, lp
	}
	return l, l.chooseSets(findRecordSets(body.Nodes[0])), lp
}

// pinList writes a set's blocks as list selectors — the item, its link
// (when its blocks are followed), its title and date — and keeps each only
// when ExtractList, given them, reads the same blocks and texts back.
func pinList(doc *goquery.Document, pageURL *url.URL, l *listReader, set *recordSet, follow bool) (ListSpec, []string) {
	var notes []string
	items := make([]*html.Node, 0, len(set.records))
	for _, r := range set.records {
		if len(r.nodes) != 1 {
			return ListSpec{}, []string{"the blocks are dt/dd pairs or heading sections: no CSS selector names one; kind auto reads them"}
		}
		items = append(items, r.nodes[0])
	}
	itemSel := selectorFor(doc, items)
	if itemSel == "" {
		return ListSpec{}, []string{"no CSS selector picks exactly the event blocks: kind auto reads them"}
	}
	spec := ListSpec{Item: itemSel, Fields: map[string]string{}}
	infos := make([]*recInfo, len(set.records))
	for i, r := range set.records {
		infos[i] = l.info(set, r)
	}
	if follow {
		var links []*html.Node
		for _, in := range infos {
			if in.eventLink != nil {
				links = append(links, in.eventLink.node)
			}
		}
		if sel := relativeSelector(items, links); sel != "" {
			spec.Link = sel + "@href"
		}
	}
	var titles, dates []*html.Node
	for _, in := range infos {
		if in.titleNode != nil {
			titles = append(titles, in.titleNode)
		}
		if in.date != nil && in.date.line >= 0 && in.date.line < len(in.lines) && in.lines[in.date.line].node != nil {
			dates = append(dates, in.lines[in.date.line].node)
		}
	}
	if sel := relativeSelector(items, titles); sel != "" {
		spec.Fields[FieldTitle] = sel
	}
	if len(dates) == len(items) {
		if sel := relativeSelector(items, dates); sel != "" {
			spec.Fields[FieldDate] = sel
		}
	}
	// Check: ExtractList with these selectors reads the same blocks.
	lp := ExtractList(doc, pageURL, spec)
	if len(lp.Items) != len(items) || len(lp.Problems) > 0 {
		notes = append(notes, fmt.Sprintf("the inferred selectors read %d of the %d blocks back: not pinned", len(lp.Items), len(items)))
		return ListSpec{}, notes
	}
	if len(spec.Fields) == 0 {
		spec.Fields = nil
	}
	if spec.Link == "" && follow {
		notes = append(notes, "no selector picks each block's link: list.link left out")
	}
	if len(set.columns) > 0 || set.caption != "" {
		notes = append(notes, "a table: with list.item pinned, the header row, caption and notes column are no longer read; remove list to let auto read them")
	}
	return spec, notes
}

// selectorFor finds a CSS selector that matches exactly nodes in doc: the
// elements' tag and shared classes under their parent's (with an id when
// it has one), tried from the shortest.
func selectorFor(doc *goquery.Document, nodes []*html.Node) string {
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
	}
	cands = append([]string{own}, cands...)
	if nodes[0].Data == "tr" {
		for i, c := range cands {
			cands[i] = c + ":has(td)"
		}
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

// relativeSelector finds a selector that, inside each item, picks the
// given node first (one node per item, in order), or "".
func relativeSelector(items, nodes []*html.Node) string {
	if len(nodes) != len(items) || len(nodes) == 0 {
		return ""
	}
	n0 := nodes[0]
	var cands []string
	cands = append(cands, simpleSelector(n0, nodes), n0.Data)
	if n0.Parent != nil && n0.Parent != items[0] {
		cands = append(cands, simpleSelector(n0.Parent, parents(nodes))+" "+n0.Data)
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
		sel, err := cascadia.Compile(c)
		if err != nil {
			continue
		}
		ok := true
		for i, it := range items {
			got := goquery.NewDocumentFromNode(it).FindMatcher(sel).Nodes
			if len(got) == 0 || got[0] != nodes[i] {
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
