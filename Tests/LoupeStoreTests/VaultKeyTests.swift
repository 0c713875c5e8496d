import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// A vault key that is missing, unreadable or replaced is a one-line error naming what to restore: never a crash,
/// never a silent new key, and nothing written.
@Suite struct VaultKeyTests {
    func database(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        try database.checkpoint(.truncate)
        return path
    }

    func refusal(_ path: String) -> LoupeError? {
        do { _ = try AppDatabase.open(path: path, create: false); return nil } catch { return error as? LoupeError }
    }

    @Test func aMissingKeyIsRefusedAndNotReplaced() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try database(in: directory)
        try FileManager.default.removeItem(atPath: path + ".vault-key")
        let error = try #require(refusal(path))
        #expect(error.code == .storage && error.message.contains("is missing; restore it from your backup"))
        #expect(!FileManager.default.fileExists(atPath: path + ".vault-key"), "no new key was made")
    }

    @Test func anUnreadableKeyIsRefusedWithoutACrash() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try database(in: directory)
        // As root a mode of 000 does not stop reading; a folder in the key's place cannot be read by anyone.
        try FileManager.default.removeItem(atPath: path + ".vault-key")
        try FileManager.default.createDirectory(atPath: path + ".vault-key", withIntermediateDirectories: false)
        let error = try #require(refusal(path))
        #expect(error.code == .storage && error.message.hasPrefix("Cannot read the vault key"))
    }

    @Test func aReplacedKeyIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try database(in: directory)
        try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: path + ".vault-key"))
        let error = try #require(refusal(path))
        #expect(error.code == .storage && error.message.contains("is not a Loupe vault key"))
    }

    @Test func theLastActiveAdminCannotGiveUpTheRole() throws {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        let root = try #require(try database.staffMember(userName: "root"))
        #expect { try database.addStaff(userName: "root", role: .agent, displayName: nil, actor: root, at: storeNow) }
            throws: { ($0 as? LoupeError)?.message.contains("last active admin") == true }
        #expect(try database.staffMember(userName: "root")?.role == .admin)
        _ = try database.addStaff(userName: "max", role: .admin, displayName: nil, actor: root, at: storeNow)
        #expect(try database.addStaff(userName: "root", role: .agent, displayName: nil, actor: root, at: storeNow).role == .agent)
    }
}
