package crawler

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// fieldListDate carries, for a list item whose event page is to be read, a
// date the list shows that may be when the post was published rather than
// the event's: the event page decides. It is not among FieldNames.
const fieldListDate = "list_date"

// fieldSharedLink marks a whole list item whose link (an application
// form, a flyer) another item of the list on the same day links too: a
// seminar and the 交流会 after it, one form for both. Each is its own
// event: its title joins its identity, as for an item without a link. It
// is not among FieldNames.
const fieldSharedLink = "shared_link"

// fieldCalledOff holds the name of the event a row's notice calls off
// (【中止】…に予定しておりましたXは…中止): the row is X, cancelled, unless
// the crawl reads X elsewhere, which it then marks. It is not among
// FieldNames.
const fieldCalledOff = "called_off"

// fieldIssue marks a list item that links an issue of a mail magazine's
// back numbers: its page is read as a list of the events it announces,
// as a text file is. It is not among FieldNames.
const fieldIssue = "issue"

// maxRecordRunes bounds the text of one event block: a longer block is a
// container of several events (or of none).
const maxRecordRunes = 1200

// AutoList finds the events of a list page without selectors. It looks
// for blocks repeated in the page's structure — the rows of a table, the
// items of a list, cards, <article>s, <dl> blocks, a heading and what
// follows it — and keeps the sets of them that read as events: blocks
// with a date, with a link to a page whose title names a gathering
// (例会, 交流会, セミナー …), or both. Page chrome (navigation, sidebars,
// footers, breadcrumbs, pagers) is left out, and so are links that filter
// the list (categories, tags), the site's home page, and utility links
// (print, map, form).
//
// Each block becomes one item. When its link leads to an HTML page on an
// allowed host, the item carries the link and what the block says (the
// page is read for the rest); when its only link is a PDF flyer, a form or
// a page on another site, or it has none, the block is the event and every
// field is read from it — its label/value pairs, the columns of its table
// (by the header row), the page's own label/value pairs for what every
// row shares (the time, the place of a weekly meeting), and its notes
// (この回のみ 会場：…). A date without a year takes it from the block, the
// table's caption, the heading above it or the page's URL (?ym=202701).
//
// A date the block shows is the event's (FieldDate) when it is labelled
// as such, has a time or a weekday, or the block is the event; otherwise
// it may be a posting date and is only a hint (fieldListDate) for the
// event page. Blocks that are no events — a closed day, a week without
// meeting — and blocks whose printed weekday contradicts their date are
// named in Refused. Next holds the next list pages: rel=next, a pager,
// 次へ, the next month of a calendar, a tab of past events, the page's
// frames and iframes from its own site (a frameset has nothing else),
// and, from a page with no event (a frameset's menu), its links to the
// site's schedule (事業予定, イベント).
func AutoList(doc *goquery.Document, pageURL *url.URL, allowed func(host string) bool, ref time.Time) ListPage {
	return autoList(doc, pageURL, allowed, ref, false)
}

// autoStart is AutoList for a page a crawl reads as a list (a start URL,
// a list's next page): a page that holds no list, no feed and no frame is
// read as one event's own page, as AutoEvent reads it, when it is one (an
// operator gave the link they were sent). Its pager and menu lead to other
// posts, not to more of its events: none is followed.
func autoStart(doc *goquery.Document, pageURL *url.URL, allowed func(host string) bool, ref time.Time) ListPage {
	return autoList(doc, pageURL, allowed, ref, true)
}

func autoList(doc *goquery.Document, pageURL *url.URL, allowed func(host string) bool, ref time.Time, ownEvent bool) ListPage {
	var out ListPage
	frames := frameSources(doc, baseURL(doc, pageURL), pageURL, allowed)
	body := doc.Find("body").First()
	if body.Length() == 0 {
		if len(frames) > 0 {
			out.Next = frames // a frameset: its frames are its content
			return out
		}
		out.Problems = append(out.Problems, pageURL.String()+": auto: no body")
		return out
	}
	keepPreWrapLines(doc.Nodes[0])
	dropMovedDates(doc.Nodes[0])
	openNoscript(body.Nodes[0])
	readInstagramEmbeds(body.Nodes[0])
	readPre(body.Nodes[0])
	splitSpacedRows(body.Nodes[0])
	splitLineBlocks(body.Nodes[0])
	head := doc.Find("title").First().Text() + " " + doc.Find("h1").First().Text()
	l := &listReader{doc: doc, page: pageURL, base: baseURL(doc, pageURL), allowed: allowed, ref: ref, urlYM: yearMonthOf(pageURL, ""),
		archive: mailArchive.MatchString(head), newsletter: newsletterName.MatchString(head)}
	spreadRowspans(body.Nodes[0])
	sets := l.eventSets(body.Nodes[0])
	seen := map[string]bool{}
	var from []*html.Node // the block each item was read from
	// addAll adds the items one block makes several of, each once.
	addAll := func(items []ListItem, r *record) {
		for _, item := range items {
			key := item.Link + "\x00" + item.Fields[FieldTitle] + "\x00" + item.Fields[FieldDate]
			if !seen[key] {
				seen[key] = true
				out.Items = append(out.Items, item)
				from = append(from, r.nodes[0])
			}
		}
	}
	for _, set := range sets {
		for _, r := range set.records {
			if items := l.weekLinks(r); items != nil {
				addAll(items, r)
				continue
			}
			if items := l.sessionItems(set, r); items != nil {
				addAll(items, r)
				continue
			}
			if items, refusals := l.daySection(set, r); items != nil || refusals != nil {
				out.Refused = append(out.Refused, refusals...)
				addAll(items, r)
				continue
			}
			item, refusal, ok := l.item(set, r)
			if refusal != nil {
				out.Refused = append(out.Refused, *refusal)
			}
			if !ok {
				continue
			}
			key := item.Link + "\x00" + item.Fields[FieldDate]
			if item.Whole || item.Link == "" {
				key = item.Link + "\x00" + item.Fields[FieldTitle] + "\x00" + item.Fields[FieldDate]
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			out.Items = append(out.Items, item)
			from = append(from, r.nodes[0])
		}
	}
	out.Items = l.withTextSections(body.Nodes[0], out.Items, from)
	if len(out.Items) == 0 {
		// No block reads as an event, but the page's JSON-LD lists them.
		evs, problems := JSONLDEvents(doc)
		for _, p := range problems {
			out.Problems = append(out.Problems, pageURL.String()+": "+p)
		}
		for _, f := range evs {
			if f[FieldTitle] == "" || f[FieldDate] == "" {
				continue
			}
			it := ListItem{Fields: f, Whole: true}
			if u := resolve(l.base, f[fieldURL]); u != "" {
				it.Link = u
			}
			out.Items = append(out.Items, it)
		}
	}
	out.Items = mergeRepeats(out.Items, ref)
	markSharedLinks(out.Items, ref)
	markSeries(out.Items, ref)
	out.Feeds = advertisedFeeds(doc, l.base, allowed)
	if len(out.Feeds) > 0 && out.Feeds[0].ICal && proseOnly(out.Items) {
		// 島本町商工会の行事予定 … 直近の行事は、12月19日（土）…: a page
		// that names a few events in its sentences and links its
		// iCalendar feed. The feed is the schedule.
		out.Items = nil
	}
	var notOwn error // why the page is not one event's own page either
	if t := pageTitle(doc); ownEvent && len(out.Items) == 0 && len(out.Refused) == 0 && len(out.Feeds) == 0 && len(frames) == 0 &&
		!listPageName(t) && !monthRow.MatchString(strings.ReplaceAll(t, " ", "")) {
		// (A calendar's month without events, イベントカレンダー, or a
		// blog's archive of a month, 2026年12月, is no event's page.)
		f, err := AutoEvent(doc, pageURL, ref)
		if err == nil {
			out.Items = []ListItem{{Link: pageURL.String(), Fields: f, Whole: true}}
			return out
		}
		notOwn = err
	}
	out.Next = autoNext(doc, l.base, allowed)
	if len(out.Items) == 0 && len(out.Refused) == 0 && len(out.Feeds) == 0 {
		// A page of links (a frameset's menu): its schedule is elsewhere.
		sched := scheduleLinks(doc, l.base, pageURL, allowed, slices.Concat(out.Next, frames))
		if len(sched) == 0 && len(frames) == 0 {
			msg := pageURL.String() + ": auto: no block that reads as an event found"
			if notOwn != nil {
				msg += ", nor is the page one event (" + strings.TrimPrefix(notOwn.Error(), ErrNotEvent.Error()+": ") + ")"
			}
			out.Problems = append(out.Problems, msg)
		}
		out.Next = append(out.Next, sched...)
	}
	if len(out.Items) == 0 && newsletterName.MatchString(doc.Find("title").First().Text()+" "+doc.Find("h1").First().Text()) {
		// 広報とよなか's page of issues: 12月号（令和8年12月1日発行） HTML版.
		out.Next = append(out.Next, issueLinks(doc, l.base, pageURL, allowed, out.Next)...)
	}
	if len(out.Next) == 0 && len(out.Items) > 0 {
		out.Next = earlierPage(doc, l.base, pageURL, allowed)
	}
	if len(out.Items) > 0 && postbackPager(doc) {
		// ASP.NET's GridView pages by postback (javascript:__doPostBack(…,
		// 'Page$2')), which a crawler cannot send: the phones' version of
		// the list, which pages by links, is read instead.
		out.Next = append(out.Next, phoneAlternate(doc, l.base, pageURL, allowed, out.Next)...)
	}
	out.Next = append(out.Next, pastTabs(doc, l.base, pageURL, allowed, out.Next)...)
	out.Next = append(out.Next, earlierMonths(doc, l.base, pageURL, allowed, ref, out.Next)...)
	out.Next = append(out.Next, moreSchedule(doc, l.base, pageURL, allowed, out.Next)...)
	for _, f := range frames {
		if !slices.Contains(out.Next, f) {
			out.Next = append(out.Next, f)
		}
	}
	return out
}

// scheduleWords name a link to a site's schedule or event list: the
// entries of a menu (事業予定, 行事予定, イベント情報, セミナー).
var scheduleWords = []string{"予定", "スケジュール", "イベント", "行事", "催し", "セミナー", "例会", "カレンダー"}

// scheduleLinks are the links of a page that holds no event to the site's
// pages whose names say they list them: the menu frame of a frameset, a
// home page of links. Each is read as a list page. Short link texts only:
// a menu's entries, not a sentence that names an event.
func scheduleLinks(doc *goquery.Document, base, page *url.URL, allowed func(string) bool, have []string) []string {
	var out []string
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		t := normSpace(s.Text())
		if t == "" || utf8.RuneCountInString(t) > 12 || !containsAny(t, scheduleWords) || strings.Contains(t, "過去") {
			return
		}
		link, ok := siteLink(base, page, s.AttrOr("href", ""), allowed)
		if !ok || utilityLink(link, t) || slices.Contains(have, link) || slices.Contains(out, link) {
			return
		}
		out = append(out, link)
	})
	return out
}

// frameSources are the pages a page shows in its <frame>s and <iframe>s
// from its own host: a frameset's menu and main frames, a schedule
// embedded in a page of the site. Each is read as a list page, as a
// visitor sees it in place. Frames from elsewhere (a map, a calendar
// service, a tag manager) are not the site's pages.
func frameSources(doc *goquery.Document, base, page *url.URL, allowed func(string) bool) []string {
	var out []string
	doc.Find("frame[src], iframe[src]").Each(func(_ int, s *goquery.Selection) {
		link, ok := siteLink(base, page, s.AttrOr("src", ""), allowed)
		if !ok || slices.Contains(out, link) {
			return
		}
		out = append(out, link)
	})
	return out
}

// siteLink resolves href against base and says whether it is another page
// of the page's own site that the crawl may read.
func siteLink(base, page *url.URL, href string, allowed func(string) bool) (string, bool) {
	link := resolve(base, href)
	u, err := url.Parse(link)
	return link, link != "" && err == nil && u.Host == page.Host && allowed(u.Hostname()) && !sameDoc(u, page)
}

// eventSets finds the sets of blocks under body that read as events, and
// reads the page's label/value pairs outside them (l.common).
func (l *listReader) eventSets(body *html.Node) []*recordSet {
	sets := l.chooseSets(findRecordSets(body))
	in := map[*html.Node]bool{}
	for _, set := range sets {
		for _, r := range set.records {
			for _, n := range r.nodes {
				in[n] = true
			}
		}
	}
	l.common = l.commonFields(body, in)
	return sets
}

// fieldSeries marks a list item that is one date of several sharing one
// event page (a recurring event's, or the sessions of a course). It is not
// among FieldNames. Its value is seriesTitled when the list names each
// date differently (第1回「…」, 第2回「…」): each keeps its row's title
// rather than the page's (…を開催します).
const fieldSeries = "series"

const seriesTitled = "titled"

// markSeries marks the items that link one page with different dates the
// list states as the events': each is one date of a recurring event, or
// one session of a course when the list titles them apart. An item listed
// twice with the same date (or none) is one event.
//
// Dates are compared as days: a calendar's bar and a list of posts write
// one day differently. A date that reads as no day (a calendar week's
// row of day numbers) names no other date.
func markSeries(items []ListItem, ref time.Time) {
	dates := map[string]map[string]bool{}
	titles := map[string]map[string]bool{}
	for _, it := range items {
		if it.Whole || it.Link == "" || it.Fields[FieldDate] == "" {
			continue
		}
		day := it.Fields[FieldDate]
		if sp, err := parseDate(day, "", ref); err == nil {
			day = sp.Start.Format("2006-01-02")
		} else {
			continue
		}
		if dates[it.Link] == nil {
			dates[it.Link], titles[it.Link] = map[string]bool{}, map[string]bool{}
		}
		dates[it.Link][day] = true
		titles[it.Link][it.Fields[FieldTitle]] = true
	}
	for i, it := range items {
		if len(dates[it.Link]) > 1 && it.Fields[FieldDate] != "" && !it.Whole {
			items[i].Fields[fieldSeries] = "1"
			if len(titles[it.Link]) > 1 && it.Fields[FieldTitle] != "" {
				items[i].Fields[fieldSeries] = seriesTitled
			}
		}
	}
}

// mergeRepeats makes one event of two blocks that are each the whole
// event and write it twice: the same start to the minute, one title
// within the other (a notice's 第152回例会（新年例会）のご案内 above the
// schedule's row 第152回例会（新年例会）). The shorter title is the
// event's name; what only the other block states (its fee) is kept.
// markSharedLinks marks with fieldSharedLink the whole items that share
// their link and their day with another.
func markSharedLinks(items []ListItem, ref time.Time) {
	key := func(it ListItem) string {
		if !it.Whole || it.Link == "" {
			return ""
		}
		sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], ref)
		if err != nil {
			return ""
		}
		return it.Link + "\x00" + sp.Start.In(jpdate.Tokyo).Format(time.DateOnly)
	}
	n := map[string]int{}
	for _, it := range items {
		if k := key(it); k != "" {
			n[k]++
		}
	}
	for i, it := range items {
		if k := key(it); k != "" && n[k] > 1 {
			items[i].Fields[fieldSharedLink] = "1"
		}
	}
}

// sameDay says whether a and b fall on one day in Japan.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.In(event.Tokyo).Date()
	by, bm, bd := b.In(event.Tokyo).Date()
	return ay == by && am == bm && ad == bd
}

func mergeRepeats(items []ListItem, ref time.Time) []ListItem {
	// start is a whole item's start; timed is false for a day alone.
	start := func(it ListItem) (at time.Time, timed, ok bool) {
		if !it.Whole {
			return time.Time{}, false, false
		}
		sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], ref)
		return sp.Start, !sp.AllDay, err == nil && !sp.Start.IsZero()
	}
	out := items[:0:0]
	for _, it := range items {
		at, timed, ok := start(it)
		merged := false
		for i, o := range out {
			oat, otimed, ook := start(o)
			if !ok || !ook {
				continue
			}
			var keep, other ListItem
			switch {
			case timed && otimed && at.Equal(oat):
				a, b := normSpace(o.Fields[FieldTitle]), normSpace(it.Fields[FieldTitle])
				if a == "" || b == "" || !strings.Contains(a, b) && !strings.Contains(b, a) {
					continue
				}
				keep, other = o, it
				if utf8.RuneCountInString(b) < utf8.RuneCountInString(a) {
					keep, other = it, o
				}
			case timed != otimed && sameDay(at, oat):
				// A schedule's row of the day alone (12月 | 9日（水） |
				// 12月例会・忘年会) and the announcement of its hours
				// (◆12月例会・忘年会 / 日時：12/9（水）18:30～): the
				// announcement, which says more, is the event; its name
				// may be the fuller one (2月例会「防災×BCP」 beside
				// ◆2月例会「防災×BCP ～いざという時に会社を守る～」).
				a, b := foldName(o.Fields[FieldTitle]), foldName(it.Fields[FieldTitle])
				if a == "" || b == "" || !strings.HasPrefix(a, b) && !strings.HasPrefix(b, a) {
					continue
				}
				keep, other = o, it
				if timed {
					keep, other = it, o
				}
			default:
				continue
			}
			for k, v := range other.Fields {
				if keep.Fields[k] == "" {
					keep.Fields[k] = v
				}
			}
			out[i], merged = keep, true
			break
		}
		if !merged {
			out = append(out, it)
		}
	}
	return dropTeasers(out, ref)
}

// dropTeasers leaves out a block without a page, dated only by its day,
// whose words hold the whole title of another item of that day: a hero's
// "NEXT EVENT ▶ 12/18(金) 12月定例会＆忘年会" over the list that holds the
// 12月定例会＆忘年会 itself.
func dropTeasers(items []ListItem, ref time.Time) []ListItem {
	day := func(it ListItem) (time.Time, bool, bool) {
		sp, err := parseDate(cmp.Or(it.Fields[FieldDate], it.Fields[fieldListDate]), it.Fields[FieldTime], ref)
		return startOfDay(sp.Start), sp.AllDay, err == nil
	}
	out := items[:0:0]
	for i, it := range items {
		d, allDay, ok := day(it)
		teaser := false
		if ok && allDay && it.Whole {
			title := normSpace(it.Fields[FieldTitle])
			for j, o := range items {
				od, _, ook := day(o)
				ot := normSpace(o.Fields[FieldTitle])
				if j != i && ook && od.Equal(d) && utf8.RuneCountInString(ot) >= 5 && len(ot) < len(title) && strings.Contains(title, ot) {
					teaser = true
					break
				}
			}
		}
		if !teaser {
			out = append(out, it)
		}
	}
	return out
}

// listReader holds what reading one list page needs.
type listReader struct {
	doc     *goquery.Document
	page    *url.URL
	base    *url.URL
	allowed func(string) bool
	ref     time.Time
	urlYM   yearMonth
	common  Fields // the page's label/value pairs outside the events
	// archive is set for a mail service's archive of the issues a group
	// sent (メール アーカイブ): each row links an issue to read for events.
	archive bool
	// newsletter is set for the page of a newsletter's issues (会報, 広報,
	// だより): its rows that name an issue (12月号, No.735) and link a
	// page lead to issues to read for events.
	newsletter bool
	// headings memoises, for a node, the years of the nearest heading
	// before it that names any: a list's rows share it.
	headings map[*html.Node][]yearMonth
}

// record is one block of a list page that may be an event: one element,
// a dt and its dd, or a heading and the siblings up to the next one.
type record struct {
	nodes []*html.Node
	info  *recInfo // what the block says, read once
}

// recordSet is a set of blocks repeated in one parent.
type recordSet struct {
	parent  *html.Node
	key     string
	classes map[string]bool
	records []*record
	columns []string // a table's fields by column, from its header row
	caption string   // a table's caption
	score   int
	dated   int
	single  bool // one block alone in its list
	issues  bool // a mail magazine's back numbers (backNumbers)
	// unpackedFrom is the set of which a block held this list rather
	// than being one event (splitContainers).
	unpackedFrom *recordSet
}

// marked says whether the set is sections under marked lines
// (markedSections).
func (s *recordSet) marked() bool { return strings.HasSuffix(s.key, ">marked+") }

// findRecordSets finds every set of repeated blocks under root.
func findRecordSets(root *html.Node) []*recordSet {
	var sets []*recordSet
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if n != root && skippedBlock(n) {
			return
		}
		sets = append(sets, childSets(n)...)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return sets
}

