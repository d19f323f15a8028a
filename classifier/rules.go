package classifier

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"kouryu/internal/event"
)

//go:embed rules.yaml
var defaultRules []byte

// fieldNames are the parts of an event the rules look in, as rules.yaml and
// the reasons name them.
var fieldNames = [nFields]string{"title", "description", "organizer", "venue"}

const (
	fTitle = iota
	fDescription
	fOrganizer
	fVenue
	nFields
)

// Rules is a compiled set of rules: one automaton over every phrase, and per
// label its phrase groups, threshold and the parts it needs. A Rules is
// immutable and safe for concurrent use. The zero value is not usable: get
// one from Parse, LoadFile or Default.
type Rules struct {
	version  string
	order    []event.Label // the labels in the order of docs/labels.md; the first that applies wins
	fallback event.Label
	labels   []labelRule // indexed like order
	groups   []group
	patterns []pattern
	families []int32 // the groups that head an at_most family
	ac       *automaton
	used     [nFields]bool // fields some group looks in; the others are not scanned
	maxLen   int32         // the longest phrase, in bytes
}

type labelRule struct {
	label     event.Label
	rule      int
	threshold float64
	needs     uint64 // bit set of parts
}

// group is one list of phrases of the file: under a label's phrases or
// rule_out, or an organisation.
type group struct {
	label     int // index into Rules.labels
	name      string
	ruleOut   bool
	weight    [nFields]float64
	inField   [nFields]bool
	parts     uint64
	notAfter  *wordSet // a hit right after one of these does not count
	after     *wordSet // when not empty, the only words a hit may follow to count
	notBefore *wordSet // a hit right before one of these does not count (a forward set)
	// negatedBy, when > 0, is 1 + the bit of the group's negated_by words
	// among the patterns' inLists: a hit (match or unless) that one of
	// them follows in its sentence does not count.
	negatedBy uint8
	// precededBy, when > 0, is 1 + the bit of the group's preceded_by
	// words: a hit (match or unless) that one of them closely precedes in
	// its clause does not count.
	precededBy uint8
	notIn      bool // the group has not_in phrases: they mask its match and unless hits
	// atMost, when > 0, is how many different words the hits of the
	// group's family may follow; beyond it the group does not count
	// (several trades named say the people are of many). The family is the
	// groups of one label that share a name and have at_most (業種の人々
	// after the endings of trades and after their words): family is the
	// index of its first group.
	atMost int
	family int32
}

// wordSet is a set of normalised words, each kept with the form written in
// the file (for the reasons), that tells which of them a text ends with. The
// words are held in a trie of their bytes read backwards, so a hit is
// checked by walking back from where it starts, a few bytes as a rule,
// however many words the set holds: marker words (の方, さん) are hit often
// and a family may hold hundreds of words. Groups that use the same list
// share one set (see compile), so a hit checks it once.
type wordSet struct {
	nodes   []wordNode // nodes[0] is the root
	written []string   // the words as written in the file
	// forward sets are read from a word's first byte (startOf); the others
	// from its last (endOf).
	forward bool
}

type wordNode struct {
	next []wordEdge
	// dense, for a node with many edges (the root: every last byte of a
	// word), is next as a table by byte (0: no edge, else node+1).
	dense *[256]int32
	word  int32 // index into written of the word ending here, or -1
}

// denseEdges is how many edges make a node worth a table.
const denseEdges = 8

type wordEdge struct {
	b    byte
	node int32
}

func (w *wordSet) empty() bool { return w == nil || len(w.written) == 0 }

func (w *wordSet) add(normalised, written string) {
	if len(w.nodes) == 0 {
		w.nodes = append(w.nodes, wordNode{word: -1})
	}
	n := int32(0)
	for j := range len(normalised) {
		i := len(normalised) - 1 - j
		if w.forward {
			i = j
		}
		c := normalised[i]
		child := int32(-1)
		for _, e := range w.nodes[n].next {
			if e.b == c {
				child = e.node
				break
			}
		}
		if child < 0 {
			child = int32(len(w.nodes))
			w.nodes = append(w.nodes, wordNode{word: -1})
			w.nodes[n].next = append(w.nodes[n].next, wordEdge{b: c, node: child})
		}
		n = child
	}
	if w.nodes[n].word < 0 {
		w.nodes[n].word = int32(len(w.written))
		w.written = append(w.written, written)
	}
	for i := range w.nodes {
		if nd := &w.nodes[i]; len(nd.next) > denseEdges {
			if nd.dense == nil {
				nd.dense = new([256]int32)
			}
			for _, e := range nd.next {
				nd.dense[e.b] = e.node + 1
			}
		}
	}
}

