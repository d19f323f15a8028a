// Package cli is kouryu's command line: it parses the flags of each
// subcommand, builds the stages from them (bus, store, crawler, classifier,
// publisher) and runs them until the context ends. cmd/kouryu only turns the
// error it returns into an exit code.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *runEnv, args []string) error
}

// runEnv is what a subcommand reads and writes besides its flags.
type runEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var commands = []command{
	{"run", "every stage in one process (embedded NATS and SQLite by default)", cmdRun},
	{"crawl", "crawl the sources once (--source ID for one; --loop to keep going)", cmdCrawl},
	{"classify", "consume raw events, publish classified ones (--stdin: label JSON lines, no NATS)", cmdClassify},
	{"publish", "consume classified events into the database", cmdPublish},
	{"serve", "the HTTP server: feeds, JSON API, web page, /metrics", cmdServe},
	{"sources", "sources check ID [--json]: fetch one source now, print what it extracts; sources suggest URL: a sources.yaml entry for a site", cmdSources},
	{"rules", "rules eval|suggest|cv FILE [--part tune|holdout]: score the rules on labelled JSON lines, find phrases that separate labels, or cross-validate phrase support", cmdRules},
	{"reclassify", "label stored events again where the rules have changed", cmdReclassify},
	{"dedup", "dedup explain ID: why a listing is one event with others, or apart from them", cmdDedup},
	{"dead", "dead list: what was set aside on kouryu.dead.>, with the reasons", cmdDead},
	{"status", "per source: last crawl, pages, events, errors, health; stream backlogs (--json); status SOURCE: its last crawls", cmdStatus},
	{"migrate", "create or update the database schema", cmdMigrate},
}

// Main runs the subcommand named by args[0].
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	env := &runEnv{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return &ExitError{Code: 2}
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, env, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	usage(stderr)
	return usageErr("unknown subcommand %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "kouryu finds business networking events in Osaka, labels them and publishes them.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: kouryu <subcommand> [flags]")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `kouryu <subcommand> -h` for its flags. The shared flags, --feeds-dir,")
	fmt.Fprintln(w, "--metrics-addr and --alert-webhook have an environment twin that sets their default:")
	fmt.Fprintln(w, "--database-url is KOURYU_DATABASE_URL, --nats-url is KOURYU_NATS_URL, and so on.")
}

// newFlagSet makes the flag set of a subcommand with the shared flags.
func newFlagSet(env *runEnv, name, synopsis string, c *common, which int) *flag.FlagSet {
	fs := flag.NewFlagSet("kouryu "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: kouryu %s\n\nFlags (one marked [$KOURYU_…] takes its default from that environment variable):\n", synopsis)
		fs.VisitAll(func(f *flag.Flag) {
			if twin := "[$" + envName(f.Name) + "]"; envTwins[f.Name] && !strings.HasSuffix(f.Usage, twin) {
				f.Usage += " " + twin
			}
		})
		fs.PrintDefaults()
	}
	if c != nil {
		c.register(fs, which)
	}
	return fs
}

// parse parses args and wraps a flag error as a usage error.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &ExitError{Code: 2}
	}
	return pos, nil
}

// setup parses the flags of a subcommand that takes no arguments and
// builds its logger.
func (c *common) setup(env *runEnv, fs *flag.FlagSet, args []string) (*slog.Logger, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		return nil, usageErr("%s takes no arguments, got %s", strings.TrimPrefix(fs.Name(), "kouryu "), strings.Join(pos, " "))
	}
	return c.logger(env.stderr)
}
