package crawler

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A hand-written page may be one <pre> block: the text laid out with
// spaces, sections set apart by rules of ━ or ─, a section's heading on
// the line between two rules (■第612回例会　12月8日（火）). Read as it
// stands it is one block of every event. readPre gives its lines the
// structure a page of elements has: each paragraph (lines up to a blank
// one) a <p> of its lines, each line between two rules a heading (h2
// under ━, h3 under ─: a page's ━ sections hold its ─ ones), a text
// table a <table>, so that the sections read as the blocks of a list.

// readPre rewrites each <pre> under root of three lines or more as a
// <div> of its lines; rules are dropped. A program's code (codeBlock) is
// left as it is: it is no text of the page.
func readPre(root *html.Node) {
	var pres []*html.Node
	walkElements(root, func(e *html.Node) bool {
		if e.Data == "pre" {
			if !codeBlock(e) {
				pres = append(pres, e)
			}
			return false
		}
		return true
	})
	for _, p := range pres {
		lines := preLines(p)
		if len(lines) < 3 {
			continue
		}
		for c := p.FirstChild; c != nil; c = p.FirstChild {
			p.RemoveChild(c)
		}
		p.Data, p.DataAtom = "div", atom.Div
		var para [][]*html.Node // the lines of the paragraph being read
		lastTag, lastAtom := "h3", atom.H3
		flush := func() {
			appendParagraph(p, para)
			para = nil
		}
		for i, ln := range lines {
			if ruleLine(ln) || blankLine(ln) {
				flush()
				continue
			}
			if r := headingRule(lines, i); r != 0 {
				flush()
				tag, a := "h3", atom.H3
				if r == '━' {
					tag, a = "h2", atom.H2
				}
				lastTag, lastAtom = tag, a
				h := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: a, Attr: textHeadingAttr()}
				appendAll(h, ln)
				p.AppendChild(h)
				continue
			}
			if len(para) == 0 && markedHeading(lines, i) {
				// ■支部研修会 over its 日時：… lines: one of a section's
				// events, a heading as the section's (of two events, the
				// section names both and holds none).
				h := &html.Node{Type: html.ElementNode, Data: lastTag, DataAtom: lastAtom, Attr: textHeadingAttr()}
				appendAll(h, ln)
				p.AppendChild(h)
				continue
			}
			para = append(para, ln)
		}
		flush()
	}
}

// textHeadingKey marks a heading readPre made of a text's line.
const textHeadingKey = "data-kouryu-text"

func textHeadingAttr() []html.Attribute { return []html.Attribute{{Key: textHeadingKey}} }

// textHeading says whether n is a heading readPre made.
func textHeading(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == textHeadingKey {
			return true
		}
	}
	return false
}

// markedHeading says whether line i opens a paragraph as its heading: a
// name after a mark (■新年賀詞交歓会), no label or sentence, over lines
// of its own.
func markedHeading(lines [][]*html.Node, i int) bool {
	if i+1 >= len(lines) || blankLine(lines[i+1]) || ruleLine(lines[i+1]) {
		return false
	}
	t := strings.TrimSpace(strings.ReplaceAll(lineString(lines[i]), "　", " "))
	rest, ok := strings.CutPrefix(t, "■")
	if !ok {
		rest, ok = strings.CutPrefix(t, "◆")
	}
	return ok && rest != "" && utf8.RuneCountInString(rest) <= 40 && !strings.ContainsAny(rest, ":：。")
}

