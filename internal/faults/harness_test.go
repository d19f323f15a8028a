//go:build faults

package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kouryu/classifier"
	"kouryu/internal/bus"
	"kouryu/internal/event"
	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

// bins are the binaries TestMain builds once.
var bins struct{ kouryu, natsServer string }

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "kouryu-faults-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bins.kouryu = filepath.Join(dir, "kouryu")
	bins.natsServer = filepath.Join(dir, "nats-server")
	for _, b := range []struct{ out, pkg string }{
		{bins.kouryu, "kouryu/cmd/kouryu"},
		{bins.natsServer, "github.com/nats-io/nats-server/v2"},
	} {
		cmd := exec.Command("go", "build", "-o", b.out, b.pkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "faults: build %s: %v\n", b.pkg, err)
			return 1
		}
	}
	code := m.Run()
	printTable()
	return code
}

// outcome is one row of the closing table: listings in, rows out, listings
// lost and doubled; events in (listings of one gathering are one), events
// shown (one primary listing each), events lost (not shown, or shown as part
// of another) and shown twice (a copy apart from its original).
type outcome struct {
	fault                 string
	in, rows, lost, twice int
	events                eventCount
}

var (
	tableMu sync.Mutex
	table   []outcome
)

func record(t *testing.T, o outcome) {
	t.Helper()
	tableMu.Lock()
	table = append(table, o)
	tableMu.Unlock()
	t.Logf("%-58s in %6d  rows %6d  lost %d  doubled %d  events in %6d  shown %6d  lost %d  twice %d",
		o.fault, o.in, o.rows, o.lost, o.twice, o.events.in, o.events.shown, o.events.lost, o.events.twice)
}

func printTable() {
	tableMu.Lock()
	defer tableMu.Unlock()
	if len(table) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-58s %7s %7s %5s %7s | %7s %7s %5s %7s\n", "fault", "in", "rows", "lost", "doubled", "events", "shown", "lost", "doubled")
	for _, o := range table {
		fmt.Fprintf(&b, "%-58s %7d %7d %5d %7d | %7d %7d %5d %7d\n", o.fault, o.in, o.rows, o.lost, o.twice,
			o.events.in, o.events.shown, o.events.lost, o.events.twice)
	}
	fmt.Print(b.String())
}

// ciOrSkip skips t with a hint, or fails it under CI=true.
func ciOrSkip(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("under CI=true: "+format, args...)
	}
	t.Skipf(format, args...)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// proc is a child process whose output is kept for assertions and shown
// when the test fails.
type proc struct {
	name string
	cmd  *exec.Cmd
	out  *testutil.SyncBuffer
	done chan struct{}
	err  error
}

// allProcs remembers every process of a test, so their logs can be checked
// (no password) and shown on failure.
type procs struct {
	mu   sync.Mutex
	list []*proc
}

var testProcs sync.Map // *testing.T → *procs

func procsOf(t *testing.T) *procs {
	v, _ := testProcs.LoadOrStore(t, &procs{})
	return v.(*procs)
}

// start runs bin with args; env is added to a copy of the environment from
// which every KOURYU_* variable is removed. The process is killed when the
// test ends, and its output logged if the test failed.
func start(t *testing.T, name, bin string, env []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(bin, args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "KOURYU_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	p := &proc{name: name, cmd: cmd, out: &testutil.SyncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	ps := procsOf(t)
	ps.mu.Lock()
	first := len(ps.list) == 0
	ps.list = append(ps.list, p)
	ps.mu.Unlock()
	if first {
		t.Cleanup(func() {
			ps.mu.Lock()
			list := append([]*proc(nil), ps.list...)
			ps.mu.Unlock()
			for _, q := range list {
				q.kill()
			}
			if t.Failed() {
				for _, q := range list {
					t.Logf("---- output of %s (pid %d) ----\n%s", q.name, q.cmd.Process.Pid, tail(q.out.String(), 6000))
				}
			}
			testProcs.Delete(t)
		})
	}
	return p
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

func (p *proc) running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *proc) kill() {
	if p.running() {
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
	}
	<-p.done
}

// term sends SIGTERM and waits up to limit for a clean exit.
func (p *proc) term(t *testing.T, limit time.Duration) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		if p.err != nil {
			t.Errorf("%s after SIGTERM: %v", p.name, p.err)
		}
	case <-time.After(limit):
		t.Fatalf("%s did not exit within %s of SIGTERM", p.name, limit)
	}
}

