package deploy_test

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/conf"
	"go.yaml.in/yaml/v3"
)

// Neither Docker nor systemd runs where these tests do, so they read the
// files and hold them to kouryu's command line (read from internal/cli's
// source, so that a renamed flag or subcommand shows up here) and to each
// other.

// cliEnvVars returns the environment variables kouryu reads for its flags:
// the first argument of every call envString("name", …), envInt(…),
// envName(…) and the like in internal/cli's code, made into KOURYU_NAME.
func cliEnvVars(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "internal", "cli", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok || !strings.HasPrefix(fn.Name, "env") {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				name, _ := strconv.Unquote(lit.Value)
				seen[envTwin(name)] = true
			}
			return true
		})
	}
	if !seen["KOURYU_NATS_URL"] || !seen["KOURYU_DATABASE_URL"] {
		t.Fatalf("found %v in internal/cli, not even KOURYU_NATS_URL and KOURYU_DATABASE_URL: has the way flags read the environment changed?", mapKeys(seen))
	}
	return mapKeys(seen)
}

// cliCommands returns the subcommands' names, read from the commands table
// in internal/cli/cli.go.
func cliCommands(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "internal", "cli", "cli.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "commands" || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			return false
		}
		for _, el := range lit.Elts {
			if c, ok := el.(*ast.CompositeLit); ok && len(c.Elts) > 0 {
				if s, ok := c.Elts[0].(*ast.BasicLit); ok && s.Kind == token.STRING {
					name, _ := strconv.Unquote(s.Value)
					names = append(names, name)
				}
			}
		}
		return false
	})
	if len(names) == 0 {
		t.Fatal("found no subcommands in the commands table of internal/cli/cli.go: has it moved?")
	}
	return names
}

