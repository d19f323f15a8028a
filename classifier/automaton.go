package classifier

import "fmt"

// automaton is an Aho-Corasick matcher compiled to a deterministic automaton
// over bytes. Every phrase of a Rules is one pattern of a single automaton, so
// a field is scanned once, in time linear in its length, whatever the number
// of phrases. UTF-8 is self-synchronising, so a pattern that is valid UTF-8
// can only match on rune boundaries.
//
// Bytes that occur in no pattern share class 0, which keeps the transition
// table at (states × classes) entries of 16 bits: with the default rules
// about 750 KB, small enough to stay in a core's L2 cache, which matters more
// than saving the multiplication in the inner loop.
type automaton struct {
	class    [256]uint8
	nclass   int
	delta    []uint16 // delta[s*nclass+class] = next state
	outStart []int32  // patterns ending at state s: outputs[outStart[s]:outStart[s+1]]
	outputs  []int32
	plen     []int32 // pattern length in bytes
	start    int     // the root
	outLimit int     // states below this have outputs
}

// maxStates is what a 16-bit transition can address.
const maxStates = 1 << 16

// match is one occurrence: pattern pat ends just before byte end of the text.
type match struct {
	pat int32
	end int32
}

// newAutomaton compiles patterns; pattern i is reported as pat i. Patterns
// must be non-empty and distinct. It fails only when the patterns' trie has
// more than 65,536 states (one per distinct prefix: tens of thousands of
// phrases).
func newAutomaton(patterns []string) (*automaton, error) {
	a := &automaton{plen: make([]int32, len(patterns))}
	var build []int32
	var seen [256]bool
	for i, p := range patterns {
		a.plen[i] = int32(len(p))
		for j := 0; j < len(p); j++ {
			seen[p[j]] = true
		}
	}
	a.nclass = 1
	for b := range 256 {
		if seen[b] {
			a.class[b] = uint8(a.nclass)
			a.nclass++
		}
	}
	if a.nclass > 256 { // every byte value used: class 0 is then a real byte too
		a.nclass = 256
		for b := range 256 {
			a.class[b] = uint8(b)
		}
	}
	n := a.nclass
	// The trie; -1 is "no edge yet".
	newState := func() int32 {
		s := int32(len(build) / n)
		for range n {
			build = append(build, -1)
		}
		return s
	}
	newState()
	own := [][]int32{nil}
	for i, p := range patterns {
		s := int32(0)
		for j := 0; j < len(p); j++ {
			c := int(a.class[p[j]])
			t := build[int(s)*n+c]
			if t < 0 {
				if len(own) == maxStates {
					return nil, fmt.Errorf("phrases too many: their distinct prefixes are more than %d", maxStates)
				}
				t = newState()
				own = append(own, nil)
				build[int(s)*n+c] = t
			}
			s = t
		}
		own[s] = append(own[s], int32(i))
	}
	states := len(own)
	fail := make([]int32, states)
	out := make([][]int32, states)
	out[0] = own[0]
	queue := make([]int32, 0, states)
	for c := range n {
		t := build[c]
		if t < 0 {
			build[c] = 0
			continue
		}
		fail[t] = 0
		queue = append(queue, t)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		// Outputs of s: its own patterns and those of its failure state,
		// which is shallower and so already complete.
		out[s] = append(append([]int32(nil), own[s]...), out[fail[s]]...)
		for c := range n {
			t := build[int(s)*n+c]
			if t < 0 {
				build[int(s)*n+c] = build[int(fail[s])*n+c]
				continue
			}
			fail[t] = build[int(fail[s])*n+c]
			queue = append(queue, t)
		}
	}
	// Renumber the states so those with outputs come first: the scan then
	// tells an output state by one comparison, without a division.
	id := make([]int32, states)
	next := int32(0)
	for pass := range 2 {
		for s := range states {
			if (len(out[s]) > 0) == (pass == 0) {
				id[s] = next
				next++
			}
		}
		if pass == 0 {
			a.outLimit = int(next)
		}
	}
	delta := make([]uint16, len(build))
	a.outStart = make([]int32, states+1)
	byID := make([]int32, states)
	for s := range states {
		byID[id[s]] = int32(s)
		for c := range n {
			delta[int(id[s])*n+c] = uint16(id[build[s*n+c]])
		}
	}
	for k := range states {
		a.outStart[k] = int32(len(a.outputs))
		a.outputs = append(a.outputs, out[byID[k]]...)
	}
	a.outStart[states] = int32(len(a.outputs))
	a.delta = delta
	a.start = int(id[0])
	return a, nil
}

// appendMatches appends every occurrence of every pattern in text to dst,
// overlapping ones included, in order of their end.
func (a *automaton) appendMatches(dst []match, text []byte) []match {
	n := a.nclass
	delta, class, limit := a.delta, &a.class, a.outLimit
	s := a.start
	for i, b := range text {
		s = int(delta[s*n+int(class[b])])
		if s < limit {
			for _, p := range a.outputs[a.outStart[s]:a.outStart[s+1]] {
				dst = append(dst, match{pat: p, end: int32(i + 1)})
			}
		}
	}
	return dst
}
