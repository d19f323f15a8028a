package classifier

import (
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"kouryu/internal/event"
)

// Support cross-validation: how much of the rules' score on labelled
// records rests on phrases that few of those records hold.
//
// Rules tuned on a set of records score well on it whatever they learned:
// the ideas of docs/labels.md, or words seen once. To tell the two apart
// without touching a held-out part, the records are split in two folds by a
// second hash of their ids, and each fold is scored with every phrase that
// no record of the other fold holds set aside, as if the rules had been
// written from the other fold alone; and each record is scored with every
// phrase that no other record holds set aside (leave one out). A phrase
// family that carries an idea loses little; a word written for one listing
// loses that listing. The figures err low: a word of the guide that happens
// to be in one fold only is set aside too. Set-aside phrases stop counting
// for their groups; their not_in and unless uses stay.

// CVScore is the score of one pass over some records: over all of them and
// over the clear ones (Clear is 0 when the records do not say).
type CVScore struct {
	Records  int     `json:"records"`
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
	Clear    int     `json:"clear,omitempty"`
	ClearAcc float64 `json:"clear_accuracy,omitempty"`
	ClearF1  float64 `json:"clear_macro_f1,omitempty"`
}

// CVRow is one set of records scored with the rules as they are and with
// the phrases that only it holds set aside.
type CVRow struct {
	Name    string  `json:"name"`
	Tuned   CVScore `json:"as_tuned"`
	Support CVScore `json:"set_aside"`
}

// CVReport is the outcome of CrossValidate: one row per fold, one per set
// of records (when they come from several) with each record scored in its
// fold, then one for leave one out over every record.
type CVReport struct {
	RulesVersion string   `json:"rules_version"`
	Records      int      `json:"records"`
	Rows         []CVRow  `json:"rows"`
	Lost         []CVLoss `json:"lost"`
}

// CVLoss is a record the rules label right as they are and wrong when the
// phrases no other record holds are set aside: a listing that rests on a
// word written for it alone.
type CVLoss struct {
	Line     int         `json:"line,omitempty"`
	ID       string      `json:"id,omitempty"`
	Clear    bool        `json:"clear,omitempty"`
	Title    string      `json:"title"`
	Gold     event.Label `json:"gold"`
	SetAside event.Label `json:"set_aside"` // the label without those phrases
	Phrases  []string    `json:"phrases"`   // the phrases set aside, as written in the rules
}

// Fold returns the cross-validation fold of a record, 0 or 1: the FNV-1a
// hash of "cv:" and its id (its title when it has none), modulo 2. It is
// independent of Part, which uses the id's own hash.
func (rec *Record) Fold() int {
	key := rec.ID
	if key == "" {
		key = rec.Title
	}
	h := fnv.New32a()
	h.Write([]byte("cv:" + key))
	return int(h.Sum32() % 2)
}

// CrossValidate scores r on recs as the package comment above describes.
func CrossValidate(r *Rules, recs []Record) CVReport {
	rep := CVReport{RulesVersion: r.Version(), Records: len(recs)}
	held := make([]map[int32]bool, len(recs))
	var inFold [2]map[int32]int
	count := map[int32]int{}
	for i := range recs {
		held[i] = r.counted(&recs[i])
		f := recs[i].Fold()
		if inFold[f] == nil {
			inFold[f] = map[int32]int{}
		}
		for p := range held[i] {
			inFold[f][p]++
			count[p]++
		}
	}
	tuned := make([]Result, len(recs))
	for i := range recs {
		tuned[i] = r.Classify(recs[i].Event())
	}
	folded := make([]Result, len(recs))
	for f := range 2 {
		// Set aside what this fold holds and the other does not.
		drop := map[int32]bool{}
		for p := range inFold[f] {
			if inFold[1-f][p] == 0 {
				drop[p] = true
			}
		}
		ab := r.without(drop)
		for i := range recs {
			if recs[i].Fold() == f {
				folded[i] = ab.Classify(recs[i].Event())
			}
		}
		keep := func(rec *Record) bool { return rec.Fold() == f }
		rep.Rows = append(rep.Rows, CVRow{Name: fmt.Sprintf("fold %c", 'a'+f),
			Tuned: cvScore(r, recs, tuned, keep), Support: cvScore(r, recs, folded, keep)})
	}
	// Each set's records, each scored in its fold: a set that is most
	// like the listings to come (the tune part of a set whose holdout part
	// is kept aside) is told apart from the others.
	var sets []string
	for i := range recs {
		if recs[i].Set != "" && !slices.Contains(sets, recs[i].Set) {
			sets = append(sets, recs[i].Set)
		}
	}
	if len(sets) > 1 {
		for _, set := range sets {
			keep := func(rec *Record) bool { return rec.Set == set }
			rep.Rows = append(rep.Rows, CVRow{Name: set + ", both folds",
				Tuned: cvScore(r, recs, tuned, keep), Support: cvScore(r, recs, folded, keep)})
		}
	}
	got := make([]Result, len(recs))
	for i := range recs {
		drop := map[int32]bool{}
		for p := range held[i] {
			if count[p] == 1 {
				drop[p] = true
			}
		}
		got[i] = r.without(drop).Classify(recs[i].Event())
		if tuned[i].Label == recs[i].Label && got[i].Label != recs[i].Label {
			loss := CVLoss{Line: recs[i].Line, ID: recs[i].ID, Clear: recs[i].Clear != nil && *recs[i].Clear,
				Title: recs[i].Title, Gold: recs[i].Label, SetAside: got[i].Label}
			for p := range drop {
				loss.Phrases = append(loss.Phrases, r.patterns[p].display)
			}
			slices.Sort(loss.Phrases)
			rep.Lost = append(rep.Lost, loss)
		}
	}
	all := func(*Record) bool { return true }
	rep.Rows = append(rep.Rows, CVRow{Name: "leave one out", Tuned: cvScore(r, recs, tuned, all),
		Support: cvScore(r, recs, got, all)})
	return rep
}

