package bus

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/metrics"
)

// busMetrics are what Consume counts; a nil *busMetrics counts nothing.
type busMetrics struct {
	dead *prometheus.CounterVec
}

func newBusMetrics(reg prometheus.Registerer) (*busMetrics, error) {
	if reg == nil {
		return nil, nil
	}
	dead := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kouryu_dead_letters_total",
		Help: "Messages this process set aside on kouryu.dead.<stage>, by stage.",
	}, []string{"stage"})
	dead, err := metrics.Register(reg, dead)
	if err != nil {
		return nil, err
	}
	return &busMetrics{dead: dead}, nil
}

func (m *busMetrics) buried(stage string, n int) {
	if m == nil {
		return
	}
	m.dead.WithLabelValues(stage).Add(float64(n))
}

// DefaultCollectTimeout bounds the JetStream requests of one scrape.
const DefaultCollectTimeout = 3 * time.Second

// Collector is a prometheus.Collector of the streams' state, read with
// Backlogs at each scrape:
//
//	kouryu_stream_messages{stream}             messages stored per stream
//	kouryu_consumer_pending{stream,durable}    not yet delivered plus not yet acked
//	kouryu_dead_letters                        messages in KOURYU_DEAD
//	kouryu_bus_up                              1 when the scrape could read JetStream
//
// Stream names are the plain ones (KOURYU_RAW …), without a namespace, so
// that every process reports the same series.
type Collector struct {
	b       *Bus
	timeout time.Duration
	msgs    *prometheus.Desc
	pending *prometheus.Desc
	dead    *prometheus.Desc
	up      *prometheus.Desc
}

// NewCollector returns a Collector of b whose scrapes wait at most
// DefaultCollectTimeout for JetStream; register it on a registry once.
func NewCollector(b *Bus) *Collector {
	return &Collector{
		b:       b,
		timeout: DefaultCollectTimeout,
		msgs:    prometheus.NewDesc("kouryu_stream_messages", "Messages stored in a JetStream stream.", []string{"stream"}, nil),
		pending: prometheus.NewDesc("kouryu_consumer_pending", "Messages a durable consumer has still to process: not yet delivered plus delivered and not yet acked (consumer lag).", []string{"stream", "durable"}, nil),
		dead:    prometheus.NewDesc("kouryu_dead_letters", "Dead letters stored in KOURYU_DEAD (see `kouryu dead list`).", nil, nil),
		up:      prometheus.NewDesc("kouryu_bus_up", "1 when the last scrape could read the streams' state from JetStream, else 0.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.msgs
	ch <- c.pending
	ch <- c.dead
	ch <- c.up
}

// Collect implements prometheus.Collector. When JetStream does not answer
// in time, only kouryu_bus_up (0) is reported.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	infos, err := c.b.Backlogs(ctx)
	if err != nil {
		c.b.log.Warn("metrics: streams' state unreadable", "err", err)
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 1)
	for i, si := range infos {
		stream := streamOrder[i] // Backlogs reports in streamOrder
		ch <- prometheus.MustNewConstMetric(c.msgs, prometheus.GaugeValue, float64(si.Messages), stream)
		for durable, n := range si.Consumers {
			ch <- prometheus.MustNewConstMetric(c.pending, prometheus.GaugeValue, float64(n), stream, durable)
		}
		if stream == StreamDead {
			ch <- prometheus.MustNewConstMetric(c.dead, prometheus.GaugeValue, float64(si.Messages))
		}
	}
}
