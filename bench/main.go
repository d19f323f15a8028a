// Command bench measures kouryu's stages against baselines run on the same
// machine in the same run (`make bench`, or `go run ./bench` from the module
// root), and writes a table to stdout and the figures to bench/results.json.
//
// Each stage runs in-process with the real components:
//
//   - crawl: kouryu's Colly collector (16 in parallel, no politeness delay)
//     against a bare net/http + goquery loop with the same extractors, on an
//     httptest site of 5,000 event pages and their list pages;
//   - classify: the rule engine on one core against a loop of strings.Contains
//     over the same phrases;
//   - store: store.Upsert (the publisher's write path) against a raw COPY of
//     the same rows into an unindexed table, in PostgreSQL;
//   - e2e: 100,000 events through the embedded nats-server, the classifier
//     worker and the publisher writer into PostgreSQL, then a steady 1,000
//     events a second for the publish→commit latency;
//   - serve: the publisher's HTTP server on loopback under a Go load generator,
//     plain and conditional (304) feed requests;
//   - hostile: `kouryu serve` over 5,000 upcoming events while 200 clients
//     in another process send it random query strings for 10 s: the p99 of
//     a feed reader's requests for the cached feed, and the server's peak
//     resident memory.
//
// The machine is shared and noisy, so speed is judged as a ratio to the
// baseline of the same run where there is one; absolute figures stand beside
// it. PostgreSQL is KOURYU_TEST_DATABASE_URL (default
// postgres://127.0.0.1:5432/test?sslmode=disable); every stage that uses it
// works in a fresh schema dropped afterwards.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Check is one measured figure with its target.
type Check struct {
	Stage    string  `json:"stage"`
	Metric   string  `json:"metric"`
	Unit     string  `json:"unit"`
	Figure   float64 `json:"figure"`
	Baseline float64 `json:"baseline,omitempty"` // 0: none
	BaseName string  `json:"baseline_name,omitempty"`
	Ratio    float64 `json:"ratio,omitempty"` // Figure / Baseline (or the inverse for latencies)
	Target   string  `json:"target"`
	Pass     bool    `json:"pass"`
}

// Result is what results.json holds.
type Result struct {
	Started  time.Time          `json:"started"`
	Seconds  float64            `json:"seconds"`
	Go       string             `json:"go"`
	CPUs     int                `json:"cpus"`
	Checks   []Check            `json:"checks"`
	Extra    map[string]float64 `json:"extra"` // further figures: memory, counts, times
	Failures []string           `json:"failures,omitempty"`
}

// config is the command line.
type config struct {
	stages         string
	out            string
	databaseURL    string
	rulesPath      string
	crawlEvents    int
	crawlRounds    int
	storeRows      int
	e2eEvents      int
	latencyFor     time.Duration
	dedupRows      int
	dedupPerDay    int
	dedupProbes    int
	classifyFor    time.Duration
	classifyEvents int
	serveFor       time.Duration
	hostileFor     time.Duration
	hostileClients int
	hostileEvents  int
	hostileBin     string
	verbose        bool
	cpuprofile     string
	blockprof      string
}