func envTwin(flag string) string {
	return "KOURYU_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

var envLine = regexp.MustCompile(`^(#?)([A-Z][A-Z0-9_]*)=(.*)$`)

// TestEnvExample: .env.example names every flag's environment twin, the API
// keys and the database password, each with a comment above it, and nothing
// kouryu does not read.
func TestEnvExample(t *testing.T) {
	data, err := os.ReadFile(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	found := map[string]bool{} // name → set (not commented out)
	for i, l := range lines {
		m := envLine.FindStringSubmatch(l)
		if m == nil {
			if l != "" && !strings.HasPrefix(l, "#") {
				t.Errorf(".env.example:%d: %q is neither a comment nor NAME=value", i+1, l)
			}
			continue
		}
		name := m[2]
		if _, dup := found[name]; dup {
			t.Errorf(".env.example:%d: %s appears twice", i+1, name)
		}
		found[name] = m[1] == ""
		if i == 0 || !strings.HasPrefix(lines[i-1], "# ") && !envLine.MatchString(lines[i-1]) {
			t.Errorf(".env.example:%d: %s has no comment above it", i+1, name)
		}
	}
	want := map[string]bool{"KOURYU_CONNPASS_API_KEY": true, "KOURYU_DOORKEEPER_TOKEN": true, "POSTGRES_PASSWORD": true}
	for _, name := range cliEnvVars(t) {
		want[name] = true
	}
	for name := range want {
		if _, ok := found[name]; !ok {
			t.Errorf(".env.example does not mention %s", name)
		}
	}
	for name := range found {
		if !want[name] {
			t.Errorf(".env.example sets %s, which kouryu does not read", name)
		}
	}
	for _, secret := range []string{"POSTGRES_PASSWORD", "KOURYU_CONNPASS_API_KEY", "KOURYU_DOORKEEPER_TOKEN"} {
		if !found[secret] {
			t.Errorf(".env.example: %s is commented out; compose and systemd need the line to fill in", secret)
		}
	}
}

// TestCompose checks deploy/compose.yaml against the NATS config, the
// Dockerfile's user-facing defaults and kouryu's subcommands.
func TestCompose(t *testing.T) {
	data, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Services map[string]struct {
			Image       string         `yaml:"image"`
			Build       map[string]any `yaml:"build"`
			Command     []string       `yaml:"command"`
			Environment map[string]any `yaml:"environment"`
			EnvFile     any            `yaml:"env_file"`
			Restart     string         `yaml:"restart"`
			Ports       []string       `yaml:"ports"`
			Volumes     []string       `yaml:"volumes"`
			DependsOn   map[string]struct {
				Condition string `yaml:"condition"`
			} `yaml:"depends_on"`
			Deploy struct {
				Replicas *int `yaml:"replicas"`
			} `yaml:"deploy"`
			Healthcheck struct {
				Test    []string `yaml:"test"`
				Disable bool     `yaml:"disable"`
			} `yaml:"healthcheck"`
		} `yaml:"services"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(false)
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}

	// The NATS nodes run the files of deploy/nats, mounted read-only, and
	// keep their store on a volume.
	var natsURLs []string
	for _, n := range nodes {
		name := fmt.Sprintf("nats-%d", n)
		s, ok := doc.Services[name]
		if !ok {
			t.Errorf("compose.yaml: no service %s", name)
			continue
		}
		if !strings.HasPrefix(s.Image, "nats:2.10") {
			t.Errorf("%s: image %q, want nats:2.10", name, s.Image)
		}
		cfg := fmt.Sprintf("/etc/nats/nats-%d.conf", n)
		if !slices.Equal(s.Command, []string{"--config", cfg}) {
			t.Errorf("%s: command %q, want --config %s", name, s.Command, cfg)
		}
		if !slices.Contains(s.Volumes, "./nats:/etc/nats:ro") {
			t.Errorf("%s: volumes %q do not mount ./nats on /etc/nats", name, s.Volumes)
		}
		listen, err := conf.ParseFile(filepath.Join("nats", fmt.Sprintf("listen-%d.conf", n)))
		if err != nil {
			t.Fatal(err)
		}
		store, _ := listen["NODE_STORE_DIR"].(string)
		if !slices.ContainsFunc(s.Volumes, func(v string) bool {
			parts := strings.Split(v, ":")
			return len(parts) >= 2 && !strings.HasPrefix(parts[0], ".") && strings.HasPrefix(store, parts[1])
		}) {
			t.Errorf("%s: the store %s is on no volume (volumes %q)", name, store, s.Volumes)
		}
		if s.Restart == "" {
			t.Errorf("%s: no restart policy", name)
		}
		natsURLs = append(natsURLs, fmt.Sprintf("nats://%s:%d", name, listen["NODE_CLIENT_PORT"]))
	}

	pg, ok := doc.Services["postgres"]
	if !ok || !strings.HasPrefix(pg.Image, "postgres:16") || len(pg.Healthcheck.Test) == 0 {
		t.Errorf("compose.yaml: want a postgres:16 service with a healthcheck, got %+v", pg)
	}

	commands := cliCommands(t)
	want := map[string]struct {
		args     []string
		replicas int
	}{
		"migrate":  {[]string{"migrate"}, 1},
		"crawl":    {[]string{"crawl", "--loop"}, 2},
		"classify": {[]string{"classify"}, 2},
		"publish":  {[]string{"publish"}, 1},
		"serve":    {[]string{"serve", "--http-addr", "0.0.0.0:8080"}, 1},
	}
	for name, w := range want {
		s, ok := doc.Services[name]
		if !ok {
			t.Errorf("compose.yaml: no service %s", name)
			continue
		}
		if !slices.Equal(s.Command, w.args) {
			t.Errorf("%s: command %q, want %q", name, s.Command, w.args)
		}
		if len(s.Command) == 0 || !slices.Contains(commands, s.Command[0]) {
			t.Errorf("%s: %q is not a kouryu subcommand (%v)", name, s.Command, commands)
		}
		replicas := 1
		if s.Deploy.Replicas != nil {
			replicas = *s.Deploy.Replicas
		}
		if replicas != w.replicas {
			t.Errorf("%s: %d replicas, want %d", name, replicas, w.replicas)
		}
		if s.Image != "kouryu:latest" || s.Build["dockerfile"] != "deploy/Dockerfile" || s.Build["context"] != ".." {
			t.Errorf("%s: image %q built from %v, want kouryu:latest from deploy/Dockerfile in ..", name, s.Image, s.Build)
		}
		if s.EnvFile != ".env" {
			t.Errorf("%s: env_file %v, want .env", name, s.EnvFile)
		}
		if got := fmt.Sprint(s.Environment["KOURYU_NATS_URL"]); got != strings.Join(natsURLs, ",") {
			t.Errorf("%s: KOURYU_NATS_URL %q, want all three nodes %q", name, got, strings.Join(natsURLs, ","))
		}
		if got := fmt.Sprint(s.Environment["KOURYU_REPLICAS"]); got != "3" {
			t.Errorf("%s: KOURYU_REPLICAS %q, want 3", name, got)
		}
		if got := fmt.Sprint(s.Environment["KOURYU_DATABASE_URL"]); !strings.HasPrefix(got, "postgres://") || !strings.Contains(got, "@postgres:5432/") {
			t.Errorf("%s: KOURYU_DATABASE_URL %q does not point at the postgres service", name, got)
		}
		wantRestart := "unless-stopped"
		if name == "migrate" {
			wantRestart = "no"
		}
		if s.Restart != wantRestart {
			t.Errorf("%s: restart %q, want %q", name, s.Restart, wantRestart)
		}
		// The image's HEALTHCHECK probes HTTP; only serve has HTTP.
		if name == "serve" {
			if s.Healthcheck.Disable || len(s.Healthcheck.Test) == 0 {
				t.Errorf("serve: want a healthcheck")
			}
			if !slices.Contains(s.Ports, "8080:8080") {
				t.Errorf("serve: ports %q, want 8080:8080", s.Ports)
			}
		} else if !s.Healthcheck.Disable {
			t.Errorf("%s: serves no HTTP, so the image's healthcheck must be disabled", name)
		}
	}
	if c := doc.Services["migrate"].DependsOn["postgres"].Condition; c != "service_healthy" {
		t.Errorf("migrate: depends on postgres with condition %q, want service_healthy", c)
	}
	for _, name := range []string{"publish", "serve"} {
		if c := doc.Services[name].DependsOn["migrate"].Condition; c != "service_completed_successfully" {
			t.Errorf("%s: depends on migrate with condition %q, want service_completed_successfully", name, c)
		}
	}
	if _, err := os.Stat(filepath.Join("postgres", "reader.sql")); err != nil {
		t.Errorf("reader-role mounts ./postgres/reader.sql: %v", err)
	}
}

// unit is a systemd unit file: section → key → values, in order.
type unit map[string]map[string][]string

func readUnit(t *testing.T, path string) unit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := unit{}
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, ";"):
		case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
			section = l[1 : len(l)-1]
			u[section] = map[string][]string{}
		default:
			k, v, ok := strings.Cut(l, "=")
			if !ok || section == "" {
				t.Fatalf("%s:%d: %q is not key=value in a section", path, n, l)
			}
			u[section][k] = append(u[section][k], v)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return u
}

func (u unit) get(section, key string) string {
	vs := u[section][key]
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

// TestSystemdUnits checks each kouryu unit runs a real subcommand as the
// kouryu user, hardened, and gives a batch time to finish on stop.
func TestSystemdUnits(t *testing.T) {
	commands := cliCommands(t)
	want := map[string][]string{
		"kouryu-crawl.service":     {"crawl", "--loop"},
		"kouryu-classify@.service": {"classify"},
		"kouryu-publish.service":   {"publish"},
		"kouryu-serve.service":     {"serve"},
	}
	for file, args := range want {
		u := readUnit(t, filepath.Join("systemd", file))
		argv := strings.Fields(u.get("Service", "ExecStart"))
		if len(argv) == 0 || argv[0] != "/usr/local/bin/kouryu" || !slices.Equal(argv[1:], args) {
			t.Errorf("%s: ExecStart %q, want /usr/local/bin/kouryu %s", file, argv, strings.Join(args, " "))
		}
		if !slices.Contains(commands, args[0]) {
			t.Errorf("%s: %s is not a kouryu subcommand (%v)", file, args[0], commands)
		}
		for key, val := range map[string]string{
			"User":            "kouryu",
			"EnvironmentFile": "/etc/kouryu/kouryu.env",
			"NoNewPrivileges": "yes",
			"ProtectSystem":   "strict",
			"ReadWritePaths":  "/var/lib/kouryu",
			"PrivateTmp":      "yes",
			"Restart":         "on-failure",
			"KillSignal":      "SIGTERM",
		} {
			if got := u.get("Service", key); got != val {
				t.Errorf("%s: %s=%q, want %q", file, key, got, val)
			}
		}
		// A worker acks a batch within the consumer's ack wait (30s by
		// default): stopping must not cut it short.
		stop, err := time.ParseDuration(u.get("Service", "TimeoutStopSec"))
		if err != nil || stop < 30*time.Second {
			t.Errorf("%s: TimeoutStopSec=%q, want at least 30s", file, u.get("Service", "TimeoutStopSec"))
		}
		if u.get("Install", "WantedBy") == "" {
			t.Errorf("%s: no WantedBy: it cannot be enabled", file)
		}
	}
	u := readUnit(t, filepath.Join("systemd", "nats-server.service"))
	if !strings.Contains(u.get("Service", "ExecStart"), "nats-server") {
		t.Errorf("nats-server.service: ExecStart %q", u.get("Service", "ExecStart"))
	}
}

// TestSystemdVerify runs systemd-analyze verify on the units, with the
// binaries they start replaced by /bin/true (neither is installed here).
func TestSystemdVerify(t *testing.T) {
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed: the units are checked by TestSystemdUnits only")
	}
	dir := t.TempDir()
	units, err := filepath.Glob(filepath.Join("systemd", "*.service"))
	if err != nil || len(units) == 0 {
		t.Fatalf("no units in systemd/: %v", err)
	}
	var args []string
	for _, p := range units {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.NewReplacer("/usr/local/bin/kouryu", "/bin/true", "/usr/sbin/nats-server", "/bin/true").Replace(string(data))
		name := strings.Replace(filepath.Base(p), "@.service", "@1.service", 1)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, "@.service") {
			// An instance is verified through its template.
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		args = append(args, "./"+name)
	}
	cmd := exec.Command(sa, append([]string{"verify", "--man=no"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// TestDockerfile checks the image builds kouryu the way it is checked to
// build here (static, pure Go) with a Go at least go.mod's, and runs it as
// a user other than root.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	gomod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	argLine := regexp.MustCompile(`(?m)^ARG GO_VERSION=(\S+)$`).FindStringSubmatch(df)
	if goLine == nil || argLine == nil || !versionAtLeast(argLine[1], string(goLine[1])) {
		t.Errorf("Dockerfile: GO_VERSION %v is not at least go.mod's %s (the golang image will not fetch a newer toolchain)", argLine, goLine)
	}
	for _, want := range []string{
		"FROM golang:${GO_VERSION} AS build",
		`CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/kouryu ./cmd/kouryu`,
		"COPY --from=build /out/kouryu /usr/local/bin/kouryu",
		"EXPOSE 8080",
		`ENTRYPOINT ["kouryu"]`,
		"HEALTHCHECK ",
		"http://127.0.0.1:8080/healthz",
		"KOURYU_HTTP_ADDR=0.0.0.0:8080",
	} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	// The last USER must not be root.
	users := regexp.MustCompile(`(?m)^USER (\S+)`).FindAllStringSubmatch(df, -1)
	if len(users) == 0 {
		t.Fatal("Dockerfile: no USER: the image would run as root")
	}
	if u := users[len(users)-1][1]; u == "root" || u == "0" || strings.HasPrefix(u, "0:") {
		t.Errorf("Dockerfile: runs as %s", u)
	}
	// The Dockerfile's own ignore file keeps secrets and state out of the
	// build context.
	ignore, err := os.ReadFile("Dockerfile.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".git", "var", "deploy/.env"} {
		if !slices.Contains(strings.Split(string(ignore), "\n"), want) {
			t.Errorf("Dockerfile.dockerignore does not exclude %s", want)
		}
	}
}

// versionAtLeast compares dotted version numbers.
func versionAtLeast(have, want string) bool {
	h, w := strings.Split(have, "."), strings.Split(want, ".")
	for i := range max(len(h), len(w)) {
		var a, b int
		if i < len(h) {
			a, _ = strconv.Atoi(h[i])
		}
		if i < len(w) {
			b, _ = strconv.Atoi(w[i])
		}
		if a != b {
			return a > b
		}
	}
	return true
}
