package crawler

import (
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
	"golang.org/x/text/unicode/norm"

	"kouryu/crawler/jpdate"
)

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
	// 例会日時: a club's programme states its meetings' day and hours
	// once, under the meeting's name.
	{[]string{"開催日時", "日時", "開催日", "日程", "期日", "開催期間", "会期", "日付", "開始", "開始日時", "例会日時", "例会日", "定例会日時"}, FieldDate},
	{[]string{"終了", "終了日時", "終了日", "終演", "終了時刻", "終了時間"}, fieldEnd},
	{[]string{"時間", "開催時間", "例会時間", "開始時刻", "開始時間"}, FieldTime},
	{[]string{"会場", "場所", "開催場所", "開催地", "会場名", "ところ"}, FieldVenue},
	{[]string{"住所", "所在地", "会場住所"}, FieldAddress},
	{[]string{"参加費", "費用", "料金", "受講料", "会費", "参加料"}, FieldFee},
	{[]string{"主催", "主催者", "主 催"}, FieldOrganizer},
	{[]string{"受付状況", "申込状況", "募集状況", "開催状況", "状況", "状態", "ステータス"}, FieldStatus},
}

// englishLabels are the labels of designed sites (STUDIO, Wix, Peatix-like
// pages) that write them in English: DATE, PLACE, FEE. They are matched in
// capitals or with a capital first (Date, Venue) only, when they stand
// alone or before a colon: in a sentence they are words.
var englishLabels = map[string]string{
	"DATE": FieldDate, "DATE&TIME": FieldDate, "WHEN": FieldDate,
	"TIME":  FieldTime,
	"PLACE": FieldVenue, "VENUE": FieldVenue, "LOCATION": FieldVenue, "WHERE": FieldVenue,
	"ADDRESS": FieldAddress,
	"FEE":     FieldFee, "PRICE": FieldFee, "ENTRYFEE": FieldFee,
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

// inSkippedBlock says whether one of n's ancestors holds no part of the
// page's event (skippedBlock): chrome, a sidebar, a box of other events.
func inSkippedBlock(n *html.Node) bool {
	for a := n.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		// (ASP.NET wraps the whole page in its form.)
		if a.Data != "form" && skippedBlock(a) {
			return true
		}
	}
	return false
}

