import Foundation
import LoupeDomain
import LoupeStore
import LoupeTerminal
import LoupeUI

/// Times the console's keystrokes without a terminal: the reducer, the store reads its effects ask for, the render
/// into a screen buffer, and the diff of changed cells a terminal would be sent (curses' own write is not timed).
/// Also times customer search per typed character, and reports resident memory after 1,000 keystrokes.
enum KeystrokeBench {
    static func run(customers: Int, in directory: URL, now: Date) throws {
        let path = directory.appendingPathComponent("ui.sqlite").path
        let seeded = Date()
        try DemoSeeder.build(at: path, options: DemoOptions(customers: customers, now: now, operatorUser: "bench"))
        print(String(format: "seeded %d customers for the keystroke bench in %.1f s", customers, Date().timeIntervalSince(seeded)))
        let database = try AppDatabase.open(path: path, create: false)
        let actor = try database.staffMember(userName: "ava")!
        var state = AppState(width: 120, height: 40, now: now, deadlines: try database.deadlinePolicy(), actor: actor)
        var frame = ScreenBuffer(width: 120, height: 40)
        var cellsSent: [Int] = []

        func answer(_ effect: Effect) throws -> Action? {
            switch effect {
            case .loadQueue(let query, let scope, let filter, let order):
                return .queueLoaded(try database.queuePage(query, scope: scope, filter: filter, order: order), scope: scope)
            case .loadRequest(let id): return .requestLoaded(try database.requestDetail(publicId: id))
            case .searchCustomers(let text): return .customersLoaded(try database.searchCustomers(text), query: text)
            case .loadCustomer(let id): return .customerLoaded(try database.customerDetail(publicId: id))
            case .checkForChanges: return .changesChecked(try database.changeStamp())
            default: return nil
            }
        }
        func press(_ key: Key) throws -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            var pending = state.press(key)
            while !pending.isEmpty {
                if let action = try answer(pending.removeFirst()) { pending += state.reduce(action) }
            }
            let next = Renderer.render(state)
            var changed = 0
            for y in 0..<next.height { for x in 0..<next.width where next[x, y] != frame[x, y] { changed += 1 } }
            frame = next
            cellsSent.append(changed)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }

        var pending = state.reduce(.start)
        while !pending.isEmpty { if let action = try answer(pending.removeFirst()) { pending += state.reduce(action) } }
        frame = Renderer.render(state)
        var moves: [Double] = []
        var pages: [Double] = []
        for step in 0..<1_000 {
            if step % 100 == 99 {
                pages.append(try press(.pageDown))
            } else {
                moves.append(try press(step % 200 < 100 ? .char("j") : .char("k")))
            }
        }
        let oneRowCells = cellsSent.sorted()[cellsSent.count / 2]
        report("keystroke: move one row (update + reads + render + diff)", moves)
        report("keystroke: page down", pages)
        print(String(format: "cells changed by a one-row move: median %d; resident memory after 1,000 keystrokes: %.0f MB",
                     oneRowCells, ImportBench.peakResidentMegabytes()))
        _ = state.reduce(.showCustomers(query: "", editing: true))
        var search: [Double] = []
        for word in ["muller", "garcia", "nunez", "jds-10", "smith", "zhang"] {
            for character in word { search.append(try press(.char(character))) }
            for _ in word { _ = try press(.backspace) }
        }
        report("customer search, per typed character", search)
        try presentOnPseudoTerminal(state: state, answer: answer)
    }

    /// Presents frames through curses to a pseudo-terminal: the time `present` takes and the bytes a one-row move
    /// and a page send (what an SSH link carries).
    private static func presentOnPseudoTerminal(state initial: AppState, answer: (Effect) throws -> Action?) throws {
        let pty = try PseudoTerminal(width: 120, height: 40)
        let terminal = try CursesTerminal(theme: .builtInDefault, noColor: false, term: "xterm-256color", input: pty.input, output: pty.output)
        defer { terminal.stop() }
        var state = initial
        _ = state.reduce(.back)
        var pending = state.reduce(.start)
        while !pending.isEmpty { if let action = try answer(pending.removeFirst()) { pending += state.reduce(action) } }
        terminal.present(Renderer.render(state))
        var times: [Double] = []
        var moveBytes: [Int] = []
        var pageBytes: [Int] = []
        for step in 0..<300 {
            let key: Key = step % 50 == 49 ? .pageDown : .char("j")
            pending = state.press(key)
            while !pending.isEmpty { if let action = try answer(pending.removeFirst()) { pending += state.reduce(action) } }
            let frame = Renderer.render(state)
            let before = pty.settledBytes()
            let start = DispatchTime.now().uptimeNanoseconds
            terminal.present(frame)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            let sent = pty.settledBytes() - before
            if key == .pageDown { pageBytes.append(sent) } else { moveBytes.append(sent) }
        }
        report("present through curses to a pseudo-terminal", times)
        let moves = moveBytes.sorted()
        let pages = pageBytes.sorted()
        print("bytes sent to the terminal: one-row move median \(moves[moves.count / 2]) (max \(moves.last!)), page median \(pages[pages.count / 2])")
    }

    static func report(_ name: String, _ samples: [Double]) {
        print(String(format: "%-56@ n=%-4d p50 %7.2f ms   p99 %7.2f ms", name as NSString, samples.count,
                     percentile(samples, 0.5), percentile(samples, 0.99)))
    }
}
