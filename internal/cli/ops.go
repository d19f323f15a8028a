package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"kouryu/internal/bus"
	"kouryu/internal/ops"
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

// startOps starts the ops listener of a process on addr (see package ops);
// addr "" gives a nil *ops.Server, whose Stop does nothing.
func startOps(addr string, reg *prometheus.Registry, ready func(context.Context) error, log *slog.Logger) (*ops.Server, error) {
	if addr == "" {
		return nil, nil
	}
	o, err := ops.Start(addr, reg, ready, log)
	if err != nil {
		return nil, &ExitError{Code: 1, Err: err}
	}
	return o, nil
}
