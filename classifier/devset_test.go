package classifier

import (
	"os"
	"strings"
	"testing"
)

// devSetPath is the shared labelled dev set, outside the repository: it
// quotes third-party pages, so it is read from there and never copied here.
const devSetPath = "../../shared/data/events-dev.jsonl"

// TestDevSet holds the default rules to macro-F1 and accuracy of at least
// 0.85 on the dev set. It skips when the file is absent.
func TestDevSet(t *testing.T) {
	f, err := os.Open(devSetPath)
	if os.IsNotExist(err) {
		t.Skipf("dev set %s not present", devSetPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadRecords(f)
	if err != nil {
		t.Fatal(err)
	}
	rep := Evaluate(Default(), recs)
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if rep.Accuracy < 0.85 || rep.MacroF1 < 0.85 {
		t.Errorf("accuracy %.3f, macro-F1 %.3f: want both at least 0.85", rep.Accuracy, rep.MacroF1)
	}
}
