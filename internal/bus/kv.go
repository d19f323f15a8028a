package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Key/value buckets. Each is a JetStream KV bucket (a stream KV_<name>),
// replicated like the streams and isolated by the namespace like them.
const (
	// BucketCrawl is the crawlers' shared memory: the validators of event
	// pages and the content hash of each event published. Entries expire
	// after CrawlStateTTL; an expired one costs a full fetch or one publish
	// again, which the pipeline absorbs (the table's upsert).
	BucketCrawl = "KOURYU_CRAWL"
	// BucketHealth holds one record per source: its last crawl, its recent
	// history and the lease of the crawl running now.
	BucketHealth = "KOURYU_HEALTH"
)

// TTLs of the buckets.
const (
	CrawlStateTTL = 30 * 24 * time.Hour
	HealthTTL     = 90 * 24 * time.Hour
)

var bucketTTL = map[string]time.Duration{BucketCrawl: CrawlStateTTL, BucketHealth: HealthTTL}

// ErrConflict is returned by KV.Update when the key changed since the
// revision given (or exists, for revision 0): another process wrote first.
var ErrConflict = errors.New("bus: kv revision conflict")

// KV is one key/value bucket. Its methods are safe for concurrent use.
type KV struct {
	name string
	kv   jetstream.KeyValue // nil: a bus opened ReadOnly found no bucket
}

// errNoBucket is what a write to a bucket that a ReadOnly bus did not find
// returns.
var errNoBucket = errors.New("bucket does not exist and the bus is read-only")

// KV creates the bucket named (BucketCrawl or BucketHealth) with its TTL, one
// value per key, file storage and the bus's replicas, or updates it when its
// settings differ (see ensureStream: an unchanged bucket is left alone), and
// returns it. On a ReadOnly bus it only opens the bucket; one that does
// not exist reads as empty and refuses writes.
func (b *Bus) KV(ctx context.Context, bucket string) (*KV, error) {
	ttl, ok := bucketTTL[bucket]
	if !ok {
		return nil, fmt.Errorf("kv bucket %q: not one of %s, %s", bucket, BucketCrawl, BucketHealth)
	}
	name := b.streamName(bucket)
	cfg := jetstream.KeyValueConfig{
		Bucket:       name,
		Description:  "kouryu " + bucket,
		History:      1,
		TTL:          ttl,
		MaxBytes:     b.cfg.MaxBytes,
		MaxValueSize: b.cfg.MaxMsgSize,
		Storage:      jetstream.FileStorage,
		Replicas:     b.cfg.Replicas,
	}
	var kv jetstream.KeyValue
	if b.cfg.ReadOnly {
		err := b.retryUnanswered(ctx, "kv bucket "+name, func(ctx context.Context) error {
			var err error
			kv, err = b.js.KeyValue(ctx, name)
			if errors.Is(err, jetstream.ErrBucketNotFound) {
				kv, err = nil, nil // read as empty; KV with kv nil
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("kv bucket %s: %w", name, err)
		}
		return &KV{name: name, kv: kv}, nil
	}
	err := b.retryUnanswered(ctx, "ensure kv bucket "+name, func(ctx context.Context) error {
		var err error
		kv, err = b.js.KeyValue(ctx, name)
		if err == nil {
			var st jetstream.KeyValueStatus
			if st, err = kv.Status(ctx); err == nil && !sameBucket(st.Config(), cfg) {
				kv, err = b.js.CreateOrUpdateKeyValue(ctx, cfg)
			}
		} else if errors.Is(err, jetstream.ErrBucketNotFound) {
			kv, err = b.js.CreateOrUpdateKeyValue(ctx, cfg)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ensure kv bucket %s: %w", name, err)
	}
	return &KV{name: name, kv: kv}, nil
}

// sameBucket reports whether the bucket configuration have already has every
// setting kouryu sets in want.
func sameBucket(have, want jetstream.KeyValueConfig) bool {
	return have.Description == want.Description && have.History == want.History &&
		have.TTL == want.TTL && have.MaxBytes == want.MaxBytes &&
		have.MaxValueSize == want.MaxValueSize && have.Storage == want.Storage &&
		have.Replicas == want.Replicas
}

// Get returns the value of key, or nil and no error when there is none.
func (k *KV) Get(ctx context.Context, key string) ([]byte, error) {
	v, _, err := k.Entry(ctx, key)
	return v, err
}

// Entry returns the value of key and its revision; revision 0 and a nil
// value when there is none.
func (k *KV) Entry(ctx context.Context, key string) ([]byte, uint64, error) {
	if k.kv == nil {
		return nil, 0, nil
	}
	e, err := k.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("kv get %s/%s: %w", k.name, key, err)
	}
	return e.Value(), e.Revision(), nil
}

// Put sets key to value, whatever it held.
func (k *KV) Put(ctx context.Context, key string, value []byte) error {
	if k.kv == nil {
		return fmt.Errorf("kv put %s/%s: %w", k.name, key, errNoBucket)
	}
	if _, err := k.kv.Put(ctx, key, value); err != nil {
		return fmt.Errorf("kv put %s/%s: %w", k.name, key, err)
	}
	return nil
}

// Update sets key to value if its revision is still rev (0: if the key does
// not exist) and returns the new revision; ErrConflict when another write
// came first.
func (k *KV) Update(ctx context.Context, key string, value []byte, rev uint64) (uint64, error) {
	var (
		n   uint64
		err error
	)
	if k.kv == nil {
		return 0, fmt.Errorf("kv update %s/%s: %w", k.name, key, errNoBucket)
	}
	if rev == 0 {
		n, err = k.kv.Create(ctx, key, value)
	} else {
		n, err = k.kv.Update(ctx, key, value, rev)
	}
	if errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
		return 0, fmt.Errorf("kv update %s/%s at revision %d: %w", k.name, key, rev, ErrConflict)
	}
	if err != nil {
		return 0, fmt.Errorf("kv update %s/%s: %w", k.name, key, err)
	}
	return n, nil
}

// Keys lists the bucket's keys; none is no error.
func (k *KV) Keys(ctx context.Context) ([]string, error) {
	if k.kv == nil {
		return nil, nil
	}
	keys, err := k.kv.Keys(ctx)
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kv keys %s: %w", k.name, err)
	}
	return keys, nil
}
