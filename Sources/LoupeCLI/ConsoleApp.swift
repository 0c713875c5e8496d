import Foundation
import LoupeDomain
import LoupeStore
import LoupeTerminal
import LoupeUI

/// The console's loop: read a terminal event, reduce it, run the effects, draw the state.
enum ConsoleApp {
    /// Opens the console and runs it until the user quits or input ends. The terminal is restored on return.
    static func run(
        database: AppDatabase, actor: StaffMember, theme: Theme, exportsDirectory: String, readOnly: Bool = false,
        clock: @escaping () -> Date = Date.init
    ) throws {
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let deadlines = try database.deadlinePolicy()
        let terminal = try CursesTerminal(theme: theme, noColor: noColor)
        defer { terminal.stop() }
        var runner = EffectRunner(database: database, actor: actor, clock: clock, exportsDirectory: exportsDirectory)
        runner.isReadOnly = readOnly
        let size = terminal.size
        var state = AppState(width: size.width, height: size.height, now: clock(), deadlines: deadlines, actor: actor)
        state.isReadOnly = readOnly
        state.themeNames = Set(ThemeLoader.availableNames(environment: environment) + ["default", "monochrome"]).sorted()
        let term = environment["TERM"] ?? ""
        state.asciiCharts = term.hasPrefix("vt") || !(environment["LOUPE_ASCII"] ?? "").isEmpty
        state.policy = try database.policyVersions().last { $0.effectiveAt <= state.now }.map {
            PolicyInForce(version: $0.version, effective: $0.effectiveAt)
        }
        var pending = state.reduce(.start)
        var drawn: ScreenBuffer?
        while state.isRunning {
            while !pending.isEmpty {
                switch pending.removeFirst() {
                case .data(let effect):
                    pending += state.reduce(runner.run(effect))
                case .terminal(.quit):
                    return
                case .terminal(.redrawTerminal):
                    terminal.redrawAll()
                    drawn = nil
                case .terminal(.copyToClipboard(let text)):
                    terminal.copyToClipboard(text)
                case .terminal(.switchTheme(let name)):
                    do {
                        terminal.apply(theme: try ThemeLoader.load(name, environment: environment))
                        terminal.redrawAll()
                        drawn = nil
                        pending += state.reduce(.themeSwitched(name))
                    } catch let error as LoupeError {
                        pending += state.reduce(.failed(error))
                    }
                case .terminal(.writeReply(let publicId)):
                    let answer = runner.writeReply(publicId: publicId) { text in
                        try terminal.suspended { try ExternalEditor.edit(text) }
                    }
                    drawn = nil
                    pending += state.reduce(answer)
                case .terminal(.editMessage(let id, let publicId)):
                    let answer = runner.editMessage(id: id, publicId: publicId) { text in
                        try terminal.suspended { try ExternalEditor.edit(text) }
                    }
                    drawn = nil
                    pending += state.reduce(answer)
                }
            }
            let frame = Renderer.render(state)
            if frame != drawn {
                terminal.present(frame)
                drawn = frame
            }
            switch terminal.nextEvent(timeoutMilliseconds: 500) {
            case .key(let key):
                pending += state.press(key)
            case .resize(let width, let height):
                pending += state.reduce(.resized(width: width, height: height))
            case .idle:
                break
            case .end:
                return
            }
            let now = clock()
            // Every half second: the clock moves and live refresh looks for changes by others (seen within a second).
            if now.timeIntervalSince(state.now) >= 0.5 { pending += state.reduce(.tick(now)) }
        }
    }
}
