package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1048576", 1 << 20, true},
		{"512MiB", 512 << 20, true},
		{"2GiB", 2 << 30, true},
		{"2g", 2 << 30, true},
		{"500MB", 500e6, true},
		{"1 TiB", 1 << 40, true},
		{"", 0, false},
		{"-1GiB", 0, false},
		{"1.5GiB", 0, false},
		{"12 parsecs", 0, false},
		{"99999999999TiB", 0, false},
	} {
		got, err := parseSize(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v", c.in, got, err)
		}
	}
}

func TestNATSStoreFlags(t *testing.T) {
	// A size in the environment that does not parse is a usage error, as
	// the flag's would be.
	t.Setenv("KOURYU_NATS_MAX_STORE", "lots")
	err := Main(context.Background(), []string{"status", "--data-dir", t.TempDir()}, nil, io.Discard, io.Discard)
	var ee *ExitError
	if err == nil || !strings.Contains(err.Error(), "KOURYU_NATS_MAX_STORE") || !errors.As(err, &ee) || ee.Code != 2 {
		t.Errorf("bad KOURYU_NATS_MAX_STORE: %v", err)
	}
	// A store too small is refused before anything starts, saying what to do.
	os.Unsetenv("KOURYU_NATS_MAX_STORE") // t.Setenv restores it
	err = Main(context.Background(), []string{"status", "--data-dir", t.TempDir(), "--nats-max-store", "64MiB"}, nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "too small") {
		t.Errorf("a 64 MiB store: %v", err)
	}
}
