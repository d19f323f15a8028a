package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"kouryu/classifier"
	"kouryu/crawler"
	"kouryu/internal/event"
)

// collect is a crawler.Publisher that keeps what it is given: an event
// published again (a post called it off) replaces the one before, as the
// store's upsert does.
type collect struct {
	mu     sync.Mutex
	events []event.Event
	at     map[string]int // index in events by ID
}

func (c *collect) Publish(_ context.Context, e event.Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.at[e.ID]; ok {
		c.events[i] = e
		return nil
	}
	if c.at == nil {
		c.at = map[string]int{}
	}
	c.at[e.ID] = len(c.events)
	c.events = append(c.events, e)
	return nil
}

func cmdSources(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "sources", "sources check ID [--json] [flags] | sources suggest URL [flags]", &c, flagSources|flagAllowPrivate)
	asJSON := fs.Bool("json", false, "print the events as JSON lines on stdout, and the summary, problems, refusals and dropped and flagged events as JSON lines on stderr")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "check" && pos[0] != "suggest" {
		fs.Usage()
		return usageErr("want: sources check ID, or sources suggest URL")
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return err
	}
	if pos[0] == "suggest" {
		return suggestSource(ctx, env, c, log, pos[1])
	}
	if *asJSON {
		// Every line on stderr is then JSON, the log's too: a script
		// reading the figures and problems there must not meet text.
		log = slog.New(slog.NewJSONHandler(env.stderr, &slog.HandlerOptions{Level: c.level()}))
	}
	srcs, err := c.loadSources()
	if err != nil {
		return err
	}
	src, err := findSource(srcs, pos[1])
	if err != nil {
		return err
	}
	cr, err := crawler.New(crawler.Config{AllowPrivate: c.allowPrivate}, log)
	if err != nil {
		return err
	}
	var got collect
	rep, crawlErr := cr.Crawl(ctx, src, &got)

	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		for _, e := range got.events {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
	} else {
		var t table
		t.row("START", "END", "TITLE", "VENUE", "AREA", "STATUS", "URL")
		for _, e := range got.events {
			t.row(fmtTime(e.StartsAt, e.AllDay), fmtTime(e.EndsAt, e.AllDay),
				printable(e.Title), printable(e.Venue), printable(e.Area), string(e.Status), printable(e.URL))
		}
		if err := t.flush(env.stdout); err != nil {
			return err
		}
	}
	if *asJSON {
		if err := checkReportJSON(env.stderr, src.ID, rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(env.stderr, "source %s: %d pages, %d events, %d errors, %d unreadable dates, %d refused, %d dropped, %d flagged\n",
			src.ID, rep.Pages, rep.Events, rep.Errors, rep.UnreadableDates, rep.Refused, rep.Dropped, rep.Flagged)
		for _, p := range rep.Problems {
			fmt.Fprintln(env.stderr, "problem:", printable(p))
		}
		for _, r := range rep.Refusals {
			fmt.Fprintln(env.stderr, "refused:", printable(r.String()))
		}
		if n := rep.Refused - len(rep.Refusals); n > 0 {
			fmt.Fprintf(env.stderr, "refused: … and %d more\n", n)
		}
		// Every event left out or kept with a doubt, with the reason.
		for _, n := range rep.DroppedEvents {
			fmt.Fprintln(env.stderr, "dropped:", printable(n.String()))
		}
		if n := rep.Dropped - len(rep.DroppedEvents); n > 0 {
			fmt.Fprintf(env.stderr, "dropped: … and %d more\n", n)
		}
		for _, n := range rep.FlaggedEvents {
			fmt.Fprintln(env.stderr, "flagged:", printable(n.String()))
		}
		if n := rep.Flagged - len(rep.FlaggedEvents); n > 0 {
			fmt.Fprintf(env.stderr, "flagged: … and %d more\n", n)
		}
	}
	if crawlErr != nil {
		return &ExitError{Code: 1, Err: fmt.Errorf("source %s: %w", src.ID, crawlErr)}
	}
	if len(got.events) == 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("source %s yielded no event", src.ID)}
	}
	return nil
}

