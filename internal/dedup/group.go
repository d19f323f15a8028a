package dedup

import (
	"slices"
	"strings"

	"kouryu/internal/event"
)

// Change is a stored listing's new event or role, as Assign decides it.
type Change struct {
	ID        string
	Canonical string // the id of the event the listing is a copy of
	Primary   bool   // the listing stands for its event
}

// Note says what Assign did with one listing of the batch, for the log.
type Note struct {
	ID, Canonical string
	What          string // NoteJoined, NoteLeft, NoteAmbiguous
	Why           string
}

// What a Note says.
const (
	NoteJoined    = "joined"    // the listing joined an event (or an event joined it)
	NoteLeft      = "left"      // the listing no longer matches its event's other listings
	NoteAmbiguous = "ambiguous" // the listing matches listings of several events: kept apart
)

// BlockKey is the block a listing is compared within: its day in Tokyo and
// its municipality. Listings of one gathering always share it, so a new
// listing is compared with the listings of its day and place only, however
// large the table.
func BlockKey(e *event.Event) string {
	return e.StartsAt.In(event.Tokyo).Format("2006-01-02") + "|" + City(e.Area)
}

// block is BlockKey as a map key, without formatting the day.
type block struct {
	year, yday int
	city       string
}

func blockOf(e *event.Event) block {
	t := e.StartsAt.In(event.Tokyo)
	return block{t.Year(), t.YearDay(), City(e.Area)}
}

// MatchKey is stored with each listing so that the store can find the ones
// a new listing must be compared with by an index: the block, then the
// numbers of the title (5 for 第5回 …, empty for none). Two listings whose
// titles carry different numbers are never one event, so a listing with
// numbers is compared only with listings with the same numbers or none.
func MatchKey(e *event.Event) string {
	_, nums := titleNumbers(fold(e.Title))
	return BlockKey(e) + "|" + numList(nums)
}

// Probe returns what a store looks up to find the listings e must be
// compared with: match keys to match exactly, and key prefixes (every key
// that starts with one).
func Probe(e *event.Event) (keys, prefixes []string) {
	k := MatchKey(e)
	block := k[:strings.LastIndexByte(k, '|')+1]
	if k == block {
		return nil, []string{block}
	}
	return []string{k, block}, nil
}

// Assign decides which event each listing of batch (ids of listings just
// written) is a copy of, given known: every stored listing of the blocks of
// the batch, the listings the overrides pair with them, and every listing of
// the events all these belong to. It returns the listings whose event or
// role changes, and a note for each listing of the batch whose event did.
//
// The rules keep the ids subscribers have: a listing stays in its event as
// long as it matches one of the event's other listings and contradicts none
// (Verdict.Hard); a new or lone listing joins the one event it matches and
// contradicts nothing of, the event keeping its id (the first-seen listing's)
// — two lone listings make an event of the first seen; a listing that
// matches several events joins none. A listing that leaves its event takes
// its own id again, and when it was the one whose id the event has, the
// event's other listings take the id of the first seen of them. The best
// listing (Better) of each event touched becomes its primary.
func Assign(batch []string, known []Member, ov *Overrides) ([]Change, []Note) {
	g := &grouping{
		ms: make(map[string]*Member, len(known)), canon: make(map[string]string, len(known)),
		groups: make(map[string][]string, len(known)), prep: make(map[string]*Listing, len(known)),
		blocks: map[block][]string{}, touched: map[string]bool{}, ov: ov,
	}
	for i := range known {
		m := &known[i]
		id := m.Event.ID
		if _, dup := g.ms[id]; dup {
			continue
		}
		g.ms[id] = m
		c := m.Canonical
		if c == "" {
			c = id
		}
		g.setCanon(id, c)
		k := blockOf(&m.Event)
		g.blocks[k] = append(g.blocks[k], id)
	}
	clear(g.touched)
	var order []string
	inOrder := make(map[string]bool, len(batch))
	for _, id := range batch {
		if _, ok := g.ms[id]; ok && !inOrder[id] {
			inOrder[id] = true
			order = append(order, id)
		}
	}
	slices.SortFunc(order, func(a, b string) int { return g.compareSeen(a, b) })
	var notes []Note
	for _, id := range order {
		g.touched[g.canon[id]] = true
		if n, ok := g.place(id); ok {
			notes = append(notes, n)
		}
		g.touched[g.canon[id]] = true
	}
	// The best listing of every event touched stands for it.
	primary := map[string]bool{}
	for c := range g.touched {
		var best *Member
		for _, id := range g.groups[c] {
			if m := g.ms[id]; best == nil || Better(m, best) {
				best = m
			}
		}
		for _, id := range g.groups[c] {
			primary[id] = g.ms[id] == best
		}
	}
	var changes []Change
	for id, m := range g.ms {
		p, ok := primary[id]
		if !ok {
			p = m.Primary
		}
		orig := m.Canonical
		if orig == "" {
			orig = id
		}
		if g.canon[id] != orig || p != m.Primary {
			changes = append(changes, Change{ID: id, Canonical: g.canon[id], Primary: p})
		}
	}
	slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.ID, b.ID) })
	return changes, notes
}

