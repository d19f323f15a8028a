package crawler

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/jpdate"
)

// Limits of the auto list reader: a block longer than maxBlockRunes or with
// more than maxBlockLinks links is a container of events, not one event.
const (
	maxBlockRunes = 400
	maxBlockLinks = 3
	maxBlockDepth = 5
)

// AutoList finds the events of a list page without selectors: the blocks
// (li, tr, article, div …) that carry a link to a page on an allowed host and
// a date jpdate can read, grouped by their shape; the most frequent shape
// wins, so a side column of news does not outvote the event list. A block
// holding several links (the event and its print version, say) gives one
// item, its link with the longest text. The shape is that of the item the
// link sits in (its largest ancestor holding no other item's link), so a
// date found in one post's heading and another's byline still group
// together. The block's date is kept in Fields as a hint; an event page must
// confirm it. Next is the page's rel=next or 次へ link.
func AutoList(doc *goquery.Document, pageURL *url.URL, allowed func(host string) bool, ref time.Time) ListPage {
	var out ListPage
	base := baseURL(doc, pageURL)
	type cand struct {
		item   ListItem
		anchor *html.Node
		block  *html.Node
		runes  int
		gone   bool
	}
	var cands []*cand
	byLink := map[string]*cand{}
	byBlock := map[*html.Node]*cand{}
	ym := yearMonthOf(pageURL, "")
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		link := resolve(base, href)
		if link == "" {
			return
		}
		title := normSpace(strings.ReplaceAll(blockText(a.Nodes[0]), "\n", " "))
		if c := byLink[link]; c != nil {
			// The same event linked twice (an image, then its title):
			// the title is the text that names it.
			if c.item.Fields[FieldTitle] == "" && title != "" {
				c.item.Fields[FieldTitle], c.runes = title, utf8.RuneCountInString(title)
			}
			return
		}
		u, err := url.Parse(link)
		if err != nil || !allowed(u.Hostname()) || sameDoc(u, pageURL) {
			return
		}
		block, date := dateBlock(a, ref, ym)
		if block == nil {
			return
		}
		c := &cand{
			item:   ListItem{Link: link, Fields: Fields{FieldTitle: title, FieldDate: date}},
			anchor: a.Nodes[0],
			block:  block,
			runes:  utf8.RuneCountInString(title),
		}
		byLink[link] = c
		cands = append(cands, c)
	})
	// One item per block: its link whose text names the event, not a
	// label every row repeats (印刷用ページ, 詳細) nor a utility link.
	texts := map[string]int{}
	for _, c := range cands {
		texts[c.item.Fields[FieldTitle]]++
	}
	score := func(c *cand) int {
		s := 0
		if t := c.item.Fields[FieldTitle]; t != "" && texts[t] == 1 {
			s += 2
		}
		if !utilityLink(c.item.Link, c.item.Fields[FieldTitle]) {
			s++
		}
		return s
	}
	for _, c := range cands {
		prev := byBlock[c.block]
		if prev == nil {
			byBlock[c.block] = c
			continue
		}
		if sc, sp := score(c), score(prev); sc > sp || sc == sp && c.runes > prev.runes {
			prev.gone = true
			byBlock[c.block] = c
		} else {
			c.gone = true
		}
	}
	// owners counts, for every ancestor of a kept link, the items below it.
	owners := map[*html.Node]int{}
	for _, c := range cands {
		if c.gone {
			continue
		}
		for n := c.anchor.Parent; n != nil; n = n.Parent {
			owners[n]++
		}
	}
	type group struct {
		key     string
		classes map[string]bool
		items   []ListItem
	}
	var groups []*group
	var best *group
	for _, c := range cands {
		if c.gone {
			continue
		}
		item := c.block
		for p := item.Parent; p != nil && p.Type == html.ElementNode && p.Data != "body" && p.Data != "html" && owners[p] == 1; p = p.Parent {
			item = p
		}
		key, classes := shapeOf(item)
		var g *group
		for _, o := range groups {
			if o.key == key && sameClass(o.classes, classes) {
				g = o
				break
			}
		}
		if g == nil {
			g = &group{key: key, classes: classes}
			groups = append(groups, g)
		}
		g.items = append(g.items, c.item)
		if best == nil || len(g.items) > len(best.items) {
			best = g
		}
	}
	if best != nil {
		out.Items = best.items
	}
	if len(out.Items) == 0 {
		out.Problems = append(out.Problems, pageURL.String()+": auto: no block with a date and a link found")
	}
	out.Next = autoNext(doc, base, allowed)
	return out
}

