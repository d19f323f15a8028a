// Package ops serves a process's operational endpoints: GET /metrics (its
// Prometheus registry), GET /healthz (the process runs: always 200) and
// GET /readyz (its readiness checks pass: 200, else 503 with the reason).
//
// Register mounts them on a mux: the HTTP server of `run` and `serve` mounts
// them beside the feeds. Start serves them on a listener of their own, the
// --metrics-addr of every long-running subcommand, so that /metrics need not
// be public.
package ops

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// readyTimeout bounds the readiness checks of one /readyz request.
const readyTimeout = 3 * time.Second

// Register adds GET /metrics (from reg; none when reg is nil), GET /healthz
// and GET /readyz (ready; nil: always ready) to mux.
func Register(mux *http.ServeMux, reg *prometheus.Registry, ready func(context.Context) error) {
	if reg != nil {
		mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			defer cancel()
			if err := ready(ctx); err != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = fmt.Fprintf(w, "not ready: %v\n", err)
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	})
}

// Server is an ops listener serving in the background.
type Server struct {
	srv *http.Server
	ln  net.Listener
	err chan error
}

// Start listens on addr and serves /metrics, /healthz and /readyz there (see
// Register) until Stop.
func Start(addr string, reg *prometheus.Registry, ready func(context.Context) error, log *slog.Logger) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics listener on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	Register(mux, reg, ready)
	s := &Server{
		srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
			WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10,
			ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)},
		ln: ln, err: make(chan error, 1),
	}
	go func() {
		err := s.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.err <- err
	}()
	log.Info("ops listener started", "addr", ln.Addr().String(), "paths", "/metrics /healthz /readyz")
	return s, nil
}

// Addr is the address the listener is bound to.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Stop shuts the listener down, giving requests in flight up to 5 s. A nil
// *Server stops at once.
func (s *Server) Stop() error {
	if s == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("ops listener shutdown: %w", err)
	}
	if err := <-s.err; err != nil {
		return fmt.Errorf("ops listener: %w", err)
	}
	return nil
}
