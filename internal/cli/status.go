package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
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
	fs := newFlagSet(env, "status", "status [--json] [flags]", &c, flagNATS|flagDataDir|flagSources)
	asJSON := fs.Bool("json", false, "print one JSON object for scripts")
	log, err := c.setup(env, fs, args)
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
	b, err := c.openBus(ctx, "kouryu-status", log)
	if err != nil {
		return err
	}
	defer b.Close()
	st, err := gatherStatus(ctx, b, srcs)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	printStatus(env.stdout, st, time.Now())
	return nil
}

// gatherStatus reads the health of every source of the list (and of any
// other source that has a record) and the backlogs of the streams.
func gatherStatus(ctx context.Context, b *bus.Bus, srcs []crawler.Source) (statusReport, error) {
	var st statusReport
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
		case h.Failed != "":
			state = "FAILED"
			notes = append(notes, fmt.Sprintf("%s: failed: %s", h.Source, h.Failed))
		case h.Warning != "":
			state = "WARNING"
		}
		if h.Warning != "" {
			notes = append(notes, fmt.Sprintf("%s: %s", h.Source, h.Warning))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", h.Source, last, took, h.Pages, h.Events, h.Unchanged,
			h.Errors, h.UnreadableDates, h.Refused, h.Dropped, h.Flagged, state)
	}
	tw.Flush()
	for _, n := range notes {
		fmt.Fprintln(w, "  "+n)
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
