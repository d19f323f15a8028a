package cli

import (
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// table writes rows in columns padded to the width a terminal gives the
// text. text/tabwriter counts runes, but a kanji or a full-width kana takes
// two columns on a terminal, so a title in Japanese pushed every column
// after it out of line.
type table struct {
	rows [][]string
}

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

// flush writes the rows, two spaces between columns, none after the last.
func (t *table) flush(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is the columns s takes on a terminal: two for a wide or
// full-width character (East Asian Width W or F), none for a combining
// mark, one for the rest (the ambiguous ones too, ○ or ※, on which
// terminals differ).
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
