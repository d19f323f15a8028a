// Package bus is kouryu's one door to NATS JetStream: it starts an in-process
// nats-server or connects to a cluster, creates the streams with every limit
// set, publishes with Nats-Msg-Id and runs durable pull consumers whose
// handlers decide, per message, between ack, retry and dead letter.
//
// # Streams and subjects
//
//	KOURYU_RAW         kouryu.raw.<source>        the crawler's events
//	KOURYU_CLASSIFIED  kouryu.classified.<label>  the classifier's events
//	KOURYU_DEAD        kouryu.dead.<stage>        what a stage set aside, as JSON DeadLetter
//
// All three use limits retention, file storage and discard-old, with a max
// age (7 days; dead letters 30 days), a byte limit (1 GiB each, or what the
// embedded server's store holds) and a duplicate window (2 minutes). Config.Namespace isolates a deployment (or a
// test) on a shared server: stream names get the suffix _<NAMESPACE> and every
// subject the prefix <namespace>., transparently for callers, who always
// speak the subjects above.
//
// # The embedded server
//
// With no URL, Open runs nats-server in-process on DataDir/nats. Its store
// budget is sized to the disk (three quarters of the free space plus what the
// store holds, or Config.MaxStore), and the streams and buckets are sized to
// fit it, up to 1 GiB each; a disk too small for streams of 32 MiB is refused
// with a message that says what to do. The process holds a lock on the store
// (DataDir/nats/kouryu.lock, flock) and writes its server's URL there: a
// second Open on the same store never starts another server on it (two
// servers corrupt a store), but connects to the first (Config.Attach) or
// fails naming it.
//
// # Guarantees
//
// Publish returns nil only once JetStream has acked every message; each
// message carries its Nats-Msg-Id, so a retried publish inside the duplicate
// window is stored once.
//
// Consume delivers at least once. A message is acked only after the handler
// has returned nil for it, so the handler must make its output durable before
// returning. An error wrapped by Permanent terminates the message after a dead
// letter has been stored on kouryu.dead.<stage>; any other error is retried
// with NakWithDelay, and on the last allowed delivery it too becomes a dead
// letter. If the dead letter itself cannot be stored, the message is not
// terminated but retried, so nothing disappears silently: for that reason the
// server-side consumer has no delivery limit and MaxDeliver is enforced here,
// and a message delivered past it without an outcome (a worker crashed or
// outlived AckWait) is buried without another try. Dead letters carry
// the Nats-Msg-Id <stage>:<stream>:<seq>, so recording one twice stores it once.
//
// A stage runs several Consume loops on its one durable consumer through
// Workers (an errgroup): the first loop that fails, at setup or later, stops
// the others, and Workers returns its error.
//
// # Compatibility
//
// Only stream and consumer features of nats-server 2.9 are used (no multiple
// filter subjects, metadata, compression, subject transforms, consumer limits
// or per-message TTLs), so the package works against Debian's nats-server
// 2.9.10 as well as the embedded nats-server v2.15. The test suite runs
// against an external server too when KOURYU_TEST_NATS_URL is set; each test
// then works in a namespace of its own and deletes its streams.
package bus
