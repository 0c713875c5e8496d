import Foundation
import LoupeDomain
@testable import LoupeUI

/// 2026-11-25 12:00 UTC: the clock of every UI test.
let uiNow = Date(timeIntervalSince1970: 1_795_608_000)
let day: TimeInterval = 86_400

let ava = StaffMember(userName: "ava", displayName: "Ava Lindqvist", role: .agent)

/// A queue of `count` open requests in queue order: overdue first, then due soon, then later; some unassigned,
/// one urgent, one unmatched (no email).
func sampleQueue(count: Int) -> [RequestSummary] {
    let kinds = RequestKind.allCases
    let statuses: [RequestStatus] = [.received, .verifying, .inProgress, .awaitingApproval, .approved]
    return (0..<count).map { index -> RequestSummary in
        let due = uiNow.addingTimeInterval(Double(index - 3) * day + 3_600)
        return RequestSummary(
            id: Int64(index + 1), publicId: String(format: "PR-2026-%06d", index + 1), kind: kinds[index % kinds.count],
            status: statuses[index % statuses.count], priority: index == 4 ? .urgent : .normal,
            subjectEmail: index == 6 ? nil : "customer\(index)@example.com",
            assignee: index % 3 == 0 ? nil : ["ava", "ben"][index % 2],
            receivedAt: due.addingTimeInterval(-30 * day), effectiveDueAt: due)
    }.sorted { $0.queueKey < $1.queueKey }
}

/// Answers queue queries from an array the way the store does (keyset slices, total, start index).
struct FakeQueueSource {
    var rows: [RequestSummary]
    /// Breaches whose clock runs, as every page carries them.
    var breachDeadlines: [BreachDeadline] = []

    func page(_ query: QueuePageQuery, scope: QueueScope = .open, filter: QueueFilter? = nil, order: QueueOrder = .urgency) -> QueuePage {
        let shown = (scope == .open ? rows.filter { $0.status.isOpen } : rows.filter { $0.status == .awaitingApproval })
            .filter { filter?.matches($0) ?? true }
        // The fixtures come in queue order already; other orders are sorted here as the store sorts them.
        let sorted = order.field == .urgency ? shown : shown.sorted { $0.key(for: order) < $1.key(for: order) }
        let rows = order.reversed ? Array(sorted.reversed()) : sorted
        func before(_ a: QueueKey, _ b: QueueKey) -> Bool { order.reversed ? b < a : a < b }
        let slice: ArraySlice<RequestSummary>
        switch query {
        case .first(let limit): slice = rows.prefix(limit)
        case .last(let limit): slice = rows.suffix(limit)
        case .from(let key, let limit): slice = rows.filter { !before($0.key(for: order), key) }.prefix(limit)
        case .through(let key, let limit): slice = rows.filter { !before(key, $0.key(for: order)) }.suffix(limit)
        }
        let start = slice.first.map { first in rows.firstIndex { $0.id == first.id }! } ?? 0
        var page = QueuePage(rows: Array(slice), total: rows.count, startIndex: start)
        page.breachDeadlines = breachDeadlines
        return page
    }
}

/// A console state of the given size whose effects are answered by `source`, the way the live runner does.
struct Harness {
    var state: AppState
    var source: FakeQueueSource
    var details: [String: RequestDetail] = [:]
    var effectsSeen: [Effect] = []
    var fulfilled: [Fulfilment] = []
    /// The unsorted-mail decisions the console asked for (`:mail`).
    var sortedMail: [(Int64, MailDecision)] = []
    /// What `.loadDashboard` answers.
    var dashboard = sampleDashboard()
    /// The cookies `.loadCustomer` answers with.
    var cookies: CookieState?
    /// What `.checkForChanges` answers: bump it to play another agent's change.
    var changeStamp: Int64 = 1
    /// What `.loadStaff` answers.
    var staff = [
        ava, StaffMember(userName: "ben", displayName: "Ben Okafor", role: .agent),
        StaffMember(userName: "bea", displayName: "Bea Moreau", role: .agent),
        StaffMember(userName: "sam", displayName: "Sam", role: .supervisor),
    ]
    /// Themes `.switchTheme` knows.
    var themes = ["default", "light"]

    init(width: Int = 80, height: Int = 24, rows: [RequestSummary], actor: StaffMember = ava) {
        state = AppState(width: width, height: height, now: uiNow, deadlines: DeadlinePolicy(), actor: actor)
        source = FakeQueueSource(rows: rows)
        send(.start)
    }

    mutating func send(_ action: Action) { run(state.reduce(action)) }

    mutating func press(_ keys: Key...) { for key in keys { run(state.press(key)) } }

