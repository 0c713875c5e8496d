import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// The mailbox as it really is (#30): mail that is not a request goes to the unsorted tray, not the queue; the tray
/// makes requests that run from receipt or dismisses with a reason; answers go out in the subject's language; an
/// erasure reaches every message the subject sent and its Maildir file.
@Suite struct MailTrayStoreTests {
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    func mail(_ key: String, from: String? = "stranger@example.org", subject: String, body: String,
              spam: Bool = false, list: Bool = false) -> InboundMail {
        var mail = InboundMail(key: "<\(key)>", messageId: key, answers: [], fromAddress: from, fromName: nil,
                               subject: subject, body: body, bodyWasCut: false, cardNumbersRemoved: 0,
                               attachments: [], nature: .message, bouncedMessageId: nil)
        mail.isSpam = spam
        mail.isList = list
        return mail
    }

    @Test func spamNewslettersAndUnclearMailGoToTheTrayNotTheQueue() throws {
        let database = try demoDatabase(customers: 20)
        let before = try database.queuePage(.first(limit: 10_000)).total
        let filings = try database.receive(batch: [
            mail("s1@x", subject: "Delete your account now!!", body: "cheap watches", spam: true),
            mail("n1@x", subject: "Spring sale", body: "Unsubscribe: stop sending", list: true),
            mail("u1@x", subject: "Where is my order?", body: "It has not arrived. Order 1043."),
            mail("u2@x", subject: "Accessories", body: "Do you sell accessories? Successful exporter here."),
        ], actor: testAdmin, at: storeNow).map { try $0.get() }
        let reasons = filings.compactMap { if case .unsorted(_, let reason) = $0 { reason } else { nil } }
        #expect(reasons == [.spam, .newsletter, .unclear, .unclear])
        #expect(try database.queuePage(.first(limit: 10_000)).total == before, "no clock started for any of them")
        let tray = try database.unsortedMail(actor: ava)
        #expect(tray.map(\.subject) == ["Delete your account now!!", "Spring sale", "Where is my order?", "Accessories"])
        #expect(tray.allSatisfy { $0.fromAddress == "stranger@example.org" && $0.body == nil })
        let later = storeNow.addingTimeInterval(3 * 86_400)
        #expect(try database.dashboard(now: later, actor: sam).staleUnsortedMail == 4)
        #expect(try database.dashboard(now: storeNow, actor: sam).staleUnsortedMail == 0)
        #expect(try database.dashboard(now: storeNow, actor: sam).unsortedMail == 4)
    }

    @Test func aTrayMessageBecomesARequestThatRunsFromItsReceiptOnce() throws {
        let database = try demoDatabase(customers: 20)
        let received = storeNow.addingTimeInterval(-5 * 86_400)
        guard case .unsorted(let id, .unclear) = try database.receive(
            mail("q1@x", subject: "Question", body: "What do you keep about me, and can I see it all?"),
            actor: testAdmin, at: received) else {
            Issue.record("not in the tray"); return
        }
        let later = storeNow
        let request = try database.fileMail(id: id, kind: .access, actor: ava, at: later)
        #expect(request.summary.kind == .access && request.summary.receivedAt == received)
        let policy = try database.deadlinePolicy()
        #expect(request.effectiveDue == policy.dueDate(receivedAt: received, aboutMinor: false), "its month ran already")
        #expect(try database.unsortedMail(actor: ava).isEmpty)
        #expect(throws: LoupeError.self) { try database.fileMail(id: id, kind: .erasure, actor: ava, at: later) }
        let audit = try database.auditEntries(limit: 5, actor: sam).map(\.action)
        #expect(audit.contains("mail.file-as-request"))
        #expect(try database.verifyAudit().firstBreak == nil)
    }

    @Test func aSenderNameThatFailsTheTextRulesIsDroppedNotTheRequest() throws {
        let database = try demoDatabase(customers: 5)
        var hostile = mail("h9@x", from: "bea@example.org", subject: "Hello", body: "Can you help me with something?")
        hostile.fromName = "Bea\u{202E}gnp.exe"
        guard case .unsorted(let id, _) = try database.receive(hostile, actor: testAdmin, at: storeNow) else {
            Issue.record("not in the tray"); return
        }
        let request = try database.fileMail(id: id, kind: .access, actor: ava, at: storeNow)
        #expect(request.summary.kind == .access && request.subjectName == nil)
    }

