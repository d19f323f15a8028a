package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"kouryu/internal/bus"
)

// metricsAddrUsage is the help of --metrics-addr.
const metricsAddrUsage = "address of the ops listener serving /metrics, /healthz and /readyz (e.g. 127.0.0.1:9101); empty: none"

// newRegistry is the process's one metrics registry: every component built
// by a subcommand registers on it, with the Go runtime and process collectors.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// watchBus adds the streams' state (backlogs, consumer lag, dead letters)
// to reg.
func watchBus(reg *prometheus.Registry, b *bus.Bus) error {
	if err := reg.Register(bus.NewCollector(b)); err != nil {
		return fmt.Errorf("register bus collector: %w", err)
	}
	return nil
}

// natsReady is a readiness check: the bus is connected.
func natsReady(b *bus.Bus) func(context.Context) error {
	return func(context.Context) error {
		if !b.Conn().IsConnected() {
			return errors.New("not connected to NATS")
		}
		return nil
	}
}

// opsServer is the small HTTP listener of a stage process (classify,
// publish, crawl --loop): /metrics from the process's registry, /healthz
// (the process runs) and /readyz (its checks pass).
type opsServer struct {
	srv *http.Server
	ln  net.Listener
	log *slog.Logger
	err chan error
}

// startOps listens on addr and serves in the background; addr "" gives a
// nil *opsServer, whose stop does nothing.
func startOps(addr string, reg *prometheus.Registry, ready func(context.Context) error, log *slog.Logger) (*opsServer, error) {
	if addr == "" {
		return nil, nil
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = fmt.Fprintf(w, "not ready: %v\n", err)
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &ExitError{Code: 1, Err: fmt.Errorf("metrics listener on %s: %w", addr, err)}
	}
	o := &opsServer{
		srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
			WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute},
		ln: ln, log: log, err: make(chan error, 1),
	}
	go func() {
		err := o.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		o.err <- err
	}()
	log.Info("ops listener started", "addr", ln.Addr().String(), "paths", "/metrics /healthz /readyz")
	return o, nil
}

// stop shuts the listener down after the stage has stopped, so the last
// scrape can still see the final counts while the stage drains.
func (o *opsServer) stop() error {
	if o == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := o.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("ops listener shutdown: %w", err)
	}
	if err := <-o.err; err != nil {
		return fmt.Errorf("ops listener: %w", err)
	}
	return nil
}
