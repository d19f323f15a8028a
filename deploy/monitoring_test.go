package deploy_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The monitoring files (prometheus/alerts.yml, grafana/kouryu.json) are
// held to the metrics kouryu's code declares, read from its source, so a
// renamed metric shows up here rather than as a silent rule or an empty
// panel; promtool, where installed, checks the rules, runs their unit
// tests and parses every query of the dashboard.

// codeMetrics returns the names of the metrics kouryu's code declares: the
// Name of every prometheus ...Opts literal and the first argument of every
// prometheus.NewDesc call, in the module's non-test files.
func codeMetrics(t *testing.T) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != ".." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		lit := func(e ast.Expr) {
			if bl, ok := e.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if s, _ := strconv.Unquote(bl.Value); strings.HasPrefix(s, "kouryu_") {
					names[s] = true
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Name" {
					lit(n.Value)
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewDesc" && len(n.Args) > 0 {
					lit(n.Args[0])
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kouryu_crawler_pages_total", "kouryu_crawler_field_fill_ratio", "kouryu_consumer_pending"} {
		if !names[want] {
			t.Fatalf("found %d metric names in the code, not %s: has the way metrics are declared changed?", len(names), want)
		}
	}
	return names
}

var metricRef = regexp.MustCompile(`\bkouryu_[a-z0-9_]+`)

// readmeMetricRow is a row of the README's table of metrics.
var readmeMetricRow = regexp.MustCompile("(?m)^\\| `(kouryu_[a-z0-9_]+)[{`]")

// queried returns the kouryu metrics a PromQL expression names, a
// histogram's series (_bucket, _sum, _count) as the histogram.
func queried(expr string, code map[string]bool) []string {
	var out []string
	for _, m := range metricRef.FindAllString(expr, -1) {
		for _, suffix := range []string{"_bucket", "_sum", "_count"} {
			if base, ok := strings.CutSuffix(m, suffix); ok && code[base] {
				m = base
			}
		}
		out = append(out, m)
	}
	return out
}

// promtool returns the path of promtool; without it the test is skipped
// with a hint, and fails under CI=true (.ci/run installs it).
func promtool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("promtool")
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("promtool not found under CI=true: .ci/run installs Debian's prometheus package")
	}
	t.Skip("promtool not found: apt-get install prometheus (Debian) to check the rules and the dashboard's queries")
	return ""
}

type ruleFile struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []struct {
			Alert       string            `yaml:"alert"`
			Record      string            `yaml:"record"`
			Expr        string            `yaml:"expr"`
			For         string            `yaml:"for"`
			Labels      map[string]string `yaml:"labels"`
			Annotations map[string]string `yaml:"annotations"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

// TestPrometheusRules: every rule of prometheus/alerts.yml queries metrics
// the code exports, has a severity and a summary, and the rules cover what
// an operator must hear of; promtool checks the file and runs its tests.
func TestPrometheusRules(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("prometheus", "alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var rf ruleFile
	if err := yaml.Unmarshal(data, &rf); err != nil {
		t.Fatalf("alerts.yml: %v", err)
	}
	code := codeMetrics(t)
	used := map[string]bool{}
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" {
				t.Errorf("group %s: a rule without an alert name (recording rules belong elsewhere)", g.Name)
				continue
			}
			for _, m := range queried(r.Expr, code) {
				used[m] = true
				if !code[m] {
					t.Errorf("%s: %s is not a metric kouryu exports", r.Alert, m)
				}
			}
			if !slices.Contains([]string{"critical", "warning", "info"}, r.Labels["severity"]) {
				t.Errorf("%s: severity %q", r.Alert, r.Labels["severity"])
			}
			if r.Annotations["summary"] == "" || r.Annotations["description"] == "" {
				t.Errorf("%s: no summary or description", r.Alert)
			}
		}
	}
	// What the rules must watch: crawl errors, unhealthy sources, field
	// fill drops, consumer lag, dead letters.
	for _, m := range []string{"kouryu_crawler_crawls_total", "kouryu_crawler_pages_total", "kouryu_crawler_source_unhealthy",
		"kouryu_crawler_check_failed", "kouryu_consumer_pending", "kouryu_dead_letters_total"} {
		if !used[m] {
			t.Errorf("no rule watches %s", m)
		}
	}

	tool := promtool(t)
	for _, args := range [][]string{{"check", "rules", "alerts.yml"}, {"test", "rules", "alerts_test.yml"}} {
		cmd := exec.Command(tool, args...)
		cmd.Dir = "prometheus"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

type dashboard struct {
	Title      string  `json:"title"`
	UID        string  `json:"uid"`
	Panels     []panel `json:"panels"`
	Templating struct {
		List []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID         int    `json:"id"`
	Type       string `json:"type"`
	Title      string `json:"title"`
	Datasource *struct {
		UID string `json:"uid"`
	} `json:"datasource"`
	GridPos struct{ H, W, X, Y int } `json:"gridPos"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
	Panels []panel `json:"panels"` // a collapsed row's
}

