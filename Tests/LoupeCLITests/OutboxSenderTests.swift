import Foundation
import LoupeDomain
@testable import LoupeCLI
import GRDB
import LoupeDemo
@testable import LoupeStore
import Testing

/// The outbox sender against a real database file, a real maildir and real (shell-script) sendmail programs.
@Suite struct OutboxSenderTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-outbox-\(UUID().uuidString)")
    var maildir: URL { folder.appendingPathComponent("mail") }
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let testAdmin = StaffMember(userName: "tester", displayName: "tester", role: .admin)

    /// A demo database with one new access request whose acknowledgement is queued, to a hostile-named subject.
    func database() throws -> (AppDatabase, OutboxMessage) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("d.sqlite").path
        try DemoSeeder.build(at: path, options: DemoOptions(customers: 20, now: Date(), operatorUser: "tester"))
        let database = try AppDatabase.open(path: path, create: false)
        let id = try database.createRequest(
            NewRequest(kind: .access, email: "zoë.new@example.com".replacingOccurrences(of: "ë", with: "e"),
                       name: "Zoë \"Q\" Ñandú – 王秀英"), actor: ava, at: Date()).summary.publicId
        return (database, try #require(try database.messages(publicId: id).last))
    }

    /// A sendmail stand-in: appends each message it reads to `log`, then exits with `status`.
    func sendmail(_ name: String, status: Int32 = 0) throws -> (program: String, log: URL) {
        let program = folder.appendingPathComponent(name)
        let log = folder.appendingPathComponent("\(name).log")
        let script = "#!/bin/sh\n[ \"$1\" = -oi ] && [ \"$2\" = -t ] || exit 64\ncat >> '\(log.path)'\necho '--end--' >> '\(log.path)'\n"
            + (status == 0 ? "" : "echo 'relay refused' >&2\n") + "exit \(status)\n"
        try script.write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: program.path)
        return (program.path, log)
    }

    func sends(_ log: URL) -> Int {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").components(separatedBy: "--end--\n").count - 1
    }

    func sender(_ database: AppDatabase, sendmail: String? = nil) -> OutboxSender {
        OutboxSender(database: database, maildir: maildir, sendmail: sendmail, actor: testAdmin, clock: Date.init)
    }

    @Test func noticesGoInBatchesAfterTheRequestsMessages() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, message) = try database()
        let max = try #require(try database.staffMember(userName: "max"))
        let queued = try database.publishPolicy(version: "2099-01", effectiveAt: Date(), summary: "A purpose changes.",
                                                fullText: "text", changesPurposes: true, actor: max, at: Date())
        #expect(queued >= 2)
        let later = try database.createRequest(NewRequest(kind: .access, email: "late.comer@example.com"), actor: ava,
                                               at: Date()).summary.publicId
        let laterMessage = try #require(try database.messages(publicId: later).last)
        var batched = sender(database)
        batched.batchSize = 2
        let first = try batched.run()
        #expect(first.sent == [message.id, laterMessage.id], "requests' messages first, even one queued after notices")
        let second = try batched.run()
        #expect(second.sent.count == 2 && Set(second.sent).isDisjoint(with: first.sent))
        let files = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
        let notice = try files.map { try String(contentsOf: maildir.appendingPathComponent("new/\($0)"), encoding: .utf8) }
            .first { $0.contains("Our privacy policy changes") }
        #expect(notice?.contains("Auto-Submitted: auto-generated") == true)
    }

    @Test func aSentMessageIsAMaildirFileThatPythonsEmailPackageReads() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, message) = try database()
        let mail = try sendmail("sendmail")
        let report = try sender(database, sendmail: mail.program).run()
        #expect(report.sent == [message.id])
        #expect(sends(mail.log) == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
        let file = try #require(files.first.map { maildir.appendingPathComponent("new/\($0)").path })
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        // The default maildir is in the install's custody: group-readable (any agent's loupe reads it), never
        // by others (was 600 before the setgid install, when each agent's files were their own).
        #expect(mode == 0o640)
        let python = """
            import email, sys
            from email import policy
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
            print(m['To'].addresses[0].display_name)
            print(m['To'].addresses[0].addr_spec)
            print(m['Message-ID'])
            print(m.get_content_charset())
            print(m.get_content().splitlines()[0])
            print(len(m.defects))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", python, file]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        #expect(process.terminationStatus == 0)
        #expect(lines.map(String.init) == [
            "Zoë \"Q\" Ñandú – 王秀英", "zoe.new@example.com", message.messageId, "utf-8", "Dear Zoë \"Q\" Ñandú – 王秀英,", "0",
        ])
        let sent = try database.outboxMessage(id: message.id)
        #expect(sent.status == .sent && sent.sentAt != nil)
        // A second run finds nothing to send and sends nothing again.
        #expect(try sender(database, sendmail: mail.program).run().sent.isEmpty)
        #expect(sends(mail.log) == 1)
    }

    /// sendmail is the user's program: it gets standard input, output and error, and none of Loupe's other
    /// descriptors (the database, its log, a socket), which it could otherwise read and write through.
    @Test func sendmailGetsOnlyItsThreeDescriptors() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, message) = try database()
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        let program = folder.appendingPathComponent("listing")
        let log = folder.appendingPathComponent("listing.log")
        try "#!/bin/sh\ncat > /dev/null\nfor fd in /proc/$$/fd/*; do readlink \"$fd\"; done > '\(log.path)'\nexit 0\n"
            .write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: program.path)
        let report = try sender(database, sendmail: program.path).run()
        let said = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(report.sent == [message.id], "\(said)")
        let open = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(!open.isEmpty)
        #expect(!open.contains { $0.contains("socket:") || $0.contains(".sqlite") || $0.contains("vault") },
                "sendmail inherited: \(open)")
    }

    @Test func aRefusingSendmailLeavesTheMessageQueuedWithTheReason() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, message) = try database()
        let refusing = try sendmail("refusing", status: 75)
        let report = try sender(database, sendmail: refusing.program).run()
        #expect(report.sent.isEmpty && report.failed.map(\.id) == [message.id])
        let queued = try database.outboxMessage(id: message.id)
        #expect(queued.status == .queued && queued.lastError?.contains("relay refused") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path))?.isEmpty == true)
        let working = try sendmail("working")
        #expect(try sender(database, sendmail: working.program).run().sent == [message.id])
        #expect(sends(working.log) == 1)
    }

    /// Crashes between the steps of a send, reproduced by leaving the state a kill -9 leaves.
    @Test func anInterruptedSendIsNeverSentTwice() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, message) = try database()
        let mail = try sendmail("sendmail")
        // 1. Killed after the maildir delivery, before it was marked: found delivered, marked sent, not resent.
        _ = try sender(database).run()
        try database.writer.write { db in
            try db.execute(sql: "UPDATE outboxMessage SET status = 'sending', attemptVia = 'sendmail', sentAt = NULL WHERE id = ?",
                           arguments: [message.id])
        }
        var report = try sender(database, sendmail: mail.program).run()
        #expect(report.recovered == [message.id] && report.sent.isEmpty)
        #expect(sends(mail.log) == 0)
        // 2. Killed before delivery on the maildir route: nothing left the machine, so it is sent again, once.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE outboxMessage SET status = 'sending', attemptVia = 'maildir' WHERE id = ?", arguments: [message.id])
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path) {
            try FileManager.default.removeItem(at: maildir.appendingPathComponent("new/\(name)"))
        }
        report = try sender(database).run()
        #expect(report.requeued == [message.id] && report.sent == [message.id])
        // 3. Killed while sendmail had it: it may have gone, so it waits in doubt and is not resent.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE outboxMessage SET status = 'sending', attemptVia = 'sendmail' WHERE id = ?", arguments: [message.id])
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path) {
            try FileManager.default.removeItem(at: maildir.appendingPathComponent("new/\(name)"))
        }
        report = try sender(database, sendmail: mail.program).run()
        #expect(report.inDoubt == [message.id] && report.sent.isEmpty)
        #expect(try sender(database, sendmail: mail.program).run().sent.isEmpty)
        #expect(sends(mail.log) == 0)
        #expect(try database.outboxMessage(id: message.id).status == .inDoubt)
        // A person checks the mail log and queues it again: it goes once.
        try database.resolveInDoubt(id: message.id, wasSent: false, actor: testAdmin, at: Date())
        #expect(try sender(database, sendmail: mail.program).run().sent == [message.id])
        #expect(sends(mail.log) == 1)
    }
}

/// Maildir copies of messages to someone later erased leave with the erasure; the erasure report's own copy
/// leaves as soon as it is sent.
@Suite struct OutboxErasureCopyTests {
    @Test func copiesToTheErasedSubjectAreRemoved() throws {
        let tests = OutboxSenderTests()
        defer { try? FileManager.default.removeItem(at: tests.folder) }
        let (database, _) = try tests.database()
        let email = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT email FROM customer WHERE NOT isMinor AND email IS NOT NULL ORDER BY id LIMIT 1")!
        }
        let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
        let id = try database.createRequest(NewRequest(kind: .erasure, email: email), actor: tests.ava, at: Date()).summary.publicId
        _ = try tests.sender(database).run()
        let newFolder = tests.maildir.appendingPathComponent("new").path
        let before = try FileManager.default.contentsOfDirectory(atPath: newFolder)
        #expect(before.count == 2, "the two acknowledgements were delivered")
        for command: RequestCommand in [.claim, .verify(method: .document, note: nil), .start, .proposeErasure] {
            try database.perform(command, on: id, actor: tests.ava, at: Date())
        }
        try database.perform(.approve, on: id, actor: sam, at: Date())
        try database.finishErasures()
        let afterErasure = try FileManager.default.contentsOfDirectory(atPath: newFolder)
        #expect(afterErasure.count == 1, "the erased subject's acknowledgement copy is gone")
        let report = try tests.sender(database).run()
        #expect(report.sent.count >= 1, "the erasure report went")
        let afterReport = try FileManager.default.contentsOfDirectory(atPath: newFolder)
        #expect(Set(afterReport) == Set(afterErasure), "its copy, holding the erased address, did not stay")
        let all = try afterReport.map { try String(contentsOfFile: newFolder + "/" + $0, encoding: .utf8) }.joined()
        #expect(!all.contains(email))
    }
}
