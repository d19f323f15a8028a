package classifier

import (
	"testing"

	"kouryu/internal/event"
)

// TestClassifyByIdea covers the ideas of docs/labels.md in listings written
// for this test in the way Kansai publishers write them, with trade words,
// hosts and programmes the rules do not list one by one: who the
// participants are, who hosts it and for whom, what the main part is.
func TestClassifyByIdea(t *testing.T) {
	r := Default()
	cases := []labelCase{
		// One trade, named only by the trade's own word.
		{"osteopaths' owners", ev("整骨院オーナー交流会 in 天王寺", "院の集患やスタッフ採用の悩みを話し合いましょう。", "関西接骨院ネット"), event.SameIndustry, "院オーナー"},
		{"bakers' study", ev("パン屋経営者の勉強会", "原材料の値上げにどう向き合うか、店主どうしで考えます。", ""), event.SameIndustry, "屋経営者"},
		{"trade then 交流会", ev("塗装業交流会 第8回", "", "大阪塗装ネットワーク"), event.SameIndustry, "塗装業"},
		{"truckers", ev("運送事業者 若手経営者の会 忘年会", "トラック運送業に携わる二代目・三代目の集まりです。", ""), event.SameIndustry, "業に携わる"},
		{"people of an industry", ev("アパレル業界 交流ナイト", "アパレル業界の方ならどなたでも参加できます。", ""), event.SameIndustry, "業界の方"},
		{"industry insiders", ev("ブライダル関係者の集い", "式場・衣装・写真などブライダル関係者が集まる懇親会です。", ""), event.SameIndustry, "関係者が集"},
		{"a field's firms", ev("ヘルスケア分野の企業交流会", "ヘルスケア分野の企業とスタートアップの出会いの場。", "〇〇コンソーシアム"), event.SameIndustry, "分野の企業"},
		{"one profession's study", ev("社労士の勉強会（2月）", "改正育児介護休業法の実務を社労士同士で確認します。", ""), event.SameIndustry, "社労士"},
		{"a trade's management seminar", ev("美容室経営セミナー 〜スタッフが辞めない店づくり〜", "", "〇〇ビューティー"), event.SameIndustry, "美容室"},
		{"a lecturer is no trade", ev("若手税理士の交流会", "講師による話題提供のあと、懇親会で情報交換します。", ""), event.SameIndustry, "税理士"},
		{"a trade association's party", ev("新年賀詞交歓会", "会員の印刷会社約80社が集いました。", "大阪府印刷工業組合"), event.SameIndustry, "印刷"},

		// Across trades, even when one trade is named among others.
		{"several trades named", ev("経営者交流会", "製造業の方から飲食店、士業の先生まで、幅広い業種の方が参加。", ""), event.CrossIndustry, "経営者交流"},

		// Exhibitions, alumni, consultation days: rule 1 whoever hosts.
		{"city exhibition", ev("ものづくり技術展示会", "市内企業の製品を展示します。どなたでもご覧いただけます。", "〇〇市"), event.Other, "展示会"},
		{"chamber consultation day", ev("経営なんでも無料相談会", "中小企業診断士が個別にご相談に応じます。", "〇〇商工会議所"), event.Other, "相談会"},
		{"ward tax consultation", ev("確定申告 無料相談日", "税理士による申告の相談。予約制。", "〇〇区役所"), event.Other, "相談"},
		{"alumni party at a chamber hall", ev("〇〇高校 関西同窓会 総会・懇親会", "会場は商工会議所の会館です。校歌斉唱のあと懇親会。", ""), event.Other, "同窓会"},
		{"factory tour for residents", ev("こうばのまちを歩こう", "区内の工場を見学できるオープンファクトリー。家族連れ歓迎。", "〇〇区役所"), event.Other, "オープンファクトリー"},
		{"city product fair", ev("〇〇市産業祭", "市内の企業や農家が出店。ステージや模擬店も。", "〇〇市"), event.Other, "産業祭"},

		// A party with no business purpose.
		{"club party", ev("春の懇親会", "会員同士でお花見を兼ねて親睦を深めましょう。", "〇〇写真クラブ"), event.Other, "other"},
		{"neighbourhood year-end", ev("忘年交流会", "町内の皆さんで一年をねぎらいます。", "〇〇町会"), event.Other, "other"},
		{"party of business owners", ev("春の交流会", "経営者どうしで名刺を交わし、仕事の話をしましょう。", ""), event.CrossIndustry, "ビジネスの話"},

		// The host and the area.
		{"prefectural SME body", ev("新春賀詞交歓会", "", "〇〇県中小企業団体中央会"), event.Regional, "中小企業団体中央会"},
		{"national chamber federation", ev("全国大会 記念講演と大交流会", "基調講演のあと全国の会員と交流。", "全国商工会青年部連合会"), event.SeminarSocial, "基調講演"},
		{"a lawyer's consultation day", ev("弁護士による無料法律相談", "予約制・おひとり30分", "〇〇区役所"), event.Other, "法律相談"},
		{"a Kansai-wide body in a prefecture's name", ev("近畿ブロック交流会 in 神戸", "近畿2府4県の女性経営者が集い、交流を深めました。", "兵庫県中小企業女性中央会"), event.CrossIndustry, "交流会"},
		{"a Kansai city's firms", ev("ものづくり企業交流会", "受発注の商談も。", "神戸市"), event.Regional, "神戸市"},
		{"a junior chamber by its short name", ev("異業種交流会", "メンバーと地域の方々の懇親を深めました。", "〇〇JC"), event.Other, "ruled out"},
		{"national ministry bureau", ev("中小企業支援施策説明会", "補助金と支援策をご説明します。", "近畿経済産業局"), event.StudyGroup, "支援施策"},

		// What the main part is.
		{"talk by a guest then a party", ev("10月例会", "ゲストの山田氏に事業承継の体験をお話しいただいたあと、懇親会で交流しました。", "〇〇経済クラブ"), event.SeminarSocial, "お話しいただ"},
		{"discussion is not a party", ev("中小企業連携フォーラム「新連携で販路を広げる」", "基調講演のあと、参加者による意見交換会を行います。", "〇〇大学"), event.StudyGroup, "販路"},
		{"history talk then party", ev("記念講演会・祝賀会", "古事記にみる日本のこころと題してご講演いただきました。", "〇〇師友会"), event.Other, "古事記"},
		{"moralogy club", ev("第120回例会", "品性資本の経営を学びます。", "〇〇モラロジービジネスクラブ"), event.StudyGroup, "モラロジー"},
	}
	checkLabels(t, r, cases)
}