// printable is s for a terminal: the crawler cleans what it stores, but a
// problem line quotes what a site sent, and a control or bidi character
// there (ESC [2J, an OSC title, U+202E) would act on the operator's screen.
// Each is written as its escape (\x1b, \u202e) instead, so that it shows.
func printable(s string) string {
	unsafe := func(r rune) bool {
		return r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) ||
			(r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x2028 || r == 0x2029
	}
	if strings.IndexFunc(s, unsafe) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafe(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// checkReportJSON writes what `sources check --json` says besides the
// events: one JSON line of figures, then one per problem and one per
// refusal, so that a script reads them as it reads the events. A bidi
// character that JSON would carry raw is written as its \u escape, which
// decodes to the same text but does not act on a terminal.
func checkReportJSON(w io.Writer, source string, rep crawler.Report) error {
	enc := json.NewEncoder(bidiEscaper{w})
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{"source": source, "pages": rep.Pages, "events": rep.Events, "errors": rep.Errors,
		"unreadable_dates": rep.UnreadableDates, "refused": rep.Refused, "dropped": rep.Dropped, "flagged": rep.Flagged}); err != nil {
		return err
	}
	for _, p := range rep.Problems {
		if err := enc.Encode(map[string]string{"problem": p}); err != nil {
			return err
		}
	}
	for _, r := range rep.Refusals {
		if err := enc.Encode(map[string]crawler.Refusal{"refused": r}); err != nil {
			return err
		}
	}
	for _, n := range rep.DroppedEvents {
		if err := enc.Encode(map[string]crawler.EventNote{"dropped": n}); err != nil {
			return err
		}
	}
	for _, n := range rep.FlaggedEvents {
		if err := enc.Encode(map[string]crawler.EventNote{"flagged": n}); err != nil {
			return err
		}
	}
	return nil
}

// bidiEscaper writes JSON with its bidi controls escaped (\u202e): the
// encoder escapes the other control characters itself.
type bidiEscaper struct{ w io.Writer }

func (b bidiEscaper) Write(p []byte) (int, error) {
	s := string(p)
	bidi := func(r rune) bool {
		return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f
	}
	if strings.IndexFunc(s, bidi) < 0 {
		return b.w.Write(p)
	}
	var out strings.Builder
	for _, r := range s {
		if bidi(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.WriteRune(r)
		}
	}
	if _, err := io.WriteString(b.w, out.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func fmtTime(t time.Time, allDay bool) string {
	if t.IsZero() {
		return "-"
	}
	if allDay {
		return t.In(event.Tokyo).Format("2006-01-02")
	}
	return t.In(event.Tokyo).Format("2006-01-02 15:04")
}

func cmdRules(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "rules", "rules eval|suggest FILE [--part all|tune|holdout] [--json] [flags]\n"+
		"       rules cv FILE[#part]... [--part all|tune|holdout] [--json] [flags]", &c, flagRules)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	minF1 := fs.Float64("min-f1", 0, "eval: exit non-zero when macro-F1 is below this")
	partName := fs.String("part", "all", "which records: all, tune or holdout (a third set aside by a hash of the id)")
	summary := fs.Bool("summary", false, "eval, cv: print the figures only, not the records missed or lost")
	top := fs.Int("top", 15, "suggest: phrases to show per label")
	minCount := fs.Int("min-count", 2, "suggest: least records of the label a phrase must be in")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) >= 2 && pos[0] == "cv":
	case len(pos) == 2 && (pos[0] == "eval" || pos[0] == "suggest"):
	default:
		fs.Usage()
		return usageErr("want: rules eval FILE, rules suggest FILE, or rules cv FILE...")
	}
	part, err := classifier.ParsePart(*partName)
	if err != nil {
		return usageErr("--part: %v", err)
	}
	if pos[0] == "cv" {
		return rulesCV(env, c, part, pos[1:], *asJSON, *summary)
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return err
	}
	live, err := c.loadRules(log)
	if err != nil {
		return err
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return &ExitError{Code: 2, Err: err}
	}
	defer f.Close()
	recs, err := classifier.ReadRecords(f)
	if err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("%s: %w", pos[1], err)}
	}
	if recs = classifier.SelectPart(recs, part); len(recs) == 0 {
		return &ExitError{Code: 2, Err: fmt.Errorf("%s: no records in part %s", pos[1], part)}
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if pos[0] == "suggest" {
		sug, err := classifier.Suggest(live.Current(), recs, classifier.SuggestConfig{Top: *top, MinCount: *minCount})
		if err != nil {
			return usageErr("%v", err)
		}
		if *asJSON {
			return enc.Encode(sug)
		}
		return sug.WriteText(env.stdout)
	}
	rep := classifier.Evaluate(live.Current(), recs)
	rep.Part = part
	switch {
	case *asJSON:
		if *summary {
			rep.Misses = nil
		}
		err = enc.Encode(rep)
	case *summary:
		err = rep.WriteSummary(env.stdout)
	default:
		err = rep.WriteText(env.stdout)
	}
	if err != nil {
		return err
	}
	if rep.MacroF1 < *minF1 {
		return &ExitError{Code: 1, Err: fmt.Errorf("macro-F1 %.3f is below --min-f1 %.3f", rep.MacroF1, *minF1)}
	}
	return nil
}

