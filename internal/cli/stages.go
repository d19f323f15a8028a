package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"

	"kouryu/classifier"
	"kouryu/crawler"
	"kouryu/internal/alert"
	"kouryu/internal/bus"
	"kouryu/internal/dedup"
	"kouryu/internal/store"
	"kouryu/publisher"
)

func (c *common) busConfig(name string) bus.Config {
	return bus.Config{URL: c.natsURL, DataDir: c.dataDir, Name: name, Replicas: c.replicas, Metrics: c.registerer(),
		MaxStore: c.natsMaxStore, MaxBytes: c.streamMaxBytes, Attach: c.attach, ReadOnly: c.readOnly}
}

// registerer is c.reg as a prometheus.Registerer: nil (no metrics) when the
// subcommand made no registry.
func (c *common) registerer() prometheus.Registerer {
	if c.reg == nil {
		return nil
	}
	return c.reg
}

func (c *common) storeConfig() store.Config {
	return store.Config{URL: c.databaseURL, Path: c.sqlitePath()}
}

// shortConnectWait bounds the first connect of a short command (status,
// dead list, reclassify: those that set c.attach). A person waits on it:
// a NATS server that is down must be an error, not retries until Ctrl-C
// as for a stage, which waits for its server to come up.
var shortConnectWait = 15 * time.Second

func (c *common) openBus(ctx context.Context, name string, log *slog.Logger) (*bus.Bus, error) {
	octx := ctx
	if c.attach {
		var cancel context.CancelFunc
		octx, cancel = context.WithTimeout(ctx, shortConnectWait)
		defer cancel()
	}
	b, err := bus.Open(octx, c.busConfig(name), log)
	if err != nil {
		if ctx.Err() == nil && octx.Err() != nil {
			return nil, fmt.Errorf("open NATS: gave up after %s: %w", shortConnectWait, err)
		}
		return nil, fmt.Errorf("open NATS: %w", err)
	}
	return b, nil
}

func (c *common) openStore(ctx context.Context, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, c.storeConfig(), log)
	if err != nil {
		if c.databaseURL != "" {
			return nil, fmt.Errorf("open database %s: %w", store.Redact(c.databaseURL), err)
		}
		return nil, fmt.Errorf("open SQLite file %s: %w", c.sqlitePath(), err)
	}
	if c.databaseURL != "" {
		log.Info("database ready", "backend", st.Backend(), "url", store.Redact(c.databaseURL))
	} else {
		log.Info("database ready", "backend", st.Backend(), "path", c.sqlitePath())
	}
	return st, nil
}

func (c *common) loadSources() ([]crawler.Source, error) {
	if c.sources == "" {
		return crawler.DefaultSources(), nil
	}
	srcs, err := crawler.LoadSources(c.sources)
	if err != nil {
		return nil, &ExitError{Code: 2, Err: err}
	}
	return srcs, nil
}

func (c *common) loadRules(log *slog.Logger) (*classifier.Live, error) {
	live, err := classifier.NewLive(c.rules, log)
	if err != nil {
		return nil, &ExitError{Code: 2, Err: fmt.Errorf("load rules: %w", err)}
	}
	return live, nil
}

// watchOverrides reads the dedup overrides file again on SIGHUP and gives
// it to w; a file that does not load leaves the old overrides in force.
func watchOverrides(ctx context.Context, path string, w *publisher.Writer, log *slog.Logger) {
	if path == "" {
		return
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				reloadOverrides(ctx, path, w, log)
			}
		}
	}()
}

func reloadOverrides(ctx context.Context, path string, w *publisher.Writer, log *slog.Logger) {
	ov, err := dedup.LoadOverrides(path)
	if err != nil {
		log.Warn("dedup overrides not reloaded; the old ones stay in force", "file", path, "err", err)
		return
	}
	if err := w.SetOverrides(ctx, ov); err != nil {
		log.Warn("dedup overrides reloaded; placing their listings failed, they apply when those listings are next written", "file", path, "err", err)
	}
}

// watchRules reloads the rules on SIGHUP and when their file changes.
func watchRules(ctx context.Context, live *classifier.Live) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		live.Watch(ctx, hup)
	}()
}

