package classifier

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"kouryu/internal/event"
)

// SuggestConfig says which phrases Suggest proposes. The zero value asks for
// the defaults.
type SuggestConfig struct {
	Top      int // phrases per label; default 15
	MinCount int // least records of the label a phrase must be in; default 2
	MinLen   int // shortest phrase, in characters; default 2
	MaxLen   int // longest phrase, in characters; default 8
}

func (c *SuggestConfig) defaults() error {
	if c.Top == 0 {
		c.Top = 15
	}
	if c.MinCount == 0 {
		c.MinCount = 2
	}
	if c.MinLen == 0 {
		c.MinLen = 2
	}
	if c.MaxLen == 0 {
		c.MaxLen = 8
	}
	switch {
	case c.Top < 0:
		return fmt.Errorf("suggest: top %d: want at least 1", c.Top)
	case c.MinCount < 1:
		return fmt.Errorf("suggest: min count %d: want at least 1", c.MinCount)
	case c.MinLen < 1 || c.MaxLen < c.MinLen || c.MaxLen > 32:
		return fmt.Errorf("suggest: phrase lengths %d..%d: want 1 ≤ min ≤ max ≤ 32", c.MinLen, c.MaxLen)
	}
	return nil
}

// Phrase is a character n-gram that marks one label in a labelled file.
type Phrase struct {
	Text  string  `json:"text"`  // normalised, as rules.yaml phrases match
	In    int     `json:"in"`    // records of the label that hold it
	Out   int     `json:"out"`   // records of the other labels that hold it
	Score float64 `json:"score"` // log-likelihood ratio G² of the 2×2 table
	// Fields are the fields it was found in, in the label's records.
	Fields []string `json:"fields"`
	// Rules are the labels whose phrases it already holds (empty: the rules
	// do not know it yet).
	Rules []event.Label `json:"rules,omitempty"`
}

// LabelPhrases are the phrases that mark one label, best first.
type LabelPhrases struct {
	Label   event.Label `json:"label"`
	Records int         `json:"records"`
	Phrases []Phrase    `json:"phrases"`
}

// Suggestions are the phrases that separate the labels of a labelled file,
// for an operator to review before adding any to the rules.
type Suggestions struct {
	Records int            `json:"records"`
	Labels  []LabelPhrases `json:"labels"`
}

// gram is what Suggest counts for one n-gram.
type gram struct {
	count  [8]int32 // records holding it, per label index
	fields [8]uint8 // fields it was found in, per label index
	last   int32    // the last record counted, +1: a record counts once
}

// Suggest finds, for each label of recs, the character n-grams of the
// normalised title, description and organizer that are most over-represented
// in that label's records compared with the others, by the log-likelihood
// ratio (G²) of the 2×2 table of records with and without the phrase in and
// out of the label. A phrase must be in at least cfg.MinCount records of the
// label and more often, in proportion, than in the others. A phrase that
// lies inside a better one found in the same records is left out, so the
// list shows 異業種交流 once, not its every piece. r tells which phrases
// the rules already hold; the labels are listed in its order.
//
// It counts records, not occurrences: a word repeated in one listing counts
// once. The phrases are only proposals: the counts say how well each one
// separates the file's labels, not whether it carries the idea of a label.
func Suggest(r *Rules, recs []Record, cfg SuggestConfig) (Suggestions, error) {
	if err := cfg.defaults(); err != nil {
		return Suggestions{}, err
	}
	if len(recs) == 0 {
		return Suggestions{}, errors.New("suggest: no records")
	}
	labelIndex := map[event.Label]int{}
	for i, l := range r.order {
		labelIndex[l] = i
	}
	var perLabel [8]int
	grams := map[string]*gram{}
	var buf []byte
	var starts []int
	for ri := range recs {
		rec := &recs[ri]
		li, ok := labelIndex[rec.Label]
		if !ok {
			return Suggestions{}, fmt.Errorf("suggest: record %d: label %q is not in the rules", ri+1, rec.Label)
		}
		perLabel[li]++
		for f, text := range [...]string{fTitle: rec.Title, fDescription: rec.Description, fOrganizer: rec.Organizer} {
			buf = appendNormalized(buf[:0], text)
			starts = starts[:0]
			for i := range string(buf) {
				starts = append(starts, i)
			}
			starts = append(starts, len(buf))
			for i := 0; i+cfg.MinLen < len(starts); i++ {
				for n := cfg.MinLen; n <= cfg.MaxLen && i+n < len(starts); n++ {
					piece := buf[starts[i]:starts[i+n]]
					if !wordy(piece) {
						break // a longer gram from i holds the same character
					}
					g := grams[string(piece)]
					if g == nil {
						g = &gram{}
						grams[string(piece)] = g
					}
					if g.last != int32(ri)+1 {
						g.last = int32(ri) + 1
						g.count[li]++
					}
					g.fields[li] |= 1 << f
				}
			}
		}
	}

	out := Suggestions{Records: len(recs)}
	for li, l := range r.order {
		nIn, nOut := perLabel[li], len(recs)-perLabel[li]
		if nIn == 0 {
			continue
		}
		var cands []Phrase
		for text, g := range grams {
			a := int(g.count[li])
			if a < cfg.MinCount || noise(text) {
				continue
			}
			b := 0
			for j := range r.order {
				if j != li {
					b += int(g.count[j])
				}
			}
			if nOut > 0 && float64(a)/float64(nIn) <= float64(b)/float64(nOut) {
				continue
			}
			p := Phrase{Text: text, In: a, Out: b, Score: round(g2(a, b, nIn-a, nOut-b))}
			for f := range nFields {
				if g.fields[li]&(1<<f) != 0 {
					p.Fields = append(p.Fields, fieldNames[f])
				}
			}
			cands = append(cands, p)
		}
		slices.SortFunc(cands, func(x, y Phrase) int {
			if x.Score != y.Score {
				if x.Score > y.Score {
					return -1
				}
				return 1
			}
			if lx, ly := utf8.RuneCountInString(x.Text), utf8.RuneCountInString(y.Text); lx != ly {
				return ly - lx // the longest of equals first, so its pieces drop out
			}
			return strings.Compare(x.Text, y.Text)
		})
		lp := LabelPhrases{Label: l, Records: nIn}
		for _, c := range cands {
			if len(lp.Phrases) == cfg.Top {
				break
			}
			if slices.ContainsFunc(lp.Phrases, func(k Phrase) bool {
				return k.In == c.In && k.Out == c.Out && (strings.Contains(k.Text, c.Text) || strings.Contains(c.Text, k.Text))
			}) {
				continue
			}
			c.Rules = r.labelsIn(c.Text)
			lp.Phrases = append(lp.Phrases, c)
		}
		out.Labels = append(out.Labels, lp)
	}
	return out, nil
}

