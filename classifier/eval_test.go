package classifier

import (
	"encoding/json"
	"math"
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
	rep := Evaluate(Default(), recs)
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
