import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// The hint bar: the keys that act now on the focused request, `? help` always, chosen by the width it has.
@Suite struct HintBarTests {
    func hintLine(_ harness: Harness) -> String {
        harness.screen.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    // Changed when list hints stopped following the cursor (a row move repainted the hint line: 211 B a move
    // against 163 B before): the focused request's next steps are now checked on its screen.
    @Test func aRefusedStepIsNotHintedAndAnAllowedOneIs() {
        var harness = Harness(width: 120, height: 30, rows: sampleQueue(count: 10))
        let unassigned = harness.state.queue.rows.firstIndex { $0.assignee == nil }!
        let heldByBen = harness.state.queue.rows.firstIndex { $0.assignee == "ben" }!
        for _ in 0..<unassigned { harness.press(.char("j")) }
        harness.press(.enter)
        #expect(hintLine(harness).contains("a claim"), "an unassigned request can be claimed")
        harness.press(.escape, .char("g"))
        for _ in 0..<heldByBen { harness.press(.char("j")) }
        harness.press(.enter)
        #expect(!hintLine(harness).contains("a claim"), "ben holds it: claim is no next step for ava")
    }

    @Test func onAListTheHintsStandStillWhileTheCursorMoves() {
        var harness = Harness(width: 120, height: 30, rows: sampleQueue(count: 10))
        var lines: Set<String> = []
        for _ in 0..<9 {
            lines.insert(hintLine(harness))
            harness.press(.char("j"))
        }
        #expect(lines.count == 1, "one hint line for every row: \(lines)")
    }

    @Test(arguments: [60, 80, 100, 200])
    func helpAlwaysShowsAndMoreHintsFitWhenWider(width: Int) {
        let narrow = Harness(width: 60, height: 24, rows: sampleQueue(count: 10))
        let harness = Harness(width: width, height: 24, rows: sampleQueue(count: 10))
        let line = hintLine(harness)
        #expect(line.contains("? help"))
        #expect(TerminalText.width(line) <= width)
        #expect(line.components(separatedBy: "   ").count >= hintLine(narrow).components(separatedBy: "   ").count)
    }
}