// wordy reports whether every character of s is a letter or a digit (a
// phrase across punctuation or brackets is seldom one a rule should hold).
func wordy(s []byte) bool {
	for _, c := range string(s) {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != 'ー' {
			return false
		}
	}
	return true
}

// noise reports phrases that separate a file's labels by accident of its
// records rather than by meaning: numbers and dates (2026年12月, 18時) and
// pieces of Latin words shorter than three letters.
func noise(s string) bool {
	date, ascii := true, true
	for _, c := range s {
		date = date && (c >= '0' && c <= '9' || strings.ContainsRune("年月日時分曜", c))
		ascii = ascii && c < utf8.RuneSelf
	}
	return date || ascii && len(s) < 3
}

// g2 is the log-likelihood ratio of the 2×2 table a b / c d.
func g2(a, b, c, d int) float64 {
	n := float64(a + b + c + d)
	cell := func(o, row, col int) float64 {
		if o == 0 {
			return 0
		}
		e := float64(row) * float64(col) / n
		return float64(o) * math.Log(float64(o)/e)
	}
	return 2 * (cell(a, a+b, a+c) + cell(b, a+b, b+d) + cell(c, c+d, a+c) + cell(d, c+d, b+d))
}

// labelsIn lists, in rule order, the labels that have a phrase lying inside
// text (a normalised phrase), as Classify would count it: a phrase inside
// one of its group's not_in phrases does not count.
func (r *Rules) labelsIn(text string) []event.Label {
	buf := []byte(text)
	hits, _ := r.appendHits(nil, nil, 0, buf, r.ac.appendMatches(nil, buf))
	var in [8]bool
	for i, h := range hits {
		p := &r.patterns[h.pat]
		for ui, u := range p.uses {
			if u.role == roleMatch && h.skip&(1<<ui) == 0 && !(p.masked && r.covered(hits, i, u.group)) {
				in[r.groups[u.group].label] = true
			}
		}
	}
	var out []event.Label
	for li, l := range r.order {
		if in[li] {
			out = append(out, l)
		}
	}
	return out
}

// WriteText writes the suggestions as one table per label: the phrase, the
// records of the label and of the others that hold it, G², the fields it
// was seen in and the labels whose rules already hold it.
func (s Suggestions) WriteText(w io.Writer) error {
	bw := &errWriter{w: w}
	fmt.Fprintf(bw, "%d records; per label, the phrases its records hold more than the others (in: records of the label, out: of the others)\n", s.Records)
	for _, lp := range s.Labels {
		fmt.Fprintf(bw, "\n%s (%d records)\n", lp.Label, lp.Records)
		if len(lp.Phrases) == 0 {
			fmt.Fprintln(bw, "  (no phrase in enough of its records)")
			continue
		}
		tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
		// The phrase comes last: tabwriter counts characters, not their
		// width, so a column after Japanese text would not line up.
		fmt.Fprintln(tw, "  in\tout\tG²\tfields\tin the rules of\tphrase")
		for _, p := range lp.Phrases {
			rules := "-"
			if len(p.Rules) > 0 {
				names := make([]string, len(p.Rules))
				for i, l := range p.Rules {
					names[i] = string(l)
				}
				rules = strings.Join(names, ",")
			}
			fmt.Fprintf(tw, "  %d\t%d\t%.1f\t%s\t%s\t%s\n", p.In, p.Out, p.Score, strings.Join(p.Fields, ","), rules, p.Text)
		}
		tw.Flush()
	}
	return bw.err
}
