import Crypto
import Foundation
import LoupeDomain

/// Seals the personal values an erasure must keep for the law (the billing name and address on invoices), so
/// they no longer appear in the database: AES-GCM with a key kept outside it, in `<database>.vault-key`
/// (owner-only). Only someone holding that file can open a sealed value, e.g. for a tax audit.
public struct RetentionVault: Sendable {
    private let keyBytes: Data
    /// The suppression ledger's own key, once a rotation has written it to its file (nil: derived from this key).
    private let ledgerKeyBytes: Data?
    static let prefix = "sealed:v1:"
    private static let ledgerLabel = "loupe suppression ledger v1"

    /// A vault with a key that lives only in memory (tests, in-memory databases).
    public static func ephemeral() -> RetentionVault { RetentionVault(key: SymmetricKey(size: .bits256)) }

    init(key: SymmetricKey, ledgerKey: Data? = nil) {
        keyBytes = key.withUnsafeBytes { Data($0) }
        ledgerKeyBytes = ledgerKey
        fingerprint = HMAC<SHA256>.authenticationCode(for: Data("loupe vault fingerprint".utf8), using: key)
            .prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// The key of the suppression ledger's digests. It must outlive vault key rotations (the digests cannot be
    /// recomputed: the identifiers are gone), so the first rotation writes it to its own file.
    var ledgerKey: SymmetricKey {
        ledgerKeyBytes.map { SymmetricKey(data: $0) } ?? derivedKey(Self.ledgerLabel)
    }

    /// The ledger key's bytes, for writing it to its own file before a rotation.
    var ledgerKeyData: Data { ledgerKey.withUnsafeBytes { Data($0) } }

    /// A public fingerprint of the key (an HMAC of a fixed label, 16 hex digits), kept in the database so that a
    /// key file replaced by another valid key is told apart from the right one.
    /// Computed once: every queued message checks it against the database's.
    let fingerprint: String

    /// The same vault with a new key (a rotation), keeping the ledger's key.
    func rotated() -> RetentionVault {
        RetentionVault(key: SymmetricKey(size: .bits256), ledgerKey: ledgerKeyData)
    }

    /// The key as it is written to its file: base64 and a newline.
    var fileText: String { keyBytes.base64EncodedString() + "\n" }

    /// The vault of a database's files: its key file and, after a rotation, the ledger's key file.
    public static func load(_ files: DatabaseFiles, create: Bool = false) throws -> RetentionVault {
        let vault = try load(keyPath: files.vaultKey, create: create)
        guard FileManager.default.fileExists(atPath: files.ledgerKey) else { return vault }
        let ledger = try readKey(files.ledgerKey, what: "suppression ledger key")
        return RetentionVault(key: vault.key, ledgerKey: ledger)
    }

    /// The vault whose key is in the file at `keyPath`. The key is made only with a new database (`create`);
    /// for an existing one a missing, unreadable or damaged key is an error that says what to restore, never a
    /// silent new key (the sealed invoices and the list of erased people would no longer match it).
    public static func load(keyPath: String, create: Bool = false) throws -> RetentionVault {
        if FileManager.default.fileExists(atPath: keyPath) {
            return RetentionVault(key: SymmetricKey(data: try readKey(keyPath, what: "vault key")))
        }
        guard create else {
            throw LoupeError(.storage, "The vault key \(keyPath) is missing; restore it from your backup. It seals the invoices erasures keep and keys the list of erased people, so Loupe does not make a new one for an existing database.")
        }
        let vault = RetentionVault(key: SymmetricKey(size: .bits256))
        do {
            try writeKeyFile(keyPath, text: vault.fileText)
        } catch let error as LoupeError where error.code == .conflict {
            return try load(keyPath: keyPath, create: false)  // another process created it first: use theirs
        }
        return vault
    }

    /// Writes a new key file (exactly 640, synced); `.conflict` when one exists already.
    static func writeKeyFile(_ path: String, text: String) throws {
        try SharedFileMode.createKeyFile(path, contents: Data(text.utf8))
    }

    /// The 32 bytes of a base64 key file, or an error naming the file and what to restore.
    private static func readKey(_ path: String, what: String) throws -> Data {
        let data = try readKeyFile(path, what: what)
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), raw.count == 32 else {
            throw LoupeError(.storage, "\(path) is not a Loupe \(what); restore it from your backup.")
        }
        return raw
    }

    /// A key for another purpose (`label`), derived from the vault key with HKDF-SHA256: it lives outside the
    /// database as the vault key does, and can be re-derived only by someone holding that file.
    public func derivedKey(_ label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(label.utf8), outputByteCount: 32)
    }

    /// The bytes of a key file, or an error with the system's reason (permission denied, a folder in its place).
    static func readKeyFile(_ path: String, what: String) throws -> Data {
        let fd = Foundation.open(path, O_RDONLY)
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = fd < 0 ? -1 : read(fd, &buffer, buffer.count)
        let reason = String(cString: strerror(errno))
        if fd >= 0 { close(fd) }
        guard count >= 0 else {
            throw LoupeError(.storage, "Cannot read the \(what) \(path) (\(reason)): it must be readable by Loupe (loupe doctor shows the mode to set).")
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
