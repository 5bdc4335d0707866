package main

import (
	"flag"
	"fmt"
	"io"
)

// checkCommand checks the data file and every record against the rules.
var checkCommand = command{
	name:  "check",
	usage: "  check                                      파일과 규칙 점검\n",
	flags: func(*flag.FlagSet) runFunc { return cmdCheck },
}

func cmdCheck(db string, rest []string, stdout io.Writer) error {
	if err := noArgs("check", rest); err != nil {
		return err
	}
	st, err := openRead(db)
	if err != nil {
		return err
	}
	defer st.Close()
	fs, err := st.Check()
	if err != nil {
		return err
	}
	for _, f := range fs {
		fmt.Fprintln(stdout, f)
	}
	if n := len(fs.Errors()); n > 0 {
		return fmt.Errorf("점검 결과 오류 %d건, 경고 %d건: %s", n, len(fs)-n, db)
	}
	fmt.Fprintf(stdout, "점검 완료: 오류 없음, 경고 %d건 (%s)\n", len(fs), db)
	return nil
}
