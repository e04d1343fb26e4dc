// Command ferretdb-id-index adds, to every collection table of a FerretDB
// SQLite database, an index on the exact expression FerretDB 1.24 uses to
// find a document by _id when it updates or deletes it
// (`_ferretdb_sjson->'$._id'`). FerretDB's own _id index is declared on
// `_ferretdb_sjson->"_id"`, which SQLite's planner does not match, so each
// single-document update or delete scans the whole table. It is built with
// FerretDB (same module, same SQLite driver) and run by the app after its
// collections exist; it is idempotent.
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: ferretdb-id-index <database.sqlite>...")
		os.Exit(2)
	}
	for _, file := range os.Args[1:] {
		if err := indexFile(file); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", file, err)
			os.Exit(1)
		}
	}
}

func indexFile(file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(30000)&_txlock=immediate")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, t := range tables {
		quoted := `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		index := `"` + strings.ReplaceAll(t+"_tb_id_path", `"`, `""`) + `"`
		if _, err := db.Exec(`CREATE INDEX IF NOT EXISTS ` + index + ` ON ` + quoted + ` (_ferretdb_sjson->'$._id')`); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	return nil
}
