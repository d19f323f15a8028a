package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Crawl jobs. StreamJobs is a work queue: a job is stored until one worker
// acks it, and a durable consumer hands each job to one worker only, so N
// `kouryu crawl --loop` processes share the sources. A worker holds its job
// for the whole crawl by sending "in progress" every third of the ack wait;
// if it dies, the job is delivered to another worker after the ack wait.
const (
	StreamJobs = "KOURYU_JOBS" // kouryu.jobs.>
	// CrawlJobPrefix: the job to crawl source s is on kouryu.jobs.crawl.<s>.
	CrawlJobPrefix = "kouryu.jobs.crawl."
	// jobsDurable is the consumer every crawl worker shares.
	jobsDurable = "crawl"
	// jobsDuplicateWindow is how long a job's Nats-Msg-Id is remembered:
	// schedulers in several processes enqueue the same due crawl with the
	// same id, and it is stored once.
	jobsDuplicateWindow = time.Hour
	jobsMaxAge          = 24 * time.Hour
)

// CrawlJob is one crawl to run: the source and when it fell due.
type CrawlJob struct {
	Source string    `json:"source"`
	Due    time.Time `json:"due"`
}

// MsgID is the job's Nats-Msg-Id: <source>@<due unix seconds>.
func (j CrawlJob) MsgID() string { return fmt.Sprintf("%s@%d", j.Source, j.Due.Unix()) }

// EnsureJobs creates the work-queue stream of crawl jobs, or updates it when
// its limits differ.
func (b *Bus) EnsureJobs(ctx context.Context) error {
	name := b.streamName(StreamJobs)
	err := b.ensureStream(ctx, jetstream.StreamConfig{
		Name:              name,
		Description:       "kouryu crawl jobs, kouryu.jobs.>",
		Subjects:          []string{b.wireSubject("kouryu.jobs.>")},
		Retention:         jetstream.WorkQueuePolicy,
		MaxConsumers:      -1,
		MaxMsgs:           -1,
		MaxBytes:          jobsStreamBytes,
		Discard:           jetstream.DiscardOld,
		MaxAge:            jobsMaxAge,
		MaxMsgsPerSubject: -1,
		MaxMsgSize:        4 << 10,
		Storage:           jetstream.FileStorage,
		Replicas:          b.cfg.Replicas,
		Duplicates:        jobsDuplicateWindow,
	})
	if err != nil {
		return fmt.Errorf("ensure stream %s: %w", name, err)
	}
	return nil
}

// EnqueueCrawl stores job unless a job for its source is waiting or running
// already; it reports whether it stored one. Two schedulers racing past the
// check store one job, thanks to the msg id.
func (b *Bus) EnqueueCrawl(ctx context.Context, job CrawlJob) (bool, error) {
	subj := CrawlJobPrefix + job.Source
	stream, err := b.js.Stream(ctx, b.streamName(StreamJobs))
	if err != nil {
		return false, fmt.Errorf("stream %s: %w", StreamJobs, err)
	}
	_, err = stream.GetLastMsgForSubject(ctx, b.wireSubject(subj))
	switch {
	case err == nil:
		return false, nil // still queued or held by a worker
	case !errors.Is(err, jetstream.ErrMsgNotFound):
		return false, fmt.Errorf("look up job %s: %w", subj, err)
	}
	data, err := json.Marshal(job)
	if err != nil {
		return false, fmt.Errorf("encode job %s: %w", job.MsgID(), err)
	}
	if err := b.Publish(ctx, Outgoing{Subject: subj, MsgID: job.MsgID(), Data: data}); err != nil {
		return false, err
	}
	return true, nil
}

// JobsConfig sets up ConsumeCrawlJobs; zero fields take the defaults beside them.
type JobsConfig struct {
	Workers int           // crawls at once in this process; 0 means 4
	AckWait time.Duration // a silent worker's job goes to another after it; 0 means 1m
	// MaxWait is how long one fetch waits for a job; 0 means 5s.
	MaxWait time.Duration
}

func (c JobsConfig) withDefaults() JobsConfig {
	if c.Workers == 0 {
		c.Workers = 4
	}
	if c.AckWait == 0 {
		c.AckWait = time.Minute
	}
	if c.MaxWait == 0 {
		c.MaxWait = 5 * time.Second
	}
	return c
}

// Validate reports every fault of c at once.
func (c JobsConfig) Validate() error {
	var faults []string
	if c.Workers < 0 || c.Workers > 64 {
		faults = append(faults, fmt.Sprintf("workers %d: want 1 to 64", c.Workers))
	}
	if c.AckWait < 0 || (c.AckWait > 0 && c.AckWait < 3*time.Second) {
		faults = append(faults, fmt.Sprintf("ack wait %s: want at least 3s", c.AckWait))
	}
	if c.MaxWait < 0 {
		faults = append(faults, "max wait is negative")
	}
	if len(faults) > 0 {
		return fmt.Errorf("jobs config: %v", faults)
	}
	return nil
}

