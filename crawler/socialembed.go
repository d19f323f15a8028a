package crawler

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Instagram's official embed (<blockquote class="instagram-media">) is how
// many small organisers put their posts on their own site: the post's
// caption as one run of text (its line breaks become spaces), a link to
// the post, and "A post shared by <account> on <time>". readInstagramEmbeds
// writes each embed as the post it shows: the caption a line per line its
// writer typed, its pictograph labels (📅 12/18(金)19:00〜, 📍 place, 💰
// fee) as the labels a page writes (日時：, 会場：, 参加費：), its hashtags
// left out, the day it was posted as a byline, and the post's link; not
// the account's, which every embed holds.

// captionRuleText is a rule a caption sets between its parts: ━━━━, ――――.
const captionRuleText = `[ 　]*[━―─＿]{4,}[ 　]*`

// captionBreak is where a caption's typed line breaks were: two or more
// spaces, a rule, before a circled number (①新春交流会).
var captionBreak = regexp.MustCompile(`[ 　]{2,}|` + captionRuleText + `|[ 　]*([①②③④⑤⑥⑦⑧⑨⑩])`)

// captionTags is the run of hashtags a caption ends with.
var captionTags = regexp.MustCompile(`(?:[ 　]*#[^\s#]+)+…?[ 　]*$`)

func readInstagramEmbeds(root *html.Node) {
	var embeds []*html.Node
	walkElements(root, func(e *html.Node) bool {
		if e.Data == "blockquote" && strings.Contains(" "+attr(e, "class")+" ", " instagram-media ") {
			embeds = append(embeds, e)
			return false
		}
		return true
	})
	for _, bq := range embeds {
		permalink := attr(bq, "data-instgrm-permalink")
		var caption string
		var posted *html.Node
		walkElements(bq, func(e *html.Node) bool {
			switch {
			case e.Data == "a" && permalink != "" && attr(e, "href") == permalink && e.Parent != nil && e.Parent.Data == "p":
				caption = nodeText(e)
			case e.Data == "time" && attr(e, "datetime") != "":
				posted = e
			}
			return true
		})
		if caption == "" {
			continue
		}
		for _, lines := range captionEvents(captionLines(caption)) {
			post := el("div", "class", "instagram-post")
			for _, line := range lines {
				p := el("p")
				p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
				post.AppendChild(p)
			}
			if posted != nil {
				meta := el("p", "class", "post-date")
				t := el("time", "datetime", attr(posted, "datetime"))
				t.AppendChild(&html.Node{Type: html.TextNode, Data: nodeText(posted)})
				meta.AppendChild(t)
				post.AppendChild(meta)
			}
			if permalink != "" {
				p := el("p")
				a := el("a", "href", permalink)
				// Named as a link to more is (詳細): the caption names
				// the event, not the link.
				a.AppendChild(&html.Node{Type: html.TextNode, Data: "詳細"})
				p.AppendChild(a)
				post.AppendChild(p)
			}
			bq.Parent.InsertBefore(post, bq)
		}
		bq.Parent.RemoveChild(bq)
	}
}

// captionRule is a rule a caption sets between its parts.
var captionRule = regexp.MustCompile(captionRuleText)

// captionUpdate opens a caption with a note added later: 【11/26追記】
// 主催者の体調不良のため、11/28の朝活は中止… above the announcement.
var captionUpdate = regexp.MustCompile(`^【[0-9０-９/／月日\s]*(?:追記|更新)】`)

// captionLines are the lines of an embedded post's caption. A note added
// on top of it (【11/26追記】 …) above a rule goes after what it notes: the
// announcement's first line names the event.
func captionLines(caption string) []string {
	caption = captionTags.ReplaceAllString(strings.TrimSpace(caption), "")
	if parts := captionRule.Split(caption, 2); len(parts) == 2 && captionUpdate.MatchString(parts[0]) {
		caption = parts[1] + "  " + parts[0]
	}
	caption = captionBreak.ReplaceAllString(caption, "\n$1")
	for _, l := range pictographLabels {
		for _, m := range l.marks {
			caption = strings.ReplaceAll(caption, string(m), "\n"+l.label)
		}
	}
	var out []string
	for _, line := range strings.Split(caption, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// captionEvents are the events a caption announces, each its lines: the
// caption whole, or, when it numbers two or more events that each give
// their date (①新春交流会 📅1/15… ②2月 うつぼ異業種交流会 📅2/19…), each
// numbered part with the lines after the parts, which are said of all of
// them (どちらも受付は18:45〜です).
func captionEvents(lines []string) [][]string {
	var parts [][]string
	var tail []string
	for _, l := range lines {
		r, size := utf8.DecodeRuneInString(l)
		switch {
		case r >= '①' && r <= '⑩':
			parts = append(parts, []string{strings.TrimSpace(l[size:])})
		case len(parts) > 0 && (strings.HasPrefix(l, "日時：") || strings.HasPrefix(l, "会場：") || strings.HasPrefix(l, "参加費：") || strings.HasPrefix(l, "定員：")) && len(tail) == 0:
			parts[len(parts)-1] = append(parts[len(parts)-1], l)
		case len(parts) > 0:
			tail = append(tail, l)
		}
	}
	dated := 0
	for _, p := range parts {
		if slices.ContainsFunc(p, func(l string) bool { return strings.HasPrefix(l, "日時：") }) {
			dated++
		}
	}
	if len(parts) < 2 || dated != len(parts) {
		return [][]string{lines}
	}
	for i := range parts {
		parts[i] = append(parts[i], tail...)
	}
	return parts
}

// el makes an element with attributes given as key, value pairs.
func el(tag string, kv ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: atom.Lookup([]byte(tag))}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: kv[i], Val: kv[i+1]})
	}
	return n
}