// childSets makes the sets of n's children: table rows under a header,
// children of one shape, dt/dd pairs, heading sections.
func childSets(n *html.Node) []*recordSet {
	var out []*recordSet
	kids := elementChildren(n)
	if n.Data == "table" || n.Data == "tbody" {
		if s := rowSet(n); s != nil {
			out = append(out, s)
		}
		if n.Data == "table" {
			return out
		}
	}
	// Children of one shape.
	var groups []*recordSet
	for _, c := range kids {
		switch c.Data {
		case "tr", "script", "style", "br", "hr", "thead", "tbody", "tfoot", "caption", "colgroup", "col", "dt", "dd", "option", "input", "img":
			continue
		}
		if holdsLines(c) {
			// Its lines are the blocks (splitLineBlocks).
			continue
		}
		key, classes := shapeOf(c)
		var g *recordSet
		for _, o := range groups {
			if o.key == key && sameClass(o.classes, classes) || cardMix(o.key, key) && sharedItemClass(o.classes, classes) {
				g = o
				break
			}
		}
		if g == nil {
			g = &recordSet{parent: n, key: key, classes: classes}
			groups = append(groups, g)
		}
		g.records = append(g.records, &record{nodes: []*html.Node{c}})
	}
	for _, g := range groups {
		if len(g.records) >= 2 || isLine(g.records[0].nodes[0]) {
			// A month of one meeting is a set of one line.
			out = append(out, g)
		}
	}
	// A list of one (the last page of a paged list): a set only if
	// nothing else on the page reads as events.
	if (n.Data == "ul" || n.Data == "ol") && len(groups) == 1 && len(groups[0].records) == 1 && groups[0].records[0].nodes[0].Data == "li" {
		groups[0].single = true
		out = append(out, groups[0])
	}
	// dt/dd pairs of a list (not of one event's labels).
	if n.Data == "dl" {
		var pairs []*record
		labelsOnly := 0
		for _, c := range kids {
			switch c.Data {
			case "dt":
				pairs = append(pairs, &record{nodes: []*html.Node{c}})
				if labelField(blockText(c)) != "" || isLabelText(blockText(c)) {
					labelsOnly++
				}
			case "dd":
				if len(pairs) > 0 {
					last := pairs[len(pairs)-1]
					last.nodes = append(last.nodes, c)
				}
			}
		}
		if len(pairs) >= 2 && 2*labelsOnly < len(pairs) {
			out = append(out, &recordSet{parent: n, key: "dl>dt+dd", records: pairs})
		}
	}
	if secs := markedSections(kids); secs != nil {
		out = append(out, &recordSet{parent: n, key: n.Data + ">marked+", records: secs})
	}
	// Sections under repeated headings. A higher heading between them
	// ends a section: the list goes on past one that only sorts it (創業を
	// 目指す方へ, 経営支援セミナー, 交流・人材確保 over a city's sections),
	// not past one over past events.
	for _, h := range []string{"h2", "h3", "h4", "h5"} {
		var secs []*record
		open := false // the last section takes the blocks that follow
		for _, c := range kids {
			if c.Data == h {
				secs, open = append(secs, &record{nodes: []*html.Node{c}}), true
				continue
			}
			if len(secs) > 0 {
				if isHeading(c) && headingLevel(c) < headingLevel(secs[0].nodes[0]) {
					if containsAny(blockText(c), pastSectionWords) {
						break
					}
					open = false
					continue
				}
				if open {
					last := secs[len(secs)-1]
					last.nodes = append(last.nodes, c)
				}
			}
		}
		if len(secs) >= 2 {
			out = append(out, &recordSet{parent: n, key: n.Data + ">" + h + "+", records: secs})
		}
	}
	return out
}

// markedSections are the sections of paragraphs that a site builder's
// rich text heads with a marked line instead of a heading (<p><strong>◆12月
// 例会・忘年会</strong></p>, then 日時：…, 場所：… a paragraph each): each
// marked line that names an event and the blocks up to the next marked
// line. Only the sections that give their date under a label (日時：12/9
// （水）18:30～) are kept; one such section is a set too (the one meeting
// of 終了した例会).
func markedSections(kids []*html.Node) []*record {
	var secs []*record
	open := false // the last section takes the blocks that follow
	for _, c := range kids {
		if heading, names := markedLine(c); heading {
			// A marked line that names no event (今後の支部行事, お知らせ)
			// ends the section before it and starts none.
			if open = names; names {
				secs = append(secs, &record{nodes: []*html.Node{c}})
			}
			continue
		}
		if open {
			last := secs[len(secs)-1]
			last.nodes = append(last.nodes, c)
		}
	}
	// Only the sections that give their date under a label: a marked
	// line over a report or a notice is no event's.
	var dated []*record
	for _, r := range secs {
		if slices.ContainsFunc(r.nodes[1:], labelledDate) {
			dated = append(dated, r)
		}
	}
	return dated
}

// labelledDate says whether n writes a date under a label: a line 日時：…,
// or a cell or term 日　時 with its value beside it.
func labelledDate(n *html.Node) bool {
	for _, line := range strings.Split(blockText(n), "\n") {
		if label, _, ok := strings.Cut(normSpace(line), "："); ok && labelField(label) == FieldDate {
			return true
		}
	}
	found := false
	walkElements(n, func(e *html.Node) bool {
		if found {
			return false
		}
		if (e.Data == "td" || e.Data == "th" || e.Data == "dt") && nextElementSibling(e) != nil && labelField(blockText(e)) == FieldDate {
			found = true
		}
		return !found
	})
	return found
}

func nextElementSibling(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// sentenceEnd ends a line that is a sentence, not a name: …しました,
// …ください, …ません.
var sentenceEnd = regexp.MustCompile(`(?:ます|ました|ません|ください|でした|です)[！!]?$`)

// markedLine says whether n is a paragraph of one short line marked as a
// heading is (◆, ■, ●, set wholly in bold, or a mail's block styled bold)
// and no label, and whether it names an event and is no sentence.
func markedLine(n *html.Node) (heading, names bool) {
	styled := false
	if n.Data == "table" {
		// A mail's block: a table around one cell whose style makes it a
		// heading (font-weight:bold; border-left:6px solid …).
		cell := soleCell(n)
		if cell == nil || !boldStyle.MatchString(attr(cell, "style")) {
			return false, false
		}
		n, styled = cell, true
	}
	if n.Data != "p" && n.Data != "div" && !styled || !shortInline(n, 240) {
		return false, false
	}
	t := normSpace(blockText(n))
	if t == "" || strings.Contains(t, "\n") || utf8.RuneCountInString(t) > 60 {
		return false, false
	}
	if label, _, ok := strings.Cut(t, "："); ok && labelField(label) != "" {
		return false, false
	}
	if !styled && !strings.ContainsRune("◆◇■□●▼", []rune(t)[0]) {
		bold := ""
		walkElements(n, func(c *html.Node) bool {
			if c.Data == "strong" || c.Data == "b" {
				bold += blockText(c)
				return false
			}
			return true
		})
		if normSpace(bold) != t {
			return false, false
		}
	}
	// It names an event, and is no sentence (定員に達したため受付を終了
	// しました in bold).
	name, _, _ := strings.Cut(t, "※") // its note: ※終了しました
	name = strings.TrimSpace(name)
	return true, (eventTitle(name) || namesGathering(name)) && !strings.Contains(name, "。") && !sentenceEnd.MatchString(name)
}

// boldStyle is an inline style that sets text bold.
var boldStyle = regexp.MustCompile(`(?i)font-weight\s*:\s*(?:bold|[6-9]00)`)

// soleCell is the one cell a table holds (table, tbody, tr, td, a table
// in it …), nil when it holds more than one.
func soleCell(n *html.Node) *html.Node {
	for depth := 0; depth < 12; depth++ {
		kids := elementChildren(n)
		if len(kids) != 1 {
			if n.Data == "td" || n.Data == "th" {
				return n
			}
			return nil
		}
		switch k := kids[0]; k.Data {
		case "tbody", "tr", "td", "th", "table":
			n = k
		default:
			if n.Data == "td" || n.Data == "th" {
				return n
			}
			return nil
		}
	}
	return nil
}

// shortInline says whether n holds only inline elements and at most max
// bytes of text: one line, cheap to tell before its text is read.
func shortInline(n *html.Node, max int) bool {
	size := 0
	ok := true
	walkElements(n, func(c *html.Node) bool {
		if !ok {
			return false
		}
		switch c.Data {
		case "p", "div", "ul", "ol", "li", "table", "dl", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "form":
			if c != n {
				ok = false
				return false
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.TextNode {
				size += len(k.Data)
			}
		}
		if size > max {
			ok = false
		}
		return ok
	})
	return ok
}

// isLabelText says whether a text is a short label (講師, 定員, 内容). A
// short text that names a gathering (例会, 総会, 新年会) is a title: a
// chamber's schedule often names its meetings so, and reading them as
// labels lost the rows.
func isLabelText(s string) bool {
	s = strings.Trim(normSpace(s), "　 :：【】[]■●◆・")
	return s != "" && utf8.RuneCountInString(s) <= 6 && !strings.ContainsAny(s, "0123456789０１２３４５６７８９") && !namesGathering(s)
}

// namesGathering says whether a text names a gathering (交流会, 例会 …).
func namesGathering(s string) bool { return containsAny(strings.ToLower(s), gatheringWords) }

func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

func isHeading(n *html.Node) bool { return headingLevel(n) > 0 }

func headingLevel(n *html.Node) int {
	if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
		return int(n.Data[1] - '0')
	}
	return 0
}

// tableRows lists the rows of t, a table (its own and those of its thead,
// tbody and tfoot) or a tbody.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for _, c := range elementChildren(t) {
		switch c.Data {
		case "tr":
			rows = append(rows, c)
		case "thead", "tbody", "tfoot":
			if t.Data == "table" {
				for _, r := range elementChildren(c) {
					if r.Data == "tr" {
						rows = append(rows, r)
					}
				}
			}
		}
	}
	return rows
}

// rowSet reads a table as rows of events under a header row: the header's
// cells name each column's field. A table whose rows are label/value pairs
// (one event's 日時, 会場 …) is no row set.
func rowSet(t *html.Node) *recordSet {
	rows := tableRows(t)
	s := &recordSet{parent: t, key: "table>tr"}
	if t.Data == "tbody" && t.Parent != nil {
		s.parent = t.Parent
	}
	for _, c := range elementChildren(s.parent) {
		if c.Data == "caption" {
			s.caption = normSpace(blockText(c))
		}
	}
	labelRows := 0
	for _, r := range rows {
		cells := elementChildren(r)
		allTH := len(cells) > 0
		for _, c := range cells {
			if c.Data != "th" {
				allTH = false
			}
		}
		if (allTH || headerCells(withoutRowNumbers(cells))) && len(cells) >= 2 && s.columns == nil && titleRows(s.records) {
			var columns []string
			named := false
			for _, c := range cells {
				f := columnField(blockText(c))
				columns = append(columns, f)
				named = named || f != ""
			}
			if !named {
				// A sheet's column letters (A, B, C) over its own
				// header row: no field yet.
				continue
			}
			// The rows above the header span the table: its title
			// (令和８年度 下期 行事予定表), read as its caption.
			for _, t := range s.records {
				s.caption = strings.TrimSpace(s.caption + " " + normSpace(blockText(t.nodes[0])))
			}
			s.records = nil
			s.columns = columns
			continue
		}
		if allTH {
			continue
		}
		if len(cells) == 2 && (labelField(blockText(cells[0])) != "" || isLabelText(blockText(cells[0]))) {
			labelRows++
		}
		s.records = append(s.records, &record{nodes: []*html.Node{r}})
	}
	if len(s.records) == 0 || 2*labelRows >= len(s.records) {
		return nil
	}
	if s.columns == nil && len(s.records) < 2 {
		return nil
	}
	return s
}

// titleRows says whether the rows read so far, above a header row, are
// all of one cell: a title spread over the table's width, as a sheet
// published from Excel starts, not rows of events.
func titleRows(rows []*record) bool {
	for _, r := range rows {
		filled := 0
		for _, c := range withoutRowNumbers(elementChildren(r.nodes[0])) {
			if normSpace(blockText(c)) != "" {
				filled++
			}
		}
		if filled > 1 {
			return false
		}
	}
	return true
}

