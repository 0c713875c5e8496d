import Foundation
import LoupeDomain

/// An exclusive advisory lock (`lockf`) on a side file, held while a process opens and migrates the database.
package final class FileLock {
    private let descriptor: Int32

    /// Blocks until the lock on `path` is held (the file is created with the database's mode if needed).
    package init(path: String) throws {
        descriptor = SharedFileMode.open(path, mode: SharedFileMode.database)
        guard descriptor >= 0 else {
            throw LoupeError(.storage, "Could not create the lock file \(path): check the directory's permissions.")
        }
        while lockf(descriptor, F_LOCK, 0) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            throw LoupeError(.storage, "Could not lock \(path).")
        }
    }

    /// Releases the lock.
    package func unlock() {
        _ = lockf(descriptor, F_ULOCK, 0)
        close(descriptor)
    }
}
