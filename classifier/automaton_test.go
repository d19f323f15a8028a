package classifier

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// naiveMatches finds every occurrence of every pattern by brute force.
func naiveMatches(patterns []string, text string) []match {
	var out []match
	for end := 1; end <= len(text); end++ {
		for p, pat := range patterns {
			if strings.HasSuffix(text[:end], pat) {
				out = append(out, match{pat: int32(p), end: int32(end)})
			}
		}
	}
	return out
}

func sortMatches(ms []match) {
	slices.SortFunc(ms, func(a, b match) int {
		if a.end != b.end {
			return int(a.end - b.end)
		}
		return int(a.pat - b.pat)
	})
}

func TestAutomatonAgreesWithBruteForce(t *testing.T) {
	alphabet := []string{"a", "b", "交", "流", "会", "ー"}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 300 {
		seen := map[string]bool{}
		var pats []string
		for range 1 + rng.IntN(12) {
			w := word(1 + rng.IntN(4))
			if !seen[w] {
				seen[w] = true
				pats = append(pats, w)
			}
		}
		a, err := newAutomaton(pats)
		if err != nil {
			t.Fatal(err)
		}
		text := word(rng.IntN(40))
		got := a.appendMatches(nil, []byte(text))
		want := naiveMatches(pats, text)
		sortMatches(got)
		sortMatches(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: patterns %q text %q:\n got %v\nwant %v", round, pats, text, got, want)
		}
	}
}

func TestAutomatonOverlapsAndNesting(t *testing.T) {
	pats := []string{"商工会", "商工会議所", "民主商工会", "工会"}
	a, err := newAutomaton(pats)
	if err != nil {
		t.Fatal(err)
	}
	got := a.appendMatches(nil, []byte("民主商工会と商工会議所"))
	found := map[string]int{}
	for _, m := range got {
		found[pats[m.pat]]++
	}
	if found["商工会"] != 2 || found["商工会議所"] != 1 || found["民主商工会"] != 1 || found["工会"] != 2 {
		t.Fatalf("matches %v", found)
	}
}

// TestAutomatonLimitIsStatesNotBytes: phrases that share their beginnings
// need few states however many bytes they hold in total; only more distinct
// prefixes than a 16-bit state can address are refused.
func TestAutomatonLimitIsStatesNotBytes(t *testing.T) {
	var shared []string
	for i := range 3000 {
		shared = append(shared, fmt.Sprintf("商工会議所青年部の定例会その%05d", i))
	}
	if _, err := newAutomaton(shared); err != nil {
		t.Errorf("%d phrases of %d bytes each, sharing a prefix: %v", len(shared), len(shared[0]), err)
	}
	var distinct []string
	for i := range 20000 {
		// 20,000 hex strings that part after their first few digits:
		// some 100,000 distinct prefixes.
		distinct = append(distinct, fmt.Sprintf("%08x", uint32(i)*2654435761))
	}
	if _, err := newAutomaton(distinct); err == nil || !strings.Contains(err.Error(), "prefixes") {
		t.Errorf("%d phrases with %d distinct prefixes or more: %v", len(distinct), maxStates, err)
	}
}