// withoutRowNumbers is a row's cells without the row numbers a published
// spreadsheet prints in a <th> before each row (Google Sheets' pubhtml:
// <th class="row-headers-background">5</th>).
func withoutRowNumbers(cells []*html.Node) []*html.Node {
	var out []*html.Node
	for _, c := range cells {
		if c.Data == "th" {
			if t := normSpace(blockText(c)); t == "" || rowNumber.MatchString(t) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

var rowNumber = regexp.MustCompile(`^[0-9]{1,4}$`)

// headerCells says whether a table's first row is its header though
// written in <td>s, as Office exports and hand-made pages write it: every
// cell a short text without digits, and at least two naming a column
// (月日, 事業名, 場所), one of them the date or the title.
func headerCells(cells []*html.Node) bool {
	named := map[string]bool{}
	for _, c := range cells {
		t := strings.ReplaceAll(normSpace(blockText(c)), " ", "")
		if utf8.RuneCountInString(t) > 8 || strings.ContainsAny(t, "0123456789０１２３４５６７８９") {
			return false
		}
		if f := columnField(t); f != "" && t != "" {
			named[f] = true
		}
	}
	return len(named) >= 2 && (named[FieldDate] || named[FieldTitle])
}

// columnWords name what a table's column holds, by its header.
var columnWords = []struct {
	field string
	words []string
}{
	{FieldTitle, []string{"イベント名", "セミナー名", "講座名", "行事名", "事業名", "研修名", "相談名", "催し", "催事", "件名", "タイトル", "名称", "テーマ", "演題", "行事", "内容", "講演"}},
	// When a row was sent or posted (配信日時 of a mail archive): not the
	// event's date, a hint at most.
	{fieldListDate, []string{"配信日", "掲載日", "更新日", "投稿日", "発行日", "送信日"}},
	{FieldDate, []string{"開催日時", "開催日", "日時", "日付", "日程", "期日", "月日", "開催期間"}},
	{FieldTime, []string{"時間", "時刻"}},
	{FieldVenue, []string{"会場", "場所", "開催場所", "開催地"}},
	{FieldStatus, []string{"受付状況", "申込状況", "募集状況", "状況", "受付"}},
	{fieldNotes, []string{"備考", "注記", "摘要", "お知らせ"}},
}

// fieldNotes is a table's notes column: it may amend one row (この回のみ
// 会場：…) or say it is cancelled.
const fieldNotes = "notes"

func columnField(header string) string {
	h := strings.ReplaceAll(normSpace(header), " ", "")
	if f, ok := exactColumns[h]; ok {
		return f
	}
	for _, cw := range columnWords {
		for _, w := range cw.words {
			if strings.Contains(h, w) {
				return cw.field
			}
		}
	}
	return ""
}

// setInfo is what the blocks of a set say, read once to choose the sets.
type recInfo struct {
	lines     []pageLine
	text      string
	dateBox   bool // its date is a card's date box (12月 / 10): the event's day
	date      *dateCand
	dates     int // dates in the block
	links     []*linkInfo
	eventLink *linkInfo // the block's own event page or flyer
	posted    string    // a date in the block's byline: when it was posted
	title     string
	titleNode *html.Node // the element the title was read from
	runes     int
}

// linkInfo is a link of a block and what it leads to.
type linkInfo struct {
	url       string
	text      string
	node      *html.Node
	inHeading bool
	file      bool // a PDF, a document, an image, a calendar file
	form      bool // an application or contact form
	external  bool // on a host the source does not allow
	home      bool // a site's home page
	filter    bool // a category, a tag, a search: the list again
	utility   bool // print, map, 詳細 … by its text
	locked    bool // a login before the page (ログインして詳細を見る)
}

// page says whether the link leads to an HTML page of the event to read.
func (li *linkInfo) page() bool {
	return li != nil && !li.file && !li.form && !li.external && !li.home && !li.filter && !li.locked
}

// chooseSets scores every set and keeps those that read as events: the
// best, and others that do not overlap it and read as events as well (a
// section of past events, the blocks of a second kind).
func (l *listReader) chooseSets(sets []*recordSet) []*recordSet {
	for _, s := range sets {
		l.scoreSet(s)
	}
	sets = l.splitContainers(sets)
	sets = l.pairPosts(sets)
	// A post shown whole is read from its page: no list inside it (its
	// table of sessions on an archive page) is the page's list.
	var posts []*html.Node
	for _, s := range sets {
		for _, r := range s.records {
			if wholePost(l.info(s, r)) {
				posts = append(posts, r.nodes...)
			}
		}
	}
	for _, s := range sets {
		for _, p := range posts {
			if s.parent != p && contains(p, s.parent) {
				s.score = 0
			}
		}
	}
	for _, a := range sets {
		for _, b := range sets {
			if a.columns != nil && b.columns == nil && sameRecords(a, b) && b.score > a.score {
				// A table's rows under its header and the same rows of
				// its <tbody> alone: the header says what each cell is.
				a.score = b.score
			}
		}
	}
	for _, a := range sets {
		for _, b := range sets {
			if a.parent == b.parent && a.key+"+" == b.key && a.score == b.score {
				// Headings alone read as well as the sections they
				// head: the section holds the rest of the event (演題,
				// 会場).
				b.score++
			}
		}
	}
	for _, a := range sets {
		for _, b := range sets {
			if a.parent == b.parent && strings.HasSuffix(a.key, ">p") && strings.HasSuffix(b.key, "+") && b.score == a.score && a.dated > 0 && b.dated >= a.dated &&
				l.datedOnePerSection(a, b) {
				// The paragraphs of sections read as well as the sections,
				// a dated one in each: each section's heading names its
				// event.
				b.score = a.score + 1
			}
		}
	}
	for _, m := range sets {
		if !m.marked() || m.score < 2 {
			continue
		}
		for _, s := range sets {
			// The page builder's modules around ◆ sections hold the
			// sections' events and are none of them; the same children
			// one by one (a mail's blocks: the heading, its table of 日時
			// and 会場, its button) are parts of the sections.
			around := slices.ContainsFunc(s.records, func(r *record) bool {
				return slices.ContainsFunc(r.nodes, func(n *html.Node) bool { return n == m.parent || contains(n, m.parent) })
			})
			if s != m && (around || s.parent == m.parent && !strings.HasSuffix(s.key, "+")) {
				s.score = min(s.score, m.score-1)
			}
		}
	}
	slices.SortStableFunc(sets, func(a, b *recordSet) int { return b.score - a.score })
	var chosen []*recordSet
	for _, s := range sets {
		if s.score < 2 {
			break
		}
		if s.single && s.unpackedFrom == nil {
			continue
		}
		if len(chosen) > 0 && !sameShape(s, chosen[0]) && !slices.ContainsFunc(chosen, func(c *recordSet) bool { return c.key == s.key && strings.HasSuffix(s.key, "+") }) && (s.unpackedFrom == nil || !slices.Contains(chosen, s.unpackedFrom) && !s.single) && (s.score < 3 || !l.gatherings(s)) && !scheduleTable(s) {
			// A second list of another shape (news beside the events)
			// is kept only when its titles name gatherings, when a
			// block of a list chosen held it, when it is a table
			// whose header says each row is a dated event, or when
			// it is sections headed as a list chosen is (◆ 終了した
			// 例会 under ◆ 今後の例会).
			continue
		}
		if l.prose(s) {
			// Paragraphs of a text (an organiser's profile), one of which
			// names the next meeting's date: the list holds that meeting.
			continue
		}
		overlaps := false
		for _, c := range chosen {
			if overlap(s, c) {
				overlaps = true
				break
			}
		}
		if !overlaps {
			chosen = append(chosen, s)
		}
	}
	if len(chosen) == 0 {
		for _, s := range sets {
			if s.single && s.score >= 1 {
				chosen = append(chosen, s)
				break
			}
		}
	}
	chosen = append(chosen, l.sectionsBeside(sets, chosen)...)
	// In page order.
	slices.SortStableFunc(chosen, func(a, b *recordSet) int { return nodeOrder(a.records[0].nodes[0], b.records[0].nodes[0]) })
	return chosen
}

// pairPosts joins two sets of one parent that alternate, block by block, as a blog's posts do when its template writes each post's title
// and body as sibling boxes (Nucleus's div.contenttitle, then
// div.contentbody): each title and the body after it are one post, read
// as one block. Read apart, a body that links no page made an event of its
// first sentence.
func (l *listReader) pairPosts(sets []*recordSet) []*recordSet {
	for i := 0; i < len(sets); i++ {
		for j := 0; j < len(sets); j++ {
			a, b := sets[i], sets[j]
			if i == j || a.parent != b.parent || len(a.records) != len(b.records) || len(a.records) < 2 || !alternate(a, b) {
				continue
			}
			if !l.titlesAndBodies(a, b) {
				continue
			}
			for k, r := range a.records {
				r.nodes = append(r.nodes, b.records[k].nodes...)
				r.info = nil
			}
			l.scoreSet(a)
			sets = slices.Delete(sets, j, j+1)
			return l.pairPosts(sets)
		}
	}
	return sets
}

// titlesAndBodies says whether each block of a is only a title, the link
// to its post's page (not a day's archive: 2026年12月04日), and the block of
// b after it a body: no heading of its own, and no link to a page but its
// post's (続きを読む).
func (l *listReader) titlesAndBodies(a, b *recordSet) bool {
	for k, r := range a.records {
		in := l.info(a, r)
		li := in.eventLink
		if !li.page() || normSpace(blockText(r.nodes[0])) != normSpace(li.text) || datesAlone(li.text) {
			return false
		}
		body := b.records[k]
		for _, n := range body.nodes {
			heading := false
			walkElements(n, func(e *html.Node) bool {
				heading = heading || isHeading(e)
				return !heading
			})
			if heading {
				return false
			}
		}
		for _, bl := range l.info(b, body).links {
			if bl.page() && withoutFragment(bl.url) != withoutFragment(li.url) {
				return false
			}
		}
	}
	return true
}

// alternate says whether each block of b comes right after the block of a
// of its rank, before a's next: a1 b1 a2 b2 ….
func alternate(a, b *recordSet) bool {
	for k, r := range a.records {
		first, last := r.nodes[0], b.records[k].nodes[0]
		if nodeOrder(first, last) >= 0 {
			return false
		}
		if k+1 < len(a.records) && nodeOrder(last, a.records[k+1].nodes[0]) >= 0 {
			return false
		}
	}
	return true
}

// datedOnePerSection says whether each section of secs holds one dated
// paragraph of paras at most, every dated one a sentence (令和9年2月4日
// （木曜日）午後2時から…で開催します。) in a section.
func (l *listReader) datedOnePerSection(paras, secs *recordSet) bool {
	held := make([]int, len(secs.records))
	for _, p := range paras.records {
		if l.info(paras, p).date == nil {
			continue
		}
		if !strings.Contains(blockText(p.nodes[0]), "。") {
			return false // 日時：令和9年1月19日…: a section's labelled line
		}
		in := -1
		for i, sec := range secs.records {
			if slices.Contains(sec.nodes, p.nodes[0]) {
				in = i
			}
		}
		if in < 0 {
			return false
		}
		if held[in]++; held[in] > 1 {
			return false
		}
	}
	return true
}

// scheduleTable says whether a set is the rows of a table whose header
// names a date column and a title column (月日, 演題), every row dated.
func scheduleTable(s *recordSet) bool {
	return len(s.records) > 0 && s.dated == len(s.records) && slices.Contains(s.columns, FieldDate) && slices.Contains(s.columns, FieldTitle)
}

// prose says whether a set is the paragraphs of a text rather than a
// list: <p>s, most without a date, none linking a page of its own.
func (l *listReader) prose(s *recordSet) bool {
	if !strings.HasSuffix(s.key, ">p") || s.unpackedFrom != nil || 2*s.dated >= len(s.records) {
		return false
	}
	for _, r := range s.records {
		if in := l.info(s, r); in.eventLink.page() {
			return false
		}
	}
	return true
}

// sectionsBeside finds, among the sections of a page builder one of which
// holds a chosen list (the schedule's lines), the other sections that are
// each one event of their own: headed by the event's name, with its date
// labelled or written with its hours or weekday (新春特別講演会 / 日時：1月22日
// （金）14:00～16:00 / 会場：…). Each becomes a set of one block.
func (l *listReader) sectionsBeside(sets, chosen []*recordSet) []*recordSet {
	var out []*recordSet
	for _, s := range sets {
		if slices.Contains(chosen, s) || len(s.records) < 2 {
			continue
		}
		holder := false
		for _, r := range s.records {
			for _, c := range chosen {
				if contains(r.nodes[0], c.parent) {
					holder = true
				}
			}
		}
		if !holder {
			continue
		}
		for _, r := range s.records {
			taken := false
			for _, c := range chosen {
				if overlap(&recordSet{records: []*record{r}}, c) {
					taken = true
				}
			}
			if !taken && l.sectionEvent(s, r) {
				out = append(out, &recordSet{parent: s.parent, key: s.key, classes: s.classes, records: []*record{r}, score: 2, dated: 1})
			}
		}
	}
	return out
}

// sectionEvent says whether a section reads as one event: its heading
// names a gathering and it states one day, labelled as the event's or
// with its hours or weekday.
func (l *listReader) sectionEvent(s *recordSet, r *record) bool {
	in := l.info(s, r)
	if in.date == nil || in.title == "" || in.titleNode == nil || !isHeading(in.titleNode) || in.runes > maxRecordRunes || in.dates > 2 {
		return false
	}
	if !eventTitle(in.title) || noticeWord(in.title) != "" || closure(in.title) != "" {
		return false
	}
	if st, ok := statusIn(in.text); ok && st == event.StatusCancelled && hasWeekday(in.date.text) {
		// 12月3日（木）に…で予定しておりました…は中止: a cancellation
		// names the day it called off, seldom the hours.
		return true
	}
	return in.date.score >= 90 || in.date.timed && hasWeekday(in.date.text)
}

// withTextSections adds to items, read from the blocks from, the events
// of a text's sections (textSections) that the blocks missed: a section
// none of whose blocks was read as an event adds its own; one whose only
// event was read from a block inside it (a paragraph of its lines, titled
// by its first line) is read as the section instead, its heading naming
// the event.
func (l *listReader) withTextSections(root *html.Node, items []ListItem, from []*html.Node) []ListItem {
	for _, sec := range l.textSections(root) {
		r := sec.records[0]
		var inside []int
		for i, n := range from {
			for _, sn := range r.nodes {
				if n == sn || contains(sn, n) {
					inside = append(inside, i)
					break
				}
			}
		}
		if len(inside) > 1 || len(inside) == 1 && from[inside[0]] == r.nodes[0] {
			continue // its events are read, or it is the block read
		}
		item, _, ok := l.item(sec, r)
		if !ok {
			continue
		}
		if len(inside) == 1 {
			items[inside[0]] = item
		} else {
			items = append(items, item)
		}
	}
	return items
}

// textSections are the sections of a text (readPre's lines of a <pre>, a
// mail issue) that each read as one event: an issue or a page typed as
// text may announce a single event in a section of its own (■年末 経営者
// 交流会 between two rules, over its 日時 and 会場 lines) beside the text's
// own heading, its greeting and its notices, and no list of blocks then
// reads as events. Each section headed by a line of the text that reads
// as one event (sectionEvent) is a set of one; of a section and one it
// holds (the issue's heading over all of it), the one it holds.
func (l *listReader) textSections(root *html.Node) []*recordSet {
	var out []*recordSet
	walkElements(root, func(h *html.Node) bool {
		if !isHeading(h) || !textHeading(h) || h.Parent == nil {
			return true
		}
		r := &record{nodes: []*html.Node{h}}
		for c := h.NextSibling; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isHeading(c) && headingLevel(c) <= headingLevel(h) {
				break
			}
			r.nodes = append(r.nodes, c)
		}
		s := &recordSet{parent: h.Parent, key: h.Parent.Data + ">" + h.Data + "+", records: []*record{r}, score: 2, dated: 1}
		if l.sectionEvent(s, r) {
			out = append(out, s)
		}
		return false
	})
	var inner []*recordSet
	for _, a := range out {
		holds := false
		for _, b := range out {
			holds = holds || b != a && slices.Contains(a.records[0].nodes, b.records[0].nodes[0])
		}
		if !holds {
			inner = append(inner, a)
		}
	}
	return inner
}

// splitContainers takes out of the sets the blocks that hold a list of
// events rather than one: a block holding two or more blocks of another
// set, each dated and each an event of its own (its own page, or a title
// that names a gathering) — the box of a page builder that holds every
// past meeting, a tab panel of cards. Another block of the same set that
// holds a single block of that list's shape (a section of past events
// with one card left in it) gives that block to the list. Sets left
// without blocks are dropped; the sets changed are scored again.
func (l *listReader) splitContainers(sets []*recordSet) []*recordSet {
	type place struct {
		set *recordSet
		rec *record
	}
	owner := map[*html.Node][]place{}
	for _, s := range sets {
		for _, r := range s.records {
			for _, n := range r.nodes {
				owner[n] = append(owner[n], place{s, r})
			}
		}
	}
	containers := map[*record]bool{}
	changed := map[*recordSet]bool{}
	for _, inner := range sets {
		if !l.eventsOfTheirOwn(inner) {
			continue
		}
		for n := inner.parent; n != nil; n = n.Parent {
			for _, p := range owner[n] {
				if p.set == inner || containers[p.rec] || wholePost(l.info(p.set, p.rec)) {
					// (A post shown whole holds its body and its footer,
					// each dated, not a list: its page is read.)
					continue
				}
				containers[p.rec] = true
				changed[p.set], changed[inner] = true, true
				if inner.unpackedFrom == nil {
					inner.unpackedFrom = p.set // the nearest
				}
				// The outer set's other blocks that hold one block of
				// the inner list's shape.
				for _, r := range p.set.records {
					if r == p.rec || containers[r] {
						continue
					}
					if lone := l.loneBlock(inner, r); lone != nil {
						containers[r] = true
						inner.records = append(inner.records, lone)
					}
				}
			}
		}
	}
	if len(changed) == 0 {
		return sets
	}
	out := sets[:0]
	for _, s := range sets {
		if changed[s] {
			kept := s.records[:0]
			for _, r := range s.records {
				if !containers[r] {
					kept = append(kept, r)
				}
			}
			s.records = kept
			slices.SortStableFunc(s.records, func(a, b *record) int { return nodeOrder(a.nodes[0], b.nodes[0]) })
			if len(s.records) == 0 {
				continue
			}
			l.scoreSet(s)
		}
		out = append(out, s)
	}
	return out
}

// eventsOfTheirOwn says whether every block of a set of two or more is
// dated and titled and stands for an event of its own: each links its own
// page, or each has a title of its own that names an event.
func (l *listReader) eventsOfTheirOwn(s *recordSet) bool {
	if len(s.records) < 2 && !s.single || s.dated < len(s.records) {
		return false
	}
	pages, titles := map[string]bool{}, map[string]bool{}
	for _, r := range s.records {
		in := l.info(s, r)
		if in.date == nil || in.title == "" || in.runes > maxRecordRunes || in.dates > 2 {
			return false
		}
		if in.eventLink.page() {
			pages[in.eventLink.url] = true
		}
		if eventTitle(in.title) && utf8.RuneCountInString(in.title) >= 5 {
			titles[in.title] = true
		}
	}
	return len(pages) == len(s.records) || len(titles) == len(s.records)
}

// loneBlock is the block of the one element under r of the shape of
// inner's blocks, when there is exactly one and it is dated and titled;
// else nil.
func (l *listReader) loneBlock(inner *recordSet, r *record) *record {
	var found *html.Node
	n := 0
	for _, top := range r.nodes {
		walkElements(top, func(e *html.Node) bool {
			if n > 1 {
				return false
			}
			if key, classes := shapeOf(e); e != top && key == inner.key && sameClass(classes, inner.classes) {
				found = e
				n++
			}
			return true
		})
	}
	if n != 1 {
		return nil
	}
	lone := &record{nodes: []*html.Node{found}}
	if in := l.info(inner, lone); in.date == nil || in.title == "" {
		return nil
	}
	return lone
}

// englishGatherings are the words of gatheringWords as founders' and
// international groups name their events: Founders Meetup #18, OGIMACHI
// Pitch Night vol.11.
var englishGatherings = []string{"meetup", "workshop", "seminar", "webinar", "networking", "mixer", "conference", "hackathon",
	"pitch night", "demo day", "summit"}

// gatherings says whether at least half a set's blocks are titled as
// gatherings (交流会, セミナー …, Meetup, Workshop …).
func (l *listReader) gatherings(s *recordSet) bool {
	n := 0
	for _, r := range s.records {
		if t := strings.ToLower(l.info(s, r).title); (containsAny(t, gatheringWords) || containsAny(t, englishGatherings)) && utf8.RuneCountInString(t) >= 5 {
			n++
		}
	}
	return 2*n >= len(s.records)
}

func sameShape(a, b *recordSet) bool { return a.key == b.key && sameClass(a.classes, b.classes) }

// sameRecords says whether two sets hold the same blocks.
func sameRecords(a, b *recordSet) bool {
	if len(a.records) != len(b.records) {
		return false
	}
	for i := range a.records {
		if !slices.Equal(a.records[i].nodes, b.records[i].nodes) {
			return false
		}
	}
	return true
}

// overlap says whether two sets share a block or one's block holds the
// other's.
func overlap(a, b *recordSet) bool {
	for _, ra := range a.records {
		for _, na := range ra.nodes {
			for _, rb := range b.records {
				for _, nb := range rb.nodes {
					if na == nb || contains(na, nb) || contains(nb, na) {
						return true
					}
				}
			}
		}
	}
	return false
}

func contains(a, b *html.Node) bool {
	for n := b.Parent; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// nodeOrder compares two nodes' places in the document.
func nodeOrder(a, b *html.Node) int {
	if a == b {
		return 0
	}
	pa, pb := ancestry(a), ancestry(b)
	i := 0
	for i < len(pa) && i < len(pb) && pa[i] == pb[i] {
		i++
	}
	if i == len(pa) {
		return -1
	}
	if i == len(pb) {
		return 1
	}
	for n := pa[i]; n != nil; n = n.NextSibling {
		if n == pb[i] {
			return -1
		}
	}
	return 1
}

func ancestry(n *html.Node) []*html.Node {
	var out []*html.Node
	for ; n != nil; n = n.Parent {
		out = append(out, n)
	}
	slices.Reverse(out)
	return out
}

// scoreSet counts the blocks of a set that read as one event each.
func (l *listReader) scoreSet(s *recordSet) {
	texts := map[string]int{}
	infos := make([]*recInfo, len(s.records))
	for i, r := range s.records {
		infos[i] = l.info(s, r)
		for _, li := range infos[i].links {
			texts[li.text]++
		}
	}
	sharedReports(infos)
	s.issues = backNumbers(infos) || l.archive && len(infos) >= 2 && !slices.ContainsFunc(infos, func(in *recInfo) bool { return !in.eventLink.page() }) ||
		l.newsletter && countFunc(infos, l.issueRow) >= 2
	score, dated := 0, 0
	for _, in := range infos {
		if s.issues && issueTitle(in.title) && in.eventLink.page() {
			score += 2 // an issue: its events are in it
			continue
		}
		for _, li := range in.links {
			if len(s.records) >= 3 && texts[li.text] > len(s.records)/2 && !li.page() {
				li.utility = true
			}
		}
		if (in.runes > maxRecordRunes || in.dates > 3) && !wholePost(in) {
			score -= 2 // a container of events
			continue
		}
		if in.date != nil {
			dated++
		}
		// A title of a few characters (交流会, 講座) is a category's.
		titled := eventTitle(in.title) && utf8.RuneCountInString(in.title) >= 5
		if noticeWord(in.title) != "" || closure(in.title) != "" {
			continue // 休業のお知らせ, 会報…号: news, not events
		}
		switch {
		case in.date != nil && (in.eventLink != nil || titled || in.title != ""):
			score += 2
		case in.eventLink.page() && titled:
			score++
		}
		if containsAny(strings.ToLower(in.title), gatheringWords) && utf8.RuneCountInString(in.title) >= 5 {
			score++
		}
	}
	// A set of links that only filter or navigate: short texts, no dates.
	if dated == 0 && score < len(s.records)/2 {
		score = 0
	}
	if h := setHeading(s); !s.issues && (s.parent.Data == "table" || s.parent.Data == "tbody") {
		// A table headed 今月の相談日 or 税務カレンダー lists an office's
		// days: the section around it may hold an event, the rows none.
		if deskDay(h) != "" || noticeWord(h) != "" {
			score = 0
		}
	}
	s.score, s.dated = score, dated
}

// postQuery is a query that names one post on a site's top path.
var postQuery = regexp.MustCompile(`(?:^|&)(?:eid|p|page_id|entry|entry_id|post|id|no|mode=detail)=`)

// joinDateBox reads a card's date box, its month and its day a line each
// (Amelia's am-event-date: 12月 / 10), as the one date they are: 12月10日.
func joinDateBox(lines []pageLine) bool {
	joined := false
	for i := 0; i+1 < len(lines); i++ {
		m := boxMonth.FindStringSubmatch(normSpace(lines[i].text))
		d := boxDay.FindStringSubmatch(normSpace(lines[i+1].text))
		if m == nil || d == nil || inAnchor(lines[i].node) {
			continue // (a calendar's day box links that day's view, its events' hours elsewhere)
		}
		lines[i].text = m[1] + "月" + d[1] + "日"
		lines[i+1].text = ""
		joined = true
		i++
	}
	return joined
}

// inAnchor says whether n is inside a link.
func inAnchor(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.Data == "a" {
			return true
		}
	}
	return false
}

var (
	boxMonth = regexp.MustCompile(`^([0-9０-９]{1,2})\s*月$`)
	boxDay   = regexp.MustCompile(`^([0-9０-９]{1,2})$`)
)

// wholePost says whether a block is a blog's post shown whole on its top
// page: its title a heading that links the post's own page, under its date
// header (FC2's h2.entry_date, then h3.entry_header, the body and the
// footer) or over a footer with its permalink. The dates in its body are its event's and its footer's, not a
// list of events: the post's page is read for them.
func wholePost(in *recInfo) bool {
	if !in.eventLink.page() || !in.eventLink.inHeading || in.titleNode == nil || !isHeading(in.titleNode) ||
		normSpace(in.eventLink.text) != normSpace(in.title) {
		return false
	}
	titles := 0 // the headings that link a page: one post's, or a column of many
	for _, li := range in.links {
		if li.inHeading && li.page() {
			titles++
		}
	}
	if titles > 1 {
		return false
	}
	if len(in.lines) > 1 && in.lines[0].heading && datesAlone(in.lines[0].text) {
		return true
	}
	// ココログ's and Movable Type's archives: the date header above the
	// post, its footer's 固定リンク (permalink) to the post's page; gooブロ
	// グ's and others' footer: its comments and trackbacks, on its page.
	return slices.ContainsFunc(in.links, func(li *linkInfo) bool {
		t := strings.ToLower(normSpace(li.text))
		if t == "固定リンク" || t == "パーマリンク" || t == "permalink" {
			return true
		}
		same := li != in.eventLink && withoutFragment(li.url) == withoutFragment(in.eventLink.url)
		return same && containsAny(t, []string{"コメント", "comment", "トラックバック", "trackback"})
	})
}

// deskWords name a desk or a counter and its days: 相談窓口, 記帳指導日,
// 金融相談日, 申告相談.
var deskWords = []string{"窓口", "相談日", "指導日", "申告相談"}

// deskDay returns the desk word of a title that names no gathering, or
// "" (相談会 is a gathering; 相談日 a desk's day).
func deskDay(title string) string {
	if namesGathering(title) {
		return ""
	}
	for _, w := range deskWords {
		if strings.Contains(title, w) {
			return w
		}
	}
	return ""
}

// postbackPager says whether a page's list pages by ASP.NET postbacks
// (<a href="javascript:__doPostBack('ctl00$…$gvEventList','Page$2')">).
func postbackPager(doc *goquery.Document) bool {
	found := false
	doc.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		h := s.AttrOr("href", "")
		found = strings.HasPrefix(h, "javascript:__doPostBack(") && strings.Contains(h, "Page$")
		return !found
	})
	return found
}

// phoneAlternate is the page's version for phones it names in its head
// (<link rel="alternate" media="only screen and (max-width: 640px)">),
// on its own host, or nothing.
func phoneAlternate(doc *goquery.Document, base, page *url.URL, allowed func(string) bool, have []string) []string {
	var out []string
	doc.Find(`link[rel~="alternate"][media][href]`).Each(func(_ int, s *goquery.Selection) {
		if !strings.Contains(s.AttrOr("media", ""), "screen") {
			return
		}
		link, ok := siteLink(base, page, s.AttrOr("href", ""), allowed)
		if !ok || slices.Contains(have, link) || slices.Contains(out, link) {
			return
		}
		out = append(out, link)
	})
	return out
}

// newsletterName names, in a page's title or heading, a newsletter that a
// city, a chamber or a group issues month by month: 広報とよなか, 会報,
// 商工会だより.
// mailArchive names the page of a mail service's archive of a group's
// mails: メール アーカイブ, メルマガ バックナンバー, campaign archive.
var mailArchive = regexp.MustCompile(`(?i)メール\s*アーカイブ|(?:メルマガ|メールマガジン|メールニュース)\s*(?:の)?\s*(?:アーカイブ|バックナンバー)|campaign\s*archive|email\s*archive`)

var newsletterName = regexp.MustCompile(`(?i)広報|会報|だより|通信|ニュースレター|newsletter`)

