package workbook

import (
	"strings"
	"testing"
)

// TestReadCSVFraming: however lines end and wherever a quote goes wrong,
// every row of the file is a record, or the file is refused at the row
// where the framing broke; no row is dropped or glued to another.
func TestReadCSVFraming(t *testing.T) {
	const head = "과정,일자,장소,정원,비고"
	rows := []string{
		"협치실행 교육,2017-04-05,시청 본관,30,첫 회",
		"협치실행 교육,2017-05-10,관악구청,25,둘째 회",
		"협치실행 교육,2017-06-14,마포구청,40,셋째 회",
	}
	join := func(eols ...string) string {
		lines := append([]string{head}, rows...)
		var b strings.Builder
		for i, l := range lines {
			b.WriteString(l)
			b.WriteString(eols[i%len(eols)])
		}
		return b.String()
	}
	cases := []struct {
		name   string
		text   string
		venues []string // the records, by 장소; nil when refused
		notes  []string
		row    int    // refused: where
		col    string // refused: column
	}{
		{"LF", join("\n"), []string{"시청 본관", "관악구청", "마포구청"}, []string{"첫 회", "둘째 회", "셋째 회"}, 0, ""},
		{"CRLF", join("\r\n"), []string{"시청 본관", "관악구청", "마포구청"}, []string{"첫 회", "둘째 회", "셋째 회"}, 0, ""},
		{"CR only", join("\r"), []string{"시청 본관", "관악구청", "마포구청"}, []string{"첫 회", "둘째 회", "셋째 회"}, 0, ""},
		{"mixed LF, CR and CRLF", join("\n", "\r", "\r\n", "\r"), []string{"시청 본관", "관악구청", "마포구청"}, []string{"첫 회", "둘째 회", "셋째 회"}, 0, ""},
		{"CR only without a last line end", strings.TrimSuffix(join("\r"), "\r"), []string{"시청 본관", "관악구청", "마포구청"}, []string{"첫 회", "둘째 회", "셋째 회"}, 0, ""},
		{"a note over two lines, with a comma", head + "\n" + rows[0] + "\n협치실행 교육,2017-05-10,관악구청,25,\"둘째 회\n강사 변경, 장소 같음\"\n" + rows[2] + "\n",
			[]string{"시청 본관", "관악구청", "마포구청"}, []string{"첫 회", "둘째 회\n강사 변경, 장소 같음", "셋째 회"}, 0, ""},
		{"a quoted field with a doubled quote", head + "\r\n" + rows[0] + "\r\n협치실행 교육,2017-05-10,\"관악구청 \"\"대강당\"\"\",25,둘째 회\r\n",
			[]string{"시청 본관", "관악구청 \"대강당\""}, []string{"첫 회", "둘째 회"}, 0, ""},
		{"an unbalanced quote in row 3's 장소", head + "\n" + rows[0] + "\n협치실행 교육,2017-05-10,\"관악구청,25,둘째 회\n" + rows[2] + "\n", nil, nil, 3, "C"},
		{"an unbalanced quote in the last row", head + "\n" + rows[0] + "\n" + rows[1] + "\n협치실행 교육,2017-06-14,마포구청,40,\"셋째 회\n", nil, nil, 4, "E"},
		{"an unbalanced quote with CR line ends", strings.ReplaceAll(head+"\n"+rows[0]+"\n협치실행 교육,2017-05-10,\"관악구청,25,둘째 회\n"+rows[2]+"\n", "\n", "\r"), nil, nil, 3, "C"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, probs := Read("교육.csv", []byte(c.text))
			if c.venues == nil {
				if len(probs) != 1 || probs[0].Row != c.row || probs[0].Column != c.col || !strings.Contains(probs[0].Message, "따옴표") {
					t.Fatalf("want one problem at row %d column %s about the quote, got %v", c.row, c.col, probs)
				}
				if len(p.Sessions) != 0 {
					t.Fatalf("%d sessions read from a refused file", len(p.Sessions))
				}
				return
			}
			if len(probs) != 0 {
				t.Fatalf("problems: %v", probs)
			}
			if len(p.Sessions) != len(c.venues) {
				t.Fatalf("%d rows in, %d sessions out", len(c.venues), len(p.Sessions))
			}
			for i, s := range p.Sessions {
				if s.Session.Venue != c.venues[i] || s.Session.Note != c.notes[i] || s.Session.Capacity == 0 {
					t.Errorf("session %d: 장소 %q 비고 %q 정원 %d; want %q, %q", i, s.Session.Venue, s.Session.Note, s.Session.Capacity, c.venues[i], c.notes[i])
				}
				if s.Origin.Row != i+2 && c.name != "a note over two lines, with a comma" {
					t.Errorf("session %d is said to be on line %d", i, s.Origin.Row)
				}
			}
		})
	}
}
