package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"kouryu/internal/store"
)

const (
	// hostileRSSTarget and hostileP99Target are what the stage holds the
	// server to under the attack.
	hostileRSSTarget = 300 * mib
	hostileP99Target = 100 * time.Millisecond
	// attackEnv, when set in the environment, makes this program the
	// attacking process of the hostile stage (see attackMain), not the bench.
	attackEnv = "KOURYU_BENCH_ATTACK"
)

// hostileAttacks are what the attackers send, a third of them each: a
// parameter no route knows on the page and on a feed (each used to be a new
// cache entry and a full render), and a random search on the API (a real new
// query each time).
var hostileAttacks = []string{"/?x=", "/feeds/all.rss?x=", "/api/events?q="}

// benchHostile runs `kouryu serve` (built from this module, default
// configuration) over c.hostileEvents (5,000) upcoming events in
// PostgreSQL, on loopback. A second process sends it random query strings
// from c.hostileClients clients for c.hostileFor, while this one reads the
// cached /feeds/all.rss as a feed reader would and times each request. Three processes, as in
// life: the attackers' load generation is not the server's memory or its
// scheduler's work. The server's memory is its peak resident set (VmHWM).
func benchHostile(ctx context.Context, c config, res *Result, log *slog.Logger) error {
	dbURL, drop, err := pgSchema(ctx, c.databaseURL, "hostile")
	if err != nil {
		return err
	}
	defer drop()
	st, err := store.Open(ctx, store.Config{URL: dbURL}, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	for _, b := range storeEvents(c.hostileEvents, time.Now()) {
		if _, err := st.Upsert(ctx, b); err != nil {
			st.Close()
			return fmt.Errorf("fill store: %w", err)
		}
	}
	st.Close()

	dir, err := os.MkdirTemp("", "kouryu-bench-hostile-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := c.hostileBin
	if bin == "" {
		bin = filepath.Join(dir, "kouryu")
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "kouryu/cmd/kouryu").CombinedOutput(); err != nil {
			return fmt.Errorf("build kouryu: %w\n%s", err, out)
		}
	}
	addr, err := freeLoopback()
	if err != nil {
		return err
	}
	base := "http://" + addr
	var serverLog bytes.Buffer
	srv := exec.CommandContext(ctx, bin, "serve", "--database-url", dbURL, "--http-addr", addr,
		"--data-dir", filepath.Join(dir, "var"), "--log-level", "warn")
	srv.Stdout, srv.Stderr = &serverLog, &serverLog
	if err := srv.Start(); err != nil {
		return fmt.Errorf("start kouryu serve: %w", err)
	}
	defer func() {
		_ = srv.Process.Signal(os.Interrupt)
		_ = srv.Wait()
	}()

	reader := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 30 * time.Second}
	for deadline := time.Now().Add(30 * time.Second); ; {
		if err = fetch(ctx, reader, base+"/feeds/all.rss"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("kouryu serve did not answer within 30 s: %w\n%s", err, serverLog.String())
		}
		time.Sleep(50 * time.Millisecond) // polling interval while the server starts
	}
	for _, p := range []string{"/", "/feeds/all.rss"} {
		if n, err := bodySize(ctx, reader, base+p); err == nil {
			res.Extra["hostile.body_kib "+p] = round(float64(n)/1024, 0)
		}
	}
	rssStart := procStatus(srv.Process.Pid, "VmRSS")
	cpuStart := procCPU(srv.Process.Pid)
	res.Extra["hostile.loadavg_1m_at_start"] = loadAverage()

	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the bench binary: %w", err)
	}
	var attackOut, attackErr bytes.Buffer
	attacker := exec.CommandContext(ctx, self, "-hostile-for", c.hostileFor.String(), "-hostile-clients", strconv.Itoa(c.hostileClients))
	attacker.Env = append(os.Environ(), attackEnv+"="+base)
	attacker.Stdout, attacker.Stderr = &attackOut, &attackErr
	if err := attacker.Start(); err != nil {
		return fmt.Errorf("start the attackers: %w", err)
	}

	// The feed reader: one request after another for the whole attack.
	var (
		lat      []time.Duration
		readErrs int
	)
	t0 := time.Now()
	for time.Since(t0) < c.hostileFor {
		r0 := time.Now()
		if err := fetch(ctx, reader, base+"/feeds/all.rss"); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			readErrs++
			continue
		}
		lat = append(lat, time.Since(r0))
	}
	if err := attacker.Wait(); err != nil {
		return fmt.Errorf("attackers: %w\n%s", err, attackErr.String())
	}
	var report attackReport
	if err := json.Unmarshal(attackOut.Bytes(), &report); err != nil {
		return fmt.Errorf("attackers' report %q: %w", attackOut.String(), err)
	}
	peak := procStatus(srv.Process.Pid, "VmHWM")
	serverCPU := procCPU(srv.Process.Pid) - cpuStart
	if len(lat) == 0 {
		return fmt.Errorf("the feed reader got no answer in %v (%d errors)", c.hostileFor, readErrs)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	p99 := pct(0.99)

	res.Checks = append(res.Checks,
		Check{Stage: "hostile", Metric: fmt.Sprintf("GET /feeds/all.rss p99 while %d clients send random query strings", c.hostileClients), Unit: "ms",
			Figure: round(p99.Seconds()*1000, 1), Target: fmt.Sprintf("< %d ms", hostileP99Target.Milliseconds()), Pass: p99 < hostileP99Target},
		Check{Stage: "hostile", Metric: "kouryu serve's peak resident memory (VmHWM)", Unit: "MiB",
			Figure: round(float64(peak)/mib, 0), Target: fmt.Sprintf("< %d MiB", hostileRSSTarget/mib), Pass: peak > 0 && peak < hostileRSSTarget},
	)
	res.Extra["hostile.feed_p50_ms"] = round(pct(0.5).Seconds()*1000, 2)
	res.Extra["hostile.feed_p90_ms"] = round(pct(0.9).Seconds()*1000, 2)
	res.Extra["hostile.feed_max_ms"] = round(lat[len(lat)-1].Seconds()*1000, 1)
	res.Extra["hostile.feed_requests"] = float64(len(lat))
	res.Extra["hostile.feed_errors"] = float64(readErrs)
	res.Extra["hostile.server_rss_start_mib"] = round(float64(rssStart)/mib, 0)
	res.Extra["hostile.attack_req_per_s"] = round(float64(report.Requests)/report.Seconds, 0)
	res.Extra["hostile.server_cpu_cores"] = round(serverCPU.Seconds()/time.Since(t0).Seconds(), 2)
	if ps := attacker.ProcessState; ps != nil {
		res.Extra["hostile.attackers_cpu_cores"] = round((ps.UserTime()+ps.SystemTime()).Seconds()/report.Seconds, 2)
	}
	for k, n := range report.Statuses {
		res.Extra["hostile.attacks "+k] = float64(n)
	}
	if m, err := scrape(ctx, reader, base+"/metrics"); err == nil {
		for _, k := range []string{
			`kouryu_http_render_seconds_count{pattern="GET /{$}"}`,
			`kouryu_http_render_seconds_count{pattern="GET /feeds/{file}"}`,
			`kouryu_http_render_seconds_count{pattern="GET /api/events"}`,
			`kouryu_http_cache_bytes`,
		} {
			if v, ok := m[k]; ok {
				res.Extra["hostile.server "+k] = v
			}
		}
	}
	return nil
}

