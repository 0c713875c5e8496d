import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// Line editing: the shell's keys in every prompt, the filter line, the command line, the search and the form.
@Suite struct LineEditingTests {
    func typed(_ text: String, then keys: [Key]) -> LineEditor {
        var line = LineEditor()
        for character in text { _ = line.edit(.char(character)) }
        for key in keys { _ = line.edit(key) }
        return line
    }

    @Test func theShellKeysEditAroundTheCursor() {
        #expect(typed("hello world", then: [.ctrl("w")]).text == "hello ")
        #expect(typed("hello world", then: [.left, .left, .left, .left, .left, .ctrl("k")]).text == "hello ")
        #expect(typed("hello world", then: [.left, .left, .left, .left, .left, .ctrl("u")]).text == "world")
        #expect(typed("hello world", then: [.home, .char(">")]).text == ">hello world")
        #expect(typed("hello world", then: [.ctrl("a"), .delete, .ctrl("e"), .char("!")]).text == "ello world!")
        #expect(typed("hello", then: [.left, .backspace]).text == "helo")
        #expect(typed("hello", then: [.left, .left, .right, .char("-")]).text == "hell-o")
        #expect(typed("abc", then: [.home, .backspace, .end, .delete]).text == "abc", "nothing to delete at the ends")
        #expect(typed("a b  ", then: [.ctrl("w")]).text == "a ", "Ctrl-W takes the spaces before the word too")
    }

    @Test func theLimitHoldsAndTextSetFromOutsideLeavesTheCursorAtItsEnd() {
        var line = LineEditor("abc", limit: 4)
        for character in "xyz" { _ = line.edit(.char(character)) }
        #expect(line.text == "abcx")
        _ = line.edit(.home)
        line.text = "theme"
        #expect(line.cursor == 5, "text set from outside puts the cursor after it")
        line = LineEditor("ab")
        #expect(line.cursor == 2)
    }

    @Test func aPromptEditsTheMiddleOfItsTextAndShowsTheCursorThere() {
        var harness = Harness(rows: sampleQueue(count: 5))
        harness.press(.enter, .char("n"))
        for character in "called the customr" { harness.press(.char(character)) }
        harness.press(.left, .char("e"), .ctrl("a"), .char("I"), .char(" "))
        #expect(harness.state.prompt?.input == "I called the customer")
        let buffer = Renderer.render(harness.state)
        let row = (0..<buffer.height).first { y in (0..<buffer.width).contains { buffer[$0, y].text == ">" } }!
        #expect(buffer[5, row].role == .selection, "the cursor stands on the character after the typed one")
        harness.press(.ctrl("e"), .enter)
        #expect(harness.fulfilled.isEmpty && harness.state.prompt == nil)
    }

    @Test func theFilterLineAndCommandLineEditTooAndTabCyclesCompletions() {
        var harness = Harness(rows: sampleQueue(count: 5))
        harness.press(.char("/"))
        for character in "kind:erasure" { harness.press(.char(character)) }
        harness.press(.ctrl("u"))
        for character in "status:overdue" { harness.press(.char(character)) }
        #expect(harness.state.filterLine == "status:overdue")
        harness.press(.escape, .char(":"), .char("t"), .tab)
        #expect(harness.state.commandLine?.text == "tasks", "no common prefix: Tab shows the first completion")
        harness.press(.tab)
        #expect(harness.state.commandLine?.text == "theme ", "Tab again: the next")
        harness.press(.backTab)
        #expect(harness.state.commandLine?.text == "tasks", "Shift-Tab: back")
        harness.press(.ctrl("w"), .char("d"), .char("a"), .char("s"), .char("h"), .enter)
        #expect(harness.state.screen.address == .dashboard)
    }

    @Test func theCustomersSearchEditsInPlaceAndACursorMoveDoesNotSearchAgain() {
        var harness = Harness(rows: sampleQueue(count: 5))
        harness.press(.char(":"))
        for character in "customers" { harness.press(.char(character)) }
        harness.press(.enter)
        for character in "mller" { harness.press(.char(character)) }
        let searches = harness.effectsSeen.count
        harness.press(.left, .left, .left, .left)
        #expect(harness.effectsSeen.count == searches)
        harness.press(.char("ü"))
        #expect(harness.state.customers.query == "müller")
    }
}
