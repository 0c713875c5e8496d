import Crypto
import Foundation
import LoupeDomain

/// The P-256 key OpenDSR answers are signed with, in `<database>.opendsr-key` (640, like the vault key). It is
/// made by `loupe init`, or, for a database made before, just before the first OpenDSR request is answered; once
/// controllers hold signatures, a missing, unreadable or damaged key is an error naming what to restore, never
/// silently replaced.
public enum OpenDSRSigningKey {
    /// The key in `path`, made there when it is missing and `mayCreate`.
    public static func load(path: String, mayCreate: Bool) throws -> P256.Signing.PrivateKey {
        if FileManager.default.fileExists(atPath: path) {
            // The same reader as the vault key's: an unreadable file is one line with the system's reason.
            let data = try RetentionVault.readKeyFile(path, what: "OpenDSR signing key")
            do { return try P256.Signing.PrivateKey(rawRepresentation: data) } catch {
                throw LoupeError(.storage, "\(path) is not an OpenDSR signing key; restore it from your backup.", cause: error)
            }
        }
        guard mayCreate else {
            throw LoupeError(
                .storage,
                "The OpenDSR signing key \(path) is missing; restore it from your backup (controllers hold "
                    + "signatures made with it; only `loupe init` and `loupe demo` make one). Nothing was recorded.")
        }
        let key = P256.Signing.PrivateKey()
        try SharedFileMode.createKeyFile(path, contents: key.rawRepresentation)
        return key
    }
}
