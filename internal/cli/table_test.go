package cli

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kouryu/internal/demosite"
)

// The demo site's titles and venues are Japanese, each of its own length:
// on a terminal, where a kanji takes two columns, the URL column of every
// row of `sources check` starts where its heading does.
func TestSourcesCheckTableLinesUpJapanese(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(demosite.Handler(time.Now))
	defer srv.Close()
	var out, errb bytes.Buffer
	args := []string{"sources", "check", "demo", "--sources", demoSourcesFile(t, srv.URL), "--allow-private", "--log-level", "error"}
	if err := Main(t.Context(), args, nil, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 9 {
		t.Fatalf("want a heading and 8 rows:\n%s", out.String())
	}
	col := func(line, at string) int {
		i := strings.LastIndex(line, at)
		if i < 0 {
			t.Fatalf("%q not in %q", at, line)
		}
		return displayWidth(line[:i])
	}
	want := col(lines[0], "URL")
	for _, l := range lines[1:] {
		if got := col(l, "http://"); got != want {
			t.Errorf("URL at column %d, heading at %d:\n%s", got, want, out.String())
			break
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]int{
		"":                 0,
		"2026-12-10 18:30": 16,
		"浪速商工会議所":          14,
		"ｶﾀｶﾅ":             4,  // half-width kana: one column each
		"ＡＢ（大阪）":           12, // full-width letters and brackets
		"が":                2,  // precomposed
		"か\u3099":          2,  // with a combining voiced mark
		"scheduled":        9,
	} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// With --json every line on stderr is JSON, the log's lines too, at any
// --log-level: a script reads them all with one decoder.
func TestSourcesCheckJSONStderrIsAllJSON(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(demosite.Handler(time.Now))
	defer srv.Close()
	var out, errb bytes.Buffer
	args := []string{"sources", "check", "demo", "--sources", demoSourcesFile(t, srv.URL), "--allow-private", "--log-level", "debug", "--json"}
	if err := Main(t.Context(), args, nil, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	logged := false
	for l := range strings.SplitSeq(strings.TrimSuffix(errb.String(), "\n"), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("stderr line %q is not JSON: %v", l, err)
		}
		logged = logged || v["msg"] == "crawl finished"
	}
	if !logged {
		t.Errorf("no log line of the crawl on stderr:\n%s", errb.String())
	}
}
