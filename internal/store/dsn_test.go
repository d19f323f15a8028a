package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestRedact(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, dsn, want string
		secrets         []string // none of them may be left
	}{
		{"empty", "", "", nil},
		{"url without password", "postgres://kouryu@db.internal:5432/kouryu?sslmode=require",
			"postgres://kouryu@db.internal:5432/kouryu?sslmode=require", nil},
		{"userinfo", "postgres://kouryu:Tsuyoi-Pass9@db.internal:5432/kouryu?sslmode=disable",
			"postgres://kouryu:xxxxx@db.internal:5432/kouryu?sslmode=disable", []string{"Tsuyoi-Pass9"}},
		{"userinfo escaped", "postgresql://kouryu:p%40ss%2Fw0rd@db/kouryu",
			"postgresql://kouryu:xxxxx@db/kouryu", []string{"p%40ss%2Fw0rd", "p@ss/w0rd"}},
		{"query parameter", "postgres://db.internal/kouryu?user=k&password=Himitsu-2026&sslmode=disable",
			"postgres://db.internal/kouryu?user=k&password=xxxxx&sslmode=disable", []string{"Himitsu-2026"}},
		{"query parameter escaped key", "postgres://db/kouryu?pass%77ord=Himitsu-2026",
			"postgres://db/kouryu?pass%77ord=xxxxx", []string{"Himitsu-2026"}},
		{"sslpassword and password", "postgres://k:one-secret@db/kouryu?sslpassword=key-phrase&password=two-secret",
			"postgres://k:xxxxx@db/kouryu?sslpassword=xxxxx&password=xxxxx", []string{"one-secret", "key-phrase", "two-secret"}},
		{"several hosts", "postgres://k:Kanri-77@db1:5432,db2:5433/kouryu?target_session_attrs=read-write",
			"postgres://k:xxxxx@db1:5432,db2:5433/kouryu?target_session_attrs=read-write", []string{"Kanri-77"}},
		{"unescaped @ and / in the password", "postgres://k:ab@c/d@db.internal/kouryu",
			"postgres://k:xxxxx@db.internal/kouryu", []string{"ab@c/d"}},
		{"unescaped % in the password", "postgres://k:50%off@db.internal/kouryu",
			"postgres://k:xxxxx@db.internal/kouryu", []string{"50%off"}},
		{"keyword/value", "host=db.internal port=5432 dbname=kouryu user=k password=Himitsu-2026 sslmode=disable",
			"host=db.internal port=5432 dbname=kouryu user=k password=xxxxx sslmode=disable", []string{"Himitsu-2026"}},
		{"keyword/value spaced", "host=db password = Himitsu-2026  dbname=kouryu",
			"host=db password = xxxxx  dbname=kouryu", []string{"Himitsu-2026"}},
		{"keyword/value quoted", `host=db password='watashi no \'himitsu\' desu' dbname=kouryu`,
			`host=db password=xxxxx dbname=kouryu`, []string{"watashi", "himitsu", "desu"}},
		{"keyword/value escaped", `password=a\ very\ long\ one host=db`,
			`password=xxxxx host=db`, []string{"very", "long"}},
		{"keyword/value sslpassword last", "host=db sslkey=/etc/k.key sslpassword=Kagi-no-Ango",
			"host=db sslkey=/etc/k.key sslpassword=xxxxx", []string{"Kagi-no-Ango"}},
		{"keyword/value unterminated quote", "host=db password='never closed dbname=kouryu",
			"host=db password=xxxxx", []string{"never closed"}},
		{"keyword/value, quoted value holds password=", "application_name='password=x' password=Himitsu-2026",
			"application_name='password=x' password=xxxxx", []string{"Himitsu-2026"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Redact(c.dsn)
			if got != c.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", c.dsn, got, c.want)
			}
			for _, s := range c.secrets {
				if strings.Contains(got, s) {
					t.Errorf("Redact(%q) = %q still holds %q", c.dsn, got, s)
				}
			}
		})
	}
}

func TestOpenErrorHidesPassword(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Nothing listens on port 1: the connection is refused.
	for _, dsn := range []string{
		"postgres://kouryu:Himitsu-2026@127.0.0.1:1/kouryu?connect_timeout=2",
		"postgres://127.0.0.1:1/kouryu?password=Himitsu-2026&connect_timeout=2",
		"host=127.0.0.1 port=1 dbname=kouryu password='Himitsu-2026' connect_timeout=2",
		"host=127.0.0.1 port=1 password='Himitsu-2026",    // does not parse
		"postgres://kouryu:Himitsu-2026@127.0.0.1:99999/", // port out of range
	} {
		_, err := Open(ctx, Config{URL: dsn}, nil)
		if err == nil {
			t.Fatalf("%s: opened", Redact(dsn))
		}
		if strings.Contains(err.Error(), "Himitsu") {
			t.Errorf("error shows the password: %v", err)
		}
	}
	// The original error is still there for errors.Is.
	e := scrub(fmt.Errorf("connect: %w", context.DeadlineExceeded), "password=Himitsu-2026")
	if !errors.Is(e, context.DeadlineExceeded) {
		t.Errorf("scrubbed error lost its cause: %v", e)
	}
	if e := scrub(errors.New("dial Himitsu-2026"), "password=Himitsu-2026"); e.Error() != "dial xxxxx" {
		t.Errorf("scrub: %v", e)
	}
}

func TestConfigAcceptsKeywordValue(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		url string
		ok  bool
	}{
		{"postgres://db/kouryu", true},
		{"postgresql://db/kouryu", true},
		{"host=db dbname=kouryu", true},
		{"mysql://db/kouryu", false},
		{"db.internal", false},
	} {
		if err := (Config{URL: c.url}).Validate(); (err == nil) != c.ok {
			t.Errorf("Validate(%q) = %v", c.url, err)
		}
	}
}
