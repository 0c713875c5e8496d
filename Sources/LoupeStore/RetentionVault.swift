import Crypto
import Foundation
import LoupeDomain

/// Seals the personal values an erasure must keep for the law (the billing name and address on invoices), so
/// they no longer appear in the database: AES-GCM with a key kept outside it, in `<database>.vault-key`
/// (owner-only). Only someone holding that file can open a sealed value, e.g. for a tax audit.
public struct RetentionVault: Sendable {
    private let keyBytes: Data
    private static let prefix = "sealed:v1:"

    /// A vault with a key that lives only in memory (tests, in-memory databases).
    public static func ephemeral() -> RetentionVault { RetentionVault(key: SymmetricKey(size: .bits256)) }

    private init(key: SymmetricKey) { keyBytes = key.withUnsafeBytes { Data($0) } }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// The vault whose key is in the file at `keyPath`. The key is made only with a new database (`create`);
    /// for an existing one a missing, unreadable or damaged key is an error that says what to restore, never a
    /// silent new key (the sealed invoices and the list of erased people would no longer match it).
    public static func load(keyPath: String, create: Bool = false) throws -> RetentionVault {
        if FileManager.default.fileExists(atPath: keyPath) {
            let data = try readKeyFile(keyPath)
            guard let raw = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                  raw.count == 32
            else {
                throw LoupeError(.storage, "\(keyPath) is not a Loupe vault key; restore it from your backup.")
            }
            return RetentionVault(key: SymmetricKey(data: raw))
        }
        guard create else {
            throw LoupeError(.storage, "The vault key \(keyPath) is missing; restore it from your backup. It seals the invoices erasures keep and keys the list of erased people, so Loupe does not make a new one for an existing database.")
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        let fd = SharedFileMode.open(keyPath, mode: SharedFileMode.vaultKey, flags: O_WRONLY | O_EXCL)
        guard fd >= 0 else {
            // Another process created it first: use theirs.
            if errno == EEXIST { return try load(keyPath: keyPath, create: false) }
            throw LoupeError(.storage, "Could not create the vault key \(keyPath): check the directory's permissions.")
        }
        defer { close(fd) }
        let written = text.utf8CString.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count, fsync(fd) == 0 else {
            throw LoupeError(.storage, "Could not write the vault key \(keyPath).")
        }
        return RetentionVault(key: key)
    }

    /// A key for another purpose (`label`), derived from the vault key with HKDF-SHA256: it lives outside the
    /// database as the vault key does, and can be re-derived only by someone holding that file.
    public func derivedKey(_ label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(label.utf8), outputByteCount: 32)
    }

    /// The bytes of a key file, or an error with the system's reason (permission denied, a folder in its place).
    private static func readKeyFile(_ path: String) throws -> Data {
        let fd = Foundation.open(path, O_RDONLY)
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = fd < 0 ? -1 : read(fd, &buffer, buffer.count)
        let reason = String(cString: strerror(errno))
        if fd >= 0 { close(fd) }
        guard count >= 0 else {
            throw LoupeError(.storage, "Cannot read the vault key \(path) (\(reason)): it must be readable by Loupe (loupe doctor shows the mode to set).")
        }
        return Data(buffer.prefix(count))
    }

    /// `text` sealed as `sealed:v1:<base64>`.
    public func seal(_ text: String) throws -> String {
        let box = try AES.GCM.seal(Data(text.utf8), using: key)
        return Self.prefix + box.combined!.base64EncodedString()
    }

    /// The text inside a sealed value.
    public func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count))) else {
            throw LoupeError(.invalidInput, "This value is not sealed by Loupe.")
        }
        do {
            return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key), as: UTF8.self)
        } catch {
            throw LoupeError(.configuration, "This value was sealed with another vault key.", cause: error)
        }
    }
}