// dateBlock climbs from a link to the nearest ancestor whose text holds a
// readable date, stopping at blocks too large to be one event.
func dateBlock(a *goquery.Selection, ref time.Time, ym yearMonth) (*html.Node, string) {
	n := a.Nodes[0]
	for depth := 0; n != nil && depth <= maxBlockDepth; depth, n = depth+1, n.Parent {
		if n.Type != html.ElementNode || n.Data == "body" || n.Data == "html" {
			return nil, ""
		}
		text := withYear(strings.ReplaceAll(blockText(n), "\n", " "), ym)
		if utf8.RuneCountInString(text) > maxBlockRunes {
			return nil, ""
		}
		if goquery.NewDocumentFromNode(n).Find("a[href]").Length() > maxBlockLinks {
			return nil, ""
		}
		if _, err := jpdate.Parse(text, ref); err == nil {
			return n, text
		}
	}
	return nil, ""
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
// classes, leaving out those with a digit (post-123, event-5): the items of
// one list share the name and some class.
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
			if !strings.ContainsAny(c, "0123456789") {
				classes[c] = true
			}
		}
	}
	return key, classes
}

// sameClass says whether two items' classes make them one shape: both
// without a class, or sharing one (a "new" or category class on some items
// of a list does not split it).
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

func sameDoc(u, page *url.URL) bool {
	return u.Host == page.Host && u.Path == page.Path && u.RawQuery == page.RawQuery
}

var nextWords = []string{"次へ", "次のページ", "次の", "翌月", "次月", "next", "›", "»", "＞", ">"}

func autoNext(doc *goquery.Document, base *url.URL, allowed func(string) bool) []string {
	var out []string
	add := func(href string) {
		link := resolve(base, href)
		if u, err := url.Parse(link); link != "" && err == nil && allowed(u.Hostname()) {
			out = append(out, link)
		}
	}
	doc.Find("a[rel~=next][href], link[rel~=next][href]").Each(func(_ int, s *goquery.Selection) {
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
		t := strings.ToLower(normSpace(s.Text()))
		if t == "" || utf8.RuneCountInString(t) > 8 {
			return true
		}
		for _, w := range nextWords {
			if strings.HasPrefix(t, w) || t == w {
				href, _ := s.Attr("href")
				add(href)
				return len(out) == 0
			}
		}
		return true
	})
	return out
}

// numberedNext reads pagination written only as page numbers (ページ： 1
// <a>2</a> <a>3</a>): the page marked current (a number not linked, or
// marked aria-current, .current, .active) and the link to the number after
// it, beside it. It returns the link's href, or "".
func numberedNext(doc *goquery.Document) string {
	next := ""
	doc.Find("strong, span, em, b, li, a[aria-current], a.current, a.active").EachWithBreak(func(_ int, cur *goquery.Selection) bool {
		n, ok := pageNumber(cur.Text())
		if !ok || cur.Children().Length() > 1 {
			return true
		}
		if goquery.NodeName(cur) != "a" && cur.Closest("a").Length() > 0 || cur.Closest("table").Length() > 0 {
			return true // a calendar's days are no pages
		}
		if goquery.NodeName(cur) == "a" || cur.Find("a").Length() > 0 {
			if _, ok := cur.Attr("aria-current"); !ok && !cur.HasClass("current") && !cur.HasClass("active") {
				return true
			}
		}
		// The number after it is a sibling link, or a link in the next
		// sibling's element (<li><span>1</span></li><li><a>2</a></li>).
		for s := cur; s.Length() > 0 && goquery.NodeName(s) != "body"; s = s.Parent() {
			links := s.Parent().Find("a[href]")
			numbers := 0
			links.EachWithBreak(func(_ int, a *goquery.Selection) bool {
				m, ok := pageNumber(a.Text())
				if ok {
					numbers++
				}
				if ok && m == n+1 && next == "" {
					next, _ = a.Attr("href")
				}
				return true
			})
			if next != "" && 2*numbers < links.Length() {
				next = "" // numbers among other links: not a pager
			}
			if next != "" || links.Length() > 12 {
				break
			}
		}
		return next == ""
	})
	return next
}

