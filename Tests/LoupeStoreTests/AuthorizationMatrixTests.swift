import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// Every action the CLI (and the console) offers, tried as every kind of actor: agent, supervisor, admin, a
/// deactivated agent, someone unknown, and a stale session (a deactivated agent who still claims to be an
/// admin). The core re-reads the actor in the action's transaction, so only the roles named here succeed, and
/// every refusal is `.notAllowed` with nothing written.
@Suite struct AuthorizationMatrixTests {
    static let everyone: Set<String> = ["agent", "supervisor", "admin"]
    static let supervisors: Set<String> = ["supervisor", "admin"]
    static let admins: Set<String> = ["admin"]
    static let serviceOrAdmins: Set<String> = ["admin", "service"]

    /// A fresh demo with the extra actors; `dee` is a deactivated agent.
    func database() throws -> (AppDatabase, [String: StaffMember]) {
        let database = try demoDatabase(customers: 40)
        let max = try database.staffMember(userName: "max")!
        _ = try database.addStaff(userName: "dee", role: .agent, displayName: "Dee", actor: max, at: storeNow)
        try database.deactivateStaff(userName: "dee", actor: max, at: storeNow)
        let service = try database.addStaff(userName: "loupe-serve", role: .service, displayName: nil, actor: max,
                                            at: storeNow)
        let actors: [String: StaffMember] = [
            "agent": try database.staffMember(userName: "ava")!,
            "supervisor": try database.staffMember(userName: "sam")!,
            "admin": max,
            "deactivated": StaffMember(userName: "dee", displayName: "Dee", role: .agent, isActive: false),
            "unknown": StaffMember(userName: "zed", displayName: "Zed", role: .admin),
            "stale session": StaffMember(userName: "dee", displayName: "Dee", role: .admin),
            "service": service,
        ]
        return (database, actors)
    }

