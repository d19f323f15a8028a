//go:build faults

package faults

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"kouryu/internal/bus"
	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// total is the number of events each fault run drives through.
const total = 10000

// secret is the password put into every --database-url; no log line may
// carry it.
const secret = "faults-Secret-pw-7q"

// withPassword adds a user and the secret password to a database URL (the
// test servers trust loopback, so the password is carried but not needed).
func withPassword(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	if u.User != nil {
		name = u.User.Username()
	}
	if name == "" {
		cur, err := user.Current()
		if err != nil {
			t.Fatal(err)
		}
		name = cur.Username
	}
	u.User = url.UserPassword(name, secret)
	return u.String()
}

// stages starts separate kouryu classify and publish processes.
type stages struct {
	nats     string // comma-separated URLs
	db       string
	replicas int
	gen      int
}

func (s *stages) args(extra ...string) []string {
	r := max(s.replicas, 1)
	return append([]string{"--nats-url", s.nats, "--database-url", s.db, "--replicas", fmt.Sprint(r),
		"--data-dir", filepath.Join(os.TempDir(), "kouryu-faults-unused")}, extra...)
}

func (s *stages) classify(t *testing.T) *proc {
	s.gen++
	// The classifier has no database: it takes every flag but that one.
	return kouryu(t, fmt.Sprintf("classify #%d", s.gen), append([]string{"classify"}, slices.Delete(s.args(), 2, 4)...)...)
}

func (s *stages) publish(t *testing.T) *proc {
	s.gen++
	return kouryu(t, fmt.Sprintf("publish #%d", s.gen), append([]string{"publish"}, s.args("--log-level", "debug")...)...)
}

// waitRows waits until the table at dbURL holds at least n rows and
// returns the count seen.
func waitRows(t *testing.T, dbURL string, n int, limit time.Duration) int {
	t.Helper()
	got := 0
	testutil.WaitFor(t, limit, fmt.Sprintf("%d rows", n), func() bool {
		got = pgCount(t, dbURL)
		return got >= n
	})
	return got
}

// waitIdle waits until every consumer of the bus has nothing pending, so
// late copies would have shown up in the streams.
func waitIdle(t *testing.T, b *bus.Bus) {
	t.Helper()
	testutil.WaitFor(t, 2*time.Minute, "consumers idle", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		infos, err := b.Backlogs(ctx)
		if err != nil {
			return false
		}
		for _, si := range infos {
			for _, n := range si.Consumers {
				if n > 0 {
					return false
				}
			}
		}
		return true
	})
}

// finish waits for all rows, checks table and streams, and records the row.
func finish(t *testing.T, fault string, b *bus.Bus, dbURL string, evs []event.Event, want map[string]event.Event) {
	t.Helper()
	waitRows(t, dbURL, len(want), 3*time.Minute)
	waitIdle(t, b)
	got, primary, n := pgRows(t, dbURL)
	lost, doubled := compare(t, want, got, n)
	events := countEvents(t, evs, got, primary)
	checkStreams(t, b, len(want))
	noSecret(t, secret)
	record(t, outcome{fault: fault, in: len(want), rows: n, lost: lost, twice: doubled, events: events})
}

func TestKill9ClassifierThenPublisher(t *testing.T) {
	dbURL := withPassword(t, pgtest.URL(t))
	n := startNATS(t, "solo")
	b := openBus(t, n.url(), 1)
	evs := makeEvents(total, "kill9")
	want := expected(t, evs)
	st := &stages{nats: n.url(), db: dbURL}
	cl := st.classify(t)
	pb := st.publish(t)

	feed(t, b, evs[:4000])
	at := waitRows(t, dbURL, 1000, time.Minute)
	cl.kill()
	t.Logf("classifier killed (-9) at %d rows", at)
	feed(t, b, evs[4000:7000])
	st.classify(t)
	at = waitRows(t, dbURL, 5000, 2*time.Minute)
	pb.kill()
	t.Logf("publisher killed (-9) at %d rows", at)
	feed(t, b, evs[7000:])
	st.publish(t)
	finish(t, "kill -9 classifier, then publisher", b, dbURL, evs, want)
}

func TestSIGTERMPublisher(t *testing.T) {
	dbURL := withPassword(t, pgtest.URL(t))
	n := startNATS(t, "solo")
	b := openBus(t, n.url(), 1)
	evs := makeEvents(total, "term")
	want := expected(t, evs)
	st := &stages{nats: n.url(), db: dbURL}
	st.classify(t)

	// The publisher starts on a backlog and is stopped once the first rows
	// are in: feeding runs slower than the pipeline, so a publisher running
	// during the feed would have stored nearly all of it by then.
	const fed = 9000
	feed(t, b, evs[:fed])
	pb1 := st.publish(t)
	waitRows(t, dbURL, 500, time.Minute)
	pb1.term(t, time.Minute)
	at := pgCount(t, dbURL)
	t.Logf("publisher stopped by SIGTERM at %d rows", at)
	if at >= fed {
		t.Fatalf("SIGTERM came after the fed events were all stored (%d rows): not mid-stream", at)
	}
	feed(t, b, evs[fed:])
	pb2 := st.publish(t)
	finish(t, "SIGTERM publisher", b, dbURL, evs, want)
	ins, upd, unch := committed(pb1, pb2)
	if ins != total || upd != 0 || unch != 0 {
		t.Errorf("publisher upserts: inserted %d updated %d unchanged %d; want %d, 0, 0 (a redelivered batch shows as unchanged)",
			ins, upd, unch, total)
	}
}

