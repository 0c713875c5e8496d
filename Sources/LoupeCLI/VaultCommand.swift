import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe vault`: the vault key, which seals what erasures retain and queued messages' addresses.
struct VaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Manage the vault key (`keys` is the console's key table).",
        subcommands: [VaultRotateCommand.self])
}

/// `loupe vault rotate`: a new vault key, every sealed value sealed again with it, in one transaction.
struct VaultRotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace the vault key and seal every sealed value again with the new one (admins only).",
        discussion: """
            The new key is written beside the old one (<database>.vault-key.next), every sealed value is opened and \
            sealed again in one transaction, then the new key replaces the old file; if Loupe is stopped in \
            between, the next open finishes or undoes the rotation. The list of erased people keeps its own key \
            (written to <database>.ledger-key by the first rotation). Back up the new key file afterwards. \
            Sessions that were open must be restarted before they seal anything. On a shared-host install the keys \
            are root's: an admin runs `sudo loupe vault rotate` (the audit names them, from sudo).
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CLIFailure.reporting {
            let path = database.resolvedPath
            if Privilege.isElevated, getuid() != 0 {
                throw LoupeError(.notAllowed, "On this install the keys are root's, so that no person owns them: run `sudo loupe vault rotate`.")
            }
            let opened = try AppDatabase.open(path: path, create: false, logger: LoupeLogging.logger())
            let actor = try getuid() == 0 ? ActorResolver.resolveSudoAdmin(in: opened)
                : ActorResolver.resolve(in: opened, actingAs: database.actingAs)
            let files = DatabaseFiles(path)
            let rotation = try opened.rotateVaultKey(files, actor: actor, at: Date())
            print("Rotated the vault key: \(rotation.resealed) sealed value\(rotation.resealed == 1 ? "" : "s") sealed again.")
            if rotation.wroteLedgerKey {
                print("The list of erased people keeps its key in \(files.ledgerKey); back it up with the vault key.")
            }
            print("Back up \(files.vaultKey) now: backups of the old key no longer open anything.")
        }
    }
}
