package cli

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"kouryu/internal/pgtest"
	"kouryu/internal/testutil"
)

// TestDatabasePasswordNeverLogged runs migrate with a password in each place
// a DSN can hold one; neither the log nor the error may show it. The test
// server trusts local connections, so the password is sent and ignored.
func TestDatabasePasswordNeverLogged(t *testing.T) {
	t.Parallel()
	base, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	schema := base.Query().Get("search_path")
	withQuery := *base
	q := withQuery.Query()
	q.Set("password", "Himitsu-Query-1")
	withQuery.RawQuery = q.Encode()
	keywordValue := "host=" + base.Hostname() + " port=" + base.Port() + " dbname=" + strings.TrimPrefix(base.Path, "/") +
		" sslmode=disable search_path=" + schema + ` password='Himitsu KV \'2\''`
	for _, c := range []struct {
		name, dsn, secret string
		ok                bool
	}{
		{"query parameter", withQuery.String(), "Himitsu-Query-1", true},
		{"keyword/value", keywordValue, "Himitsu KV", true},
		{"userinfo, refused", "postgres://kouryu:Himitsu-User-3@127.0.0.1:1/test?connect_timeout=2", "Himitsu-User-3", false},
		{"keyword/value, refused", "host=127.0.0.1 port=1 connect_timeout=2 password=Himitsu-KV-4", "Himitsu-KV-4", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			var logs testutil.SyncBuffer
			err := Main(ctx, []string{"migrate", "--data-dir", t.TempDir(), "--database-url", c.dsn}, strings.NewReader(""), io.Discard, &logs)
			out := logs.String()
			if err != nil {
				out += "\nerror: " + err.Error()
			}
			if c.ok != (err == nil) {
				t.Fatalf("migrate: %v\n%s", err, out)
			}
			want := "database ready"
			if !c.ok {
				want = "open database"
			}
			if !strings.Contains(out, want) || !strings.Contains(out, "xxxxx") {
				t.Errorf("no %q line with the masked DSN:\n%s", want, out)
			}
			if strings.Contains(out, c.secret) {
				t.Errorf("the password shows:\n%s", out)
			}
		})
	}
}
