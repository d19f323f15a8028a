package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestMain lets the test binary be the attacking process of the hostile
// stage, which runs this program again (os.Executable) to attack.
func TestMain(m *testing.M) {
	if os.Getenv(attackEnv) != "" {
		if err := attackMain(os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench attack:", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(m.Run())
}

// TestRunSmall runs every stage at a small size and checks that each one
// measured something and that results.json holds the table. The figures
// themselves are not judged: this machine is shared.
func TestRunSmall(t *testing.T) {
	stages := "crawl,classify,serve,hostile,store,e2e,dedup"
	if !postgresReachable(t) {
		stages = "crawl,classify"
	}
	// The hostile stage's attacker is this test binary, built with -race
	// under make test: without this it sleeps a second at its exit, after
	// printing its report, for race reports that other goroutines may still
	// be writing (a race found still makes it exit non-zero).
	t.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	out := filepath.Join(t.TempDir(), "results.json")
	var stdout bytes.Buffer
	args := []string{"-stages", stages, "-out", out, "-rules", "../classifier/rules.yaml",
		"-crawl-events", "300", "-store-rows", "1000", "-e2e-events", "2000", "-dedup-rows", "3000", "-latency-for", "500ms",
		"-classify-for", "100ms", "-serve-for", "200ms", "-hostile-for", "500ms", "-hostile-clients", "20",
		// One round and small counts where a stage's own length is a count,
		// not a time: the test is that each stage measures, not how well.
		"-crawl-rounds", "1", "-classify-events", "200", "-dedup-probes", "50", "-hostile-events", "500"}
	if err := run(t.Context(), args, &stdout); err != nil {
		t.Fatalf("run: %v\n%s", err, stdout.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res Result
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("results.json: %v", err)
	}
	for _, s := range strings.Split(stages, ",") {
		t.Logf("%s: %.1f s", s, res.Extra[s+".stage_seconds"])
	}
	seen := map[string]bool{}
	for _, c := range res.Checks {
		seen[c.Stage] = true
		if c.Figure <= 0 {
			t.Errorf("%s %s: figure %v", c.Stage, c.Metric, c.Figure)
		}
		if c.Baseline > 0 && c.Ratio <= 0 {
			t.Errorf("%s %s: baseline %v but ratio %v", c.Stage, c.Metric, c.Baseline, c.Ratio)
		}
		if !strings.Contains(stdout.String(), c.Metric) {
			t.Errorf("table lacks %q:\n%s", c.Metric, stdout.String())
		}
	}
	for _, s := range strings.Split(stages, ",") {
		if !seen[s] {
			t.Errorf("stage %s measured nothing; results: %s", s, data)
		}
	}
	if res.Extra["crawl.visited_100k_urls_mib"] <= 0 {
		t.Errorf("no visited-set figure: %v", res.Extra)
	}
}

// postgresReachable reports whether the test database answers; unreachable
// is a skip of the PostgreSQL stages locally and a failure under CI=true.
func postgresReachable(t *testing.T) bool {
	t.Helper()
	base := envOr("KOURYU_TEST_DATABASE_URL", "postgres://127.0.0.1:5432/test?sslmode=disable")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL at %s is unreachable under CI=true: %v", base, err)
		}
		t.Logf("PostgreSQL unreachable, store, e2e and serve left out (start it or set KOURYU_TEST_DATABASE_URL): %v", err)
		return false
	}
	conn.Close(ctx)
	return true
}
