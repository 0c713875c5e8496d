import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct QueueReducerTests {
    @Test func startReadsTheFirstSlice() {
        var state = AppState(width: 80, height: 24, now: uiNow, deadlines: DeadlinePolicy(), actor: ava)
        #expect(state.reduce(.start) == [.checkForChanges, .loadQueue(.first(limit: 200), scope: .open, filter: nil, order: .urgency)])
    }

    @Test func movementKeysMoveTheCursorAndClampAtTheEnds() {
        var harness = Harness(rows: sampleQueue(count: 50))
        harness.press(.char("j"), .down, .char("j"))
        #expect(harness.state.queue.cursor == 3)
        harness.press(.char("k"))
        #expect(harness.state.queue.cursor == 2)
        harness.press(.char("G"))
        #expect(harness.state.queue.cursor == 49)
        harness.press(.char("j"))
        #expect(harness.state.queue.cursor == 49)
        harness.press(.char("g"), .up)
        #expect(harness.state.queue.cursor == 0)
        harness.press(.ctrl("d"))
        #expect(harness.state.queue.cursor == 10, "half of the 20 visible rows")
        harness.press(.pageDown)
        #expect(harness.state.queue.cursor == 30)
        harness.press(.ctrl("u"))
        #expect(harness.state.queue.cursor == 20)
        harness.press(.pageUp)
        #expect(harness.state.queue.cursor == 0)
    }

    @Test func theViewportFollowsTheCursor() {
        var harness = Harness(rows: sampleQueue(count: 50))
        for _ in 0..<25 { harness.press(.char("j")) }
        #expect(harness.state.queue.cursor == 25)
        #expect(harness.state.queue.top == 6, "cursor on the last of 20 visible rows")
        harness.press(.char("g"))
        #expect(harness.state.queue.top == 0)
    }

    @Test func movingPastTheWindowLoadsTheNextSliceByKeyNeverByOffset() {
        let rows = sampleQueue(count: 1_000)
        var harness = Harness(rows: rows)
        for step in 1...120 {
            harness.press(.pageDown)
            let queue = harness.state.queue
            #expect(queue.selected == rows[queue.cursor], "row under the cursor is the right one at step \(step)")
            for line in 0..<harness.state.queueViewHeight where queue.top + line < rows.count {
                #expect(queue.row(at: queue.top + line) == rows[queue.top + line], "visible rows are loaded")
            }
        }
        #expect(harness.state.queue.cursor == 999)
        for _ in 1...120 { harness.press(.pageUp) }
        #expect(harness.state.queue.cursor == 0)
        #expect(harness.state.queue.selected == rows[0])
        let queries = harness.effectsSeen.compactMap { effect -> QueuePageQuery? in
            if case .data(.loadQueue(let query, _, _, _)) = effect { return query }
            return nil
        }
        #expect(queries.count > 5, "a 1,000-row queue is read in slices")
        #expect(queries.allSatisfy { if case .first = $0 { true } else if case .from = $0 { true } else if case .through = $0 { true } else { false } })
    }

    @Test func jumpingToTheEndReadsTheLastSlice() {
        let rows = sampleQueue(count: 1_000)
        var harness = Harness(rows: rows)
        harness.press(.char("G"))
        #expect(harness.effectsSeen.last == .loadQueue(.last(limit: 200), scope: .open, filter: nil, order: .urgency))
        #expect(harness.state.queue.selected == rows[999])
        harness.press(.char("k"))
        #expect(harness.state.queue.selected == rows[998])
    }

    @Test func refreshKeepsTheSelectedRequestWhenRowsMove() {
        var rows = sampleQueue(count: 30)
        var harness = Harness(rows: rows)
        harness.press(.char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
        let selected = harness.state.queue.selected!
        rows.remove(at: 0)
        harness.source = FakeQueueSource(rows: rows)
        harness.press(.char("R"))
        #expect(harness.state.queue.selected == selected)
        #expect(harness.state.queue.cursor == 4)
        #expect(harness.state.queue.total == 29)
    }

    @Test func enterOpensTheRequestAndEscapeOrQGoesBack() {
        var harness = Harness(rows: sampleQueue(count: 10))  // the urgent PR-2026-000005 comes first
        harness.press(.char("j"), .enter)
        #expect(harness.state.screen.address == .request("PR-2026-000001"))
        #expect(harness.effectsSeen.last == .loadRequest(publicId: "PR-2026-000001"))
        harness.press(.escape)
        #expect(harness.state.screen.address == .queue)
        harness.press(.enter, .char("q"))
        #expect(harness.state.screen.address == .queue)
        #expect(harness.state.isRunning)
        harness.press(.char("q"))
        #expect(!harness.state.isRunning)
        #expect(harness.effectsSeen.last == .quit)
    }

    @Test func ctrlCQuitsFromAnyScreen() {
        var harness = Harness(rows: sampleQueue(count: 10))
        harness.press(.enter, .char("?"), .ctrl("c"))
        #expect(!harness.state.isRunning)
    }

    @Test func helpOpensAndClosesAndSwallowsOtherKeys() {
        var harness = Harness(rows: sampleQueue(count: 10))
        harness.press(.char("?"))
        #expect(harness.state.isHelpVisible)
        harness.press(.char("j"))
        #expect(harness.state.queue.cursor == 0)
        harness.press(.escape)
        #expect(!harness.state.isHelpVisible)
        #expect(harness.state.isRunning)
    }

    @Test func enterOnAnEmptyQueueSaysWhy() {
        var harness = Harness(rows: [])
        harness.press(.enter)
        #expect(harness.state.screen.address == .queue)
        #expect(harness.state.message == StatusMessage("The list is empty.", isError: true))
    }

    @Test func aFailedReadIsShownAndTheCursorStays() {
        var harness = Harness(rows: sampleQueue(count: 10))
        harness.send(.failed(LoupeError(.storage, "Could not read the database.")))
        #expect(harness.state.message?.isError == true)
        #expect(harness.screen.contains("Could not read the database."))
    }

    @Test func resizeKeepsTheCursorVisible() {
        var harness = Harness(rows: sampleQueue(count: 100))
        for _ in 0..<30 { harness.press(.char("j")) }
        harness.send(.resized(width: 80, height: 16))
        let queue = harness.state.queue
        #expect(queue.cursor >= queue.top && queue.cursor < queue.top + harness.state.queueViewHeight)
    }
}

extension QueueReducerTests {
    /// Over SSH every changed cell costs bytes: the cursor lights the flags and the request id, so moving it
    /// one row changes a few dozen cells, not two whole rows.
    @Test func aOneRowMoveChangesOnlyTheCursorCellsAndThePosition() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 50))
        let before = Renderer.render(harness.state)
        harness.press(.char("j"))
        let after = Renderer.render(harness.state)
        var changed = 0
        // The hint bar (last line) names the keys that act on the focused request, so it changes when the new row
        // allows other ones (issue 21); the list itself changes only in the cursor's cells.
        for y in 0..<(after.height - 1) { for x in 0..<after.width where after[x, y] != before[x, y] { changed += 1 } }
        #expect(changed > 0 && changed <= 48, "\(changed) cells changed")
        #expect(after[5, 3].role == .selection, "the id of the new row is lit")
        #expect(after[60, 3].role != .selection, "the rest of the row keeps its colours")
    }
}
