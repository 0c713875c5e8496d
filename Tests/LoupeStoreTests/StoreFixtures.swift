import Foundation
import LoupeDomain
import GRDB
@testable import LoupeDemo
@testable import LoupeStore

/// A fixed clock reading for store tests: 2026-11-25 12:00 UTC.
let storeNow = Date(timeIntervalSince1970: 1_795_608_000)

/// A fresh in-memory database filled with the demo data of `customers` customers.
func demoDatabase(customers: Int = 60, seed: UInt64 = 7) throws -> AppDatabase {
    let database = try AppDatabase.inMemory()
    try database.seedDemo(DemoOptions(customers: customers, seed: seed, now: storeNow, operatorUser: "tester"),
                          progress: { _ in })
    return database
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The demo's operator, an admin: who sends the outbox and reads every message in tests.
let testAdmin = StaffMember(userName: "max", displayName: "Max Weber", role: .admin)