// waitLog waits until the process's output matches re and returns the first
// submatch (or the match).
func (p *proc) waitLog(t *testing.T, re *regexp.Regexp, limit time.Duration) string {
	t.Helper()
	var m []string
	testutil.WaitFor(t, limit, "log of "+p.name+" matching "+re.String(), func() bool {
		m = re.FindStringSubmatch(p.out.String())
		if m == nil && !p.running() {
			t.Fatalf("%s exited (%v) before logging %s", p.name, p.err, re)
		}
		return m != nil
	})
	if len(m) > 1 {
		return m[1]
	}
	return m[0]
}

// natsNode is a nats-server process with JetStream and a store dir that
// outlives restarts.
type natsNode struct {
	name      string
	port      int
	monitor   int
	storeDir  string
	extra     []string
	p         *proc
	startedAt int
}

func (n *natsNode) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", n.port) }

// startNATS starts a single JetStream node.
func startNATS(t *testing.T, name string) *natsNode {
	t.Helper()
	n := &natsNode{name: name, port: freePort(t), monitor: freePort(t), storeDir: t.TempDir()}
	n.start(t)
	return n
}

// start launches the node and waits until JetStream is healthy.
func (n *natsNode) start(t *testing.T) {
	t.Helper()
	n.launch(t)
	n.waitHealthy(t)
}

func (n *natsNode) launch(t *testing.T) {
	t.Helper()
	n.startedAt++
	args := append([]string{"-js", "-sd", n.storeDir, "-a", "127.0.0.1", "-p", fmt.Sprint(n.port),
		"-m", fmt.Sprint(n.monitor), "-n", n.name}, n.extra...)
	n.p = start(t, fmt.Sprintf("nats-server %s #%d", n.name, n.startedAt), bins.natsServer, nil, args...)
}

func (n *natsNode) waitHealthy(t *testing.T) {
	t.Helper()
	testutil.WaitFor(t, 30*time.Second, "nats-server "+n.name+" healthy", func() bool {
		if !n.p.running() {
			t.Fatalf("nats-server %s exited: %v", n.name, n.p.err)
		}
		return n.healthy()
	})
}

// healthy asks the monitoring endpoint whether JetStream is up and current.
func (n *natsNode) healthy() bool {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", n.monitor))
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK
}

// kouryu runs one kouryu subcommand.
func kouryu(t *testing.T, name string, args ...string) *proc {
	t.Helper()
	return start(t, name, bins.kouryu, nil, args...)
}