// issueLinks are the links of a newsletter's page to its issues as web
// pages: the link, or the line it is on, names the issue (12月号（令和8年
// 12月1日発行） HTML版); not its PDFs. Each issue is read as a list page:
// the events it announces are among its articles.
func issueLinks(doc *goquery.Document, base, page *url.URL, allowed func(string) bool, have []string) []string {
	var out []string
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		line := normSpace(s.Parent().Text())
		if !issueNumber.MatchString(normSpace(s.Text())) && !issueNumber.MatchString(line) || issueNews.MatchString(line) {
			return
		}
		link, ok := siteLink(base, page, s.AttrOr("href", ""), allowed)
		if !ok || utilityLink(link, s.Text()) || slices.Contains(have, link) || slices.Contains(out, link) {
			return
		}
		out = append(out, link)
	})
	return out
}

// mailMagazine names, in a title, a mail magazine or mail news; issueNumber
// an issue of it: 第123号, vol.45, No.87, 12月号, 臨時号.
var (
	mailMagazine = regexp.MustCompile(`(?i)メールマガジン|メルマガ|メールニュース|mail\s*(?:magazine|news)`)
	issueNumber  = regexp.MustCompile(`(?i)第\s*[0-9０-９]+\s*号|vol\s*[.．]?\s*[0-9０-９]+|no\s*[.．]\s*[0-9０-９]+|[0-9０-９]{1,2}\s*月号|臨時号|号外|特別号`)
	// issueNews says a post announces that an issue went out: news of
	// the newsletter, not the issue.
	issueNews = regexp.MustCompile(`(?:発行|配信|掲載)(?:しました|いたしました|のお知らせ)|を(?:発行|配信)`)
)

// issueTitle says whether a title names one issue of a mail magazine as a
// back-number list titles its rows: 「メールマガジン 第123号（2026年11月15日
// 発行）」, 「例商工会 メールマガジン vol.45」.
func issueTitle(title string) bool {
	return mailMagazine.MatchString(title) && issueNumber.MatchString(title) && !issueNews.MatchString(title)
}

// issueRow says whether a block of a newsletter's page is an issue of it:
// it names one (令和8年12月号, No.735) and links its page (HTML版).
func (l *listReader) issueRow(in *recInfo) bool {
	return l.newsletter && in.eventLink.page() && issueNumber.MatchString(in.text) && !issueNews.MatchString(in.text)
}

func countFunc[T any](s []T, f func(T) bool) int {
	n := 0
	for _, x := range s {
		if f(x) {
			n++
		}
	}
	return n
}

// backNumbers says whether blocks are a mail magazine's back numbers: most
// of them, two at least, link an issue of it by its title. The events a
// small chamber or association announces are in the issues; a newsletter
// among the posts of a news list is news of it, and is left out.
func backNumbers(infos []*recInfo) bool {
	n := 0
	for _, in := range infos {
		if issueTitle(in.title) && in.eventLink.page() {
			n++
		}
	}
	return n >= 2 && 2*n > len(infos)
}

// reportLinkWords in a link's text say it leads to a report (報告を読む,
// 例会レポート).
var reportLinkWords = []string{"報告", "レポート", "report"}

// sharedReports drops, as the blocks' own pages, the link to a report that
// several blocks of a set share (past meetings each with 報告を読む to one
// page of reports): it is the site's page of reports, no block's event,
// and each block is then the whole event.
func sharedReports(infos []*recInfo) {
	blocks := map[string]int{}
	for _, in := range infos {
		seen := map[string]bool{}
		for _, li := range in.links {
			if !seen[li.url] {
				seen[li.url] = true
				blocks[li.url]++
			}
		}
	}
	for _, in := range infos {
		changed := false
		for _, li := range in.links {
			if blocks[li.url] > 1 && li.page() && containsAny(strings.ToLower(li.text), reportLinkWords) {
				li.filter, changed = true, true
			}
		}
		if changed {
			in.eventLink = chooseLink(in.links)
		}
	}
}

// eventWords in a title say it names a gathering.
var eventWords = []string{"交流会", "懇親会", "勉強会", "例会", "研修会", "講演会", "説明会", "相談会", "発表会", "大会", "総会",
	"祭", "まつり", "フェア", "セミナー", "講座", "講習", "教室", "フォーラム", "シンポジウム", "ワークショップ", "ハンズオン",
	"もくもく会", "ミートアップ", "meetup", "lt", "塾", "見学", "ツアー", "展示", "商談", "マッチング", "イベント", "集い",
	"つどい", "サロン", "カフェ", "ランチ", "朝会", "モーニング", "講話", "研修", "合宿", "ゼミ", "コンペ", "パーティ",
	"マルシェ", "賀詞交歓", "忘年", "新年会", "懇談会", "会議", "開催", "体験", "相談", "名刺交換", "ビジネス", "会"}

func eventTitle(title string) bool {
	t := strings.ToLower(title)
	return t != "" && containsAny(t, eventWords)
}

// info reads a block.
func (l *listReader) info(s *recordSet, r *record) *recInfo {
	if r.info != nil {
		return r.info
	}
	in := &recInfo{}
	r.info = in
	in.lines = linesOf(r.nodes)
	var parts []string
	for _, ln := range in.lines {
		parts = append(parts, ln.text)
	}
	in.text = strings.Join(parts, "\n")
	in.runes = utf8.RuneCountInString(in.text)
	if cell, date, ok := rowDayCell(s, r); ok {
		// A month table's day column (3, with 木 beside it) is read as
		// the date it is: 3日（木）.
		if i := lineOf(in.lines, cell); i >= 0 {
			in.lines[i].text = date
		}
	}
	in.dateBox = joinDateBox(in.lines)
	ctx := l.yearContext(s, r)
	var best *dateCand
	for i, ln := range in.lines {
		ln.text = withYears(ln.text, ctx)
		// A list item of a link and its date is, in a list, the
		// block's event: not the other post an event page links to
		// (linkItem) but the one this block lists.
		ln.node = nil
		for _, c := range lineDates(ln, i, nil, l.ref) {
			if c.score <= 0 {
				continue
			}
			in.dates++
			// Of two dates alike, the one that says more: a calendar's
			// day heading 2026年12月12日, then the entry's 2026年12月12日
			// - 2026年12月20日.
			if best == nil || c.score > best.score || c.score == best.score && dateRunsOn(c.text, best.text) {
				best = c
			}
		}
	}
	if in.dates > 1 {
		in.dates = distinctDays(in.lines, ctx, l.ref)
	}
	in.date = best
	for _, ln := range in.lines {
		if ln.byline && in.posted == "" {
			text := ln.text
			if ln.datetime != "" {
				text = ln.datetime
			}
			if _, err := jpdate.Parse(text, l.ref); err == nil {
				in.posted = text
			}
		}
	}
	for _, n := range r.nodes {
		l.collectLinks(n, in)
	}
	in.eventLink = chooseLink(in.links)
	if s.marked() {
		// Only the marked line's link is its event's page: the section's
		// others lead to a form or a report (当日の様子は活動報告を…).
		var own []*linkInfo
		for _, li := range in.links {
			if contains(r.nodes[0], li.node) {
				own = append(own, li)
			}
		}
		in.eventLink = chooseLink(own)
	}
	in.title, in.titleNode = l.recordTitle(s, r, in)
	return in
}

// distinctDays counts the different days the lines name.
func distinctDays(lines []pageLine, ctx []yearMonth, ref time.Time) int {
	days := map[string]bool{}
	for _, ln := range lines {
		for _, s := range sentences(withYears(ln.text, ctx)) {
			if sp, err := jpdate.Parse(s, ref); err == nil {
				days[sp.Start.Format("2006-01-02")] = true
			}
		}
	}
	return len(days)
}

// linesOf is the text of some nodes as lines, as pageLines makes them.
func linesOf(nodes []*html.Node) []pageLine {
	var lines []pageLine
	for _, n := range nodes {
		lines = append(lines, walkLines(n, false)...)
	}
	return lines
}

var (
	fileExt = regexp.MustCompile(`(?i)\.(pdf|docx?|xlsx?|pptx?|zip|ics|jpe?g|png|gif)$`)
	// An entry form is /entry/ or entry.php; a blog's posts are under
	// /entry/ (Hatena Blog: /entry/2026/12/04/183000).
	// A login page: login.php, /signin/, logon.cgi.
	loginPath = regexp.MustCompile(`(?i)(?:^|/)(?:log_?in|sign_?in|logon)(?:/|\.[a-z]+$|$)`)
	formPath  = regexp.MustCompile(`(?i)(?:^|/)(?:forms?|apply|application|participation|moushikomi|mousikomi|reserve|reservation|yoyaku|inquiry|contact|toiawase|otoiawase|signup|register|registration)(?:/|\.[a-z]+$|$)|(?:^|/)entry(?:/?$|\.[a-z]+$)|form\.(?:php|html?|cgi)$|/forms/`)
	// filterPath marks a link that lists again: a category, a tag, a search.
	// An archive of posts (/archives/, /archives/date/2026/11,
	// /archives/category/event) lists again; a post under it
	// (/archives/63, WordPress's and baserCMS's numbered permalinks) is
	// one post.
	filterPath = regexp.MustCompile(`(?i)/(category|categories|tag|tags|search|label|genre)(/|$|\?)|/archives?(/?$|\?|/(category|categories|tag|tags|date|author|page)\b|/(19|20)[0-9]{2}(/[0-9]{1,2})?/?$)|[?&](cat|cate|category|tag|q|s|genre|type|area)=`)
)

// genericWords are link texts that name no event (詳しく見る, 続きを読む, a
// board post's 返信).
var genericWords = []string{"詳細", "詳しく", "くわしく", "続き", "もっと見る", "more", "read", "こちら", "click", "チラシ", "pdf",
	"申込", "申し込", "お申込", "フォーム", "ページ", "一覧", "戻る", "ダウンロード", "印刷", "地図", "map", "アクセス", "返信",
	"で見る"} // LINE VOOMで見る, Instagramで見る

func (l *listReader) collectLinks(n *html.Node, in *recInfo) {
	var walk func(n *html.Node, heading bool)
	walk = func(n *html.Node, heading bool) {
		if n.Type != html.ElementNode {
			return
		}
		heading = heading || isHeading(n)
		if n.Data == "a" {
			href := attr(n, "href")
			link := resolve(l.base, href)
			if link == "" {
				return
			}
			u, err := url.Parse(link)
			if err != nil || sameDoc(u, l.page) {
				return
			}
			text := normSpace(strings.ReplaceAll(blockText(n), "\n", " "))
			li := &linkInfo{url: link, text: text, node: n, inHeading: heading}
			li.file = fileExt.MatchString(u.Path)
			li.external = !l.allowed(u.Hostname())
			li.form = formPath.MatchString(u.Path) || u.Host == "forms.gle" || strings.Contains(u.Path, "/forms/")
			// The site's top, not a post it shows by its query (JUGEM's
			// /?eid=12, WordPress's /?p=123).
			li.home = homeLink(href) || (u.Path == "" || u.Path == "/") && !postQuery.MatchString(u.RawQuery)
			// A members' page behind a login shows a crawler nothing of
			// the event: the block is all there is to read.
			li.locked = loginPath.MatchString(u.Path) || strings.Contains(text, "ログイン")
			// A path naming events may be an event's page (/event/tag-rugby/);
			// the list's own path with a category query lists it again.
			li.filter = filterPath.MatchString(u.Path+"?"+u.RawQuery) && (!strings.Contains(strings.ToLower(u.Path), "event") || u.RawQuery != "" && samePath(u, l.page))
			if words := idClassWords(n); categoryWords(words) || has(strings.Fields(attr(n, "rel")), "tag") ||
				n.Parent != nil && n.Parent.Data == "span" && categoryWords(idClassWords(n.Parent)) {
				// A category's link (class="category", rel="tag", or in
				// a <span class="…-category">) lists again.
				li.filter = true
			}
			if li.filter && issueTitle(text) {
				// /mailmag/archive/124.html titled as an issue: an issue
				// of the back numbers, not the list again.
				li.filter = false
			}
			li.utility = text == "" || utilityLink(link, text) || containsAny(strings.ToLower(text), genericWords)
			in.links = append(in.links, li)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, heading)
		}
	}
	walk(n, false)
}

// categoryWords says whether an element's class words name a category or
// tag: post-category, bs-blog-post__item-category, tags, term.
func categoryWords(words []string) bool {
	return has(words, "category") || has(words, "categories") || has(words, "tag") || has(words, "tags") || has(words, "term")
}

// chooseLink picks the block's own link: its event page first (in a
// heading, named by its text), else a flyer, a form or a page elsewhere.
func chooseLink(links []*linkInfo) *linkInfo {
	var best *linkInfo
	bestScore := -1
	for _, li := range links {
		if li.home || li.filter {
			continue
		}
		s := 0
		if li.page() {
			s += 4
		}
		if li.inHeading {
			s += 3
		}
		if !li.utility {
			s += 2
		}
		if li.text != "" && datesAlone(li.text) {
			// A calendar's day link (12月 9 水) leads to that day's
			// view, not to the event: its 続きを読む does.
			s -= 3
		}
		if best == nil || s > bestScore || s == bestScore && utf8.RuneCountInString(li.text) > utf8.RuneCountInString(best.text) {
			best, bestScore = li, s
		}
	}
	return best
}

// titleWords in an element's class or id mark the element holding a
// block's title.
var titleClassWords = []string{"title", "ttl", "name", "summary", "subject", "headline", "midashi"}

// recordTitle is the event's name as the block writes it: its title
// column, its heading, the element its markup calls the title, its link's
// text, or its first line that is neither a date nor a label.
func (l *listReader) recordTitle(s *recordSet, r *record, in *recInfo) (string, *html.Node) {
	if s.columns != nil {
		cells := elementChildren(r.nodes[0])
		for i, f := range s.columns {
			if f == FieldTitle && i < len(cells) {
				if t, _ := titleNotes(blockText(cells[i])); t != "" {
					return t, cells[i]
				}
			}
		}
	}
	if s.marked() {
		// A marked line heads its section as a heading would, without
		// its note (◆11月例会「…」 ※終了しました).
		if t, _, _ := strings.Cut(blockText(r.nodes[0]), "※"); cleanTitle(t) != "" {
			return cleanTitle(t), r.nodes[0]
		}
		if t := cleanTitle(blockText(r.nodes[0])); t != "" {
			return t, r.nodes[0]
		}
	}
	var found string
	var node *html.Node
	for _, n := range r.nodes {
		walkElements(n, func(e *html.Node) bool {
			if found != "" {
				return false
			}
			if isHeading(e) || e.Data == "dt" && len(r.nodes) > 0 && r.nodes[0] == e {
				// A date alone (<dt>2026年12月8日（火）14:00～</dt>) heads
				// the block but does not name the event.
				if t := cleanTitle(blockText(e)); t != "" && !isLabelText(t) && !datesAlone(t) {
					found, node = t, e
					return false
				}
			}
			return true
		})
	}
	if found != "" {
		return found, node
	}
	for _, n := range r.nodes {
		walkElements(n, func(e *html.Node) bool {
			if found != "" {
				return false
			}
			if bylineBlock(e) {
				// (Not the writer's name in a post's meta line:
				// ltel-post__meta's ltel-post__name.)
				return false
			}
			words := idClassWords(e)
			for _, w := range titleClassWords {
				if has(words, w) {
					// A calendar's date box (ai1ec-date-title: 12月 9 水)
					// is no name: the title is further in.
					if t := cleanTitle(blockText(e)); t != "" && !datesAlone(t) {
						found, node = t, e
						return false
					}
				}
			}
			return true
		})
	}
	if found != "" {
		return found, node
	}
	if li := in.eventLink; li != nil && li.text != "" {
		// 【12/15】年末調整説明会のご案内（PDF）: a flyer's link names its
		// event, the file's kind after it.
		text := strings.TrimSpace(fileKindTail.ReplaceAllString(li.text, ""))
		if text != "" && !containsAny(strings.ToLower(text), genericWords) && !(li.file && isLabelText(text)) {
			// A file's short name (案内状, 会報) names the document the
			// block attaches, not the event the block writes.
			return cleanTitle(text), li.node
		}
	}
	for _, ln := range in.lines {
		t := cleanTitle(ln.text)
		if t == "" || isLabelText(t) || datesAlone(t) || labelField(t) != "" {
			continue
		}
		if f, _ := labelledLine(t); f != "" {
			continue
		}
		if _, ok := statusIn(t); ok && utf8.RuneCountInString(t) <= 8 {
			continue
		}
		if sp, err := jpdate.Parse(t, l.ref); err == nil && !sp.Start.IsZero() && utf8.RuneCountInString(t) < 30 {
			// A one-line row: 12月3日（木）18:30～ 交流会. item cuts
			// the date and the time off.
			if rest, _ := cutTitleTime(datePrefix.ReplaceAllString(t, "")); rest != t && nameAfterDate(rest, l.ref) {
				return t, ln.node
			}
			continue
		}
		return t, ln.node
	}
	return "", nil
}

// flyerDated says whether a block's only link is its flyer whose name
// opens with the day of the gathering it names (【12/15】年末調整説明会の
// ご案内, 令和9年1月20日 新年賀詞交歓会について): the day is the event's;
// a posting date is no part of a flyer's name.
func flyerDated(title string, in *recInfo) bool {
	if in.eventLink == nil || !in.eventLink.file || !namesGathering(title) {
		return false
	}
	return datePrefix.MatchString(title) || markedDay.MatchString(title)
}

// markedDay is a day in 【】 opening a title: 【12/15】, 【1月20日】.
var markedDay = regexp.MustCompile(`^[【\[［]\s*[0-9０-９]{1,2}\s*(?:[/／]|月)\s*[0-9０-９]{1,2}\s*日?\s*(?:[（(][^）)]{1,4}[）)])?\s*[】\]］]`)

// plannedCancelled is a row's sentence that calls off the event it names,
// its date cut before: 【中止】 に予定しておりました青年部 親睦ボウリング大会は、
// 都合により中止いたします. Its group is the event's name.
var plannedCancelled = regexp.MustCompile(`^【中止】\s*(?:に)?予定(?:して)?(?:おりました|いました|していた)\s*(.{2,40}?)\s*は[、,]?[^。]{0,30}?中止`)

// fileKindTail is what a link to a file says of it after its name: （PDF）,
// (PDF：1.2MB), [PDF 350KB].
var fileKindTail = regexp.MustCompile(`[\s　]*[（(\[［]\s*(?:PDF|pdf|ＰＤＦ|Word|Excel)(?:\s*[：:／/]?\s*[0-9０-９.,]+\s*[KMkm]?B)?\s*[）)\]］]\s*$`)

// nameAfterDate says whether what a line writes after its date and time
// names an event: not a label (受付開始), a status (満席) or a second date.
func nameAfterDate(rest string, ref time.Time) bool {
	if rest == "" || isLabelText(rest) || labelField(rest) != "" {
		return false
	}
	if _, ok := statusIn(rest); ok && utf8.RuneCountInString(rest) <= 8 {
		return false
	}
	sp, _ := jpdate.Parse(rest, ref)
	r, _ := utf8.DecodeRuneInString(rest)
	return sp.Start.IsZero() && !strings.ContainsRune("～〜~-－", r)
}

// walkElements calls f on n and its element descendants in document
// order, not below an element for which f returns false.
func walkElements(n *html.Node, f func(*html.Node) bool) {
	if n.Type != html.ElementNode {
		return
	}
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkElements(c, f)
	}
}

// cleanTitle trims the marks a title is decorated with (■, 【】 of a
// category are kept: 【中止】 is the title's) and a board post's number
// before it ([139]).
func cleanTitle(s string) string {
	s = normSpace(strings.ReplaceAll(s, "\n", " "))
	s = postNumber.ReplaceAllString(s, "")
	if t := strings.TrimSpace(callToAction.ReplaceAllString(s, "")); t != "" {
		s = t
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "■□●○◆◇・★☆▼▽◎＊*>＞ "))
	// 🗓 3/19(金) 第43回 定例交流会: a pictograph heads the line as a mark
	// does.
	// 10月のうつぼ異業種交流会🌰: and one ends it as a flourish.
	return strings.TrimFunc(s, func(r rune) bool { return pictograph(r) || r == ' ' })
}

// pictograph says whether r is an emoji or a pictograph a writer decorates
// a line with (🗓, 🌰, ☕, ✨), or the joiners and selectors that go with
// them.
func pictograph(r rune) bool {
	return r >= 0x1F000 || r >= 0x2600 && r <= 0x27BF && r != '★' && r != '☆' || r == 0xFE0F || r == 0x200D
}

// callToAction is what a button's label adds after the event's name: ▶お申込み,
// ▶詳細・お申込み, レポートはこちら📷, ご参加ありがとうございました.
var callToAction = regexp.MustCompile(`\s*(?:[▶►▷→»]+\s*(?:お申し?込み?|申し?込む|詳細|詳しく|予約|チケット|参加登録)[^\s]{0,10}|\s(?:レポートはこちら|詳細はこちら|お申し?込みはこちら|ご参加ありがとうございました)[^\s]{0,3})$`)

// postNumber is the number a CGI board prints before each post's subject.
var postNumber = regexp.MustCompile(`^[\[［][0-9０-９]+[\]］]\s*`)

