import Foundation
import Glibc

/// A pseudo-terminal whose far side is drained by a thread that counts the bytes: what the console writes for a
/// keystroke, measured as a terminal over SSH would receive it.
final class PseudoTerminal: @unchecked Sendable {
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>
    private let master: Int32
    private let lock = NSLock()
    private var received = 0
    /// The last 64 KiB the far side received, to look for text in.
    private var tail: [UInt8] = []
    /// The terminal's device, for a child process to open.
    let devicePath: String

    init(width: Int, height: Int) throws {
        // posix_openpt and friends are not imported into Swift here; on Linux they are /dev/ptmx plus two ioctls
        // (TIOCSPTLCK to unlock, TIOCGPTN for the number; their values on Linux).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            throw NSError(domain: "pty", code: 1)
        }
        let name = "/dev/pts/\(number)"
        devicePath = name
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0, let output = fdopen(slave, "w"), let input = fdopen(dup(slave), "r") else {
            throw NSError(domain: "pty", code: 2)
        }
        self.input = input
        self.output = output
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                lock.lock()
                received += count
                tail.append(contentsOf: buffer[0..<count])
                if tail.count > 65_536 { tail.removeFirst(tail.count - 65_536) }
                lock.unlock()
            }
        }
        thread.start()
    }

    /// Whether `text` is among the last bytes received.
    func hasReceived(_ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let needle = Array(text.utf8)
        guard tail.count >= needle.count else { return false }
        return (0...(tail.count - needle.count)).contains { tail[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// Forgets the bytes kept for `hasReceived`.
    func clearReceived() {
        lock.lock()
        tail.removeAll()
        lock.unlock()
    }

    /// Sends `text` as if typed at the terminal.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Bytes received once the answer to a key has started (more than `previous`, waiting up to a second) and the
    /// far side has then been quiet for `quiet` microseconds (everything the key caused, in however many writes).
    func settledBytes(after previous: Int, quiet: useconds_t = 3_000) -> Int {
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline {
            lock.lock()
            let now = received
            lock.unlock()
            if now > previous { break }
            usleep(200)
        }
        return settledBytes(quiet: quiet)
    }

    /// Bytes received so far, once the far side has been quiet for a few milliseconds.
    func settledBytes(quiet: useconds_t = 3_000) -> Int {
        var last = -1
        while true {
            lock.lock()
            let now = received
            lock.unlock()
            if now == last { return now }
            last = now
            usleep(quiet)
        }
    }
}