    private mutating func run(_ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            effectsSeen.append(effect)
            // The terminal's effects: a theme switch is answered as the console answers it; the rest do nothing.
            if case .terminal(.switchTheme(let name)) = effect {
                pending += state.reduce(themes.contains(name) ? .themeSwitched(name)
                                                              : .failed(LoupeError(.configuration, "No theme named '\(name)'.")))
            }
            guard case .data(let data) = effect else { continue }
            switch data {
            case .loadQueue(let query, let scope, let filter, let order):
                pending += state.reduce(.queueLoaded(source.page(query, scope: scope, filter: filter, order: order), scope: scope))
            case .loadRequest(let id):
                if let detail = detail(id) { pending += state.reduce(.requestLoaded(detail)) }
                else { pending += state.reduce(.failed(LoupeError(.notFound, "No request \(id)."))) }
            case .perform(let command, let id, let version):
                pending += state.reduce(perform(command, on: id, version: version))
            case .loadStaff:
                pending += state.reduce(.staffLoaded(staff))
            case .claimNext:
                // As the store's claimNext: the most urgent unassigned open request, claimed.
                guard let next = source.rows.sorted(by: { $0.queueKey < $1.queueKey })
                    .first(where: { $0.assignee == nil && $0.status.isOpen }) else {
                    pending += state.reduce(.failed(LoupeError(.notFound, "No unassigned open request is waiting.")))
                    continue
                }
                let answer = perform(.claim, on: next.publicId, version: next.version)
                if case .performed(let claimed, _) = answer {
                    pending += state.reduce(.claimedNext(claimed))
                } else {
                    pending += state.reduce(answer)
                }
            case .loadPreview(_, let id, _):
                pending += state.reduce(.previewLoaded(publicId: id, lines: samplePlan().lines(policy: DeadlinePolicy())))
            case .fulfil(let fulfilment, let id):
                fulfilled.append(fulfilment)
                if fulfilment == .confirmAllTasks, var stored = details[id] {
                    // As the store's confirmOpenTasks: every open notice confirmed.
                    stored.tasks = stored.tasks.map { task in
                        var task = task
                        if task.status == .open { task.status = .confirmed }
                        return task
                    }
                    details[id] = stored
                }
                pending += state.reduce(.fulfilled(detail(id)!, message: "\(id): done."))
            case .sortMail(let id, let decision):
                sortedMail.append((id, decision))
                pending += state.reduce(.mailSorted(message: "Mail #\(id): \(decision)."))
            case .createRequest(let draft):
                var row = source.rows[0]
                row.id = Int64(900 + source.rows.count)
                row.publicId = "PR-2026-000\(row.id)"
                row.kind = draft.kind
                row.status = .received
                row.assignee = nil
                row.subjectEmail = draft.email
                source.rows.append(row)
                pending += state.reduce(.created(RequestDetail(summary: row, channel: draft.channel)))
            case .performBulk(let command, let targets):
                var outcome = BulkOutcome()
                for target in targets {
                    if case .failed(let error) = perform(command, on: target.publicId, version: target.version) {
                        outcome.refused.append(.init(publicId: target.publicId, reason: error.message))
                    } else {
                        outcome.succeeded.append(target.publicId)
                    }
                }
                pending += state.reduce(.bulkDone(outcome))
            case .loadRecords(let kind):
                let rows = (1...30).map { RecordList.Row(cells: ["\($0)", "ava", "request.claim", source.rows[$0 % source.rows.count].publicId],
                                                          opens: source.rows[$0 % source.rows.count].publicId) }
                pending += state.reduce(.recordsLoaded(kind, RecordList(title: "Audit log", columns: [("#", 6), ("ACTOR", 8), ("ACTION", 16), ("TARGET", 0)], rows: rows)))
            case .searchCustomers(let query):
                let found = sampleCustomers.filter { query.isEmpty || ($0.fullName ?? "").localizedCaseInsensitiveContains(query) }
                pending += state.reduce(.customersLoaded(found, query: query))
            case .loadCustomer(let id):
                let summary = sampleCustomers.first { $0.publicId == id }!
                var detail = CustomerDetail(summary: summary, createdAt: uiNow.addingTimeInterval(-400 * day), lastActiveAt: uiNow)
                detail.orders = [CustomerDetail.Entry(when: uiNow, text: "JDS-100001  delivered", detail: "129.90 EUR · DHL")]
                detail.addresses = [CustomerDetail.Entry(when: nil, text: "shipping: Hauptstraße 1", detail: "10115 Berlin DE")]
                detail.requests = Array(source.rows.prefix(3))
                detail.cookies = cookies
                pending += state.reduce(.customerLoaded(detail))
            case .checkForChanges:
                pending += state.reduce(.changesChecked(changeStamp))
            case .recordReveal(let id):
                pending += state.reduce(.revealed(publicId: id))
            case .loadDashboard:
                pending += state.reduce(.dashboardLoaded(dashboard))
            }
        }
    }

    var screen: String { Renderer.render(state).plainText }

    /// The detail of a request: a stored one, or one made from its row.
    func detail(_ id: String) -> RequestDetail? {
        if var detail = details[id] {
            detail.summary.openTasks = detail.tasks.filter { $0.status == .open }.count
            return detail
        }
        return source.rows.first { $0.publicId == id }.map { RequestDetail(summary: $0, channel: .email) }
    }

    /// Applies a command the way the store does (same rules, version check), to the fake rows.
    mutating func perform(_ command: RequestCommand, on id: String, version: Int) -> Action {
        guard let index = source.rows.firstIndex(where: { $0.publicId == id }) else {
            return .failed(LoupeError(.notFound, "No request \(id)."))
        }
        var row = source.rows[index]
        guard row.version == version else {
            return .failed(LoupeError(.conflict, "\(id) was changed by ben at 2026-11-25 12:00 since you read it; reload it and try again."))
        }
        do {
            let change = try RequestRules.decide(command, on: row.facts, by: state.actor, now: uiNow, policy: DeadlinePolicy())
            row.status = change.status
            row.assignee = change.assignee
            if change.verification != nil { row.isIdentityVerified = true }
            if let proposer = change.proposedBy { row.proposedBy = proposer }
            row.version += 1
            source.rows[index] = row
            details[id] = nil
            return .performed(detail(id)!, verb: command.done)
        } catch let error as LoupeError {
            return .failed(error)
        } catch {
            return .failed(LoupeError(.storage, "\(error)"))
        }
    }
}

