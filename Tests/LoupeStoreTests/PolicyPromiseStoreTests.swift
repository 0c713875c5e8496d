import Foundation
import GRDB
import LoupeDomain
import Testing

@testable import LoupeStore

/// One test per promise of the policy, named after the section it protects; each fails if its mechanism goes.
@Suite struct PolicyPromiseStoreTests {
    func staff(_ database: AppDatabase) throws -> (agent: StaffMember, supervisor: StaffMember, admin: StaffMember) {
        (
            try database.staffMember(userName: "ava")!, try database.staffMember(userName: "sam")!,
            try database.staffMember(userName: "max")!
        )
    }

    func customerWith(_ sql: String, in database: AppDatabase) throws -> (id: Int64, publicId: String) {
        try database.writer.read { db in
            let row = try #require(
                try Row.fetchOne(db, sql: "SELECT c.id, c.publicId FROM customer c WHERE \(sql) LIMIT 1"))
            return (row[0], row[1])
        }
    }

    @Test func section2_theAnalyticsExportPublishesNoCellUnderKAndNoIdentifier() throws {
        let database = try demoDatabase(customers: 400)
        let (agent, _, _) = try staff(database)
        let export = try database.analyticsExport(
            fromDay: storeNow.addingTimeInterval(-120 * 86_400),
            toDay: storeNow, actor: agent, at: storeNow)
        #expect(!export.visits.isEmpty, "the demo shop has enough visits a day to publish")
        for row in export.visits + export.orders { #expect(row.customers >= export.k, "\(row)") }
        // A small shop's orders are too few per day at k = 10; at k = 2 some days publish, none under 2.
        let (_, _, admin) = try staff(database)
        try database.setAnalyticsK(2, actor: admin, at: storeNow)
        let loose = try database.analyticsExport(
            fromDay: storeNow.addingTimeInterval(-120 * 86_400), toDay: storeNow,
            actor: agent, at: storeNow)
        #expect(!loose.orders.isEmpty && loose.orders.allSatisfy { $0.customers >= 2 })
        let json = String(decoding: try JSONEncoder().encode(export), as: UTF8.self)
        #expect(!json.contains("@") && !json.contains("C-0"), "no email, no customer id")
        let audited = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE action = 'analytics.export'")
        }
        #expect(audited == 2)
    }

    @Test func section2_theDashboardChartObeysTheSameRule() throws {
        let database = try demoDatabase(customers: 60)
        let (agent, _, admin) = try staff(database)
        try database.setAnalyticsK(3, actor: admin, at: storeNow)
        let emails = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT email FROM customer WHERE email IS NOT NULL ORDER BY id LIMIT 3")
        }
        let day = storeNow.addingTimeInterval(-86_400)
        for email in emails {
            _ = try database.createRequest(NewRequest(kind: .access, email: email), actor: agent, at: day)
        }
        let figures = try database.dashboard(now: storeNow)
        #expect(figures.intakeLast30Days[28] >= 3, "three people that day: shown")
        #expect(figures.analyticsK == 3)
    }

    @Test func section3_aCourierLabelIsRecordedAsADisclosureOfThreeFields() throws {
        let database = try demoDatabase(customers: 40)
        let (agent, _, _) = try staff(database)
        let order = try database.writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT number FROM customerOrder WHERE shipToName IS NOT NULL AND carrier IS NOT NULL LIMIT 1"
            )!
        }
        let printed = try database.courierLabel(orderNumber: order, actor: agent, at: storeNow)
        #expect(!printed.label.recipientName.isEmpty)
        let register = try database.disclosures()
        #expect(register.count == 1)
        #expect(register.first?.fields == [.name, .shippingAddress, .phone])
        #expect(register.first?.order == order && register.first?.disclosedBy == "ava")
        #expect(throws: LoupeError.self) { try database.courierLabel(orderNumber: "JDS-0", actor: agent, at: storeNow) }
    }

    @Test func section3_anAuthorityDisclosureNeedsASecondPersonAndTellsTheSubjectUnlessForbidden() throws {
        let database = try demoDatabase(customers: 40)
        let (agent, supervisor, admin) = try staff(database)
        let customer = try customerWith("c.email IS NOT NULL AND c.erasedAt IS NULL", in: database)
        let request = try database.recordAuthorityRequest(
            authority: "Police of Lyon", legalBasis: "Code de procédure pénale, art. 60-1", reference: "PV-2026-118",
            customerPublicId: customer.publicId, fields: [.name, .orders], secrecyReason: nil, actor: supervisor,
            at: storeNow)
        #expect(throws: LoupeError.self, "the one who recorded it") {
            try database.decideAuthorityRequest(
                publicId: request.publicId, approve: true, note: nil,
                actor: supervisor, at: storeNow)
        }
        #expect(throws: LoupeError.self, "an agent") {
            try database.decideAuthorityRequest(
                publicId: request.publicId, approve: true, note: nil, actor: agent,
                at: storeNow)
        }
        let decided = try database.decideAuthorityRequest(
            publicId: request.publicId, approve: true, fields: [.name],
            note: nil, actor: admin, at: storeNow)
        #expect(decided.request.status == .disclosed && decided.handedOver.map(\.0) == [.name])
        let entries = try database.disclosures(customerPublicId: customer.publicId).filter {
            $0.recipientKind == .authority
        }
        #expect(entries.map(\.fields) == [[.name]], "the exact fields disclosed, not those asked for")
        let notices = try database.outbox(actor: testAdmin).filter { $0.event == .authorityDisclosure }
        #expect(notices.count == 1 && notices.first?.requestId == customer.publicId)

        // Secret: recorded, not told, and kept out of the subject's access report.
        let secret = try database.recordAuthorityRequest(
            authority: "Tax office", legalBasis: "LPF L81", reference: "T-9", customerPublicId: customer.publicId,
            fields: [.paymentDetails], secrecyReason: "LPF L86: the inquiry must not be revealed", actor: agent,
            at: storeNow)
        _ = try database.decideAuthorityRequest(
            publicId: secret.publicId, approve: true, note: nil,
            actor: supervisor, at: storeNow)
        #expect(
            try database.outbox(actor: testAdmin).filter { $0.event == .authorityDisclosure }.count == 1,
            "no second notice")
        let id = try database.createRequest(
            NewRequest(
                kind: .access,
                email: try database.writer.read { db in
                    try String.fetchOne(db, sql: "SELECT email FROM customer WHERE id = ?", arguments: [customer.id])!
                }), actor: agent, at: storeNow
        ).summary.publicId
        try database.perform(.claim, on: id, actor: agent, at: storeNow)
        try database.perform(.verify(method: .document, note: nil), on: id, actor: agent, at: storeNow)
        try database.perform(.start, on: id, actor: agent, at: storeNow)
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try database.exportAccess(publicId: id, to: folder.path, actor: agent, at: storeNow)
        let report = try String(contentsOfFile: result.folder + "/report.txt", encoding: .utf8)
        #expect(report.contains("authority Police of Lyon: 1 time (name)"))
        #expect(!report.contains("Tax office"), "withheld as recorded")
        #expect(report.contains("payment provider"), "the payment provider's share of each order")
    }

    @Test func section6_switchingAnalyticsCookiesOffDeletesTheirEventsAndKeepsTheNecessaryOnes() throws {
        let database = try demoDatabase(customers: 80)
        let (agent, _, _) = try staff(database)
        let customer = try customerWith(
            """
            EXISTS (SELECT 1 FROM deviceEvent e WHERE e.customerId = c.id AND e.purpose = 'analytics')
            AND EXISTS (SELECT 1 FROM deviceEvent e WHERE e.customerId = c.id AND e.purpose = 'necessary')
            """, in: database)
        let deleted = try database.setCookies(
            customerPublicId: customer.publicId, purpose: .analytics, on: false,
            source: "cookie banner", actor: agent, at: storeNow)
        #expect(deleted > 0)
        let left = try database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT purpose FROM deviceEvent WHERE customerId = ?",
                arguments: [customer.id])
        }
        #expect(left == ["necessary"])
        let state = try database.cookieState(customerPublicId: customer.publicId)
        #expect(state.entries.first { $0.purpose == .analytics }?.isOn == false)
        #expect(state.entries.first { $0.purpose == .necessary }?.isOn == true)
        #expect(throws: LoupeError.self) {
            try database.setCookies(
                customerPublicId: customer.publicId, purpose: .necessary, on: false,
                source: "x", actor: agent, at: storeNow)
        }
    }

    @Test func section6_aGlobalPrivacyControlSignalInAnImportOptsOutOfMarketingCookiesAndSharing() throws {
        let database = try demoDatabase(customers: 20)
        let (_, _, admin) = try staff(database)
        var customer = ImportedCustomer(
            shopifyId: nil, email: "gpc.person@example.com", fullName: "G P", phone: nil,
            acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil)
        customer.globalPrivacyControl = true
        var items = [ImportItem<ImportedCustomer>.record(customer, line: 2)][...]
        _ = try database.importCustomers(
            from: { items.popFirst() }, fileName: "c.csv", dryRun: false,
            skipBadRows: false, actor: admin, at: storeNow)
        let publicId = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT publicId FROM customer WHERE email = 'gpc.person@example.com'")!
        }
        let marketing = try database.cookieState(customerPublicId: publicId).entries.first { $0.purpose == .marketing }
        #expect(marketing?.isOn == false && marketing?.source == CookieState.globalPrivacyControlSource)
        let sharing = try database.writer.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT granted FROM consentEvent e JOIN customer c ON c.id = e.customerId
                    WHERE c.publicId = ? AND purpose = 'data-sharing'
                    """, arguments: [publicId])
        }
        #expect(sharing == false)
    }

    @Test func section8_aPublishedVersionKeepsItsTextAndAPurposeChangeTellsOnlyThoseWithMarketingConsent() throws {
        let database = try demoDatabase(customers: 60)
        let (_, _, admin) = try staff(database)
        let consenting = try database.writer.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM customer c WHERE c.id IN (\(AppDatabase.marketingConsentSQL)) AND "
                        + AppDatabase.noticeRecipientSQL
            )!
        }
        #expect(consenting > 0)
        let queued = try database.publishPolicy(
            version: "2026-12", effectiveAt: storeNow, summary: "Adds loyalty analytics.",
            fullText: "# Policy\n\nThe whole text.\n", changesPurposes: true,
            actor: admin, at: storeNow)
        #expect(queued == consenting)
        #expect(try database.policyVersion("2026-12").fullText == "# Policy\n\nThe whole text.\n")
        #expect(try database.policyVersion(PrivacyPolicy.version).fullText == PrivacyPolicy.text)
        let notices = try database.outbox(limit: 10_000, actor: testAdmin).filter { $0.event == .policyChanged }
        #expect(notices.count == consenting && notices.allSatisfy { $0.subject.contains("Our privacy policy") })
        #expect(
            try database.publishPolicy(
                version: "2026-12b", effectiveAt: storeNow, summary: "Typo fixed.",
                fullText: "x", actor: admin, at: storeNow) == 0)
        #expect(throws: LoupeError.self) {
            try database.publishPolicy(
                version: "bad", effectiveAt: storeNow, summary: "s", fullText: "a\u{1B}[2Jb",
                actor: admin, at: storeNow)
        }
    }

    @Test func art33_aBreachRunsItsClockAndTellsTheAffectedByCategory() throws {
        let database = try demoDatabase(customers: 60)
        let (agent, supervisor, _) = try staff(database)
        let breach = try database.recordBreach(
            description: "A courier's label printer was stolen.", categories: [.tracking], approximatePeople: 12,
            discoveredAt: storeNow.addingTimeInterval(-3_600), actor: agent, at: storeNow)
        #expect(breach.clock(now: storeNow)?.hoursLeft == 71)
        #expect(try database.dashboard(now: storeNow).breachDeadlines.map(\.publicId) == [breach.publicId])
        #expect(try database.queuePage(.first(limit: 5)).breachDeadlines.count == 1)
        #expect(throws: LoupeError.self, "agents do not decide") {
            try database.recordBreachAuthorityNotice(
                publicId: breach.publicId, reference: "CNIL-1", actor: agent,
                at: storeNow)
        }
        #expect(throws: LoupeError.self, "no decision yet") {
            try database.tellBreachAffected(publicId: breach.publicId, actor: supervisor, at: storeNow)
        }
        _ = try database.recordBreachAuthorityNotice(
            publicId: breach.publicId, reference: "CNIL-1",
            actor: supervisor, at: storeNow)
        #expect(try database.dashboard(now: storeNow).breachDeadlines.isEmpty, "the clock stopped")
        _ = try database.decideBreachNotice(
            publicId: breach.publicId, tell: true, reason: "addresses exposed",
            actor: supervisor, at: storeNow)
        let told = try database.tellBreachAffected(publicId: breach.publicId, actor: supervisor, at: storeNow)
        let tracked = try database.writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM customer c WHERE \(AppDatabase.noticeRecipientSQL) AND EXISTS (
                        SELECT 1 FROM customerOrder o WHERE o.customerId = c.id AND o.trackingNumber IS NOT NULL)
                    """)!
        }
        #expect(told == tracked && told > 0)
        #expect(try database.outbox(limit: 10_000, actor: testAdmin).filter { $0.event == .breachNotice }.count == told)
        #expect(throws: LoupeError.self, "once") {
            try database.tellBreachAffected(publicId: breach.publicId, actor: supervisor, at: storeNow)
        }
    }

    @Test func art30_theRecordHoldsTheProcessorsAndTheDisclosures() throws {
        let database = try demoDatabase(customers: 20)
        let (_, _, admin) = try staff(database)
        try database.addProcessor(
            Processor(
                name: "Hetzner", kind: .hosting, contact: "dpo@hetzner.example",
                purpose: "hosting", agreementDate: "2025-01-31"), actor: admin, at: storeNow)
        #expect(throws: LoupeError.self) {
            try database.addProcessor(
                Processor(
                    name: "X", kind: .hosting, contact: "c", purpose: "p",
                    agreementDate: "31/01/2025"), actor: admin, at: storeNow)
        }
        let record = try database.recordOfProcessing()
        #expect(record.processors.contains { $0.name == "Hetzner" } && record.processors.contains { $0.name == "DHL" })
        #expect(record.disclosures.contains { $0.recipientKind == .paymentProvider })
        let markdown = record.markdown
        for category in DataCategory.allCases { #expect(markdown.contains(category.rawValue)) }
        #expect(markdown.contains("device-events: 395 days"))
    }

    @Test func anErasureScrubsTheCustomersNotices() throws {
        let database = try demoDatabase(customers: 40)
        let (agent, supervisor, admin) = try staff(database)
        _ = try database.publishPolicy(
            version: "2026-12", effectiveAt: storeNow, summary: "Purposes change.",
            fullText: "text", changesPurposes: true, actor: admin, at: storeNow)
        let notice = try #require(
            try database.outbox(limit: 10_000, actor: testAdmin).first { $0.event == .policyChanged })
        let email = try #require(notice.toAddress)
        let id = try database.createRequest(NewRequest(kind: .erasure, email: email), actor: agent, at: storeNow)
            .summary.publicId
        try database.perform(.claim, on: id, actor: agent, at: storeNow)
        try database.perform(.verify(method: .document, note: nil), on: id, actor: agent, at: storeNow)
        try database.perform(.start, on: id, actor: agent, at: storeNow)
        _ = try database.erasurePreview(publicId: id)
        try database.perform(.proposeErasure, on: id, actor: agent, at: storeNow)
        try database.perform(.approve, on: id, actor: supervisor, at: storeNow)
        #expect(
            try database.outbox(limit: 10_000, actor: testAdmin).allSatisfy { $0.id != notice.id },
            "the queued notice is gone")
    }
}