// openBus connects the test to JetStream, retrying while a cluster elects
// its leaders.
func openBus(t *testing.T, urls string, replicas int) *bus.Bus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var b *bus.Bus
	var err error
	for {
		b, err = bus.Open(ctx, bus.Config{URL: urls, Name: "faults-feeder", Replicas: replicas}, testutil.LoggerAt(t, slog.LevelWarn))
		if err == nil || ctx.Err() != nil {
			break
		}
		time.Sleep(200 * time.Millisecond) // the cluster is electing; retry
	}
	if err != nil {
		t.Fatalf("open bus %s: %v", urls, err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

// titles make events of every label; %d keeps them distinct.
var titles = []string{
	"梅田 異業種交流会・名刺交換会 第%d回",
	"経営セミナー「事業承継のはじめ方」と懇親会 #%d",
	"税理士限定 情報交換会 第%d回",
	"倫理法人会 モーニングセミナー 第%d回",
	"天神橋筋商店街 地域活性化のための交流会 %d",
	"親子で楽しむ夏祭り 盆踊り大会 %d",
	"中小企業家同友会 経営勉強会 第%d回",
	"飲食店オーナー同業者交流会 %d",
	"本町ビジネスマッチング交流会 vol.%d",
	"会計の基礎を学ぶ勉強会 %d",
}

var areas = []string{"大阪市北区", "大阪市中央区", "堺市", "東大阪市", "豊中市", "online"}

// copyEvery is how often makeEvents lists the event before again, as a
// portal would: the 25th, 50th … listing is a copy of the one before it.
const copyEvery = 25

// makeEvents returns n valid, distinct, normalised raw listings of several
// sources; the tag keeps two runs' ids apart. Every copyEvery-th listing is
// a portal's copy of the listing before it (another source, page and id,
// a decorated title), so n listings are n - n/copyEvery events.
func makeEvents(n int, tag string) []event.Event {
	base := time.Date(2031, 4, 1, 18, 30, 0, 0, event.Tokyo)
	fetched := time.Date(2031, 3, 1, 9, 0, 0, 0, event.Tokyo)
	out := make([]event.Event, n)
	for i := range out {
		src := fmt.Sprintf("faults-%d", i%5)
		u := fmt.Sprintf("https://events.example.jp/%s/%s/%d", tag, src, i)
		start := base.Add(time.Duration(i) * time.Hour)
		e := event.Event{
			Source:      src,
			URL:         u,
			Title:       fmt.Sprintf(titles[i%len(titles)], i),
			Description: fmt.Sprintf("参加者同士で交流する場です。番号 %d。", i),
			StartsAt:    start,
			EndsAt:      start.Add(2 * time.Hour),
			Venue:       "会議室" + fmt.Sprint(i%7),
			Area:        areas[i%len(areas)],
			Organizer:   "交流会実行委員会",
			Fee:         fmt.Sprintf("%d円", 1000+i%5*500),
			FetchedAt:   fetched,
		}
		if i%copyEvery == copyEvery-1 {
			o := out[i-1]
			e.Source, e.URL, e.StartsAt, e.EndsAt = "faults-portal", fmt.Sprintf("https://portal.example.jp/%s/%d", tag, i), o.StartsAt, o.EndsAt
			e.Title, e.Venue, e.Area = "【大阪】"+o.Title+"のご案内", o.Venue+" (会場)", o.Area
			e.Description = o.Description
		}
		e.ID = event.ID(e.Source, e.URL, e.StartsAt, "")
		e.Normalize()
		out[i] = e
	}
	return out
}

// copyOf returns the id of the listing e copies, or "" for an original.
func copyOf(evs []event.Event, i int) string {
	if i%copyEvery == copyEvery-1 && i > 0 {
		return evs[i-1].ID
	}
	return ""
}

func rawOutgoing(e event.Event) bus.Outgoing {
	data, err := json.Marshal(e)
	if err != nil {
		panic(err) // an Event always encodes
	}
	return bus.Outgoing{Subject: event.RawSubject(e.Source), MsgID: e.MsgID(), Data: data}
}

// feed publishes evs to kouryu.raw.<source> in chunks, each retried under
// the same Msg-Ids until JetStream acks it (so a server outage costs time,
// not events).
func feed(t *testing.T, b *bus.Bus, evs []event.Event) {
	t.Helper()
	const chunk = 500
	for i := 0; i < len(evs); i += chunk {
		out := make([]bus.Outgoing, 0, chunk)
		for _, e := range evs[i:min(i+chunk, len(evs))] {
			out = append(out, rawOutgoing(e))
		}
		deadline := time.Now().Add(2 * time.Minute)
		for {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			err := b.Publish(ctx, out...)
			cancel()
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("feed chunk at %d: %v", i, err)
			}
			t.Logf("feed chunk at %d failed, retrying: %.200s", i, err)
			time.Sleep(200 * time.Millisecond) // retry pacing
		}
	}
}

// expected returns evs as the pipeline should store them: labelled by the
// rules embedded in the binary.
func expected(t *testing.T, evs []event.Event) map[string]event.Event {
	t.Helper()
	live, err := classifier.NewLive("", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	rules := live.Current()
	want := make(map[string]event.Event, len(evs))
	labels := map[event.Label]int{}
	for _, e := range evs {
		rules.Apply(&e)
		want[e.ID] = e
		labels[e.Label]++
	}
	if len(evs) >= 100 && len(labels) < 4 {
		t.Fatalf("the test's events are not varied enough: labels %v", labels)
	}
	return want
}

// pgCount counts the rows of the events table at dbURL.
func pgCount(t *testing.T, dbURL string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return -1 // the database may be down on purpose
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&n); err != nil {
		return -1 // not migrated yet, or restarting
	}
	return n
}

// pgRows reads back every event stored in the PostgreSQL database at dbURL.
func pgRows(t *testing.T, dbURL string) (map[string]event.Event, map[string]bool, int) {
	t.Helper()
	return storedRows(t, store.Config{URL: dbURL})
}

// storedRows reads every stored event back through the store's own reader
// (the path of the JSON API), page by page; it returns them by id, which
// are primary (stand for their event), and the number of rows read.
func storedRows(t *testing.T, cfg store.Config) (map[string]event.Event, map[string]bool, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := store.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, primary := map[string]event.Event{}, map[string]bool{}
	n := 0
	q := store.Query{Limit: 500}
	for {
		page, err := st.Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Rows {
			got[r.Event.ID] = r.Event
			primary[r.Event.ID] = r.Primary
			n++
		}
		if page.Next == "" {
			return got, primary, n
		}
		q.Cursor = page.Next
	}
}

// compare checks every wanted event is stored once and equal to what was
// published (with the classifier's label); it returns lost and doubled
// counts (doubled: rows beyond one per id, or rows of ids never sent).
func compare(t *testing.T, want map[string]event.Event, got map[string]event.Event, nrows int) (lost, doubled int) {
	t.Helper()
	doubled = nrows - len(got)
	var diffs []string
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			lost++
			continue
		}
		wj, _ := json.Marshal(w)
		g.Normalize()
		g.CanonicalID = "" // the publisher's; checked by countEvents
		gj, _ := json.Marshal(g)
		if !bytes.Equal(wj, gj) {
			diffs = append(diffs, fmt.Sprintf("%s: stored %s, want %s", id, gj, wj))
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			doubled++
			diffs = append(diffs, "unexpected row "+id)
		}
	}
	sort.Strings(diffs)
	for i, d := range diffs {
		if i == 5 {
			t.Errorf("… and %d more differences", len(diffs)-5)
			break
		}
		t.Error(d)
	}
	if lost > 0 {
		t.Errorf("%d of %d events lost", lost, len(want))
	}
	return lost, doubled
}