func cmdRun(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "run", "run [--feeds-dir DIR] [--metrics-addr ADDR] [flags]\n\nEvery stage in one process. The HTTP server on --http-addr also serves\n/healthz, /readyz and, without --metrics-addr, /metrics (every stage's).", &c, flagDatabase|flagNATS|flagDataDir|flagSources|flagRules|flagHTTP|flagAllowPrivate|flagDedup|flagCrawlTime)
	feedsDir := fs.String("feeds-dir", envString("feeds-dir", ""), "also write the feed files (all and per label, .rss .atom .ics) into this directory after each commit")
	metricsAddr := fs.String("metrics-addr", envString("metrics-addr", ""), metricsAddrUsage+"; /metrics is then not served on --http-addr")
	hook := fs.String("alert-webhook", envString("alert-webhook", ""), alertWebhookUsage)
	log, err := c.setup(env, fs, args)
	if err != nil {
		return err
	}
	srcs, err := c.loadSources()
	if err != nil {
		return err
	}
	rules, err := c.loadRules(log)
	if err != nil {
		return err
	}
	c.reg = newRegistry()
	cr, err := crawler.New(crawler.Config{AllowPrivate: c.allowPrivate, MaxCrawlTime: c.maxCrawlTime, Metrics: c.reg}, log)
	if err != nil {
		return err
	}
	st, err := c.openStore(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := c.openBus(ctx, "kouryu-run", log)
	if err != nil {
		return err
	}
	defer b.Close()
	alerts, closeAlerts, err := openAlerts(*hook, c.reg, log)
	if err != nil {
		return err
	}
	defer closeAlerts() // before the bus closes: a delivery is recorded there
	if err := watchBus(c.reg, b); err != nil {
		return err
	}
	scfg := c.serverConfig()
	scfg.Registry = c.reg
	scfg.NoMetrics = *metricsAddr != ""
	srv, err := publisher.NewServer(st, scfg, log)
	if err != nil {
		return err
	}
	srv.SetReady(natsReady(b))
	o, err := startOps(*metricsAddr, c.reg, srv.Ready, log)
	if err != nil {
		return err
	}
	// The ops listener stops last, so the last scrape sees the final counts.
	defer func() {
		if oerr := o.Stop(); oerr != nil {
			log.Warn("stop ops listener", "err", oerr)
		}
	}()

	// Intake (crawl, classify, publish) stops first when ctx ends; the
	// server keeps answering until the intake has drained. The first stage
	// to fail ends the intake of the others too.
	intake, stopIntake := context.WithCancel(ctx)
	defer stopIntake()
	g, intake := errgroup.WithContext(intake)
	stage := func(name string, run func() error) {
		g.Go(func() error {
			if err := run(); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		})
	}
	serveCtx, stopServe := context.WithCancel(context.Background())
	defer stopServe()
	watchRules(intake, rules)

	// The writer's config first: a failure here returns before any stage
	// runs, so none is left behind.
	wcfg, err := c.writerConfig(intake, st, *feedsDir, log)
	if err != nil {
		return err
	}
	wcfg.Metrics = c.reg
	stage("classify", func() error {
		return classifier.NewWorker(b, rules, classifier.WorkerConfig{Metrics: c.reg}, log).Run(intake)
	})
	w := publisher.NewWriter(b, st, wcfg, log)
	watchOverrides(intake, c.dedupOverrides, w, log)
	stage("publish", func() error { return w.Run(intake) })
	stage("crawl", func() error {
		return crawler.NewRunner(b, cr, srcs, crawler.RunnerConfig{Alerts: alerts, Metrics: c.reg}, log).Run(intake)
	})
	srvErr := make(chan error, 1)
	go func() { srvErr <- srv.ListenAndServe(serveCtx) }()
	log.Info("kouryu running", "http", "http://"+c.httpAddr+"/", "sources", len(srcs))

	select {
	case <-intake.Done():
	case err := <-srvErr:
		stopIntake()
		g.Wait()
		return fmt.Errorf("serve: %w", err)
	}
	err = g.Wait()
	stopServe()
	if serr := <-srvErr; serr != nil && err == nil {
		err = fmt.Errorf("serve: %w", serr)
	}
	log.Info("kouryu stopped")
	return err
}

