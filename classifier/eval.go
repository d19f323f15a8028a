package classifier

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"kouryu/internal/event"
)

// Record is one labelled listing for evaluation: JSON keys id, title,
// description, organizer, venue, city, label and clear; other keys are
// ignored.
type Record struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Organizer   string      `json:"organizer"`
	Venue       string      `json:"venue"`
	City        string      `json:"city"`
	Label       event.Label `json:"label"`
	// Clear is true where the annotators agreed and were both sure of the
	// label; nil when the file does not say.
	Clear *bool `json:"clear"`
	// Line is the record's line number in the file ReadRecords read (0 for
	// a record built in code).
	Line int `json:"-"`
	// Set names the file (and part) the record was read from, when several
	// are scored together (CrossValidate reports each set's folds).
	Set string `json:"-"`
}

// Part is a share of a labelled file: the records rules are tuned on, or
// those kept aside to measure them on listings the tuning never looked at.
type Part string

// The parts of a labelled file. PartAll is every record.
const (
	PartAll     Part = "all"
	PartTune    Part = "tune"
	PartHoldout Part = "holdout"
)

// ParsePart returns the part named s ("all", "tune" or "holdout"; "" is all).
func ParsePart(s string) (Part, error) {
	switch p := Part(s); p {
	case "":
		return PartAll, nil
	case PartAll, PartTune, PartHoldout:
		return p, nil
	}
	return "", fmt.Errorf("unknown part %q (want all, tune or holdout)", s)
}

