import Foundation

/// The floor: the plainest SQL for the same data, run by the `sqlite3` shell on the same file and timed by the
/// shell's own `.timer` (user + system CPU of each statement, in microseconds; results go to /dev/null).
enum ShellFloor {
    /// Runs each operation (one or more statements) in one shell and returns its times in milliseconds.
    static func times(path: String, operations: [[String]]) throws -> [Double] {
        let script = ([".timeout 60000", ".timer on", ".output /dev/null"] + operations.flatMap { $0 }).joined(separator: "\n") + "\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(script.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "sqlite3 shell", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "the sqlite3 shell failed on the floor script"])
        }
        // "Run Time: real 0.001 user 0.000812 sys 0.000000"
        let statementTimes: [Double] = text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard line.hasPrefix("Run Time:"), let user = words.firstIndex(of: "user"), let sys = words.firstIndex(of: "sys"),
                  let userSeconds = Double(words[user + 1]), let sysSeconds = Double(words[sys + 1]) else { return nil }
            return (userSeconds + sysSeconds) * 1000
        }
        var times: [Double] = []
        var next = 0
        for operation in operations {
            let count = operation.filter { !$0.hasPrefix(".") }.count
            guard next + count <= statementTimes.count else { break }
            times.append(statementTimes[next..<next + count].reduce(0, +))
            next += count
        }
        return times
    }

    /// `text` as an SQL string literal.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