func cvScore(r *Rules, recs []Record, got []Result, keep func(*Record) bool) CVScore {
	s := score(r, recs, got, keep)
	out := CVScore{Records: s.Records, Accuracy: s.Accuracy, MacroF1: s.MacroF1}
	c := score(r, recs, got, func(rec *Record) bool { return keep(rec) && rec.Clear != nil && *rec.Clear })
	if c.Records > 0 {
		out.Clear, out.ClearAcc, out.ClearF1 = c.Records, c.Accuracy, c.MacroF1
	}
	return out
}

// counted returns the patterns that count for some group in rec's event.
func (r *Rules) counted(rec *Record) map[int32]bool {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	e := rec.Event()
	fields := [nFields]string{fTitle: e.Title, fDescription: e.Description, fOrganizer: e.Organizer, fVenue: e.Venue}
	r.scan(sc, &fields)
	out := map[int32]bool{}
	for i, h := range sc.hits {
		p := &r.patterns[h.pat]
		for ui, u := range p.uses {
			if u.role == roleMatch && r.groups[u.group].inField[h.field] && h.skip&(1<<ui) == 0 &&
				!(p.masked && r.covered(sc.hits, i, u.group)) {
				out[h.pat] = true
			}
		}
	}
	return out
}

// without returns a copy of r in which the patterns of drop no longer count
// for any group (their not_in and unless uses stay). Nothing of r changes.
func (r *Rules) without(drop map[int32]bool) *Rules {
	if len(drop) == 0 {
		return r
	}
	c := *r
	c.patterns = make([]pattern, len(r.patterns))
	copy(c.patterns, r.patterns)
	for p := range drop {
		var uses []use
		for _, u := range c.patterns[p].uses {
			if u.role != roleMatch {
				uses = append(uses, u)
			}
		}
		c.patterns[p].uses = uses
	}
	return &c
}

// WriteText writes the report as a table, then the records leave one out
// loses, each with the phrases set aside for it, unless lost is false.
func (rep CVReport) WriteText(w io.Writer, lost bool) error {
	bw := &errWriter{w: w}
	fmt.Fprintf(bw, "rules %s: %d records, two folds by a hash of \"cv:\"+id\n", rep.RulesVersion, rep.Records)
	fmt.Fprintln(bw, "as tuned: the rules as they are; set aside: without the phrases that no record of the other fold")
	fmt.Fprintln(bw, "(for leave one out: no other record) holds")
	fmt.Fprintln(bw)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\trecords\taccuracy\tmacro-F1\tclear\taccuracy\tmacro-F1\t")
	cell := func(s CVScore) string {
		if s.Clear == 0 {
			return fmt.Sprintf("%.3f\t%.3f\t-\t-\t-", s.Accuracy, s.MacroF1)
		}
		return fmt.Sprintf("%.3f\t%.3f\t%d\t%.3f\t%.3f", s.Accuracy, s.MacroF1, s.Clear, s.ClearAcc, s.ClearF1)
	}
	for _, row := range rep.Rows {
		fmt.Fprintf(tw, "%s, as tuned\t%d\t%s\t\n", row.Name, row.Tuned.Records, cell(row.Tuned))
		fmt.Fprintf(tw, "%s, set aside\t%d\t%s\t\n", row.Name, row.Support.Records, cell(row.Support))
	}
	tw.Flush()
	if lost && len(rep.Lost) > 0 {
		fmt.Fprintf(bw, "\nlost by leave one out (%d): right as tuned, wrong without the phrases only they hold\n", len(rep.Lost))
		for _, l := range rep.Lost {
			id, clear := "", ""
			if l.ID != "" {
				id = " [" + l.ID + "]"
			}
			if l.Clear {
				clear = " (clear)"
			}
			fmt.Fprintf(bw, "#%d%s %s: %s, set aside %s%s\n    %s\n", l.Line, id, l.Title, l.Gold, l.SetAside, clear,
				strings.Join(l.Phrases, " "))
		}
	}
	return bw.err
}
