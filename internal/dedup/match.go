package dedup

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"kouryu/internal/event"
)

// StartTolerance is how far apart two listings' starts may be and still be
// one gathering. Listings write the time the doors open (開場 18:00) or the
// program starts (開始 18:30), and portals often copy the first: in Osaka
// listings the two are 15 or 30 minutes apart. A wider tolerance would join
// a seminar to the party an hour after it in the same hall.
const StartTolerance = 30 * time.Minute

// Listing is one listing prepared for comparison: what decides whether two
// listings are one gathering is read once, so that a listing is compared
// with many at little cost. Prepare makes it. Each part is read when a
// comparison first needs it, in the order Compare checks them (most pairs
// are told apart by day, start or source alone, many more by the numbers
// of their titles or their venues): a Listing is not safe for concurrent
// use.
type Listing struct {
	ID, Source string
	Title      string // as listed, for explanations
	day        string // 2006-01-02 in Tokyo
	start      time.Time
	allDay     bool
	area, city string
	online     bool
	venueText  string
	address    string

	numsRead bool
	rest     []rune // the folded title without its numbers
	nums     []int  // the numbers of the title that name the gathering

	titleRead bool
	core      string // the title without decorations and numbers
	grams     grams  // of core

	venueRead bool
	venue     place

	addrRead bool
	full     place // venue and address together
	town     string
	block    []int // the address's block numbers
}

func (l *Listing) readNumbers() {
	if !l.numsRead {
		l.numsRead = true
		l.rest, l.nums = titleNumbers(fold(l.Title))
	}
}

func (l *Listing) readTitle() {
	if !l.titleRead {
		l.titleRead = true
		l.readNumbers()
		l.core = titleReplacer.Replace(stripDecor(l.rest))
		l.grams = gramsOf(l.core)
	}
}

func (l *Listing) readVenue() {
	if !l.venueRead {
		l.venueRead = true
		l.venue = normPlace(l.venueText)
	}
}

// readAddress reads the address, and the venue with it, on first use.
func (l *Listing) readAddress() {
	if l.addrRead {
		return
	}
	l.addrRead = true
	l.readVenue()
	l.full = l.venue
	if l.address != "" {
		l.full = normPlace(l.venueText + " " + l.address)
		l.town, l.block = normAddress(l.address)
	}
}

// Prepare reads e for comparison.
func Prepare(e *event.Event) *Listing {
	l := &Listing{ID: e.ID, Source: e.Source, Title: e.Title, allDay: e.AllDay, area: e.Area, city: City(e.Area),
		venueText: e.Venue, address: e.Address, online: e.Area == "online"}
	l.start = e.StartsAt.In(event.Tokyo)
	l.day = l.start.Format("2006-01-02")
	return l
}

// City is the municipality of an area: 大阪市 for 大阪市北区, 堺市 for 堺市堺区,
// 東大阪市 for itself, "online" for online, "" for none. Listings of one
// gathering can name different wards of a city (難波 is read as 浪速区 or
// 中央区) but not different cities.
func City(area string) string {
	for _, c := range []string{"大阪市", "堺市"} {
		if strings.HasPrefix(area, c) {
			return c
		}
	}
	for _, suffix := range []string{"市", "町", "村"} {
		if i := strings.Index(area, suffix); i > 0 {
			return area[:i+len(suffix)]
		}
	}
	return area
}

// Verdict is what Compare decides and why.
type Verdict struct {
	Same bool
	// Hard marks listings kept apart for a reason no spelling explains:
	// another day, municipality or start, other numbers in the titles,
	// another floor or room, an operator's pair. A listing that disagrees so
	// with one listing of an event is not joined to it.
	Hard bool
	Why  []string // each check that decided, in words an operator reads
}

// verdict builds a Verdict; the words are written only when they are asked
// for (Compare), not on the writer's path (decide), which compares a new
// listing with every listing of its block.
type verdict struct {
	Verdict
	explain bool
}

func (v *verdict) note(format string, args ...func() any) {
	if !v.explain {
		return
	}
	vals := make([]any, len(args))
	for i, f := range args {
		vals[i] = f()
	}
	v.Why = append(v.Why, fmt.Sprintf(format, vals...))
}

func (v *verdict) apart(hard bool, format string, args ...func() any) Verdict {
	v.Same, v.Hard = false, hard
	v.note(format, args...)
	return v.Verdict
}

// Compare decides whether a and b are listings of one gathering, and says
// why. They are only when they are listed by two sources, on one day in one
// municipality, start within StartTolerance (or one gives no time), agree on
// the numbers of their titles (第5回 is not vol.6), name one place, and their
// titles match once the decorations are removed. Anything else keeps them
// apart: a wrong merge hides a gathering from people, a missed one shows it
// twice.
func Compare(a, b *Listing) Verdict { return compare(a, b, true) }

// decide is Compare without the words.
func decide(a, b *Listing) Verdict { return compare(a, b, false) }