// attackReport is what the attacking process prints when its time is up.
type attackReport struct {
	Requests int            `json:"requests"`
	Seconds  float64        `json:"seconds"`
	Statuses map[string]int `json:"statuses"` // "<route> <status code or error>" → requests
}

// attackMain is the attacking process: clients request base (from the
// environment) with random query strings, back to back, each reading the
// whole answer, a third of them on each of hostileAttacks; then it prints an
// attackReport.
func attackMain(args []string) error {
	base := os.Getenv(attackEnv)
	fs := flag.NewFlagSet("attack", flag.ContinueOnError)
	d := fs.Duration("hostile-for", 10*time.Second, "")
	clients := fs.Int("hostile-clients", 200, "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), *d)
	defer cancel()
	tr := &http.Transport{MaxIdleConns: *clients, MaxIdleConnsPerHost: *clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var (
		wg       sync.WaitGroup
		n        atomic.Int64
		mu       sync.Mutex
		statuses = map[string]int{}
	)
	t0 := time.Now()
	for i := range *clients {
		attack := hostileAttacks[i%len(hostileAttacks)]
		route, _, _ := strings.Cut(attack, "?")
		wg.Go(func() {
			for ctx.Err() == nil {
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+attack+strconv.FormatUint(rand.Uint64(), 36), nil)
				if err != nil {
					return
				}
				outcome := "error"
				resp, err := client.Do(req)
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					outcome = strconv.Itoa(resp.StatusCode)
				} else if ctx.Err() != nil {
					return // the time is up mid-request
				}
				n.Add(1)
				mu.Lock()
				statuses[route+" "+outcome]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return json.NewEncoder(os.Stdout).Encode(attackReport{Requests: int(n.Load()), Seconds: time.Since(t0).Seconds(), Statuses: statuses})
}

// fetch GETs u and reads the body; a status other than 200 is an error.
func fetch(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}

// bodySize is the length of the plain body of u.
func bodySize(ctx context.Context, client *http.Client, u string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(io.Discard, resp.Body)
}

// scrape reads the samples of a Prometheus text page: "name{labels}" → value.
func scrape(ctx context.Context, client *http.Client, u string) (map[string]float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(body), "\n") {
		i := strings.LastIndexByte(line, ' ')
		if strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out, nil
}

// procStatus is a memory field of /proc/<pid>/status (VmRSS, VmHWM) in
// bytes; 0 when it cannot be read (not Linux).
func procStatus(pid int, field string) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(v)
			if len(f) == 2 && f[1] == "kB" {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n << 10
			}
		}
	}
	return 0
}

// procCPU is the user and system CPU time process pid has used (Linux,
// clock ticks of 1/100 s); 0 when it cannot be read.
func procCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name (in parentheses, which may hold
	// spaces): state is the 3rd field of the line, utime the 14th, stime the 15th.
	i := strings.LastIndexByte(string(data), ')')
	f := strings.Fields(string(data[i+1:]))
	if i < 0 || len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond
}

// loadAverage is the machine's one-minute load average (Linux); 0 elsewhere.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

// freeLoopback is a loopback address free at the time of asking.
func freeLoopback() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
