package deploy_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/conf"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"kouryu/internal/testutil"
)

// nodes are the cluster's node numbers, as in deploy/nats/nats-N.conf.
var nodes = []int{1, 2, 3}

// place is where one test node listens and stores: what the test writes into
// its own listen-N.conf.
type place struct {
	client, cluster, http int
	storeDir              string
}

// TestNATSConfigAsShipped reads the node files as compose mounts them and
// checks what the servers would do with them.
func TestNATSConfigAsShipped(t *testing.T) {
	for _, n := range nodes {
		opts, err := server.ProcessConfigFile(filepath.Join("nats", fmt.Sprintf("nats-%d.conf", n)))
		if err != nil {
			t.Fatalf("nats-%d.conf: %v", n, err)
		}
		name := fmt.Sprintf("nats-%d", n)
		if opts.ServerName != name {
			t.Errorf("nats-%d.conf: server_name %q, want %q", n, opts.ServerName, name)
		}
		if opts.Host != "0.0.0.0" || opts.Port != 4222 || opts.HTTPPort != 8222 || opts.Cluster.Port != 6222 {
			t.Errorf("nats-%d.conf: listens on %s:%d, monitoring %d, routes %d; want 0.0.0.0:4222, 8222, 6222",
				n, opts.Host, opts.Port, opts.HTTPPort, opts.Cluster.Port)
		}
		if !opts.JetStream || opts.StoreDir != "/data/jetstream" || opts.JetStreamMaxStore <= 0 || opts.JetStreamMaxMemory <= 0 {
			t.Errorf("nats-%d.conf: jetstream %v, store_dir %q, max_file_store %d, max_memory_store %d; want it on, in /data/jetstream, both limits set",
				n, opts.JetStream, opts.StoreDir, opts.JetStreamMaxStore, opts.JetStreamMaxMemory)
		}
		if opts.Cluster.Name != "kouryu" {
			t.Errorf("nats-%d.conf: cluster name %q, want kouryu", n, opts.Cluster.Name)
		}
		var routes []string
		for _, r := range opts.Routes {
			routes = append(routes, r.Host)
		}
		if want := []string{"nats-1:6222", "nats-2:6222", "nats-3:6222"}; !slices.Equal(routes, want) {
			t.Errorf("nats-%d.conf: routes to %v, want %v (the compose service names)", n, routes, want)
		}
		if opts.LameDuckDuration <= 0 {
			t.Errorf("nats-%d.conf: no lame_duck_duration: a stopped node would drop its clients at once", n)
		}
	}
}

