import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct QueuePageTests {
    /// The whole queue the plain way, to compare keyset slices against.
    func fullQueue(_ database: AppDatabase) throws -> [RequestSummary] {
        try database.writer.read { db in
            try AppDatabase.fetchSummaries(db, """
                SELECT \(AppDatabase.summaryColumns) FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId
                WHERE r.status NOT IN ('completed', 'rejected', 'cancelled') ORDER BY r.queueRank, r.effectiveDueAt, r.id
                """, [])
        }
    }

    @Test func slicesMatchTheFullOrderFromEitherEnd() throws {
        let database = try demoDatabase(customers: 300)
        let all = try fullQueue(database)
        #expect(all.count > 20)
        let first = try database.queuePage(.first(limit: 10))
        #expect(first.rows == Array(all.prefix(10)))
        #expect(first.total == all.count)
        #expect(first.startIndex == 0)
        let last = try database.queuePage(.last(limit: 10))
        #expect(last.rows == Array(all.suffix(10)))
        #expect(last.startIndex == all.count - 10)
    }

    @Test func keysetSlicesIncludeTheirAnchorAndKnowTheirPosition() throws {
        let database = try demoDatabase(customers: 300)
        let all = try fullQueue(database)
        let anchor = all[15]
        let from = try database.queuePage(.from(anchor.queueKey, limit: 5))
        #expect(from.rows == Array(all[15..<20]))
        #expect(from.startIndex == 15)
        let through = try database.queuePage(.through(anchor.queueKey, limit: 5))
        #expect(through.rows == Array(all[11...15]))
        #expect(through.startIndex == 11)
    }

    @Test func closedRequestsAreNotInTheQueue() throws {
        let database = try demoDatabase(customers: 300)
        let page = try database.queuePage(.first(limit: 10_000))
        #expect(page.rows.allSatisfy { $0.status.isOpen })
        #expect(page.rows == page.rows.sorted { $0.queueKey < $1.queueKey })
    }

    @Test func queueQueriesWalkThePartialIndexWithoutSorting() throws {
        let database = try demoDatabase(customers: 50)
        var statements: [String] = []
        try database.writer.read { db in
            db.trace(options: .statement) { event in statements.append(event.expandedDescription) }
        }
        for scope in QueueScope.allCases {
            for query: QueuePageQuery in [.first(limit: 5), .last(limit: 5),
                                          .from(QueueKey(dueAt: storeNow, id: 1), limit: 5),
                                          .through(QueueKey(dueAt: storeNow, id: 1), limit: 5)] {
                _ = try database.queuePage(query, scope: scope)
            }
        }
        try database.writer.read { db in db.trace(options: .statement, nil) }
        let selects = statements.filter { $0.hasPrefix("SELECT") }
        #expect(selects.count >= 16)
        for sql in selects {
            let plan = try database.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "sorts: \(sql) \(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("INDEX") }, "full scan: \(sql) \(plan)")
        }
    }

    @Test func theApprovalsScopeListsOnlyErasuresAwaitingApproval() throws {
        let database = try demoDatabase(customers: 2_000)
        let page = try database.queuePage(.first(limit: 500), scope: .awaitingApproval)
        #expect(!page.rows.isEmpty)
        #expect(page.rows.allSatisfy { $0.status == .awaitingApproval && $0.kind == .erasure && $0.proposedBy != nil })
        #expect(page.total == page.rows.count)
        let tail = try database.queuePage(.through(page.rows.last!.queueKey, limit: 2), scope: .awaitingApproval)
        #expect(tail.startIndex == page.total - 2)
    }

    @Test func requestDetailCarriesItsTimeline() throws {
        let database = try demoDatabase(customers: 300)
        let some = try database.queuePage(.first(limit: 50)).rows.first { $0.status == .inProgress }!
        let detail = try database.requestDetail(publicId: some.publicId)
        #expect(detail.summary == some)
        #expect(detail.timeline.first?.action == "request.receive")
        #expect(detail.timeline.map(\.target).allSatisfy { $0 == some.publicId })
        #expect(detail.timeline.contains { $0.action == "request.start" })
    }

    @Test func anUnknownRequestIsNotFound() throws {
        let database = try AppDatabase.inMemory()
        #expect {
            try database.requestDetail(publicId: "PR-2026-999999")
        } throws: { error in
            (error as? LoupeError)?.code == .notFound
        }
    }
}

