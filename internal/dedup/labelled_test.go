package dedup

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"kouryu/internal/event"
)

// labelledListing is one line of testdata/listings.jsonl: an event record
// with a key the pairs name it by.
type labelledListing struct {
	Key string `json:"key"`
	event.Event
}

type labelledPair struct {
	a, b string
	same bool
	note string
}

// loadLabelled reads testdata/listings.jsonl and testdata/pairs.txt.
func loadLabelled(t testing.TB) (map[string]event.Event, []labelledPair) {
	t.Helper()
	return loadSet(t, "testdata/listings.jsonl", "testdata/pairs.txt")
}

// loadSet reads a file of listings and a file of labelled pairs of them.
func loadSet(t testing.TB, listingsFile, pairsFile string) (map[string]event.Event, []labelledPair) {
	t.Helper()
	f, err := os.Open(listingsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listings := map[string]event.Event{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var l labelledListing
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("listings.jsonl:%d: %v", n, err)
		}
		l.Event.ID = "id-" + l.Key
		l.Event.Normalize()
		if err := l.Event.Validate(); err != nil {
			t.Fatalf("listings.jsonl:%d (%s): %v", n, l.Key, err)
		}
		if _, dup := listings[l.Key]; dup {
			t.Fatalf("listings.jsonl:%d: key %s twice", n, l.Key)
		}
		listings[l.Key] = l.Event
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(pairsFile)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []labelledPair
	for n, line := range strings.Split(string(data), "\n") {
		text, note, _ := strings.Cut(line, "#")
		f := strings.Fields(text)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 || (f[2] != "same" && f[2] != "different") {
			t.Fatalf("pairs.txt:%d: want KEY KEY same|different", n+1)
		}
		for _, k := range f[:2] {
			if _, ok := listings[k]; !ok {
				t.Fatalf("pairs.txt:%d: no listing %s", n+1, k)
			}
		}
		pairs = append(pairs, labelledPair{a: f[0], b: f[1], same: f[2] == "same", note: strings.TrimSpace(note)})
	}
	return listings, pairs
}

// TestLabelledPairs scores Compare on the labelled set: precision and recall
// of "same event". A wrong merge hides a gathering, so precision must hold
// at 99%; recall at 90%. -v prints every pair it gets wrong.
func TestLabelledPairs(t *testing.T) {
	listings, pairs := loadLabelled(t)
	score(t, listings, pairs, 150)
}

// TestHeldOutPairs scores Compare on a smaller set written after the
// rules, to see how the figures carry over; it holds precision only.
func TestHeldOutPairs(t *testing.T) {
	listings, pairs := loadSet(t, "testdata/heldout_listings.jsonl", "testdata/heldout_pairs.txt")
	score(t, listings, pairs, 0)
}

// score logs the precision and recall of Compare on pairs and fails when
// precision is under 99%, or, for a set of at least minPairs pairs (0:
// none), when recall is under 90% or the set is smaller.
func score(t *testing.T, listings map[string]event.Event, pairs []labelledPair, minPairs int) {
	prepared := map[string]*Listing{}
	for k, e := range listings {
		prepared[k] = Prepare(&e)
	}
	var tp, fp, fn, tn int
	for _, p := range pairs {
		v := Compare(prepared[p.a], prepared[p.b])
		if w := Compare(prepared[p.b], prepared[p.a]); w.Same != v.Same {
			t.Errorf("%s %s: Compare is not symmetric", p.a, p.b)
		}
		switch {
		case v.Same && p.same:
			tp++
		case v.Same:
			fp++
			t.Logf("WRONG MERGE %s %s (%s): %s", p.a, p.b, p.note, strings.Join(v.Why, "; "))
		case p.same:
			fn++
			t.Logf("missed %s %s (%s): %s", p.a, p.b, p.note, strings.Join(v.Why, "; "))
		default:
			tn++
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%d pairs (%d same, %d different): precision %.1f%% (%d of %d merges right), recall %.1f%% (%d of %d found)",
		len(pairs), tp+fn, fp+tn, 100*precision, tp, tp+fp, 100*recall, tp, tp+fn)
	if precision < 0.99 {
		t.Errorf("precision %.3f, want at least 0.99", precision)
	}
	if minPairs == 0 {
		return
	}
	if len(pairs) < minPairs || tp+fn < 60 || fp+tn < 60 {
		t.Errorf("the set has %d pairs (%d same): want at least %d, and 60 of each label", len(pairs), tp+fn, minPairs)
	}
	if recall < 0.90 {
		t.Errorf("recall %.3f, want at least 0.90", recall)
	}
}
