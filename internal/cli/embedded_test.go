package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kouryu/internal/demosite"
)

// TestStatusBesideRun: `kouryu status` on the data dir of a running
// `kouryu run` reads that process's embedded server; it never starts a
// second server on the same store (which corrupted it). A long-running
// stage there is refused with a message that names the holder.
func TestStatusBesideRun(t *testing.T) {
	t.Parallel()
	site := httptest.NewServer(demosite.Handler(time.Now))
	defer site.Close()
	addrs := freeAddrs(t, 2)
	dir, addr, ops := t.TempDir(), addrs[0], addrs[1]
	logs, stop := startMain(t, "run", "--sources", demoSources(t, site.URL), "--allow-private",
		"--data-dir", dir, "--http-addr", addr, "--metrics-addr", ops)
	scrapeUntil(t, "http://"+ops+"/metrics", logs, `kouryu_crawler_crawls_total{outcome="ok",source="demo-cci"} 1`)

	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	if err := Main(ctx, []string{"status", "--json", "--data-dir", dir, "--sources", demoSources(t, site.URL)}, nil, &out, &errb); err != nil {
		t.Fatalf("status beside run: %v\n%s", err, errb.String())
	}
	var st statusReport
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out.String())
	}
	if len(st.Sources) != 1 || st.Sources[0].Crawls < 1 {
		t.Errorf("status beside run: %+v", st.Sources)
	}
	if s := errb.String(); strings.Contains(s, "embedded nats server started") || !strings.Contains(s, "connecting to its server") {
		t.Errorf("status started a server of its own, or did not say whose it used:\n%s", s)
	}

	err := Main(ctx, []string{"classify", "--data-dir", dir}, strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "in use by process") || !strings.Contains(err.Error(), "--nats-url") {
		t.Errorf("classify beside run: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v\n%s", err, logs)
	}
	if s := logs.String(); strings.Contains(s, "missing") || strings.Contains(s, "level=ERROR") {
		t.Errorf("run's log:\n%s", s)
	}
}
