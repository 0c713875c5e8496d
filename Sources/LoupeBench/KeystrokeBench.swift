import Foundation
import LoupeDomain
import LoupeStore
import LoupeUI

/// Times the console's keystrokes in process: the reducer, the store reads its effects ask for, and the render
/// into a screen buffer (curses' write is measured on a pseudo-terminal by `ConsoleProcessBench`).
struct KeystrokeBench {
    let database: AppDatabase
    var state: AppState

    init(database: AppDatabase, now: Date) throws {
        self.database = database
        let actor = try database.staffMember(userName: "ava")!
        state = AppState(width: 100, height: 30, now: now, deadlines: try database.deadlinePolicy(), actor: actor)
        settle(state.reduce(.start))
    }

    private func answer(_ effect: Effect) throws -> Action? {
        // The reads that browsing causes; the bench presses no key that writes or touches the terminal.
        guard case .data(let read) = effect else { return nil }
        switch read {
        case .loadQueue(let query, let scope, let filter, let order):
            return .queueLoaded(
                try database.queuePage(query, scope: scope, filter: filter, order: order, actor: state.actor),
                scope: scope)
        case .loadRequest(let id): return .requestLoaded(try database.requestDetail(publicId: id, actor: state.actor))
        case .searchCustomers(let text):
            return .customersLoaded(try database.searchCustomers(text, actor: state.actor), query: text)
        case .loadCustomer(let id):
            return .customerLoaded(try database.customerDetail(publicId: id, actor: state.actor))
        case .checkForChanges: return .changesChecked(try database.changeStamp())
        default: return nil
        }
    }

    private mutating func settle(_ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            if let action = try? answer(pending.removeFirst()) { pending += state.reduce(action) }
        }
    }

    /// Presses `key`, runs its effects and renders; returns the milliseconds taken.
    mutating func press(_ key: Key) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        settle(state.press(key))
        _ = Renderer.render(state)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// One-row moves (down 100, up 100, and so on) and pages down, 1,000 keys in all.
    mutating func movesAndPages() -> (moves: [Double], pages: [Double]) {
        var moves: [Double] = []
        var pages: [Double] = []
        for step in 0..<1_000 {
            if step % 100 == 99 {
                pages.append(press(.pageDown))
            } else {
                moves.append(press(step % 200 < 100 ? .char("j") : .char("k")))
            }
        }
        return (moves, pages)
    }

    /// The words typed into customer search.
    static let searchWords = ["muller", "garcia", "nunez", "jds-10", "smith", "zhang"]

    /// Customer search, timed per typed character (each word typed, then erased).
    mutating func search() -> [Double] {
        settle(state.reduce(.showCustomers(query: "", editing: true)))
        var times: [Double] = []
        for word in Self.searchWords {
            for character in word { times.append(press(.char(character))) }
            for _ in word { _ = press(.backspace) }
        }
        return times
    }
}