// endOf returns the longest word of w that text ends with, as written in
// the file, or "" and false when none does. w is not a forward set.
func (w *wordSet) endOf(text []byte) (string, bool) {
	return w.longest(text)
}

// startOf returns the longest word of the forward set w that text starts
// with, as written in the file, or "" and false when none does.
func (w *wordSet) startOf(text []byte) (string, bool) {
	return w.longest(text)
}

// longest walks text from its end (from its start for a forward set) down
// the set's words.
func (w *wordSet) longest(text []byte) (string, bool) {
	if w.empty() {
		return "", false
	}
	found := int32(-1)
	n := int32(0)
	for j := range len(text) {
		i := len(text) - 1 - j
		if w.forward {
			i = j
		}
		next := int32(-1)
		if nd := &w.nodes[n]; nd.dense != nil {
			next = nd.dense[text[i]] - 1
		} else {
			for _, e := range nd.next {
				if e.b == text[i] {
					next = e.node
					break
				}
			}
		}
		if next < 0 {
			break
		}
		n = next
		if w.nodes[n].word >= 0 {
			found = w.nodes[n].word
		}
	}
	if found < 0 {
		return "", false
	}
	return w.written[found], true
}

// key identifies the set's content, so that groups using the same list can
// share one set.
func (w *wordSet) key() string {
	ws := slices.Clone(w.written)
	slices.Sort(ws)
	if w.forward {
		ws = append(ws, "\x01forward")
	}
	return strings.Join(ws, "\x00")
}

type role uint8

const (
	roleMatch  role = iota // a hit counts for the group
	roleNotIn              // a hit of the group lying inside this one does not count
	roleUnless             // the group does not count when this appears in any field
)

type use struct {
	group int32
	role  role
}

type pattern struct {
	text    string // normalised
	display string // as first written in the file
	uses    []use
	masked  bool // some group has this as a roleMatch phrase and a not_in list
	context bool // some group has this as a roleMatch phrase and a not_after, after or not_before list, or as a roleMatch or roleUnless phrase and a negated_by or preceded_by list
	// inLists is the bit set of the negated_by and preceded_by lists this
	// is a word of: the automaton finds them with the phrases, so a hit's
	// clause is never read again to look for them.
	inLists uint64
}

// maxWordLists bounds the different negated_by and preceded_by lists (a bit
// each in pattern.inLists).
const maxWordLists = 64

// maxUsesAfter bounds the uses of a pattern some not_after, after,
// not_before, negated_by or preceded_by group has: a hit keeps one bit per use
// (hit.skip).
const maxUsesAfter = 64

// The file format. See rules.yaml for what each key means.
type fileRules struct {
	Order    []string `yaml:"order" json:"order"`
	Fallback string   `yaml:"fallback" json:"fallback"`
	// Lists are families of words written once, with an anchor, for the
	// groups to use by alias (*trades); they count only where a group uses
	// them, so they are not part of the rules' version.
	Lists         map[string]phraseList `yaml:"lists" json:"-"`
	Labels        map[string]fileLabel  `yaml:"labels" json:"labels"`
	Organisations []fileGroup           `yaml:"organisations" json:"organisations"`
}

type fileLabel struct {
	Rule      int         `yaml:"rule" json:"rule"`
	Threshold float64     `yaml:"threshold" json:"threshold"`
	Needs     []string    `yaml:"needs" json:"needs,omitempty"`
	Phrases   []fileGroup `yaml:"phrases" json:"phrases"`
	RuleOut   []fileGroup `yaml:"rule_out" json:"rule_out,omitempty"`
}