// autoFields is AutoDetail without the JSON-LD.
func autoFields(doc *goquery.Document) Fields {
	f := Fields{}
	doc.Find("dt, th, tr > td:first-child").Each(func(_ int, s *goquery.Selection) {
		field := labelField(s.Text())
		if field == "" || f[field] != "" || inSkippedBlock(s.Nodes[0]) {
			// (Not the labels of a box of other events: この主催者の
			// 他のイベント's cards, each with its own 開催日.)
			return
		}
		if goquery.NodeName(s) == "td" && (utf8.RuneCountInString(normSpace(s.Text())) > 8 || s.Siblings().Length() != 1) {
			// A label in a row's first cell, the value in its second
			// (ASP.NET's DetailsView: <td class="dvField">開催日</td>),
			// not a schedule's row whose first cell is a date.
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
		if field == FieldDate {
			if span, ok := dayRun(text); ok {
				f[FieldDate] = span
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
	} else if main := doc.Find(mainContent).First(); main.Length() > 0 {
		f[FieldDescription] = truncateRunes(contentText(main.Nodes[0]), maxDescRunes)
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
			text := blockText(sel.Nodes[0])
			if venue, addr, ok := venueLines(text); ok && pf.field == FieldVenue {
				// The hall, and its address on the line under it.
				text = venue
				if f[FieldAddress] == "" {
					f[FieldAddress] = addr
				}
			}
			v = strings.ReplaceAll(text, "\n", " ")
		}
		if v = normSpace(strings.ReplaceAll(v, " @ ", " ")); v != "" {
			f[pf.field] = v
		}
	}
	// 【日時】… and 日時：… lines of the main text fill what is still
	// missing; not its chrome (a related post's 【満席となりました】).
	text := "" // the main text, without its chrome
	if main := doc.Find(mainContent + ", body").First(); main.Length() > 0 {
		text = contentText(main.Nodes[0])
		for name, v := range labelledText(text) {
			if f[name] == "" {
				f[name] = v
			}
		}
		if f[FieldVenue] == "" {
			if v := activityPlace(text, f[FieldTitle]); v != "" {
				f[FieldVenue] = v
			}
		}
		if _, ok := statusIn(f[FieldStatus]); !ok {
			// 受付状況: 受付中 names no status: the title (【中止】…) or
			// a notice in the text still may.
			delete(f, FieldStatus)
			if w := statusNotice(text); w != "" && !otherDayNotice(text, w, f[FieldTitle]) {
				f[FieldStatus] = w
			}
		}
	}
	if v := cleanVenue(f[FieldVenue]); v != "" {
		f[FieldVenue] = v
	}
	if f[FieldVenue] != "" {
		if v := roomOf(text, f[FieldVenue]); v != "" {
			f[FieldVenue] = v
		}
	}
	return f
}

// mainContent selects a page's main text, where a theme puts it.
const mainContent = "main, article, #main, #contents, .entry-content"

// roomOf is the venue v as a 会場 line of text names it with the floor or
// the room too (VENUE 扇町インキュベーションベース over 会場：扇町インキュ
// ベーションベース 2F ラウンジ（大阪市北区…）), without its address; ""
// when no line says more of it.
func roomOf(text, v string) string {
	for _, line := range strings.Split(text, "\n") {
		field, val := labelledLine(line)
		if field != FieldVenue || !strings.HasPrefix(val, v) || len(val) == len(v) || strings.Contains(val, "。") {
			continue
		}
		g := Fields{FieldVenue: val}
		splitAddress(g)
		// (Not a note in brackets: Cafe & Bar LINK 梅田（貸切）.)
		if w := cleanVenue(g[FieldVenue]); strings.HasPrefix(w, v) && len(w) > len(v) && !strings.ContainsAny(w[len(v):], "（(") {
			return w
		}
	}
	return ""
}

// venueTail is what a venue's line says after the place: a note (※お申込み
// の方にURLをお送りします), a past meeting's attendance (参加者31名), or the
// hours of the place (　10時～18時).
var venueTail = regexp.MustCompile(`\s*※.*$|\s+参加(?:者|人数)\s*[:：]?\s*[0-9０-９]+\s*(?:名|人).*$|[\s　]+(?:午前|午後)?[0-9０-９]{1,2}\s*(?:[:：][0-9０-９]{2}|時(?:\s*[0-9０-９]{1,2}\s*分|半)?)(?:\s*[～〜~\-－]\s*(?:(?:午前|午後)?[0-9０-９]{1,2}\s*(?:[:：][0-9０-９]{2}|時(?:\s*[0-9０-９]{1,2}\s*分|半)?))?)?$`)

// partPlace opens a venue written per part (第1部：例プラザ 3階 / 第2部：
// 同ビル 1階 レストラン, 例会　例会館 5階 / 懇親会　割烹 例) or per session
// (第1回～第4回：例センター): the event's place is its first part's.
var partPlace = regexp.MustCompile(`^(?:(?:第\s*[0-9０-９一二三四五]+\s*部|[0-9０-９]\s*部|第\s*[0-9０-９]+\s*回(?:\s*[～〜~\-－]\s*第\s*[0-9０-９]+\s*回)?)\s*[:：]\s*|(?:例会|懇親会|交流会|勉強会|セミナー|講演会)(?:\s*[:：]\s*|[\s　]+))`)

// feeInVenue is the fee written after a place on its line: 会費 5,000円,
// 参加費：3,000円.
var feeInVenue = regexp.MustCompile(`[\s　/／、,]+(?:会費|参加費|受講料)\s*[:：]?\s*[0-9０-９無]`)

// cleanVenue is a venue without the note or the hours written after it on
// its line; "" when nothing would be left.
func cleanVenue(v string) string {
	if loc := feeInVenue.FindStringIndex(v); loc != nil && loc[0] > 0 {
		// 旬彩 てんま（北区天神橋4丁目） 会費 5,000円: the cell holds the
		// fee after the place.
		v = v[:loc[0]]
	}
	v = strings.TrimSpace(venueTail.ReplaceAllString(v, ""))
	v = partPlace.ReplaceAllString(v, "") // 第1部：例ホール → 例ホール
	return strings.TrimSpace(mapLinkTail.ReplaceAllString(v, ""))
}

// mapLinkTail is a link to the way there written after a venue: （交通アクセス）,
// [地図], （会場案内図）.
var mapLinkTail = regexp.MustCompile(`[\s　]*[（(\[［]\s*(?:交通)?(?:アクセス|地図|マップ|MAP|Map|map|Google\s*マップ|GoogleMap|会場案内|案内図|会場案内図|アクセスマップ)\s*[）)\]］]$`)

// activityPlace reads the place of an event labelled by what is done there
// (■福引所　例広場, 抽選会場：…, 【受講場】…): a label ending in 所 or 場
// whose stem (福引, 抽選) the event's title names. It returns "" when no
// line reads so.
func activityPlace(text, title string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		l := strings.TrimLeft(normSpace(line), "■□●○◆◇・★☆▼▽◎＊*-－ ")
		label, value := l, ""
		if rest, ok := strings.CutPrefix(l, "【"); ok {
			label, value, _ = strings.Cut(rest, "】")
		} else {
			for _, sep := range []string{"：", ":", " "} {
				if a, b, ok := strings.Cut(l, sep); ok {
					label, value = a, b
					break
				}
			}
		}
		label = strings.TrimSpace(label)
		stem := strings.TrimSuffix(strings.TrimSuffix(label, "所"), "場")
		n := utf8.RuneCountInString(stem)
		if stem == label || n < 2 || n > 5 || !strings.Contains(title, stem) || labelField(label) != "" {
			continue
		}
		value = normSpace(strings.TrimLeft(value, ":： "))
		if value == "" && i+1 < len(lines) {
			if next, _ := labelledLine(lines[i+1]); next == "" {
				value = normSpace(lines[i+1])
			}
		}
		if value = cutAtNextLabel(value); value != "" {
			return value
		}
	}
	return ""
}

// addressLike matches an address: a postcode, or a city, ward, town or
// village followed by a block number — or by the X-X or X丁目X番 a page
// writes in its place (岸和田市宮本町X-X: an address the publisher would
// not print).
var addressLike = regexp.MustCompile(`^〒|^(?:大阪府)?\p{Han}{1,6}[市区町村郡].*(?:[0-9０-９一二三四五六七八九十]|[XＸ]\s*[-－−‐]\s*[XＸ]|[XＸ]\s*(?:丁目|番地?|号))`)

// cityOnly is a city, or a city and its ward, alone (神戸市東灘区, 堺市美原区):
// in brackets after a place, where it is rather than part of its name.
var cityOnly = regexp.MustCompile(`^(?:\p{Han}{2,3}[都道府県])?\p{Han}{1,5}市(?:\p{Han}{1,5}区)?$`)

// venueLines reads a venue cell whose address stands on a line of its own,
// in brackets or not (例ホテル 3階<br>（大阪市浪速区難波中9-8-1）): the venue
// is the first line, that names the place, the address the second; lines
// after the address are left out. ok is false for
// any other cell; an address written on the venue's own line stays there,
// as part of how the page names it.
// addressLabel is the label of an address line under a venue: 所在地：, 住所：.
var addressLabel = regexp.MustCompile(`^[■●・]?\s*(?:所在地|住所)\s*[:：]\s*`)

func venueLines(text string) (venue, addr string, ok bool) {
	lines := strings.Split(text, "\n")
	if len(lines) < 2 {
		return "", "", false
	}
	if first, second := normSpace(lines[0]), normSpace(lines[1]); latinText(first) && japaneseText(second) &&
		!(strings.ContainsAny(second, "階FＦ") && !strings.ContainsAny(first, "0123456789")) {
		// A bilingual page's place: Hotel …, 3F Sakura Room, then ホテル…
		// 3階「桜の間」, then the addresses. The first is the place as the
		// page writes it first; a room under a building's name (Grand
		// Front Osaka / タワーB 10階) is no translation.
		for _, l := range lines[2:] {
			if l = normSpace(l); addressLike.MatchString(l) {
				return first, l, true
			}
		}
		return first, "", true
	}
	// Under the address, a cell may go on with a link to a map (Google
	// Mapで見る) or a note (オンライン配信あり): still the hall's cell.
	inner := strings.TrimSpace(lines[1])
	if m := addressLabel.FindString(inner); m != "" {
		// 所在地：大阪市中央区本町2-3-4 本町第一ビル8階（アクセス）
		inner = strings.TrimSpace(mapLinkTail.ReplaceAllString(inner[len(m):], ""))
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if s, ok := strings.CutPrefix(inner, br[0]); ok {
			if s, ok := strings.CutSuffix(s, br[1]); ok && addressLike.MatchString(strings.TrimSpace(s)) {
				return normSpace(lines[0]), normSpace(s), true
			}
		}
	}
	if addressLike.MatchString(inner) {
		return normSpace(lines[0]), normSpace(inner), true
	}
	if t := strings.TrimRight(normSpace(inner), "。"); strings.HasPrefix(t, "※") || hasAnySuffix(t, []string{"ます", "ください", "ません"}) {
		// オンライン（Zoom） / お申し込みの方に前日までに参加URLをお送り
		// します: a note under the place, no part of it.
		return normSpace(lines[0]), "", true
	}
	return "", "", false
}

// latinText says whether a line is written in Latin letters: at least
// three and no kana or kanji.
func latinText(s string) bool {
	latin, ja := scriptCounts(s)
	return latin >= 3 && ja == 0
}

// japaneseText says whether a line holds kana or kanji and few Latin
// letters (a name in Japanese, perhaps with Zoom or a room's letter).
func japaneseText(s string) bool {
	latin, ja := scriptCounts(s)
	return ja >= 2 && latin <= ja
}

// scriptCounts counts a text's ASCII letters and its kana and kanji.
func scriptCounts(s string) (latin, ja int) {
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			latin++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han):
			ja++
		}
	}
	return latin, ja
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
	parts := titleParts(doc)
	// The site's name (a blog's, in its header's <h1>) is no post's title.
	site, _ := doc.Find(`meta[property="og:site_name"]`).Attr("content")
	site = normSpace(site)
	var headings []string
	marked := "" // the heading the theme marks as the post's title
	h1s := 0
	// A blog's post title may be an <h3> its theme marks (Blogger's
	// h3.post-title, baserCMS's bs-single-post__title), under h2s of
	// dates, the blog's name and sidebar boxes.
	for _, tag := range []string{"h1", "h2", "h3"} {
		doc.Find(tag).Each(func(_ int, h *goquery.Selection) {
			if tag == "h3" && !postTitleClass(idClassWords(h.Nodes[0])) {
				return
			}
			if h.Closest("nav, footer, aside").Length() > 0 {
				return
			}
			if site != "" && normSpace(h.Text()) == site {
				return
			}
			if a := h.Find("a[href]"); a.Length() == 1 && normSpace(a.Text()) == normSpace(h.Text()) {
				if href, _ := a.Attr("href"); homeLink(href) {
					return
				}
			}
			if t := normSpace(h.Text()); t != "" {
				if marked == "" && postTitleClass(idClassWords(h.Nodes[0])) {
					marked = t
				}
				headings = append(headings, t)
				if tag == "h1" {
					h1s++
				}
			}
		})
	}
	if marked != "" && slices.Contains(parts, marked) {
		return marked
	}
	if marked != "" && h1s > 0 && listPageName(headings[0]) {
		// A plugin's event shown inside the site's page of its list, at
		// ?event=2270: the page's <title> and <h1> are the list's (行事予定),
		// the heading the plugin marks (ep_single_event_title) the event's.
		return marked
	}
	// Of the headings the <title> names, the one it names first: <title>
	// 事業承継セミナー | セミナー詳細 | 財団名 over <h1>セミナー詳細</h1> and
	// <h2>事業承継セミナー</h2>. A <title> runs from the page to the site.
	for _, p := range parts {
		if slices.Contains(headings, p) {
			return p
		}
	}
	// An unclosed heading (<h1>交流会のご案内<p>日時：…) swallows the page
	// after it: the <title>'s part it starts with is its name.
	for _, h := range headings {
		for _, p := range parts {
			rest, ok := strings.CutPrefix(h, p)
			if ok && utf8.RuneCountInString(p) >= 4 && utf8.RuneCountInString(rest) > 40 && (inlineDate.MatchString(rest) || len(labelledText(rest)) > 0) {
				return p
			}
		}
	}
	// 例ストア / 【12/17開催】交流会: the <title> is the site's name and
	// the heading, whatever stands between them.
	whole := normSpace(doc.Find("title").First().Text())
	for _, h := range headings {
		if rest, ok := strings.CutSuffix(whole, h); ok && rest != "" && titleJoint(rest, true) {
			return h
		}
		if rest, ok := strings.CutPrefix(whole, h); ok && rest != "" && titleJoint(rest, false) {
			return h
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

// listPageName says whether a heading names a page of events rather than
// one of them: 行事予定, イベント一覧, セミナー情報, イベントカレンダー.
func listPageName(h string) bool {
	h = strings.TrimSpace(h)
	return utf8.RuneCountInString(h) <= 12 && containsAny(h, scheduleWords) && !namesGathering(h)
}

// postTitleClass says whether a heading's classes mark it as a post's
// title: post-title, entry-title, bs-single-post__title.
func postTitleClass(words []string) bool {
	return (has(words, "title") || has(words, "header")) && (has(words, "post") || has(words, "entry") || has(words, "single"))
}

// titleParts are the parts of a page's <title> and og:title, split at
// their separators.
func titleParts(doc *goquery.Document) []string {
	head := normSpace(doc.Find("title").First().Text())
	if og, _ := doc.Find(`meta[property="og:title"]`).Attr("content"); normSpace(og) != "" {
		head += "｜" + normSpace(og)
	}
	// A blog's post: "題: ブログ名" (Seesaa, Movable Type, ココログ), with
	// no space before the colon that titleSeparators would split at.
	site := bannerName(doc)
	var parts []string
	for _, p := range titleSeparators.Split(head, -1) {
		p = normSpace(p)
		if rest, ok := strings.CutSuffix(p, site); ok && site != "" && titleJoint(rest, true) {
			p = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), ":："))
		}
		if p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// bannerName is the site's name as its pages state it: og:site_name, else
// the text of its banner's heading that links the home page (<h1
// id="banner-header"><a href="/blog/">); "" when neither is there.
func bannerName(doc *goquery.Document) string {
	if site, _ := doc.Find(`meta[property="og:site_name"]`).Attr("content"); normSpace(site) != "" {
		return normSpace(site)
	}
	name := ""
	doc.Find("h1").EachWithBreak(func(_ int, h *goquery.Selection) bool {
		if a := h.Find("a[href]"); a.Length() == 1 && normSpace(a.Text()) == normSpace(h.Text()) {
			if href, _ := a.Attr("href"); homeLink(href) || blogTop(href) && bannerWords(idClassWords(h.Nodes[0])) {
				name = normSpace(h.Text())
				return false
			}
		}
		return true
	})
	return name
}

// blogTop says whether href is a folder one level down, a blog's top on a
// host of many (/blog/, /hokusetsu-biz/).
func blogTop(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	return err == nil && u.RawQuery == "" && strings.HasSuffix(u.Path, "/") && strings.Count(u.Path, "/") == 2
}

// bannerWords mark an element as a site's banner or logo.
func bannerWords(words []string) bool {
	return has(words, "banner") || has(words, "logo") || has(words, "sitetitle") || has(words, "blogtitle")
}

// titleJoint says whether what a <title> writes beside a heading ends
// (before it) or starts (after it) with a separator: " / ", "｜", " - ".
func titleJoint(rest string, before bool) bool {
	r := strings.TrimSpace(rest)
	if before {
		r = strings.TrimSpace(strings.TrimRight(r, "/／|｜-–—:：»«>＞"))
		return r != strings.TrimSpace(rest) && r != ""
	}
	t := strings.TrimSpace(strings.TrimLeft(r, "/／|｜-–—:：»«<＜"))
	return t != r && t != ""
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

// yearMonth is a year (and month, 0 when unknown) a list page's URL or a
// heading names. fiscal marks a Japanese fiscal year (令和8年度, 2026年度):
// April of year to March of the year after.
type yearMonth struct {
	year, month int
	fiscal      bool
}

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
		return yearMonth{year: y, month: mo}, true
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
	// y=2027&m=1, year=2027&month=1: a calendar's year and month apart;
	// yno=2026&mno=11 in Events Manager's.
	for _, names := range [][2]string{{"y", "m"}, {"year", "month"}, {"yno", "mno"}} {
		y, yerr := strconv.Atoi(q.Get(names[0]))
		mo, merr := strconv.Atoi(q.Get(names[1]))
		if yerr == nil && merr == nil && y >= 1900 && y <= 2099 && mo >= 1 && mo <= 12 {
			return yearMonth{year: y, month: mo}
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
	l := strings.Trim(normSpace(label), "　 :：【】[]■□●○◆◇★☆・")
	l = strings.ReplaceAll(l, " ", "")
	if l == "" || utf8.RuneCountInString(l) > 9 {
		return ""
	}
	if f := englishLabel(l); f != "" {
		return f
	}
	if utf8.RuneCountInString(l) > 8 {
		return ""
	}
	for _, lb := range labels {
		for _, w := range lb.words {
			if l == strings.ReplaceAll(w, " ", "") {
				return lb.field
			}
		}
	}
	if placeLabel(l) {
		return FieldVenue
	}
	return ""
}

// placeLabel says whether a label names the event's place in other words
// than 会場 and 場所: 開催会場, 研修会場, 実施場所, 見学先, 視察先. Where
// people meet or sign in first (集合場所, 受付場所) and where to apply or
// ask (申込先, 問合せ先) are not the place.
func placeLabel(l string) bool {
	for _, w := range []string{"集合", "待ち合わせ", "待合せ", "受付", "申込", "申し込み", "問合", "問い合わせ", "連絡", "駐車", "駐輪", "送付", "提出"} {
		if strings.Contains(l, w) {
			return false
		}
	}
	if strings.HasSuffix(l, "会場") || strings.HasSuffix(l, "場所") {
		return true
	}
	for _, w := range []string{"見学先", "視察先", "訪問先", "研修先"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	return false
}

// englishLabel is the field of an English label written in capitals (DATE)
// or with a capital first (Date), "" for any other text.
func englishLabel(l string) string {
	up := strings.ToUpper(l)
	if l != up && l != up[:1]+strings.ToLower(up[1:]) {
		return ""
	}
	return englishLabels[up]
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
			// A label after a sentence: 参加者 42名。会場：例ホテル; or
			// after a part of the line set apart by a slash: 報告者：…
			// ／ 会場：例会館.
			ss := sentences(lines[i])
			ss = ss[min(1, len(ss)):]
			if parts := strings.Split(lines[i], " ／ "); len(parts) > 1 {
				ss = append(ss, parts[1:]...)
			}
			for _, s := range ss {
				if field, value := colonLabelled(s); field != "" && f[field] == "" {
					f[field] = value
				}
			}
			continue
		}
		if value == "" && i+1 < len(lines) {
			if next, _ := labelledLine(lines[i+1]); next == "" {
				value = normSpace(lines[i+1])
				i++
			}
		}
		if field == FieldDate && value != "" && i+1 < len(lines) && !clockTimes.MatchString(value) {
			// 日時 / 2026/12/18 / 18:30 - 20:30: the day and its hours on
			// lines of their own under one label.
			if t := timeOnly(lines[i+1]); t != "" {
				value += " " + t
				i++
			}
		}
		if field == FieldDate && value != "" && f[FieldTime] == "" && !clockTimes.MatchString(value) {
			// 開催日時 / 2027年1月21日（木） / 第1部 セミナー 15:00～17:00 /
			// 第2部 懇親会 17:30～19:30: the hours of each part under
			// the day; the first part starts the event, the last ends it.
			var parts []string
			for i+1 < len(lines) && partLine.MatchString(lines[i+1]) && clockTimes.MatchString(lines[i+1]) {
				parts = append(parts, normSpace(lines[i+1]))
				i++
			}
			if len(parts) > 0 {
				f[FieldTime] = strings.Join(parts, " / ")
			}
		}
		if field == FieldDate && dayHoursLine(value) {
			// 2027年2月12日（金）10:00～17:00 / 2027年2月13日（土）
			// 10:00～16:00: the further days of a fair, each its line.
			for i+1 < len(lines) && dayHoursLine(lines[i+1]) {
				value += " " + normSpace(lines[i+1])
				i++
			}
		}
		if value != "" && f[field] == "" {
			f[field] = value
		}
	}
	return f
}

// dayRun reads a date cell that lists days in a row, each on a line of
// its own (2026年12月12日（土曜日） / 2026年12月13日（日曜日）): one event
// over those days, written as their span. ok is false for any other cell,
// days apart among them (a course's sessions each a day of its own).
func dayRun(text string) (string, bool) {
	var days []time.Time
	var first, last string
	for _, line := range strings.Split(text, "\n") {
		line = normSpace(line)
		if line == "" {
			continue
		}
		if !datesAlone(line) || !dateYear.MatchString(line) {
			return "", false
		}
		sp, err := jpdate.Parse(line, time.Date(2000, 1, 1, 0, 0, 0, 0, jpdate.Tokyo))
		if err != nil || !sp.AllDay || !sp.End.IsZero() {
			return "", false
		}
		if n := len(days); n > 0 && !sp.Start.Equal(days[n-1].AddDate(0, 0, 1)) {
			return "", false
		}
		days = append(days, sp.Start)
		if first == "" {
			first = line
		}
		last = line
	}
	if len(days) < 2 {
		return "", false
	}
	return first + "～" + last, true
}

// timeOnlyLine is a line that is the hours of a day and nothing else:
// 18:30 - 20:30, 午後2時～4時, 10:00～.
var timeOnlyLine = regexp.MustCompile(`^(?:午前|午後|AM|PM|am|pm)?\s*[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|時(?:\s*[0-9０-９]{1,2}\s*分|半)?)[\s0-9０-９:：時分半午前後AMPamp～〜~\-－–ー]*$`)

// timeOnly returns line when it states the hours of a day alone, else "".
func timeOnly(line string) string {
	l := normSpace(line)
	if !timeOnlyLine.MatchString(l) {
		return ""
	}
	if _, err := jpdate.ParseTime(l, time.Date(2000, 1, 1, 0, 0, 0, 0, jpdate.Tokyo)); err != nil {
		return ""
	}
	return l
}

// colonLabelled reads a sentence written label：value (会場：例ホテル),
// the label followed by a colon; field is "" for any other sentence.
func colonLabelled(s string) (field, value string) {
	for _, sep := range []string{"：", ":"} {
		label, v, ok := strings.Cut(strings.TrimSpace(s), sep)
		if !ok {
			continue
		}
		if field = labelField(label); field != "" {
			if v = cutAtNextLabel(normSpace(v)); v != "" {
				return field, v
			}
		}
	}
	return "", ""
}

// nextLabel matches a second label on a label's line: 場所：例ビル　参加費：2,000円,
// 会場：例ビル／参加費：500円.
var nextLabel = regexp.MustCompile(`(?:[\s　]+|\s*[／｜]\s*)[【\[]?([^\s　:：【】\[\]／｜]{1,8})[】\]]?\s*[:：]`)

// cutAtNextLabel ends a value where the next label on its line starts.
func cutAtNextLabel(v string) string {
	for _, m := range nextLabel.FindAllStringSubmatchIndex(v, -1) {
		if labelField(v[m[2]:m[3]]) != "" {
			return strings.TrimSpace(v[:m[0]])
		}
	}
	return v
}

// labelledLine splits one line into its field and value; field is "" when
// the line does not start with a known label.
func labelledLine(line string) (field, value string) {
	field, value = labelledLineRaw(line)
	return field, cutAtNextLabel(value)
}

// itemNumber numbers an item of a list written as text: 1．, 2., (3), ①;
// a digit after it (12.10) makes it a date.
var itemNumber = regexp.MustCompile(`^((?:[0-9０-９]{1,2}\s*[．.、]|[（(][0-9０-９]{1,2}[)）]|[①-⑳])\s*)[^0-9０-９\s]`)

// pictographLabels are the pictographs a post labels its lines with, the
// fields they stand for (none for 👥, the capacity) and the labels a page
// writes for them.
var pictographLabels = []struct {
	marks, field, label string
}{
	{"📅📆🗓", FieldDate, "日時："},
	{"📍🏠", FieldVenue, "会場："},
	{"💰💴", FieldFee, "参加費："},
	{"👥", "", "定員："},
}

func labelledLineRaw(line string) (field, value string) {
	l := strings.TrimLeft(normSpace(line), "■□●○◆◇・★☆※▼▽◎＊*-－ ")
	if m := itemNumber.FindStringSubmatch(l); m != nil {
		// 2．場　所　例旅館: a letter's 記 numbers its items.
		l = l[len(m[1]):]
	}
	if l == "" {
		return "", ""
	}
	for _, pl := range pictographLabels {
		// 📍居酒屋 とら八（ひかり通り北口すぐ）: a social post's pictograph
		// stands for the label.
		if pl.field == "" {
			continue
		}
		for _, m := range pl.marks {
			if rest, ok := strings.CutPrefix(l, string(m)); ok {
				if f, v := labelledLineRaw(rest); f != "" {
					return f, v // 📍場所：… labels it twice
				}
				if v := normSpace(strings.TrimLeft(rest, "\ufe0f:： ")); v != "" {
					return pl.field, v
				}
			}
		}
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
	if m := spacedLabel.FindStringSubmatch(l); m != nil {
		// 会　場　いつもの会場: a text page spaces its labels' letters
		// to align them.
		if f := labelField(m[1]); f != "" {
			return f, normSpace(m[2])
		}
	}
	for _, sep := range []string{"：", ":", " "} {
		label, val, ok := strings.Cut(l, sep)
		if !ok || utf8.RuneCountInString(label) > 8 || sep == " " && englishLabel(label) != "" {
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

// spacedLabel is a label of two or three letters written apart (会　場,
// 定　員), then its value after a space.
var spacedLabel = regexp.MustCompile(`^(\p{Han} \p{Han}(?: \p{Han})?)[:： ]+(\S.*)$`)

// noticeEndings follow a status word where a page announces what became of
// the event (中止となりました, 受付を終了しました, 延期のお知らせ);
// noticeRules precede one that only states a rule (雨天の場合は中止します).
var (
	noticeEndings = []string{"となりました", "になりました", "いたしました", "しました", "いたします", "します",
		"させていただきます", "させて頂きます", "となります", "です", "でございます", "のお知らせ", "のご案内", "ました",
		"たため", "たので"} // 定員に達したため、受付を終了しました
	noticeRules = []string{"場合は", "場合には", "場合", "時は", "ときは", "際は", "雨天", "荒天", "悪天候", "次第"}
)

// maxNoticeRunes bounds the sentence a status notice is read from: a long
// sentence is prose about something else.
const maxNoticeRunes = 60

// statusNotice finds, in a page's main text, a short sentence announcing the
// event's status (※定員に達したため、受付を終了しました。) or a status mark
// alone on its line (【満員御礼】) and returns its status word, or "" when
// there is none.
// otherDayNotice says whether the status word w that a page's text says
// (statusNotice) is said of another day than the one its title names:
// ※12月15日（火）のモーニングセミナーは中止となりました on the page of
// 12月8日（火）第1050回モーニングセミナー.
func otherDayNotice(text, w, title string) bool {
	own := monthDay.FindStringSubmatch(norm.NFKC.String(title))
	if own == nil {
		return false
	}
	for _, line := range strings.Split(text, "\n") {
		for _, sentence := range strings.Split(line, "。") {
			if !strings.Contains(strings.ToLower(sentence), w) {
				continue
			}
			if m := monthDay.FindStringSubmatch(norm.NFKC.String(sentence)); m != nil {
				return m[1] != own[1] || m[2] != own[2]
			}
		}
	}
	return false
}

// monthDay is a month and day: 12月15日.
var monthDay = regexp.MustCompile(`([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日`)

func statusNotice(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if t := normSpace(line); strings.HasPrefix(t, "【") && strings.HasSuffix(t, "】") && utf8.RuneCountInString(t) <= 10 {
			// 【満員御礼】 alone on the line over the event's note.
			if _, ok := statusIn(t); ok {
				return strings.Trim(t, "【】")
			}
		}
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
