package bus

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestRedactURLs(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "",
		"nats://127.0.0.1:4222":            "nats://127.0.0.1:4222",
		"nats://kouryu:s3cret@nats-1:4222": "nats://kouryu:xxxxx@nats-1:4222",
		"nats://s3cret-token@nats-1:4222":  "nats://xxxxx@nats-1:4222",
		"kouryu:s3cret@nats-1:4222":        "kouryu:xxxxx@nats-1:4222",
		"tls://a:s3cret@n1:4222,tls://n2:4222,tls://b:s3cret@n3:4222": "tls://a:xxxxx@n1:4222,tls://n2:4222,tls://b:xxxxx@n3:4222",
		"nats://kouryu:s3cret@[::1":                                   "nats://xxxxx@[::1",
		"nats://kouryu:p@ss:w@rd@nats-1:4222":                         "nats://kouryu:xxxxx@nats-1:4222",
	} {
		got := RedactURLs(in)
		if got != want {
			t.Errorf("RedactURLs(%q) = %q, want %q", in, got, want)
		}
	}
}

// An operator gives --nats-url with a password to a server that is down:
// the retries in the log and the error in the end say where, not the
// password.
func TestConnectFailureHidesThePassword(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	_, err := Open(ctx, Config{URL: "nats://kouryu:s3cret-pw@127.0.0.1:1,nats://s3cret-token@127.0.0.1:2"}, log)
	if err == nil {
		t.Fatal("open of a server that is down succeeded")
	}
	for _, s := range []string{logs.String(), err.Error()} {
		if strings.Contains(s, "s3cret") {
			t.Errorf("a secret is shown:\n%s", s)
		}
	}
	if !strings.Contains(logs.String(), "nats://kouryu:xxxxx@127.0.0.1:1") {
		t.Errorf("the server is not named in the log:\n%s", logs.String())
	}

	err = Config{URL: "nats://kouryu:s3cret-pw@[::1"}.Validate()
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Validate of a URL that does not parse: %v", err)
	}
}
