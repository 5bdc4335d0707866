package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"hyeopchi/store"
)

// searchCommand finds a word in every record.
var searchCommand = command{
	name: "search",
	usage: "  search 찾을말 [--year 연도] [--district 자치구] [--json]\n" +
		"                                             사람·단체·장소·과정·메모를 모든 기록에서 찾기 (ㄱㅅㅎ처럼 초성도)\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o searchOptions
		o.scope.define(fs)
		fs.BoolVar(&o.json, "json", false, "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdSearch(db, o, rest, stdout) }
	},
}

// searchOptions are search's flags.
type searchOptions struct {
	scope
	json bool
}

// searchRow is one hit of `search --json`.
type searchRow struct {
	Kind      string  `json:"kind"`       // plan, platform, session, course, event, submission, audit
	KindLabel string  `json:"kind_label"` // 혁신계획, …
	Year      *int    `json:"year"`       // null when the record has none
	District  *string `json:"district"`   // null when the record has none
	ID        uint64  `json:"id"`         // the record's ID (audit: its sequence number)
	Title     string  `json:"title"`
	Field     string  `json:"field"`
	Text      string  `json:"text"`
	ByContact bool    `json:"by_contact"` // found by a contact, which is never shown
}

func cmdSearch(db string, o searchOptions, rest []string, stdout io.Writer) error {
	query := strings.TrimSpace(strings.Join(rest, " "))
	if query == "" {
		return usagef("search 에는 찾을 말이 필요합니다 (예: hyeopchi search 김성훈)")
	}
	st, err := openRead(db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(query, o.filter())
	if err != nil {
		return err
	}
	if o.json {
		rows := []searchRow{}
		for _, h := range hits {
			r := searchRow{Kind: h.Kind, KindLabel: store.HitLabel(h.Kind), ID: h.ID, Title: h.Title,
				Field: h.Field, Text: h.Text, ByContact: h.Contact}
			if h.Year != 0 {
				y := h.Year
				r.Year = &y
			}
			if h.District != "" {
				d := h.District
				r.District = &d
			}
			rows = append(rows, r)
		}
		return writeJSON(stdout, rows)
	}
	if len(hits) == 0 {
		fmt.Fprintf(stdout, "%q 을(를) 찾지 못했습니다\n", query)
		return nil
	}
	for i, g := range store.GroupHits(hits) {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s (%d건)\n", g.Heading(), len(g.Hits))
		for _, h := range g.Hits {
			fmt.Fprintf(stdout, "  %s — %s\n", h.Title, hitText(h))
		}
	}
	fmt.Fprintf(stdout, "\n모두 %d건\n", len(hits))
	return nil
}

// hitText says where a hit matched: "강사: 김성훈", or for a contact whose
// contact it is, never the contact.
func hitText(h store.SearchHit) string {
	if h.Contact {
		return fmt.Sprintf("%s 일치 (%s, 연락처는 보이지 않음)", h.Field, h.Text)
	}
	return h.Field + ": " + h.Text
}
