package classifier

// automaton is an Aho-Corasick matcher compiled to a deterministic automaton
// over bytes. Every phrase of a Rules is one pattern of a single automaton, so
// a field is scanned once, in time linear in its length, whatever the number
// of phrases. UTF-8 is self-synchronising, so a pattern that is valid UTF-8
// can only match on rune boundaries.
//
// Bytes that occur in no pattern share class 0, which keeps the transition
// table at (states × classes) entries; transitions are stored premultiplied
// by the class count so the inner loop is one load per byte.
type automaton struct {
	class    [256]uint8
	nclass   int
	delta    []int32 // delta[s*nclass+class] = next state * nclass
	outStart []int32 // patterns ending at state s: outputs[outStart[s]:outStart[s+1]]
	outputs  []int32
	plen     []int32 // pattern length in bytes
	start    int32   // the root, premultiplied
	outLimit int32   // states below this (premultiplied) have outputs
}

// match is one occurrence: pattern pat ends just before byte end of the text.
type match struct {
	pat int32
	end int32
}

// newAutomaton compiles patterns; pattern i is reported as pat i. Patterns
// must be non-empty and distinct.
func newAutomaton(patterns []string) *automaton {
	a := &automaton{plen: make([]int32, len(patterns))}
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
		s := int32(len(a.delta) / n)
		for range n {
			a.delta = append(a.delta, -1)
		}
		return s
	}
	newState()
	own := [][]int32{nil}
	for i, p := range patterns {
		s := int32(0)
		for j := 0; j < len(p); j++ {
			c := int(a.class[p[j]])
			t := a.delta[int(s)*n+c]
			if t < 0 {
				t = newState()
				own = append(own, nil)
				a.delta[int(s)*n+c] = t
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
		t := a.delta[c]
		if t < 0 {
			a.delta[c] = 0
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
			t := a.delta[int(s)*n+c]
			if t < 0 {
				a.delta[int(s)*n+c] = a.delta[int(fail[s])*n+c]
				continue
			}
			fail[t] = a.delta[int(fail[s])*n+c]
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
			a.outLimit = next * int32(n)
		}
	}
	delta := make([]int32, len(a.delta))
	a.outStart = make([]int32, states+1)
	byID := make([]int32, states)
	for s := range states {
		byID[id[s]] = int32(s)
		for c := range n {
			delta[int(id[s])*n+c] = id[a.delta[s*n+c]] * int32(n)
		}
	}
	for k := range states {
		a.outStart[k] = int32(len(a.outputs))
		a.outputs = append(a.outputs, out[byID[k]]...)
	}
	a.outStart[states] = int32(len(a.outputs))
	a.delta = delta
	a.start = id[0] * int32(n)
	return a
}

// appendMatches appends every occurrence of every pattern in text to dst,
// overlapping ones included, in order of their end.
func (a *automaton) appendMatches(dst []match, text []byte) []match {
	n := int32(a.nclass)
	delta, class, limit := a.delta, &a.class, a.outLimit
	s := a.start
	for i, b := range text {
		s = delta[s+int32(class[b])]
		if s < limit {
			st := s / n
			for _, p := range a.outputs[a.outStart[st]:a.outStart[st+1]] {
				dst = append(dst, match{pat: p, end: int32(i + 1)})
			}
		}
	}
	return dst
}
