// Package metrics holds what kouryu's components share about Prometheus:
// each component declares and counts its own metrics, on the registry the
// command line gives it, and registers them with Register.
package metrics

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Register registers c on reg and returns it, or, when a collector of the
// same description is registered already (another worker of the same kind in
// this process), returns that one, so the workers share their metrics. Any
// other failure to register is an error.
func Register[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if old, ok := are.ExistingCollector.(C); ok {
				return old, nil
			}
		}
		return c, fmt.Errorf("register metrics: %w", err)
	}
	return c, nil
}
