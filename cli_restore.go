package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"hyeopchi/store"
)

// restoreCommand replaces the data with a backup's.
var restoreCommand = command{
	name:  "restore",
	usage: "  restore 파일                               백업에서 복원 (지금 데이터는 백업해 둡니다)\n",
	flags: func(*flag.FlagSet) runFunc { return cmdRestore },
}

func cmdRestore(db string, rest []string, stdout io.Writer) error {
	if len(rest) != 1 {
		return usagef("restore 에는 백업 파일 하나가 필요합니다")
	}
	// A missing data file is made from the backup; a damaged one is
	// replaced by it (it is kept in backups/ first).
	var st *store.Store
	var err error
	if _, lerr := os.Lstat(db); errors.Is(lerr, os.ErrNotExist) {
		st, err = store.Create(db, store.EmptyData())
	} else {
		st, err = store.Open(db, &store.Options{Damaged: true})
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Restore(rest[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "복원했습니다: %s → %s (이전 자료는 %s 에 백업)\n", rest[0], db, st.BackupDir())
	return nil
}
