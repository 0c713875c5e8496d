import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// The sweep deletes expired exports only inside the protected exports folder, and marks one deleted only when
/// its files are gone; a copy taken out of custody is audited with where it went.
@Suite struct ExportCustodyTests {
    @Test func theSweepDeletesOnlyInsideTheExportsFolder() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        let max = try #require(try database.staffMember(userName: "root"))
        _ = try database.addStaff(userName: "ava", role: .agent, displayName: nil, actor: max, at: storeNow)
        try SuppressionStoreTests().seedZoe(database)
        let tests = SuppressionStoreTests()
        let id = try tests.started(database, NewRequest(kind: .access, email: "zoe@example.com"))
        let export = try database.exportAccess(publicId: id, to: try #require(database.exportsFolder), actor: tests.ava, at: storeNow)
        let copy = try database.copyExport(publicId: id, to: directory.appendingPathComponent("out").path, actor: tests.ava, at: storeNow)
        #expect(try database.auditEntries(target: id).contains { $0.action == "export.copy" && $0.details.contains(copy) })
        // Someone with the file points a second record at another folder (a colleague's home, say).
        let victim = try recordExportElsewhere(database, directory.appendingPathComponent("victim"))
        try database.setRetentionRule(RetentionRule(category: .accessExports, days: 30, action: .delete), actor: max, at: storeNow)
        let later = storeNow.addingTimeInterval(86_400 * 400)
        let report = try database.sweep(asOf: later, dryRun: false, actor: max, at: later)
        #expect(!FileManager.default.fileExists(atPath: export.folder), "the expired export in custody is gone")
        #expect(FileManager.default.fileExists(atPath: victim.path), "the folder outside custody is untouched")
        #expect(report.notDeleted.count == 1 && report.notDeleted[0].contains("outside the exports folder"))
        let states = try database.exportRecords().map { ($0.folder, $0.deletedAt != nil) }
        #expect(states.first { $0.0 == victim.path }?.1 == false, "not marked deleted: its files were not removed")
        #expect(states.first { $0.0 == export.folder }?.1 == true)
    }

    @Test func anErasureRemovesOnlyLoupesOwnFiles() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("shop.sqlite").path)
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        let root = try #require(try database.staffMember(userName: "root"))
        _ = try database.addStaff(userName: "ava", role: .agent, displayName: nil, actor: root, at: storeNow)
        _ = try database.addStaff(userName: "sam", role: .supervisor, displayName: nil, actor: root, at: storeNow)
        let tests = SuppressionStoreTests()
        try tests.seedZoe(database)
        let access = try tests.started(database, NewRequest(kind: .access, email: "zoe@example.com"))
        let export = try database.exportAccess(publicId: access, to: try #require(database.exportsFolder), actor: tests.ava,
                                               at: storeNow)
        let victim = try recordExportElsewhere(database, directory.appendingPathComponent("colleague-home"))
        _ = try tests.erase(database, email: "zoe@example.com")
        let cleanup = try database.finishErasures()
        #expect(!FileManager.default.fileExists(atPath: export.folder), "the subject's export in custody is gone")
        #expect(FileManager.default.fileExists(atPath: victim.path), "a folder outside custody is never removed")
        #expect(cleanup.refused.count == 1 && cleanup.refused[0].contains("outside the exports folder"))
        #expect(try !database.hasUnfinishedErasures())
    }

    /// What someone with the file could do: a second export record for the same request, pointing at `folder`
    /// (made, with nothing in it that Loupe wrote).
    func recordExportElsewhere(_ database: AppDatabase, _ folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO requestExport (requestId, folder, checksums, createdBy, createdAt)
                SELECT requestId, ?, checksums, createdBy, createdAt FROM requestExport LIMIT 1
                """, arguments: [folder.path])
        }
        return folder
    }
}
