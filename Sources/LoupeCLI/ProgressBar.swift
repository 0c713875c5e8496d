import Foundation

/// A progress bar on stderr, shown only on a terminal and only once the work has taken over a second.
final class ProgressBar {
    private let label: String
    private let started = Date()
    private let enabled = isatty(2) == 1
    private var lastPercent = -1
    private var shown = false

    init(label: String) { self.label = label }

    /// Reports `fraction` (0 to 1) done.
    func update(_ fraction: Double) {
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        let percent = Int((fraction * 100).rounded(.down))
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
    }

    /// Ends the bar's line (if it was shown).
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data(String(format: "\n%@ took %.1f s\n", label, Date().timeIntervalSince(started)).utf8))
    }
}
