import CLoupeProcess
import Foundation
import LoupeDomain

/// A program Loupe starts with input to feed it (sendmail): it gets standard input, output (/dev/null) and error,
/// and no other descriptor, so it never holds the database, its log or a socket of Loupe's. Started from `/`,
/// with the user's own group (`Privilege.asUser`).
enum ChildProcess {
    /// What the program did: its exit status, and the first line it wrote on standard error.
    struct Outcome {
        var status: Int32
        var firstErrorLine: String
        /// Whether it read all of the input before closing its end.
        var readAll: Bool
    }

    /// Runs `program` with `arguments`, writes `input` to it and waits.
    static func run(_ program: String, arguments: [String], input: Data) throws -> Outcome {
        var inputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&inputPipe) == 0, pipe(&errorPipe) == 0 else {
            throw LoupeError(.storage, "Could not make a pipe: \(String(cString: strerror(errno))).")
        }
        // The parent's ends are not inherited by the child, nor by any other child started meanwhile.
        for descriptor in [inputPipe[1], errorPipe[0]] { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        var pid: Int32 = 0
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = try Privilege.asUser {
            loupe_spawn_with_pipes(program, argv, inputPipe[0], null, errorPipe[1], &pid)
        }
        let spawnError = errno
        close(inputPipe[0])
        close(errorPipe[1])
        close(null)
        guard spawned == 0 else {
            close(inputPipe[1])
            close(errorPipe[0])
            throw LoupeError(.configuration, "Could not run \(program): \(String(cString: strerror(spawnError))).")
        }
        var readAll = true
        input.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(inputPipe[1], raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    readAll = false  // EPIPE: it closed its input early
                    break
                }
                offset += written
            }
        }
        close(inputPipe[1])
        var errors = Data()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = read(errorPipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if errors.count < 16_384 { errors.append(contentsOf: buffer[0..<count]) }
        }
        close(errorPipe[0])
        let status = loupe_wait(pid)
        let line = String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        return Outcome(status: status, firstErrorLine: line ?? "", readAll: readAll)
    }
}
