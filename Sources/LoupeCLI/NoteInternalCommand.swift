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

/// `loupe requests confirm-kind ID --kind K`: confirms (or changes) the kind an email request was given from its
/// words; work on it starts only after.
struct ConfirmKindRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-kind", abstract: "Confirm or change the kind an email request was given from its words.")

    @Argument(help: "The request id.") var id: String
    @Option(help: "access, rectification, erasure or consent-withdrawal.") var kind: RequestKind
    @OptionGroup var options: ActionOptions

    func run() throws {
        try CommandContext.run(options.database) { context in
            let detail = try context.database.confirmKind(
                publicId: id, kind: kind, actor: context.actor, at: context.now)
            if options.json { return try JSONOutput.print(RequestJSON(detail, now: context.now)) }
            print("\(id): a \(detail.summary.kind.rawValue) request, confirmed by \(context.actor.userName).")
        }
    }
}