type fileGroup struct {
	Name   string     `yaml:"name" json:"name,omitempty"`
	Label  string     `yaml:"label" json:"label,omitempty"`
	Match  phraseList `yaml:"match" json:"match"`
	In     fieldSpec  `yaml:"in" json:"in"`
	Weight *float64   `yaml:"weight" json:"weight,omitempty"`
	Parts  []string   `yaml:"parts" json:"parts,omitempty"`
	NotIn  phraseList `yaml:"not_in" json:"not_in,omitempty"`
	// NotAfter: a hit right after one of these words does not count
	// (業の方 after 事 is 事業の方, which names no trade).
	NotAfter phraseList `yaml:"not_after" json:"not_after,omitempty"`
	// After: a hit counts only right after one of these words (の会 after
	// 税理士: a trade's word, then a word that makes its people the
	// participants).
	After phraseList `yaml:"after" json:"after,omitempty"`
	// NotBefore: a hit right before one of these words does not count
	// (大阪府 before 中小企業診断協会 names that body, not the prefecture).
	NotBefore phraseList `yaml:"not_before" json:"not_before,omitempty"`
	// NegatedBy: a hit of a match or unless phrase that one of these words
	// follows in its sentence, within negationRunes runes, does not count
	// (同業 in 同業の方のお申込みはご遠慮ください, 商談会 in 商談会は実施
	// しておりません): the text says the thing is not there.
	NegatedBy phraseList `yaml:"negated_by" json:"negated_by,omitempty"`
	// PrecededBy: a hit of a match or unless phrase that one of these words
	// precedes closely, within precededRunes runes and with no colon, space
	// or sentence end between, does not count (商工会議所 in 後援：浪花東
	// 商工会議所): the text says the thing is only lent.
	PrecededBy phraseList `yaml:"preceded_by" json:"preceded_by,omitempty"`
	// AtMost: the group does not count when its hits follow more than this
	// many different words (運送屋さん, 印刷屋さん, 電気屋さん: several
	// trades named, so the people are of many trades). 0: no limit.
	AtMost int        `yaml:"at_most" json:"at_most,omitempty"`
	Unless phraseList `yaml:"unless" json:"unless,omitempty"`
}

// phraseList is a list of phrases in which an item may itself be a list (a
// YAML alias of a list written once, such as *trades), read flat.
type phraseList []string

func (l *phraseList) UnmarshalYAML(n *yaml.Node) error {
	var walk func(n *yaml.Node, depth int) error
	walk = func(n *yaml.Node, depth int) error {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch {
		case n.Kind == yaml.ScalarNode:
			*l = append(*l, n.Value)
		case n.Kind == yaml.SequenceNode && depth < 4:
			for _, c := range n.Content {
				if err := walk(c, depth+1); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("line %d: want a phrase or a list of phrases", n.Line)
		}
		return nil
	}
	return walk(n, 0)
}

// fieldSpec is either a list of fields (each gets the group's weight) or a
// map from field to its own weight.
type fieldSpec struct {
	List    []string           `json:"list,omitempty"`
	Weights map[string]float64 `json:"weights,omitempty"`
}

func (f *fieldSpec) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.SequenceNode:
		return n.Decode(&f.List)
	case yaml.MappingNode:
		return n.Decode(&f.Weights)
	case yaml.ScalarNode:
		f.List = []string{n.Value}
		return nil
	}
	return fmt.Errorf("line %d: in: want a list of fields or a map field: weight", n.Line)
}

// Parse reads rules from YAML and compiles them. The error names every fault
// it found, each with the label, group and key it concerns.
func Parse(data []byte) (*Rules, error) {
	var f fileRules
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("parse rules: the file is empty")
		}
		return nil, fmt.Errorf("parse rules: %w", err)
	}
	return compile(&f)
}

// LoadFile reads and compiles the rules file at path.
func LoadFile(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	r, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("load rules %s: %w", path, err)
	}
	return r, nil
}

// Default returns the rules embedded in the binary. It panics only if the
// embedded rules.yaml is broken, which a test rules out.
func Default() *Rules {
	r, err := Parse(defaultRules)
	if err != nil {
		panic("classifier: embedded rules.yaml: " + err.Error())
	}
	return r
}

// Version is a short hash of the rules' content (not of comments or layout):
// rules that label alike have the same version. It is set on every event as
// rules_version.
func (r *Rules) Version() string { return r.version }

// Order returns the labels in the order rules are tried.
func (r *Rules) Order() []event.Label { return slices.Clone(r.order) }

type faults []string

func (f *faults) add(format string, args ...any) { *f = append(*f, fmt.Sprintf(format, args...)) }

