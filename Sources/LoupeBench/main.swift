import Foundation
import LoupeDomain
import LoupeStore

// Times the fulfilment use cases on a real database file: erasure (approval) and access export of customers
// with 200 orders and 5,000 device events. Prints p50/p99; never fails on time.

let arguments = CommandLine.arguments.dropFirst()
let iterations = arguments.firstIndex(of: "--iterations").flatMap { Int(arguments[$0 + 1]) } ?? 30
let customers = arguments.firstIndex(of: "--customers").flatMap { Int(arguments[$0 + 1]) } ?? 2_000

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: directory) }
let path = directory.appendingPathComponent("bench.sqlite").path
let now = Date()
let started = Date()
try DemoSeeder.build(at: path, options: DemoOptions(customers: customers, now: now, operatorUser: "bench",
                                                    longHistoryCustomers: iterations * 2))
print(String(format: "seeded %d customers + %d with 200 orders and 5,000 device events in %.1f s", customers,
             iterations * 2, Date().timeIntervalSince(started)))
let database = try AppDatabase.open(path: path, create: false)
let ava = try database.staffMember(userName: "ava")!
let sam = try database.staffMember(userName: "sam")!

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func report(_ name: String, _ samples: [Double], target: Double) {
    print(String(format: "%-48@ n=%-3d p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (target < %.0f ms)",
                 name as NSString, samples.count, percentile(samples, 0.5), percentile(samples, 0.99), samples.max()!, target))
}

func readyRequest(_ kind: RequestKind, customer number: Int) throws -> String {
    let id = try database.createRequest(NewRequest(kind: kind, email: "long.history.\(number)@example.com"), actor: ava, at: now)
        .summary.publicId
    try database.perform(.claim, on: id, actor: ava, at: now)
    try database.perform(.verify(method: .document, note: nil), on: id, actor: ava, at: now)
    try database.perform(.start, on: id, actor: ava, at: now)
    return id
}

var erasures: [Double] = []
var previews: [Double] = []
for number in 1...iterations {
    let id = try readyRequest(.erasure, customer: number)
    previews.append(try milliseconds { _ = try database.erasurePreview(publicId: id) })
    try database.perform(.proposeErasure, on: id, actor: ava, at: now)
    erasures.append(try milliseconds { try database.perform(.approve, on: id, actor: sam, at: now) })
}
var exports: [Double] = []
let exportsDirectory = directory.appendingPathComponent("exports").path
for number in (iterations + 1)...(iterations * 2) {
    let id = try readyRequest(.access, customer: number)
    exports.append(try milliseconds { _ = try database.exportAccess(publicId: id, to: exportsDirectory, actor: ava, at: now) })
}
report("erasure preview (200 orders, 5,000 events)", previews, target: 50)
report("erasure on approval (200 orders, 5,000 events)", erasures, target: 50)
report("access export (200 orders, 5,000 events)", exports, target: 100)

// Keystrokes on a demo of `--ui-customers` customers (default 20,000; 100,000 for the figure).
let uiCustomers = arguments.firstIndex(of: "--ui-customers").flatMap { Int(arguments[$0 + 1]) } ?? 20_000
if uiCustomers > 0 { try KeystrokeBench.run(customers: uiCustomers, in: directory, now: now) }

// The import of a Shopify order export (default 100,000 rows; `--import-rows 0` skips it).
let importRows = arguments.firstIndex(of: "--import-rows").flatMap { Int(arguments[$0 + 1]) } ?? 100_000
if importRows > 0 { try ImportBench.run(rows: importRows, in: directory, now: now) }

// The retention sweep: every device event of `sweepCustomers` long-history customers expires (a 1-day rule; the
// other categories are kept for a century so only events are swept). 200 customers = 1,000,000 events.
if let flag = arguments.firstIndex(of: "--sweep-customers"), let sweepCustomers = Int(arguments[flag + 1]) {
    let sweepPath = directory.appendingPathComponent("sweep.sqlite").path
    let seeded = Date()
    try DemoSeeder.build(at: sweepPath, options: DemoOptions(customers: 100, now: now, operatorUser: "bench",
                                                             longHistoryCustomers: sweepCustomers))
    let sweepDatabase = try AppDatabase.open(path: sweepPath, create: false)
    let admin = try sweepDatabase.staffMember(userName: "max")!
    for category in RetentionCategory.allCases {
        let days = category == .deviceEvents ? 1 : RetentionRule.maxDays
        try sweepDatabase.setRetentionRule(RetentionRule(category: category, days: days,
                                                         action: category == .deviceEvents ? .delete : .anonymise),
                                           actor: admin, at: now)
    }
    let expired = try sweepDatabase.sweep(asOf: now, dryRun: true, actor: admin, at: now).expired["device-events"] ?? 0
    print(String(format: "seeded %d device events in %.1f s", expired, Date().timeIntervalSince(seeded)))
    var report = SweepReport()
    let elapsed = try milliseconds { report = try sweepDatabase.sweep(asOf: now, dryRun: false, actor: admin, at: now) }
    print(String(format: "retention sweep of %d expired device events: %.2f s in %d batches (target < 10 s)",
                 report.expired["device-events"] ?? 0, elapsed / 1000, report.batches))
}
