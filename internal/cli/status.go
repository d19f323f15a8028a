package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"kouryu/crawler"
	"kouryu/internal/bus"
	"kouryu/internal/event"
)

// statusReport is what `kouryu status --json` prints: one JSON object.
type statusReport struct {
	Sources     []crawler.Health `json:"sources"`
	Streams     []streamStatus   `json:"streams"`
	DeadLetters uint64           `json:"dead_letters"`
}

type streamStatus struct {
	Stream    string            `json:"stream"`
	Messages  uint64            `json:"messages"`
	Bytes     uint64            `json:"bytes"`
	Consumers map[string]uint64 `json:"consumers"` // durable name → messages still to process
}

func cmdStatus(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "status", "status [SOURCE] [--last N] [--json] [flags]\n\nEvery source's last crawl and health, the streams' backlogs and the dead\nletters; with SOURCE, that source's health and the history of its last\ncrawls (pages, events, dates read, the fill rate of each field).", &c, flagNATS|flagDataDir|flagSources)
	asJSON := fs.Bool("json", false, "print one JSON object for scripts")
	last := fs.Int("last", 10, "with SOURCE: how many of its last crawls to show (at most "+strconv.Itoa(crawler.HistoryKept)+" are kept)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageErr("status takes at most one source id, got %s", strings.Join(pos, " "))
	}
	if *last < 1 {
		return usageErr("--last %d: want at least 1", *last)
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return err
	}
	srcs, err := c.loadSources()
	if err != nil {
		return err
	}
	// A short command: beside a running kouryu run, it uses that
	// process's embedded server rather than failing.
	c.attach = true
	c.readOnly = true
	b, err := c.openBus(ctx, "kouryu-status", log)
	if err != nil {
		return err
	}
	defer b.Close()
	if len(pos) == 1 {
		return sourceStatus(ctx, env, b, srcs, pos[0], *last, *asJSON)
	}
	// Without a sources file named, the table lists the sources that
	// have crawled here: the embedded list beside them would show a row
	// of "never" for every built-in source that this deployment does
	// not crawl. Named (--sources, KOURYU_SOURCES), its sources are
	// listed too, the ones not crawled yet among them.
	listed := srcs
	if c.sources == "" {
		listed = nil
	}
	st, err := gatherStatus(ctx, b, listed)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.stdout, st)
	}
	printStatus(env.stdout, st, time.Now())
	if len(st.Sources) == 0 {
		fmt.Fprintln(env.stdout, "\nno source has crawled yet (with --sources FILE, its sources are listed, crawled or not)")
	}
	return nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// sourceStatus prints the health of the source id and its last crawls.
func sourceStatus(ctx context.Context, env *runEnv, b *bus.Bus, srcs []crawler.Source, id string, last int, asJSON bool) error {
	health, err := b.KV(ctx, bus.BucketHealth)
	if err != nil {
		return err
	}
	h, rev, err := crawler.ReadHealth(ctx, health, id)
	if err != nil {
		return err
	}
	name := ""
	if src, err := findSource(srcs, id); err == nil {
		name = src.Name
	} else if rev == 0 {
		return usageErr("no source with id %q in the sources list, and no health record of one", id)
	}
	if asJSON {
		return printJSON(env.stdout, h)
	}
	printSource(env.stdout, h, name, last, time.Now())
	return nil
}

