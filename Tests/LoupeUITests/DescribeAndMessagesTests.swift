import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// Nothing cut without a way to read it: `d` shows a row whole, `:messages` the session's messages, help wraps.
@Suite struct DescribeAndMessagesTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func dShowsTheSelectedRowWholeAndEscCloses(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 10))
        harness.press(.char("j"), .char("d"))
        let row = harness.state.queue.selected!
        #expect(harness.state.describe?.title == row.publicId)
        #expect(harness.screen.contains("Assignee") && harness.screen.contains(row.status.label))
        #expect(goldenMismatch(harness.screen, "describe-request-\(width)x\(height)") == nil)
        harness.press(.escape)
        #expect(harness.state.describe == nil && harness.state.screen.address == .queue)
    }

    @Test func aLongRecordCellIsWrappedNotCut() {
        var harness = Harness(width: 80, height: 24, rows: sampleQueue(count: 5))
        let long = String(repeating: "field-name ", count: 20).trimmingCharacters(in: .whitespaces)
        harness.send(.showRecords(.audit))
        harness.send(.recordsLoaded(.audit, RecordList(title: "Audit log", columns: [("#", 6), ("DETAILS", 0)],
                                                      rows: [RecordList.Row(cells: ["1", long], opens: nil)])))
        harness.press(.char("d"))
        let lines = harness.state.describe!.lines(width: DescribeView.textWidth(80)).dropFirst()
        #expect(lines.map(\.text).joined(separator: " ") == long, "every word is there, in order")
        #expect(lines.count > 1 && lines.allSatisfy { !$0.text.contains("…") }, "wrapped over lines, never cut")
    }

    @Test func messagesKeepsEveryResultAndEachBulkRefusalWhole() {
        let rows = sampleQueue(count: 6).map { row in
            var row = row
            row.status = .received
            row.assignee = row.publicId.hasSuffix("2") ? "ben" : nil
            return row
        }
        var harness = Harness(rows: rows)
        harness.press(.char(" "), .char(" "), .char(" "), .char("v"), .char("e"), .right, .enter)
        let summary = harness.state.message?.text ?? ""
        #expect(summary.contains("refused (:messages lists each)"), "\(summary)")
        harness.press(.char(":"))
        for character in "messages" { harness.press(.char(character)) }
        harness.press(.enter)
        let screen = harness.screen
        #expect(screen.contains("Messages of this session, newest first"))
        #expect(screen.contains("refused PR-"), "each refusal is listed on its own")
    }

    @Test func wrapKeepsEveryWordAndSplitsOnlyWhatCannotFit() {
        #expect(TerminalText.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TerminalText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TerminalText.wrap("a\nb", width: 10) == ["a", "b"])
        #expect(TerminalText.wrap("\u{1B}[31mred", width: 20).allSatisfy { !$0.contains("\u{1B}") }, "inert")
    }

    @Test func vt100GetsASCIIForEveryMarker() {
        var harness = Harness(rows: sampleQueue(count: 10))
        harness.state.asciiCharts = true
        harness.press(.char("?"))
        let screen = harness.screen
        for glyph in ["↑", "•", "·", "┌", "│", "…", "—"] {
            #expect(!screen.contains(glyph), "\(glyph) on a vt100")
        }
    }
}
