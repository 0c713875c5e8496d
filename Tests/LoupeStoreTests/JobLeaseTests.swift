import Foundation
import LoupeDomain
@testable import LoupeStore
import Testing

/// Two `serve` processes on one database never run one job at once, and a job runs again only when due.
@Suite struct JobLeaseTests {
    @Test func oneProcessAtATimeAndOnlyWhenDue() throws {
        let database = try demoDatabase(customers: 10)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        #expect(try database.leaseDueJob(.outboxSend, every: 60, owner: "a", actor: admin, at: storeNow))
        #expect(try !database.leaseDueJob(.outboxSend, every: 60, owner: "b", actor: admin, at: storeNow), "a holds it")
        try database.finishJob(.outboxSend, owner: "a", startedAt: storeNow, outcome: "ok", counts: ["sent": "2"],
                               actor: admin, at: storeNow)
        #expect(
            try !database.leaseDueJob(
                .outboxSend, every: 60, owner: "b", actor: admin, at: storeNow.addingTimeInterval(30)),
                "not due yet")
        #expect(
            try database.leaseDueJob(
                .outboxSend, every: 60, owner: "b", actor: admin, at: storeNow.addingTimeInterval(61)))
        // b dies holding it: once its lease has run out, a may take the job.
        #expect(
            try !database.leaseDueJob(
                .outboxSend, every: 60, owner: "a", actor: admin, at: storeNow.addingTimeInterval(120)))
        #expect(
            try database.leaseDueJob(
                .outboxSend, every: 60, owner: "a", actor: admin, at: storeNow.addingTimeInterval(61 + 1_801)))
        #expect(
            try !database.leaseDueJob(.doctor, every: 0, owner: "a", actor: admin, at: storeNow), "0 turns a job off")
        let runs = try database.dashboard(now: storeNow).jobs
        #expect(runs.map(\.job) == [.outboxSend] && runs.first?.counts == "sent=2")
        #expect(try database.auditEntries(target: "loupe").first?.action == "job.run")
    }
}
