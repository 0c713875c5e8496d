import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct StaffAndAuditStoreTests {
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)

    func initialized() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        return database
    }

    @Test func initMakesTheInvokingUserAdminOnlyOnce() throws {
        let database = try initialized()
        #expect(try database.staffMember(userName: "root")?.role == .admin)
        #expect(throws: LoupeError.self) { try database.initialize(admin: "eve", displayName: "eve", at: storeNow) }
    }

    @Test func onlyAdminsManageStaff() throws {
        let database = try initialized()
        let sam = try database.addStaff(userName: "sam", role: .supervisor, displayName: "Sam Rivera", actor: root, at: storeNow)
        #expect(sam.displayName == "Sam Rivera")
        #expect {
            try database.addStaff(userName: "eve", role: .admin, displayName: nil, actor: sam, at: storeNow)
        } throws: { error in (error as? LoupeError)?.message == "Only admins manage staff; sam is supervisor." }
        #expect(try database.staffList().map(\.userName) == ["root", "sam"])
    }

    @Test func deactivationReleasesHeldRequestsAndKeepsTheLastAdmin() throws {
        let database = try initialized()
        let ava = try database.addStaff(userName: "ava", role: .agent, displayName: nil, actor: root, at: storeNow)
        let request = try database.createRequest(NewRequest(kind: .access, email: "a@example.com"), actor: ava, at: storeNow)
        try database.perform(.claim, on: request.summary.publicId, actor: ava, at: storeNow)
        try database.deactivateStaff(userName: "ava", actor: root, at: storeNow)
        #expect(try database.staffMember(userName: "ava")?.isActive == false)
        let after = try database.requestDetail(publicId: request.summary.publicId)
        #expect(after.summary.assignee == nil)
        #expect(after.timeline.last?.action == "request.release")
        #expect(throws: LoupeError.self) { try database.perform(.claim, on: request.summary.publicId, actor: ava, at: storeNow) }
        #expect(throws: LoupeError.self) { try database.deactivateStaff(userName: "root", actor: root, at: storeNow) }
        let back = try database.addStaff(userName: "ava", role: .agent, displayName: nil, actor: root, at: storeNow)
        #expect(back.isActive)
    }

    @Test func verifyFindsTheFirstEditedEntryBehindTheTriggersBack() throws {
        let database = try demoDatabase(customers: 40)
        #expect(try database.verifyAudit().firstBreak == nil)
        try database.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER auditEntry_noUpdate;
                UPDATE auditEntry SET actor = 'mallory' WHERE sequence = 5;
                """)
        }
        let result = try database.verifyAudit()
        #expect(result.firstBreak?.sequence == 5)
        #expect(result.firstBreak?.problem.contains("edited") == true)
    }

    @Test func verifyFindsADeletedEntry() throws {
        let database = try demoDatabase(customers: 40)
        try database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER auditEntry_noDelete; DELETE FROM auditEntry WHERE sequence = 7")
        }
        #expect(try database.verifyAudit().firstBreak?.sequence == 8)
    }
}

/// Requests held by someone who is not staff: named as such, never an empty list that looks like an answer.
@Suite struct UnknownAssigneeTests {
    @Test func askingForRequestsOfSomeoneWhoIsNotStaffIsNamed() throws {
        let database = try demoDatabase(customers: 10)
        let ava = try #require(try database.staffMember(userName: "ava"))
        #expect(throws: LoupeError.self) {
            _ = try database.requests(RequestFilter(assignee: .user("zed")), now: storeNow, actor: ava)
        }
        _ = try database.requests(RequestFilter(assignee: .user("ben")), now: storeNow, actor: ava)
    }
}
