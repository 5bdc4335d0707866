package main

import (
	"flag"
	"fmt"
	"io"

	"hyeopchi/store"
)

// initCommand makes a new data file.
var initCommand = command{
	name:  "init",
	usage: "  init [--empty | --synthetic 연수]          새 데이터 파일 (계획 자료 / 빈 파일 / 합성 자료 추가)\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o initOptions
		fs.BoolVar(&o.empty, "empty", false, "")
		fs.IntVar(&o.synthetic, "synthetic", 0, "")
		fs.Int64Var(&o.seed, "seed", 2017, "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdInit(db, o, rest, stdout) }
	},
}

// initOptions are init's flags.
type initOptions struct {
	empty     bool
	synthetic int   // years of synthetic data added to the plan's
	seed      int64 // of the synthetic data
}

func cmdInit(db string, o initOptions, rest []string, stdout io.Writer) error {
	if err := noArgs("init", rest); err != nil {
		return err
	}
	if o.empty && o.synthetic > 0 {
		return usagef("--empty 와 --synthetic 은 함께 쓸 수 없습니다")
	}
	if o.synthetic < 0 || o.synthetic > 50 {
		return usagef("--synthetic %d: 1에서 50 사이의 연수를 쓰세요", o.synthetic)
	}
	var data store.Dataset
	what := "계획 자료"
	switch {
	case o.empty:
		data = store.EmptyData()
		what = "빈 자료"
	case o.synthetic > 0:
		data = store.WithSynthetic(store.SeedData(), o.synthetic, o.seed)
		what = fmt.Sprintf("계획 자료와 %d년치 합성 자료", o.synthetic)
	default:
		data = store.SeedData()
	}
	st, err := store.Create(db, data)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(stdout, "새 데이터 파일을 만들었습니다: %s (%s)\n", db, what)
	return nil
}