// pageNumber reads a page number, half- or full-width, up to three digits.
func pageNumber(text string) (int, bool) {
	t := strings.Trim(normSpace(text), "[]（）()")
	if t == "" || utf8.RuneCountInString(t) > 3 {
		return 0, false
	}
	n := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
	}
	return n, n > 0
}

// labels maps what event pages write before a value to a field.
var labels = []struct {
	words []string
	field string
}{
	{[]string{"開催日時", "日時", "開催日", "日程", "期日", "開催期間", "日付"}, FieldDate},
	{[]string{"時間", "開催時間"}, FieldTime},
	{[]string{"会場", "場所", "開催場所", "開催地"}, FieldVenue},
	{[]string{"住所", "所在地", "会場住所"}, FieldAddress},
	{[]string{"参加費", "費用", "料金", "受講料", "会費", "参加料"}, FieldFee},
	{[]string{"主催", "主催者", "主 催"}, FieldOrganizer},
	{[]string{"受付状況", "申込状況", "募集状況", "開催状況", "状況", "ステータス"}, FieldStatus},
}

// AutoDetail reads an event page without selectors: schema.org JSON-LD
// first, then label/value pairs (dt/dd, th/td) under 日時, 会場, 参加費, 主催 …,
// the title from h1 (or og:title, or <title>), the description from the
// meta description or the main text.
func AutoDetail(doc *goquery.Document) Fields {
	f := autoFields(doc)
	if ld := JSONLDFields(doc); ld != nil {
		f = Merge(f, ld)
	}
	return f
}

// autoFields is AutoDetail without the JSON-LD.
func autoFields(doc *goquery.Document) Fields {
	f := Fields{}
	doc.Find("dt, th").Each(func(_ int, s *goquery.Selection) {
		field := labelField(s.Text())
		if field == "" || f[field] != "" {
			return
		}
		var val *goquery.Selection
		if goquery.NodeName(s) == "dt" {
			val = s.NextFiltered("dd")
		} else {
			val = s.NextFiltered("td")
		}
		if val.Length() == 0 {
			return
		}
		text := blockText(val.Nodes[0])
		if field == FieldVenue {
			if venue, addr, ok := venueLines(text); ok {
				f[FieldVenue] = venue
				if f[FieldAddress] == "" {
					f[FieldAddress] = addr
				}
				return
			}
		}
		if v := normSpace(strings.ReplaceAll(text, "\n", " ")); v != "" {
			f[field] = v
		}
	})
	if t := pageTitle(doc); t != "" {
		f[FieldTitle] = t
	}
	if d, _ := doc.Find(`meta[name="description"]`).Attr("content"); normSpace(d) != "" {
		f[FieldDescription] = normSpace(d)
	} else if main := doc.Find("main, article, #main, #contents, .entry-content").First(); main.Length() > 0 {
		f[FieldDescription] = truncateRunes(blockText(main.Nodes[0]), maxDescRunes)
	}
	for _, pf := range pluginFields {
		if f[pf.field] != "" {
			continue
		}
		sel := doc.Find(pf.css).First()
		v := ""
		if pf.attr != "" {
			v, _ = sel.Attr(pf.attr)
		} else if sel.Length() > 0 {
			v = strings.ReplaceAll(blockText(sel.Nodes[0]), "\n", " ")
		}
		if v = normSpace(strings.ReplaceAll(v, " @ ", " ")); v != "" {
			f[pf.field] = v
		}
	}
	// 【日時】… and 日時：… lines of the main text fill what is still missing.
	if main := doc.Find("main, article, #main, #contents, .entry-content, body").First(); main.Length() > 0 {
		text := blockText(main.Nodes[0])
		for name, v := range labelledText(text) {
			if f[name] == "" {
				f[name] = v
			}
		}
		if _, ok := statusIn(f[FieldStatus]); !ok {
			// 受付状況: 受付中 names no status: the title (【中止】…) or
			// a notice in the text still may.
			delete(f, FieldStatus)
			if w := statusNotice(text); w != "" {
				f[FieldStatus] = w
			}
		}
	}
	return f
}

