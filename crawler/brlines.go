package crawler

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dayAtLineStart is a month and day opening a line of a schedule (12/15,
// 12月15日, ２/９), after a bullet or the year.
var dayAtLineStart = regexp.MustCompile(`^[\s　・■□●○◆◇▼▽★☆※\-－]*(?:(?:19|20)[0-9]{2}\s*[年/.]\s*)?[0-9]{1,2}\s*(?:月\s*[0-9]{1,2}\s*日|[/／]\s*[0-9]{1,2})`)

// splitLineBlocks gives each dated line of a block written as lines
// (one <p> or cell whose lines are separated by <br>) an element of its
// own, so that the lines read as the rows of a schedule: the old page
// builders' 行事予定 writes a month's meetings so, under a 【12月】
// heading in the same paragraph. Only blocks with two or more lines that
// open with a month and day, each followed by more text, are changed;
// the lines that are not dated (a heading, 1月下旬 …) are left as they
// are.
func splitLineBlocks(root *html.Node) {
	var blocks []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "style", "noscript", "template", "select", "textarea", "a":
			return
		}
		brs := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "br" {
				brs++
			}
		}
		if brs > 0 && n.Parent != nil {
			blocks = append(blocks, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	wrapped := map[*html.Node]bool{}
	for _, b := range blocks {
		if wrapDatedLines(b, 2) {
			wrapped[b] = true
		}
	}
	// A month with one meeting, beside months with more.
	for _, b := range blocks {
		if wrapped[b] {
			continue
		}
		for sib := b.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
			if wrapped[sib] && sib.Data == b.Data {
				wrapDatedLines(b, 1)
				break
			}
		}
	}
}

// wrapDatedLines wraps each dated line of n (its children between <br>s)
// in a <span>, when at least min of them are dated; it says whether it
// did.
func wrapDatedLines(n *html.Node, min int) bool {
	var segs [][]*html.Node
	var cur []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "br" {
			segs = append(segs, cur)
			cur = nil
			continue
		}
		cur = append(cur, c)
	}
	segs = append(segs, cur)
	var dated [][]*html.Node
	for _, seg := range segs {
		if datedLine(seg) {
			dated = append(dated, seg)
		}
	}
	if len(dated) < min {
		return false
	}
	for _, seg := range dated {
		span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span, Attr: []html.Attribute{{Key: lineAttr}}}
		n.InsertBefore(span, seg[0])
		for _, c := range seg {
			n.RemoveChild(c)
			span.AppendChild(c)
		}
	}
	return true
}

// lineAttr marks the element splitLineBlocks made of a line.
const lineAttr = "data-kouryu-line"

// holdsLines says whether n holds lines splitLineBlocks made: the lines
// are the blocks, not n.
func holdsLines(n *html.Node) bool {
	found := false
	walkElements(n, func(e *html.Node) bool {
		if e != n && isLine(e) {
			found = true
		}
		return !found
	})
	return found
}

// isLine says whether n is a line splitLineBlocks made.
func isLine(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "span" && len(n.Attr) == 1 && n.Attr[0].Key == lineAttr
}

// datedLine says whether a line opens with a month and day and says more
// than the date. A line that is one block element (a <p>, a <div>) is
// not a line of text.
func datedLine(seg []*html.Node) bool {
	var sb strings.Builder
	for _, c := range seg {
		if c.Type == html.ElementNode && blockElements[c.Data] {
			return false
		}
		sb.WriteString(nodeText(c))
	}
	text := toHalfWidth(normSpace(sb.String()))
	loc := dayAtLineStart.FindStringIndex(text)
	if loc == nil {
		return false
	}
	rest := strings.Trim(text[loc[1]:], " 　()（）月火水木金土日祝・")
	return len([]rune(rest)) >= 2
}

// nodeText is the text under n, as it stands (what a :contains selector
// reads).
func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sb.WriteString(nodeText(c))
	}
	return sb.String()
}

// lineNoteWords in brackets say they are a note on the event (定員30名,
// 会員限定, 2回とも), not its place.
var lineNoteWords = []string{"予定", "のみ", "限定", "とも", "全", "回", "名", "円", "無料", "要", "申込", "予約", "終了", "中止", "延期",
	"満", "共催", "主催", "後援", "対象", "歳", "未定", "調整", "受付", "締切", "〆"}

// lineBracketPlace splits the bracket that closes a line of a schedule
// (役員会・忘年会（北浜 翠明楼）, 視察研修（京都方面）) from its name: a line
// names its meeting and then where it is held, and a bracket that is no
// note (a number, 会員限定, 2回とも) is that place.
func lineBracketPlace(title string) (string, string) {
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(title, br[1]) {
			continue
		}
		i := strings.LastIndex(title, br[0])
		if i <= 0 {
			continue
		}
		inner := strings.TrimSpace(title[i+len(br[0]) : len(title)-len(br[1])])
		n := len([]rune(inner))
		if n < 2 || n > 24 || strings.ContainsAny(toHalfWidth(inner), "0123456789") || containsAny(inner, lineNoteWords) {
			return title, ""
		}
		return strings.TrimSpace(title[:i]), inner
	}
	return title, ""
}

// bracketDate opens the bracket in which a line writes its event's day:
// 12月10日（木）, 2026年12月10日, 12/10（木）.
var bracketDate = regexp.MustCompile(`^\s*(?:(?:令和|平成)?[0-9０-９元]{1,4}\s*年\s*)?[0-9０-９]{1,2}\s*(?:月\s*[0-9０-９]{1,2}\s*日|[/／]\s*[0-9０-９]{1,2})`)

// bracketVenue is the place a bracket names after the day: 於：例ホテル,
// 会場：例会館.
var bracketVenue = regexp.MustCompile(`[\s　、,]*(?:於|会場|場所)\s*[:：]\s*(.+)$`)

// bracketWhen reads a line that writes its event's day, hours and place
// in one bracket after the name, as a list of 研修会 does:
// 年末調整説明会（11月18日（水）13:30～16:00　於：区民センター 大ホール）.
// name is what comes before the bracket, when the text inside it, venue
// the place named after 於：, if any; ok is false for another line.
func bracketWhen(line string) (name, when, venue string, ok bool) {
	line = normSpace(line)
	open := 0 // brackets open before i
	for i, r := range line {
		if r == '）' || r == ')' {
			open = max(open-1, 0)
		}
		if r != '（' && r != '(' {
			continue
		}
		open++
		inner := line[i+utf8.RuneLen(r):]
		if i == 0 {
			return "", "", "", false
		}
		if !bracketDate.MatchString(inner) {
			if open == 1 {
				continue // 記帳講習会（年末調整編）（11/25）: part of the name
			}
			return "", "", "", false
		}
		if open > 1 {
			return "", "", "", false
		}
		depth, end := 1, -1
		for j, c := range inner {
			switch c {
			case '（', '(':
				depth++
			case '）', ')':
				depth--
			}
			if depth == 0 {
				end = j
				break
			}
		}
		if end < 0 {
			return "", "", "", false
		}
		when = strings.TrimSpace(inner[:end])
		if m := bracketVenue.FindStringSubmatchIndex(when); m != nil {
			venue = strings.TrimSpace(when[m[2]:m[3]])
			when = strings.TrimSpace(when[:m[0]])
		}
		return strings.TrimSpace(line[:i]), when, venue, true
	}
	return "", "", "", false
}
