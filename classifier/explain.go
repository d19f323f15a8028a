package classifier

import "kouryu/internal/event"

// Explain returns a short Japanese reason for people, such as
// 分類：地域イベント主体の交流会（主催：堺商工会議所）, from a classified event.
// It is event.Explain, which lives beside the record so that the feeds and
// the page, which import no stage, can show it; see there.
func Explain(e *event.Event) string { return event.Explain(e) }