    /// A request in `status`, held by `holder`, about a demo customer; its public id.
    static func request(_ database: AppDatabase, kind: RequestKind = .access, upTo command: RequestCommand? = nil,
                        holder: String = "ava", customer: Int = 3) throws -> String {
        let ava = try database.staffMember(userName: holder)!
        let email = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT email FROM customer WHERE id = ?", arguments: [customer])!
        }
        let id = try database.createRequest(NewRequest(kind: kind, email: email), actor: ava, at: storeNow).summary.publicId
        let steps: [RequestCommand] = [.claim, .verify(method: .document, note: nil), .start, .proposeErasure]
        guard let command else { return id }
        for step in steps {
            try database.perform(step, on: id, actor: ava, at: storeNow)
            if step == command { break }
        }
        return id
    }

    /// Each CLI action with the roles allowed to do it, what it needs set up first (by ava or an admin), and the
    /// call it makes into the core with the actor under test.
    struct Case: Sendable {
        var name: String
        var allowed: Set<String>
        var prepare: @Sendable (AppDatabase) throws -> String = { _ in "" }
        var act: @Sendable (AppDatabase, StaffMember, _ target: String, _ directory: String) throws -> Void
    }

    static let cases: [Case] = [
        Case(name: "requests new", allowed: everyone) { db, actor, _, _ in
            _ = try db.createRequest(NewRequest(kind: .access, email: "someone@example.net"), actor: actor, at: storeNow) },
        Case(name: "requests claim", allowed: everyone, prepare: { try request($0) }) { db, actor, id, _ in
            try db.perform(.claim, on: id, actor: actor, at: storeNow) },
        Case(name: "requests next", allowed: everyone) { db, actor, _, _ in _ = try db.claimNext(actor: actor, at: storeNow) },
        Case(name: "requests note (ava holds it)", allowed: everyone, prepare: { try request($0, upTo: .claim) }) { db, actor, id, _ in
            try db.perform(.note("called back"), on: id, actor: actor, at: storeNow) },
        Case(name: "requests assign", allowed: supervisors, prepare: { try request($0, upTo: .claim) }) { db, actor, id, _ in
            try db.perform(.reassign(to: "ben"), on: id, actor: actor, at: storeNow) },
        Case(name: "requests approve (ava proposed)", allowed: supervisors,
             prepare: { try request($0, kind: .erasure, upTo: .proposeErasure) }) { db, actor, id, _ in
            try db.perform(.approve, on: id, actor: actor, at: storeNow) },
        Case(name: "requests verify (ava holds it)", allowed: everyone, prepare: { try request($0, upTo: .claim) }) { db, actor, id, _ in
            try db.perform(.verify(method: .email, note: nil), on: id, actor: actor, at: storeNow) },
        Case(name: "requests extend (ava holds it)", allowed: everyone, prepare: { try request($0, upTo: .start) }) { db, actor, id, _ in
            try db.perform(.extend(months: 1, reason: "Many orders to collect."), on: id, actor: actor, at: storeNow) },
        Case(name: "requests cancel (ava holds it)", allowed: everyone, prepare: { try request($0, upTo: .claim) }) { db, actor, id, _ in
            try db.perform(.cancel(reason: "Withdrawn by the requester."), on: id, actor: actor, at: storeNow) },
        Case(name: "requests reject (an erasure)", allowed: supervisors,
             prepare: { try request($0, kind: .erasure, upTo: .claim) }) { db, actor, id, _ in
            try db.perform(.reject(reason: "Identity could not be verified."), on: id, actor: actor, at: storeNow) },
        Case(name: "customers flag-minor", allowed: everyone) { db, actor, _, _ in
            _ = try db.flagMinor(customerPublicId: "C-000005", reason: "Told us on the phone.", guardianName: nil,
                                 actor: actor, at: storeNow) },
        // Holders act on their requests' messages and notices; agents who don't hold one are refused.
        Case(name: "outbox mark-sent (ava holds it)", allowed: everyone, prepare: { db in
            String(try db.messages(publicId: try request(db, upTo: .claim)).first!.id) }) { db, actor, id, _ in
            try db.markSent(id: Int64(id)!, actor: actor, at: storeNow, by: .markSent) },
        Case(name: "outbox mark-sent (nobody holds it)", allowed: supervisors, prepare: { db in
            String(try db.messages(publicId: try request(db)).first!.id) }) { db, actor, id, _ in
            try db.markSent(id: Int64(id)!, actor: actor, at: storeNow, by: .markSent) },
        Case(name: "outbox edit (ava holds it)", allowed: everyone, prepare: { db in
            String(try db.messages(publicId: try request(db, upTo: .claim)).last!.id) }) { db, actor, id, _ in
            _ = try db.editMessage(id: Int64(id)!, subject: "Your request", body: "Dear customer,\nThank you.",
                                   actor: actor, at: storeNow) },
        Case(name: "outbox edit (nobody holds it)", allowed: supervisors, prepare: { db in
            String(try db.messages(publicId: try request(db)).last!.id) }) { db, actor, id, _ in
            _ = try db.editMessage(id: Int64(id)!, subject: "Your request", body: "Dear customer,\nThank you.",
                                   actor: actor, at: storeNow) },
        Case(name: "tasks close (ava holds it)", allowed: everyone, prepare: { db in
            let id = try request(db, kind: .erasure, upTo: .proposeErasure)
            try db.perform(.approve, on: id, actor: try db.staffMember(userName: "sam")!, at: storeNow)
            return String(try db.processorTasks(requestPublicId: id).first!.id) }) { db, actor, id, _ in
            _ = try db.closeTask(id: Int64(id)!, impossibleBecause: nil, actor: actor, at: storeNow) },
        Case(name: "tasks close (released)", allowed: supervisors, prepare: { db in
            let id = try request(db, kind: .erasure, upTo: .proposeErasure)
            let sam = try db.staffMember(userName: "sam")!
            try db.perform(.approve, on: id, actor: sam, at: storeNow)
            try db.perform(.reassign(to: "ben"), on: id, actor: sam, at: storeNow)
            return String(try db.processorTasks(requestPublicId: id).first!.id) }) { db, actor, id, _ in
            _ = try db.closeTask(id: Int64(id)!, impossibleBecause: nil, actor: actor, at: storeNow) },
        Case(name: "requests release (ava holds it)", allowed: everyone, prepare: { try request($0, upTo: .claim) }) { db, actor, id, _ in
            try db.perform(.release, on: id, actor: actor, at: storeNow) },
        Case(name: "requests start (ava holds it)", allowed: everyone,
             prepare: { try request($0, upTo: .verify(method: .document, note: nil)) }) { db, actor, id, _ in
            try db.perform(.start, on: id, actor: actor, at: storeNow) },
        Case(name: "requests complete (exported)", allowed: everyone, prepare: { db in
            let id = try request(db, upTo: .start)
            let folder = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try db.exportAccess(publicId: id, to: folder.path, actor: try db.staffMember(userName: "ava")!, at: storeNow)
            return id }) { db, actor, id, _ in
            try db.perform(.complete, on: id, actor: actor, at: storeNow) },
        Case(name: "requests rectify (ava holds it)", allowed: everyone, prepare: { db in
            let ava = try db.staffMember(userName: "ava")!
            let email = try db.writer.read { try String.fetchOne($0, sql: "SELECT email FROM customer WHERE id = 3")! }
            let id = try db.createRequest(NewRequest(kind: .rectification, email: email, corrections: [.city: "Lyon"]),
                                          actor: ava, at: storeNow).summary.publicId
            for step: RequestCommand in [.claim, .verify(method: .document, note: nil), .start] {
                try db.perform(step, on: id, actor: ava, at: storeNow)
            }
            return id }) { db, actor, id, _ in
            _ = try db.rectify(publicId: id, actor: actor, at: storeNow) },
        Case(name: "requests withdraw-consent (ava holds it)", allowed: everyone, prepare: { db in
            let ava = try db.staffMember(userName: "ava")!
            let email = try db.writer.read { try String.fetchOne($0, sql: "SELECT email FROM customer WHERE id = 3")! }
            let id = try db.createRequest(NewRequest(kind: .consentWithdrawal, email: email), actor: ava, at: storeNow)
                .summary.publicId
            try db.perform(.claim, on: id, actor: ava, at: storeNow)
            return id }) { db, actor, id, _ in
            _ = try db.withdrawConsent(publicId: id, actor: actor, at: storeNow) },
        Case(name: "export (ava holds it)", allowed: everyone, prepare: { try request($0, upTo: .start) }) { db, actor, id, directory in
            _ = try db.exportAccess(publicId: id, to: directory, actor: actor, at: storeNow) },
        Case(name: "reveal", allowed: everyone, prepare: { try request($0) }) { db, actor, id, _ in
            try db.recordReveal(publicId: id, actor: actor, at: storeNow) },
        Case(name: "staff add", allowed: admins) { db, actor, _, _ in
            _ = try db.addStaff(userName: "newbie", role: .agent, displayName: nil, actor: actor, at: storeNow) },
        Case(name: "staff deactivate", allowed: admins) { db, actor, _, _ in
            try db.deactivateStaff(userName: "ben", actor: actor, at: storeNow) },
        Case(name: "settings time-zone", allowed: admins) { db, actor, _, _ in
            try db.setTimeZone("Europe/Paris", actor: actor, at: storeNow) },
        Case(name: "retention set", allowed: admins) { db, actor, _, _ in
            try db.setRetentionRule(RetentionRule(category: .feedback, days: 400, action: .delete), actor: actor, at: storeNow) },
        Case(name: "retention sweep", allowed: serviceOrAdmins) { db, actor, _, _ in
            _ = try db.sweep(asOf: storeNow, dryRun: false, actor: actor, at: storeNow) },
        Case(name: "retention sweep --dry-run", allowed: everyone) { db, actor, _, _ in
            _ = try db.sweep(asOf: storeNow, dryRun: true, actor: actor, at: storeNow) },
        Case(name: "policy publish", allowed: admins) { db, actor, _, _ in
            try db.publishPolicy(version: "2027-01", effectiveAt: storeNow.addingTimeInterval(86_400 * 30),
                                 summary: "Names a new courier.", actor: actor, at: storeNow) },
        Case(name: "templates edit", allowed: admins) { db, actor, _, _ in
            try db.setTemplate(MessageTemplate(event: .received, subject: "We have your request {{requestId}}",
                                               body: "Hello,\n\nWe received {{requestId}}.\n"), actor: actor, at: storeNow) },
        Case(name: "templates reset", allowed: admins) { db, actor, _, _ in
            try db.resetTemplate(.received, actor: actor, at: storeNow) },
        // The outbox is the service's: sending, and reading a body, never an agent's who does not hold it.
        Case(name: "outbox send", allowed: serviceOrAdmins, prepare: { db in
            String(try db.messages(publicId: try request(db)).first!.id) }) { db, actor, id, _ in
            _ = try db.beginSending(id: Int64(id)!, route: .maildir, owner: "matrix", actor: actor, at: storeNow) },
        Case(name: "outbox list", allowed: everyone) { db, actor, _, _ in _ = try db.outbox(actor: actor) },
        Case(name: "outbox show (ava holds it)", allowed: everyone, prepare: { db in
            String(try db.messages(publicId: try request(db, upTo: .claim)).first!.id) }) { db, actor, id, _ in
            _ = try db.outboxMessage(id: Int64(id)!, actor: actor) },
        Case(name: "outbox show (nobody holds it)", allowed: supervisors, prepare: { db in
            String(try db.messages(publicId: try request(db)).first!.id) }) { db, actor, id, _ in
            _ = try db.outboxMessage(id: Int64(id)!, actor: actor) },
        Case(name: "mail import", allowed: serviceOrAdmins) { db, actor, _, _ in
            _ = try db.receive(InboundMail(
                key: "matrix-1", messageId: "matrix-1@example.net", answers: [], fromAddress: "someone@example.net",
                fromName: nil, subject: "Delete my data", body: "Please erase everything about me.",
                bodyWasCut: false, cardNumbersRemoved: 0, attachments: [], nature: .message, bouncedMessageId: nil),
                actor: actor, at: storeNow) },
        Case(name: "intake (a webhook's request)", allowed: serviceOrAdmins) { db, actor, _, _ in
            _ = try db.recordExternalRequest(
                NewRequest(kind: .erasure, email: "hooked@example.net", channel: .shopify,
                           externalReference: "redact:matrix"),
                digest: "matrix", details: [:], dryRun: false, actor: actor, at: storeNow) },
        Case(name: "controllers add", allowed: admins) { db, actor, _, _ in
            _ = try db.addController(name: "acme", actor: actor, at: storeNow) },
        Case(name: "import shopify-customers", allowed: admins) { db, actor, _, _ in
            var rows: [ImportItem<ImportedCustomer>] = [.record(ImportedCustomer(
                shopifyId: "991", email: "imported@example.net", fullName: "Imported Person", phone: nil,
                acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil), line: 2)]
            _ = try db.importCustomers(from: { rows.popLast() }, fileName: "customers.csv", dryRun: false,
                                       skipBadRows: false, actor: actor, at: storeNow) },
    ]

    @Test func everyActionAsEveryRoleGetsTheCoresAnswer() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var wrong: [String] = []
        for action in Self.cases {
            for role in ["agent", "supervisor", "admin", "deactivated", "unknown", "stale session", "service"] {
                let (database, actors) = try database()
                let target = try action.prepare(database)
                let before = try database.changeStamp()
                do {
                    try action.act(database, actors[role]!, target, directory.appendingPathComponent(role).path)
                    if !action.allowed.contains(role) { wrong.append("\(action.name) as \(role): allowed, should be refused") }
                } catch let error as LoupeError where error.code == .notAllowed {
                    if action.allowed.contains(role) { wrong.append("\(action.name) as \(role): refused (\(error.message))") }
                    if try database.changeStamp() != before { wrong.append("\(action.name) as \(role): refused but wrote") }
                } catch {
                    wrong.append("\(action.name) as \(role): \(error)")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}