// TestGrafanaDashboard: grafana/kouryu.json parses, every panel queries
// metrics the code exports through the dashboard's data source, and the
// metrics the README lists are all on it; promtool, where installed,
// parses every query.
func TestGrafanaDashboard(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("grafana", "kouryu.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	dec := json.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("kouryu.json: %v", err)
	}
	if d.Title == "" || d.UID == "" {
		t.Errorf("dashboard title %q uid %q", d.Title, d.UID)
	}
	vars := map[string]bool{}
	for _, v := range d.Templating.List {
		vars[v.Name] = true
	}
	if !vars["datasource"] || !vars["source"] {
		t.Errorf("variables %v, want datasource and source", vars)
	}
	code := codeMetrics(t)
	used := map[string]bool{}
	ids := map[int]bool{}
	var exprs []string
	var walk func([]panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			if ids[p.ID] {
				t.Errorf("panel %q: id %d used twice", p.Title, p.ID)
			}
			ids[p.ID] = true
			if p.GridPos.W < 1 || p.GridPos.X+p.GridPos.W > 24 || p.GridPos.H < 1 {
				t.Errorf("panel %q: gridPos %+v outside the 24 columns", p.Title, p.GridPos)
			}
			walk(p.Panels)
			if p.Type == "row" {
				continue
			}
			if p.Datasource == nil || p.Datasource.UID != "${datasource}" {
				t.Errorf("panel %q: data source %+v, want the ${datasource} variable", p.Title, p.Datasource)
			}
			if len(p.Targets) == 0 {
				t.Errorf("panel %q: no query", p.Title)
			}
			for _, tg := range p.Targets {
				ms := queried(tg.Expr, code)
				if len(ms) == 0 {
					t.Errorf("panel %q: query %q names no kouryu metric", p.Title, tg.Expr)
				}
				for _, m := range ms {
					used[m] = true
					if !code[m] {
						t.Errorf("panel %q: %s is not a metric kouryu exports", p.Title, m)
					}
				}
				exprs = append(exprs, tg.Expr)
			}
		}
	}
	walk(d.Panels)

	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, row := range readmeMetricRow.FindAllStringSubmatch(string(readme), -1) {
		listed = append(listed, row[1])
	}
	if len(listed) < 10 {
		t.Fatalf("the README's table of metrics has %d rows: has it moved?", len(listed))
	}
	for _, m := range listed {
		if !code[m] {
			t.Errorf("the README lists %s, which the code does not export", m)
		} else if !used[m] {
			t.Errorf("the README lists %s, which the dashboard does not show", m)
		}
	}

	// Every query parses: promtool checks them as recording rules, with
	// Grafana's variables given values.
	tool := promtool(t)
	var rules strings.Builder
	rules.WriteString("groups:\n  - name: dashboard\n    rules:\n")
	vals := strings.NewReplacer("$__rate_interval", "5m", "$source", ".*")
	for i, e := range exprs {
		q, _ := json.Marshal(vals.Replace(e))
		fmt.Fprintf(&rules, "      - record: kouryu_dashboard_query_%d\n        expr: %s\n", i, q)
	}
	file := filepath.Join(t.TempDir(), "queries.yml")
	if err := os.WriteFile(file, []byte(rules.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tool, "check", "rules", file).CombinedOutput(); err != nil {
		t.Errorf("promtool check rules on the dashboard's queries: %v\n%s", err, out)
	}
}
