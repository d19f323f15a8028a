package alert

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	promtest "github.com/prometheus/client_golang/prometheus/testutil"

	"kouryu/internal/testutil"
)

// receiver is a webhook: it answers each POST with the next status of
// answers (200 once they run out) and keeps what it was sent.
type receiver struct {
	mu      sync.Mutex
	answers []int
	bodies  []string
	keys    []string
	block   chan struct{} // when set, each request waits for it
}

func (rv *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rv.block != nil {
		select {
		case <-rv.block:
		case <-r.Context().Done():
			return
		}
	}
	body, _ := io.ReadAll(r.Body)
	rv.mu.Lock()
	defer rv.mu.Unlock()
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "want a JSON POST", http.StatusBadRequest)
		return
	}
	rv.bodies = append(rv.bodies, string(body))
	rv.keys = append(rv.keys, r.Header.Get("Idempotency-Key"))
	status := http.StatusOK
	if len(rv.answers) > 0 {
		status, rv.answers = rv.answers[0], rv.answers[1:]
	}
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "0")
	}
	w.WriteHeader(status)
}

func (rv *receiver) got() []string {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	return append([]string(nil), rv.bodies...)
}

// outcome collects what done functions receive.
type outcome struct {
	mu   sync.Mutex
	errs map[string]error
}

func (o *outcome) done(id string) func(error) {
	return func(err error) {
		o.mu.Lock()
		defer o.mu.Unlock()
		if o.errs == nil {
			o.errs = map[string]error{}
		}
		if _, twice := o.errs[id]; twice {
			panic("done called twice for " + id)
		}
		o.errs[id] = err
	}
}

func (o *outcome) of(id string) (error, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	err, ok := o.errs[id]
	return err, ok
}

func fastConfig(url string, reg prometheus.Registerer) Config {
	return Config{URL: url, RetryBase: time.Millisecond, RetryCap: 5 * time.Millisecond, Metrics: reg}
}

func TestDeliversRetryingPassingFaults(t *testing.T) {
	rv := &receiver{answers: []int{http.StatusServiceUnavailable, http.StatusTooManyRequests, http.StatusBadGateway}}
	srv := httptest.NewServer(rv)
	defer srv.Close()
	reg := prometheus.NewRegistry()
	w, err := New(fastConfig(srv.URL+"/hooks/T00/secret-token", reg), testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	var o outcome
	msg := map[string]any{"source": "osaka-cci", "state": "unhealthy", "reasons": []string{"venue filled in 0% of 12 events, recent median 100%"}}
	if !w.Send("osaka-cci@1/unhealthy", msg, o.done("a")) {
		t.Fatal("Send refused an alert with an empty queue")
	}
	testutil.WaitFor(t, 10*time.Second, "the alert delivered", func() bool { _, ok := o.of("a"); return ok })
	if err, _ := o.of("a"); err != nil {
		t.Fatalf("delivery: %v", err)
	}
	got := rv.got()
	if len(got) != 4 {
		t.Fatalf("%d posts, want 4 (3 faults, then delivered)", len(got))
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(got[3]), &back); err != nil || back["source"] != "osaka-cci" {
		t.Errorf("body %s: %v", got[3], err)
	}
	if rv.keys[0] != "osaka-cci@1/unhealthy" {
		t.Errorf("Idempotency-Key %q", rv.keys[0])
	}
	if err := w.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := promtest.ToFloat64(w.m.WithLabelValues("delivered")); n != 1 {
		t.Errorf("kouryu_alerts_total{result=delivered} = %v", n)
	}
}

func TestRefusedAlertIsNotRetriedAndTheSecretNotLogged(t *testing.T) {
	rv := &receiver{answers: []int{http.StatusNotFound}}
	srv := httptest.NewServer(rv)
	defer srv.Close()
	var logs testutil.SyncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	w, err := New(fastConfig(srv.URL+"/hooks/T00/secret-token", nil), log)
	if err != nil {
		t.Fatal(err)
	}
	var o outcome
	w.Send("x@1/unhealthy", map[string]string{"source": "x"}, o.done("a"))
	testutil.WaitFor(t, 10*time.Second, "the outcome", func() bool { _, ok := o.of("a"); return ok })
	if err, _ := o.of("a"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a 404: outcome %v", err)
	}
	if n := len(rv.got()); n != 1 {
		t.Errorf("a 404 was tried %d times", n)
	}
	// A receiver that is down: every attempt fails, then the outcome.
	srv.Close()
	w.Send("x@2/unhealthy", map[string]string{"source": "x"}, o.done("b"))
	testutil.WaitFor(t, 10*time.Second, "the outcome", func() bool { _, ok := o.of("b"); return ok })
	err, _ = o.of("b")
	if err == nil || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("a receiver down: outcome %v", err)
	}
	w.Close(t.Context())
	if strings.Contains(logs.String(), "secret-token") {
		t.Errorf("the webhook's secret is in the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "attempt 8: post to") {
		t.Errorf("the log does not say the eighth attempt failed:\n%s", logs.String())
	}
}

func TestFullQueueDropsWithoutWaiting(t *testing.T) {
	rv := &receiver{block: make(chan struct{})}
	srv := httptest.NewServer(rv)
	defer srv.Close()
	defer close(rv.block)
	reg := prometheus.NewRegistry()
	var logs testutil.SyncBuffer
	cfg := fastConfig(srv.URL, reg)
	cfg.QueueSize = 2
	w, err := New(cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	var o outcome
	// One in the sender's hands (blocked at the receiver), two queued:
	// the fourth finds the queue full.
	sent := 0
	start := time.Now()
	for i := range 10 {
		if w.Send("id", i, nil) {
			sent++
		}
	}
	if time.Since(start) > time.Second {
		t.Errorf("ten Sends took %v with the receiver stuck", time.Since(start))
	}
	if sent < 2 || sent > 3 {
		t.Errorf("%d alerts queued with a queue of 2 and one in hand", sent)
	}
	if !strings.Contains(logs.String(), "alert dropped: queue full") {
		t.Errorf("no log line for the drop:\n%s", logs.String())
	}
	if n := promtest.ToFloat64(w.m.WithLabelValues("dropped")); int(n) != 10-sent {
		t.Errorf("dropped = %v, want %d", n, 10-sent)
	}
	ctx0, cancel0 := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel0()
	w.Close(ctx0)
	// Close gives up on what it cannot deliver when its context ends, and
	// tells the callers.
	w2, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	w2.Send("stuck", 1, o.done("stuck"))
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	if err := w2.Close(ctx); err == nil {
		t.Error("Close with an alert stuck: no error")
	}
	if err, ok := o.of("stuck"); !ok || !errors.Is(err, ErrClosed) {
		t.Errorf("the stuck alert's outcome: %v, %v", err, ok)
	}
	if w2.Send("late", 1, nil) {
		t.Error("Send after Close queued")
	}
}

func TestConfigRefusesABadURLWithoutQuotingIt(t *testing.T) {
	for _, u := range []string{"", "hooks.example.jp/T00/secret", "ftp://example.jp/secret", "https:///secret"} {
		_, err := New(Config{URL: u}, nil)
		if err == nil {
			t.Errorf("%q accepted", u)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("error quotes the URL: %v", err)
		}
	}
}
