package event

// Subjects the stages meet on. Each stage publishes and consumes only these.
const (
	// RawPrefix: the crawler publishes each event on kouryu.raw.<source>.
	RawPrefix = "kouryu.raw."
	// ClassifiedPrefix: the classifier publishes on kouryu.classified.<label>.
	ClassifiedPrefix = "kouryu.classified."
	// DeadPrefix: a message that can never succeed is recorded on
	// kouryu.dead.<stage> with its reason.
	DeadPrefix = "kouryu.dead."
)

// The stage names used in dead-letter subjects.
const (
	StageClassify = "classify"
	StagePublish  = "publish"
)

// RawSubject is the subject an event of source is published on.
func RawSubject(source string) string { return RawPrefix + source }

// ClassifiedSubject is the subject a classified event of label is published on.
func ClassifiedSubject(l Label) string { return ClassifiedPrefix + string(l) }

// DeadSubject is the subject the dead letters of stage are recorded on.
func DeadSubject(stage string) string { return DeadPrefix + stage }
