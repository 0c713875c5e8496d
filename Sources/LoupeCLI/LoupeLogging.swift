import Foundation
import Logging

/// How the command line logs: operational events (what ran, counts, durations; never a personal value) on
/// standard error, at the level `LOUPE_LOG` names (trace, debug, info, notice, warning, error; default warning).
/// The console logs nothing below critical while it owns the terminal.
enum LoupeLogging {
    /// Sends every logger to standard error at the configured level. Once per process, before any logger is made.
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["LOUPE_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// The logger handed to the store: the console's is silent below critical (its screen is the terminal).
    static func logger(console: Bool = false) -> Logger {
        var logger = Logger(label: "loupe")
        if console { logger.logLevel = .critical }
        return logger
    }
}