// statusTail is a status written after a title, apart from it, as a
// hand-made page marks a line: 中止 in red, 終了しました with a word of
// thanks in brackets.
var statusTail = regexp.MustCompile(`[\s　]+(?:開催中止|中止|延期|満席(?:御礼)?|満員(?:御礼)?|受付終了|募集終了|終了(?:しました|いたしました)?|定員に達しました|キャンセル済み|受付開始前|受付前|受付中)[!！。]*(?:[（(][^（）()]*[）)])?[!！。]*$`)

// datePlace splits a line of a date and its place set apart by a bar
// (2026.10.17 sat｜中之島 リストランテ・ソーレ): the date, the place, and
// whether the line is such.
func datePlace(line string, ref time.Time) (string, string, bool) {
	for _, bar := range []string{"｜", " | "} {
		d, place, ok := strings.Cut(line, bar)
		place = cleanVenue(strings.TrimSpace(place))
		if !ok || place == "" || utf8.RuneCountInString(place) > 40 {
			continue
		}
		if _, err := jpdate.Parse(d, ref); err != nil {
			continue
		}
		if _, err := jpdate.Parse(place, ref); err == nil {
			continue // a second date
		}
		if _, err := jpdate.ParseTime(place, ref); err == nil {
			continue // the hours
		}
		return strings.TrimSpace(d), place, true
	}
	return "", "", false
}

// dayPair is two days a table's cell writes a line each (26日<br>27日), read
// as one text: the event is held on both.
var dayPair = regexp.MustCompile(`(^|[^0-9０-９])([0-9０-９]{1,2})\s*日[\s　]+([0-9０-９]{1,2})\s*日(\s|$)`)

// moreLinkTail is a link's words after a row's name, to the page that says
// more: →詳しくはこちら, 詳細はこちら≫, ▶続きを読む.
var moreLinkTail = regexp.MustCompile(`[\s　]*[→⇒▶▷»≫>＞]*\s*(?:詳しくはこちら|詳細はこちら|詳細はコチラ|くわしくはこちら|続きを読む|もっと見る|詳しく見る|詳細を見る)\s*[>＞»≫]*$`)

// trailingStatus cuts statusTail off a title: the name and the mark.
func trailingStatus(title string) (string, string) {
	loc := statusTail.FindStringIndex(title)
	if loc == nil || loc[0] == 0 {
		return title, ""
	}
	return strings.TrimSpace(title[:loc[0]]), strings.TrimSpace(title[loc[0]:])
}

// adMark opens the title of a paid slot: 【PR】, [PR], ［広告］, PR：.
var adMark = regexp.MustCompile(`^\s*(?:[【\[［〔(（]\s*(?:PR|ＰＲ|広告|AD|Ad|スポンサー|Sponsored|sponsored)\s*[】\]］〕)）]|(?:PR|ＰＲ)\s*[:：|｜])`)

// closureWords in a block say it is a day without an event: the office
// closed, the year's work ending, a week without meeting, the day the
// office opens again after its holiday (1月6日（水）より通常どおり業務).
var closureWords = []string{"休館", "休業", "休会", "休所", "閉館", "御用納め", "御用始め", "仕事納め", "仕事始め", "定休", "休み", "窓口業務",
	"通常どおり業務", "通常通り業務", "平常どおり業務", "平常通り業務", "通常業務", "平常業務", "業務を再開", "業務再開",
	// a calendar's day without plans: 予定はありません。
	"予定はありません", "予定がありません", "予定なし"}

// item makes the list item of a block, or a refusal, or nothing (ok false
// and no refusal: the block is no event and nothing suggests it was).
func (l *listReader) item(s *recordSet, r *record) (ListItem, *Refusal, bool) {
	in := l.info(s, r)
	f := Fields{}
	title := in.title
	refused := func(reason string) (ListItem, *Refusal, bool) {
		where := l.page.String()
		if in.eventLink != nil {
			where = in.eventLink.url
		}
		return ListItem{}, &Refusal{URL: where, Title: title, Reason: reason}, false
	}
	if calendarWeek(r.nodes[0]) && len(in.links) == 0 {
		// A week of a month grid whose days hold short notes, not links
		// (3 北LC例会 12:30 / 8 中央LC例会 18:30): not one event of the
		// week, and the notes abbreviate the page's list of events.
		return ListItem{}, nil, false
	}
	if title == "" {
		// A dated block that names a gathering looked like an event:
		// say why it is left out rather than lose it silently.
		if in.date != nil && namesGathering(in.text) {
			title = firstLine(in.text)
			return refused("no title that can be read in its block")
		}
		return ListItem{}, nil, false
	}
	if s.issues && (issueTitle(title) || l.archive || l.issueRow(in)) && in.eventLink.page() {
		// An issue of back numbers: its events are read from it, and
		// the day the row shows is when it went out.
		return ListItem{Link: in.eventLink.url, Fields: Fields{FieldTitle: title, fieldIssue: "yes"}}, nil, true
	}
	if loc := moreLinkTail.FindStringIndex(title); loc != nil && loc[0] > 0 {
		// 年末大売出し 大抽選会 →詳しくはこちら: the link to its page is
		// no part of its name.
		title = strings.TrimSpace(title[:loc[0]])
	}
	if t, mark := trailingStatus(title); mark != "" {
		// 今里筋 秋の感謝祭　終了しました（ご来場ありがとうございました）:
		// the status is read from the block's text, not kept in its name.
		title = t
	}
	if in.titleNode != nil && isHeading(in.titleNode) {
		title = headingName(title, in)
	}
	if t := firstLanguageTitle(in.titleNode); t != "" && strings.HasPrefix(title, t) {
		// Autumn Networking Night <span lang="ja">秋の…</span>: a
		// bilingual page's title is the one it writes first.
		title = t
	}
	f[FieldTitle] = title
	// What the block's label/value pairs and columns say.
	for k, v := range l.blockFields(s, r) {
		f[k] = v
	}
	if m := usualVenueRef.FindStringSubmatch(f[FieldVenue]); m != nil {
		// 会場　いつもの会場（大阪商工会議所５階　第３会議室）: the usual
		// place, named in brackets or where the page states it once.
		f[FieldVenue] = strings.TrimSpace(m[1])
		if f[FieldVenue] == "" {
			delete(f, FieldVenue)
		}
	}
	if s.columns == nil {
		// A place a line's note names for this meeting alone, or
		// labels (※夜間例会 18:30～20:30　会場：…), and the hours it
		// gives this meeting.
		for _, n := range lineNotes(in.lines) {
			if f[FieldVenue] == "" {
				if place := notePlace(n); place != "" {
					f[FieldVenue] = place
				} else if v := noteLabels(n)[FieldVenue]; v != "" {
					f[FieldVenue] = v
				}
			}
			if f[FieldTime] == "" && !strings.Contains(f[FieldDate], ":") && !strings.Contains(f[FieldDate], "：") {
				if t := noteHours(n); t != "" {
					f[FieldTime] = t
				}
			}
		}
	}
	if room := f[fieldRoom]; room != "" {
		// ※この回のみ 3階 サファイアの間: a room of the row's building.
		venue := f[FieldVenue]
		if venue == "" {
			venue = l.common[FieldVenue]
		}
		f[FieldVenue] = roomIn(venue, room)
		delete(f, fieldRoom)
	}
	if w := deadlineWord(title); w != "" {
		return refused(fmt.Sprintf("no event: a deadline (%s)", w))
	}
	if m := adMark.FindString(title); m != "" {
		// A portal's paid slot among its events: 【PR】年末の大掃除は…
		return refused(fmt.Sprintf("no event: an advertisement (%s)", strings.TrimSpace(m)))
	}
	if w := closure(title); w != "" && in.eventLink == nil || w != "" && !eventTitle(strings.ReplaceAll(title, w, "")) {
		return refused(fmt.Sprintf("no event: the day is marked %s", w))
	}
	if w := strongNotice(title); w != "" && !in.eventLink.page() {
		// 賦課金 口座振替日, 組合事務所 年末年始休業 in a calendar: the
		// office's dates, with no page that could say otherwise.
		return refused(fmt.Sprintf("no event: a notice (%s)", w))
	}
	if w := deskDay(title); w != "" && !in.eventLink.page() {
		// 記帳指導日, 金融相談日 in a 商工会's table of the month's desks:
		// days an office answers, not gatherings.
		return refused(fmt.Sprintf("no event: a desk's day (%s)", w))
	}
	if strings.HasSuffix(title, "。") && !namesGathering(title) && in.eventLink == nil {
		// イベントカレンダーには、前月から…を掲載しています。: a note
		// about the list, its date the list's rule, no event.
		return refused("no event: a sentence that names no gathering")
	}
	if strings.HasSuffix(title, "。") && containsAny(title, pastVerbs) && !in.eventLink.page() {
		// 10月20日（火）、当所大会議室において秋の経営セミナーを開催し、
		// …36名の方にご参加いただきました。: a report's sentence.
		return refused("no event: a sentence reporting what took place")
	}
	if h := setHeading(s); !in.eventLink.page() && !namesGathering(title) && (deskDay(h) != "" || noticeWord(h) != "") {
		// The rows of a table headed 今月の相談日 (専門家相談（税理士）)
		// or 税務カレンダー (源泉所得税の納付): an office's days.
		return refused(fmt.Sprintf("no event: a row of %q", h))
	}
	if w := noticeWord(title); w != "" && !in.eventLink.page() && in.titleNode != nil && isHeading(in.titleNode) {
		// A newsletter's article under its heading, マイナンバーカードの
		// 休日臨時窓口, named by no gathering (a schedule's row, its theme
		// 新年度に向けて ～役員一同の決意～, is read as a meeting).
		return refused(fmt.Sprintf("no event: a notice (%s)", w))
	}
	if in.eventLink == nil && newsBlock(r.nodes[0]) {
		// <li class="ms-news-list__item"> 2026/12/02 「12/12(土) の生成AI
		// ハンズオンは中止になりました」: a news item, dated when it was
		// posted, with no page of an event.
		return refused("no event: a news item, dated when it was posted")
	}
	if noticesPage(trimSectionNumber(title)) {
		// ６．事務局からのお知らせ: the office's notices, each dated.
		return refused("no event: a heading of notices")
	}
	if _, set := f[FieldStatus]; !set {
		if st, ok := statusIn(in.text); ok {
			f[FieldStatus] = statusWord(st)
		} else if w := statusNotice(in.text); w != "" {
			f[FieldStatus] = w
		}
	}
	if in.date != nil && in.eventLink == nil && in.titleNode != nil && !isHeading(in.titleNode) {
		if w := strongNotice(in.date.text); w != "" && !strings.Contains(in.date.text, title) {
			// ・11月分の会費は11月27日（金）に口座振替となります over
			// the office's other notices: the day is the notice's.
			return refused(fmt.Sprintf("no event: its date is a notice's (%s)", w))
		}
	}
	// The date.
	trusted := false
	var weekdayErr error
	if in.date != nil {
		date := in.date.text
		if f[FieldDate] != "" {
			date = f[FieldDate]
		}
		date = dayPair.ReplaceAllString(date, "${1}${2}日・${3}日${4}") // 26日<br>27日: both days
		if d, place, ok := datePlace(date, l.ref); ok {
			date = d
			if f[FieldVenue] == "" {
				f[FieldVenue] = place
			}
		}
		date = withYears(date, l.yearContext(s, r))
		sp, err := jpdate.Parse(date, l.ref)
		if errors.Is(err, jpdate.ErrWeekday) {
			weekdayErr = err
		} else if err == nil {
			trusted = !sp.AllDay || hasWeekday(date) || in.date.score >= 90 || f[FieldDate] != "" || isoDate(date) || in.dateBox ||
				l.scheduleLine(s, r, in) || startMarked(r.nodes) || flyerDated(title, in)
		}
		if weekdayErr == nil {
			if trusted {
				f[FieldDate] = date
			} else {
				delete(f, FieldDate)
				f[fieldListDate] = date
			}
		} else {
			delete(f, FieldDate)
		}
	}
	if f[FieldDate] == "" && f[fieldListDate] == "" && in.posted != "" {
		f[fieldListDate] = in.posted
	}
	rowOpens := in.eventLink.page() && utf8.RuneCountInString(in.text) < 60 && !strings.Contains(title, "受付開始") &&
		bookingOpens.MatchString(normSpace(in.text))
	if bookingOpens.MatchString(title) || rowOpens {
		// 税理士による無料税務相談会　予約受付開始: the row of the day its
		// bookings open, linking the event's page, which another row
		// gives its own day.
		return refused("the day its bookings open (予約受付開始), not the event")
	}
	li := in.eventLink
	if li != nil && li.external {
		// A post on another site that the list alone tells of: a
		// thank-you for a meeting held (…ご参加いただいた皆さま
		// ありがとうございました), or a mark alone (【満席になりました】)
		// on an event another post announces, is none.
		if w := reportWord(title); w != "" {
			return refused(fmt.Sprintf("it reports on an event that took place (%s)", w))
		}
		if strings.HasPrefix(title, "【") && strings.HasSuffix(title, "】") && strings.Count(title, "【") == 1 {
			if _, ok := statusIn(title); ok {
				return refused("its name is a status alone: a notice about an event announced elsewhere")
			}
		}
	}
	if li.page() {
		if weekdayErr != nil {
			// The event page will say which is right; the row's date is
			// no hint.
			delete(f, fieldListDate)
		}
		return ListItem{Link: li.url, Fields: f}, nil, true
	}
	// The block is the event.
	if weekdayErr != nil {
		return refused(fmt.Sprintf("its printed weekday contradicts its date (%v)", weekdayErr))
	}
	if f[FieldDate] == "" && in.posted != "" && len(in.links) == 0 && namesGathering(title) && reportWord(title) == "" {
		// A past event's card without a page: its meta line's date
		// (seminar-card__meta 2026.11.17 TUE 交流会 終了) is all it
		// states, and no post it could be the day of.
		f[FieldDate] = in.posted
		delete(f, fieldListDate)
	}
	if f[FieldDate] == "" && f[fieldListDate] != "" && len(in.links) == 0 && namesGathering(title) && reportWord(title) == "" &&
		strings.Contains(strings.ReplaceAll(in.text, title, ""), "終了") {
		// A past seminars' row without a page (2026.11.12 年末調整
		// セミナー 終了しました): its date is the seminar's, there being no
		// post it could be the day of.
		f[FieldDate] = f[fieldListDate]
		delete(f, fieldListDate)
	}
	if f[FieldDate] == "" {
		if in.date != nil || len(in.links) > 0 && in.dates > 0 {
			return refused("no event page and no date that can be read in its block")
		}
		return ListItem{}, nil, false
	}
	if sp, err := jpdate.Parse(f[FieldDate], l.ref); err == nil && sp.AllDay {
		if t := blockHours(in); t != "" {
			f[FieldDate] += " " + t
		}
	}
	if roomBooking.MatchString(title) {
		// A facility's page lists its rooms' bookings beside its own
		// events: 貸室（団体利用） names no event, and 東成謡曲会 例会（貸室）
		// over 午前 or 夜間 is a slot booked, not a gathering announced.
		if strings.TrimSpace(roomBooking.ReplaceAllString(title, "")) == "" {
			return refused("a room booked (貸室) that names no event")
		}
		if sp, err := jpdate.Parse(f[FieldDate], l.ref); err == nil && sp.AllDay {
			return refused("a room booked (貸室) for a slot, with no hours of a gathering")
		}
	}
	for _, ln := range in.lines {
		// 年末調整説明会（11月18日（水）13:30～16:00　於：区民センター）:
		// the name before the bracket, the place after 於.
		// A theme the heading was given (headingName) stays.
		if name, _, venue, ok := bracketWhen(ln.text); ok && strings.HasPrefix(f[FieldTitle], name) && !strings.HasPrefix(f[FieldTitle][len(name):], "「") {
			f[FieldTitle] = name
			if v := f[FieldVenue]; v == "" || strings.Contains(normSpace(ln.text), v) {
				// The line names its place after 於 or not at all:
				// what else was read from it as one is its note.
				f[FieldVenue] = venue
			}
			if f[FieldVenue] == "" {
				delete(f, FieldVenue)
			}
			break
		}
	}
	if f[fieldEnd] == "" && endsAt.MatchString(f[FieldDate]) {
		// 午前8時30分 集合　午後6時頃 帰着予定: a trip's return is its end.
		if end := partsEnd(f[FieldDate], "", "", l.ref); !end.IsZero() {
			if sp, err := parseDate(f[FieldDate], "", l.ref); err == nil {
				f[FieldDate], f[fieldEnd] = sp.Start.Format(time.RFC3339), end.Format(time.RFC3339)
			}
		}
	}
	for k, v := range l.common {
		if f[k] == "" && (k == FieldTime || k == FieldVenue || k == FieldAddress || k == FieldFee || k == FieldOrganizer) {
			if k == FieldTime {
				if sp, err := jpdate.Parse(f[FieldDate], l.ref); err != nil || !sp.AllDay {
					continue
				}
			}
			f[k] = v
		}
	}
	if f[FieldVenue] == "" {
		if v := lineVenue(in, f[FieldDate]); v != "" {
			f[FieldVenue] = v
		}
	}
	// A schedule's one-line row: 第47回　2026年12月18日(金)　19:00～21:00
	// 忘年会スペシャル　残りわずか, 12月1日　講師：…　テーマ「…」.
	if s.columns == nil && (in.titleNode == nil || !isHeading(in.titleNode)) {
		if m := midHours.FindStringSubmatch(datePrefix.ReplaceAllString(f[FieldTitle], "")); m != nil &&
			!ordinalOnly.MatchString(strings.TrimSpace(m[1])) && !dayInText.MatchString(m[1]) {
			// 12月3日（木）大阪例北ライオンズクラブ 12月第1例会　12:30～
			// ホテル例 2F: the name, its hours, then its place.
			f[FieldTitle] = strings.TrimSpace(m[1])
			if v := cleanVenue(m[2]); f[FieldVenue] == "" && v != "" {
				f[FieldVenue] = v
			}
		}
		if f[FieldVenue] == "" {
			// The place closes the line, after the speaker that
			// scheduleTitle cuts: 経営講座「…」 講師：… 氏（本町ビル 3階）.
			if t, v := trailingPlace(f[FieldTitle]); v != "" {
				f[FieldTitle], f[FieldVenue] = t, v
			}
		}
		if t := scheduleTitle(f[FieldTitle]); t != "" {
			f[FieldTitle] = t
		}
	}
	// A one-line block: R8.11.16(月)　第117回研修会「…」（例会館 2F 研修室）,
	// 【12/15】年末調整説明会のご案内.
	if t := datePrefix.ReplaceAllString(f[FieldTitle], ""); t != f[FieldTitle] && t != "" {
		f[FieldTitle] = t
	}
	if t := strings.TrimSpace(markedDay.ReplaceAllString(f[FieldTitle], "")); t != f[FieldTitle] && t != "" {
		f[FieldTitle] = t
	}
	// 【中止】1/23（土）10:00〜 もちつき大会: the date and time after a
	// status mark are the row's, as they are at the start.
	if t := statusMarkDate(f[FieldTitle]); t != f[FieldTitle] {
		mark, rest, _ := strings.Cut(t, "】")
		if u, clock := cutTitleTime(rest); clock != "" {
			rest = u
		}
		f[FieldTitle] = mark + "】" + rest
	}
	if m := plannedCancelled.FindStringSubmatch(f[FieldTitle]); m != nil {
		// 【中止】12月12日（土）に予定しておりました青年部 親睦ボウリング
		// 大会は、都合により中止いたします: the notice names the event.
		f[FieldTitle] = "【中止】" + strings.TrimSpace(m[1])
		f[fieldCalledOff] = strings.TrimSpace(m[1])
	}
	// The time before the name (18:30～ 交流会) is the event's.
	if t, clock := cutTitleTime(f[FieldTitle]); clock != "" {
		f[FieldTitle] = t
		if sp, err := jpdate.Parse(f[FieldDate], l.ref); !sp.Start.IsZero() && sp.AllDay && !errors.Is(err, jpdate.ErrWeekday) {
			f[FieldDate] += " " + clock
		}
	}
	if f[FieldVenue] == "" {
		if t, v := trailingPlace(f[FieldTitle]); v != "" {
			f[FieldTitle], f[FieldVenue] = t, v
		} else if isLine(r.nodes[0]) {
			if t, v := lineBracketPlace(f[FieldTitle]); v != "" {
				f[FieldTitle], f[FieldVenue] = t, v
			}
		}
	}
	if m := timePart.FindStringSubmatch(f[FieldDate] + " " + f[FieldTime]); m != nil && s.columns != nil && !strings.Contains(f[FieldTitle], m[1]) {
		// 【午前の部】10:00〜12:00 and 【午後の部】14:00〜16:00 of one
		// seminar on one day: each part is an event, named by its part.
		f[FieldTitle] += "（" + m[1] + "）"
	}
	splitAddress(f)
	dropUndecided(f)
	item := ListItem{Fields: f, Whole: true}
	if li != nil {
		item.Link = li.url
	}
	return item, nil, true
}

