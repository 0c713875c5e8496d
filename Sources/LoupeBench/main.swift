import Foundation
import LoupeDomain
import LoupeDemo
import LoupeStore

// `scripts/bench`: one table of figures on one demo database file, each beside its floor (the plainest SQL for
// the same data through the sqlite3 shell). Figures only: nothing here fails on time.
// Options: --customers N (default 20,000), --iterations N (default 20), --starts N (default 10),
//          --db PATH (keep the database there and reuse it next time), --import-rows N (default 0: skipped),
//          --import-only, --mail-only (just that figure).

let arguments = CommandLine.arguments.dropFirst()
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil } }
let customers = option("--customers").flatMap(Int.init) ?? 20_000
let iterations = option("--iterations").flatMap(Int.init) ?? 20
let starts = option("--starts").flatMap(Int.init) ?? 10
let importRows = option("--import-rows").flatMap(Int.init) ?? 0
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("loupe").path

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
// `--import-only`: just the CSV import (to compare it across versions without the rest of the table).
if arguments.contains("--import-only") {
    try ImportBench.run(rows: max(importRows, 1_000), in: directory, now: Date())
    exit(0)
}
// `--mail-only`: just the mail import (1,000 and 10,000 messages through the real binary).
if arguments.contains("--mail-only") {
    let counts = option("--mail-counts").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000]
    let figures = try MailImportBench.run(binary: binary, counts: counts, in: directory, now: Date())
        + MailImportBench.run(binary: binary, counts: [1_000], in: directory, now: Date(), quarantined: 1_000)
    for figure in figures {
        print(String(format: "mail import of %d messages%@: %.1f s, %.0f messages/s, %.2f ms per message, "
                     + "peak RSS %.0f MB", figure.messages,
                     figure.quarantined > 0 ? " beside \(figure.quarantined) quarantined files" : "",
                     figure.seconds, figure.perSecond, figure.seconds * 1_000 / Double(figure.messages),
                     figure.peakMegabytes))
    }
    exit(0)
}
let path = option("--db") ?? directory.appendingPathComponent("bench.sqlite").path
let now = Date()

let seeding = Date()
if try DemoSeeder.build(at: path, options: DemoOptions(customers: customers, now: now, operatorUser: "bench",
                                                       longHistoryCustomers: iterations * 3)) {
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(String(format: "seeded %d customers (+%d with 200 orders and 5,000 device events) in %.1f s: %.0f MB",
                 customers, iterations * 3, Date().timeIntervalSince(seeding), Double(bytes) / 1_000_000))
} else {
    print("reusing the database at \(path)")
}
let database = try AppDatabase.open(path: path, create: false)
var table = BenchTable()

// The real binary on a pseudo-terminal: first frame, bytes per key, memory after 1,000 keys.
let console = try ConsoleProcessBench.run(binary: binary, database: path, starts: starts)
let openQueue = "status IN ('received','verifying','in-progress','awaiting-approval','approved')"
let firstPage = "SELECT * FROM privacyRequest WHERE \(openQueue) ORDER BY queueRank, effectiveDueAt, id LIMIT 30;"
table.add("first frame after start (process start to queue drawn)", console.firstFrame,
          floor: try ShellFloor.times(path: path, operations: Array(repeating: [firstPage, "SELECT COUNT(*) FROM privacyRequest WHERE \(openQueue);"], count: starts)),
          target: "< 150 ms")

// Keystrokes in process: reducer + store reads + render.
var keys = try KeystrokeBench(database: database, now: now)
let (moves, pages) = keys.movesAndPages()
let rowFloor = (0..<200).map { ["SELECT * FROM privacyRequest WHERE \(openQueue) ORDER BY queueRank, effectiveDueAt, id LIMIT 1 OFFSET \($0 % 100);"] }
table.add("move one row", moves, floor: try ShellFloor.times(path: path, operations: rowFloor), target: "p99 < 5 ms")
let pageFloor = (0..<20).map { ["SELECT * FROM privacyRequest WHERE \(openQueue) ORDER BY queueRank, effectiveDueAt, id LIMIT 28 OFFSET \($0 * 28);"] }
table.add("page down", pages, floor: try ShellFloor.times(path: path, operations: pageFloor), target: "p99 < 5 ms")
let search = keys.search()
let prefixes = KeystrokeBench.searchWords.flatMap { word in (1...word.count).map { String(word.prefix($0)) } }
let searchFloor = prefixes.compactMap(CustomerSearchText.ftsQuery).map { query in
    ["SELECT c.* FROM customerSearch s JOIN customer c ON c.id = s.rowid WHERE customerSearch MATCH \(ShellFloor.quote(query)) LIMIT 200;"]
}
table.add("search, per typed character", search, floor: try ShellFloor.times(path: path, operations: searchFloor),
          target: "p99 < 20 ms, ≤ 2x floor")

// Use cases on customers with 200 orders.
let fulfilment = try FulfilmentBench(database: database, path: path, now: now, iterations: iterations,
                                 exportsDirectory: directory.appendingPathComponent("exports").path)
try fulfilment.openCustomer(into: &table)
try fulfilment.openAndClaimRequests(into: &table)
try fulfilment.eraseAndExport(into: &table)
try fulfilment.sweep(into: &table)

table.add("resident memory of the console after 1,000 keys", value: console.residentMegabytes, unit: "MB",
          target: "< 64 MB, flat")
table.add("bytes to the terminal: one-row move", value: console.moveBytes, unit: "B", target: "< 200 B")
table.add("bytes to the terminal: one-row move that scrolls the list", value: console.scrollBytes, unit: "B", target: "–")
table.add("bytes to the terminal: page down", value: console.pageBytes, unit: "B", target: "–")

// The privacy mailbox: 1,000 then 10,000 messages through the real `loupe mail import`.
let mail = try MailImportBench.run(binary: binary, counts: [1_000, 10_000], in: directory, now: now)
let scratch = directory.appendingPathComponent("floor.sqlite").path
let mailFloor = try ShellFloor.times(path: scratch, operations: [["PRAGMA journal_mode=WAL;",
    "CREATE TABLE m (id INTEGER PRIMARY KEY, messageKey TEXT UNIQUE, body TEXT);"]]
    + (0..<1_000).map { ["BEGIN;", "INSERT INTO m (messageKey, body) VALUES ('<\($0)@x>', 'Please delete my data.');", "COMMIT;"] })
for figure in mail {
    table.add("mail import, \(figure.messages) messages: per message (parse, file, move)",
              [figure.seconds * 1_000 / Double(figure.messages)], floor: Array(mailFloor.dropFirst()), target: "≤ 1 ms")
    table.add("mail import, \(figure.messages) messages: messages per second", value: [figure.perSecond], unit: "msg/s",
              target: "≥ 1,000")
    table.add("mail import, \(figure.messages) messages: peak resident memory", value: [figure.peakMegabytes], unit: "MB",
              target: "flat")
}

print("")
print("\(customers) customers; p50/p99 in milliseconds; floor = the sqlite3 shell's CPU time for the plainest SQL")
print(table.markdown())

// The import of a Shopify order export (`--import-rows N`).
if importRows > 0 { try ImportBench.run(rows: importRows, in: directory, now: now) }
