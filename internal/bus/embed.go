package bus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/bits"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// The embedded server's store. kouryu keeps five file streams whose size is
// Config.MaxBytes each (raw, classified, dead, and the two KV buckets) and the
// jobs stream of a fixed size; JetStream reserves the limits of all of them
// at creation and refuses a stream that does not fit the store's budget.
const (
	sizedStreams    = 5
	jobsStreamBytes = 16 << 20
	// minStreamBytes is the smallest per-stream limit the embedded server is
	// sized down to (about 10,000 events of a few kilobytes); a disk that
	// cannot hold that is refused with a message saying so.
	minStreamBytes = 32 << 20
)

// storeNeed is the store budget streams of perStream bytes reserve.
func storeNeed(perStream int64) int64 { return sizedStreams*perStream + jobsStreamBytes }

// sizeStore decides the embedded server's store budget and the per-stream
// limit from the configuration and the disk: free bytes free on the store's
// file system (-1: unknown) and used bytes the store already holds (counted
// as available, so that the limits do not shrink as the streams fill).
//
// maxStore 0 sizes the budget to the disk: three quarters of what is free,
// plus what is used (nats-server's own rule for its default, made stable).
// perStream 0 sizes each stream to the budget: the largest power of two that
// lets them all fit, at most DefaultMaxBytes; a power of two so that the
// limit stays the same from one start to the next while the free space moves
// a little.
func sizeStore(maxStore, perStream, free, used int64) (budget, per int64, err error) {
	budget = maxStore
	if budget == 0 {
		if free < 0 {
			budget = storeNeed(DefaultMaxBytes)
		} else {
			budget = free/4*3 + used
		}
	}
	short := func(what string) error {
		return fmt.Errorf("%s; kouryu's streams need at least %s (%d of %s and the jobs stream's %s): free disk space, set --nats-max-store or --nats-stream-max-bytes, or run a NATS server and give --nats-url",
			what, mib(storeNeed(minStreamBytes)), sizedStreams, mib(minStreamBytes), mib(jobsStreamBytes))
	}
	if perStream == 0 {
		room := (budget - jobsStreamBytes) / sizedStreams
		if room < minStreamBytes {
			if maxStore == 0 {
				return 0, 0, short(fmt.Sprintf("only %s of the disk is free for the embedded NATS store", mib(free)))
			}
			return 0, 0, short(fmt.Sprintf("a store of %s is too small", mib(maxStore)))
		}
		per = min(int64(1)<<(63-bits.LeadingZeros64(uint64(room))), DefaultMaxBytes)
		return budget, per, nil
	}
	if need := storeNeed(perStream); need > budget {
		if maxStore == 0 {
			return 0, 0, fmt.Errorf("streams of %s each need %s of disk, and only %s is free for the embedded NATS store: free disk space, lower --nats-stream-max-bytes, or give --nats-url",
				mib(perStream), mib(need), mib(free))
		}
		return 0, 0, fmt.Errorf("streams of %s each need a store of %s, more than the %s of --nats-max-store", mib(perStream), mib(need), mib(maxStore))
	}
	return budget, perStream, nil
}

func mib(n int64) string {
	switch {
	case n < 0:
		return "an unknown amount"
	case n >= 10<<30:
		return fmt.Sprintf("%d GiB", n>>30)
	default:
		return fmt.Sprintf("%d MiB", n>>20)
	}
}

// dirBytes is the size of the files under dir; 0 when it does not exist.
func dirBytes(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// owner is what the process serving an embedded store writes beside it, in
// its lock file: how another process reaches that server.
type owner struct {
	PID            int       `json:"pid"`
	URL            string    `json:"url"`
	StreamMaxBytes int64     `json:"stream_max_bytes"`
	Started        time.Time `json:"started"`
}

// lockFileName is the lock file in the store directory. A process holds an
// exclusive lock on it (flock) while its embedded server runs on the store;
// the kernel drops the lock when the process ends, however it ends.
const lockFileName = "kouryu.lock"

// errStoreHeld is returned by lockStore when another process holds the lock.
var errStoreHeld = errors.New("held by another process")

// readOwner reads the owner of a held store, waiting up to wait for it to
// write itself (it takes the lock before its server is ready).
func readOwner(path string, wait time.Duration) (owner, error) {
	deadline := time.Now().Add(wait)
	for {
		var o owner
		data, err := os.ReadFile(path)
		if err == nil && json.Unmarshal(data, &o) == nil && o.URL != "" {
			return o, nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = errors.New("the lock file names no server")
			}
			return o, fmt.Errorf("read %s: %w", path, err)
		}
		time.Sleep(50 * time.Millisecond) // polling interval while the owner starts its server
	}
}