func main() {
	if os.Getenv(attackEnv) != "" { // the attacking process of the hostile stage
		if err := attackMain(os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench attack:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	var c config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&c.stages, "stages", "crawl,classify,store,e2e,serve,hostile", "stages to run, comma-separated")
	fs.StringVar(&c.out, "out", "bench/results.json", "where to write the figures as JSON; empty: nowhere")
	fs.StringVar(&c.databaseURL, "database-url", envOr("KOURYU_TEST_DATABASE_URL", "postgres://127.0.0.1:5432/test?sslmode=disable"), "PostgreSQL to measure in (a fresh schema is created and dropped)")
	fs.StringVar(&c.rulesPath, "rules", "classifier/rules.yaml", "the rules file whose phrases the naive classifier loops over")
	fs.IntVar(&c.crawlEvents, "crawl-events", 5000, "event pages of the crawl site")
	fs.IntVar(&c.crawlRounds, "crawl-rounds", 5, "alternating crawls of each side, the best of each kept")
	fs.IntVar(&c.storeRows, "store-rows", 15000, "rows of the store stage, each way (batches of 500)")
	fs.IntVar(&c.e2eEvents, "e2e-events", 100000, "events pushed through the pipeline for the sustained rate")
	fs.IntVar(&c.dedupRows, "dedup-rows", 1000000, "listings in the table the dedup stage places new ones among (a tenth first)")
	fs.IntVar(&c.dedupPerDay, "dedup-per-day", 333, "listings a day in the dedup stage's table")
	fs.IntVar(&c.dedupProbes, "dedup-probes", 200, "new listings placed for each kind and table size of the dedup stage")
	fs.DurationVar(&c.latencyFor, "latency-for", 10*time.Second, "how long to publish at 1,000 events/s for the latency")
	fs.DurationVar(&c.classifyFor, "classify-for", 2*time.Second, "how long each classify round lasts (the naive one half as long)")
	fs.IntVar(&c.classifyEvents, "classify-events", 1000, "events of the classify corpus; each round goes through all of them at least once")
	fs.DurationVar(&c.serveFor, "serve-for", 3*time.Second, "how long each load of the serve stage lasts")
	fs.DurationVar(&c.hostileFor, "hostile-for", 10*time.Second, "how long the hostile stage's attack lasts")
	fs.IntVar(&c.hostileClients, "hostile-clients", 200, "clients of the hostile stage, each sending random query strings back to back")
	fs.IntVar(&c.hostileEvents, "hostile-events", 5000, "upcoming events stored for the hostile stage's server")
	fs.StringVar(&c.hostileBin, "hostile-bin", "", "the kouryu binary the hostile stage attacks (e.g. an older build, to compare); default: one built from this module")
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof)")
	fs.StringVar(&c.blockprof, "blockprofile", "", "write a profile of where goroutines block (channels, locks, select) to this file")
	fs.BoolVar(&c.verbose, "v", false, "log the components at Info (default: warnings only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for name, n := range map[string]int{"crawl-rounds": c.crawlRounds, "classify-events": c.classifyEvents, "dedup-probes": c.dedupProbes, "hostile-events": c.hostileEvents} {
		if n <= 0 {
			return fmt.Errorf("-%s %d: a positive number", name, n)
		}
	}
	level := slog.LevelWarn
	if c.verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if c.cpuprofile != "" {
		f, err := os.Create(c.cpuprofile)
		if err != nil {
			return fmt.Errorf("create CPU profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("start CPU profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if c.blockprof != "" {
		runtime.SetBlockProfileRate(int(10 * time.Microsecond))
		defer func() {
			if f, err := os.Create(c.blockprof); err == nil {
				_ = pprof.Lookup("block").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	res := &Result{Started: time.Now(), Go: runtime.Version(), CPUs: runtime.NumCPU(), Extra: map[string]float64{}}
	stages := map[string]func(context.Context, config, *Result, *slog.Logger) error{
		"crawl": benchCrawl, "classify": benchClassify, "store": benchStore, "e2e": benchE2E, "serve": benchServe, "hostile": benchHostile, "dedup": benchDedup,
	}
	for _, name := range strings.Split(c.stages, ",") {
		f, ok := stages[strings.TrimSpace(name)]
		if !ok {
			return fmt.Errorf("unknown stage %q", name)
		}
		fmt.Fprintf(os.Stderr, "bench: %s …\n", name)
		t0 := time.Now()
		if err := f(ctx, c, res, log); err != nil {
			if ctx.Err() != nil {
				return err
			}
			res.Failures = append(res.Failures, fmt.Sprintf("%s: %v", name, err))
			fmt.Fprintf(os.Stderr, "bench: %s failed: %v\n", name, err)
		}
		res.Extra[name+".stage_seconds"] = round(time.Since(t0).Seconds(), 1)
	}
	res.Seconds = round(time.Since(res.Started).Seconds(), 1)
	printTable(stdout, res)
	if c.out != "" {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return fmt.Errorf("encode results: %w", err)
		}
		if err := os.WriteFile(c.out, append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("write results: %w", err)
		}
	}
	if len(res.Failures) > 0 {
		return errors.New(strings.Join(res.Failures, "; "))
	}
	return nil
}

func printTable(w io.Writer, res *Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "stage\tmetric\tfigure\tbaseline\tratio\ttarget\t\t\n")
	for _, c := range res.Checks {
		base, ratio := "", ""
		if c.Baseline != 0 {
			base = fmt.Sprintf("%s %s", num(c.Baseline), c.BaseName)
			ratio = fmt.Sprintf("%.2f×", c.Ratio)
		}
		verdict := "FAIL"
		if c.Pass {
			verdict = "pass"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t\n", c.Stage, c.Metric, num(c.Figure), c.Unit, base, ratio, c.Target, verdict)
	}
	tw.Flush()
	if len(res.Extra) > 0 {
		fmt.Fprintln(w)
		keys := make([]string, 0, len(res.Extra))
		for k := range res.Extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "  %-40s %s\n", k, num(res.Extra[k]))
		}
	}
	fmt.Fprintf(w, "\n%d CPUs, %s, %.0f s\n", res.CPUs, res.Go, res.Seconds)
	for _, f := range res.Failures {
		fmt.Fprintf(w, "stage failed: %s\n", f)
	}
}

func num(f float64) string {
	switch {
	case f >= 1000 || f == float64(int64(f)):
		return fmt.Sprintf("%.0f", f)
	case f >= 10:
		return fmt.Sprintf("%.1f", f)
	default:
		return fmt.Sprintf("%.3g", f)
	}
}

func round(f float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(f*p+0.5)) / p
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