func cmdCrawl(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "crawl", "crawl [--source ID] [--loop [--metrics-addr ADDR]] [flags]\n\nOn a terminal, one live line per source (pages done and queued, events\nfound) below the log; elsewhere, log lines only.", &c, flagNATS|flagDataDir|flagSources|flagAllowPrivate|flagCrawlTime)
	only := fs.String("source", "", "crawl only the source with this id (not with --loop)")
	loop := fs.Bool("loop", false, "keep crawling each source on its schedule (every: in the sources file), sharing the work with other crawl processes")
	metricsAddr := fs.String("metrics-addr", envString("metrics-addr", ""), metricsAddrUsage+"; with --loop only")
	hook := fs.String("alert-webhook", envString("alert-webhook", ""), alertWebhookUsage)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("crawl takes no arguments, got %s", strings.Join(pos, " "))
	}
	// On a terminal, one live line per source; the log prints above them.
	// Elsewhere, plain log lines only.
	logOut := env.stderr
	var view *progressView
	if isTerminal(env.stderr) {
		view = newProgressView(env.stderr)
		defer view.flush()
		logOut = view
	}
	log, err := c.logger(logOut)
	if err != nil {
		return err
	}
	srcs, err := c.loadSources()
	if err != nil {
		return err
	}
	if *only != "" {
		if *loop {
			return usageErr("--loop crawls every source on its schedule; --source is for one crawl now")
		}
		src, err := findSource(srcs, *only)
		if err != nil {
			return err
		}
		srcs = []crawler.Source{src}
	}
	ccfg := crawler.Config{AllowPrivate: c.allowPrivate, MaxCrawlTime: c.maxCrawlTime}
	if view != nil {
		ccfg.Progress = view.update
	}
	if *loop {
		c.reg = newRegistry()
		ccfg.Metrics = c.reg
	}
	cr, err := crawler.New(ccfg, log)
	if err != nil {
		return err
	}
	b, err := c.openBus(ctx, "kouryu-crawl", log)
	if err != nil {
		return err
	}
	defer b.Close()
	alerts, closeAlerts, err := openAlerts(*hook, c.registerer(), log)
	if err != nil {
		return err
	}
	defer closeAlerts() // before the bus closes: a delivery is recorded there
	rcfg := crawler.RunnerConfig{Alerts: alerts, Metrics: c.registerer()}
	if *loop {
		// Every source of the list, on its `every`, shared with the other
		// crawl processes through the job queue.
		r := crawler.NewRunner(b, cr, srcs, rcfg, log)
		return runWithOps(*metricsAddr, c.reg, b, natsReady(b), log, func() error { return r.Run(ctx) })
	}
	failed, err := crawler.NewRunner(b, cr, srcs, rcfg, log).CrawlAll(ctx)
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d sources failed (see the log lines above)", failed, len(srcs))
	}
	return nil
}

// alertWebhookUsage is the help of --alert-webhook.
const alertWebhookUsage = "URL to POST a JSON alert to when a source turns unhealthy and when it recovers (once per change, whichever crawl process sees it); empty: none"

// alertDrain is how long a stopping process goes on delivering the alerts
// it has queued.
const alertDrain = 10 * time.Second

// openAlerts returns the webhook of url (nil when url is empty) and the
// function that closes it, delivering what is queued for up to alertDrain.
// What it leaves undelivered is sent again by the next crawl of its source.
func openAlerts(url string, reg prometheus.Registerer, log *slog.Logger) (*alert.Webhook, func(), error) {
	if url == "" {
		return nil, func() {}, nil
	}
	w, err := alert.New(alert.Config{URL: url, Metrics: reg}, log)
	if err != nil {
		return nil, nil, usageErr("--alert-webhook: %v", err)
	}
	log.Info("alerts go to a webhook", "webhook", w.Target())
	return w, func() {
		ctx, cancel := context.WithTimeout(context.Background(), alertDrain)
		defer cancel()
		if err := w.Close(ctx); err != nil {
			log.Warn("alerts left undelivered", "err", err)
		}
	}, nil
}

func findSource(srcs []crawler.Source, id string) (crawler.Source, error) {
	for _, s := range srcs {
		if s.ID == id {
			return s, nil
		}
	}
	return crawler.Source{}, usageErr("no source with id %q in the sources list", id)
}