// headingName is the event's name a section's heading gives: what it
// writes before the date it holds (■若手部会　読書会　12月19日（土）
// 午前十時～正午), and for a meeting the heading names only by its number
// (■第612回例会　12月8日（火）), the theme a line of the section states
// (演　題　「…」); a text's heading that names a kind of meeting (支部研修会)
// has the theme after it.
func headingName(title string, in *recInfo) string {
	if loc := inlineDate.FindStringIndex(title); loc != nil && loc[0] > 0 {
		title = cleanTitle(title[:loc[0]])
	}
	for _, ln := range in.lines {
		m := themeLine.FindStringSubmatch(normSpace(ln.text))
		switch {
		case m == nil:
			continue
		case roundNumber.MatchString(title):
			return strings.TrimSpace(m[1])
		case !strings.ContainsAny(title, "「『") && in.titleNode != nil && textHeading(in.titleNode):
			// A text's 支部研修会 over テーマ：「…」: the event is known by
			// both. (A page's heading names its event as its writer
			// meant it.) The heading's day and what follows it
			// (（2/17）予告, （2/17）※一般参加可) are not the name's.
			t := title
			if loc := bracketDay.FindStringIndex(t); loc != nil && loc[0] > 0 {
				t = t[:loc[0]]
			}
			return strings.TrimSpace(t) + "「" + strings.TrimSpace(m[1]) + "」"
		}
		break
	}
	return title
}

// bracketDay is a day in brackets after a name: （2/17）, (12月5日).
var bracketDay = regexp.MustCompile(`[（(]\s*[0-9０-９]{1,2}\s*[/／月]\s*[0-9０-９]{1,2}\s*日?\s*(?:[（(][^（）()]{1,3}[）)])?\s*[）)]`)

// themeLine is a line that states a meeting's theme: 演　題　「…」, テーマ：「…」.
var themeLine = regexp.MustCompile(`^[■●・\s]*(?:演\s*題|テ\s*ー\s*マ)\s*[：:]?\s*「(.+)」$`)

// scheduleLine says whether a block is a line of a schedule: it links
// nothing, starts with its date written without a year, and the year
// comes from the heading or caption it stands under (2026年12月・2027年1月の
// 予定 / 12月1日 講師：… テーマ「…」). Such a date is the meeting's, not a
// posting date: a list of posts writes each post's year, or links it.
func (l *listReader) scheduleLine(s *recordSet, r *record, in *recInfo) bool {
	if len(in.links) > 0 || in.date == nil || in.date.line != 0 || len(l.yearContext(s, r)) == 0 {
		return false
	}
	first := cleanTitle(in.lines[0].text)
	return monthDayLead.MatchString(first)
}

// monthDayLead is a month and day without a year at the start of a line.
var monthDayLead = regexp.MustCompile(`^[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|^[0-9０-９]{1,2}\s*[/／]\s*[0-9０-９]{1,2}(?:[^0-9０-９/／]|$)`)

// blockHours is the time of a block whose date line gives none, when a
// line of the block is those hours alone (19:00～21:00 under the day's
// heading) or writes them before the block's title (19:00～21:00 定例会
// 例ビル 5F); "" when none does.
func blockHours(in *recInfo) string {
	for _, ln := range in.lines {
		if ln.byline {
			continue
		}
		if t := timeOnly(ln.text); t != "" {
			return t
		}
		if t := leadingHours(ln.text); t != "" {
			return t
		}
		if m := hoursSlash.FindStringSubmatch(ln.text); m != nil {
			return m[1]
		}
		if in.title == "" {
			continue
		}
		if rest, clock := cutTitleTime(normSpace(ln.text)); clock != "" && strings.HasPrefix(rest, in.title) {
			return clock
		}
	}
	return ""
}

// leadingHours reads the hours that open a note, followed by words about
// the event (18:00〜　理事・支部長, 18:30〜 合同例会): a row's 備考. Hours
// followed by where to meet or sign in (8:00 集合, 16:30 受付) are not
// the event's.
func leadingHours(line string) string {
	l := normSpace(line)
	if m := hoursNoted.FindStringSubmatch(l); m != nil {
		// 19:00〜21:30（受付18:30〜）｜梅田 ビストロ…: the bracket notes
		// the hours, the bar parts them from the place.
		l = m[1] + " " + m[2]
	}
	head, rest, ok := strings.Cut(strings.ReplaceAll(l, "　", " "), " ")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	t := timeOnly(head)
	if t == "" || containsAny(rest, []string{"集合", "受付", "開場", "締切", "〆切", "まで"}) {
		return ""
	}
	return t
}

// hoursNoted is hours, a bracketed note on them and a bar before what
// follows: 19:00〜21:30（受付18:30〜）｜梅田 ビストロ ラ・リュンヌ 貸切.
var hoursNoted = regexp.MustCompile(`^([0-9０-９]{1,2}[:：][0-9０-９]{2}\s*[〜～~\-－]\s*[0-9０-９]{1,2}[:：][0-9０-９]{2})\s*(?:[（(][^）)]{1,20}[）)])?\s*[｜|／/]\s*(.+)$`)

// firstLine is a block's first line, to name it in a refusal.
func firstLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	if utf8.RuneCountInString(line) > 60 {
		line = string([]rune(line)[:60]) + "…"
	}
	return line
}

func isoDate(s string) bool {
	return isoStamp.MatchString(s) || isoDay.MatchString(strings.TrimSpace(s))
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(\s|$)`)

// statusWord is a word that BuildEvent reads as st.
func statusWord(st event.Status) string {
	switch st {
	case event.StatusCancelled:
		return "中止"
	case event.StatusPostponed:
		return "延期"
	case event.StatusFull:
		return "満席"
	}
	return ""
}

// datePrefix is a date at the start of a title: R8.11.16(月), 2026.12.4,
// 12月3日（木）, 12/3（木）, 3/6(土)〜7(日).
var datePrefix = regexp.MustCompile(`^(?:[RH]|令和|平成)?\s*[0-9０-９]{1,4}\s*[.．/／年\-]\s*[0-9０-９]{1,2}\s*[.．/／月\-]\s*[0-9０-９]{1,2}\s*日?\s*(?:[（(][^）)]{1,4}[）)])?[\s　]*|^[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*(?:[（(][^）)]{1,4}[）)])?[\s　]*` +
	`|^[0-9０-９]{1,2}\s*[/／]\s*[0-9０-９]{1,2}\s*(?:[（(][^）)]{1,4}[）)](?:\s*[〜～~]\s*(?:[0-9０-９]{1,2}\s*[/／]\s*)?[0-9０-９]{1,2}\s*[（(][^）)]{1,4}[）)])?[\s　]*|[\s　]+)`)

// titleTime is a time, or a range of times, at the start of a title, as
// a schedule's row writes it between the date and the event's name:
// 18:30～ 交流会, 18:30-20:30 例会, 午後6時半から 忘年会.
var titleTime = regexp.MustCompile(`^(?:午前|午後)?\s*[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|時\s*(?:[0-9０-９]{1,2}\s*分|半)?)` +
	`(?:\s*(?:[～〜~\-－]|から)\s*(?:(?:午前|午後)?\s*[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|時\s*(?:[0-9０-９]{1,2}\s*分|半)?)(?:\s*まで)?)?)?` +
	`(?:\s*(?:から|より|開始|開演|スタート))?`)

// cutTitleTime splits the time written at the start of a title from it:
// the title without it, and the time ("" when it starts with none, or
// nothing would be left: 10時間で学ぶ… is a title).
func cutTitleTime(title string) (string, string) {
	m := titleTime.FindString(title)
	if m == "" {
		return title, ""
	}
	rest := strings.TrimLeft(title[len(m):], " 　|｜/／:：・")
	if rest == "" || strings.HasPrefix(rest, "間") {
		return title, ""
	}
	if _, err := jpdate.ParseTime(m, time.Date(2000, 1, 1, 0, 0, 0, 0, jpdate.Tokyo)); err != nil && !errors.Is(err, jpdate.ErrAmbiguous) {
		return title, ""
	}
	return rest, strings.TrimSpace(m)
}

// placeWords name a place.
var placeWords = []string{"会館", "ホール", "ビル", "会議室", "研修室", "ホテル", "センター", "プラザ", "会場", "公民館", "ルーム", "room",
	"スペース", "階", "ラウンジ", "サロン", "教室", "オンライン", "zoom"}

// trailingPlace splits a place written in brackets at a title's end
// (第117回研修会「…」（例会館 2F 研修室）) from the title.
func trailingPlace(title string) (string, string) {
	if m := atPlace.FindStringSubmatch(title); m != nil && !asciiOnly(m[2]) {
		// 青年部 合同ボウリング大会 @淀北スターレーン: a caption's place
		// after an at sign (not a handle, @example_jp).
		return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(title, br[1]) {
			continue
		}
		i := strings.LastIndex(title, br[0])
		if i <= 0 {
			continue
		}
		inner := strings.TrimSpace(title[i+len(br[0]) : len(title)-len(br[1])])
		if containsAny(strings.ToLower(inner), placeWords) {
			return strings.TrimSpace(title[:i]), inner
		}
	}
	return title, ""
}

// atPlace is a title whose end names the place after an at sign.
var atPlace = regexp.MustCompile(`^(.*\S)\s*[@＠]\s*([^@＠\s][^@＠]{0,30})$`)

// asciiOnly says whether s holds no character beyond ASCII.
func asciiOnly(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return false
		}
	}
	return true
}

// deadlineWords in a title say it names a deadline rather than an event:
// 【締切】新年会 出欠回答期限, 2027年度 年会費 納入期限, 出展申込締切.
var deadlineWords = []string{"締切", "締め切り", "〆切", "期限", "締切日"}

// deadlineWord returns the deadline word a title starts with in brackets
// (【締切】…) or ends with (…納入期限), or "". A title naming the deadline
// along the way (申込締切間近！経営セミナー) names an event.
func deadlineWord(title string) string {
	t := strings.TrimSpace(strings.TrimRight(normSpace(title), "。．.!！"))
	for _, w := range deadlineWords {
		if strings.HasSuffix(t, w) {
			return w
		}
		for _, br := range [][2]string{{"【", "】"}, {"[", "]"}, {"［", "］"}, {"《", "》"}, {"〈", "〉"}} {
			if strings.HasPrefix(t, br[0]+w+br[1]) {
				return w
			}
		}
	}
	return ""
}

// closure returns the closure word a title carries, or "".
func closure(title string) string {
	title = withoutLawNames(title)
	for _, w := range closureWords {
		if strings.Contains(title, w) {
			return w
		}
	}
	return ""
}

// blockFields reads the fields a block writes: its table columns, its
// label/value pairs (dt/dd, th/td, 【日時】 lines), its notes, a place its
// markup calls one.
func (l *listReader) blockFields(s *recordSet, r *record) Fields {
	f := Fields{}
	if s.columns != nil {
		cells := elementChildren(r.nodes[0])
		var notes []string
		for i, field := range s.columns {
			if i < len(cells) && field == FieldTitle {
				// ※この回は午後5時～… under the title.
				_, n := titleNotes(blockText(cells[i]))
				notes = append(notes, n...)
			}
			if i >= len(cells) || field == "" || field == FieldTitle {
				continue
			}
			v := cellText(cells[i])
			if v == "" || strings.Trim(v, "-－−―ー─　 ") == "" {
				continue
			}
			switch field {
			case fieldNotes:
				notes = append(notes, v)
			case FieldStatus:
				if st, ok := statusIn(v); ok {
					f[FieldStatus] = statusWord(st)
				}
			case FieldDate:
				if _, date, ok := rowDayCell(s, r); ok {
					v = date
				}
				if f[FieldDate] == "" {
					f[FieldDate] = v
				}
			case fieldWeekday, fieldMonth:
				// Read with the day column.
			case FieldTime:
				if f[field] == "" && !gatheringOnly(v) {
					f[field] = gatherHours(v)
				}
			case FieldVenue:
				if f[field] == "" {
					f[field] = venueCell(blockText(cells[i]))
				}
			default:
				if f[field] == "" {
					f[field] = v
				}
			}
		}
		for _, n := range notes {
			rowNote(f, n)
		}
		if t := f[FieldTime]; t != "" && f[FieldDate] != "" {
			f[FieldDate] += " " + t
			delete(f, FieldTime)
		}
	}
	for _, n := range r.nodes {
		walkElements(n, func(e *html.Node) bool {
			var val *html.Node
			switch e.Data {
			case "dt":
				val = nextElement(e, "dd")
			case "th":
				val = nextElement(e, "td")
			default:
				return true
			}
			field := labelField(blockText(e))
			if field == "" || val == nil || f[field] != "" {
				return true
			}
			text := blockText(val)
			if field == FieldVenue {
				if venue, addr, ok := venueLines(text); ok {
					f[FieldVenue] = venue
					if f[FieldAddress] == "" {
						f[FieldAddress] = addr
					}
					return true
				}
			}
			if v := normSpace(strings.ReplaceAll(text, "\n", " ")); v != "" {
				f[field] = v
			}
			return true
		})
		walkElements(n, func(e *html.Node) bool {
			if f[FieldVenue] != "" {
				return false
			}
			if e == n {
				return true // the block's own class says what it is about, not where
			}
			words := idClassWords(e)
			if has(words, "venue") || has(words, "place") || has(words, "location") || has(words, "where") || has(words, "kaijo") || has(words, "basho") {
				v := normSpace(strings.ReplaceAll(blockText(e), "\n", " "))
				if _, err := jpdate.Parse(v, l.ref); v != "" && !isLabelText(v) && err != nil && utf8.RuneCountInString(v) <= 60 {
					f[FieldVenue] = v
				}
				return false
			}
			return true
		})
	}
	var text []string
	for _, n := range r.nodes {
		text = append(text, blockText(n))
	}
	for k, v := range labelledText(strings.Join(text, "\n")) {
		if f[k] == "" {
			f[k] = v
		}
	}
	if d := f[FieldDate]; d != "" && f[FieldTime] != "" {
		if sp, err := jpdate.Parse(d, l.ref); err == nil && sp.AllDay {
			f[FieldDate] = d + " " + f[FieldTime]
		}
		delete(f, FieldTime)
	}
	if v := cleanVenue(f[FieldVenue]); v != "" {
		f[FieldVenue] = v
	}
	return f
}

// standingPlace is a list's note of the place of every event that names
// none: ※会場は、特に記載のないものは当会研修室です, 特に記載のない場合、
// 会場は例会館 3階です.
var standingPlace = regexp.MustCompile(`(?:(?:会場|場所)は[、,\s　]*(?:特に|とくに)?(?:記載|表記|明記|記述|記入|指定)の?(?:ない|無い)(?:もの|場合|限り|回)[はもに、,\s　]*|(?:特に|とくに)?(?:記載|表記|明記|記述|記入|指定)の?(?:ない|無い)(?:もの|場合|限り|回)[はもに、,\s　]*(?:会場|場所)は[、,\s　]*)(.{2,40}?)(?:です|でございます|となります|にて開催|で開催|にて行|で行)`)

// standingVenue reads a standing note of the place (standingPlace) in a
// paragraph, or "".
func standingVenue(text string) string {
	m := standingPlace.FindStringSubmatch(normSpace(text))
	if m == nil {
		return ""
	}
	return strings.Trim(m[1], "「」『』 　")
}

// usualVenueRef is a venue that refers to the usual one, with its name
// in brackets or not: いつもの会場（…）, 通常の会場.
var usualVenueRef = regexp.MustCompile(`^(?:いつもの|通常の|例会の|定例の)(?:会場|場所)\s*(?:[（(](.+)[）)])?$`)

// usualWords say a sentence states what is the rule for every meeting.
var usualWords = []string{"原則として", "原則", "通常", "いつも", "毎月", "毎週", "定例"}

// usualHours are hours written in a sentence, in figures or in kanji
// numerals: 午後六時三十分から八時三十分まで, 午後6時30分～8時30分.
var usualHours = regexp.MustCompile(`(?:午[前後])?[0-9０-９一二三四五六七八九十]{1,3}時(?:[0-9０-９一二三四五六七八九十]{1,3}分|半)?\s*(?:から|～|〜|~|－|-)\s*(?:午[前後])?[0-9０-９一二三四五六七八九十]{1,3}時(?:[0-9０-９一二三四五六七八九十]{1,3}分|半)?(?:まで)?`)

// usualPlace is the place a sentence says its meetings are held at,
// after the hours: …まで、大阪商工会議所５階　第３会議室にて開いております.
var usualPlace = regexp.MustCompile(`^[、,\s]*([^、。,]{2,40}?)\s*(?:にて|で)(?:開|行|実施|催)`)

// usualMeeting reads a list's sentence of the hours and the place of
// every meeting (当会の例会は、原則として毎月第二火曜日、午後六時三十分から
// 八時三十分まで、…にて開いております): its hours, and its place without
// the address a bracket gives. "" when the text states no rule.
func usualMeeting(text string) (clock, venue string) {
	t := normSpace(strings.ReplaceAll(text, "\n", ""))
	if utf8.RuneCountInString(t) > 200 || !containsAny(t, usualWords) {
		return "", ""
	}
	loc := usualHours.FindStringIndex(t)
	if loc == nil {
		return "", ""
	}
	clock = t[loc[0]:loc[1]]
	if m := usualPlace.FindStringSubmatch(t[loc[1]:]); m != nil {
		venue = normSpace(bracketNote.ReplaceAllString(m[1], ""))
	}
	return clock, venue
}

// bracketNote is a bracket that holds figures: an address or a note
// (本町橋２－８), not part of a place's name.
var bracketNote = regexp.MustCompile(`[（(][^）)]*[0-9０-９][^）)]*[）)]`)

func nextElement(n *html.Node, tag string) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if c.Data == tag {
				return c
			}
			return nil
		}
	}
	return nil
}

// cellText is a cell's text, or the alt text of its images when it has
// none (a status icon: <img alt="満席">).
func cellText(n *html.Node) string {
	if t := normSpace(strings.ReplaceAll(blockText(n), "\n", " ")); t != "" {
		return t
	}
	var alts []string
	walkElements(n, func(e *html.Node) bool {
		if e.Data == "img" {
			if a := attr(e, "alt"); a != "" {
				alts = append(alts, a)
			}
		}
		return true
	})
	return strings.Join(alts, " ")
}

// inlineLabels reads label/value pairs written on one line: ※この回のみ
// 会場：東大阪商工会館 3階ホール、時間：6:30〜7:30.
func inlineLabels(text string) Fields {
	f := Fields{}
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '、' || r == '，' || r == ',' || r == '／' || r == '　' }) {
		part = strings.TrimLeft(strings.TrimSpace(part), "※")
		for _, lead := range []string{"この回のみ", "今回のみ", "当日のみ", "この日のみ"} {
			part = strings.TrimSpace(strings.TrimPrefix(part, lead))
		}
		if field, v := labelledLine(part); field != "" && v != "" {
			if i := strings.LastIndexAny(v, "（("); i > 0 && (strings.HasSuffix(v, "）") || strings.HasSuffix(v, ")")) {
				v = strings.TrimSpace(v[:i]) // （祝日のため）: the reason, not the value
			}
			f[field] = v
		}
	}
	return f
}

// noteLabels reads the label/value pairs of a note: inlineLabels, also
// where the note's parts are set apart by spaces of either width
// (※夜間例会 18:30～20:30 会場：ホテル… 2階「…」): a part from a label
// to the next label.
func noteLabels(note string) Fields {
	f := inlineLabels(note)
	if len(f) > 0 {
		return f
	}
	for _, w := range []string{"会場：", "会場:", "場所：", "場所:"} {
		if i := strings.Index(note, w); i >= 0 {
			if v := cutAtNextLabel(normSpace(note[i+len(w):])); v != "" {
				f[FieldVenue] = v
			}
			break
		}
	}
	return f
}

// oneTimeOnly says whether a note amends one meeting (この回のみ, 今回は).
func oneTimeOnly(s string) bool {
	return containsAny(s, []string{"回のみ", "今回のみ", "当日のみ", "この日のみ", "この回は", "今回は", "時間変更", "時間が変わ"})
}

// timePart is the name of one part of a day's event that a table's date
// or time cell gives in brackets before its hours: 【午前の部】, ［夜の部］.
var timePart = regexp.MustCompile(`[【\[［〈＜]\s*((?:午前|午後|昼|夜|夕方?|第\s*[0-9０-９一二三]+)\s*の?部)\s*[】\]］〉＞]`)

// newsBlock says whether a block's markup, or its list's, calls it news.
func newsBlock(n *html.Node) bool {
	for _, e := range []*html.Node{n, n.Parent} {
		if e == nil {
			continue
		}
		words := idClassWords(e)
		if has(words, "news") || has(words, "newslist") || has(words, "topics") {
			return true
		}
	}
	return false
}

// lineVenue finds the place a block writes after its date and time on one
// line: 2026年9月12日（土）14:00～17:00 天満橋ビジネスプラザ 2階（参加者 38名）.
func lineVenue(in *recInfo, date string) string {
	for _, ln := range in.lines {
		if in.title != "" && cleanTitle(ln.text) == in.title {
			// The line names the event (12/3（木）14:00～ 理事会（…）):
			// what follows its time is the name, not the place.
			continue
		}
		if _, _, _, ok := bracketWhen(ln.text); ok {
			continue // its place is in its bracket, after 於
		}
		loc := timeTail.FindStringIndex(ln.text)
		if loc == nil {
			// 18:30～21:00　／　ホテル…: the hours under the day's date,
			// then the place after a slash.
			loc = hoursSlash.FindStringIndex(ln.text)
		}
		if loc == nil {
			continue
		}
		rest := strings.TrimSpace(ln.text[loc[1]:])
		if i := strings.IndexAny(rest, "（("); i > 0 {
			rest = strings.TrimSpace(rest[:i])
		}
		if rest == "" || utf8.RuneCountInString(rest) > 40 {
			continue
		}
		return rest
	}
	if sp, err := jpdate.Parse(date, time.Time{}); err == nil && !sp.AllDay && sentenceVenue(date) != "" {
		// The date's sentence: 令和9年2月4日（木曜日）午後2時から午後4時
		// まで、例市ビジネスプラザ 2階 大会議室で開催します.
		return sentenceVenue(date)
	}
	for _, ln := range in.lines {
		// A trip's line names only where it goes: 香川県高松市ほか.
		if t := normSpace(ln.text); placeOnly.MatchString(t) {
			return t
		}
	}
	return ""
}

// placeOnly is a line that is a prefecture's city alone, or its
// surroundings (香川県高松市ほか, 京都府宇治市周辺): where a trip goes.
var placeOnly = regexp.MustCompile(`^\p{Han}{2,3}[都道府県]\p{Han}{1,6}[市区町村郡](?:ほか|他|周辺|方面|一帯)?$`)

// timeTail matches a date and time at the start of a line, up to the end
// of the time range.
var timeTail = regexp.MustCompile(`^.{0,30}?[日)）]\s*[0-9０-９]{1,2}[:：][0-9０-９]{2}(?:\s*[～〜~\-－]\s*[0-9０-９]{1,2}[:：][0-9０-９]{2})?`)

// hoursSlash matches the hours that open a line, up to the slash or bar
// that sets the place after them.
// (8:20スタート　／　…: a start alone).
var hoursSlash = regexp.MustCompile(`^\s*([0-9０-９]{1,2}[:：][0-9０-９]{2}(?:\s*[～〜~\-－]\s*[0-9０-９]{1,2}[:：][0-9０-９]{2}|\s*(?:スタート|開始|開演|[～〜~]))?)\s*[／/｜|]\s*`)

// commonFields reads the page's label/value pairs outside the event
// blocks: what a schedule states once for every row (日時 毎週火曜日 午前6時
// 〜7時, 会場, 参加費).
func (l *listReader) commonFields(body *html.Node, in map[*html.Node]bool) Fields {
	f := Fields{}
	var lines [][2]string // label：value paragraphs, read after the pairs
	standing := ""        // ※会場は、特に記載のないものは…です
	usualClock, usualVenue := "", ""
	// The elements that hold a block of the lists: a page builder's
	// <li class="slide"> section around its list is no paragraph of the
	// page's own.
	holds := map[*html.Node]bool{}
	for n := range in {
		for a := n.Parent; a != nil && !holds[a]; a = a.Parent {
			holds[a] = true
		}
	}
	walkElements(body, func(e *html.Node) bool {
		if in[e] || skippedBlock(e) {
			return false
		}
		if holds[e] && (e.Data == "p" || e.Data == "li") {
			return true
		}
		var val *html.Node
		var field, text string
		switch e.Data {
		case "dt":
			val = nextElement(e, "dd")
		case "th":
			val = nextElement(e, "td")
		case "p", "li":
			if v := standingVenue(blockText(e)); v != "" {
				standing = v
				return false
			}
			if clock, venue := usualMeeting(blockText(e)); clock != "" {
				// 例会は、原則として毎月第二火曜日、午後六時三十分から
				// 八時三十分まで、…にて開いております.
				usualClock, usualVenue = clock, venue
				return false
			}
			// 日時：毎週火曜日　朝6:00～7:00 written as a paragraph, or
			// as lines of one (例会日時　毎週木曜日　12:30～13:30<br>
			// 例会場　ホテル…).
			for _, ln := range strings.Split(blockText(e), "\n") {
				field, text = labelledLine(ln)
				if field == FieldDate || field == FieldTime || field == FieldVenue || field == FieldFee {
					if text != "" {
						lines = append(lines, [2]string{field, text})
					}
				}
			}
			return false
		default:
			return true
		}
		field = labelField(blockText(e))
		if field == "" || val == nil || f[field] != "" {
			return true
		}
		text = blockText(val)
		switch field {
		case FieldVenue:
			if venue, addr, ok := venueLines(text); ok {
				f[FieldVenue], f[FieldAddress] = venue, addr
				return true
			}
		case FieldDate:
			// A weekly meeting's 毎週火曜日 午前6時〜7時 is the time of
			// every row.
			field = FieldTime
		}
		f[field] = normSpace(strings.ReplaceAll(text, "\n", " "))
		return true
	})
	// A date line that names a day (日時：11/18（水）19:00～21:00) is an
	// event's, written outside the lists (a past meeting's announcement
	// left under 終了した例会): its lines are not every row's.
	oneEvent := slices.ContainsFunc(lines, func(lv [2]string) bool { return lv[0] == FieldDate && monthDate.MatchString(lv[1]) })
	if len(f) == 0 && !oneEvent {
		// Paragraphs, when no table or list states the pairs: the
		// first of each field (a later section may be an event of its
		// own, with its own hours).
		for _, lv := range lines {
			field, text := lv[0], lv[1]
			if field == FieldDate {
				field = FieldTime
			}
			if f[field] == "" {
				f[field] = text
			}
		}
	}
	if f[FieldVenue] == "" && standing != "" {
		f[FieldVenue] = standing
	}
	if f[FieldTime] == "" && f[FieldVenue] == "" && usualClock != "" {
		f[FieldTime] = usualClock
		if usualVenue != "" {
			f[FieldVenue] = usualVenue
		}
	}
	if v := cleanVenue(f[FieldVenue]); v != "" {
		f[FieldVenue] = v
	}
	return f
}

// yearContext is what tells the year of a block's dates: the table's
// caption, the headings above the block, the page's URL.
func (l *listReader) yearContext(s *recordSet, r *record) []yearMonth {
	var out []yearMonth
	out = append(out, yearMonths(s.caption)...)
	if len(out) == 0 {
		out = append(out, l.headingYears(r.nodes[0], s)...)
	}
	if len(out) == 0 && l.urlYM.year != 0 {
		out = append(out, l.urlYM)
	}
	return out
}

// headingYears are the years (and months) the nearest heading or caption
// before start names, if any.
func (l *listReader) headingYears(start *html.Node, s *recordSet) []yearMonth {
	if l.headings == nil {
		l.headings = map[*html.Node][]yearMonth{}
	}
	// A line of another block of the list (a card's title 【オンライン】
	// 2027年 法改正…) heads no block after it.
	inBlock := func(n *html.Node) bool {
		for _, r := range s.records {
			for _, top := range r.nodes {
				if top != n && contains(top, n) {
					return true
				}
			}
		}
		return false
	}
	var found []yearMonth
	for n := prevInOrder(start); n != nil; n = prevInOrder(n) {
		if yms, ok := l.headings[n]; ok {
			found = yms // an earlier block's answer holds from there
			break
		}
		if n.Type == html.ElementNode && !isHeading(n) && n.Data != "caption" && headingLine(n) && inBlock(n) {
			continue
		}
		if n.Type == html.ElementNode && (isHeading(n) || n.Data == "caption" || headingLine(n)) {
			if yms := yearMonths(blockText(n)); len(yms) > 0 {
				found = yms
				break
			}
		}
	}
	l.headings[start] = found
	return found
}

// setHeading is the text of the heading (not the page's h1) or caption
// right before a set's first block (within a few elements), or "".
func setHeading(s *recordSet) string {
	start := s.records[0].nodes[0]
	if s.caption != "" {
		return s.caption
	}
	steps := 0
	for n := prevInOrder(start); n != nil && steps < 40; n = prevInOrder(n) {
		if n.Type != html.ElementNode {
			continue
		}
		steps++
		if n.Data == "h1" {
			return "" // the page's name: a newsletter's issue, a mail magazine's
		}
		if isHeading(n) || n.Data == "caption" {
			return normSpace(blockText(n))
		}
	}
	return ""
}

// midHours is a one-line row's name, its hours set apart by spaces, then
// its place: 大阪例北ライオンズクラブ 新年例会　12:30～　ホテル例 2F.
var midHours = regexp.MustCompile(`^(.{2,}?)[\s　]+(?:午前|午後)?[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}\s*(?:[～〜~\-－]\s*(?:[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2})?)?[\s　]+([^0-9０-９\s　].*)$`)

// dayInText is a day written in a text: 12月18日, 12/18. Before a row's
// hours, it makes the hours the day's and what follows them its name
// (第47回　2026年12月18日(金)　19:00～21:00　忘年会スペシャル).
var dayInText = regexp.MustCompile(`[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[0-9０-９]{1,2}\s*/\s*[0-9０-９]{1,2}`)

// ordinalOnly is a meeting's number alone (第47回): what follows the hours
// is then its name, not its place.
var ordinalOnly = regexp.MustCompile(`^(?:第|No\.?|#)?\s*[0-9０-９]+\s*(?:回|号)?$`)

// beforeBreak says whether the next element after n, past white space and
// spacer images, is a <br> or a table: n ends its line.
func beforeBreak(n *html.Node) bool {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && (c.Data == "br" || c.Data == "table"):
			return true
		default:
			return false
		}
	}
	return false
}

