package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labelled is a labelled file written for these tests. With the split by
// id, ev-001, ev-002, ev-004 and ev-008 are held out; the others are tuned on.
const labelled = `{"id":"ev-001","title":"梅田 異業種交流会","label":"cross_industry","clear":true}
{"id":"ev-002","title":"新年互礼会","organizer":"堺商工会議所","label":"regional","clear":true}
{"id":"ev-003","title":"若手税理士の交流会","description":"税理士どうしの情報交換","label":"same_industry","clear":true}
{"id":"ev-004","title":"モーニングセミナー","organizer":"大阪市北区倫理法人会","label":"study_group","clear":true}
{"id":"ev-005","title":"行政書士の勉強会","description":"行政書士の方限定","label":"same_industry","clear":false}
{"id":"ev-006","title":"春の集い","label":"cross_industry","clear":true}
{"id":"ev-007","title":"司法書士 懇親会","description":"司法書士の先生方の懇親会","label":"same_industry","clear":true}
{"id":"ev-008","title":"なんば異業種交流会","label":"cross_industry","clear":false}
`

func writeLabelled(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "labelled.jsonl")
	if err := os.WriteFile(path, []byte(labelled), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRulesEvalParts(t *testing.T) {
	t.Parallel()
	path := writeLabelled(t)
	run := func(args ...string) (string, error) {
		var out, errb strings.Builder
		err := Main(t.Context(), append([]string{"rules"}, args...), nil, &out, &errb)
		return out.String(), err
	}
	out, err := run("eval", path, "--part", "tune")
	if err != nil {
		t.Fatal(err)
	}
	// The tune part is ev-003, 005, 006, 007: 春の集い is the one miss.
	for _, want := range []string{"(part tune): 4 records, 3 correct", "clear records: 3, 2 correct", "#6 [ev-006] 春の集い"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval --part tune lacks %q:\n%s", want, out)
		}
	}
	out, err = run("eval", path, "--part", "holdout", "--summary")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(part holdout): 4 records, 4 correct") || strings.Contains(out, "ev-0") {
		t.Errorf("eval --part holdout --summary:\n%s", out)
	}
	out, err = run("eval", path, "--json", "--summary")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Records int             `json:"records"`
		Misses  json.RawMessage `json:"misses"`
		Clear   struct {
			Records int `json:"records"`
		} `json:"clear"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Records != 8 || rep.Clear.Records != 6 || string(rep.Misses) != "null" {
		t.Errorf("eval --json --summary: %+v %v\n%s", rep, err, out)
	}
	var exit *ExitError
	if _, err := run("eval", path, "--part", "test"); !errors.As(err, &exit) || exit.Code != 2 {
		t.Errorf("--part test: %v", err)
	}
	if _, err := run("eval", path, "--min-f1", "0.99"); !errors.As(err, &exit) || exit.Code != 1 {
		t.Errorf("--min-f1 0.99 with a miss: %v", err)
	}
}

func TestRulesSuggest(t *testing.T) {
	t.Parallel()
	path := writeLabelled(t)
	var out, errb strings.Builder
	if err := Main(t.Context(), []string{"rules", "suggest", path, "--part", "tune", "--top", "3"}, nil, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	// In the tune part, 士の is in the three records of professionals and
	// in no other.
	if s := out.String(); !strings.Contains(s, "same_industry (3 records)") || !strings.Contains(s, "士の\n") {
		t.Errorf("suggest:\n%s", s)
	}
	if s := out.String(); strings.Contains(s, "regional") {
		t.Errorf("the tune part has no regional record:\n%s", s)
	}
}

func TestRulesCV(t *testing.T) {
	t.Parallel()
	path := writeLabelled(t)
	run := func(args ...string) (string, error) {
		var out, errb strings.Builder
		err := Main(t.Context(), append([]string{"rules", "cv"}, args...), nil, &out, &errb)
		return out.String(), err
	}
	out, err := run(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{": 8 records, two folds", "fold a, set aside", "leave one out, as tuned"} {
		if !strings.Contains(out, want) {
			t.Errorf("cv lacks %q:\n%s", want, out)
		}
	}
	// A part after # overrides --part: the tune part twice is 8 records.
	if out, err = run(path+"#tune", path, "--part", "tune"); err != nil || !strings.Contains(out, ": 8 records") {
		t.Errorf("cv FILE#tune FILE --part tune: %v\n%s", err, out)
	}
	if out, err = run(path+"#holdout", path+"#all", "--json"); err != nil || !strings.Contains(out, `"records": 12`) {
		t.Errorf("cv --json: %v\n%s", err, out)
	}
	var exit *ExitError
	if _, err := run(path + "#test"); !errors.As(err, &exit) || exit.Code != 2 {
		t.Errorf("FILE#test: %v", err)
	}
	if _, err := run(); !errors.As(err, &exit) || exit.Code != 2 {
		t.Errorf("no file: %v", err)
	}
}
