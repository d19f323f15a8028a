package classifier

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"kouryu/internal/event"
)

func TestReadRecords(t *testing.T) {
	in := `{"title":"梅田 異業種交流会","label":"cross_industry","why":"ignored","id":"x1"}

{"title":"新年互礼会","organizer":"堺商工会議所","label":"regional","city":"堺市"}
`
	recs, err := ReadRecords(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1].Organizer != "堺商工会議所" || recs[1].City != "堺市" || recs[0].Label != event.CrossIndustry {
		t.Fatalf("records %+v", recs)
	}
	for name, bad := range map[string]string{
		"line 2: ":              `{"title":"a","label":"other"}` + "\n" + `{"title":` + "\n",
		"line 1: no title":      `{"label":"other"}`,
		`line 3: label "party"`: "{\"title\":\"a\",\"label\":\"other\"}\n\n{\"title\":\"b\",\"label\":\"party\"}\n",
	} {
		_, err := ReadRecords(strings.NewReader(bad))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("want an error naming %q, got %v", name, err)
		}
	}
	if _, err := ReadRecords(strings.NewReader("")); err == nil {
		t.Error("no records: no error")
	}
}

func TestEvaluate(t *testing.T) {
	recs := []Record{
		{Title: "梅田 異業種交流会", Label: event.CrossIndustry},
		{Title: "名刺交換会", Label: event.CrossIndustry},
		{Title: "新年互礼会", Organizer: "堺商工会議所", Label: event.Regional},
		{Title: "モーニングセミナー", Organizer: "〇〇倫理法人会", Label: event.StudyGroup},
		// Wrong on purpose: the rules say regional.
		{Title: "異業種交流会", Organizer: "八尾商工会議所", Label: event.CrossIndustry},
	}
	rep := Evaluate(sharedRules(), recs)
	if rep.Records != 5 || rep.Correct != 4 || rep.Accuracy != 0.8 {
		t.Fatalf("records %d correct %d accuracy %v", rep.Records, rep.Correct, rep.Accuracy)
	}
	// cross_industry: P 2/2, R 2/3; regional: P 1/2, R 1/1; study_group 1.
	want := map[event.Label][2]float64{event.CrossIndustry: {1, 2.0 / 3}, event.Regional: {0.5, 1}, event.StudyGroup: {1, 1}}
	if len(rep.Labels) != 3 {
		t.Fatalf("macro-F1 must be over the labels present: got %v", rep.Labels)
	}
	sum := 0.0
	for _, s := range rep.Labels {
		w := want[s.Label]
		if math.Abs(s.Precision-w[0]) > 1e-9 || math.Abs(s.Recall-w[1]) > 1e-9 {
			t.Errorf("%s: P %v R %v, want %v", s.Label, s.Precision, s.Recall, w)
		}
		sum += s.F1
	}
	if math.Abs(rep.MacroF1-sum/3) > 1e-9 || math.Abs(rep.F1(event.CrossIndustry)-0.8) > 1e-9 {
		t.Errorf("macro-F1 %v, cross F1 %v", rep.MacroF1, rep.F1(event.CrossIndustry))
	}
	if rep.Confusion[event.CrossIndustry][event.Regional] != 1 || len(rep.Misses) != 1 || rep.Misses[0].Index != 4 ||
		len(rep.Misses[0].Reasons) == 0 {
		t.Fatalf("confusion %v misses %+v", rep.Confusion, rep.Misses)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"accuracy 0.800", "cross_industry", "#5 異業種交流会: want cross_industry, got regional", "商工会議所"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, b.String())
		}
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"macro_f1":`, `"accuracy":0.8`, `"confusion":{`, `"misses":[`, `"gold":"cross_industry"`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("JSON report lacks %s: %s", want, js)
		}
	}
}

// TestPartsAreStable pins the split: the holdout part is the records whose
// id hashes (FNV-1a, 32 bits) to a multiple of 3. The expected parts were
// worked out apart from this code; a change of the hash would move records
// between the parts and make a measured holdout figure meaningless.
func TestPartsAreStable(t *testing.T) {
	want := map[string]Part{
		"ev-001": PartHoldout, "ev-002": PartHoldout, "ev-003": PartTune, "ev-004": PartHoldout,
		"ev-005": PartTune, "ev-006": PartTune, "ev-007": PartTune, "ev-008": PartHoldout,
	}
	for id, p := range want {
		if got := (&Record{ID: id, Title: "x"}).Part(); got != p {
			t.Errorf("%s: part %s, want %s", id, got, p)
		}
	}
	// No id: the title decides.
	if got := (&Record{Title: "梅田 異業種交流会"}).Part(); got != PartTune {
		t.Errorf("by title: part %s, want tune", got)
	}
	// About a third is held out, whatever the ids look like.
	var recs []Record
	for i := range 3000 {
		recs = append(recs, Record{ID: fmt.Sprintf("r%05d", i), Title: "x", Label: event.Other})
	}
	held, tune := SelectPart(recs, PartHoldout), SelectPart(recs, PartTune)
	if len(held)+len(tune) != len(recs) || len(held) < 900 || len(held) > 1100 {
		t.Fatalf("holdout %d, tune %d of %d", len(held), len(tune), len(recs))
	}
	// The order of the file does not matter.
	slices.Reverse(recs)
	if again := SelectPart(recs, PartHoldout); len(again) != len(held) || again[len(again)-1].ID != held[0].ID {
		t.Error("reversing the file changed the holdout part")
	}
	if got := SelectPart(recs, PartAll); len(got) != len(recs) {
		t.Errorf("all: %d records", len(got))
	}
	for in, want := range map[string]Part{"": PartAll, "all": PartAll, "tune": PartTune, "holdout": PartHoldout} {
		if got, err := ParsePart(in); err != nil || got != want {
			t.Errorf("ParsePart(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParsePart("test"); err == nil || !strings.Contains(err.Error(), "holdout") {
		t.Errorf("ParsePart(test): %v", err)
	}
}

// TestEvaluateClear checks the figures of the clear records beside those of
// all, and that the text report names the line, id and clearness of a miss
// and that the summary leaves the misses out.
func TestEvaluateClear(t *testing.T) {
	in := `{"id":"a1","title":"梅田 異業種交流会","label":"cross_industry","clear":true}
{"id":"a2","title":"新年互礼会","organizer":"堺商工会議所","label":"regional","clear":true}
{"id":"a3","title":"異業種交流会","organizer":"八尾商工会議所","label":"cross_industry","clear":false}
{"id":"a4","title":"春の集い","label":"study_group","clear":true}
`
	recs, err := ReadRecords(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	rep := Evaluate(sharedRules(), recs)
	if rep.Records != 4 || rep.Correct != 2 || rep.Clear == nil || rep.Clear.Records != 3 || rep.Clear.Correct != 2 {
		t.Fatalf("all %d/%d, clear %+v", rep.Correct, rep.Records, rep.Clear)
	}
	if rep.Clear.Misses != nil {
		t.Errorf("the clear report repeats misses: %v", rep.Clear.Misses)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"clear records: 3, 2 correct, accuracy 0.667",
		"#3 [a3] 異業種交流会: want cross_industry, got regional\n", "#4 [a4] 春の集い: want study_group, got other (clear)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := rep.WriteSummary(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "春の集い") || strings.Contains(b.String(), "misclassified") || !strings.Contains(b.String(), "accuracy 0.500") {
		t.Errorf("summary:\n%s", b.String())
	}
	// Records that do not say whether they are clear give no clear figures.
	if rep := Evaluate(sharedRules(), []Record{{Title: "名刺交換会", Label: event.CrossIndustry}}); rep.Clear != nil {
		t.Errorf("clear report without clear records: %+v", rep.Clear)
	}
}