    @Test func dismissedMailIsAuditedAndDeletedByItsOwnRetentionRule() throws {
        let database = try demoDatabase(customers: 20)
        guard case .unsorted(let id, .spam) = try database.receive(
            mail("s2@x", subject: "You won", body: "claim your prize", spam: true), actor: testAdmin, at: storeNow)
        else { Issue.record("not in the tray"); return }
        try database.dismissMail(id: id, reason: .spam, actor: ava, at: storeNow)
        #expect(try database.unsortedMail(actor: ava).isEmpty)
        #expect(try database.unsortedMail(dismissed: true, actor: ava).map(\.dismissal) == [.spam])
        #expect(throws: LoupeError.self) { try database.dismissMail(id: id, reason: .other, actor: ava, at: storeNow) }
        #expect(try database.auditEntries(limit: 3, actor: sam).first?.action == "mail.dismiss")
        let rule = try #require(try database.retentionRules().first { $0.category == .dismissedMail })
        #expect(rule.days == 30 && rule.action == .delete)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        _ = try database.sweep(asOf: storeNow.addingTimeInterval(10 * 86_400), dryRun: false, actor: admin,
                               at: storeNow.addingTimeInterval(10 * 86_400))
        #expect(try database.unsortedMail(dismissed: true, actor: ava).count == 1, "kept for its 30 days")
        _ = try database.sweep(asOf: storeNow.addingTimeInterval(40 * 86_400), dryRun: false, actor: admin,
                               at: storeNow.addingTimeInterval(40 * 86_400))
        #expect(try database.unsortedMail(dismissed: true, actor: ava).isEmpty, "then deleted")
    }

    @Test func aClearGermanRequestIsFiledAndAnsweredInGermanAndAnAgentCanChangeIt() throws {
        let database = try demoDatabase(customers: 20)
        guard case .newRequest(let id, .erasure) = try database.receive(
            mail("d1@x", from: "jurgen@example.de", subject: "Löschung meiner Daten",
                 body: "Bitte löschen Sie alle meine Daten. Mit freundlichen Grüßen, Jürgen"),
            actor: testAdmin, at: storeNow)
        else { Issue.record("not filed as an erasure"); return }
        let detail = try database.requestDetail(publicId: id)
        #expect(detail.language == .german)
        let acknowledgement = try #require(database.messages(publicId: id).first)
        #expect(acknowledgement.subject.hasPrefix("Wir haben Ihre Datenschutzanfrage \(id) erhalten"))
        #expect(acknowledgement.body.contains("Löschung Ihrer Daten") && acknowledgement.body.contains("Datenschutzteam"))
        #expect(detail.externalReference == nil, "no Message-ID is kept on the request")
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        #expect(throws: LoupeError.self) { try database.setLanguage(publicId: id, language: .french, actor: sam.with(role: .agent), at: storeNow) }
        let changed = try database.setLanguage(publicId: id, language: .french, actor: ava, at: storeNow)
        #expect(changed.language == .french)
        #expect(try database.auditEntries(limit: 1, actor: sam).first?.action == "request.language")
    }

    @Test func aWithdrawalAnsweredInSpanishNamesThePurposesInSpanish() throws {
        let database = try demoDatabase(customers: 20)
        let customer = try #require(try database.searchCustomers("", limit: 20).first { $0.email != nil })
        guard case .newRequest(let id, .consentWithdrawal) = try database.receive(
            mail("w1@x", from: customer.email!, subject: "Retirar consentimiento",
                 body: "Hola, retiro mi consentimiento para la publicidad por favor. Gracias y saludos."),
            actor: testAdmin, at: storeNow)
        else { Issue.record("not filed as a withdrawal"); return }
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        _ = try database.confirmKind(publicId: id, kind: .consentWithdrawal, actor: ava, at: storeNow)
        let withdrawn = try database.withdrawConsent(publicId: id, actor: ava, at: storeNow)
        let message = try #require(database.messages(publicId: id).first { $0.event == .consentWithdrawn })
        #expect(message.subject.hasPrefix("Su consentimiento ha sido retirado"))
        let named = withdrawn.isEmpty ? [Language.spanish.nothingGranted] : withdrawn.map(Language.spanish.name)
        for name in named { #expect(message.body.contains(name), "\(name) in \(message.body)") }
        #expect(!message.body.contains("email marketing") && !message.body.contains("nothing was granted"))
    }

    @Test func templatesExistInEveryLanguageAndAnUnknownPlaceholderIsRefusedInEach() throws {
        let database = try demoDatabase(customers: 5)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        #expect(try database.templates().count == MessageEvent.allCases.count * Language.allCases.count)
        for language in Language.allCases {
            let bad = MessageTemplate(event: .received, subject: "x {{nope}}", body: "y", language: language)
            #expect(throws: LoupeError.self) { try database.setTemplate(bad, actor: admin, at: storeNow) }
        }
        let edited = MessageTemplate(event: .received, subject: "Eingang {{requestId}}", body: "Danke.", language: .german)
        try database.setTemplate(edited, actor: admin, at: storeNow)
        #expect(try database.template(.received, in: .german).edited?.by == admin.userName)
        #expect(try database.template(.received, in: .english).edited == nil, "each language is its own")
    }
}

extension StaffMember {
    /// The same user with another role (a stale session, or someone else).
    func with(role: StaffRole) -> StaffMember {
        StaffMember(userName: "zed-\(userName)", displayName: displayName, role: role)
    }
}
