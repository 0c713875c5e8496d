import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe requests note-internal NOTE --reason TEXT`: an admin keeps a staff note out of the subject's access
/// export (it stays on the request for staff); the reason is recorded with the note and the act audited.
struct NoteInternalRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note-internal",
        abstract: "Keep a note out of the subject's access export (admins; the reason is recorded).")

    @Argument(help: ArgumentHelp("The note's number, as `requests show` lists it (#12 or 12).", valueName: "note"))
    var note: String
    @Option(help: "Why the subject does not get this note (recorded with it).")
    var reason: String
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print the note as JSON.")
    var json = false

    func validate() throws {
        guard Int64(note.trimmingCharacters(in: ["#"])) != nil else {
            throw ValidationError("'\(note)' is not a note number: `loupe requests show ID` lists them as #12.")
        }
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let marked = try context.database.markNoteInternal(
                id: Int64(note.trimmingCharacters(in: ["#"]))!, reason: reason, actor: context.actor, at: context.now)
            if json { return try JSONOutput.print(marked) }
            print("Note #\(marked.id ?? 0) is internal: it stays on the request and out of the access export.")
        }
    }
}
