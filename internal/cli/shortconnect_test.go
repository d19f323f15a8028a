package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// `kouryu status` and `dead list` against a NATS server that is down give
// up with an error a person can act on; before, they retried until Ctrl-C.
// Not parallel: it shortens the wait for the test's sake.
func TestShortCommandsGiveUpOnADownServer(t *testing.T) {
	defer func(d time.Duration) { shortConnectWait = d }(shortConnectWait)
	shortConnectWait = 500 * time.Millisecond
	down := "nats://" + freeAddr(t) // nothing listens there any more
	for _, args := range [][]string{
		{"status", "--nats-url", down, "--log-level", "error"},
		{"dead", "list", "--nats-url", down, "--log-level", "error"},
	} {
		var out, errb bytes.Buffer
		start := time.Now()
		err := Main(t.Context(), args, nil, &out, &errb)
		took := time.Since(start)
		if err == nil || !strings.Contains(err.Error(), "gave up after 500ms") || !strings.Contains(err.Error(), down) {
			t.Errorf("%s: %v", args[0], err)
		}
		if took > 10*time.Second {
			t.Errorf("%s returned after %s", args[0], took)
		}
	}
}
