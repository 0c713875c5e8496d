import Foundation
import LoupeDomain

/// The shared-host permission model (README, Install on a shared host): the database, its -wal and -shm files
/// (SQLite gives them the database's mode) and its lock are read and written by their group, the `loupe` group
/// the installed binary runs as, and never by others; key files are group-readable; exports in custody are the
/// group's too (770/640). The directory's setgid bit gives new files the group. Modes are set exactly, whatever the
/// umask, when Loupe creates a file, and left alone after.
public enum SharedFileMode {
    /// Database, -wal, -shm, lock: rw-rw----.
    public static let database: mode_t = 0o660
    /// The vault key: rw-r-----.
    public static let vaultKey: mode_t = 0o640

    /// Opens `path` for reading and writing, creating it with exactly `mode` if it does not exist. Returns the
    /// descriptor, or -1 with `errno` set.
    package static func open(_ path: String, mode: mode_t, flags: Int32 = O_RDWR) -> Int32 {
        let created = Foundation.open(path, flags | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if created >= 0 {
            fchmod(created, mode)
            return created
        }
        guard errno == EEXIST, flags & O_EXCL == 0 else { return -1 }
        return Foundation.open(path, flags | O_CLOEXEC)
    }

    /// Creates a key file holding `contents`, exactly 640 and synced; `.conflict` when one exists already (a key
    /// is never overwritten), `.storage` when it cannot be written.
    public static func createKeyFile(_ path: String, contents: Data) throws {
        let fd = open(path, mode: vaultKey, flags: O_WRONLY | O_EXCL)
        guard fd >= 0 else {
            if errno == EEXIST { throw LoupeError(.conflict, "\(path) exists already.") }
            throw LoupeError(.storage, "Could not create the key file \(path) (\(String(cString: strerror(errno)))): check the directory's permissions.")
        }
        defer { close(fd) }
        let written = contents.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, contents.count) }
        guard written == contents.count, fsync(fd) == 0 else {
            unlink(path)
            throw LoupeError(.storage, "Could not write the key file \(path): is the disk full?")
        }
    }
}
