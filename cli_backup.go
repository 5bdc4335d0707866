package main

import (
	"flag"
	"fmt"
	"io"
)

// backupCommand copies the data file as it is now.
var backupCommand = command{
	name:  "backup",
	usage: "  backup --out 파일                          지금 데이터의 백업\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var out string
		fs.StringVar(&out, "out", "", "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdBackup(db, out, rest, stdout) }
	},
}

func cmdBackup(db, out string, rest []string, stdout io.Writer) error {
	if err := noArgs("backup", rest); err != nil {
		return err
	}
	if out == "" {
		return usagef("backup 에는 --out 파일 이 필요합니다")
	}
	st, err := openRead(db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.BackupTo(out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "백업했습니다: %s\n", out)
	return nil
}
