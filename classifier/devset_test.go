package classifier

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalDataDir is the directory of the labelled listings the rules are tuned
// on. They quote third-party pages, so they live beside the repository and
// are never copied into it; KOURYU_EVAL_DATA names another directory.
func evalDataDir() string {
	if d := os.Getenv("KOURYU_EVAL_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "data")
}

// openLabelled reads a labelled file of evalDataDir. When it is absent the
// test skips with a hint, except under CI=true, where it fails: a quality
// test that silently skips makes a green run meaningless.
func openLabelled(t *testing.T, name string) []Record {
	t.Helper()
	path := filepath.Join(evalDataDir(), name)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("labelled set %s is missing (CI=true): set KOURYU_EVAL_DATA to its directory", path)
		}
		t.Skipf("labelled set %s not present (set KOURYU_EVAL_DATA to its directory)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return readLabelled(t, path)
}

// readLabelled reads the labelled records of the file at path.
func readLabelled(t *testing.T, path string) []Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadRecords(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestLabelledSets holds the default rules to floors on the labelled
// listings they were tuned on: the first set whole, and the tune part of
// each set (see Record.Part). The floors sit a little below the figures of
// the rules as committed (the README gives them), so a change that loses
// ground fails here. The held-out part of a set is never
// scored or printed by a test: it is measured once, by hand, with
// `kouryu rules eval FILE --part holdout --summary`.
func TestLabelledSets(t *testing.T) {
	r := sharedRules()
	for _, c := range []struct {
		file string
		part Part
		floors
	}{
		{"events-dev.jsonl", PartAll, floors{102, 0.95, 0.95, 0, 0}},
		{"events-dev.jsonl", PartTune, floors{65, 0.95, 0.95, 0, 0}},
		{"events-dev2.jsonl", PartTune, floors{150, 0.94, 0.93, 0.99, 0.99}},
	} {
		t.Run(strings.TrimSuffix(c.file, ".jsonl")+"/"+string(c.part), func(t *testing.T) {
			c.check(t, r, SelectPart(openLabelled(t, c.file), c.part), c.part)
		})
	}
}

// floors are what the rules must reach on a part of a labelled set.
type floors struct {
	records        int     // how many records the part must hold
	acc, f1        float64 // floors over every record
	clearAcc, clF1 float64 // floors over the clear records (0: the file marks none)
}

// check scores r on recs, logs the report and fails below the floors.
func (fl floors) check(t *testing.T, r *Rules, recs []Record, part Part) {
	t.Helper()
	if len(recs) != fl.records {
		t.Fatalf("%d records in part %s, want %d: the file or the split changed", len(recs), part, fl.records)
	}
	rep := Evaluate(r, recs)
	rep.Part = part
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if rep.Accuracy < fl.acc || rep.MacroF1 < fl.f1 {
		t.Errorf("accuracy %.3f, macro-F1 %.3f: want at least %.2f and %.2f", rep.Accuracy, rep.MacroF1, fl.acc, fl.f1)
	}
	if fl.clearAcc == 0 {
		return
	}
	if rep.Clear == nil {
		t.Fatal("no clear records: the file no longer marks them")
	}
	if rep.Clear.Accuracy < fl.clearAcc || rep.Clear.MacroF1 < fl.clF1 {
		t.Errorf("clear records: accuracy %.3f, macro-F1 %.3f: want at least %.2f and %.2f",
			rep.Clear.Accuracy, rep.Clear.MacroF1, fl.clearAcc, fl.clF1)
	}
}

// TestLabelledSetsSupport holds the default rules to floors on how much of
// their score rests on phrases that several listings hold (see
// CrossValidate): the first set whole and the tune part of the second,
// each fold and each listing scored with the phrases that only it holds
// set aside. A word written for one listing raises the tuned figures of
// TestLabelledSets but not these; dropping a family lowers them. The floors
// sit a little below the figures the README gives.
func TestLabelledSetsSupport(t *testing.T) {
	dev, dev2 := openLabelled(t, "events-dev.jsonl"), SelectPart(openLabelled(t, "events-dev2.jsonl"), PartTune)
	for i := range dev2 {
		dev2[i].Set = "events-dev2.jsonl#tune"
	}
	for i := range dev {
		dev[i].Set = "events-dev.jsonl#all"
	}
	recs := append(dev, dev2...)
	rep := CrossValidate(sharedRules(), recs)
	var b strings.Builder
	if err := rep.WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	floors := map[string][3]float64{ // accuracy, macro-F1, clear accuracy
		"fold a":        {0.82, 0.81, 0.88},
		"fold b":        {0.83, 0.80, 0.97},
		"leave one out": {0.88, 0.86, 0.96},
		// dev2's tune part, each record in its fold: the nearest guess of
		// its holdout part (README).
		"events-dev2.jsonl#tune, both folds": {0.82, 0.80, 0.93},
		"events-dev.jsonl#all, both folds":   {0.84, 0.82, 0},
	}
	for _, row := range rep.Rows {
		f, ok := floors[row.Name]
		if !ok {
			t.Fatalf("no floor for %q", row.Name)
		}
		if s := row.Support; s.Accuracy < f[0] || s.MacroF1 < f[1] || s.ClearAcc < f[2] {
			t.Errorf("%s, set aside: accuracy %.3f, macro-F1 %.3f, clear %.3f: want at least %.2f, %.2f, %.2f",
				row.Name, s.Accuracy, s.MacroF1, s.ClearAcc, f[0], f[1], f[2])
		}
	}
}