// TestCluster starts the three nodes of deploy/nats in this process, on
// loopback, creates a stream with three replicas, and shows it still takes
// and serves messages after the node leading it is shut down.
func TestCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a three-node NATS cluster; run without -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	dir := t.TempDir()
	places := writeTestConfig(t, dir)
	servers := map[string]*server.Server{}
	var urls []string
	for _, n := range nodes {
		s := startNode(t, filepath.Join(dir, fmt.Sprintf("nats-%d.conf", n)))
		servers[s.Name()] = s
		urls = append(urls, s.ClientURL())
	}

	// Each node's monitoring port answers, and says JetStream is healthy
	// once the node has joined the cluster's meta group.
	for _, n := range nodes {
		url := fmt.Sprintf("http://127.0.0.1:%d/healthz", places[n].http)
		eventually(t, ctx, "node "+url+" healthy", func() error { return httpOK(ctx, url) })
	}

	nc, err := nats.Connect(strings.Join(urls, ","), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	// $JS.API.INFO answers only once the cluster has a meta leader.
	eventually(t, ctx, "JetStream meta leader", func() error {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, err := js.AccountInfo(actx)
		return err
	})

	// The monitoring endpoint the README tells operators to use names the
	// meta leader: exactly one node answers 200 to /jsz?leader-only=true.
	eventually(t, ctx, "one node claims the meta leadership on /jsz", func() error {
		var leaders []int
		for _, n := range nodes {
			if httpOK(ctx, fmt.Sprintf("http://127.0.0.1:%d/jsz?leader-only=true", places[n].http)) == nil {
				leaders = append(leaders, n)
			}
		}
		if len(leaders) != 1 {
			return fmt.Errorf("nodes %v answer as meta leader", leaders)
		}
		return nil
	})

	var stream jetstream.Stream
	eventually(t, ctx, "create stream with 3 replicas", func() error {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		stream, err = js.CreateStream(actx, jetstream.StreamConfig{
			Name:       "KOURYU_RAW",
			Subjects:   []string{"kouryu.raw.>"},
			Storage:    jetstream.FileStorage,
			Replicas:   3,
			Duplicates: time.Minute,
		})
		return err
	})
	publish := func(id, data string) error {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, err := js.Publish(actx, "kouryu.raw.test-cci", []byte(data), jetstream.WithMsgID(id))
		return err
	}
	if err := publish("1", `{"title":"梅田ビジネス交流会"}`); err != nil {
		t.Fatalf("publish before the failure: %v", err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Cluster == nil || len(info.Cluster.Replicas) != 2 {
		t.Fatalf("stream cluster info %+v: want a leader and 2 replicas", info.Cluster)
	}
	leader := info.Cluster.Leader

	// Shut down the node that leads the stream: the other two elect a new
	// leader and keep accepting publishes.
	victim, ok := servers[leader]
	if !ok {
		t.Fatalf("stream leader %q is none of the started nodes", leader)
	}
	victim.Shutdown()
	victim.WaitForShutdown()
	t.Logf("shut down %s, the stream's leader", leader)

	eventually(t, ctx, "publish after losing one node", func() error {
		return publish("2", `{"title":"堺市 異業種交流会"}`)
	})
	// A retried publish with the same Nats-Msg-Id is not stored twice, also
	// across the change of leader.
	if err := publish("2", `{"title":"堺市 異業種交流会"}`); err != nil {
		t.Fatalf("publish again: %v", err)
	}

	info, err = stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Cluster.Leader == leader || info.Cluster.Leader == "" {
		t.Errorf("stream leader after the failure is %q, want one of the two nodes left", info.Cluster.Leader)
	}
	if info.State.Msgs != 2 {
		t.Errorf("stream holds %d messages, want 2", info.State.Msgs)
	}

	cons, err := stream.CreateConsumer(ctx, jetstream.ConsumerConfig{Durable: "test", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		t.Fatalf("create consumer: %v", err)
	}
	// The new consumer answers pulls once its own replicas have elected a
	// leader: until then a pull has no responders, and nothing is
	// delivered, so it is asked again.
	var titles []string
	eventually(t, ctx, "read back after losing one node", func() error {
		batch, err := cons.Fetch(2-len(titles), jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return err
		}
		for m := range batch.Messages() {
			titles = append(titles, string(m.Data()))
			if err := m.Ack(); err != nil {
				t.Errorf("ack: %v", err)
			}
		}
		if err := batch.Error(); err != nil {
			return err
		}
		if len(titles) < 2 {
			return fmt.Errorf("read %d of 2 messages", len(titles))
		}
		return nil
	})
	want := []string{`{"title":"梅田ビジネス交流会"}`, `{"title":"堺市 異業種交流会"}`}
	if !slices.Equal(titles, want) {
		t.Errorf("read back %q, want %q", titles, want)
	}
}

// writeTestConfig copies deploy/nats/nats-N.conf unchanged into dir and
// writes beside them the test's own topology.conf and listen-N.conf, with the
// same variables as the shipped ones: loopback, free ports, directories under
// dir.
func writeTestConfig(t *testing.T, dir string) map[int]place {
	t.Helper()
	ports := freePorts(t, 3*len(nodes))
	places := map[int]place{}
	var routes []string
	for i, n := range nodes {
		p := place{client: ports[3*i], cluster: ports[3*i+1], http: ports[3*i+2], storeDir: filepath.Join(dir, fmt.Sprintf("store-%d", n))}
		places[n] = p
		routes = append(routes, fmt.Sprintf("  \"nats-route://127.0.0.1:%d\"", p.cluster))

		src, err := os.ReadFile(filepath.Join("nats", fmt.Sprintf("nats-%d.conf", n)))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("nats-%d.conf", n)), string(src))
		listen := fmt.Sprintf("NODE_CLIENT_PORT: %d\nNODE_CLUSTER_PORT: %d\nNODE_HTTP_PORT: %d\nNODE_STORE_DIR: %q\n",
			p.client, p.cluster, p.http, p.storeDir)
		sameVariables(t, filepath.Join("nats", fmt.Sprintf("listen-%d.conf", n)), listen)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("listen-%d.conf", n)), listen)
	}
	topology := "LISTEN_HOST: 127.0.0.1\nCLUSTER_ROUTES: [\n" + strings.Join(routes, "\n") + "\n]\n"
	sameVariables(t, filepath.Join("nats", "topology.conf"), topology)
	writeFile(t, filepath.Join(dir, "topology.conf"), topology)
	return places
}