// printSource prints h: its state and why, its last crawl, and a table of
// its last crawls, newest first, a check that failed marked with "!".
func printSource(w io.Writer, h crawler.Health, name string, last int, now time.Time) {
	title := h.Source
	if name != "" {
		title += " (" + name + ")"
	}
	fmt.Fprintln(w, title)
	switch {
	case h.LastFinished.IsZero():
		fmt.Fprintln(w, "  never crawled")
	case h.Since.IsZero(): // its one crawl failed: not judged yet
		fmt.Fprintln(w, "  state: -")
	case h.Healthy():
		fmt.Fprintf(w, "  state: ok since %s\n", h.Since.In(event.Tokyo).Format("2006-01-02 15:04"))
	default:
		fmt.Fprintf(w, "  state: UNHEALTHY since %s\n", h.Since.In(event.Tokyo).Format("2006-01-02 15:04"))
		for _, r := range h.Reasons {
			fmt.Fprintln(w, "    - "+r)
		}
	}
	switch {
	case h.AlertSending != "":
		fmt.Fprintf(w, "  alert: %s on its way since %s\n", alertWord(h.AlertSending), h.AlertSendingSince.In(event.Tokyo).Format("2006-01-02 15:04"))
	case h.Alerted != "":
		fmt.Fprintf(w, "  alert: %s delivered\n", alertWord(h.Alerted))
	}
	if h.Running(now) {
		fmt.Fprintf(w, "  crawling now (%s, since %s)\n", h.Worker, h.RunningSince.In(event.Tokyo).Format("15:04:05"))
	}
	if h.Failed != "" {
		fmt.Fprintln(w, "  last crawl failed: "+h.Failed)
	}
	if len(h.Problems) > 0 {
		fmt.Fprintln(w, "  problems of the last crawl:")
		for _, p := range h.Problems {
			fmt.Fprintln(w, "    - "+p)
		}
	}
	if len(h.History) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := []string{"WHEN", "TOOK", "PAGES", "EVENTS", "ERRORS", "DATES READ"}
	for _, ff := range crawler.FillFields {
		head = append(head, strings.ToUpper(ff.Name))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	marked := false
	hist := h.History[max(len(h.History)-last, 0):]
	for _, c := range slices.Backward(hist) {
		mark := func(key string) string {
			if slices.Contains(c.Flags, key) {
				marked = true
				return "!"
			}
			return ""
		}
		events := strconv.Itoa(c.Events) + mark(crawler.CheckYield)
		row := []string{c.Started.In(event.Tokyo).Format("2006-01-02 15:04"), c.Finished.Sub(c.Started).Round(time.Second).String(),
			strconv.Itoa(c.Pages), events, strconv.Itoa(c.Errors)}
		if c.Failed {
			row[4] += " (failed)"
		}
		read, attempted := c.DatesRead()
		row = append(row, percent(read, attempted)+mark(crawler.CheckDates))
		for _, ff := range crawler.FillFields {
			row = append(row, percent(ff.Count(c.Fill), c.Events)+mark(ff.Key))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	if marked {
		fmt.Fprintln(w, "! below its recent level: the check failed on that crawl")
	}
}

func alertWord(state string) string {
	if state == crawler.StateOK {
		return "recovery"
	}
	return state
}

// percent is n of total as a whole percentage; "-" with nothing to take it of.
func percent(n, total int) string {
	if total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
}

// gatherStatus reads the health of every source of srcs (crawled or not)
// and of every source that has a record, and the backlogs of the streams.
func gatherStatus(ctx context.Context, b *bus.Bus, srcs []crawler.Source) (statusReport, error) {
	st := statusReport{Sources: []crawler.Health{}}
	health, err := b.KV(ctx, bus.BucketHealth)
	if err != nil {
		return st, err
	}
	keys, err := health.Keys(ctx)
	if err != nil {
		return st, err
	}
	ids := make([]string, 0, len(srcs)+len(keys))
	for _, s := range srcs {
		ids = append(ids, s.ID)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(ids, k) {
			ids = append(ids, k)
		}
	}
	for _, id := range ids {
		h, _, err := crawler.ReadHealth(ctx, health, id)
		if err != nil {
			return st, err
		}
		st.Sources = append(st.Sources, h)
	}
	infos, err := b.Backlogs(ctx)
	if err != nil {
		return st, err
	}
	jobs, err := b.JobsBacklog(ctx)
	if err != nil {
		return st, err
	}
	for _, si := range append(infos, jobs) {
		st.Streams = append(st.Streams, streamStatus{Stream: si.Stream, Messages: si.Messages, Bytes: si.Bytes, Consumers: si.Consumers})
		if strings.HasPrefix(si.Stream, bus.StreamDead) {
			st.DeadLetters = si.Messages
		}
	}
	return st, nil
}

func printStatus(w io.Writer, st statusReport, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tLAST CRAWL\tTOOK\tPAGES\tEVENTS\tUNCHANGED\tERRORS\tUNREADABLE DATES\tREFUSED\tDROPPED\tFLAGGED\tHEALTH")
	var notes []string
	for _, h := range st.Sources {
		last, took := "never", "-"
		if !h.LastFinished.IsZero() {
			last = h.LastStarted.In(event.Tokyo).Format("2006-01-02 15:04")
			took = h.LastFinished.Sub(h.LastStarted).Round(time.Second).String()
		}
		state := "ok"
		switch {
		case h.Running(now):
			state = "crawling (" + h.Worker + ")"
		case h.LastFinished.IsZero():
			state = "-"
		case !h.Healthy():
			state = "UNHEALTHY"
		case h.Failed != "":
			state = "FAILED"
		}
		if h.Failed != "" {
			notes = append(notes, fmt.Sprintf("%s: failed: %s", h.Source, h.Failed))
		}
		for _, r := range h.Reasons {
			notes = append(notes, fmt.Sprintf("%s: %s", h.Source, r))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", h.Source, last, took, h.Pages, h.Events, h.Unchanged,
			h.Errors, h.UnreadableDates, h.Refused, h.Dropped, h.Flagged, state)
	}
	tw.Flush()
	for _, n := range notes {
		fmt.Fprintln(w, "  "+n)
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "  (kouryu status SOURCE: a source's last crawls, with the fill rate of each field)")
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STREAM\tMESSAGES\tBYTES\tCONSUMER BACKLOGS")
	for _, s := range st.Streams {
		var cons []string
		for _, name := range slices.Sorted(maps.Keys(s.Consumers)) {
			cons = append(cons, fmt.Sprintf("%s=%d", name, s.Consumers[name]))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", s.Stream, s.Messages, s.Bytes, strings.Join(cons, " "))
	}
	tw.Flush()
	fmt.Fprintf(w, "\ndead letters: %d (kouryu dead list)\n", st.DeadLetters)
}