// JobHandler runs one crawl job. Its error is logged; the job is acked
// either way (the next schedule tries again), unless ctx ended meanwhile:
// then the job is handed back for another worker.
type JobHandler func(ctx context.Context, job CrawlJob) error

// ConsumeCrawlJobs runs cfg.Workers workers taking crawl jobs until ctx
// ends, then waits for the running handlers (which see ctx cancelled) and
// returns nil. It returns an error only when the consumer cannot be set up.
func (b *Bus) ConsumeCrawlJobs(ctx context.Context, cfg JobsConfig, h JobHandler) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg = cfg.withDefaults()
	if err := b.EnsureJobs(ctx); err != nil {
		return err
	}
	stream := b.streamName(StreamJobs)
	cons, err := b.js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       jobsDurable,
		Description:   "kouryu crawl workers",
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		// A job whose worker dies five times is dropped: the scheduler
		// enqueues the source again when it is due.
		MaxDeliver:    5,
		MaxAckPending: 256,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("ensure consumer %s on %s: %w", jobsDurable, stream, err)
	}
	log := b.log.With("stream", stream, "durable", jobsDurable)
	log.Info("taking crawl jobs", "workers", cfg.Workers)
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wait := 100 * time.Millisecond
			for ctx.Err() == nil {
				batch, err := cons.Fetch(1, jetstream.FetchMaxWait(cfg.MaxWait))
				if err == nil {
					err = b.takeJobs(ctx, cfg, batch, h)
				}
				if err == nil || errors.Is(err, jetstream.ErrNoMessages) || ctx.Err() != nil {
					wait = 100 * time.Millisecond
					continue
				}
				if b.nc.IsClosed() {
					return
				}
				log.Warn("fetch crawl job failed, retrying", "retry_in", wait, "err", err)
				select {
				case <-ctx.Done():
				case <-time.After(wait):
				}
				wait = min(wait*2, 5*time.Second)
			}
		}()
	}
	wg.Wait()
	log.Info("crawl workers stopped")
	return nil
}

// takeJobs runs h on the jobs of batch. An idle fetch waits MaxWait (5 s)
// for a job, and it does not see ctx: on Ctrl-C a worker stops waiting at
// once, and a job that arrives in the fetch after that is handed back
// (Nak) for another worker, not left to wait out its ack wait.
func (b *Bus) takeJobs(ctx context.Context, cfg JobsConfig, batch jetstream.MessageBatch, h JobHandler) error {
	msgs := batch.Messages()
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				return batch.Error()
			}
			b.runJob(ctx, cfg, m, h)
		case <-ctx.Done():
			go func() {
				for m := range msgs {
					_ = m.Nak()
				}
			}()
			return nil
		}
	}
}

// runJob runs h on one job, keeping the job held while h runs.
func (b *Bus) runJob(ctx context.Context, cfg JobsConfig, m jetstream.Msg, h JobHandler) {
	var job CrawlJob
	if err := json.Unmarshal(m.Data(), &job); err != nil || job.Source == "" {
		b.log.Warn("crawl job does not decode, dropped", "subject", m.Subject(), "err", err)
		_ = m.Term()
		return
	}
	done := make(chan struct{})
	var held sync.WaitGroup
	held.Add(1)
	go func() {
		defer held.Done()
		t := time.NewTicker(cfg.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if err := m.InProgress(); err != nil {
					b.log.Warn("crawl job: in-progress not sent", "source", job.Source, "err", err)
				}
			}
		}
	}()
	err := h(ctx, job)
	close(done)
	held.Wait()
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err != nil && ctx.Err() != nil {
		// Shutting down mid-crawl: another worker takes the job over.
		if nerr := m.Nak(); nerr != nil {
			b.log.Warn("crawl job: nak failed; redelivered after ack wait", "source", job.Source, "err", nerr)
		}
		_ = b.nc.FlushWithContext(actx)
		return
	}
	if err != nil {
		b.log.Warn("crawl job failed", "source", job.Source, "err", err)
	}
	if aerr := m.DoubleAck(actx); aerr != nil {
		b.log.Warn("crawl job: ack failed; it may run again (the lease stops a second crawl)", "source", job.Source, "err", aerr)
	}
}

// JobsBacklog reports the crawl jobs waiting or running.
func (b *Bus) JobsBacklog(ctx context.Context) (StreamInfo, error) {
	name := b.streamName(StreamJobs)
	s, err := b.js.Stream(ctx, name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return StreamInfo{Stream: name, Consumers: map[string]uint64{}}, nil
	}
	if err != nil {
		return StreamInfo{}, fmt.Errorf("stream %s: %w", name, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return StreamInfo{}, fmt.Errorf("stream %s info: %w", name, err)
	}
	si := StreamInfo{Stream: name, Messages: info.State.Msgs, Bytes: info.State.Bytes, Consumers: map[string]uint64{}}
	list := s.ListConsumers(ctx)
	for ci := range list.Info() {
		si.Consumers[ci.Name] = ci.NumPending + uint64(ci.NumAckPending)
	}
	if err := list.Err(); err != nil {
		return StreamInfo{}, fmt.Errorf("stream %s consumers: %w", name, err)
	}
	return si, nil
}
