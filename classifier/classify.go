package classifier

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"kouryu/internal/event"
)

// Result is the outcome of classifying one event: exactly one valid label,
// its score (the sum of the weights of the phrases that counted for it; 0 when
// no rule applied and the fallback was taken) and the reasons, one line per
// deciding rule, naming the rule, the field and the words.
type Result struct {
	Label   event.Label `json:"label"`
	Score   float64     `json:"score"`
	Reasons []string    `json:"reasons"`
}

// noRule ends the reason of an event no rule applied to (Explain looks for it).
const noRule = event.NoRuleReason

// hit is one counted occurrence of a pattern in a field. skip has bit i set
// when the pattern's use i does not count here (a not_after word precedes,
// a not_before word follows).
type hit struct {
	pat   int32
	field int8
	start int32
	end   int32
	skip  uint64
}

type scratch struct {
	norm    [nFields][]byte // each field normalised (evidence reads it again)
	matches []match
	marks   []wordMark
	hits    []hit
	gfield  []uint8 // per group: bit set of fields with a counted hit
	gunless []bool
	gwords  [][][]byte // per group with at_most: the words its hits follow
	against []namedWeight
}

// namedWeight is the strongest weight against a label of the groups of one
// name that counted.
type namedWeight struct {
	label int
	name  string
	w     float64
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Classify labels e. It never fails: an event no rule applies to gets the
// fallback label (other) with a reason saying so.
func (r *Rules) Classify(e *event.Event) Result {
	sc := scratchPool.Get().(*scratch)
	fields := [nFields]string{fTitle: e.Title, fDescription: e.Description, fOrganizer: e.Organizer, fVenue: e.Venue}
	r.scan(sc, &fields)
	res := r.decide(sc)
	// Keep ordinary buffers for the next event, not those a huge page grew.
	if cap(sc.hits) <= 1<<16 && cap(sc.norm[fDescription]) <= 1<<20 {
		scratchPool.Put(sc)
	}
	return res
}

// Apply classifies e and records the result on it with the rules' version.
func (r *Rules) Apply(e *event.Event) {
	res := r.Classify(e)
	e.Label = res.Label
	e.Score = res.Score
	e.Reasons = res.Reasons
	e.RulesVersion = r.version
}

// scan normalises each field and collects the hits of every pattern in it,
// dropping those a not_in phrase of their group covers.
func (r *Rules) scan(sc *scratch, fields *[nFields]string) {
	sc.hits = sc.hits[:0]
	for f, text := range fields {
		sc.norm[f] = sc.norm[f][:0]
		if text == "" || !r.used[f] {
			continue
		}
		sc.norm[f] = appendNormalized(sc.norm[f], text)
		sc.matches = r.ac.appendMatches(sc.matches[:0], sc.norm[f])
		sc.hits, sc.marks = r.appendHits(sc.hits, sc.marks, int8(f), sc.norm[f], sc.matches)
	}
}

// wordMark is where a word of some negated_by or preceded_by lists lies in a
// field.
type wordMark struct {
	start, end int32
	sets       uint64 // pattern.inLists
}

// appendHits appends to dst the hits of the matches found in buf, field f,
// with the uses their context rules out (skipContext). marks is scratch
// space for the negated_by and preceded_by words among the matches.
func (r *Rules) appendHits(dst []hit, marks []wordMark, f int8, buf []byte, matches []match) ([]hit, []wordMark) {
	marks = marks[:0]
	for _, m := range matches {
		if sets := r.patterns[m.pat].inLists; sets != 0 {
			marks = append(marks, wordMark{m.end - r.ac.plen[m.pat], m.end, sets})
		}
	}
	for _, m := range matches {
		p := &r.patterns[m.pat]
		if len(p.uses) == 0 {
			continue // only a negated_by or preceded_by word
		}
		h := hit{pat: m.pat, field: f, start: m.end - r.ac.plen[m.pat], end: m.end}
		if p.context {
			h.skip = r.skipContext(m.pat, buf, h.start, h.end, marks)
		}
		dst = append(dst, h)
	}
	return dst, marks
}

// skipContext returns the bits of the uses of pattern p, found at
// buf[start:end], whose group does not count it there: a not_after word
// ends before it, the group has after words and none ends it, a not_before
// word starts after it, or a negated_by word (marks) follows it in its
// sentence or a preceded_by word closely precedes it.
func (r *Rules) skipContext(p int32, buf []byte, start, end int32, marks []wordMark) uint64 {
	before, after := buf[:start], buf[end:]
	var skip uint64
	// Groups of one family share their word sets: check each set once.
	type seen struct {
		set *wordSet
		ok  bool
	}
	var memo [4]seen
	nmemo := 0
	ends := func(set *wordSet) bool {
		for _, m := range memo[:nmemo] {
			if m.set == set {
				return m.ok
			}
		}
		_, ok := set.endOf(before)
		if nmemo < len(memo) {
			memo[nmemo] = seen{set, ok}
			nmemo++
		}
		return ok
	}
	// Each negated_by and preceded_by list is looked for once on each side
	// (index 0 after the hit, 1 before it).
	var checked, near [2]uint64
	marked := func(list uint8, before int) bool {
		if list == 0 {
			return false
		}
		bit := uint64(1) << (list - 1)
		if checked[before]&bit == 0 {
			checked[before] |= bit
			if markNear(bit, buf, start, end, marks, before == 1) {
				near[before] |= bit
			}
		}
		return near[before]&bit != 0
	}
	for i, u := range r.patterns[p].uses {
		if u.role != roleMatch && u.role != roleUnless {
			continue
		}
		g := &r.groups[u.group]
		if marked(g.negatedBy, 0) || marked(g.precededBy, 1) {
			skip |= 1 << i
			continue
		}
		if u.role != roleMatch {
			continue
		}
		if !g.notAfter.empty() && ends(g.notAfter) {
			skip |= 1 << i
		} else if !g.after.empty() && !ends(g.after) {
			skip |= 1 << i
		} else if _, ok := g.notBefore.startOf(after); ok {
			skip |= 1 << i
		}
	}
	return skip
}

// negationRunes is how far after a hit a negated_by word may start: about a
// clause (同業者（税理士・会計事務所）の方のお申込みはご遠慮ください).
const negationRunes = 30

// precededRunes is how far before a hit a preceded_by word may end: a
// place's or a body's short name (後援：浪花東商工会議所).
const precededRunes = 15

// markNear reports whether a word of the negated_by or preceded_by list bit
// (marks) lies next to a hit at buf[start:end], in its clause: starting
// fewer than negationRunes runes after it with no sentence end between, or,
// with before, ending fewer than precededRunes runes before it with no
// colon, space or sentence end between but the colon or space right after
// the word (後援：浪花東商工会議所, not 後援：大阪市 主催：浪花東商工会議所).
func markNear(bit uint64, buf []byte, start, end int32, marks []wordMark, before bool) bool {
	for _, n := range marks {
		if n.sets&bit == 0 {
			continue
		}
		if before && n.end <= start && inClause(buf[n.end:start], precededRunes, true) ||
			!before && n.start >= end && inClause(buf[end:n.start], negationRunes, false) {
			return true
		}
	}
	return false
}

// inClause reports whether text is shorter than limit runes and ends no
// sentence. Line breaks are gone after normalisation, so the marks that
// begin a note or a heading (※, ■, ●, 【) end a sentence as 。, ! and ? do;
// with separators, so do 】 and a colon, a space, a slash or a bar but one
// right at the start (後援：…; the full-width ones are half-width after
// normalisation).
func inClause(text []byte, limit int, separators bool) bool {
	n := 0
	for i := 0; i < len(text); n++ {
		if n >= limit {
			return false
		}
		c, size := utf8.DecodeRune(text[i:])
		switch c {
		case '。', '!', '?', '※', '■', '□', '●', '○', '◆', '◇', '★', '☆', '【':
			return false
		case ':', ' ', '/', '|', '】':
			if separators && (n > 0 || c == '】') {
				return false
			}
		}
		i += size
	}
	return n < limit
}

// covered reports whether a not_in phrase of group g spans hits[i] in the
// same field: then that hit does not count for g. Hits of a field are in the
// order of their end, so a covering one lies within maxLen bytes after it (or
// ends at the same byte, just before it): the search stays local, and a long
// text with many hits costs linear time, not quadratic.
func (r *Rules) covered(hits []hit, i int, g int32) bool {
	h := hits[i]
	covers := func(o hit) bool {
		if o.start > h.start || o.end < h.end || o.pat == h.pat {
			return false
		}
		for _, v := range r.patterns[o.pat].uses {
			if v.group == g && v.role == roleNotIn {
				return true
			}
		}
		return false
	}
	for j := i - 1; j >= 0 && hits[j].field == h.field && hits[j].end == h.end; j-- {
		if covers(hits[j]) {
			return true
		}
	}
	for j := i + 1; j < len(hits) && hits[j].field == h.field && hits[j].end-h.end <= r.maxLen; j++ {
		if covers(hits[j]) {
			return true
		}
	}
	return false
}

// spanned reports whether another pattern's hit spans hits[i] in the same
// field, searching where covered does.
func (r *Rules) spanned(hits []hit, i int) bool {
	h := hits[i]
	spans := func(o hit) bool { return o.start <= h.start && o.end >= h.end && o.pat != h.pat }
	for j := i - 1; j >= 0 && hits[j].field == h.field && hits[j].end == h.end; j-- {
		if spans(hits[j]) {
			return true
		}
	}
	for j := i + 1; j < len(hits) && hits[j].field == h.field && hits[j].end-h.end <= r.maxLen; j++ {
		if spans(hits[j]) {
			return true
		}
	}
	return false
}

func (r *Rules) decide(sc *scratch) Result {
	ng := len(r.groups)
	if cap(sc.gfield) < ng {
		sc.gfield = make([]uint8, ng)
		sc.gunless = make([]bool, ng)
		sc.gwords = make([][][]byte, ng)
	}
	gfield, gunless := sc.gfield[:ng], sc.gunless[:ng]
	clear(gfield)
	clear(gunless)
	for _, f := range r.families {
		sc.gwords[f] = sc.gwords[f][:0]
	}
	for i, h := range sc.hits {
		p := &r.patterns[h.pat]
		// Whether any other hit spans this one: only then can a not_in
		// phrase of some group cover it (0 unknown, 1 no, 2 yes).
		spanned := 0
		for ui, u := range p.uses {
			switch u.role {
			case roleMatch:
				g := &r.groups[u.group]
				if !g.inField[h.field] || h.skip&(1<<ui) != 0 || (g.atMost == 0 && gfield[u.group]&(1<<h.field) != 0) {
					continue // no use here, or nothing more to learn from it
				}
				if p.masked && spanned == 0 {
					spanned = 1
					if r.spanned(sc.hits, i) {
						spanned = 2
					}
				}
				if !(spanned == 2 && r.covered(sc.hits, i, u.group)) {
					gfield[u.group] |= 1 << h.field
					if g.atMost > 0 {
						r.noteWord(sc, g.family, h)
					}
				}
			case roleUnless:
				if h.skip&(1<<ui) != 0 {
					continue // negated: 商談会は実施しておりません
				}
				// An unless phrase inside one of the group's not_in
				// phrases does not count either: 懇親会 inside 懇親会なし.
				if r.groups[u.group].notIn && r.spanned(sc.hits, i) && r.covered(sc.hits, i, u.group) {
					continue
				}
				gunless[u.group] = true
			}
		}
	}
	// A group with at_most does not count when the hits of its family
	// (the groups of its label and name) follow more different words.
	for gi := range r.groups {
		if g := &r.groups[gi]; g.atMost > 0 && len(sc.gwords[g.family]) > g.atMost {
			gunless[gi] = true
		}
	}
	var score [8]float64
	var parts [8]uint64
	var ruledOut [8]bool
	// A weight against a label, said by several groups of one name (a
	// trade's word, its ending, a phrase naming it: 一つの業種向け), is one
	// reason: the strongest counts, not their sum.
	against := sc.against[:0]
	for gi := range r.groups {
		if gfield[gi] == 0 || gunless[gi] {
			continue
		}
		g := &r.groups[gi]
		if g.ruleOut {
			ruledOut[g.label] = true
			continue
		}
		w := g.contribution(gfield[gi])
		parts[g.label] |= g.parts
		if w < 0 && g.name != "" {
			seen := false
			for k := range against {
				if a := &against[k]; a.label == g.label && a.name == g.name {
					a.w = min(a.w, w)
					seen = true
				}
			}
			if !seen {
				against = append(against, namedWeight{label: g.label, name: g.name, w: w})
			}
			continue
		}
		score[g.label] += w
	}
	for _, a := range against {
		score[a.label] += a.w
	}
	sc.against = against
	var reasons []string
	for li, lr := range r.labels {
		// A label without rules (threshold 0: only the fallback may be so)
		// is never reached by score.
		if lr.threshold <= 0 || score[li] < lr.threshold || parts[li]&lr.needs != lr.needs {
			continue
		}
		if ruledOut[li] {
			reasons = append(reasons, r.ruledOutReason(sc, li, gfield))
			continue
		}
		reasons = append(reasons, r.reasons(sc, li, gfield, gunless)...)
		return Result{Label: lr.label, Score: round(score[li]), Reasons: reasons}
	}
	reasons = append(reasons, string(r.fallback)+" ← "+noRule)
	return Result{Label: r.fallback, Reasons: reasons}
}

// wordRunes is how much of the text before a hit tells one trade from
// another for at_most: 運送屋さん and 印刷屋さん, 建設業の方 and 建設業の皆.
const wordRunes = 3

// noteWord notes the word hit h follows (the last wordRunes runes before
// it) among those of family f, once.
func (r *Rules) noteWord(sc *scratch, f int32, h hit) {
	word := lastRunes(sc.norm[h.field][:h.start], wordRunes)
	for _, w := range sc.gwords[f] {
		if bytes.Equal(w, word) {
			return
		}
	}
	sc.gwords[f] = append(sc.gwords[f], word)
}

// lastRunes returns the last n runes of text (all of it when shorter).
func lastRunes(text []byte, n int) []byte {
	start := len(text)
	for ; n > 0 && start > 0; n-- {
		_, size := utf8.DecodeLastRune(text[:start])
		start -= size
	}
	return text[start:]
}

// contribution is the group's weight in the field where it weighs most (for a
// negative group, least): a phrase found in title and organizer counts once.
func (g *group) contribution(fields uint8) float64 {
	best := 0.0
	for f := range nFields {
		if fields&(1<<f) != 0 && math.Abs(g.weight[f]) > math.Abs(best) {
			best = g.weight[f]
		}
	}
	return best
}

func round(x float64) float64 { return math.Round(x*100) / 100 }

// reasons explains label li: one line per group that counted for it.
func (r *Rules) reasons(sc *scratch, li int, gfield []uint8, gunless []bool) []string {
	lr := r.labels[li]
	var out []string
	// The groups of one name that weigh against the label count once, the
	// strongest (decide): it shows its weight, the others 0.
	var shown []string
	for gi := range r.groups {
		g := &r.groups[gi]
		if g.label != li || g.ruleOut || gfield[gi] == 0 || gunless[gi] {
			continue
		}
		// Built by hand rather than with fmt: reasons are made for every
		// event, and this is a visible part of the time Classify takes.
		var b strings.Builder
		b.Grow(96)
		b.WriteString(string(lr.label))
		b.WriteString(" ← ")
		r.evidence(&b, sc, gi, gfield[gi])
		b.WriteString(" (rule ")
		b.WriteString(strconv.Itoa(lr.rule))
		if g.name != "" {
			b.WriteString(", ")
			b.WriteString(g.name)
		}
		b.WriteString(", ")
		w := g.contribution(gfield[gi])
		once := false
		if w < 0 && g.name != "" {
			for _, a := range sc.against {
				if a.label == li && a.name == g.name && (w != a.w || slices.Contains(shown, g.name)) {
					once = true
				}
			}
			if !once {
				shown = append(shown, g.name)
			}
		}
		switch {
		case once:
			b.WriteString("0, counted once by its name")
		case w >= 0:
			b.WriteByte('+')
			fallthrough
		default:
			b.WriteString(strconv.FormatFloat(w, 'g', -1, 64))
		}
		b.WriteByte(')')
		out = append(out, b.String())
	}
	return out
}

func (r *Rules) ruledOutReason(sc *scratch, li int, gfield []uint8) string {
	lr := r.labels[li]
	var ev []string
	for gi := range r.groups {
		if g := &r.groups[gi]; g.label == li && g.ruleOut && gfield[gi] != 0 {
			var b strings.Builder
			r.evidence(&b, sc, gi, gfield[gi])
			ev = append(ev, b.String())
		}
	}
	return fmt.Sprintf("%s ruled out ← %s (rule %d)", lr.label, strings.Join(ev, ", "), lr.rule)
}

// evidence names the fields and words of group gi's hits:
// organizer「倫理法人会」, title「交流会」「懇親会」.
func (r *Rules) evidence(b *strings.Builder, sc *scratch, gi int, fields uint8) {
	first := true
	for f := range nFields {
		if fields&(1<<f) == 0 {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(fieldNames[f])
		var seen []int32
		for i, h := range sc.hits {
			if int(h.field) != f {
				continue
			}
			p := &r.patterns[h.pat]
			for ui, u := range p.uses {
				if int(u.group) == gi && u.role == roleMatch && !containsPat(seen, h.pat) && h.skip&(1<<ui) == 0 &&
					!(p.masked && r.covered(sc.hits, i, u.group)) {
					seen = append(seen, h.pat)
					b.WriteString("「")
					// A phrase that counts only after a word is quoted with
					// it: 「税理士の会」, not 「の会」; after a short word
					// (師, 屋), with the runes that tell the trade:
					// 「美容師さん」, not 「師さん」.
					if g := &r.groups[gi]; !g.after.empty() {
						before := sc.norm[f][:h.start]
						w, _ := g.after.endOf(before)
						if utf8.RuneCountInString(w) < wordRunes {
							w = string(lastRunes(before, wordRunes))
						}
						b.WriteString(w)
					}
					b.WriteString(r.patterns[h.pat].display)
					b.WriteString("」")
				}
			}
		}
	}
}

func containsPat(s []int32, p int32) bool {
	for _, q := range s {
		if q == p {
			return true
		}
	}
	return false
}