// sameVariables fails unless the test's version of a place file defines the
// same variables as the shipped one, so the two cannot drift apart.
func sameVariables(t *testing.T, shipped, ours string) {
	t.Helper()
	a, err := conf.ParseFile(shipped)
	if err != nil {
		t.Fatalf("%s: %v", shipped, err)
	}
	b, err := conf.Parse(ours)
	if err != nil {
		t.Fatalf("test version of %s: %v", shipped, err)
	}
	ka, kb := mapKeys(a), mapKeys(b)
	if !slices.Equal(ka, kb) {
		t.Fatalf("%s defines %v, the test writes %v", shipped, ka, kb)
	}
}

func mapKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// freePorts picks n distinct free ports on loopback.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// startNode starts an in-process nats-server from a config file, read by the
// server's own config parser. Its log is shown if the test fails.
func startNode(t *testing.T, path string) *server.Server {
	t.Helper()
	opts, err := server.ProcessConfigFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	opts.NoSigs = true
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	log := &testutil.SyncBuffer{}
	s.SetLoggerV2(&nodeLogger{w: log}, false, false, false)
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
		if t.Failed() {
			t.Logf("log of %s:\n%s", s.Name(), log.String())
		}
	})
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatalf("%s: not ready for connections in 10s", path)
	}
	return s
}

// eventually retries f until it succeeds or ctx ends.
func eventually(t *testing.T, ctx context.Context, what string, f func() error) {
	t.Helper()
	start := time.Now()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		err := f()
		if err == nil {
			t.Logf("%s after %s", what, time.Since(start).Round(time.Millisecond))
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: not in time: %v", what, err)
		case <-tick.C:
		}
	}
}

func httpOK(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status + ": " + string(body))
	}
	return nil
}

// nodeLogger is a server.Logger writing one line per entry.
type nodeLogger struct{ w io.Writer }

func (l *nodeLogger) line(level, format string, v ...any) {
	fmt.Fprintf(l.w, "%s [%s] %s\n", time.Now().Format("15:04:05.000"), level, fmt.Sprintf(format, v...))
}
func (l *nodeLogger) Noticef(format string, v ...any) { l.line("INF", format, v...) }
func (l *nodeLogger) Warnf(format string, v ...any)   { l.line("WRN", format, v...) }
func (l *nodeLogger) Fatalf(format string, v ...any)  { l.line("FTL", format, v...) }
func (l *nodeLogger) Errorf(format string, v ...any)  { l.line("ERR", format, v...) }
func (l *nodeLogger) Debugf(format string, v ...any)  { l.line("DBG", format, v...) }
func (l *nodeLogger) Tracef(format string, v ...any)  { l.line("TRC", format, v...) }