// Part returns the part a record belongs to: holdout when the FNV-1a
// (32-bit) hash of its id is divisible by 3, tune otherwise. The split
// depends on the id alone, so it is the same on every machine, does not move
// when records are added, reordered or relabelled, and keeps about a third
// aside. A record without an id is placed by its title.
func (rec *Record) Part() Part {
	key := rec.ID
	if key == "" {
		key = rec.Title
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	if h.Sum32()%3 == 0 {
		return PartHoldout
	}
	return PartTune
}

// SelectPart returns the records of recs in part p, in their order; every
// record for PartAll.
func SelectPart(recs []Record, p Part) []Record {
	if p == PartAll || p == "" {
		return recs
	}
	var out []Record
	for _, rec := range recs {
		if rec.Part() == p {
			out = append(out, rec)
		}
	}
	return out
}

// Event returns the event the rules see for rec; City becomes the area.
func (rec *Record) Event() *event.Event {
	return &event.Event{Title: rec.Title, Description: rec.Description, Organizer: rec.Organizer,
		Venue: rec.Venue, Area: rec.City}
}

// ReadRecords reads JSON lines of records. Blank lines are skipped; a line
// that is not a JSON object, lacks a title or carries an unknown label is an
// error naming its line number.
func ReadRecords(r io.Reader) ([]Record, error) {
	var recs []Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		rec := Record{Line: line}
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("read records: line %d: %w", line, err)
		}
		if strings.TrimSpace(rec.Title) == "" {
			return nil, fmt.Errorf("read records: line %d: no title", line)
		}
		if !rec.Label.Valid() {
			return nil, fmt.Errorf("read records: line %d: label %q is not one of %v", line, rec.Label, event.Labels)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	if len(recs) == 0 {
		return nil, errors.New("read records: no records")
	}
	return recs, nil
}

// LabelScore is the precision, recall and F1 of one label. Support is the
// number of records whose gold label it is; Predicted the number given it.
type LabelScore struct {
	Label     event.Label `json:"label"`
	Precision float64     `json:"precision"`
	Recall    float64     `json:"recall"`
	F1        float64     `json:"f1"`
	Support   int         `json:"support"`
	Predicted int         `json:"predicted"`
}

// Miss is one misclassified record with the reasons the rules gave.
type Miss struct {
	Index   int         `json:"index"` // 0-based position in the records evaluated
	Line    int         `json:"line,omitempty"`
	ID      string      `json:"id,omitempty"`
	Clear   bool        `json:"clear,omitempty"`
	Title   string      `json:"title"`
	Gold    event.Label `json:"gold"`
	Got     event.Label `json:"got"`
	Score   float64     `json:"score"`
	Reasons []string    `json:"reasons"`
}

// Report is the score of a set of rules on labelled records.
//
// MacroF1 is the unweighted mean of F1 over the labels present in the gold
// labels or the predictions (a label neither expected nor predicted is left
// out, since its F1 is undefined; one predicted but never expected counts
// with F1 0).
//
// Clear, when some records say whether they are clear, is the same score
// over the clear records only (without their misses, which Misses holds
// marked clear): the figure that says how the rules do where people agree.
type Report struct {
	RulesVersion string                              `json:"rules_version"`
	Part         Part                                `json:"part,omitempty"`
	Records      int                                 `json:"records"`
	Correct      int                                 `json:"correct"`
	Accuracy     float64                             `json:"accuracy"`
	MacroF1      float64                             `json:"macro_f1"`
	Labels       []LabelScore                        `json:"labels"`
	Confusion    map[event.Label]map[event.Label]int `json:"confusion"` // gold → predicted → count
	Misses       []Miss                              `json:"misses"`
	Clear        *Report                             `json:"clear,omitempty"`
}

// Evaluate classifies every record with r and scores the labels against the
// records' gold labels.
func Evaluate(r *Rules, recs []Record) Report {
	got := make([]Result, len(recs))
	for i := range recs {
		got[i] = r.Classify(recs[i].Event())
	}
	rep := score(r, recs, got, func(*Record) bool { return true })
	for i := range recs {
		if recs[i].Clear != nil {
			clearRep := score(r, recs, got, func(rec *Record) bool { return rec.Clear != nil && *rec.Clear })
			clearRep.Misses = nil
			rep.Clear = &clearRep
			break
		}
	}
	return rep
}

// score scores the results got of the records keep selects.
func score(r *Rules, recs []Record, got []Result, keep func(*Record) bool) Report {
	rep := Report{RulesVersion: r.Version(), Confusion: map[event.Label]map[event.Label]int{}}
	tp := map[event.Label]int{}
	gold := map[event.Label]int{}
	pred := map[event.Label]int{}
	for i := range recs {
		rec := &recs[i]
		if !keep(rec) {
			continue
		}
		res := got[i]
		rep.Records++
		gold[rec.Label]++
		pred[res.Label]++
		if rep.Confusion[rec.Label] == nil {
			rep.Confusion[rec.Label] = map[event.Label]int{}
		}
		rep.Confusion[rec.Label][res.Label]++
		if res.Label == rec.Label {
			tp[rec.Label]++
			rep.Correct++
			continue
		}
		rep.Misses = append(rep.Misses, Miss{Index: i, Line: rec.Line, ID: rec.ID, Clear: rec.Clear != nil && *rec.Clear,
			Title: rec.Title, Gold: rec.Label, Got: res.Label, Score: res.Score, Reasons: res.Reasons})
	}
	if rep.Records > 0 {
		rep.Accuracy = float64(rep.Correct) / float64(rep.Records)
	}
	sum := 0.0
	for _, l := range r.order {
		if gold[l] == 0 && pred[l] == 0 {
			continue
		}
		s := LabelScore{Label: l, Support: gold[l], Predicted: pred[l]}
		if pred[l] > 0 {
			s.Precision = float64(tp[l]) / float64(pred[l])
		}
		if gold[l] > 0 {
			s.Recall = float64(tp[l]) / float64(gold[l])
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		sum += s.F1
		rep.Labels = append(rep.Labels, s)
	}
	if len(rep.Labels) > 0 {
		rep.MacroF1 = sum / float64(len(rep.Labels))
	}
	return rep
}

// F1 returns the F1 of label l, or 0 when l is not in the report.
func (rep *Report) F1(l event.Label) float64 {
	for _, s := range rep.Labels {
		if s.Label == l {
			return s.F1
		}
	}
	return 0
}

// WriteText writes the report as readable tables: the summary (and that of
// the clear records), the per-label scores, the confusion matrix (rows gold,
// columns predicted) and each misclassified record with its reasons.
func (rep Report) WriteText(w io.Writer) error {
	return rep.writeText(w, true)
}

// WriteSummary writes the report as WriteText does but without the
// misclassified records: the figures alone, for a part whose misses nobody
// should read while tuning.
func (rep Report) WriteSummary(w io.Writer) error {
	return rep.writeText(w, false)
}

func (rep Report) writeText(w io.Writer, misses bool) error {
	bw := &errWriter{w: w}
	part := ""
	if rep.Part != "" && rep.Part != PartAll {
		part = " (part " + string(rep.Part) + ")"
	}
	fmt.Fprintf(bw, "rules %s%s: %d records, %d correct, accuracy %.3f, macro-F1 %.3f\n",
		rep.RulesVersion, part, rep.Records, rep.Correct, rep.Accuracy, rep.MacroF1)
	if c := rep.Clear; c != nil {
		fmt.Fprintf(bw, "clear records: %d, %d correct, accuracy %.3f, macro-F1 %.3f\n",
			c.Records, c.Correct, c.Accuracy, c.MacroF1)
	}
	fmt.Fprintln(bw)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "label\tprecision\trecall\tF1\tsupport\tpredicted\t")
	for _, s := range rep.Labels {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", s.Label, s.Precision, s.Recall, s.F1, s.Support, s.Predicted)
	}
	tw.Flush()
	labels := make([]event.Label, 0, len(rep.Labels))
	for _, s := range rep.Labels {
		labels = append(labels, s.Label)
	}
	fmt.Fprintln(bw, "\nconfusion (rows: gold, columns: predicted)")
	tw = tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
	head := []string{"gold \\ predicted"}
	for _, l := range labels {
		head = append(head, string(l))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, g := range labels {
		row := []string{string(g)}
		for _, p := range labels {
			row = append(row, fmt.Sprint(rep.Confusion[g][p]))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	tw.Flush()
	if misses && len(rep.Misses) > 0 {
		fmt.Fprintf(bw, "\nmisclassified (%d)\n", len(rep.Misses))
		ms := slices.Clone(rep.Misses)
		slices.SortStableFunc(ms, func(a, b Miss) int { return strings.Compare(string(a.Gold), string(b.Gold)) })
		for _, m := range ms {
			n := m.Line
			if n == 0 {
				n = m.Index + 1
			}
			id, clear := "", ""
			if m.ID != "" {
				id = " [" + m.ID + "]"
			}
			if m.Clear {
				clear = " (clear)"
			}
			fmt.Fprintf(bw, "#%d%s %s: want %s, got %s%s\n", n, id, m.Title, m.Gold, m.Got, clear)
			for _, r := range m.Reasons {
				fmt.Fprintf(bw, "    %s\n", r)
			}
		}
	}
	return bw.err
}

// errWriter keeps the first write error so WriteText can return it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
