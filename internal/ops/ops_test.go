package ops

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestRegister(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "kouryu_test_things_total", Help: "Things."})
	reg.MustRegister(c)
	c.Add(3)
	var failing error
	mux := http.NewServeMux()
	Register(mux, reg, func(context.Context) error { return failing })
	ts := httptest.NewServer(mux)
	defer ts.Close()

	if code, body := fetch(t, ts.URL+"/metrics"); code != http.StatusOK || !strings.Contains(body, "kouryu_test_things_total 3") {
		t.Errorf("/metrics %d:\n%s", code, body)
	}
	if code, body := fetch(t, ts.URL+"/healthz"); code != http.StatusOK || body != "ok\n" {
		t.Errorf("/healthz %d %q", code, body)
	}
	if code, body := fetch(t, ts.URL+"/readyz"); code != http.StatusOK || body != "ready\n" {
		t.Errorf("/readyz %d %q", code, body)
	}
	failing = errors.New("database unreachable")
	if code, body := fetch(t, ts.URL+"/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "database unreachable") {
		t.Errorf("/readyz failing %d %q", code, body)
	}

	// Without a registry there is no /metrics.
	mux = http.NewServeMux()
	Register(mux, nil, nil)
	ts2 := httptest.NewServer(mux)
	defer ts2.Close()
	if code, _ := fetch(t, ts2.URL+"/metrics"); code != http.StatusNotFound {
		t.Errorf("/metrics without a registry: %d", code)
	}
	if code, _ := fetch(t, ts2.URL+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz without checks: %d", code)
	}
}

func TestStartStop(t *testing.T) {
	s, err := Start("127.0.0.1:0", prometheus.NewRegistry(), nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + s.Addr().String()
	if code, _ := fetch(t, url+"/healthz"); code != http.StatusOK {
		t.Errorf("/healthz %d", code)
	}
	if _, err := Start(s.Addr().String(), nil, nil, slog.New(slog.DiscardHandler)); err == nil || !strings.Contains(err.Error(), "metrics listener") {
		t.Errorf("a second listener on a busy address: %v", err)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("answers after Stop")
	}
	var none *Server
	if err := none.Stop(); err != nil {
		t.Errorf("nil Stop: %v", err)
	}
}
