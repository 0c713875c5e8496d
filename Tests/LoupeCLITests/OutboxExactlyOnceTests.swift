import Foundation
import GRDB
@testable import LoupeCLI
import LoupeDomain
@testable import LoupeStore
import Testing

/// The outbox's exactly-once rule where it broke when tried: a second sender at the same time, a maildir copy
/// that fails after sendmail accepted the message, and a refusal to record a send sendmail already accepted.
@Suite struct OutboxExactlyOnceTests {
    let tests = OutboxSenderTests()
    let testAdmin = StaffMember(userName: "tester", displayName: "tester", role: .admin)

    /// `<created>.M<id>.loupe`, the name the sender gives the maildir copy.
    func copyName(_ message: OutboxMessage) -> String {
        "\(Int(message.createdAt.timeIntervalSince1970)).M\(message.id).loupe"
    }

    @Test func aMessageAnotherSenderHoldsIsSkippedUntilItsLeaseRunsOut() throws {
        defer { try? FileManager.default.removeItem(at: tests.folder) }
        let (database, message) = try tests.database()
        // Another `outbox send` has it in flight (it is talking to sendmail right now).
        #expect(
            try database.beginSending(id: message.id, route: .sendmail, owner: "other:1", actor: testAdmin, at: Date())
                != nil)
        let mail = try tests.sendmail("sendmail")
        let report = try tests.sender(database, sendmail: mail.program).run()
        #expect(report.inDoubt.isEmpty && report.requeued.isEmpty && report.sent.isEmpty && report.recovered.isEmpty)
        let held = try database.outboxMessage(id: message.id)
        #expect(held.status == .sending && held.leaseOwner == "other:1", "left to the sender that holds it")
        #expect(tests.sends(mail.log) == 0)
        // That sender died (kill -9): once its lease has run out, the next send resolves the message.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE outboxMessage SET leaseUntil = ? WHERE id = ?",
                           arguments: [Date().addingTimeInterval(-1), message.id])
        }
        #expect(try tests.sender(database, sendmail: mail.program).run().inDoubt == [message.id])
        #expect(tests.sends(mail.log) == 0, "it may have gone: never resent on its own")
    }

    @Test func aSenderOfThisHostThatDiedIsTakenOverAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: tests.folder) }
        let (database, message) = try tests.database()
        // A process of this host that no longer runs (kill -9) held it: no need to wait for the lease.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let owner = "\(ProcessInfo.processInfo.hostName):\(dead.processIdentifier):deadbeef"
        #expect(
            try database.beginSending(id: message.id, route: .sendmail, owner: owner, actor: testAdmin, at: Date())
                != nil)
        let mail = try tests.sendmail("sendmail")
        #expect(try tests.sender(database, sendmail: mail.program).run().inDoubt == [message.id])
        #expect(OutboxSender.isAlive("\(ProcessInfo.processInfo.hostName):\(getpid()):x"), "this process runs")
    }

    @Test func acceptedBySendmailWithoutACopyIsSentAndSaysCopyNotKept() throws {
        defer { try? FileManager.default.removeItem(at: tests.folder) }
        let (database, message) = try tests.database()
        // A directory where the copy's temporary file must go: the copy fails, even for root.
        try FileManager.default.createDirectory(
            at: tests.maildir.appendingPathComponent("tmp/\(copyName(message))/blocked"), withIntermediateDirectories: true)
        let mail = try tests.sendmail("sendmail")
        let report = try tests.sender(database, sendmail: mail.program).run()
        #expect(report.sent == [message.id] && report.failed.isEmpty)
        let sent = try database.outboxMessage(id: message.id)
        #expect(sent.status == .sent)
        #expect(sent.lastError?.contains("copy not kept") == true)
        #expect(tests.sends(mail.log) == 1)
        #expect(try tests.sender(database, sendmail: mail.program).run().sent.isEmpty)
        #expect(tests.sends(mail.log) == 1, "sent once, not again on every run")
    }

    @Test func aRefusalToRecordAnAcceptedSendNeverQueuesItAgain() throws {
        defer { try? FileManager.default.removeItem(at: tests.folder) }
        let (database, message) = try tests.database()
        // A sendmail that accepts the message while another process makes recording a send fail (a trigger):
        // recording the send is then refused.
        let path = tests.folder.appendingPathComponent("d.sqlite").path
        let program = tests.folder.appendingPathComponent("deactivating")
        let log = tests.folder.appendingPathComponent("deactivating.log")
        try """
            #!/bin/sh
            cat >> '\(log.path)'
            echo '--end--' >> '\(log.path)'
            python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\\"CREATE TRIGGER refuseSent BEFORE UPDATE OF status ON outboxMessage WHEN NEW.status = 'sent' BEGIN SELECT RAISE(ABORT, 'refused'); END\\"); c.commit()" '\(path)'
            """.write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: program.path)
        let report = try tests.sender(database, sendmail: program.path).run()
        #expect(report.failed.isEmpty && report.sent.isEmpty)
        #expect(report.inDoubt == [message.id])
        let held = try database.outboxMessage(id: message.id)
        #expect(held.status == .inDoubt && held.lastError?.contains("accepted") == true)
        try database.writer.write { db in try db.execute(sql: "DROP TRIGGER refuseSent") }
        #expect(try tests.sender(database, sendmail: program.path).run().sent.isEmpty)
        #expect(tests.sends(log) == 1, "sendmail had it once, and only once")
    }

    @Test func anErasureKeepsAMessageInDoubtWithItsAddressSealed() throws {
        defer { try? FileManager.default.removeItem(at: tests.folder) }
        let (database, message) = try tests.database()
        _ = try database.beginSending(id: message.id, route: .sendmail, owner: "crashed", actor: testAdmin, at: Date())
        try database.markInDoubt(id: message.id, actor: testAdmin, at: Date())
        let requestId = try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT requestId FROM outboxMessage WHERE id = ?", arguments: [message.id])!
        }
        try database.writer.write { db in try AppDatabase.scrubMessages(db, requestIds: "[\(requestId)]", customerId: -1) }
        let kept = try database.outboxMessage(id: message.id)
        #expect(kept.status == .inDoubt && kept.toAddress == message.toAddress, "kept, and still answerable")
        let stored = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT toAddress FROM outboxMessage WHERE id = ?", arguments: [message.id])
        }
        #expect(stored != nil && stored?.contains("@") == false, "the address is stored sealed, never in clear")
    }
}
