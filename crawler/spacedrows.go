package crawler

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A hand-written list sets a line's parts apart with ideographic spaces:
// １２月１０日（木）　経営講演会・懇親会　ホテル河内ガーデン　１５：００〜
// １７：００. splitSpacedRows writes such a line as the parts it holds: the
// date with its hours and the name on its line, the place on a line of its
// own labelled 会場, the rest (a note in brackets, a status) each on its
// own line, as a reader takes them apart.

// spacedRow is a line that opens with a date, then an ideographic space.
var spacedRow = regexp.MustCompile(`^\s*(?:(?:令和|平成|R)?[0-9０-９]{1,4}\s*[年./／]\s*)?[0-9０-９]{1,2}\s*[月/／]\s*[0-9０-９]{1,2}\s*日?\s*(?:[（(][^）)]{1,4}[）)])?(?:\s*[〜～~\-－]\s*(?:[0-9０-９]{1,2}\s*[月/／]\s*)?[0-9０-９]{1,2}\s*日?\s*(?:[（(][^）)]{1,4}[）)])?)?　`)

func splitSpacedRows(root *html.Node) {
	var rows []*html.Node
	walkNodes(root, func(n *html.Node) {
		if n.Type == html.TextNode && n.Parent != nil && spacedRow.MatchString(n.Data) && strings.Count(strings.TrimSpace(n.Data), "　") >= 2 {
			rows = append(rows, n)
		}
	})
	for _, t := range rows {
		var parts []string
		for _, p := range strings.Split(strings.TrimSpace(t.Data), "　") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) < 3 {
			continue
		}
		head, name := parts[0], parts[1]
		var lines []string
		placed, split := false, true
		for _, p := range parts[2:] {
			switch {
			case strings.Contains(p, "「") || labelledPart.MatchString(p):
				// 10月例会　講演会「…」, 講師：…　テーマ「…」: the name
				// goes on, or the line is labelled parts; not a place.
				split = false
			case timeOnly(p) != "":
				head += " " + p
			case !placed && containsAny(p, rowPlaceWords) && !strings.HasPrefix(p, "（") && !strings.HasPrefix(p, "(") && utf8.RuneCountInString(p) <= 30 && !isStatusOnly(p):
				// 例ゴルフ倶楽部（８：００スタート）: the hours in the
				// bracket are the event's, not the place's name.
				place, note := p, ""
				if m := clockNote.FindStringSubmatchIndex(p); m != nil && m[0] > 0 {
					place, note = p[:m[0]], p[m[2]:m[3]]
				}
				lines = append(lines, "会場："+place)
				if note != "" {
					head += " " + note
				}
				placed = true
			default:
				lines = append(lines, p)
			}
		}
		if !split || !placed {
			continue
		}
		lines = append([]string{head + " " + name}, lines...)
		for i, l := range lines {
			if i > 0 {
				t.Parent.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, t)
			}
			t.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: l}, t)
		}
		// What follows on the line (a status, a flyer's link) is a part
		// of its own too.
		t.Parent.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, t)
		t.Parent.RemoveChild(t)
	}
}

// clockNote is a bracket at the end of a place that gives the hours:
// （８：００スタート）, （受付 ９：３０）. Its group is what it says.
var clockNote = regexp.MustCompile(`[（(]([^（）()]*[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}[^（）()]*)[）)]$`)

// labelledPart is a part that opens with a label: 講師：…, テーマ：….
var labelledPart = regexp.MustCompile(`^[^0-9０-９（(]{1,8}[：:]`)

// rowPlaceWords end or name a place: a hall, a hotel, a floor, a room.
var rowPlaceWords = []string{"ホテル", "会館", "ホール", "センター", "倶楽部", "クラブ", "会議室", "研修室", "公民館", "庁舎", "本店", "支店",
	"階", "Ｆ", "F", "店", "館", "場", "室", "ガーデン", "プラザ", "ビル"}

// isStatusOnly says whether a part names a status alone (受付終了, 満席).
func isStatusOnly(p string) bool {
	_, ok := statusIn(p)
	return ok && utf8.RuneCountInString(p) <= 8
}