@Suite struct QueueFilterStoreTests {
    /// The store's SQL and the domain's `matches` agree, on every slice.
    @Test func theFilterInSQLPassesExactlyWhatMatchesPasses() throws {
        let database = try demoDatabase(customers: 400)
        let all = try database.queuePage(.first(limit: 10_000)).rows
        for text in ["status:overdue", "kind:erasure", "assignee:none", "kind:access assignee:ben", "status:verifying", "00001"] {
            let filter = try QueueFilter.parse(text, actor: "ava", now: storeNow)
            let page = try database.queuePage(.first(limit: 10_000), filter: filter)
            #expect(page.rows.map(\.id) == all.filter(filter.matches).map(\.id), "\(text)")
            #expect(page.total == page.rows.count)
            if page.rows.count > 2 {
                let later = try database.queuePage(.from(page.rows[2].queueKey, limit: 5), filter: filter)
                #expect(later.startIndex == 2 && later.rows.first?.id == page.rows[2].id)
            }
        }
    }
}

@Suite struct QueueSearchStoreTests {
    /// `/` on the queue finds a request by its subject's name or email, as the customers search does.
    @Test func freeTextFindsRequestsByTheSubjectsNameAndEmail() throws {
        let database = try demoDatabase(customers: 400)
        let all = try database.queuePage(.first(limit: 10_000)).rows
        let withCustomer = try all.lazy.compactMap { row -> (RequestSummary, CustomerDetail)? in
            guard let id = try database.requestDetail(publicId: row.publicId).customerPublicId else { return nil }
            return (row, try database.customerDetail(publicId: id))
        }.first { $0.1.summary.fullName != nil && $0.1.summary.email != nil }
        let (request, customer) = try #require(withCustomer)
        let surname = String(customer.summary.fullName!.split(separator: " ").last!)
        let mailbox = String(customer.summary.email!.split(separator: "@").first!)
        for text in [surname, surname.lowercased(), mailbox] {
            let page = try database.queuePage(.first(limit: 10_000), filter: QueueFilter.parse(text, actor: "ava", now: storeNow))
            #expect(page.rows.contains { $0.id == request.id }, "\(text) finds \(request.publicId)")
            #expect(page.rows.count < all.count, "\(text) narrows the queue")
        }
        let none = try database.queuePage(.first(limit: 10_000), filter: QueueFilter.parse("zzqxv", actor: "ava", now: storeNow))
        #expect(none.rows.isEmpty)
    }
}

@Suite struct QueueOrderStoreTests {
    /// Every order, forward and reversed: slices read by key agree with the whole list sorted in Swift, and
    /// each slice knows its position.
    @Test(arguments: [QueueOrder.Field.urgency, .age, .status])
    func everyOrderPagesByKey(field: QueueOrder.Field) throws {
        let database = try demoDatabase(customers: 400)
        for reversed in [false, true] {
            let order = QueueOrder(field: field, reversed: reversed)
            let all = try database.queuePage(.first(limit: 10_000), order: order).rows
            let keys = all.map { $0.key(for: order) }
            #expect(keys == (reversed ? keys.sorted().reversed() : keys.sorted()), "\(field) reversed: \(reversed)")
            guard all.count > 10 else { continue }
            let middle = try database.queuePage(.from(all[5].key(for: order), limit: 4), order: order)
            #expect(middle.rows.map(\.id) == all[5..<9].map(\.id) && middle.startIndex == 5)
            let back = try database.queuePage(.through(all[8].key(for: order), limit: 4), order: order)
            #expect(back.rows.map(\.id) == all[5...8].map(\.id) && back.startIndex == 5)
            let last = try database.queuePage(.last(limit: 3), order: order)
            #expect(last.rows.map(\.id) == all.suffix(3).map(\.id))
        }
    }
}
