package cli

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/crawler"
)

// common holds the flags every subcommand shares. Each has an environment
// twin (KOURYU_ and the flag's name in upper case with _ for -), which sets its
// default; a flag given on the command line wins.
type common struct {
	databaseURL  string
	natsURL      string
	dataDir      string
	sources      string
	rules        string
	httpAddr     string
	baseURL      string
	allowPrivate bool
	replicas     int
	logLevel     string
	// natsMaxStore and streamMaxBytes size the embedded server's store and
	// each stream; 0: sized to the disk (see bus.Config).
	natsMaxStore   int64
	streamMaxBytes int64
	// attach: a short command that may use the embedded server another
	// process runs on the data dir (status, dead list, reclassify).
	attach bool
	// readOnly: a command that only reads the bus (status, dead list)
	// creates no stream or bucket on it.
	readOnly bool
	// dedupOverrides is the operator's file of listings never and always
	// to be one event.
	dedupOverrides string
	// maxCrawlTime is the deadline of one crawl of one source.
	maxCrawlTime time.Duration
	// faults are environment values that do not parse, reported by logger.
	faults []string

	// reg is the process's metrics registry, made by the long-running
	// subcommands; nil: no metrics.
	reg *prometheus.Registry
}

// envTwins are the flags whose default their environment twin sets; the
// help marks them.
var envTwins = map[string]bool{
	"database-url": true, "nats-url": true, "data-dir": true, "sources": true, "rules": true,
	"http-addr": true, "base-url": true, "allow-private": true, "replicas": true, "log-level": true,
	"feeds-dir": true, "metrics-addr": true, "nats-max-store": true, "nats-stream-max-bytes": true,
	"alert-webhook": true, "dedup-overrides": true, "max-crawl-time": true,
}

// envName is the environment twin of a flag.
func envName(flagName string) string {
	return "KOURYU_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func envString(name, def string) string {
	if v, ok := os.LookupEnv(envName(name)); ok {
		return v
	}
	return def
}

// Groups of shared flags: a subcommand offers only those it uses.
const (
	flagDatabase     = 1 << iota // --database-url
	flagNATS                     // --nats-url, --replicas, --nats-max-store, --nats-stream-max-bytes
	flagDataDir                  // --data-dir
	flagSources                  // --sources
	flagRules                    // --rules
	flagHTTP                     // --http-addr, --base-url
	flagAllowPrivate             // --allow-private
	flagDedup                    // --dedup-overrides
	flagCrawlTime                // --max-crawl-time
)

// register adds the shared flags of the groups in which to fs (--log-level
// always). Every field is first set from its environment twin or default,
// so a value a subcommand does not offer is still the configured one.
func (c *common) register(fs *flag.FlagSet, which int) {
	c.databaseURL = envString("database-url", "")
	c.natsURL = envString("nats-url", "")
	c.dataDir = envString("data-dir", "./var")
	c.sources = envString("sources", "")
	c.rules = envString("rules", "")
	c.httpAddr = envString("http-addr", "127.0.0.1:8080")
	c.baseURL = envString("base-url", "")
	c.allowPrivate, _ = strconv.ParseBool(envString("allow-private", "false"))
	c.replicas = envInt("replicas", 1)
	c.logLevel = envString("log-level", "info")
	c.dedupOverrides = envString("dedup-overrides", "")
	c.maxCrawlTime = crawler.DefaultMaxCrawlTime
	if v, ok := os.LookupEnv(envName("max-crawl-time")); ok {
		if err := (durationFlag{&c.maxCrawlTime}).Set(v); err != nil {
			c.faults = append(c.faults, fmt.Sprintf("%s=%q: %v", envName("max-crawl-time"), v, err))
		}
	}
	for name, p := range map[string]*int64{"nats-max-store": &c.natsMaxStore, "nats-stream-max-bytes": &c.streamMaxBytes} {
		if v, ok := os.LookupEnv(envName(name)); ok {
			if err := (sizeFlag{p}).Set(v); err != nil {
				c.faults = append(c.faults, fmt.Sprintf("%s=%q: %v", envName(name), v, err))
			}
		}
	}
	if which&flagDatabase != 0 {
		fs.StringVar(&c.databaseURL, "database-url", c.databaseURL, "PostgreSQL URL (postgres://…) or keyword/value DSN (host=… dbname=…); empty: the SQLite file <data-dir>/kouryu.db")
	}
	if which&flagNATS != 0 {
		fs.StringVar(&c.natsURL, "nats-url", c.natsURL, "NATS server URLs, comma-separated; empty: an embedded server storing under <data-dir>/nats")
		fs.IntVar(&c.replicas, "replicas", c.replicas, "replicas of each JetStream stream (3 on a three-node cluster)")
		fs.Var(sizeFlag{&c.natsMaxStore}, "nats-max-store", "disk budget of the embedded NATS server's store, e.g. 2GiB; default: 3/4 of the free space plus what the store holds")
		fs.Var(sizeFlag{&c.streamMaxBytes}, "nats-stream-max-bytes", "size limit of each stream (oldest messages dropped beyond it), e.g. 512MiB; default: 1GiB, or what the embedded store holds")
	}
	if which&flagDataDir != 0 {
		fs.StringVar(&c.dataDir, "data-dir", c.dataDir, "directory for the embedded NATS server and the SQLite file")
	}
	if which&flagSources != 0 {
		fs.StringVar(&c.sources, "sources", c.sources, "sources file replacing the embedded list of Osaka sources")
	}
	if which&flagRules != 0 {
		fs.StringVar(&c.rules, "rules", c.rules, "rules file replacing the embedded classifier/rules.yaml")
	}
	if which&flagHTTP != 0 {
		fs.StringVar(&c.httpAddr, "http-addr", c.httpAddr, "address the HTTP server listens on")
		fs.StringVar(&c.baseURL, "base-url", c.baseURL, "the public URL of the HTTP server, used in feed links (default http://<http-addr>)")
	}
	if which&flagAllowPrivate != 0 {
		fs.Var(boolEnv{&c.allowPrivate}, "allow-private", "let the crawler reach loopback and private addresses (tests, demos, intranet sources)")
	}
	if which&flagDedup != 0 {
		fs.StringVar(&c.dedupOverrides, "dedup-overrides", c.dedupOverrides, "YAML file of listing ids never and always to be one event (never: [[id, id]], always: [[id, id]]); it wins over the matching rules")
	}
	if which&flagCrawlTime != 0 {
		fs.Var(durationFlag{&c.maxCrawlTime}, "max-crawl-time", "deadline of one crawl of one source (30m, 2h): past it the crawl stops, keeps what it read and logs so")
	}
	fs.StringVar(&c.logLevel, "log-level", c.logLevel, "debug, info, warn or error")
}

