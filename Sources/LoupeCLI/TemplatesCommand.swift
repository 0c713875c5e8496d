import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe templates`: the text of each message to data subjects.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Message templates: list, show, edit (admins), reset (admins).",
        subcommands: [ListTemplates.self, ShowTemplate.self, EditTemplate.self, ResetTemplate.self])
}

extension MessageEvent: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct ListTemplates: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every template, shipped or edited.")

    @Option(help: ArgumentHelp("Only this language (en, de, es, fr).", valueName: "code")) var language: Language?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    struct Entry: Encodable {
        let name: String
        let language: String
        let subject: String
        let edited: Bool
        let placeholders: [String]
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let templates = try context.database.templates(in: language)
            if json {
                return try JSONOutput.print(templates.map {
                    Entry(name: $0.template.event.rawValue, language: $0.template.language.rawValue,
                          subject: $0.template.subject, edited: $0.edited != nil,
                          placeholders: $0.template.event.placeholders.map(\.rawValue))
                })
            }
            for stored in templates {
                let origin = stored.edited.map { "edited by \($0.by)" } ?? "shipped"
                let name = stored.template.event.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0)
                print(name + stored.template.language.rawValue + "  "
                      + origin.padding(toLength: 18, withPad: " ", startingAt: 0) + stored.template.subject)
            }
        }
    }
}

struct ShowTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A template as `edit --file` reads it, with the placeholders it may use.")

    @Argument(help: ArgumentHelp("The template's name.", valueName: "name")) var name: MessageEvent
    @Option(help: ArgumentHelp("The language (en, de, es, fr).", valueName: "code")) var language: Language = .english
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let stored = try context.database.template(name, in: language)
            print(ExternalEditor.document(subject: stored.template.subject, body: stored.template.body), terminator: "")
            FileHandle.standardError.write(Data("# placeholders: \(name.placeholders.map { "{{\($0.rawValue)}}" }.joined(separator: " "))\n".utf8))
        }
    }
}

struct EditTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Replace a template (admins): from --file, or in $EDITOR. An unknown placeholder is refused by name.")

    @Argument(help: ArgumentHelp("The template's name.", valueName: "name")) var name: MessageEvent
    @Option(help: ArgumentHelp("The language (en, de, es, fr).", valueName: "code")) var language: Language = .english
    @Option(help: ArgumentHelp("A file: `Subject: ...`, a blank line, the body.", valueName: "path")) var file: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let text: String
            if let file {
                guard let data = try Privilege.asUser({ FileManager.default.contents(atPath: file) }) else {
                    throw LoupeError(.invalidInput, "Could not read \(file); give a readable file to --file.")
                }
                text = String(decoding: data, as: UTF8.self)
            } else {
                guard isatty(0) == 1 else {
                    throw LoupeError(.invalidInput, "No terminal to edit in: give the new text with --file PATH (`loupe templates show \(name.rawValue)` prints the current one).")
                }
                let current = try context.database.template(name, in: language).template
                guard let edited = try ExternalEditor.edit(ExternalEditor.document(subject: current.subject, body: current.body)) else {
                    return print("Unchanged: \(name.rawValue) keeps its text.")
                }
                text = edited
            }
            let parts = try ExternalEditor.parse(text, source: file ?? "The edited template")
            try context.database.setTemplate(MessageTemplate(event: name, subject: parts.subject, body: parts.body,
                                                             language: language),
                                             actor: context.actor, at: context.now)
            print("Template \(name.rawValue) (\(language.name)) saved; messages queued from now on use it.")
        }
    }
}

struct ResetTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Go back to the shipped template (admins).")

    @Argument(help: ArgumentHelp("The template's name.", valueName: "name")) var name: MessageEvent
    @Option(help: ArgumentHelp("The language (en, de, es, fr).", valueName: "code")) var language: Language = .english
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.resetTemplate(name, in: language, actor: context.actor, at: context.now)
            print("Template \(name.rawValue) (\(language.name)) is the shipped one again.")
        }
    }
}