// headingLine says whether a paragraph is written as a heading by hand: a
// short line marked ■ or ◆ (<p><font><b>■行事予定一覧（令和8年12月～令和9年
// 1月）</b></font></p>), as pages without h elements head their lists.
func headingLine(n *html.Node) bool {
	switch n.Data {
	case "p", "div":
	case "font", "b", "strong":
		// <FONT><B>◆令和9年1月</B></FONT><BR> over a month's table, in a
		// table cell (ホームページ・ビルダー): a heading with no block of its
		// own, so only when a line break or a table follows it.
		if !beforeBreak(n) {
			return false
		}
	default:
		return false
	}
	// The first character first: most paragraphs are not marked, and a
	// div may hold the whole page.
	first := ""
	walkText(n, func(s string) bool {
		first = strings.TrimSpace(s)
		return first == ""
	})
	if first == "" || !strings.ContainsRune("■□◆◇●◎▼【", []rune(first)[0]) {
		return false
	}
	return utf8.RuneCountInString(normSpace(blockText(n))) <= 40
}

// walkText calls f with the text nodes under n in order while f returns true.
func walkText(n *html.Node, f func(string) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			if !f(c.Data) {
				return false
			}
		} else if c.Type == html.ElementNode && !walkText(c, f) {
			return false
		}
	}
	return true
}

// prevInOrder is the node before n in document order.
func prevInOrder(n *html.Node) *html.Node {
	if n.PrevSibling != nil {
		n = n.PrevSibling
		for n.LastChild != nil {
			n = n.LastChild
		}
		return n
	}
	return n.Parent
}

var yearMonthText = regexp.MustCompile(`((?:19|20)[0-9]{2}|令和\s*[0-9元]{1,2})\s*年\s*(度)?\s*(?:([0-9]{1,2})\s*月)?`)

// yearMonths reads the years (and months) a heading or caption names:
// 2026年12月〜2027年2月, 令和8年度, 2026年12月の行事予定.
func yearMonths(text string) []yearMonth {
	var out []yearMonth
	for _, m := range yearMonthText.FindAllStringSubmatch(toHalfWidth(text), -1) {
		y := 0
		if strings.HasPrefix(m[1], "令和") {
			n := strings.TrimSpace(strings.TrimPrefix(m[1], "令和"))
			if n == "元" {
				y = 2019
			} else if v, err := strconv.Atoi(n); err == nil {
				y = 2018 + v
			}
		} else {
			y, _ = strconv.Atoi(m[1])
		}
		if y == 0 {
			continue
		}
		if m[2] != "" {
			// 令和8年度: a fiscal year names no month of its own.
			out = append(out, yearMonth{year: y, fiscal: true})
			continue
		}
		mo, _ := strconv.Atoi(m[3])
		out = append(out, yearMonth{year: y, month: mo})
	}
	return out
}

func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}

var monthOfDate = regexp.MustCompile(`([0-9０-９]{1,2})\s*(?:月|[/／])\s*[0-9０-９]{1,2}`)

// withYears writes into a date without a year the year its context gives:
// the year whose month it is (a caption 2026年12月〜2027年2月 puts 1月 in
// 2027), else the fiscal year's (令和8年度 puts 1月 in 2027, 4月 in 2026),
// else the one nearest to the context's month. A context with a
// month and a date with only a day (8日) give the day its month.
func withYears(text string, ctx []yearMonth) string {
	if len(ctx) == 0 || hasYear.MatchString(text) {
		return text
	}
	m := monthOfDate.FindStringSubmatch(text)
	if m == nil {
		return withYear(text, ctx[0])
	}
	month := atoiWide(m[1])
	year := 0
	for _, c := range ctx {
		if c.month == month {
			year = c.year
			break
		}
	}
	if year == 0 {
		// A fiscal year runs April to March: its January is in the
		// calendar year after.
		for _, c := range ctx {
			if c.fiscal {
				year = c.year
				if month < 4 {
					year++
				}
				break
			}
		}
	}
	if year == 0 {
		// The nearest month of a context year.
		best := 1 << 30
		for _, c := range ctx {
			for _, y := range []int{c.year - 1, c.year, c.year + 1} {
				cm := c.month
				if cm == 0 {
					cm = month
					if y != c.year {
						continue
					}
				}
				d := abs((y*12 + month) - (c.year*12 + cm))
				if d < best {
					best, year = d, y
				}
			}
		}
	}
	return withYear(text, yearMonth{year: year, month: month})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// advertisedFeeds are the feeds a page names: <link rel="alternate"> of an
// iCalendar, RSS or Atom type, and links to .ics files or webcal: (カレンダー
// を購読する), iCalendar first.
func advertisedFeeds(doc *goquery.Document, base *url.URL, allowed func(string) bool) []Feed {
	var ical, other []Feed
	seen := map[string]bool{}
	add := func(href string, isICal bool) {
		href = strings.TrimSpace(href)
		if rest, ok := strings.CutPrefix(strings.ToLower(href), "webcal://"); ok {
			href, isICal = "https://"+href[len(href)-len(rest):], true
		}
		link := resolve(base, href)
		u, err := url.Parse(link)
		if link == "" || err != nil || !allowed(u.Hostname()) || seen[link] {
			return
		}
		seen[link] = true
		if isICal {
			ical = append(ical, Feed{URL: link, ICal: true})
		} else {
			other = append(other, Feed{URL: link})
		}
	}
	doc.Find(`link[rel~="alternate"][href]`).Each(func(_ int, s *goquery.Selection) {
		t := strings.ToLower(s.AttrOr("type", ""))
		switch {
		case strings.Contains(t, "calendar"):
			add(s.AttrOr("href", ""), true)
		case strings.Contains(t, "rss"), strings.Contains(t, "atom"):
			add(s.AttrOr("href", ""), false)
		}
	})
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href := s.AttrOr("href", "")
		u, err := url.Parse(strings.TrimSpace(href))
		if err != nil {
			return
		}
		if strings.EqualFold(u.Scheme, "webcal") || strings.HasSuffix(strings.ToLower(u.Path), ".ics") {
			add(href, true)
		}
	})
	return append(ical, other...)
}

// prevWords are the texts of a pager's link to the page before.
var prevWords = []string{"前へ", "前のページ", "«", "‹", "<", "＜", "≪", "prev", "previous"}

// earlierPage is the link to the page before a list that has none after
// it: an agenda that starts today pages back to the events that took
// place (ai1ec's page_offset~-1). A pager's link marked rel=prev, or by
// its class (prev-page) or text (前へ, «), outside a post (whose previous
// post it names). Read once: the page before has a next page, so nothing
// further back is followed.
func earlierPage(doc *goquery.Document, base, page *url.URL, allowed func(string) bool) []string {
	var out []string
	doc.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Closest("article").Length() > 0 {
			return true
		}
		n := s.Nodes[0]
		words := idClassWords(n)
		t := strings.ToLower(normSpace(s.Text()))
		rel := strings.Fields(attr(n, "rel"))
		if !has(rel, "prev") && !has(words, "prev") && !has(words, "previous") && !(t != "" && utf8.RuneCountInString(t) <= 8 && containsAny(t, prevWords)) {
			return true
		}
		if strings.Contains(t, "月") {
			return true // 前月: a month calendar's, read forward
		}
		link := resolve(base, attr(n, "href"))
		u, err := url.Parse(link)
		if link == "" || err != nil || !allowed(u.Hostname()) || sameDoc(u, page) {
			return true
		}
		out = append(out, link)
		return false
	})
	return out
}

// backMonths is how far back a month calendar is read: the months before
// the one shown, down to this many before the fetch, hold the events just
// past that a visitor sees a click away.
const backMonths = 2

// earlierMonths are a month calendar's links to the month before the page's
// (« 11月, 前の月 of calendar.php?y=2026&m=11), when that month is no more
// than backMonths before ref. Not earlier ones: a calendar goes back for
// years.
func earlierMonths(doc *goquery.Document, base, page *url.URL, allowed func(string) bool, ref time.Time, have []string) []string {
	first := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, ref.Location()) }
	// Before the month of the fetch, which the calendar's own page shows
	// (often at another URL than ?ym=202612), and before the page's:
	// current is the earlier of the two.
	current := first(ref.Year(), ref.Month())
	oldest := current.AddDate(0, -backMonths, 0)
	if shown := linkMonth(page); shown.month != 0 && first(shown.year, time.Month(shown.month)).Before(current) {
		current = first(shown.year, time.Month(shown.month))
	}
	var out []string
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		t := linkName(s)
		if utf8.RuneCountInString(t) > 12 {
			return
		}
		if !has(strings.Fields(attr(n, "rel")), "prev") && !markedAs(n, "prev") && !markedAs(n, "previous") && !containsAny(t, prevWords) &&
			!strings.Contains(t, "前月") && !strings.Contains(t, "前の月") {
			return
		}
		link := resolve(base, attr(n, "href"))
		u, err := url.Parse(link)
		if link == "" || err != nil || !allowed(u.Hostname()) || sameDoc(u, page) || slices.Contains(have, link) || slices.Contains(out, link) {
			return
		}
		ym := linkMonth(u)
		if ym.month == 0 {
			return
		}
		if month := first(ym.year, time.Month(ym.month)); month.Before(oldest) || !month.Before(current) {
			return
		}
		out = append(out, link)
	})
	return out
}

// linkMonth is the month a calendar's URL shows: in its query (?ym=202611,
// ?y=2026&m=11) or its path (/calendar/202611/list.html, /2026/11/).
func linkMonth(u *url.URL) yearMonth {
	if ym := yearMonthOf(u, ""); ym.month != 0 {
		return ym
	}
	if m := pathMonth.FindStringSubmatch(u.Path); m != nil {
		y, _ := strconv.Atoi(m[1] + m[3])
		mo, _ := strconv.Atoi(m[2] + m[4])
		return yearMonth{year: y, month: mo}
	}
	return yearMonth{}
}

// pathMonth is a month as a path writes it: /202611/ or /2026/11/.
var pathMonth = regexp.MustCompile(`/(?:((?:19|20)[0-9]{2})(0[1-9]|1[0-2])|((?:19|20)[0-9]{2})/(0?[1-9]|1[0-2]))(?:/|\.|$)`)

// scheduleMore is a link's call to see the whole schedule of which a page
// shows the next date (次回のモーニングセミナー … 今後の日程を見る,
// 公開カレンダーで予定を見る（TimeTree）).
var scheduleMore = regexp.MustCompile(`^(?:今後の|全ての|すべての|年間|開催)?(?:(?:公開)?カレンダーで)?(?:日程|予定|スケジュール|行事予定|開催予定|開催日程)(?:一覧)?\s*(?:を見る|をみる|はこちら)\s*(?:[（(][^）)]{1,20}[）)])?\s*[>＞»›→]*$`)