// streamMsgs returns the number of messages in a stream (base name).
func streamMsgs(t *testing.T, b *bus.Bus, base string) uint64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var err error
	for ctx.Err() == nil {
		st, e := b.JetStream().Stream(ctx, base)
		if e == nil {
			info, e2 := st.Info(ctx)
			if e2 == nil {
				return info.State.Msgs
			}
			e = e2
		}
		err = e
		time.Sleep(200 * time.Millisecond) // leader election after a node loss
	}
	t.Fatalf("stream %s info: %v", base, err)
	return 0
}

// checkStreams asserts the classified stream holds one message per event
// and the dead stream none.
func checkStreams(t *testing.T, b *bus.Bus, n int) {
	t.Helper()
	if got := streamMsgs(t, b, bus.StreamClassified); got != uint64(n) {
		t.Errorf("classified stream holds %d messages, want %d (one per event)", got, n)
	}
	if got := streamMsgs(t, b, bus.StreamDead); got != 0 {
		t.Errorf("dead stream holds %d messages, want 0", got)
	}
}

// noSecret asserts no process of t ever logged secret.
func noSecret(t *testing.T, secret string) {
	t.Helper()
	ps := procsOf(t)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, p := range ps.list {
		if strings.Contains(p.out.String(), secret) {
			t.Errorf("%s logged the database password", p.name)
		}
	}
}

// committed sums the publisher's "batch committed" debug lines over procs.
func committed(ps ...*proc) (inserted, updated, unchanged int) {
	re := regexp.MustCompile(`msg="batch committed".* inserted=(\d+) updated=(\d+) unchanged=(\d+)`)
	for _, p := range ps {
		for _, m := range re.FindAllStringSubmatch(p.out.String(), -1) {
			var a, b, c int
			fmt.Sscan(m[1], &a)
			fmt.Sscan(m[2], &b)
			fmt.Sscan(m[3], &c)
			inserted, updated, unchanged = inserted+a, updated+b, unchanged+c
		}
	}
	return inserted, updated, unchanged
}

// eventCount counts listings as the readers show them: one event per
// canonical id, shown by its primary listing.
type eventCount struct{ in, shown, lost, twice int }

// countEvents checks that the stored listings of evs make the events they
// should: a copy in its original's event, two originals never in one, one
// primary listing per event. lost counts events not shown or shown as part
// of another; twice counts a copy kept apart from its original, and an
// event with more than one primary listing.
func countEvents(t *testing.T, evs []event.Event, got map[string]event.Event, primary map[string]bool) eventCount {
	t.Helper()
	var c eventCount
	originals := map[string]string{} // canonical id → the original listing in it
	primaries := map[string]int{}
	for id, e := range got {
		if primary[id] {
			primaries[e.CanonicalID]++
		}
	}
	var faults []string
	for i, e := range evs {
		g, ok := got[e.ID]
		orig := copyOf(evs, i)
		if orig == "" {
			c.in++
			if !ok {
				c.lost++
				continue
			}
			if other, dup := originals[g.CanonicalID]; dup {
				c.lost++
				faults = append(faults, fmt.Sprintf("%s and %s, two events, are one (%s)", other, e.ID, g.CanonicalID))
				continue
			}
			originals[g.CanonicalID] = e.ID
			continue
		}
		if o, ok2 := got[orig]; ok && ok2 && o.CanonicalID != g.CanonicalID {
			c.twice++
			faults = append(faults, fmt.Sprintf("copy %s is event %s, its original %s is %s", e.ID, g.CanonicalID, orig, o.CanonicalID))
		}
	}
	for canon, n := range primaries {
		c.shown++
		if n > 1 {
			c.twice += n - 1
			faults = append(faults, fmt.Sprintf("event %s has %d primary listings", canon, n))
		}
	}
	slices.Sort(faults)
	for i, f := range faults {
		if i == 5 {
			t.Errorf("… and %d more", len(faults)-5)
			break
		}
		t.Error(f)
	}
	if c.shown != c.in-c.lost {
		t.Errorf("%d events shown, want %d", c.shown, c.in-c.lost)
	}
	return c
}