// embedded is an embedded server with the lock on its store.
type embedded struct {
	srv  *server.Server
	lock *os.File
}

func (e *embedded) shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
	e.lock.Close() // releases the lock
}

// startEmbedded takes the store of cfg and starts a server on it, sized to
// the disk (sizeStore); cfg.MaxBytes is the per-stream limit to use. When
// another process holds the store it returns that process's owner record and
// errStoreHeld.
func startEmbedded(cfg Config, log *slog.Logger) (*embedded, owner, error) {
	storeDir := filepath.Join(cfg.DataDir, "nats")
	if err := os.MkdirAll(storeDir, 0o755); err != nil {
		return nil, owner{}, fmt.Errorf("embedded nats store: %w", err)
	}
	lockPath := filepath.Join(storeDir, lockFileName)
	lock, err := lockStore(lockPath)
	if errors.Is(err, errStoreHeld) {
		o, rerr := readOwner(lockPath, 10*time.Second)
		if rerr != nil {
			return nil, owner{}, fmt.Errorf("embedded nats store %s is held by another process, which names no server: %w", storeDir, rerr)
		}
		return nil, o, errStoreHeld
	}
	if err != nil {
		return nil, owner{}, fmt.Errorf("lock embedded nats store: %w", err)
	}
	free := diskFree(storeDir)
	budget, per, err := sizeStore(cfg.MaxStore, cfg.MaxBytes, free, dirBytes(storeDir))
	if err != nil {
		lock.Close()
		return nil, owner{}, fmt.Errorf("embedded nats server in %s: %w", storeDir, err)
	}
	port := cfg.Port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	opts := &server.Options{
		ServerName:        "kouryu-embedded",
		Host:              "127.0.0.1",
		Port:              port,
		JetStream:         true,
		JetStreamMaxStore: budget,
		StoreDir:          storeDir,
		NoSigs:            true,
		MaxPayload:        cfg.MaxMsgSize,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		lock.Close()
		return nil, owner{}, fmt.Errorf("embedded nats server: %w", err)
	}
	srv.SetLoggerV2(serverLogger{log.With("component", "nats-server")}, false, false, false)
	srv.Start()
	e := &embedded{srv: srv, lock: lock}
	if !srv.ReadyForConnections(10 * time.Second) {
		e.shutdown()
		return nil, owner{}, fmt.Errorf("embedded nats server in %s: not ready for connections after 10s", storeDir)
	}
	if !srv.JetStreamEnabled() {
		e.shutdown()
		return nil, owner{}, fmt.Errorf("embedded nats server in %s: jetstream did not start", storeDir)
	}
	o := owner{PID: os.Getpid(), URL: srv.ClientURL(), StreamMaxBytes: per, Started: time.Now().UTC()}
	if err := writeOwner(lock, o); err != nil {
		e.shutdown()
		return nil, owner{}, err
	}
	log.Info("embedded nats server started", "url", srv.ClientURL(), "store_dir", storeDir,
		"max_store", mib(budget), "stream_max_bytes", mib(per), "disk_free", mib(free))
	return e, o, nil
}

// writeOwner replaces the content of the locked file with o.
func writeOwner(f *os.File, o owner) error {
	data, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("encode lock file: %w", err)
	}
	if err := f.Truncate(0); err != nil {
		return fmt.Errorf("write lock file: %w", err)
	}
	if _, err := f.WriteAt(append(data, '\n'), 0); err != nil {
		return fmt.Errorf("write lock file: %w", err)
	}
	return nil
}