func cmdClassify(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "classify", "classify [--stdin] [--metrics-addr ADDR] [flags]", &c, flagNATS|flagDataDir|flagRules)
	stdin := fs.Bool("stdin", false, "read event JSON lines on stdin and write them labelled to stdout (no NATS)")
	metricsAddr := fs.String("metrics-addr", envString("metrics-addr", ""), metricsAddrUsage+"; not with --stdin")
	log, err := c.setup(env, fs, args)
	if err != nil {
		return err
	}
	rules, err := c.loadRules(log)
	if err != nil {
		return err
	}
	if *stdin {
		return classifyLines(env, rules.Current())
	}
	c.reg = newRegistry()
	b, err := c.openBus(ctx, "kouryu-classify", log)
	if err != nil {
		return err
	}
	defer b.Close()
	watchRules(ctx, rules)
	w := classifier.NewWorker(b, rules, classifier.WorkerConfig{Metrics: c.reg}, log)
	return runWithOps(*metricsAddr, c.reg, b, natsReady(b), log, func() error { return w.Run(ctx) })
}

// runWithOps runs a stage with its ops listener on addr (none when addr is
// empty): the listener starts before the stage, with the streams' state
// among its metrics, and stops after the stage has drained.
func runWithOps(addr string, reg *prometheus.Registry, b *bus.Bus, ready func(context.Context) error, log *slog.Logger, stage func() error) error {
	if err := watchBus(reg, b); err != nil {
		return err
	}
	ops, err := startOps(addr, reg, ready, log)
	if err != nil {
		return err
	}
	err = stage()
	if oerr := ops.Stop(); oerr != nil && err == nil {
		err = oerr
	}
	return err
}

func cmdPublish(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "publish", "publish [--feeds-dir DIR] [--metrics-addr ADDR] [flags]", &c, flagDatabase|flagNATS|flagDataDir|flagHTTP|flagDedup)
	feedsDir := fs.String("feeds-dir", envString("feeds-dir", ""), "also write the feed files (all and per label, .rss .atom .ics) into this directory after each commit")
	metricsAddr := fs.String("metrics-addr", envString("metrics-addr", ""), metricsAddrUsage)
	log, err := c.setup(env, fs, args)
	if err != nil {
		return err
	}
	st, err := c.openStore(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	c.reg = newRegistry()
	b, err := c.openBus(ctx, "kouryu-publish", log)
	if err != nil {
		return err
	}
	defer b.Close()
	wcfg, err := c.writerConfig(ctx, st, *feedsDir, log)
	if err != nil {
		return err
	}
	wcfg.Metrics = c.reg
	w := publisher.NewWriter(b, st, wcfg, log)
	watchOverrides(ctx, c.dedupOverrides, w, log)
	ready := func(ctx context.Context) error {
		if err := natsReady(b)(ctx); err != nil {
			return err
		}
		return st.Ping(ctx)
	}
	return runWithOps(*metricsAddr, c.reg, b, ready, log, func() error { return w.Run(ctx) })
}

func cmdServe(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "serve", "serve [--metrics-addr ADDR] [flags]\n\nThe HTTP server on --http-addr: feeds, JSON API, web page, /healthz,\n/readyz and, without --metrics-addr, /metrics.", &c, flagDatabase|flagDataDir|flagHTTP)
	metricsAddr := fs.String("metrics-addr", envString("metrics-addr", ""), metricsAddrUsage+"; /metrics is then not served on --http-addr")
	log, err := c.setup(env, fs, args)
	if err != nil {
		return err
	}
	st, err := c.openStore(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	c.reg = newRegistry()
	scfg := c.serverConfig()
	scfg.Registry = c.reg
	scfg.NoMetrics = *metricsAddr != ""
	srv, err := publisher.NewServer(st, scfg, log)
	if err != nil {
		return err
	}
	o, err := startOps(*metricsAddr, c.reg, srv.Ready, log)
	if err != nil {
		return err
	}
	log.Info("serving", "http", "http://"+c.httpAddr+"/")
	err = srv.ListenAndServe(ctx)
	if oerr := o.Stop(); oerr != nil && err == nil {
		err = oerr
	}
	return err
}

func cmdMigrate(ctx context.Context, env *runEnv, args []string) error {
	var c common
	fs := newFlagSet(env, "migrate", "migrate [flags]", &c, flagDatabase|flagDataDir)
	log, err := c.setup(env, fs, args)
	if err != nil {
		return err
	}
	st, err := c.openStore(ctx, log) // Open applies the migrations
	if err != nil {
		return err
	}
	st.Close()
	fmt.Fprintln(env.stdout, "schema up to date")
	return nil
}
