package crawler

import (
	"fmt"
	"net/url"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/crawler/jpdate"
)

// An event page may say when and where twice: in its text and in the
// schema.org Event JSON-LD its CMS writes. JSON-LD fills and corrects what
// the text leaves out or leaves to a guess, but a start the text writes
// wins over JSON-LD's: a plugin that writes the local time as UTC, or an
// organiser who moved the event and corrected only the text, is the
// commoner fault.

// fieldLDConflict carries, from an event page whose JSON-LD contradicts
// its text on the start, what each says, for the crawl's problems. It is
// not among FieldNames.
const fieldLDConflict = "ld_conflict"

// withLD reads an event page that carries schema.org Event JSON-LD with a
// start: labelled are the fields autoFields read from the page, ld what
// JSON-LD says. The page's text is read as if it had no JSON-LD, and
// JSON-LD fills and corrects it, but for the start: when they disagree
// the text's start, and its end, are kept and fieldLDConflict says so —
// unless the text's date was a guess among the page's dates (no 日時 label
// names it) and JSON-LD's day is one of the dates the page writes. A page
// whose text reads as no event is read from JSON-LD, as before.
func withLD(doc *goquery.Document, pageURL *url.URL, ref time.Time, list, labelled, ld Fields) Fields {
	text, err := readPageText(doc, pageURL, ref, list, Merge(labelled, nil), nil)
	if err != nil {
		return Merge(labelled, ld)
	}
	out := Merge(text, ld)
	tsp, terr := parseDate(text[FieldDate], text[FieldTime], ref)
	lsp, lerr := jpdate.Parse(ld[FieldDate], ref)
	if terr != nil || lerr != nil {
		return out
	}
	sameDay := sameDate(tsp.Start, lsp.Start)
	switch {
	case sameDay && lsp.AllDay && !tsp.AllDay:
		// JSON-LD gives the day, the text its hours.
		keepTextStart(out, text)
	case sameDay && (tsp.AllDay || tsp.Start.Equal(lsp.Start)):
		// One start; JSON-LD's hours where the text gives none.
	case !(labelled[FieldDate] != "" && usableDate(labelled[FieldDate], ref)) && writesDay(doc, lsp.Start, ref):
		// The text's date was the likeliest of the page's dates, and
		// JSON-LD's is another of them.
	default:
		keepTextStart(out, text)
		out[fieldLDConflict] = fmt.Sprintf("start %s as its text writes it, not %s as its JSON-LD says", startText(tsp), startText(lsp))
	}
	return out
}

// keepTextStart puts the text's start and end back in out.
func keepTextStart(out, text Fields) {
	for _, k := range []string{FieldDate, FieldTime, fieldEnd} {
		if v := text[k]; v != "" {
			out[k] = v
		} else {
			delete(out, k)
		}
	}
}

// writesDay says whether a sentence of the page's text writes a date on
// day's day.
func writesDay(doc *goquery.Document, day time.Time, ref time.Time) bool {
	for _, l := range pageLines(doc) {
		for _, s := range sentences(l.text) {
			if sp, err := jpdate.Parse(s, ref); (err == nil || !sp.Start.IsZero()) && onDays(day, sp) {
				return true
			}
		}
	}
	return false
}

func startText(s jpdate.Span) string {
	return spanText(jpdate.Span{Start: s.Start, AllDay: s.AllDay})
}
