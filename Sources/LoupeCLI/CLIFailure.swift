import ArgumentParser
import Foundation
import LoupeDomain

/// Turns Loupe's errors into one line on stderr and a non-zero exit.
enum CLIFailure {
    /// Runs `body`, reporting a `LoupeError` as `loupe: message` and exiting with its code.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as LoupeError {
            printErr("loupe: \(error.description)")
            throw ExitCode(exitCode(for: error.code))
        }
    }

    /// Exit codes: 1 refused or invalid, 3 storage, 4 terminal; ArgumentParser uses 64 for usage errors.
    static func exitCode(for code: LoupeError.Code) -> Int32 {
        switch code {
        case .storage: 3
        case .terminal: 4
        default: 1
        }
    }
}

/// Writes a line to standard error.
func printErr(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
