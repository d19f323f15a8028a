package crawler

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Page builders leave in the HTML what the page does not show: a Webflow
// conditional badge (満席, 延期) switched off for this item stays in the
// markup with the class w-condition-invisible, and other builders use the
// hidden attribute or an inline display:none. A reader never sees such an
// element, so the crawler must not read a status, a date or a title from it.
// A tab or an accordion panel is hidden the same way until its control is
// clicked, though: what a click shows (a panel a control names by its id, a
// role=tabpanel) is read like the rest. w-condition-invisible is the CMS's
// own switch and no click undoes it.

// hiddenStyle is an inline style that takes the element off the page.
var hiddenStyle = regexp.MustCompile(`(?i)(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)`)

// isHidden reports whether the page shows n to no reader: hidden and not a
// panel a control reveals (revealed holds the ids controls name).
func isHidden(n *html.Node, revealed map[string]bool) bool {
	hidden := false
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			hidden = true
		case "class":
			for _, c := range strings.Fields(a.Val) {
				if c == "w-condition-invisible" {
					return true
				}
			}
		case "style":
			if hiddenStyle.MatchString(a.Val) {
				hidden = true
			}
		}
	}
	return hidden && !isPanel(n, revealed)
}

// isPanel reports whether n is a tab or an accordion panel: a click on its
// control shows it.
func isPanel(n *html.Node, revealed map[string]bool) bool {
	for _, a := range n.Attr {
		switch {
		case a.Key == "role" && a.Val == "tabpanel", a.Key == "aria-labelledby":
			return true
		case a.Key == "id" && revealed[a.Val]:
			return true
		}
	}
	return false
}

// quotedArg is a quoted word passed to a script: an element's id.
var quotedArg = regexp.MustCompile(`['"]([A-Za-z0-9_-]{1,40})['"]`)

// controlled returns the ids the controls under n name: aria-controls,
// Bootstrap's data-target and data-bs-target, in-page links, and the
// quoted arguments of an onclick script.
func controlled(n *html.Node) map[string]bool {
	ids := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			switch a.Key {
			case "aria-controls":
				for _, id := range strings.Fields(a.Val) {
					ids[id] = true
				}
			case "href", "data-target", "data-bs-target":
				if id, ok := strings.CutPrefix(a.Val, "#"); ok && id != "" {
					ids[id] = true
				}
			case "onclick":
				// A script's switch that names what it shows:
				// switchToSheet('0') on a published sheet's tab.
				for _, m := range quotedArg.FindAllStringSubmatch(a.Val, -1) {
					ids[m[1]] = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return ids
}

// dropHidden removes from the body of doc every element isHidden, with all
// it holds, except structured data in scripts, which is meant for machines
// and is read wherever it stands.
func dropHidden(doc *goquery.Document) {
	doc.Find("body").Each(func(_ int, body *goquery.Selection) {
		for _, n := range body.Nodes {
			dropHiddenUnder(n, controlled(n))
		}
	})
}

func dropHiddenUnder(n *html.Node, revealed map[string]bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if isHidden(c, revealed) && !holdsScript(c) {
				n.RemoveChild(c)
			} else {
				dropHiddenUnder(c, revealed)
			}
		}
		c = next
	}
}

// holdsScript reports whether n contains a script element.
func holdsScript(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "script" || holdsScript(c)) {
			return true
		}
	}
	return false
}