// rulesCV reads the labelled files (each FILE or FILE#part, the part
// overriding --part) and prints classifier.CrossValidate's report on all of
// their records together.
func rulesCV(env *runEnv, c common, part classifier.Part, files []string, asJSON, summary bool) error {
	var recs []classifier.Record
	for _, arg := range files {
		path, p := arg, part
		if i := strings.LastIndexByte(arg, '#'); i >= 0 {
			var err error
			if p, err = classifier.ParsePart(arg[i+1:]); err != nil {
				return usageErr("%s: %v", arg, err)
			}
			path = arg[:i]
		}
		f, err := os.Open(path)
		if err != nil {
			return &ExitError{Code: 2, Err: err}
		}
		rs, err := classifier.ReadRecords(f)
		f.Close()
		if err != nil {
			return &ExitError{Code: 2, Err: fmt.Errorf("%s: %w", path, err)}
		}
		rs = classifier.SelectPart(rs, p)
		if len(rs) == 0 {
			return &ExitError{Code: 2, Err: fmt.Errorf("%s: no records in part %s", path, p)}
		}
		for i := range rs {
			rs[i].Set = filepath.Base(path) + "#" + string(p)
		}
		recs = append(recs, rs...)
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return err
	}
	live, err := c.loadRules(log)
	if err != nil {
		return err
	}
	rep := classifier.CrossValidate(live.Current(), recs)
	if asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteText(env.stdout, !summary)
}

// classifyLines labels the event JSON lines of stdin and writes them to
// stdout. A line that is not an event object stops the run with its number.
func classifyLines(env *runEnv, rules *classifier.Rules) error {
	sc := bufio.NewScanner(env.stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	out := bufio.NewWriter(env.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		// Keep every key of the input (a labelled file's extra keys too), and
		// set the classifier's fields beside them.
		var raw map[string]any
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			return fmt.Errorf("stdin line %d: %w", n, err)
		}
		var e event.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return fmt.Errorf("stdin line %d: %w", n, err)
		}
		rules.Apply(&e)
		raw["label"] = e.Label
		raw["score"] = e.Score
		raw["reasons"] = e.Reasons
		raw["rules_version"] = e.RulesVersion
		if err := enc.Encode(raw); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	return nil
}

func cmdDead(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "dead", "dead list [--limit N] [--json] [flags]", &c, flagNATS|flagDataDir)
	limit := fs.Int("limit", 100, "show at most this many")
	asJSON := fs.Bool("json", false, "print JSON lines")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "list" {
		fs.Usage()
		return usageErr("want: dead list")
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return err
	}
	// A short command: beside a running kouryu run, it uses that
	// process's embedded server rather than failing.
	c.attach = true
	c.readOnly = true
	b, err := c.openBus(ctx, "kouryu-dead", log)
	if err != nil {
		return err
	}
	defer b.Close()
	dls, err := b.DeadLetters(ctx, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		for _, d := range dls {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return nil
	}
	// A poison message's subject and the reason quoting it are what a
	// stranger sent: escaped, so that they cannot act on the terminal.
	var t table
	t.row("AT", "STAGE", "SUBJECT", "DELIVERED", "REASON")
	for _, d := range dls {
		t.row(d.At.In(event.Tokyo).Format(time.DateTime), d.Stage, printable(d.Subject), strconv.FormatUint(uint64(d.Delivered), 10), printable(d.Reason))
	}
	if err := t.flush(env.stdout); err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "%d dead letters\n", len(dls))
	return nil
}
