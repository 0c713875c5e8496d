import Foundation
import LoupeDomain
@testable import LoupeStore
import Testing

/// Notes about the subject are their personal data: the access export carries them, except those an admin
/// marked internal with a recorded reason.
@Suite struct InternalNoteTests {
    func accessRequest(_ database: AppDatabase) throws -> (String, StaffMember) {
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        let customer = try database.searchCustomers("", limit: 1).first!
        let detail = try database.createRequest(
            NewRequest(kind: .access, email: customer.email!, channel: .email), actor: admin, at: storeNow)
        return (detail.summary.publicId, admin)
    }

    @Test func theExportCarriesNotesButNotTheInternalOneAndOnlyAnAdminMarksIt() throws {
        let database = try demoDatabase(customers: 30)
        let (id, admin) = try accessRequest(database)
        var detail = try database.perform(.claim, on: id, actor: admin, at: storeNow)
        detail = try database.perform(.note("Called her back; she confirmed the order number."), on: id, actor: admin, at: storeNow)
        detail = try database.perform(.note("Fraud team suspects account takeover."), on: id, actor: admin, at: storeNow)
        let fraudNote = try #require(detail.notes.first { $0.text.hasPrefix("Fraud") }?.id)

        let agent = try database.addStaff(userName: "nia", role: .agent, displayName: nil, actor: admin, at: storeNow)
        #expect(throws: LoupeError.self) {
            try database.markNoteInternal(id: fraudNote, reason: "Ongoing fraud investigation", actor: agent, at: storeNow)
        }
        #expect(throws: LoupeError.self) { try database.markNoteInternal(id: fraudNote, reason: " ", actor: admin, at: storeNow) }
        let marked = try database.markNoteInternal(id: fraudNote, reason: "Ongoing fraud investigation", actor: admin, at: storeNow)
        #expect(marked.internalReason == "Ongoing fraud investigation")
        #expect(throws: LoupeError.self) { try database.markNoteInternal(id: fraudNote, reason: "again", actor: admin, at: storeNow) }

        _ = try database.perform(.verify(method: .email, note: nil), on: id, actor: admin, at: storeNow)
        _ = try database.perform(.start, on: id, actor: admin, at: storeNow)
        let result = try database.exportAccess(publicId: id, to: temporaryDirectory().path, actor: admin, at: storeNow)
        let data = try Data(contentsOf: URL(fileURLWithPath: result.folder + "/data.json"))
        let export = try AccessExport.decode(data)
        #expect(export.staffNotes?.map(\.text) == ["Called her back; she confirmed the order number."])
        let report = try String(contentsOfFile: result.folder + "/report.txt", encoding: .utf8)
        #expect(report.contains("Called her back") && !report.contains("Fraud"))
        let audit = try database.auditEntries(limit: 5).first { $0.action == "note.internal" }
        #expect(audit?.target == id && audit?.details == "{\"note\":\"\(fraudNote)\"}", "the audit names the note, not its text")
    }
}