func compile(f *fileRules) (*Rules, error) {
	var errs faults
	r := &Rules{}
	labelIndex := map[event.Label]int{}
	for i, s := range f.Order {
		l, err := event.ParseLabel(s)
		if err != nil {
			errs.add("order[%d]: %v", i, err)
			continue
		}
		if _, dup := labelIndex[l]; dup {
			errs.add("order[%d]: label %q appears twice", i, s)
			continue
		}
		labelIndex[l] = len(r.order)
		r.order = append(r.order, l)
	}
	for _, l := range event.Labels {
		if _, ok := labelIndex[l]; !ok {
			errs.add("order: label %q is missing (every label must have a place)", l)
		}
	}
	fb, err := event.ParseLabel(f.Fallback)
	if err != nil {
		errs.add("fallback: %v", err)
	}
	r.fallback = fb

	r.labels = make([]labelRule, len(r.order))
	for i, l := range r.order {
		r.labels[i].label = l
	}
	names := make([]string, 0, len(f.Labels))
	for name := range f.Labels {
		names = append(names, name)
	}
	sort.Strings(names)

	patIndex := map[string]int32{}
	// The different negated_by and preceded_by lists, each its words
	// normalised (as written): groups that write the same list share its
	// bit.
	type writtenWord struct{ norm, written string }
	var wordLists [][]writtenWord
	wordListOf := map[string]int{}
	var addOne func(where, phrase string, g int, ro role)
	addPattern := func(where, phrase string, g int, ro role) {
		expanded, err := expandPhrase(phrase)
		if err != nil {
			errs.add("%s: phrase %q: %v", where, phrase, err)
			return
		}
		for _, one := range expanded {
			addOne(where, one, g, ro)
		}
	}
	addOne = func(where, phrase string, g int, ro role) {
		n := normalizePhrase(phrase)
		if n == "" {
			errs.add("%s: phrase %q is empty after normalisation", where, phrase)
			return
		}
		p, ok := patIndex[n]
		if !ok {
			p = int32(len(r.patterns))
			patIndex[n] = p
			r.patterns = append(r.patterns, pattern{text: n, display: phrase})
		}
		r.patterns[p].uses = append(r.patterns[p].uses, use{group: int32(g), role: ro})
	}
	partBits := map[string]uint64{}
	partBit := func(where, name string) uint64 {
		if b, ok := partBits[name]; ok {
			return b
		}
		if len(partBits) == 64 {
			errs.add("%s: more than 64 parts", where)
			return 0
		}
		b := uint64(1) << len(partBits)
		partBits[name] = b
		return b
	}
	provided := uint64(0)
	wordSets := map[string]*wordSet{}
	addGroup := func(where string, li int, fg fileGroup, ruleOut bool) {
		g := group{label: li, name: fg.Name, ruleOut: ruleOut}
		if len(fg.Match) == 0 {
			errs.add("%s: match: no phrases", where)
		}
		w := 1.0
		if fg.Weight != nil {
			w = *fg.Weight
		}
		switch {
		case len(fg.In.List) == 0 && len(fg.In.Weights) == 0:
			errs.add("%s: in: no fields (want some of %s)", where, strings.Join(fieldNames[:], ", "))
		case len(fg.In.Weights) > 0 && fg.Weight != nil:
			errs.add("%s: weight: give either weight with a list of fields or a weight per field, not both", where)
		}
		set := func(field string, w float64) {
			fi := slices.Index(fieldNames[:], field)
			if fi < 0 {
				errs.add("%s: in: unknown field %q (want one of %s)", where, field, strings.Join(fieldNames[:], ", "))
				return
			}
			if !ruleOut && w == 0 {
				errs.add("%s: in: %s: weight 0 does nothing", where, field)
			}
			g.inField[fi] = true
			g.weight[fi] = w
			r.used[fi] = true
		}
		for _, field := range fg.In.List {
			set(field, w)
		}
		fieldNames := make([]string, 0, len(fg.In.Weights))
		for field := range fg.In.Weights {
			fieldNames = append(fieldNames, field)
		}
		sort.Strings(fieldNames)
		for _, field := range fieldNames {
			set(field, fg.In.Weights[field])
		}
		for _, p := range fg.Parts {
			g.parts |= partBit(where, p)
		}
		// expandWords expands and normalises the words of key, each with
		// the form it was written in.
		expandWords := func(key string, words phraseList) []writtenWord {
			var out []writtenWord
			for _, w := range words {
				expanded, err := expandPhrase(w)
				if err != nil {
					errs.add("%s: %s: %q: %v", where, key, w, err)
					continue
				}
				for _, one := range expanded {
					if n := normalizePhrase(one); n == "" {
						errs.add("%s: %s: %q is empty after normalisation", where, key, one)
					} else {
						out = append(out, writtenWord{n, one})
					}
				}
			}
			return out
		}
		addWords := func(key string, set **wordSet, words phraseList, forward bool) {
			if len(words) == 0 {
				return
			}
			ws := &wordSet{forward: forward}
			for _, w := range expandWords(key, words) {
				ws.add(w.norm, w.written)
			}
			k := ws.key()
			if shared, ok := wordSets[k]; ok {
				ws = shared
			} else {
				wordSets[k] = ws
			}
			*set = ws
		}
		addWords("not_after", &g.notAfter, fg.NotAfter, false)
		addWords("after", &g.after, fg.After, false)
		addWords("not_before", &g.notBefore, fg.NotBefore, true)
		// negated_by and preceded_by lists share one pool of bits: a list
		// is its words, whichever side of a hit they are looked for.
		wordList := func(key string, words phraseList) uint8 {
			if len(words) == 0 {
				return 0
			}
			list := expandWords(key, words)
			keys := make([]string, len(list))
			for i, w := range list {
				keys[i] = w.norm
			}
			sort.Strings(keys)
			k := strings.Join(keys, "\x00")
			i, ok := wordListOf[k]
			if !ok {
				i = len(wordLists)
				wordListOf[k] = i
				wordLists = append(wordLists, list)
			}
			if i >= maxWordLists {
				errs.add("%s: %s: more than %d different negated_by and preceded_by lists", where, key, maxWordLists)
				return 0
			}
			return uint8(i + 1)
		}
		g.negatedBy = wordList("negated_by", fg.NegatedBy)
		g.precededBy = wordList("preceded_by", fg.PrecededBy)
		if fg.AtMost < 0 {
			errs.add("%s: at_most: want 0 (no limit) or more, got %d", where, fg.AtMost)
		}
		g.atMost = fg.AtMost
		g.family = int32(len(r.groups))
		if g.atMost > 0 && g.name != "" {
			for fi := range r.groups {
				if o := &r.groups[fi]; o.atMost > 0 && o.label == g.label && o.name == g.name && !o.ruleOut {
					g.family = int32(fi)
					break
				}
			}
			if g.family == int32(len(r.groups)) {
				r.families = append(r.families, g.family)
			}
		} else if g.atMost > 0 {
			r.families = append(r.families, g.family)
		}
		if !ruleOut {
			provided |= g.parts
		}
		gi := len(r.groups)
		r.groups = append(r.groups, g)
		for _, p := range fg.Match {
			addPattern(where+": match", p, gi, roleMatch)
		}
		for _, p := range fg.NotIn {
			addPattern(where+": not_in", p, gi, roleNotIn)
		}
		for _, p := range fg.Unless {
			addPattern(where+": unless", p, gi, roleUnless)
		}
	}

	for _, name := range names {
		fl := f.Labels[name]
		l, err := event.ParseLabel(name)
		if err != nil {
			errs.add("labels: %v", err)
			continue
		}
		li, ok := labelIndex[l]
		if !ok {
			continue // already reported under order
		}
		lr := &r.labels[li]
		lr.rule = fl.Rule
		lr.threshold = fl.Threshold
		if fl.Rule <= 0 {
			errs.add("labels.%s: rule: want the number of the rule in docs/labels.md, got %d", name, fl.Rule)
		}
		if fl.Threshold <= 0 {
			errs.add("labels.%s: threshold: want > 0, got %v", name, fl.Threshold)
		}
		provided = 0
		for i, fg := range fl.Phrases {
			if fg.Label != "" {
				errs.add("labels.%s.phrases[%d]: label: only organisations name a label", name, i)
			}
			addGroup(fmt.Sprintf("labels.%s.phrases[%d]", name, i), li, fg, false)
		}
		for i, fg := range fl.RuleOut {
			if len(fg.Parts) > 0 || len(fg.NotIn) > 0 || len(fg.NotAfter) > 0 || len(fg.After) > 0 || len(fg.NotBefore) > 0 || len(fg.NegatedBy) > 0 || len(fg.PrecededBy) > 0 || fg.AtMost != 0 ||
				len(fg.Unless) > 0 {
				errs.add("labels.%s.rule_out[%d]: only match and in apply to rule_out", name, i)
			}
			addGroup(fmt.Sprintf("labels.%s.rule_out[%d]", name, i), li, fg, true)
		}
		for _, org := range f.Organisations {
			if org.Label == name {
				for _, p := range org.Parts {
					provided |= partBit("organisations", p)
				}
			}
		}
		for _, need := range fl.Needs {
			b := partBit("labels."+name+".needs", need)
			lr.needs |= b
			if provided&b == 0 {
				errs.add("labels.%s.needs: part %q is given by none of its phrases", name, need)
			}
		}
	}
	for _, l := range r.order {
		if _, ok := f.Labels[string(l)]; !ok && l != r.fallback {
			errs.add("labels: label %q has no rules (only the fallback may have none)", l)
		}
	}
	for i, org := range f.Organisations {
		where := fmt.Sprintf("organisations[%d]", i)
		if org.Name == "" {
			errs.add("%s: name: every organisation needs a name", where)
		} else {
			where = fmt.Sprintf("organisations[%d] (%s)", i, org.Name)
		}
		l, err := event.ParseLabel(org.Label)
		if err != nil {
			errs.add("%s: label: %v", where, err)
			continue
		}
		li, ok := labelIndex[l]
		if !ok {
			continue
		}
		addGroup(where, li, org, false)
	}
	for i, words := range wordLists {
		if i >= maxWordLists {
			break
		}
		for _, w := range words {
			p, ok := patIndex[w.norm]
			if !ok {
				p = int32(len(r.patterns))
				patIndex[w.norm] = p
				r.patterns = append(r.patterns, pattern{text: w.norm, display: w.written})
			}
			r.patterns[p].inLists |= 1 << i
		}
	}
	hasNotIn := map[int32]bool{}
	for _, p := range r.patterns {
		for _, u := range p.uses {
			if u.role == roleNotIn {
				hasNotIn[u.group] = true
			}
		}
	}
	for g := range hasNotIn {
		r.groups[g].notIn = true
	}
	for i := range r.patterns {
		p := &r.patterns[i]
		for _, u := range p.uses {
			if u.role == roleMatch && hasNotIn[u.group] {
				p.masked = true
			}
			if g := &r.groups[u.group]; u.role == roleMatch && (!g.notAfter.empty() || !g.after.empty() || !g.notBefore.empty()) ||
				(u.role == roleMatch || u.role == roleUnless) && (g.negatedBy > 0 || g.precededBy > 0) {
				p.context = true
			}
		}
		if p.context && len(p.uses) > maxUsesAfter {
			errs.add("phrase %q: used by %d groups, one of them with not_after, after, not_before, negated_by or preceded_by: at most %d", p.display, len(p.uses), maxUsesAfter)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("rules: %d faults:\n  %s", len(errs), strings.Join(errs, "\n  "))
	}
	texts := make([]string, len(r.patterns))
	for i, p := range r.patterns {
		texts[i] = p.text
		r.maxLen = max(r.maxLen, int32(len(p.text)))
	}
	ac, err := newAutomaton(texts)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	r.ac = ac
	canon, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("rules: hash: %w", err)
	}
	sum := sha256.Sum256(canon)
	r.version = hex.EncodeToString(sum[:6])
	return r, nil
}

// maxExpansions bounds the phrases one written phrase may stand for.
const maxExpansions = 4096

// expandPhrase expands the alternatives a phrase may hold: {a|b}c{d|e|}
// stands for acd, ace, ac, bcd, bce and bc (an empty alternative is allowed).
// It lets one line of rules.yaml say "a trade, then a word that says the
// participants are that trade" without listing every pair.
func expandPhrase(phrase string) ([]string, error) {
	out := []string{""}
	rest := phrase
	for rest != "" {
		open := strings.IndexAny(rest, "{}|")
		if open < 0 {
			for i := range out {
				out[i] += rest
			}
			break
		}
		if rest[open] != '{' {
			return nil, fmt.Errorf("%q outside {…}", rest[open])
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return nil, errors.New("{ without }")
		}
		inner := rest[open+1 : open+end]
		if strings.Contains(inner, "{") {
			return nil, errors.New("nested {")
		}
		alts := strings.Split(inner, "|")
		if len(out)*len(alts) > maxExpansions {
			return nil, fmt.Errorf("stands for more than %d phrases", maxExpansions)
		}
		prefix := rest[:open]
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				next = append(next, o+prefix+a)
			}
		}
		out = next
		rest = rest[open+end+1:]
	}
	return out, nil
}
