package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kouryu/internal/demosite"
)

// kouryu status without a sources file lists the sources that crawled,
// not the embedded list beside them; with one, that file's sources too.
func TestStatusListsTheSourcesCrawled(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(demosite.Handler(time.Now))
	defer srv.Close()
	dir := t.TempDir()
	// The source crawled; a second file adds one not crawled yet.
	srcFile := filepath.Join(dir, "sources.yaml")
	bothFile := filepath.Join(dir, "sources-all.yaml")
	demo := fmt.Sprintf("  - {id: demo, name: デモ商工会, kind: auto, start_urls: [%s/event/], delay: 1ms}\n", srv.URL)
	kita := fmt.Sprintf("  - {id: kita-seminar, name: 北区セミナー, kind: auto, start_urls: [%s/seminar/], delay: 1ms}\n", srv.URL)
	if err := os.WriteFile(srcFile, []byte("sources:\n"+demo), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bothFile, []byte("sources:\n"+demo+kita), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := Main(t.Context(), []string{"crawl", "--allow-private", "--data-dir", dir, "--sources", srcFile, "--log-level", "warn"}, nil, &out, &errb); err != nil {
		t.Fatalf("crawl: %v\n%s", err, errb.String())
	}
	ids := func(args ...string) []string {
		t.Helper()
		out.Reset()
		if err := Main(t.Context(), append([]string{"status", "--json", "--data-dir", dir, "--log-level", "warn"}, args...), nil, &out, &errb); err != nil {
			t.Fatalf("status %s: %v\n%s", args, err, errb.String())
		}
		var st statusReport
		if err := json.Unmarshal(out.Bytes(), &st); err != nil {
			t.Fatalf("status --json: %v\n%s", err, out.String())
		}
		var got []string
		for _, h := range st.Sources {
			got = append(got, h.Source)
		}
		return got
	}
	if got := ids(); strings.Join(got, " ") != "demo" {
		t.Errorf("status without --sources lists %q, want only demo", got)
	}
	if got := ids("--sources", bothFile); strings.Join(got, " ") != "demo kita-seminar" {
		t.Errorf("status --sources lists %q, want demo kita-seminar", got)
	}

	// Nothing crawled in a fresh directory: an empty table and a word why.
	out.Reset()
	if err := Main(t.Context(), []string{"status", "--data-dir", t.TempDir(), "--log-level", "warn"}, nil, &out, &errb); err != nil {
		t.Fatalf("status: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "no source has crawled yet") || strings.Contains(out.String(), "never") {
		t.Errorf("status of a fresh directory:\n%s", out.String())
	}
}
