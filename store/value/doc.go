// Package value is the one grammar of the values people type and files
// carry: amounts in 천원, counts, years, dates, periods, lists, times and
// contacts. Each kind has a parser that reads what a coordinator or a
// district writes ("200,000천원", "12명", "2016.11.01.부터 2017.06.30.까지",
// "마을/교육") and says in Korean what is wrong with anything else, and a
// formatter that writes it back: for a form field, for a list, and as
// official documents print it ("2016. 11. 1.").
//
// The form fields (ui), the importer (store/workbook), the rules and the
// CLI (store, main) and the reports all read and write through it, so a
// value means the same thing wherever it is typed. It imports nothing of
// the project.
package value