// grouping is Assign's state: the listings, the event each is in now and
// the listings of each event.
type grouping struct {
	ms      map[string]*Member
	canon   map[string]string
	groups  map[string][]string // the listings of each event; few, so a slice
	prep    map[string]*Listing
	blocks  map[block][]string
	touched map[string]bool // events whose listings changed
	ov      *Overrides
}

func (g *grouping) setCanon(id, c string) {
	if old, ok := g.canon[id]; ok {
		if old == c {
			return
		}
		g.groups[old] = slices.DeleteFunc(g.groups[old], func(x string) bool { return x == id })
		if len(g.groups[old]) == 0 {
			delete(g.groups, old)
		}
		g.touched[old] = true
	}
	g.canon[id] = c
	g.groups[c] = append(g.groups[c], id)
	g.touched[c] = true
}

func (g *grouping) listing(id string) *Listing {
	l, ok := g.prep[id]
	if !ok {
		l = Prepare(&g.ms[id].Event)
		g.prep[id] = l
	}
	return l
}

// compareSeen orders listings by when they were first seen, then by id.
func (g *grouping) compareSeen(a, b string) int {
	if c := g.ms[a].FirstSeen.Compare(g.ms[b].FirstSeen); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// others returns the listings of event c but id, first seen first.
func (g *grouping) others(c, id string) []string {
	var out []string
	for _, o := range g.groups[c] {
		if o != id {
			out = append(out, o)
		}
	}
	slices.SortFunc(out, g.compareSeen)
	return out
}

// place puts listing id in its event by the rules of Assign.
func (g *grouping) place(id string) (Note, bool) {
	l := g.listing(id)
	same, hard := map[string]bool{}, map[string]bool{}
	seen := map[string]bool{id: true}
	compare := func(k string) {
		if seen[k] {
			return
		}
		seen[k] = true
		v := g.ov.decide(l, g.listing(k))
		if v.Same {
			same[g.canon[k]] = true
		}
		if v.Hard {
			hard[g.canon[k]] = true
		}
	}
	for _, k := range g.blocks[blockOf(&g.ms[id].Event)] {
		compare(k)
	}
	for _, k := range g.ov.Partners(id) {
		if _, ok := g.ms[k]; ok {
			compare(k)
		}
	}
	cur := g.canon[id]
	// Every listing of an event it may stay in or join must be compared:
	// one it contradicts keeps it out.
	for c := range same {
		for _, k := range g.groups[c] {
			compare(k)
		}
	}
	for _, k := range g.groups[cur] {
		compare(k)
	}
	fits := func(c string) bool { return same[c] && !hard[c] }
	var left Note
	if others := g.others(cur, id); len(others) > 0 {
		if fits(cur) {
			return Note{}, false
		}
		if cur == id {
			for _, o := range others {
				g.setCanon(o, others[0])
			}
		}
		g.setCanon(id, id)
		left = Note{ID: id, Canonical: id, What: NoteLeft, Why: "it no longer matches the other listings of " + cur}
	}
	var cands []string
	for c := range same {
		if c != id && fits(c) {
			cands = append(cands, c)
		}
	}
	slices.Sort(cands)
	if len(cands) == 0 {
		return left, left.What != ""
	}
	// Several events that are one with each other (lone listings of one
	// batch, say) are one event with this listing; events that are not
	// make it ambiguous.
	for i, a := range cands {
		for _, b := range cands[i+1:] {
			if !g.compatible(a, b) {
				return Note{ID: id, Canonical: id, What: NoteAmbiguous, Why: "it matches listings of " + strings.Join(cands, ", ") + ": kept apart"}, true
			}
		}
	}
	// The event takes the id of the first seen of the listings whose ids
	// the events have, this one's included.
	head := id
	for _, c := range cands {
		if g.compareSeen(c, head) < 0 {
			head = c
		}
	}
	for _, c := range append(cands, id) {
		for _, o := range g.others(c, "") {
			g.setCanon(o, head)
		}
	}
	if head == id {
		return Note{ID: id, Canonical: id, What: NoteJoined, Why: "listings of " + strings.Join(cands, ", ") + " joined it"}, true
	}
	return Note{ID: id, Canonical: head, What: NoteJoined, Why: "it matches listings of " + strings.Join(cands, ", ")}, true
}

// compatible reports whether events a and b are one: a listing of one
// matches a listing of the other, and none contradicts another.
func (g *grouping) compatible(a, b string) bool {
	same := false
	for _, x := range g.groups[a] {
		for _, y := range g.groups[b] {
			v := g.ov.decide(g.listing(x), g.listing(y))
			if v.Hard {
				return false
			}
			same = same || v.Same
		}
	}
	return same
}