// seeAll is a link's name for the whole of a list a box shows a few of:
// See all beside "Upcoming events (8)", すべて見る. It is followed when its
// address names events (eventsPath).
var seeAll = regexp.MustCompile(`(?i)^(?:see all|view all|show all|すべて見る|すべて表示|全て見る|全て表示)\s*[>＞»›→]*$`)

// eventsPath is an address that names a list of events or of past ones:
// ?tab=events, ?tab=past, /events/, /schedule/.
var eventsPath = regexp.MustCompile(`(?i)event|past|schedule|seminar`)

// eventsList is a link's name for the list of the site's seminars or
// events, beside a box of a few of them: セミナー・イベント一覧・お申込みは
// こちら, イベント一覧.
var eventsList = regexp.MustCompile(`^(?:セミナー|イベント|講座|研修|催し)(?:・(?:セミナー|イベント|講座|研修))?一覧(?:・お申込み|・お申し込み|・申込)?(?:はこちら|を見る)?\s*[>＞»›→]*$`)

// scheduleDoc is a link's name for a schedule published as its own
// document, named by its period: 令和８年度 商業部会 下期行事予定,
// 2027年 年間スケジュール表.
var scheduleDoc = regexp.MustCompile(`(?:年度|年|期|上期|下期|半期)\s*(?:[^\s]{1,12}\s*)?(?:行事予定|事業予定|年間予定|開催予定|行事日程|年間スケジュール|事業計画)(?:表|一覧)?$`)

// moreSchedule are the links of a page to the schedule it shows a part of:
// read as list pages, whatever the page itself lists (a home page's box of
// the next meeting and its news).
func moreSchedule(doc *goquery.Document, base, page *url.URL, allowed func(string) bool, have []string) []string {
	var out []string
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		// A banner's words are its image's alt.
		t := cmp.Or(normSpace(s.Text()), normSpace(s.Find("img[alt]").First().AttrOr("alt", "")))
		doc := !scheduleMore.MatchString(t) && !eventsList.MatchString(t) && !seeAll.MatchString(t)
		if doc && !(utf8.RuneCountInString(t) <= 40 && scheduleDoc.MatchString(t)) {
			return
		}
		link, ok := siteLink(base, page, s.AttrOr("href", ""), allowed)
		if !ok || doc && utilityLink(link, t) || slices.Contains(have, link) || slices.Contains(out, link) {
			return
		}
		if seeAll.MatchString(t) && !eventsPath.MatchString(strings.TrimPrefix(link, base.Scheme+"://"+base.Host)) {
			// See all under a box of members or photos.
			return
		}
		out = append(out, link)
	})
	return out
}

// pastWords name a tab or link to the events that took place.
var pastWords = []string{"過去のイベント", "過去の開催", "過去の行事", "開催済み", "終了したイベント", "過去の例会", "これまでの開催"}

// pastTab is a tab's name for what took place, whatever the site calls
// its events: 終了したセミナー・イベント, 過去の講座, 開催済みの研修会.
var pastTab = regexp.MustCompile(`^(?:過去|終了した|終了済みの|開催済みの|開催終了した|これまで)の?(?:[^\s]{0,8}[・/／])?[^\s]{0,6}(?:イベント|セミナー|講座|研修会?|講演会|交流会|例会|行事|催し)(?:一覧)?$`)

// tabCount is the number of items a tab shows after its name.
var tabCount = regexp.MustCompile(`\s*[（(][0-9,]+(?:件)?[）)]$`)

// pastTabs are the links to a list's past events (a tab, ?past=1), read as
// list pages too: past events are events of the listing.
func pastTabs(doc *goquery.Document, base, page *url.URL, allowed func(string) bool, have []string) []string {
	var out []string
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		// Without the count a tab shows: Past (207), 過去のイベント（12）.
		t := strings.TrimSpace(tabCount.ReplaceAllString(normSpace(s.Text()), ""))
		// A tab of two, 今後 and 過去 (Upcoming / Past), names no kind.
		bare := t == "過去" || strings.EqualFold(t, "past") || strings.EqualFold(t, "past events")
		if !bare && !containsAny(t, pastWords) && !pastTab.MatchString(t) || utf8.RuneCountInString(t) > 20 {
			return
		}
		href, _ := s.Attr("href")
		link := resolve(base, href)
		u, err := url.Parse(link)
		if link == "" || err != nil || !allowed(u.Hostname()) || sameDoc(u, page) || slices.Contains(have, link) || slices.Contains(out, link) {
			return
		}
		out = append(out, link)
	})
	return out
}

// utilityWords name the links beside an event's that are not its page.
var utilityWords = []string{"印刷", "pdf", "地図", "アクセス", "申込", "申し込", "お問い合わせ", "問合せ", "問い合わせ",
	"ダウンロード", "カレンダー", "google", "ical", "map"}

// utilityLink says whether a link of a list row is a print version, a
// form, a map or a file rather than the event's page.
func utilityLink(link, text string) bool {
	l := strings.ToLower(link)
	for _, ext := range []string{".pdf", ".ics", ".doc", ".docx", ".xls", ".xlsx", ".zip"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	t := strings.ToLower(text)
	for _, w := range utilityWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// shapeOf names an item by its tag and its parent's tag, and gives its
// classes, leaving out those with a number (post-123, event-5, mt20): the
// items of one list share the name and some class. A digit inside a word
// (ai1ec-date, a plugin's prefix) is no number: that class is kept.
func shapeOf(n *html.Node) (string, map[string]bool) {
	key := n.Data
	if n.Parent != nil {
		key = n.Parent.Data + ">" + key
	}
	classes := map[string]bool{}
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, c := range strings.Fields(a.Val) {
			if numbered(c) || weekdayClass(c) {
				continue
			}
			classes[c] = true
			// eo-event-past and eo-event-future are one list's items: a
			// modifier after the last hyphen does not split them.
			if i := strings.LastIndexAny(c, "-_"); i >= 3 {
				classes[strings.TrimRight(c[:i], "-_")] = true
			}
		}
	}
	return key, classes
}

// weekdayClass says whether a class names the day of the week a calendar
// marks its block with (<dl class="wed">, day-sat, is-holiday): days of one
// list, not blocks of different kinds.
func weekdayClass(c string) bool {
	c = strings.ToLower(c)
	for _, p := range []string{"day-", "is-", "wday-", "week-"} {
		c = strings.TrimPrefix(c, p)
	}
	switch c {
	case "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "holiday", "hol", "today":
		return true
	}
	return false
}

// numbered says whether a class holds a number: a run of digits not
// between two letters.
func numbered(c string) bool {
	letter := func(i int) bool {
		return i >= 0 && i < len(c) && (c[i] >= 'a' && c[i] <= 'z' || c[i] >= 'A' && c[i] <= 'Z')
	}
	for i := 0; i < len(c); {
		if c[i] < '0' || c[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(c) && c[j] >= '0' && c[j] <= '9' {
			j++
		}
		if !letter(i-1) || !letter(j) {
			return true
		}
		i = j
	}
	return false
}

// sameClass says whether two items' classes make them one shape: both
// without a class, or sharing one (a "new" or category class on some items
// of a list does not split it).
// firstLanguageTitle is a title element's text without the translation
// it holds in an element of another language (Autumn Networking Night
// <span lang="ja">秋のネットワーキング・ナイト</span>), or "" when it holds
// none or the text before it is not in Latin letters.
func firstLanguageTitle(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	found := false
	var walk func(*html.Node)
	walk = func(e *html.Node) {
		if e.Type == html.TextNode {
			b.WriteString(e.Data)
			return
		}
		if e != n && e.Type == html.ElementNode && attr(e, "lang") != "" && attr(e, "lang") != attr(n, "lang") {
			found = true
			return
		}
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	t := cleanTitle(b.String())
	if !found || !latinText(t) {
		return ""
	}
	return t
}

// cardMix says whether two children's shapes differ only in that one is a
// link and the other a block: a list's items with a page (<a
// class="list-group-item">) and without one (<div class="list-group-item">).
func cardMix(a, b string) bool {
	pa, ta, _ := strings.Cut(a, ">")
	pb, tb, _ := strings.Cut(b, ">")
	return pa == pb && ta != tb && (ta == "a" && tb == "div" || ta == "div" && tb == "a")
}

// sharedItemClass says whether two class sets share a class that names a
// list's item or card: list-group-item, event-card, post-item.
func sharedItemClass(a, b map[string]bool) bool {
	for c := range a {
		if b[c] && (strings.Contains(c, "item") || strings.Contains(c, "card")) {
			return true
		}
	}
	return false
}

func sameClass(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	for c := range a {
		if b[c] {
			return true
		}
	}
	return false
}

// samePath says whether u is on the page's host and path, whatever its query.
func samePath(u, page *url.URL) bool {
	return (u.Host == "" || u.Host == page.Host) && strings.TrimSuffix(u.Path, "/") == strings.TrimSuffix(page.Path, "/")
}

func sameDoc(u, page *url.URL) bool {
	return u.Host == page.Host && u.Path == page.Path && u.RawQuery == page.RawQuery
}

var nextWords = []string{"次へ", "次のページ", "次の", "翌月", "次月", "来月", "next", "›", "»", "＞", ">"}

// nextMonth matches the link to a calendar's next month: 1月 >>, 2月＞,
// 1月の催し物 >>, 3月の行事予定 ≫.
var nextMonth = regexp.MustCompile(`^[0-9０-９]{1,2}\s*月(?:\s*|[^<>＜＞≪≫«»‹›←→]{1,12}?)(?:>>|＞＞|≫|»|›|＞|>|→|▶)$`)

// monthName is a month named alone: 1月, 2027年1月.
var monthName = regexp.MustCompile(`^(?:(?:19|20)[0-9]{2}\s*年\s*)?[0-9０-９]{1,2}\s*月$`)

// markedAs says whether a link, or the element around it, is marked by its
// class as the way to the next or the previous page (word next or prev):
// <li class="next"><a>1月</a>.
func markedAs(n *html.Node, word string) bool {
	for _, e := range []*html.Node{n, n.Parent} {
		if e != nil && e.Type == html.ElementNode && has(idClassWords(e), word) {
			return true
		}
	}
	return false
}

// wordGoesOn says whether a link's text goes on after a Latin word as the
// same name: next of Next.js or NextAuth is a tag's or a product's name,
// not the next page.
func wordGoesOn(w, rest string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '.' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func autoNext(doc *goquery.Document, base *url.URL, allowed func(string) bool) []string {
	var out []string
	add := func(href string) {
		link := resolve(base, href)
		if u, err := url.Parse(link); link != "" && err == nil && allowed(u.Hostname()) && !slices.Contains(out, link) {
			out = append(out, link)
		}
	}
	doc.Find("a[rel~=next][href], link[rel~=next][href]").Each(func(_ int, s *goquery.Selection) {
		if s.Closest("article").Length() > 0 && goquery.NodeName(s) == "a" {
			return // a post's link to the next post
		}
		href, _ := s.Attr("href")
		add(href)
	})
	if len(out) > 0 {
		return out[:1]
	}
	if next := numberedNext(doc); next != "" {
		add(next)
		return out
	}
	doc.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t := linkName(s)
		if t == "" || utf8.RuneCountInString(t) > 20 {
			return true
		}
		if nextMonth.MatchString(t) || monthName.MatchString(t) && markedAs(s.Nodes[0], "next") {
			// 1月 » ; or 1月 alone in <li class="next">.
			href, _ := s.Attr("href")
			add(href)
			return false
		}
		if utf8.RuneCountInString(t) > 8 {
			return true
		}
		for _, w := range nextWords {
			if rest, ok := strings.CutPrefix(t, w); ok && !wordGoesOn(w, rest) {
				href, _ := s.Attr("href")
				add(href)
				return len(out) == 0
			}
		}
		return true
	})
	return out
}

// linkName is a pager's link's name, lower-cased: its text, or for an
// arrow icon alone the name it gives screen readers (<a aria-label="次の月">)
// or its title.
func linkName(s *goquery.Selection) string {
	if t := strings.ToLower(normSpace(s.Text())); t != "" {
		return t
	}
	return strings.ToLower(normSpace(cmp.Or(s.AttrOr("aria-label", ""), s.AttrOr("title", ""))))
}

// startMarked says whether a block marks its date as an event's start in
// schema.org microdata (<span itemprop="startDate" content="…">, as a
// calendar plugin writes each entry): the day is the event's, not a post's.
func startMarked(nodes []*html.Node) bool {
	found := false
	for _, n := range nodes {
		walkElements(n, func(e *html.Node) bool {
			if attr(e, "itemprop") == "startDate" {
				found = true
			}
			return !found
		})
	}
	return found
}

// dateRunsOn says whether date is day followed by the end of a span of
// days: 2026年12月12日 - 2026年12月20日 after 2026年12月12日.
func dateRunsOn(date, day string) bool {
	rest, ok := strings.CutPrefix(date, day)
	rest = strings.TrimSpace(rest)
	return ok && rest != "" && strings.ContainsRune("-－～〜~–", []rune(rest)[0])
}

// daySection reads a block that is a day's heading over the links of that
// day's events, as a city's event calendar lists them (12月19日（土曜日） /
// よどがわ台創業塾2026 / 市民クリスマスコンサート): one item per link, on
// the heading's day, titled by the link. nil for any other block, and for
// a day of one link (item reads it, with what else its block says).
func (l *listReader) daySection(s *recordSet, r *record) ([]ListItem, []Refusal) {
	in := l.info(s, r)
	if in.date == nil || len(in.lines) == 0 || !in.lines[0].heading || !datesAlone(in.lines[0].text) || len(in.links) < 2 || wholePost(in) {
		// (A post under its date header links its category, comments
		// and trackbacks besides its own page: one post.)
		return nil, nil
	}
	date := withYears(in.date.text, l.yearContext(s, r))
	if _, err := jpdate.Parse(date, l.ref); err != nil {
		return nil, nil
	}
	var items []ListItem
	var refused []Refusal
	for _, li := range in.links {
		title := cleanTitle(li.text)
		if li.file || li.form || li.home || li.filter || li.utility || li.locked ||
			utf8.RuneCountInString(title) < 4 || containsAny(strings.ToLower(title), genericWords) {
			continue
		}
		if why := entryNotEvent(title); why != "" {
			refused = append(refused, Refusal{URL: li.url, Title: title, Reason: why})
			continue
		}
		f := Fields{FieldTitle: title, FieldDate: date}
		if st, ok := statusIn(title); ok {
			f[FieldStatus] = statusWord(st)
		}
		items = append(items, ListItem{Link: li.url, Fields: f, Whole: !li.page()})
	}
	if len(items)+len(refused) < 2 {
		return nil, nil
	}
	return items, refused
}

// entryNotEvent is why a calendar's entry is no event, by its title: a
// deadline (年会費 納入締切), a closed day (休会, 年末年始休業) or an office
// notice (賦課金 口座振替日); "" when it may be one. For entries read as
// they stand (a day's links, a feed's), not for a list's row, whose page
// may say otherwise (item).
func entryNotEvent(title string) string {
	if w := deadlineWord(title); w != "" {
		return fmt.Sprintf("no event: a deadline (%s)", w)
	}
	if w := closure(title); w != "" {
		return fmt.Sprintf("no event: the day is marked %s", w)
	}
	if w := strongNotice(title); w != "" {
		return fmt.Sprintf("no event: a notice (%s)", w)
	}
	return ""
}

// proseOnly says whether every item was read from a sentence of a text,
// with no page of its own: titled by the sentence around its date.
func proseOnly(items []ListItem) bool {
	for _, it := range items {
		t := it.Fields[FieldTitle]
		if !it.Whole || it.Link != "" || !(strings.ContainsAny(t, "、。") && utf8.RuneCountInString(t) >= 30) {
			return false
		}
	}
	return len(items) > 0
}

// sessionItems reads a block that is one course and the list of its dates
// (a course card's 開催日程: 12/10(木) 19:00-21:00 大阪・本町 残り3席 /
// 12/19(土) 10:00-12:00 オンライン 満席, each linking the course's page): one
// item a date, titled by the course, with its own hours and status. nil
// for any other block.
func (l *listReader) sessionItems(s *recordSet, r *record) []ListItem {
	in := l.info(s, r)
	if in.title == "" || !in.eventLink.page() {
		return nil
	}
	page := withoutFragment(in.eventLink.url)
	ctx := l.yearContext(s, r)
	var items []ListItem
	for _, n := range r.nodes {
		walkElements(n, func(e *html.Node) bool {
			if e.Data != "li" {
				return true
			}
			text := normSpace(blockText(e))
			if utf8.RuneCountInString(text) > 60 {
				return false
			}
			date := withYears(text, ctx)
			if sp, err := jpdate.Parse(date, l.ref); err != nil && !errors.Is(err, jpdate.ErrWeekday) || sp.Start.IsZero() {
				return false
			}
			linked, other := false, false
			walkElements(e, func(a *html.Node) bool {
				if a.Data == "a" {
					linked = true
					other = other || withoutFragment(resolve(l.base, attr(a, "href"))) != page
				}
				return true
			})
			if !linked || other {
				return false // no link, or another page's date
			}
			f := Fields{FieldTitle: in.title, FieldDate: date, fieldSession: "1"}
			if st, ok := statusIn(text); ok {
				f[FieldStatus] = statusWord(st)
			}
			walkElements(e, func(c *html.Node) bool {
				// <span class="c-scheduleMini__place">オンライン</span>
				words := idClassWords(c)
				if f[FieldVenue] == "" && c != e && (has(words, "place") || has(words, "venue") || has(words, "location")) {
					f[FieldVenue] = normSpace(blockText(c))
				}
				return true
			})
			items = append(items, ListItem{Link: page, Fields: f})
			return false
		})
	}
	if len(items) < 2 {
		return nil
	}
	return items
}

// fieldSession marks a list item that is one date of a course the list
// gives each its own hours, place and status (sessionItems): those are
// this date's, whatever the course's page says of another. It is not
// among FieldNames.
const fieldSession = "session"

// withoutFragment is a URL without its #fragment: the page it names.
func withoutFragment(u string) string {
	base, _, _ := strings.Cut(u, "#")
	return base
}

// calendarWeek says whether a table row is a week of a month grid: five
// or more cells, those that are filled opening with day numbers that go
// up one by one.
func calendarWeek(n *html.Node) bool {
	if n.Data != "tr" {
		return false
	}
	cells := elementChildren(n)
	if len(cells) < 5 {
		return false
	}
	prev, days := 0, 0
	for _, c := range cells {
		t := normSpace(blockText(c))
		if t == "" {
			continue
		}
		m := leadingDay.FindStringSubmatch(t)
		if m == nil {
			return false
		}
		d := atoiWide(m[1])
		// (29 30 1 2 …: the first week runs on from the month before.)
		if d < 1 || d > 31 || prev != 0 && d != prev+1 && !(prev >= 28 && d == 1) {
			return false
		}
		prev = d
		days++
	}
	return days >= 5
}

// roomBooking marks a row of a facility's bookings: （貸室）, 貸室（団体
// 利用）, （貸館）.
var roomBooking = regexp.MustCompile(`[（(]?(?:貸室|貸館)[）)]?(?:[（(][^）)]*[）)])?`)

// bookingOpens ends a row that is the day bookings open: 税理士による無料
// 税務相談会　予約受付開始.
var bookingOpens = regexp.MustCompile(`[\s　](?:予約|申込|申し込み)?(?:受付|受け付け)開始$`)

// weekLinks are the events a month grid's week links, one per link of its
// days' cells (an Events Manager calendar's cell lists three events of
// its day): each is read from its page. nil when the row is no week of a
// grid or links no event.
func (l *listReader) weekLinks(r *record) []ListItem {
	if len(r.nodes) != 1 || !calendarWeek(r.nodes[0]) {
		return nil
	}
	var out []ListItem
	seen := map[string]bool{}
	for _, cell := range elementChildren(r.nodes[0]) {
		walkElements(cell, func(a *html.Node) bool {
			if a.Data != "a" {
				return true
			}
			text := cleanTitle(nodeText(a))
			link, ok := siteLink(l.base, l.page, attr(a, "href"), l.allowed)
			if !ok || text == "" || dayNumber.MatchString(text) || utilityLink(link, text) || fileExt.MatchString(link) || seen[link] {
				// (The day's own number links the day's page.)
				return false
			}
			seen[link] = true
			f := Fields{FieldTitle: text}
			if st, ok := statusIn(text); ok && st != event.StatusScheduled {
				f[FieldStatus] = statusWord(st)
			}
			out = append(out, ListItem{Link: link, Fields: f})
			return false
		})
	}
	return out
}

// dayNumber is a link's text that is a day of the month alone.
var dayNumber = regexp.MustCompile(`^[0-9０-９]{1,2}$`)

// leadingDay is the day number a grid's cell opens with.
var leadingDay = regexp.MustCompile(`^([0-9０-９]{1,2})(?:[^0-9０-９:：/／]|$)`)
