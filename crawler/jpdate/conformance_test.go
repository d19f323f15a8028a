package jpdate

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// confCase is one line of testdata/conformance.tsv (see its header).
type confCase struct {
	line              int
	source            string
	call, text        string
	ref               time.Time
	want, ours, note  string
	wantNone, wantOut bool // want is - or x
}

// moment is a point of a wanted value: a day or a time, with the parts the
// suite leaves unstated marked.
type moment struct {
	t                 time.Time
	noYear, noMonth   bool
	dayOnly, anyClock bool // a day without a time; a day read with its time or not
}

// parseMoment reads 2021-07-18, 2021-07-18T23:59[:59], --07-18[T…], ---18 and
// 2021-07-18*.
func parseMoment(s string) (moment, error) {
	var m moment
	if strings.HasSuffix(s, "*") {
		m.anyClock, s = true, strings.TrimSuffix(s, "*")
	}
	switch {
	case strings.HasPrefix(s, "---"):
		m.noYear, m.noMonth, s = true, true, "2000-01-"+s[3:]
	case strings.HasPrefix(s, "--"):
		m.noYear, s = true, "2000-"+s[2:]
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, Tokyo); err == nil {
			m.t, m.dayOnly = t, layout == "2006-01-02"
			return m, nil
		}
	}
	return m, fmt.Errorf("bad moment %q", s)
}

// matches reports whether t (all-day or not) is the moment m.
func (m moment) matches(t time.Time, allDay bool) bool {
	if t.IsZero() {
		return false
	}
	t = t.In(Tokyo)
	if !m.noYear && t.Year() != m.t.Year() || !m.noMonth && t.Month() != m.t.Month() || t.Day() != m.t.Day() {
		return false
	}
	switch {
	case m.anyClock:
		return true
	case m.dayOnly:
		return allDay
	}
	return !allDay && t.Hour() == m.t.Hour() && t.Minute() == m.t.Minute() && t.Second() == m.t.Second()
}

// spanMatches reports whether sp is the value v: A, A..B or A.. .
func spanMatches(v string, sp Span) (bool, error) {
	a, b, isRange := strings.Cut(v, "..")
	start, err := parseMoment(a)
	if err != nil {
		return false, err
	}
	if !start.matches(sp.Start, sp.AllDay) {
		return false, nil
	}
	switch {
	case !isRange:
		return sp.End.IsZero(), nil
	case b == "":
		return true, nil
	}
	end, err := parseMoment(b)
	if err != nil {
		return false, err
	}
	return end.matches(sp.End, sp.AllDay), nil
}