func compare(a, b *Listing, explain bool) Verdict {
	v := verdict{explain: explain}
	val := func(x any) func() any { return func() any { return x } }
	if a.Source == b.Source {
		return v.apart(true, "both listed by %s, which lists each gathering once", val(a.Source))
	}
	if a.day != b.day {
		return v.apart(true, "other days: %s / %s", val(a.day), val(b.day))
	}
	if a.city != b.city {
		return v.apart(true, "other places: %s / %s", val(orNone(a.area)), val(orNone(b.area)))
	}
	hhmm := func(t time.Time) func() any { return func() any { return t.Format("15:04") } }
	timed := !a.allDay && !b.allDay
	if timed {
		if a.start.Sub(b.start).Abs() > StartTolerance {
			return v.apart(true, "starts %s / %s are more than %v apart", hhmm(a.start), hhmm(b.start), val(StartTolerance))
		}
		v.note("starts %s / %s", hhmm(a.start), hhmm(b.start))
	} else {
		v.note("one listing gives the day only")
	}
	a.readNumbers()
	b.readNumbers()
	nums := func(n []int) func() any { return func() any { return numList(n) } }
	switch {
	case len(a.nums) > 0 && len(b.nums) > 0 && !slices.Equal(a.nums, b.nums):
		return v.apart(true, "the titles' numbers differ: %s / %s", nums(a.nums), nums(b.nums))
	case len(a.nums) > 0 && len(b.nums) > 0:
		v.note("the titles' numbers agree: %s", nums(a.nums))
	}
	a.readVenue()
	b.readVenue()
	agree, hard, why := comparePlaces(a, b, timed)
	if !agree {
		return v.apart(hard, "%s", why)
	}
	v.note("%s", why)
	a.readTitle()
	b.readTitle()
	ok, why := compareTitles(a, b)
	if !ok {
		return v.apart(false, "%s", why)
	}
	v.note("%s", why)
	v.Same = true
	return v.Verdict
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func numList(n []int) string {
	s := make([]string, len(n))
	for i, x := range n {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// compareTitles reports whether two titles name one gathering: the shorter
// core (the title without decorations and numbers) is held by the longer
// but for one pair of characters in six, and the two share enough to rule
// out a short word inside a long other title. A core of four characters or
// fewer (例会, 交流会) says too little to be matched but by itself.
func compareTitles(a, b *Listing) (bool, func() any) {
	m := min(len(a.grams), len(b.grams))
	if a.core == "" || b.core == "" {
		return false, func() any { return "a title is nothing but decorations" }
	}
	c := common(a.grams, b.grams)
	desc := func(more string) func() any {
		return func() any {
			return fmt.Sprintf("titles %q / %q share %d of %d pairs of characters%s", a.core, b.core, c, m, more)
		}
	}
	if m <= 3 {
		if a.core == b.core {
			return true, desc("")
		}
		return false, desc(": too short to match but whole")
	}
	if miss := m - c; miss > m/6 {
		return false, desc("")
	}
	if dice := 2 * float64(c) / float64(len(a.grams)+len(b.grams)); dice < 0.35 {
		return false, desc(", a small part of the longer")
	}
	return true, desc("")
}

// comparePlaces reports whether two listings name one place, and when they
// do not, whether that is a hard disagreement (another floor, room or
// street address) and why.
func comparePlaces(a, b *Listing, timed bool) (agree, hard bool, why func() any) {
	if a.online || b.online {
		if a.online && b.online {
			return true, false, say("both online")
		}
		return false, true, say("online / in person")
	}
	va, vb := &a.venue, &b.venue
	if len(va.floors) > 0 && len(vb.floors) > 0 && !overlap(va.floors, vb.floors) {
		return false, true, func() any {
			return fmt.Sprintf("other floors: %s / %s", strings.Join(va.floors, ","), strings.Join(vb.floors, ","))
		}
	}
	if len(va.rooms) > 0 && len(vb.rooms) > 0 && !overlap(va.rooms, vb.rooms) {
		return false, true, func() any {
			return fmt.Sprintf("other rooms: %s / %s", strings.Join(va.rooms, ","), strings.Join(vb.rooms, ","))
		}
	}
	if len(va.nums) > 0 && len(vb.nums) > 0 && !subset(va.nums, vb.nums) && !subset(vb.nums, va.nums) {
		return false, true, func() any {
			return fmt.Sprintf("the venues' numbers differ: %s / %s", numList(va.nums), numList(vb.nums))
		}
	}
	a.readAddress()
	b.readAddress()
	addr := 0 // 1: one street address, -1: two
	if a.town != "" && b.town != "" && (strings.HasSuffix(a.town, b.town) || strings.HasSuffix(b.town, a.town)) {
		n := min(len(a.block), len(b.block), 3)
		if n >= 2 && slices.Equal(a.block[:n], b.block[:n]) {
			addr = 1
		} else {
			addr = -1
		}
	}
	if addr < 0 {
		return false, true, func() any {
			return fmt.Sprintf("other addresses: %s%s / %s%s", a.town, numList(a.block), b.town, numList(b.block))
		}
	}
	wards := a.area == b.area || strings.HasPrefix(a.area, b.area) || strings.HasPrefix(b.area, a.area)
	if va.core == "" || vb.core == "" {
		switch {
		case addr > 0:
			return true, false, say("one street address")
		case wards && timed:
			return true, false, say("one listing names no venue")
		}
		return false, false, say("one listing names no venue, and the rest does not place them together")
	}
	name := containment(va.grams, vb.grams)
	// A venue may name what the other's address holds: グランフロント大阪
	// タワーA 35F and さくらインターネット本社 at that address.
	if len(va.grams) <= len(b.full.grams) {
		name = max(name, containment(va.grams, b.full.grams))
	}
	if len(vb.grams) <= len(a.full.grams) {
		name = max(name, containment(vb.grams, a.full.grams))
	}
	desc := func() any { return fmt.Sprintf("venues %q / %q share %.0f%%", va.core, vb.core, 100*name) }
	if name >= 0.6 || addr > 0 {
		return true, false, desc
	}
	return false, false, desc
}

// say is a fixed reason.
func say(s string) func() any { return func() any { return s } }

func overlap[T comparable](a, b []T) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func subset[T comparable](a, b []T) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
