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
	created := 0
	for _, file := range os.Args[1:] {
		n, err := indexFile(file)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", file, err)
			os.Exit(1)
		}
		created += n
	}
	// What it did, for the app's log and the tests.
	fmt.Printf("{\"created\":%d}\n", created)
}

// indexFile returns how many indexes it created.
func indexFile(file string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(30000)&_txlock=immediate")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return 0, err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, err
		}
		tables = append(tables, name)
	}
	rows.Close()
	created := 0
	for _, t := range tables {
		name := t + "_tb_id_path"
		var exists int
		if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&exists); err != nil {
			return created, err
		}
		if exists > 0 {
			continue
		}
		quoted := `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		index := `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		if _, err := db.Exec(`CREATE INDEX IF NOT EXISTS ` + index + ` ON ` + quoted + ` (_ferretdb_sjson->'$._id')`); err != nil {
			return created, fmt.Errorf("%s: %w", t, err)
		}
		created++
	}
	return created, nil
}
