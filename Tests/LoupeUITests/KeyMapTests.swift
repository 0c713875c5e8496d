import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in ScreenKind.allCases {
            let keys = KeyMap.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
    }

    @Test func theConventionalKeysAreBound() {
        let queueKeys = Set(KeyMap.bindings(in: .queue).flatMap(\.keys))
        for key: Key in [.char("j"), .char("k"), .down, .up, .char("g"), .char("G"), .ctrl("d"), .ctrl("u"),
                         .pageUp, .pageDown, .enter, .char("?"), .char("q"), .char("R"), .ctrl("l")] {
            #expect(queueKeys.contains(key), "\(key) on the queue")
        }
        #expect(Set(KeyMap.bindings(in: .request).flatMap(\.keys)).isSuperset(of: [.escape, .char("q")]))
    }

    @Test func noDestructiveOrQuittingActionSitsOnAnUnexpectedCtrlChord() {
        // Ctrl-C quits (the terminal convention); every other Ctrl chord only moves or redraws.
        for binding in KeyMap.bindings where binding.keys.contains(where: { if case .ctrl = $0 { true } else { false } }) {
            let state = AppState(width: 80, height: 24, now: uiNow, deadlines: DeadlinePolicy(), actor: ava)
            let action = binding.action(state)
            #expect([.quit, .redraw, .moveByPage(0.5), .moveByPage(-0.5)].contains(action), "\(binding.keyLabel)")
        }
    }
}
