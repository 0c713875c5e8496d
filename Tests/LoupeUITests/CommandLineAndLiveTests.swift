import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct CommandLineTests {
    func type(_ harness: inout Harness, _ text: String) {
        for character in text { harness.press(.char(character)) }
    }

    @Test func colonOpensTheLineTabCompletesAndEnterRuns() {
        var harness = Harness(rows: sampleQueue(count: 20))
        harness.press(.char(":"))
        #expect(harness.state.keyContext == .command)
        type(&harness, "da")
        harness.press(.tab)
        #expect(harness.state.commandLine?.text == "dash")
        #expect(harness.screen.split(separator: "\n").last?.hasPrefix(":dash█") == true)
        harness.press(.enter)
        #expect(harness.state.screen.address == .dashboard && harness.state.commandLine == nil)
        // History: Up brings back the last command.
        harness.press(.char(":"), .up)
        #expect(harness.state.commandLine?.text == "dash")
        harness.press(.escape)
        #expect(harness.state.commandLine == nil && harness.state.screen.address == .dashboard)
    }

    @Test func requestIdsThemesAndUnknownCommands() {
        let rows = sampleQueue(count: 20)
        var harness = Harness(rows: rows)
        harness.press(.char(":"))
        type(&harness, "request \(rows[3].publicId.split(separator: "-").last!)")
        harness.press(.enter)
        #expect(harness.state.screen.address == .request(rows[3].publicId), "a bare number is this year's request")
        harness.press(.char(":"))
        type(&harness, "theme l")
        harness.state.themeNames = ["default", "light", "monochrome"]
        harness.press(.tab)
        #expect(harness.state.commandLine?.text == "theme light")
        harness.press(.enter)
        #expect(harness.state.message?.text == "Theme light.")
        harness.press(.char(":"))
        type(&harness, "theme mauve")
        harness.press(.enter)
        #expect(harness.state.message?.isError == true)
        harness.press(.char(":"))
        type(&harness, "frobnicate")
        harness.press(.enter)
        #expect(harness.state.message?.text.hasPrefix("Unknown command :frobnicate") == true)
        harness.press(.char(":"))
        type(&harness, "queue")
        harness.press(.enter)
        #expect(harness.state.screens.map(\.address) == [.queue])
    }

    @Test func lettersTypedOnTheLineAreNotKeys() {
        var harness = Harness(rows: sampleQueue(count: 20))
        harness.press(.char(":"), .char("q"))
        #expect(harness.state.isRunning, "q on the command line is text, not quit")
        harness.press(.enter)
        #expect(!harness.state.isRunning, ":q quits")
    }
}

@Suite struct LiveRefreshTests {
    @Test func anotherAgentsChangeReloadsTheScreenKeepingTheSelection() {
        var rows = sampleQueue(count: 30)
        var harness = Harness(rows: rows)
        harness.press(.char("j"), .char("j"), .char("j"))
        let selected = harness.state.queue.selected!.id
        harness.send(.tick(uiNow.addingTimeInterval(1)))
        harness.effectsSeen = []
        harness.send(.tick(uiNow.addingTimeInterval(2)))
        #expect(harness.effectsSeen == [.checkForChanges], "no change: nothing is read but the stamp")
        // Someone else's change: a new urgent request lands at the top, and the stamp moves.
        var urgent = rows[29]
        urgent.id = 999
        urgent.publicId = "PR-2026-000999"
        urgent.priority = .urgent
        rows.insert(urgent, at: 0)
        harness.source.rows = rows
        harness.changeStamp = 2
        harness.send(.tick(uiNow.addingTimeInterval(3)))
        #expect(harness.state.queue.total == 31)
        #expect(harness.state.queue.selected?.id == selected, "the cursor stays on the same request though it moved down")
    }

    /// The stamp is read when the console starts, so a change made before the first tick is not missed.
    @Test func aChangeBeforeTheFirstTickIsSeen() {
        var rows = sampleQueue(count: 5)
        var harness = Harness(rows: rows)
        rows[0].assignee = "ben"
        harness.source.rows = rows
        harness.changeStamp = 2
        harness.send(.tick(uiNow.addingTimeInterval(1)))
        #expect(harness.state.queue.rows.first?.assignee == "ben")
    }

    @Test func zPausesLiveRefresh() {
        var harness = Harness(rows: sampleQueue(count: 10))
        harness.press(.char("Z"))
        harness.effectsSeen = []
        harness.send(.tick(uiNow.addingTimeInterval(5)))
        #expect(harness.effectsSeen.isEmpty)
        #expect(harness.screen.split(separator: "\n").last?.contains("paused (Z)") == true, "\(harness.screen)")
        harness.press(.char("Z"))
        #expect(harness.effectsSeen == [.checkForChanges])
    }
}

@Suite struct RevealAndReadOnlyTests {
    @Test func mRevealsTheOpenRequestUntilItIsLeft() {
        let rows = sampleQueue(count: 5)
        var harness = Harness(rows: rows)
        harness.details[rows[0].publicId] = RequestDetail(summary: rows[0], channel: .email, subjectName: "Jürgen Müller",
                                                           subjectPhone: "+49 151 2000 1234")
        harness.press(.enter)
        #expect(!harness.screen.contains("Jürgen Müller"))
        harness.press(.char("m"))
        #expect(harness.effectsSeen.contains(.recordReveal(publicId: rows[0].publicId)), "audited before it is shown")
        #expect(harness.screen.contains("Jürgen Müller") && harness.screen.contains(rows[0].subjectEmail!))
        harness.press(.escape, .enter)
        #expect(harness.state.revealed == nil && !harness.screen.contains("Jürgen Müller"), "masked again after leaving")
    }

    @Test func aReadOnlyConsoleHidesAndRefusesEveryWrite() {
        var rows = sampleQueue(count: 5)
        rows[0].status = .received
        rows[0].assignee = nil
        var harness = Harness(rows: rows)
        harness.state.isReadOnly = true
        #expect(!harness.screen.contains("a claim"))
        harness.effectsSeen = []
        harness.press(.char("a"))
        #expect(harness.effectsSeen.isEmpty)
        #expect(harness.state.message?.text.contains("Read-only") == true)
        harness.press(.char("?"))
        #expect(!harness.screen.contains("Assign to me"), "help lists no write key")
        #expect(Effect.perform(.claim, publicId: "x", expectedVersion: 1).writes && !Effect.loadDashboard.writes)
    }
}
