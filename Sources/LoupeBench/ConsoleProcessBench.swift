import Foundation

/// Drives the real `loupe` binary on a pseudo-terminal (100x30, xterm-256color), as an agent over SSH would:
/// the time from starting the process to its first frame, the bytes a one-row move and a page send, and the
/// process's resident memory after 1,000 keystrokes.
enum ConsoleProcessBench {
    struct Figures {
        var firstFrame: [Double] = []
        var moveBytes: [Double] = []
        var scrollBytes: [Double] = []
        var pageBytes: [Double] = []
        var residentMegabytes: [Double] = []
    }

    static func run(binary: String, database: String, starts: Int) throws -> Figures {
        var figures = Figures()
        for run in 1...starts {
            let pty = try PseudoTerminal(width: 100, height: 30)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["demo", "--db", database, "--as", "ava"]
            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm-256color"
            process.environment = environment
            let device = FileHandle(forUpdatingAtPath: pty.devicePath)
            process.standardInput = device
            process.standardOutput = device
            process.standardError = device
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            // The first frame is drawn once the queue's rows (their "PR-" ids) have arrived.
            while !pty.hasReceived("PR-") && process.isRunning { usleep(200) }
            figures.firstFrame.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            if run == starts { try measureKeys(pty: pty, process: process, into: &figures) }
            pty.type("q")
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? device?.close()
        }
        return figures
    }

    private static func measureKeys(pty: PseudoTerminal, process: Process, into figures: inout Figures) throws {
        _ = pty.settledBytes()
        func bytes(for key: String) -> Double {
            let before = pty.settledBytes()
            pty.type(key)
            return Double(pty.settledBytes(after: before, quiet: 50_000) - before)
        }
        // Moves inside the visible rows (the first 20 of about 25), then moves that scroll the list by a row.
        for _ in 0..<20 { figures.moveBytes.append(bytes(for: "j")) }
        for _ in 0..<10 { _ = bytes(for: "j") }
        for _ in 0..<20 { figures.scrollBytes.append(bytes(for: "j")) }
        for _ in 0..<5 { figures.pageBytes.append(bytes(for: "\u{1B}[6~")) }  // Page Down is ESC [ 6 ~
        for step in 0..<1_000 {
            pty.type(step % 200 < 100 ? "j" : "k")
            if step % 50 == 49 { _ = pty.settledBytes() }
        }
        _ = pty.settledBytes()
        figures.residentMegabytes.append(ImportBench.memoryMegabytes("VmRSS", of: "\(process.processIdentifier)"))
    }
}
