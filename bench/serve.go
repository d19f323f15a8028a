package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/store"
	"kouryu/publisher"
)

const (
	serveEvents  = 2000
	serveClients = 32
	serveMaxReqs = 500000 // per load, whatever the time
	serveFeed    = "/feeds/all.rss"
)

func benchServe(ctx context.Context, c config, res *Result, log *slog.Logger) error {
	dbURL, drop, err := pgSchema(ctx, c.databaseURL, "serve")
	if err != nil {
		return err
	}
	defer drop()
	st, err := store.Open(ctx, store.Config{URL: dbURL}, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	for _, b := range storeEvents(serveEvents, time.Now()) {
		if _, err := st.Upsert(ctx, b); err != nil {
			return fmt.Errorf("fill store: %w", err)
		}
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	srv, err := publisher.NewServer(st, publisher.ServerConfig{BaseURL: base, Registry: prometheus.NewRegistry()}, log)
	if err != nil {
		ln.Close()
		return fmt.Errorf("new server: %w", err)
	}
	sctx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sctx, ln) }()
	defer func() {
		stop()
		<-served
	}()

	tr := &http.Transport{MaxIdleConns: serveClients, MaxIdleConnsPerHost: serveClients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	// The first request renders the feed; its ETag makes the conditional load.
	resp, err := client.Get(base + serveFeed)
	if err != nil {
		return fmt.Errorf("get feed: %w", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != http.StatusOK || etag == "" {
		return fmt.Errorf("get feed: status %d, ETag %q", resp.StatusCode, etag)
	}
	res.Extra["serve.feed_bytes"] = float64(len(body))

	plain, err := load(ctx, client, base+serveFeed, "", http.StatusOK, c.serveFor)
	if err != nil {
		return fmt.Errorf("plain load: %w", err)
	}
	cond, err := load(ctx, client, base+serveFeed, etag, http.StatusNotModified, c.serveFor)
	if err != nil {
		return fmt.Errorf("conditional load: %w", err)
	}
	res.Checks = append(res.Checks,
		Check{Stage: "serve", Metric: fmt.Sprintf("GET %s, 200, %d clients", serveFeed, serveClients), Unit: "req/s",
			Figure: round(plain, 0), Target: "(none)", Pass: true},
		Check{Stage: "serve", Metric: fmt.Sprintf("GET %s, If-None-Match → 304", serveFeed), Unit: "req/s",
			Figure: round(cond, 0), Baseline: round(plain, 0), BaseName: "plain", Ratio: round(cond/plain, 2),
			Target: "≥ 5000/s", Pass: cond >= 5000},
	)
	return nil
}

// load has serveClients goroutines request u on loopback for d (or until
// serveMaxReqs), each response read to the end, and returns the requests per
// second that got want. Any other status is an error.
func load(ctx context.Context, client *http.Client, u, etag string, want int, d time.Duration) (float64, error) {
	var (
		n        atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	lctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	t0 := time.Now()
	for range serveClients {
		wg.Go(func() {
			for lctx.Err() == nil && n.Load() < serveMaxReqs {
				req, err := http.NewRequestWithContext(lctx, http.MethodGet, u, nil)
				if err != nil {
					return
				}
				if etag != "" {
					req.Header.Set("If-None-Match", etag)
				}
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != want {
						err = fmt.Errorf("status %d, want %d", resp.StatusCode, want)
					}
				}
				if err != nil {
					if lctx.Err() != nil {
						return // the load's time is up mid-request
					}
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					return
				}
				n.Add(1)
			}
		})
	}
	wg.Wait()
	secs := time.Since(t0).Seconds()
	if firstErr != nil {
		return 0, firstErr
	}
	return float64(n.Load()) / secs, nil
}
