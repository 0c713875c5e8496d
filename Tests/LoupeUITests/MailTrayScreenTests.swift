import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// `:mail`, the unsorted tray: `f` makes a request of the selected message (its kind asked), `x` dismisses it (the
/// reason asked); rows that are not mail offer neither; `L` sets a request's language.
@Suite struct MailTrayScreenTests {
    func tray() -> RecordList {
        RecordList(
            title: "Unsorted mail · 2, oldest first",
            columns: [("#", 7), ("AGE", 5), ("WHY", 17), ("FROM", 26), ("SUBJECT", 34), ("TEXT", 0)],
            rows: [
                RecordList.Row(cells: ["12", "3d", "no clear request", "a••@example.org", "Question", "What do you keep"],
                               opens: nil, mail: 12),
                RecordList.Row(cells: ["13", "1h", "marked spam", "x••@spam.example", "You won", "Claim now"],
                               opens: nil, mail: 13),
            ])
    }

    @Test func colonMailOpensTheTrayAndFMakesARequestOfTheSelectedMessage() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char(":"))
        for character in "mail" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.screen.address == .records(.mail))
        #expect(harness.effectsSeen.contains(.loadRecords(.mail)))
        harness.send(.recordsLoaded(.mail, tray()))
        harness.press(.char("f"))
        #expect(harness.state.prompt?.draft == .fileMail(mail: 12))
        harness.press(.char("a"))
        #expect(harness.sortedMail.map(\.0) == [12] && harness.sortedMail.first?.1 == .file(.access))
        #expect(harness.state.message?.text.hasPrefix("Mail #12") == true)
        #expect(harness.effectsSeen.filter { $0 == .loadRecords(.mail) }.count == 2, "the tray is read again")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theTrayAndItsKindPromptAsGoldenScreens(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 3))
        harness.send(.showRecords(.mail))
        harness.send(.recordsLoaded(.mail, tray()))
        #expect(goldenMismatch(harness.screen, "mail-tray-\(width)x\(height)") == nil)
        harness.press(.char("f"))
        #expect(goldenMismatch(harness.screen, "mail-tray-file-\(width)x\(height)") == nil)
    }

    @Test func xDismissesWithTheReasonAskedAndEscChangesNothing() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.send(.showRecords(.mail))
        harness.send(.recordsLoaded(.mail, tray()))
        harness.press(.char("j"), .char("x"))
        #expect(harness.state.prompt?.draft == .dismissMail(mail: 13))
        harness.press(.escape)
        #expect(harness.sortedMail.isEmpty && harness.state.message?.text == "Nothing was changed.")
        harness.press(.char("x"), .char("s"))
        #expect(harness.sortedMail.first?.1 == .dismiss(.spam))
    }

    @Test func fAndXSayWhereTheyWorkOnOtherLists() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.send(.showRecords(.audit))
        harness.send(.recordsLoaded(.audit, RecordList(title: "Audit log", columns: [("#", 6), ("TARGET", 0)], rows: [
            RecordList.Row(cells: ["1", "PR-2026-000001"], opens: "PR-2026-000001"),
        ])))
        harness.press(.char("f"))
        #expect(harness.state.prompt == nil && harness.state.message?.text == "f files unsorted mail (:mail).")
        harness.press(.char("x"))
        #expect(harness.state.message?.text == "x dismisses unsorted mail (:mail).")
    }

    @Test func aRequestInAnotherLanguageSaysSoAndEnglishSaysNothing() {
        let rows = sampleQueue(count: 3)
        var harness = Harness(width: 120, height: 40, rows: rows)
        var german = RequestDetail(summary: rows[0], channel: .email)
        german.language = .german
        harness.details[rows[0].publicId] = german
        harness.press(.enter)
        #expect(harness.screen.contains("Language") && harness.screen.contains("Deutsch"))
        harness.press(.escape, .char("j"), .enter)
        #expect(!harness.screen.contains("Language"), "English, the default, takes no line")
    }

    @Test func lAsksTheLanguageOfTheOpenRequest() {
        let rows = sampleQueue(count: 3)
        var harness = Harness(rows: rows.map { var row = $0; row.assignee = "ava"; return row })
        harness.press(.enter)
        harness.press(.char("L"))
        #expect(harness.state.prompt?.draft == .language)
        harness.press(.char("d"))
        #expect(harness.fulfilled == [.setLanguage(.german)])
    }
}
