package classifier

import (
	"math"
	"slices"
	"strings"
	"testing"

	"kouryu/internal/event"
)

// cvRules decide same_industry by a family (の会 after a trade's word, held
// by several records) and by a word written for one listing (ぬか床),
// which is how rules that learned a tune set's words look.
const cvRules = `
order: [other, study_group, same_industry, seminar_social, regional, cross_industry]
fallback: other
labels:
  study_group: {rule: 2, threshold: 3, phrases: [{match: [倫理法人会], in: [organizer], weight: 3}]}
  same_industry:
    rule: 3
    threshold: 3
    phrases:
      - {name: 業種の人々, match: [の会], after: [税理士, 美容師, 大工], in: [title], weight: 3}
      - {name: 一度きり, match: [ぬか床], in: [title], weight: 3}
  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}
  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], in: [organizer], weight: 3}]}
  cross_industry: {rule: 6, threshold: 2, phrases: [{match: [異業種交流会], in: [title], weight: 2}]}
`

func TestCrossValidate(t *testing.T) {
	r, err := Parse([]byte(cvRules))
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	recs := []Record{
		{ID: "a1", Title: "若手税理士の会", Label: event.SameIndustry, Clear: &yes},
		{ID: "a2", Title: "北摂美容師の会", Label: event.SameIndustry, Clear: &yes},
		{ID: "a3", Title: "大工の会 新年会", Label: event.SameIndustry, Clear: &yes},
		{ID: "a4", Title: "ぬか床の集い", Label: event.SameIndustry, Clear: &yes},
		{ID: "a5", Title: "梅田 異業種交流会", Label: event.CrossIndustry, Clear: &yes},
		{ID: "a6", Title: "なんば異業種交流会", Label: event.CrossIndustry},
		{ID: "a7", Title: "新年互礼会", Organizer: "堺商工会", Label: event.Regional},
		{ID: "a8", Title: "賀詞交歓会", Organizer: "八尾商工会", Label: event.Regional},
	}
	rep := CrossValidate(r, recs)
	if rep.Records != 8 || len(rep.Rows) != 3 || rep.RulesVersion != r.Version() {
		t.Fatalf("report %+v", rep)
	}
	n := 0
	for _, row := range rep.Rows[:2] {
		n += row.Tuned.Records
		if row.Support.Accuracy > row.Tuned.Accuracy {
			t.Errorf("%s: setting phrases aside raised accuracy: %+v", row.Name, row)
		}
	}
	if n != 8 {
		t.Errorf("the folds hold %d records, want 8", n)
	}
	// Leave one out: ぬか床 is held by a4 alone, so a4 falls to other; the
	// family, 異業種交流会 and 商工会 are held by others and keep theirs.
	loo := rep.Rows[2]
	if loo.Tuned.Accuracy != 1 || loo.Support.Records != 8 || loo.Support.Accuracy != 7.0/8 {
		t.Errorf("leave one out: %+v", loo)
	}
	if loo.Support.Clear != 5 || loo.Support.ClearAcc != 4.0/5 {
		t.Errorf("leave one out, clear: %+v", loo.Support)
	}
	// Records of several sets: each set's records, each in its fold.
	for i := range recs {
		recs[i].Set = "first"
		if i >= 5 {
			recs[i].Set = "second"
		}
	}
	sets := CrossValidate(r, recs)
	if len(sets.Rows) != 5 || sets.Rows[2].Name != "first, both folds" || sets.Rows[3].Name != "second, both folds" ||
		sets.Rows[2].Tuned.Records != 5 || sets.Rows[3].Support.Records != 3 || sets.Rows[4] != rep.Rows[2] {
		t.Errorf("rows by set: %+v", sets.Rows)
	}
	// a4 (ぬか床) and a6 are in "first" and "second"; the folds' figures
	// are those of the rows per fold, split by set.
	n = 0
	for _, row := range sets.Rows[2:4] {
		n += int(math.Round(row.Support.Accuracy * float64(row.Support.Records)))
	}
	m := 0
	for _, row := range rep.Rows[:2] {
		m += int(math.Round(row.Support.Accuracy * float64(row.Support.Records)))
	}
	if n != m {
		t.Errorf("right in the sets' rows %d, in the folds' %d", n, m)
	}
	// Setting phrases aside leaves r as it was.
	if got := r.Classify(recs[3].Event()); got.Label != event.SameIndustry {
		t.Errorf("r changed: %v", got)
	}
	// The one record lost is named, with the word set aside for it.
	if len(rep.Lost) != 1 || rep.Lost[0].ID != "a4" || rep.Lost[0].SetAside != event.Other ||
		!slices.Equal(rep.Lost[0].Phrases, []string{"ぬか床"}) {
		t.Errorf("lost: %+v", rep.Lost)
	}
	var b strings.Builder
	if err := rep.WriteText(&b, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"8 records", "leave one out, set aside", "0.875",
		"lost by leave one out (1)", "[a4] ぬか床の集い: same_industry, set aside other (clear)\n    ぬか床"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
}

func TestFoldIsStableAndApartFromPart(t *testing.T) {
	// The fold depends on the id alone, and does not follow the part (the
	// part's hash is of the id alone too, but without "cv:").
	counts := map[[2]string]int{}
	for i := range 300 {
		rec := Record{ID: "rec-" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('0'+i%10)) + strings.Repeat("y", i/26)}
		again := Record{ID: rec.ID, Title: "another title"}
		if rec.Fold() != again.Fold() {
			t.Fatalf("%s: the fold follows more than the id", rec.ID)
		}
		counts[[2]string{string(rec.Part()), string(rune('0' + rec.Fold()))}]++
	}
	for _, k := range [][2]string{{"tune", "0"}, {"tune", "1"}, {"holdout", "0"}, {"holdout", "1"}} {
		if counts[k] < 20 {
			t.Errorf("part %s, fold %s: %d records of 300: the fold follows the part", k[0], k[1], counts[k])
		}
	}
}