func readConformance(t *testing.T) []confCase {
	t.Helper()
	f, err := os.Open("testdata/conformance.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []confCase
	var source string
	var ref time.Time
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		switch fs[0] {
		case "@source":
			source = fs[1]
			continue
		case "@ref":
			if ref, err = time.ParseInLocation(time.DateOnly, fs[1], Tokyo); err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			continue
		}
		for len(fs) < 6 {
			fs = append(fs, "")
		}
		c := confCase{line: n, source: source, call: fs[0], text: strings.ReplaceAll(fs[1], `\n`, "\n"), ref: ref,
			want: fs[3], ours: fs[4], note: fs[5]}
		if fs[2] != "" {
			if c.ref, err = time.ParseInLocation(time.DateOnly, fs[2], Tokyo); err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
		}
		c.wantNone, c.wantOut = c.want == "-", c.want == "x"
		if c.call != "date" && c.call != "time" || source == "" || c.ref.IsZero() || c.want == "" {
			t.Fatalf("line %d: malformed case %q", n, line)
		}
		if c.ours != "" && c.note == "" {
			t.Fatalf("line %d: %q differs from the suite (%s) without a note", n, c.text, c.ours)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// namesDay reports whether the text writes the month and the day of the
// moment m as a date: both numbers, and 日 or a date separator.
func namesDay(text string, m moment) bool {
	if m.noMonth {
		return false
	}
	ns, _ := numbersIn(text)
	toks := lex(nil, text)
	dated := false
	for _, t := range toks {
		if t.kind == kSym && (t.r == '日' || t.r == '/' || t.r == '.' || t.r == '-' || t.r == '・' || t.r == ',') {
			dated = true
		}
	}
	return dated && ns[int(m.t.Month())] && ns[m.t.Day()]
}

// TestConformance runs the cases ported from other parsers' test suites. It
// fails on any case where jpdate does not return what the table says, and
// counts apart the wrong values returned without an error (a value that is
// not the suite's, or a value where the suite reads none): there must be
// none. Of the cases that name a day (a date call where the text writes the
// month and the day of the suite's value), at least 98% must be read
// exactly: the suite's value returned, with no error or with the doubts a
// caller may accept (ErrAmbiguous, ErrWeekday).
func TestConformance(t *testing.T) {
	cases := readConformance(t)
	type tally struct{ cases, values, exact, flagged, refused int }
	bySource := map[string]*tally{}
	var wrong, namesDays, namesDayExact, namesDayClean int
	for _, c := range cases {
		var sp Span
		var err error
		if c.call == "date" {
			sp, err = Parse(c.text, c.ref)
		} else {
			sp, err = ParseTime(c.text, c.ref)
		}
		amb := err != nil && errors.Is(err, ErrAmbiguous) && !errors.Is(err, ErrWeekday)
		where := fmt.Sprintf("line %d (%s): %s(%q)", c.line, c.source, c.call, c.text)
		got := fmt.Sprintf("%v .. %v all_day=%v, err=%v", sp.Start, sp.End, sp.AllDay, err)

		tl := bySource[c.source]
		if tl == nil {
			tl = &tally{}
			bySource[c.source] = tl
		}
		tl.cases++

		// What the suite says.
		suiteOK := false
		if c.wantNone || c.wantOut {
			suiteOK = sp.Start.IsZero()
		} else {
			ok, perr := spanMatches(c.want, sp)
			if perr != nil {
				t.Fatalf("%s: %v", where, perr)
			}
			suiteOK = ok
			tl.values++
		}
		if err == nil && !suiteOK {
			wrong++
			t.Errorf("%s: WRONG without an error: %s, the suite says %s", where, got, c.want)
		}

		// What the table says jpdate returns.
		want, ok := c.want, false
		ours, alt, _ := strings.Cut(c.ours, "=")
		if alt != "" {
			want = alt
		}
		valueOK := func() bool {
			if want == "-" || want == "x" {
				return sp.Start.IsZero()
			}
			m, _ := spanMatches(want, sp)
			return m
		}
		switch ours {
		case "":
			ok = err == nil && valueOK() || (c.wantNone || c.wantOut) && err != nil && sp.Start.IsZero()
		case "ambiguous":
			ok = amb && valueOK()
		case "weekday":
			ok = errors.Is(err, ErrWeekday) && valueOK()
		case "refused":
			ok = err != nil && !amb && sp.Start.IsZero()
		default:
			t.Fatalf("%s: unknown outcome %q", where, c.ours)
		}
		if !ok {
			t.Errorf("%s = %s, want %s %s", where, got, want, c.ours)
		}
		switch {
		case err == nil && suiteOK && !c.wantNone && !c.wantOut:
			tl.exact++
		case amb:
			tl.flagged++
		case err != nil:
			tl.refused++
		}

		// The cases that name a day.
		if first, _ := parseMoment(strings.Split(c.want, "..")[0]); c.call == "date" && !c.wantNone && !c.wantOut && namesDay(c.text, first) {
			namesDays++
			if suiteOK && (err == nil || amb || errors.Is(err, ErrWeekday)) {
				namesDayExact++
				if err == nil {
					namesDayClean++
				}
			} else {
				t.Logf("names a day, not read exactly: %s = %s (%s)", where, got, c.note)
			}
		}
	}

	sources := make([]string, 0, len(bySource))
	for s := range bySource {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	total := 0
	for _, s := range sources {
		tl := bySource[s]
		total += tl.cases
		t.Logf("conformance: %-62s %3d cases (%3d with a value): %3d as the suite without error, %2d ambiguous, %3d refused", s, tl.cases, tl.values, tl.exact, tl.flagged, tl.refused)
	}
	share := float64(namesDayExact) / float64(max(namesDays, 1))
	t.Logf("conformance: %d cases, %d wrong without an error; %d name a day, %d read exactly (%.1f%%; %d with no error at all)",
		total, wrong, namesDays, namesDayExact, 100*share, namesDayClean)
	if wrong > 0 {
		t.Errorf("%d wrong values returned without an error", wrong)
	}
	if share < 0.98 {
		t.Errorf("%.1f%% of the %d cases that name a day read exactly, want at least 98%%", 100*share, namesDays)
	}
}
