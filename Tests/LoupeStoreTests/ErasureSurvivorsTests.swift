import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// A subject with every category filled, each text value carrying a marker: after the erasure, with a second
/// connection open, no marker is left in the database file, its WAL, the exports or the maildir copies. (The
/// retained invoice fields are sealed, so their markers do not appear in clear either.)
@Suite struct ErasureSurvivorsTests {
    static let marker = "q7xmark"
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    func seed(_ database: AppDatabase) throws {
        let m = Self.marker
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO customer (id, publicId, fullName, email, phone, birthDate, membershipTier, stylePreferences,
                    createdAt, lastActiveAt, shopifyId)
                VALUES (1, 'C-000001', '\(m)first \(m)last', '\(m)mail@example.com', '+44 7700 951234', '2001-02-03',
                    '\(m)tier', '\(m)style', :t, :t, '7302918455123');
                INSERT INTO address (customerId, kind, recipientName, line1, line2, city, postalCode, region, country)
                VALUES (1, 'shipping', '\(m)recipient', '1 \(m)street', '\(m)flat', '\(m)city', '\(m)zip', '\(m)region', 'GB');
                INSERT INTO customerOrder (id, number, customerId, status, placedAt, totalMinor, currency, paymentMethod,
                    paymentProvider, cardBrand, cardLast4, providerReference, carrier, trackingNumber, invoiceNumber,
                    shipToName, shipToAddress, shipToPhone, billToName, billToAddress)
                VALUES (1, 'JDS-1', 1, 'paid', :t, 12900, 'GBP', 'card', 'Stripe', '\(m)brand', '4242', '\(m)providerref',
                    'DHL', '\(m)tracking', 'INV-1', '\(m)shipname', '\(m)shipaddress', '+44 7700 951234',
                    '\(m)billname', '\(m)billaddress');
                INSERT INTO orderItem (orderId, sku, productName, quantity, priceMinor) VALUES (1, 'R-1', 'Ring', 1, 12900);
                INSERT INTO deviceEvent (customerId, occurredAt, ip, userAgent, deviceModel, cookieId, page)
                VALUES (1, :t, '203.0.113.77', '\(m)agent', '\(m)device', '\(m)cookie', '/\(m)page');
                INSERT INTO consentEvent (customerId, purpose, granted, occurredAt, source) VALUES (1, 'email-marketing', 1, :t, 'web');
                INSERT INTO feedback (customerId, text, rating, createdAt) VALUES (1, '\(m)feedback', 5, :t);
                """, arguments: ["t": storeNow.addingTimeInterval(-86_400 * 30)])
        }
    }

    @Test func noMarkerSurvivesInTheFileTheWALTheExportsOrTheMaildir() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        _ = try database.addStaff(userName: "ava", role: .agent, displayName: "Ava", actor: root, at: storeNow)
        _ = try database.addStaff(userName: "sam", role: .supervisor, displayName: "Sam", actor: root, at: storeNow)
        try seed(database)
        let m = Self.marker
        let email = "\(m)mail@example.com"
        let tests = SuppressionStoreTests()

        // A rectification with a payload and notes, and an access request with an export on disk.
        let rectification = try tests.started(database, NewRequest(kind: .rectification, email: email,
                                                                   corrections: [.fullName: "\(m)newname", .phone: "+44 7700 951999"]))
        try database.perform(.note("\(m)note about the caller"), on: rectification, actor: ava, at: storeNow)
        try database.rectify(publicId: rectification, actor: ava, at: storeNow)
        let access = try tests.started(database, NewRequest(kind: .access, email: email))
        let exports = directory.appendingPathComponent("exports")
        let export = try database.exportAccess(publicId: access, to: exports.path, actor: ava, at: storeNow)
        #expect(try String(contentsOfFile: export.folder + "/data.json", encoding: .utf8).contains(m))
        // A message to the subject, sent, with its maildir copy.
        let maildir = directory.appendingPathComponent("mail/new")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        let message = try #require(database.outbox(actor: root).first { $0.requestId == access })
        let copy = maildir.appendingPathComponent("1.M\(message.id).loupe")
        try Data("To: \(m)newname <\(email)>\r\n\r\nDear \(m)newname".utf8).write(to: copy)
        try database.markSent(id: message.id, copyPath: copy.path, actor: root, at: storeNow)

        // The privacy mailbox: a message they sent on another person's request, an auto-reply of theirs on no
        // request, an unclear one in the tray, each with its Maildir file (seen, in cur/), and a consent given
        // with a free-text source.
        let box = directory.appendingPathComponent("privacy")
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: box.appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
        }
        let someoneElse = try database.createRequest(NewRequest(kind: .access, email: "someone@example.org"),
                                               actor: ava, at: storeNow)
        func inbound(_ n: Int, subject: String, body: String, nature: InboundMail.Nature = .message) throws {
            try Data("From: \(email)\r\nSubject: \(subject)\r\n\r\n\(body)".utf8)
                .write(to: box.appendingPathComponent("cur/17000\(n).M1P1.host:2,S"))
            var mail = InboundMail(
                key: "<\(m)msg\(n)@\(m)host.example>", messageId: "\(m)msg\(n)@\(m)host.example", answers: [],
                fromAddress: email, fromName: "\(m)sender", subject: subject, body: body, bodyWasCut: false,
                cardNumbersRemoved: 0, attachments: [.init(name: "\(m)passport.jpg", type: "image/jpeg", size: 9)],
                nature: nature, bouncedMessageId: nil)
            mail.maildirFile = box.appendingPathComponent("new/17000\(n).M1P1.host").path
            _ = try database.receive(mail, actor: root, at: storeNow)
        }
        try inbound(1, subject: "Re: [\(someoneElse.summary.publicId)] \(m)about", body: "\(m)wrote on another request")
        try inbound(2, subject: "Out of office", body: "\(m)away until Monday", nature: .autoReply)
        try inbound(3, subject: "Question", body: "\(m)where is my parcel")
        _ = try database.setCookies(customerPublicId: "C-000001", purpose: .analytics, on: true,
                                    source: "\(m)phoned the shop", actor: ava, at: storeNow)

        let erasure = try tests.started(database, NewRequest(kind: .erasure, email: email))
        try database.perform(.note("\(m)erasure note"), on: erasure, actor: ava, at: storeNow)
        try database.perform(.proposeErasure, on: erasure, actor: ava, at: storeNow)
        // A second connection stays open through the erasure, as another agent's console would.
        let other = try DatabaseQueue(path: path, configuration: AppDatabase.makeConfiguration())
        _ = try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") }
        try database.perform(.approve, on: erasure, actor: sam, at: storeNow)
        let cleanup = try database.finishErasures()
        #expect(cleanup.walTruncated && cleanup.filesLeft.isEmpty && cleanup.refused.isEmpty, "\(cleanup)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.appendingPathComponent("cur").path).isEmpty,
                "their mail is gone from the Maildir")
        _ = try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") }

        var survivors: [String] = []
        for file in try allFiles(under: directory) {
            let bytes = try Data(contentsOf: file)
            let text = String(decoding: bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            for needle in [m, "203.0.113.77", "951234", "951999"] {
                guard let range = text.range(of: needle) else { continue }
                let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                let around = bytes[max(offset - 60, 0)..<min(offset + 40, bytes.count)].map { $0 < 32 || $0 > 126 ? 46 : $0 }
                survivors.append("\(file.lastPathComponent) page \(offset / 4096 + 1): \(String(decoding: around, as: UTF8.self))")
            }
        }
        #expect(survivors.isEmpty, "erased values survive: \(survivors)")
        // What stays is the record: the retained invoice, sealed, with its ground.
        let retained = try database.requestDetail(publicId: erasure).retained
        #expect(retained.map(\.reference) == ["JDS-1"])
        let sealed = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT billToName FROM customerOrder")! }
        #expect(try database.vault.open(sealed) == "\(m)billname")
    }

    @Test func whatAKilledProcessLeftIsFinishedByTheNextOpen() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        var database: AppDatabase? = try AppDatabase.open(path: path)
        try database!.initialize(admin: "root", displayName: "root", at: storeNow)
        _ = try database!.addStaff(userName: "ava", role: .agent, displayName: "Ava", actor: root, at: storeNow)
        _ = try database!.addStaff(userName: "sam", role: .supervisor, displayName: "Sam", actor: root, at: storeNow)
        try seed(database!)
        let tests = SuppressionStoreTests()
        let access = try tests.started(database!, NewRequest(kind: .access, email: "\(Self.marker)mail@example.com"))
        let export = try database!.exportAccess(publicId: access, to: directory.appendingPathComponent("exports").path,
                                                actor: ava, at: storeNow)
        // The approval commits, and the process dies before it removes anything outside the transaction.
        let erasure = try tests.started(database!, NewRequest(kind: .erasure, email: "\(Self.marker)mail@example.com"))
        try database!.perform(.proposeErasure, on: erasure, actor: ava, at: storeNow)
        try database!.perform(.approve, on: erasure, actor: sam, at: storeNow)
        #expect(try database!.hasUnfinishedErasures())
        #expect(FileManager.default.fileExists(atPath: export.folder))
        database = nil
        let reopened = try AppDatabase.open(path: path)
        #expect(try !reopened.hasUnfinishedErasures())
        #expect(!FileManager.default.fileExists(atPath: export.folder))
    }

    func allFiles(under directory: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])!
        return enumerator.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}
