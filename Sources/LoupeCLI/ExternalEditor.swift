import CLoupeProcess
import Foundation
import LoupeDomain

/// Opens text in the user's editor ($VISUAL, then $EDITOR, then vi) and returns it as saved. The temporary file
/// is owner-only in a private folder and removed afterwards, since a message or template may name a customer.
enum ExternalEditor {
    /// The edited text, or nil when the editor failed or the file was left unchanged. The file and the editor
    /// are the user's: the installed binary's group privilege is given up around them.
    static func edit(_ text: String, suffix: String = ".txt",
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        try Privilege.asUser { try editAsUser(text, suffix: suffix, environment: environment) }
    }

    private static func editAsUser(_ text: String, suffix: String, environment: [String: String]) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("message\(suffix)")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw LoupeError(.storage, "Could not write a temporary file in \(folder.path).")
        }
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // The editor setting may carry arguments (`code --wait`): the shell splits it; the file is passed as $1.
        // It runs in the terminal's foreground process group (vi reads the terminal; in a group of its own, as
        // Foundation's Process would start it, its first read stops it and it exits 1).
        let arguments = ["sh", "-c", "\(editor) \"$1\"", "loupe-editor", file.path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = loupe_run_in_foreground("/bin/sh", &argv)
        guard status >= 0 else {
            throw LoupeError(.configuration, "Could not start the editor '\(editor)' (\(String(cString: strerror(errno)))); set EDITOR to one you have.")
        }
        guard status == 0 else {
            throw LoupeError(.configuration, "The editor '\(editor)' exited with status \(status); nothing was changed.")
        }
        let edited = try String(contentsOf: file, encoding: .utf8)
        return edited == text ? nil : edited
    }

    /// `Subject: ...`, a blank line, then the body: how messages and templates are edited as one file.
    static func document(subject: String, body: String) -> String { "Subject: \(subject)\n\n\(body)\n" }

    /// Splits an edited document back into subject and body; the error says what the file must look like.
    static func parse(_ text: String, source: String) throws -> (subject: String, body: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalized.hasPrefix("Subject:"), let split = normalized.range(of: "\n\n") else {
            throw LoupeError(.invalidInput, "\(source) must start with a `Subject: ...` line, then a blank line, then the body.")
        }
        let subject = normalized[normalized.index(normalized.startIndex, offsetBy: 8)..<split.lowerBound]
            .trimmingCharacters(in: .whitespaces)
        let body = String(normalized[split.upperBound...]).trimmingCharacters(in: .newlines)
        return (subject, body)
    }
}