/// Compares `text` with `Golden/<name>.txt`; with LOUPE_RECORD_GOLDEN=1 it writes the file instead.
func goldenMismatch(_ text: String, _ name: String, file: String = #filePath) -> String? {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["LOUPE_RECORD_GOLDEN"] == "1" {
        try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        return "missing golden \(name).txt; record it with LOUPE_RECORD_GOLDEN=1 swift test"
    }
    return expected == text + "\n" ? nil : "screen differs from Golden/\(name).txt:\n\(text)"
}

/// The erasure plan of a customer with three orders (two couriers, two payment providers).
func samplePlan() -> ErasurePlan {
    let orders = [
        SubjectInventory.Order(number: "JDS-100101", placedAt: uiNow.addingTimeInterval(-400 * day), carrier: "DHL",
                               paymentProvider: "Stripe", invoiceNumber: "INV-100101"),
        SubjectInventory.Order(number: "JDS-100102", placedAt: uiNow.addingTimeInterval(-90 * day), carrier: "La Poste",
                               paymentProvider: "PayPal", invoiceNumber: "INV-100102"),
        SubjectInventory.Order(number: "JDS-100103", placedAt: uiNow.addingTimeInterval(-2 * day), carrier: nil,
                               paymentProvider: "Stripe", invoiceNumber: "INV-100103"),
    ]
    let inventory = SubjectInventory(customerPublicId: "C-000042", addresses: 2, orders: orders, deviceEvents: 14,
                                     consentEvents: 3, feedback: 1)
    return try! ErasurePlan.make(for: inventory, invoiceDays: 3_650, policy: DeadlinePolicy())
}

/// Dashboard figures with every section filled: a busy queue, three agents, a month of intake, retention due.
func sampleDashboard() -> Dashboard {
    Dashboard(
        byStatus: [(.received, 14), (.verifying, 6), (.inProgress, 9), (.awaitingApproval, 2), (.approved, 1),
                   (.completed, 120), (.rejected, 7), (.cancelled, 3)],
        openByKind: [(.access, 15), (.rectification, 4), (.erasure, 9), (.consentWithdrawal, 4)],
        overdue: 3, dueThisWeek: 5, loadPerAgent: [("ava", 8), ("ben", 5), ("chidi", 2)], unassigned: 17,
        medianDaysToClose: 12.5, closedLast90Days: 41,
        intakeLast30Days: [0, 1, 2, 3, 1, 0, 0, 4, 5, 2, 1, 3, 0, 0, 6, 2, 1, 1, 0, 0, 2, 8, 3, 1, 0, 0, 1, 2, 4, 3],
        lastSweep: uiNow.addingTimeInterval(-5 * day),
        retention: [RetentionOutlook(category: .deviceEvents, expiredNow: 0, expiringIn30Days: 1_204),
                    RetentionOutlook(category: .feedback, expiredNow: 12, expiringIn30Days: 3),
                    RetentionOutlook(category: .accessExports, expiredNow: 0, expiringIn30Days: 2)],
        retentionCountedAt: uiNow.addingTimeInterval(-5 * day))
}

/// Customers the fake search answers from.
let sampleCustomers = [
    CustomerSummary(id: 1, publicId: "C-000001", fullName: "Jürgen Müller", email: "j.mueller@example.de", phone: "+49 151 2000 1234",
                    orderCount: 3, isMinor: false, isErased: false),
    CustomerSummary(id: 2, publicId: "C-000002", fullName: "Ana Núñez", email: "ana@example.es", phone: nil,
                    orderCount: 0, isMinor: true, isErased: false),
    CustomerSummary(id: 3, publicId: "C-000003", fullName: nil, email: nil, phone: nil, orderCount: 2, isMinor: false, isErased: true),
]
