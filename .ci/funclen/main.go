// Command funclen lists the functions of a Go tree longer than a limit
// (default 80 lines, from func to its closing brace, literals counted on
// their own), and exits 1 when it finds any. make vet runs it beside
// staticcheck and gocyclo.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	limit := flag.Int("over", 80, "report functions with more lines than this")
	flag.Parse()
	roots := flag.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var found []string
	for _, root := range roots {
		f, err := scan(root, *limit)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		found = append(found, f...)
	}
	sort.Strings(found)
	for _, f := range found {
		fmt.Println(f)
	}
	if len(found) > 0 {
		os.Exit(1)
	}
}

// scan walks root's Go files, skipping hidden folders other than root
// itself, testdata and dist.
func scan(root string, limit int) ([]string, error) {
	fset := token.NewFileSet()
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		found = append(found, long(fset, f, limit)...)
		return nil
	})
	return found, err
}

// long lists f's functions and function literals over limit lines.
func long(fset *token.FileSet, f *ast.File, limit int) []string {
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		name := "func literal"
		switch x := n.(type) {
		case *ast.FuncDecl:
			body, name = x.Body, x.Name.Name
		case *ast.FuncLit:
			body = x.Body
		}
		if body == nil {
			return true
		}
		start := fset.Position(n.Pos())
		lines := fset.Position(body.Rbrace).Line - start.Line + 1
		if lines > limit {
			found = append(found, fmt.Sprintf("%s:%d: %s is %d lines (over %d)", start.Filename, start.Line, name, lines, limit))
		}
		return true
	})
	return found
}