func TestNATSRestart(t *testing.T) {
	dbURL := withPassword(t, pgtest.URL(t))
	n := startNATS(t, "solo")
	b := openBus(t, n.url(), 1)
	evs := makeEvents(total, "natsrestart")
	want := expected(t, evs)
	st := &stages{nats: n.url(), db: dbURL}
	st.classify(t)
	st.publish(t)

	feed(t, b, evs[:4000])
	at := waitRows(t, dbURL, 1000, time.Minute)
	n.p.kill()
	t.Logf("nats-server killed (-9) at %d rows", at)
	n.start(t)
	feed(t, b, evs[4000:])
	finish(t, "nats-server kill -9 and restart", b, dbURL, evs, want)
}

func TestClusterNodeLoss(t *testing.T) {
	dbURL := withPassword(t, pgtest.URL(t))
	nodes := make([]*natsNode, 3)
	routes := make([]string, 3)
	cports := make([]int, 3)
	for i := range nodes {
		cports[i] = freePort(t)
		routes[i] = fmt.Sprintf("nats://127.0.0.1:%d", cports[i])
	}
	var urls []string
	for i := range nodes {
		nodes[i] = &natsNode{name: fmt.Sprintf("n%d", i+1), port: freePort(t), monitor: freePort(t), storeDir: t.TempDir(),
			extra: []string{"--cluster_name", "kouryu-faults", "--cluster", routes[i], "--routes", strings.Join(routes, ",")}}
		nodes[i].launch(t)
		urls = append(urls, nodes[i].url())
	}
	for _, nd := range nodes {
		nd.waitHealthy(t)
	}
	all := strings.Join(urls, ",")
	b := openBus(t, all, 3)
	evs := makeEvents(total, "cluster")
	want := expected(t, evs)
	st := &stages{nats: all, db: dbURL, replicas: 3}
	st.classify(t)
	st.publish(t)

	feed(t, b, evs[:4000])
	at := waitRows(t, dbURL, 1000, time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	s, err := b.JetStream().Stream(ctx, bus.StreamClassified)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	if info.Config.Replicas != 3 || info.Cluster == nil {
		t.Fatalf("classified stream has %d replicas (cluster %v), want 3", info.Config.Replicas, info.Cluster)
	}
	victim := nodes[0]
	for _, nd := range nodes {
		if nd.name == info.Cluster.Leader {
			victim = nd
		}
	}
	victim.p.kill()
	t.Logf("node %s (leader of %s) killed (-9) at %d rows", victim.name, bus.StreamClassified, at)
	feed(t, b, evs[4000:])
	finish(t, "3-node cluster, R3 streams, stream leader kill -9", b, dbURL, evs, want)
}

// pgCluster is a throwaway PostgreSQL server of the test's own, so it can
// be stopped abruptly without touching the shared one.
type pgCluster struct {
	bin, dir, data string
	port           int
	asUser         []string // runuser prefix when the test runs as root
}

func startPGCluster(t *testing.T) *pgCluster {
	t.Helper()
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(found) == 0 {
		ciOrSkip(t, "initdb not found under /usr/lib/postgresql/*/bin: install PostgreSQL server binaries to run the restart test")
	}
	c := &pgCluster{bin: filepath.Dir(found[len(found)-1]), port: freePort(t)}
	dir, err := os.MkdirTemp("", "kouryu-faults-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir, c.data = dir, filepath.Join(dir, "data")
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		pu, err := user.Lookup("postgres")
		if err != nil {
			ciOrSkip(t, "running as root without a postgres user to run a throwaway cluster: %v", err)
		}
		var uid, gid int
		fmt.Sscan(pu.Uid, &uid)
		fmt.Sscan(pu.Gid, &gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		c.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	c.run(t, "initdb", "-D", c.data, "-A", "trust", "-U", "kouryu", "-E", "UTF8", "--locale=C", "-N")
	c.ctl(t, "start")
	t.Cleanup(func() { c.run(t, "pg_ctl", "-D", c.data, "-m", "immediate", "stop") })
	return c
}

func (c *pgCluster) run(t *testing.T, tool string, args ...string) {
	t.Helper()
	argv := append(append([]string{}, c.asUser...), filepath.Join(c.bin, tool))
	argv = append(argv, args...)
	p := start(t, tool, argv[0], nil, argv[1:]...)
	select {
	case <-p.done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s did not finish", tool)
	}
	if p.err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(argv, " "), p.err, p.out.String())
	}
}

func (c *pgCluster) ctl(t *testing.T, action string, extra ...string) {
	t.Helper()
	args := append([]string{"-D", c.data, "-w", "-t", "60", "-l", filepath.Join(c.dir, "log"),
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", c.port, c.dir)}, extra...)
	c.run(t, "pg_ctl", append(args, action)...)
}

func (c *pgCluster) url() string {
	return fmt.Sprintf("postgres://kouryu@127.0.0.1:%d/postgres?sslmode=disable", c.port)
}

func readyz(addr string) int {
	cl := http.Client{Timeout: 5 * time.Second}
	resp, err := cl.Get("http://" + addr + "/readyz")
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestPostgresRestart(t *testing.T) {
	pg := startPGCluster(t)
	dbURL := withPassword(t, pg.url())
	n := startNATS(t, "solo")
	b := openBus(t, n.url(), 1)
	evs := makeEvents(total, "pgrestart")
	want := expected(t, evs)
	st := &stages{nats: n.url(), db: dbURL}
	st.classify(t)
	pb := st.publish(t)
	httpAddr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	kouryu(t, "serve", "serve", "--database-url", dbURL, "--http-addr", httpAddr)
	testutil.WaitFor(t, 30*time.Second, "serve ready", func() bool { return readyz(httpAddr) == http.StatusOK })

	feed(t, b, evs[:4000])
	at := waitRows(t, dbURL, 1000, time.Minute)
	pg.run(t, "pg_ctl", "-D", pg.data, "-m", "immediate", "stop")
	t.Logf("PostgreSQL stopped (-m immediate) at %d rows", at)
	testutil.WaitFor(t, 30*time.Second, "/readyz 503 during the outage", func() bool { return readyz(httpAddr) == http.StatusServiceUnavailable })
	feed(t, b, evs[4000:])
	// The publisher holds its batch while the database is down.
	pb.waitLog(t, regexp.MustCompile(`database unavailable; holding the batch`), time.Minute)
	// A database URL with a password, refused while the server is down: the
	// error names the URL, redacted.
	mig := kouryu(t, "migrate (database down)", "migrate", "--database-url", dbURL)
	<-mig.done
	if mig.err == nil {
		t.Errorf("migrate against a stopped server succeeded")
	}
	if out := mig.out.String(); !strings.Contains(out, "xxxxx") {
		t.Errorf("migrate's error does not name the (redacted) URL: %s", out)
	}
	pg.ctl(t, "start")
	t.Logf("PostgreSQL started again")
	testutil.WaitFor(t, time.Minute, "/readyz 200 after the outage", func() bool { return readyz(httpAddr) == http.StatusOK })
	finish(t, "PostgreSQL stopped -m immediate mid-batch, restarted", b, dbURL, evs, want)
}

// sqliteCount counts the rows of the SQLite file of a `kouryu run`.
func sqliteCount(path string) int {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return -1
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM events`).Scan(&n); err != nil {
		return -1
	}
	return n
}

var embeddedURL = regexp.MustCompile(`embedded nats server started" url=(\S+)`)

func TestKill9Run(t *testing.T) {
	dir := t.TempDir()
	// One source that is never reached: the crawler refuses loopback.
	srcs := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(srcs, []byte(`sources:
  - id: faults-none
    name: 試験用の到達しない情報源
    kind: auto
    start_urls: [http://127.0.0.1:9/events/]
    every: 24h
`), 0o644); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "var")
	db := filepath.Join(dataDir, "kouryu.db")
	runArgs := []string{"run", "--data-dir", dataDir, "--sources", srcs}
	evs := makeEvents(total, "run")
	want := expected(t, evs)

	run1 := kouryu(t, "run #1", append(runArgs, "--http-addr", fmt.Sprintf("127.0.0.1:%d", freePort(t)))...)
	u := run1.waitLog(t, embeddedURL, time.Minute)
	b1 := openBus(t, u, 1)
	feed(t, b1, evs[:4000]) // acked by JetStream: all 4000 must survive
	var at int
	testutil.WaitFor(t, time.Minute, "1000 rows in SQLite", func() bool { at = sqliteCount(db); return at >= 1000 })
	run1.kill()
	_ = b1.Close()
	t.Logf("kouryu run killed (-9) at %d rows", at)

	run2 := kouryu(t, "run #2", append(runArgs, "--http-addr", fmt.Sprintf("127.0.0.1:%d", freePort(t)))...)
	u = run2.waitLog(t, embeddedURL, time.Minute)
	b2 := openBus(t, u, 1)
	feed(t, b2, evs[4000:])
	testutil.WaitFor(t, 3*time.Minute, fmt.Sprintf("%d rows in SQLite", total), func() bool { return sqliteCount(db) >= total })
	waitIdle(t, b2)
	checkStreams(t, b2, total)
	run2.term(t, time.Minute)

	got, primary, nrows := storedRows(t, store.Config{Path: db})
	lost, doubled := compare(t, want, got, nrows)
	events := countEvents(t, evs, got, primary)
	record(t, outcome{fault: "kill -9 of kouryu run (embedded NATS, SQLite)", in: total, rows: nrows, lost: lost, twice: doubled, events: events})
}
