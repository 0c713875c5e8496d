import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe ropa`: the record of processing activities (GDPR Art. 30).
struct RopaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ropa",
        abstract: "Write the record of processing activities: categories, purposes, retention, processors, disclosures."
    )

    @Flag(help: "Markdown (the default).") var markdown = false
    @Flag(help: "JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if markdown && json { throw ValidationError("Give --markdown or --json, not both.") }
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let record = try context.database.recordOfProcessing()
            if json { return try JSONOutput.print(record) }
            print(record.markdown, terminator: "")
        }
    }
}

/// `loupe processors …`: the shop's processors, with their agreements.
struct ProcessorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "processors", abstract: "Keep the list of processors (couriers, payment providers, hosts).",
        subcommands: [AddProcessor.self, ListProcessors.self])
}

struct AddProcessor: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a processor (admins).")

    @Argument(help: "Its name.") var name: String
    @Option(help: "courier, payment-provider, hosting or email.") var kind: String
    @Option(help: "Who to write to there.") var contact: String
    @Option(help: "What it does with the data.") var purpose: String
    @Option(help: "The day the data-processing agreement was signed (YYYY-MM-DD).") var agreement: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let kind = Processor.Kind(rawValue: kind) else {
            throw ValidationError(
                "--kind \(kind) is not one of: "
                    + Processor.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        try CommandContext.run(database) { context in
            try context.database.addProcessor(
                Processor(name: name, kind: kind, contact: contact, purpose: purpose, agreementDate: agreement),
                actor: context.actor, at: context.now)
            print("\(name) added to the processors.")
        }
    }
}

struct ListProcessors: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the processors.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let processors = try context.database.processors()
            if json { return try JSONOutput.print(processors) }
            if processors.isEmpty { print("No processors listed; add them with `loupe processors add`.") }
            for processor in processors {
                print(
                    "\(TextRules.inert(processor.name))  \(processor.kind.rawValue)  "
                        + "agreement \(processor.agreementDate)  "
                        + "\(TextRules.inert(processor.contact))  \(TextRules.inert(processor.purpose))")
            }
        }
    }
}