// addressLike matches an address: a postcode, or a city, ward, town or
// village followed by a block number.
var addressLike = regexp.MustCompile(`^〒|^(?:大阪府)?\p{Han}{1,6}[市区町村郡].*[0-9０-９一二三四五六七八九十]`)

// venueLines reads a venue cell whose address stands on a line of its own
// in brackets (例ホテル 3階<br>（大阪市浪速区難波中9-8-1）): the venue is the
// line that names the place, the address the bracketed one. ok is false for
// any other cell; an address written on the venue's own line stays there,
// as part of how the page names it.
func venueLines(text string) (venue, addr string, ok bool) {
	lines := strings.Split(text, "\n")
	if len(lines) != 2 {
		return "", "", false
	}
	inner := strings.TrimSpace(lines[1])
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if s, ok := strings.CutPrefix(inner, br[0]); ok {
			if s, ok := strings.CutSuffix(s, br[1]); ok && addressLike.MatchString(strings.TrimSpace(s)) {
				return normSpace(lines[0]), normSpace(s), true
			}
		}
	}
	return "", "", false
}

// titleSeparators split a page's <title> into the page's own title and the
// site's name (例交流会｜例商工会議所, 例交流会 | 例の会 – 大阪).
var titleSeparators = regexp.MustCompile(`\s*[｜|]\s*|\s+[-–—:]\s+|\s*[«»]\s*`)