// durationFlag is a positive duration (30m, 2h).
type durationFlag struct{ p *time.Duration }

func (f durationFlag) String() string {
	if f.p == nil {
		return ""
	}
	return f.p.String()
}

func (f durationFlag) Set(s string) error {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || d <= 0 {
		return fmt.Errorf("%q is not a positive duration (30m, 2h)", s)
	}
	*f.p = d
	return nil
}

// sizeFlag is a size in bytes: a whole number, optionally followed by a
// unit: B, KiB MiB GiB TiB (also K M G T, powers of 1024), KB MB GB TB
// (powers of 1000).
type sizeFlag struct{ p *int64 }

func (f sizeFlag) String() string {
	if f.p == nil || *f.p == 0 {
		return ""
	}
	return strconv.FormatInt(*f.p, 10)
}

func (f sizeFlag) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*f.p = n
	return nil
}

var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gib": 1 << 30, "t": 1 << 40, "tib": 1 << 40,
	"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
}

func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if !ok || err != nil || n > (1<<62)/unit {
		return 0, fmt.Errorf("%q is not a size (bytes, or with a unit: 512MiB, 2GiB, 500MB)", s)
	}
	return n * unit, nil
}

func envInt(name string, def int) int {
	v, ok := os.LookupEnv(envName(name))
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}

// boolEnv is a boolean flag whose default came from the environment.
type boolEnv struct{ p *bool }

func (b boolEnv) String() string {
	if b.p == nil {
		return "false"
	}
	return strconv.FormatBool(*b.p)
}
func (b boolEnv) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*b.p = v
	return nil
}
func (b boolEnv) IsBoolFlag() bool { return true }

// logger builds the process's logger: log/slog text to stderr. It reports
// the environment values that do not parse, as a flag would.
func (c *common) logger(stderr io.Writer) (*slog.Logger, error) {
	if len(c.faults) > 0 {
		return nil, usageErr("%s", strings.Join(c.faults, "; "))
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, usageErr("--log-level %q: want debug, info, warn or error", c.logLevel)
	}
	return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl})), nil
}

// level is --log-level, once logger has accepted it.
func (c *common) level() slog.Level {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.logLevel))
	return lvl
}

func (c *common) sqlitePath() string { return filepath.Join(c.dataDir, "kouryu.db") }

// parseInterspersed parses fs over args, allowing flags after positional
// arguments (`sources check ID --json`), and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// ExitError carries the exit code a subcommand wants. Err, when set, is
// printed by main; nil means the subcommand already said what went wrong.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

func usageErr(format string, args ...any) error {
	return &ExitError{Code: 2, Err: fmt.Errorf(format, args...)}
}
