import Foundation
import LoupeCLI

// A crash must never leave the terminal waiting: Swift's backtracer asks questions on a tty unless told not to,
// and it reads SWIFT_BACKTRACE only at start, so set it and start again (once) before anything else runs.
if ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil {
    setenv("SWIFT_BACKTRACE", "interactive=no", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
}
LoupeCommand.prepareProcess()
LoupeCommand.main()
