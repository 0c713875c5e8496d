@testable import LoupeUI
import Testing

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisiblePictures() {
        #expect(TerminalText.inert("a\u{1B}[31mb") == "a␛[31mb")
        #expect(TerminalText.inert("bell\u{07}\u{7F}") == "bell␇␡")
        #expect(TerminalText.inert("line\nbreak\r") == "line␊break␍")
        #expect(TerminalText.inert("c1\u{9B}31m") == "c1\u{FFFD}31m")
    }

    @Test func bidiAndZeroWidthCharactersAreShown() {
        #expect(TerminalText.inert("\u{202E}abc\u{202C}") == "\u{FFFD}abc\u{FFFD}")
        #expect(TerminalText.inert("a\u{200B}b\u{FEFF}") == "a\u{FFFD}b\u{FFFD}")
        #expect(TerminalText.inert("a\u{200D}b") == "a\u{FFFD}b", "a joiner outside an emoji sequence")
    }

    @Test func emojiSequencesKeepTheirJoiners() {
        let family = "👩‍👩‍👧"
        #expect(TerminalText.inert(family) == family)
        #expect(TerminalText.width(family) == 2)
    }

    @Test(arguments: [
        ("abc", 3), ("Müller", 6), ("e\u{301}", 1), ("王芳", 4), ("김민준", 6), ("🇩🇪", 2), ("❤️", 2), ("Ελένη", 5),
        ("ｆｕｌｌ", 8),
    ])
    func widthIsMeasuredPerGrapheme(text: String, width: Int) {
        #expect(TerminalText.width(text) == width)
    }

    @Test func truncationNeverSplitsAWideCharacterAndEndsWithAnEllipsis() {
        #expect(TerminalText.truncate("王秀英王秀英", to: 5) == "王秀…")
        #expect(TerminalText.truncate("abcdef", to: 4) == "abc…")
        #expect(TerminalText.truncate("abc", to: 3) == "abc")
    }

    @Test func aLeadingCombiningMarkGetsABase() {
        #expect(TerminalText.inert("\u{301}x") == "\u{25CC}\u{301}x")
    }

    @Test func writingOverHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("王王王", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.plainText == " x王王")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.plainText == " xy 王")
    }
}