// pageTitle is the event's title: the first h1, else h2, that the page's
// <title> (or og:title) names, else the first h1, else the first part of
// the <title>. A heading that is the site's logo (a link to the home page)
// or sits in a nav, footer or aside is not the title: a WordPress theme's h1
// is often the site's name, and a chamber's page often has no h1 at all.
func pageTitle(doc *goquery.Document) string {
	head := normSpace(doc.Find("title").First().Text())
	if og, _ := doc.Find(`meta[property="og:title"]`).Attr("content"); normSpace(og) != "" {
		head += "｜" + normSpace(og)
	}
	var parts []string
	for _, p := range titleSeparators.Split(head, -1) {
		if p = normSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	var headings []string
	h1s := 0
	for _, tag := range []string{"h1", "h2"} {
		doc.Find(tag).Each(func(_ int, h *goquery.Selection) {
			if h.Closest("nav, footer, aside").Length() > 0 {
				return
			}
			if a := h.Find("a[href]"); a.Length() == 1 && normSpace(a.Text()) == normSpace(h.Text()) {
				if href, _ := a.Attr("href"); homeLink(href) {
					return
				}
			}
			if t := normSpace(h.Text()); t != "" {
				headings = append(headings, t)
				if tag == "h1" {
					h1s++
				}
			}
		})
	}
	for _, h := range headings {
		for _, p := range parts {
			if p == h {
				return h
			}
		}
	}
	switch {
	case h1s > 0:
		return headings[0]
	case len(parts) > 0:
		return parts[0]
	case len(headings) > 0:
		return headings[0]
	}
	return ""
}

// homeLink says whether href points at a site's home page.
func homeLink(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	return (u.Path == "" || u.Path == "/" || strings.HasSuffix(u.Path, "/index.html") && strings.Count(u.Path, "/") == 1) && u.RawQuery == "" && u.Fragment == ""
}

// pluginFields are the markup of the WordPress event plugins Japanese
// sites use: The Events Calendar (tribe-events), Event Organiser (eo-),
// All-in-One Event Calendar (ai1ec-). Their JSON-LD, when present, wins.
var pluginFields = []struct {
	field, css, attr string
}{
	{FieldTitle, "h1.tribe-events-single-event-title", ""},
	{FieldDate, ".tribe-events-schedule .tribe-events-start-datetime, .tribe-events-schedule", ""},
	{FieldDate, "abbr.tribe-events-start-datetime", "title"},
	{FieldDate, ".tribe-events-start-date", "title"},
	{FieldVenue, ".tribe-venue", ""},
	{FieldAddress, ".tribe-address, .tribe-venue-location address", ""},
	{FieldFee, ".tribe-events-event-cost, .tribe-events-cost", ""},
	{FieldOrganizer, ".tribe-organizer", ""},
	{FieldDate, ".eo-event-meta time, .eo-event-date", ""},
	{FieldVenue, ".eo-event-venue, .eo-event-meta a[href*='venue']", ""},
	{FieldDate, ".ai1ec-time .ai1ec-field-value", ""},
	{FieldVenue, ".ai1ec-location .ai1ec-field-value", ""},
	{FieldFee, ".ai1ec-cost .ai1ec-field-value", ""},
}

// yearMonth is a year (and month, 0 when unknown) a list page's URL names.
type yearMonth struct{ year, month int }

var ymValue = regexp.MustCompile(`^((?:19|20)\d\d)(?:[-/_.]?(0?[1-9]|1[0-2]))?$`)

// yearMonthOf reads the year and month a list URL is about from its query
// parameter param (ym=202612, year=2026&month=12), or, when param is "",
// from the first parameter whose value looks like YYYYMM or YYYY-MM.
func yearMonthOf(u *url.URL, param string) yearMonth {
	if u == nil {
		return yearMonth{}
	}
	q := u.Query()
	read := func(v string) (yearMonth, bool) {
		m := ymValue.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil {
			return yearMonth{}, false
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo == 0 {
			if v, err := strconv.Atoi(q.Get("month")); err == nil && v >= 1 && v <= 12 {
				mo = v
			}
		}
		return yearMonth{y, mo}, true
	}
	if param != "" {
		ym, _ := read(q.Get(param))
		return ym
	}
	for _, k := range sortedKeys(firstValues(q)) {
		v := q.Get(k)
		if len(v) >= 6 { // a year alone is too common a value to trust unnamed
			if ym, ok := read(v); ok && ym.month != 0 {
				return ym
			}
		}
	}
	return yearMonth{}
}

func firstValues(q url.Values) map[string]string {
	m := make(map[string]string, len(q))
	for k := range q {
		m[k] = q.Get(k)
	}
	return m
}

var (
	hasYear   = regexp.MustCompile(`(?:19|20|１９|２０)[0-9０-９]{2}|令和|平成|R[0-9]+\.`)
	monthDate = regexp.MustCompile(`[0-9０-９]{1,2}\s*月|[0-9０-９]{1,2}\s*[/／][0-9０-９]{1,2}`)
	dayOnly   = regexp.MustCompile(`[0-9０-９]{1,2}\s*日`)
)

// withYear writes the year (and month) of ym into a date text that has
// none: 12月3日 → 2026年12月3日, 12/3 → 2026/12/3, and in a month table 3日 →
// 2026年12月3日. A text with a year, or a zero ym, is returned as it is.
func withYear(text string, ym yearMonth) string {
	if ym.year == 0 || text == "" || hasYear.MatchString(text) {
		return text
	}
	if loc := monthDate.FindStringIndex(text); loc != nil {
		sep := "年"
		if strings.ContainsAny(text[loc[0]:loc[1]], "/／") {
			sep = "/"
		}
		return text[:loc[0]] + strconv.Itoa(ym.year) + sep + text[loc[0]:]
	}
	if loc := dayOnly.FindStringIndex(text); loc != nil && ym.month != 0 {
		return text[:loc[0]] + fmt.Sprintf("%d年%d月", ym.year, ym.month) + text[loc[0]:]
	}
	return text
}

func labelField(label string) string {
	l := strings.Trim(normSpace(label), "　 :：【】[]■●・")
	l = strings.ReplaceAll(l, " ", "")
	if l == "" || utf8.RuneCountInString(l) > 8 {
		return ""
	}
	for _, lb := range labels {
		for _, w := range lb.words {
			if l == strings.ReplaceAll(w, " ", "") {
				return lb.field
			}
		}
	}
	return ""
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// labelledText reads label/value lines of plain text as event pages and
// announcements write them: 【日時】12月3日(木)18:30～, ■会場：…, 参加費 : 無料,
// or a label alone on its line with the value on the next. The first value of
// each field wins.
func labelledText(text string) Fields {
	f := Fields{}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		field, value := labelledLine(lines[i])
		if field == "" {
			continue
		}
		if value == "" && i+1 < len(lines) {
			if next, _ := labelledLine(lines[i+1]); next == "" {
				value = normSpace(lines[i+1])
				i++
			}
		}
		if value != "" && f[field] == "" {
			f[field] = value
		}
	}
	return f
}

// labelledLine splits one line into its field and value; field is "" when
// the line does not start with a known label.
func labelledLine(line string) (field, value string) {
	l := strings.TrimLeft(normSpace(line), "■□●○◆◇・★☆※▼▽◎＊*-－ ")
	if l == "" {
		return "", ""
	}
	if rest, ok := strings.CutPrefix(l, "【"); ok {
		if label, val, ok := strings.Cut(rest, "】"); ok {
			if f := labelField(label); f != "" {
				return f, normSpace(strings.TrimLeft(val, ":： "))
			}
		}
		return "", ""
	}
	if rest, ok := strings.CutPrefix(l, "["); ok {
		if label, val, ok := strings.Cut(rest, "]"); ok {
			if f := labelField(label); f != "" {
				return f, normSpace(strings.TrimLeft(val, ":： "))
			}
		}
	}
	for _, sep := range []string{"：", ":", " "} {
		label, val, ok := strings.Cut(l, sep)
		if !ok || utf8.RuneCountInString(label) > 8 {
			continue
		}
		if f := labelField(label); f != "" {
			return f, normSpace(strings.TrimLeft(val, ":： "))
		}
	}
	if f := labelField(l); f != "" {
		return f, ""
	}
	return "", ""
}

// noticeEndings follow a status word where a page announces what became of
// the event (中止となりました, 受付を終了しました, 延期のお知らせ);
// noticeRules precede one that only states a rule (雨天の場合は中止します).
var (
	noticeEndings = []string{"となりました", "になりました", "いたしました", "しました", "いたします", "します",
		"させていただきます", "させて頂きます", "となります", "です", "でございます", "のお知らせ", "のご案内", "ました"}
	noticeRules = []string{"場合は", "場合には", "場合", "時は", "ときは", "際は", "雨天", "荒天", "悪天候", "次第"}
)

// maxNoticeRunes bounds the sentence a status notice is read from: a long
// sentence is prose about something else.
const maxNoticeRunes = 60

// statusNotice finds, in a page's main text, a short sentence announcing the
// event's status (※定員に達したため、受付を終了しました。) and returns its
// status word, or "" when there is none.
func statusNotice(text string) string {
	for _, line := range strings.Split(text, "\n") {
		for _, sentence := range strings.Split(line, "。") {
			sentence = strings.ToLower(normSpace(sentence))
			if sentence == "" || utf8.RuneCountInString(sentence) > maxNoticeRunes {
				continue
			}
			for _, sw := range statusWords {
				i := strings.Index(sentence, sw.word)
				if i < 0 {
					continue
				}
				before, after := sentence[:i], sentence[i+len(sw.word):]
				if hasAnyPrefix(after, noticeEndings) && !hasAnySuffix(before, noticeRules) && !strings.Contains(before, "場合") {
					return sw.word
				}
			}
		}
	}
	return ""
}