// appendParagraph appends to parent a paragraph's lines: a <p> of them,
// <br> between, with the rows of a table it holds (textTable) as a
// <table>.
func appendParagraph(parent *html.Node, lines [][]*html.Node) {
	var p *html.Node
	line := func(ln []*html.Node) {
		if p == nil {
			p = &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			parent.AppendChild(p)
		} else {
			p.AppendChild(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
		}
		appendAll(p, ln)
	}
	for i := 0; i < len(lines); i++ {
		if t, n := textTable(lines[i:]); t != nil {
			parent.AppendChild(t)
			p = nil
			i += n - 1
			continue
		}
		line(lines[i])
	}
}

// textTable reads the table lines open with, when they do: a header of
// names set apart by more than one full-width space (回　　月　日　　演　題:
// a name's letters are spaced by one), a line of
// dashes under each column (－－－ －－－－), then the rows, each as many
// fields apart by single half-width spaces (a name's own spaces are
// full-width). It returns the <table> and the lines it took, or nil.
func textTable(lines [][]*html.Node) (*html.Node, int) {
	if len(lines) < 3 {
		return nil, 0
	}
	dashes := strings.Fields(strings.ReplaceAll(lineString(lines[1]), "　", " "))
	if len(dashes) < 2 {
		return nil, 0
	}
	for _, d := range dashes {
		if strings.Trim(d, "－-ー─―") != "" {
			return nil, 0
		}
	}
	head := columnGap.Split(strings.TrimSpace(strings.ReplaceAll(lineString(lines[0]), "　", "  ")), -1)
	if len(head) != len(dashes) {
		return nil, 0
	}
	table := &html.Node{Type: html.ElementNode, Data: "table", DataAtom: atom.Table}
	row := func(cells []string, tag string, a atom.Atom) {
		tr := &html.Node{Type: html.ElementNode, Data: "tr", DataAtom: atom.Tr}
		for _, c := range cells {
			td := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: a}
			td.AppendChild(&html.Node{Type: html.TextNode, Data: strings.TrimSpace(c)})
			tr.AppendChild(td)
		}
		table.AppendChild(tr)
	}
	row(head, "th", atom.Th)
	n := 2
	for _, ln := range lines[2:] {
		cells := strings.Split(strings.Trim(lineString(ln), " 　"), " ")
		if len(cells) != len(dashes) {
			break
		}
		row(cells, "td", atom.Td)
		n++
	}
	if n == 2 {
		return nil, 0
	}
	return table, n
}

// columnGap sets a text table's column names apart, a full-width space
// counted as two half-width ones: more than one full-width space.
var columnGap = regexp.MustCompile(` {3,}`)

func appendAll(parent *html.Node, nodes []*html.Node) {
	for _, c := range nodes {
		parent.AppendChild(c)
	}
}

// preLines splits p's children into its lines: its text at each line
// break, its inline elements kept whole on the line they open. The text
// nodes are new; the elements are still p's children.
func preLines(p *html.Node) [][]*html.Node {
	var lines [][]*html.Node
	var cur []*html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			cur = append(cur, c)
			continue
		}
		parts := strings.Split(strings.ReplaceAll(c.Data, "\r", ""), "\n")
		for i, part := range parts {
			if i > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			if part != "" {
				cur = append(cur, &html.Node{Type: html.TextNode, Data: part})
			}
		}
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func lineString(ln []*html.Node) string {
	var sb strings.Builder
	for _, c := range ln {
		sb.WriteString(nodeText(c))
	}
	return sb.String()
}

func blankLine(ln []*html.Node) bool {
	return strings.TrimSpace(strings.ReplaceAll(lineString(ln), "　", " ")) == ""
}

// ruleRunes draw a rule across a text page.
const ruleRunes = "━─―＝=－-_＿"

// ruleLine says whether a line is a rule: eight or more of one rule
// character and nothing else.
func ruleLine(ln []*html.Node) bool {
	return ruleOf(ln) != 0
}

