import Foundation
import LoupeDemo
import LoupeDomain
@testable import LoupeCLI
@testable import LoupeStore
import Testing

/// A file in the privacy Maildir that is not mail (an Outlook `.msg` saved into the folder) is moved to the
/// Maildir++ folder `.Quarantine/` once, the real mail beside it is filed, and the next run has nothing to report.
@Suite struct MailQuarantineTests {
    @Test func aFileThatIsNotMailIsQuarantinedOnceAndNothingIsStuck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-quarantine-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let maildir = folder.appendingPathComponent("Maildir")
        for part in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(
                at: maildir.appendingPathComponent(part), withIntermediateDirectories: true)
        }
        let path = folder.appendingPathComponent("q.sqlite").path
        _ = try DemoSeeder.build(at: path, options: DemoOptions(customers: 5, now: Date(), operatorUser: "tester"))
        let database = try AppDatabase.open(path: path, create: false)
        let admin = try #require(try database.staffMember(userName: "tester"))
        let new = maildir.appendingPathComponent("new")
        try Data("From: ann@example.com\nTo: privacy@jewelrydealshop.com\nSubject: Delete my data\nMessage-ID: <q1@example.com>\n\nPlease erase my account.\n".utf8)
            .write(to: new.appendingPathComponent("1.mail"))
        // The first bytes of an OLE compound file (what Outlook saves as .msg), then zeros.
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: new.appendingPathComponent("2.msg"))
        let importer = MaildirImporter(database: database, maildir: maildir, actor: admin, clock: Date.init)
        let first = try importer.run()
        #expect(first.count == 2)
        #expect(first.first { $0.file == "1.mail" }?.filed != nil)
        let strange = try #require(first.first { $0.file == "2.msg" })
        #expect(strange.quarantined && strange.error == nil)
        #expect(FileManager.default.fileExists(
            atPath: maildir.appendingPathComponent(".Quarantine/new/2.msg").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: new.path).isEmpty, "nothing stuck in new/")
        #expect(try importer.run().isEmpty, "the next run has nothing to say")
    }
}
