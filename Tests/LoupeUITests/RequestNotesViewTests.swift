import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// The request screen shows the notes, newest first, with author and time: a supervisor reviewing an erasure
/// reads why the agent acted.
@Suite struct RequestNotesViewTests {
    @Test func theRequestScreenShowsItsNotes() {
        var harness = Harness(width: 100, height: 40, rows: sampleQueue(count: 3))
        let first = harness.state.queue.rows[0]
        var detail = RequestDetail(summary: first, channel: .email)
        detail.notes = [
            RequestNote(author: "sam", at: uiNow, text: "Invoices checked."),
            RequestNote(author: "ava", at: uiNow.addingTimeInterval(-3_600), text: "Called her:\nshe confirms."),
        ]
        harness.details[first.publicId] = detail
        harness.press(.enter)
        let screen = harness.screen
        #expect(screen.contains("Notes (2, newest first"))
        #expect(screen.contains("sam  Invoices checked."))
        #expect(screen.contains("ava  Called her:") && screen.contains("she confirms."))
        let samLine = screen.range(of: "Invoices checked.")!.lowerBound
        let avaLine = screen.range(of: "Called her:")!.lowerBound
        #expect(samLine < avaLine, "newest first")
    }
}