// ruleOf is the character a rule line is drawn with, 0 for any other line.
func ruleOf(ln []*html.Node) rune {
	s := strings.TrimSpace(strings.ReplaceAll(lineString(ln), "　", " "))
	if utf8.RuneCountInString(s) < 8 {
		return 0
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(ruleRunes, first) || strings.Trim(s, string(first)) != "" {
		return 0
	}
	return first
}

// headingRule is the rule character of the two rules line i stands
// between (blank lines aside), 0 when it does not.
func headingRule(lines [][]*html.Node, i int) rune {
	prev, next := i-1, i+1
	for prev >= 0 && blankLine(lines[prev]) {
		prev--
	}
	for next < len(lines) && blankLine(lines[next]) {
		next++
	}
	if prev < 0 || next >= len(lines) {
		return 0
	}
	a, b := ruleOf(lines[prev]), ruleOf(lines[next])
	if a == 0 || a != b || prev != i-1 || next != i+1 {
		return 0
	}
	return a
}

// codeBlock says whether a <pre> is a program's code — a blog post's
// sample, highlighted or not — rather than text laid out by hand (a mail
// issue, a schedule typed as text): it names its language (language-yaml,
// Hatena's lang-python, data-lang="go", SyntaxHighlighter's brush: php),
// or more of its letters are Latin than Japanese. A <pre> that names
// none (Hatena's >|| ||<, Markdown's indented block) is read by its
// letters.
func codeBlock(pre *html.Node) bool {
	marked := []*html.Node{pre}
	if kids := elementChildren(pre); len(kids) > 0 && kids[0].Data == "code" {
		marked = append(marked, kids[0])
	}
	for _, n := range marked {
		if codeLanguage(attr(n, "data-lang")) {
			return true
		}
		for _, c := range strings.Fields(attr(n, "class")) {
			lang, ok := strings.CutPrefix(c, "language-")
			if !ok {
				lang, ok = strings.CutPrefix(c, "lang-")
			}
			if ok && codeLanguage(lang) || strings.HasPrefix(c, "brush:") {
				return true
			}
		}
	}
	latin, japanese := 0, 0
	for _, r := range nodeText(pre) {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin++
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			japanese++
		}
	}
	return latin > japanese
}

// codeLanguage says whether a code block's language names one: plain
// text (text, plaintext, none) is not.
func codeLanguage(lang string) bool {
	switch strings.ToLower(strings.TrimSpace(lang)) {
	case "", "text", "txt", "plaintext", "plain", "none", "nohighlight":
		return false
	}
	return true
}

// preWrapStyle is a rule of a page's style sheet that keeps its text's line
// breaks: .nCjLsy{…white-space:pre-wrap…}, as a calendar app's note field
// is shown. Its first group is the class.
var preWrapStyle = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_-]*)\s*\{[^}]*white-space\s*:\s*(?:pre|pre-wrap|pre-line|break-spaces)\s*[;}]`)

// inlinePreWrap is a style attribute that keeps its text's line breaks.
var inlinePreWrap = regexp.MustCompile(`white-space\s*:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b`)

// moduleClass is a class CSS Modules generated (LinkCard_desc__u9TeN):
// the component, the part and a hash. Its rules are in a style sheet the
// page links, not in the page.
var moduleClass = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*_[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_-]{5}$`)

// moduleText says whether e is a text part of a component styled by CSS
// Modules whose own text holds line breaks between words, not around
// indentation (第40回定例会は忘年会スペシャル🍷⏎19:00〜21:30…): a text a
// user typed with its line breaks, which such components show as typed.
// Markup written by hand breaks its lines and indents them; a page built
// by a framework writes no white space between its tags.
func moduleText(e *html.Node) bool {
	if !slices.ContainsFunc(strings.Fields(attr(e, "class")), moduleClass.MatchString) {
		return false
	}
	for c := e.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			continue
		}
		lines := strings.Split(strings.TrimSpace(c.Data), "\n")
		if len(lines) > 1 && !slices.ContainsFunc(lines, func(l string) bool { return l == "" || strings.TrimLeft(l, " \t") != l }) {
			return true
		}
	}
	return false
}

// keepPreWrapLines writes as <br> the line breaks of the text of elements
// that the page's styles show as written (white-space: pre-wrap, by a
// class of its style sheet or by a style attribute), as a browser shows
// them: a TimeTree note's ■会場 / 例ビル 5階 / ■会費 lines, each a line.
// <pre> is read by readPre.
func keepPreWrapLines(root *html.Node) {
	if root.Type == html.DocumentNode {
		for c := root.FirstChild; c != nil; c = c.NextSibling {
			keepPreWrapLines(c)
		}
		return
	}
	classes := map[string]bool{}
	walkElements(root, func(e *html.Node) bool {
		if e.Data == "style" && e.FirstChild != nil {
			for _, m := range preWrapStyle.FindAllStringSubmatch(e.FirstChild.Data, -1) {
				classes[m[1]] = true
			}
		}
		return true
	})
	var kept []*html.Node
	walkElements(root, func(e *html.Node) bool {
		if e.Data == "pre" || e.Data == "script" || e.Data == "style" || e.Data == "textarea" {
			return false
		}
		if inlinePreWrap.MatchString(attr(e, "style")) || slices.ContainsFunc(strings.Fields(attr(e, "class")), func(c string) bool { return classes[c] }) ||
			moduleText(e) {
			kept = append(kept, e)
			return false
		}
		return true
	})
	for _, e := range kept {
		var texts []*html.Node
		walkNodes(e, func(n *html.Node) {
			if n.Type == html.TextNode && strings.Contains(n.Data, "\n") {
				texts = append(texts, n)
			}
		})
		for _, t := range texts {
			parts := strings.Split(strings.ReplaceAll(t.Data, "\r\n", "\n"), "\n")
			for i, p := range parts {
				if i > 0 {
					t.Parent.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, t)
				}
				if p != "" {
					t.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: p}, t)
				}
			}
			t.Parent.RemoveChild(t)
		}
	}
}

// walkNodes calls fn on n and every node under it, in document order.
func walkNodes(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkNodes(c, fn)
	}
}

// noscriptMarkup is markup a <noscript> holds for readers without
// scripts: links, lists, tables, paragraphs. A tracking pixel's <img> or
// <iframe> is none.
var noscriptMarkup = regexp.MustCompile(`(?i)<(?:a\s|li[\s>]|ul[\s>]|ol[\s>]|table[\s>]|p[\s>]|dl[\s>]|h[1-6][\s>])`)

// openNoscript gives the <noscript> blocks of a page's body that hold
// markup (a single-page app's list of its events for readers without
// scripts) as the <div>s a browser without scripts shows: the parser
// keeps their content as text, as a browser that runs scripts does.
func openNoscript(root *html.Node) {
	var blocks []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "noscript" {
				if c.FirstChild != nil && c.FirstChild.Type == html.TextNode && noscriptMarkup.MatchString(c.FirstChild.Data) {
					blocks = append(blocks, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	for _, ns := range blocks {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: []html.Attribute{{Key: "class", Val: "noscript"}}}
		nodes, err := html.ParseFragment(strings.NewReader(ns.FirstChild.Data), div)
		if err != nil {
			continue
		}
		for _, n := range nodes {
			div.AppendChild(n)
		}
		ns.Parent.InsertBefore(div, ns)
		ns.Parent.RemoveChild(ns)
	}
}

// dropMovedDates takes out of the page each struck-out date that the text
// right after it replaces (<s>2月10日（水）</s> → 2月17日（水）に変更): the
// struck date is no longer the event's. A struck-out date with nothing
// after it stays: it marks the event called off on that day.
func dropMovedDates(root *html.Node) {
	var struck []*html.Node
	find := func(n *html.Node) bool {
		if n.Data == "s" || n.Data == "del" || n.Data == "strike" || lineThrough.MatchString(attr(n, "style")) {
			struck = append(struck, n)
			return false
		}
		return true
	}
	walkElements(root, find)
	if root.Type == html.DocumentNode {
		for c := root.FirstChild; c != nil; c = c.NextSibling {
			walkElements(c, find)
		}
	}
	for _, n := range struck {
		if !monthDate.MatchString(nodeText(n)) || n.Parent == nil {
			continue
		}
		var after strings.Builder
		for s := n.NextSibling; s != nil && after.Len() < 120; s = s.NextSibling {
			after.WriteString(nodeText(s))
		}
		if movedTo.MatchString(normSpace(after.String())) {
			n.Parent.RemoveChild(n)
		}
	}
}

// lineThrough is a style that strikes its text out.
var lineThrough = regexp.MustCompile(`(?i)text-decoration\s*:\s*line-through`)

// movedTo opens the text after a struck-out date that names the new one:
// → 2月17日（水）に変更, ⇒1/20に延期.
var movedTo = regexp.MustCompile(`^[\s　]*[→⇒➡]\s*(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*[月/／]\s*[0-9０-９]{1,2}`)
