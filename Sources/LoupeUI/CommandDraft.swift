import LoupeDomain

/// A lifecycle command being put together in a prompt: which request, at which version, and what has been
/// answered so far. When every answer is in, it becomes a `RequestCommand`.
public enum CommandDraft: Equatable, Sendable {
    case verify(method: VerificationMethod?)
    case note
    /// Extend the deadline: by how many months, why (the subject is told), then a confirmation.
    case extend(months: Int?, reason: String?)
    /// Give the request back to the queue (asks first).
    case release
    /// Close the request as done (asks first: it may tell the subject); `withExport` writes an access request's
    /// export first, when it has none yet.
    case complete(withExport: Bool)
    /// Write the access export to the custody folder (asks first: it copies personal data).
    case export
    /// Which queued message `o` edits, when more than one waits.
    case pickMessage
    /// Which message of the conversation `T` opens (the last nine, by their number on the screen).
    case pickConversation(count: Int)
    /// The code the requester gave back, typed by the agent.
    case verificationCode
    /// The kind an email request really asks for (its words only suggested one).
    case confirmKind
    /// The kind of request to make of unsorted mail `mail`.
    case fileMail(mail: Int64)
    /// Why unsorted mail `mail` is not a request.
    case dismissMail(mail: Int64)
    /// The language the request is answered in.
    case language
    /// Hand the request to a staff member: their user name (typed, Tab completes), then a confirmation.
    case reassign(to: String?)
    case approve
    case reject(reason: String?)
    case cancel(reason: String?)
    case proposeErasure
    /// Corrections typed in the console (`edits`), the field being typed (`field`), and whether the user went on
    /// to the before → after preview (`ready`).
    case rectify(edits: [CorrectableField: String], field: CorrectableField?, ready: Bool)
    case withdrawConsent(purposes: [ConsentPurpose]?)
    case flagMinor(reason: String?, guardian: String?)
    /// Close a notice task: which one (index into the open tasks), then confirmed or impossible (with a reason).
    case closeTask(index: Int?, impossible: Bool?)
}

/// The prompt on top of the screen: a choice, a line of text, or a confirmation with Cancel focused.
public struct PromptState: Equatable, Sendable {
    /// The request the command is for.
    public var publicId: String
    /// The version the user saw; a stale one is refused by the store.
    public var version: Int
    public var draft: CommandDraft
    /// The line being typed, with its cursor.
    public var line = LineEditor(limit: TextRules.maxLength)
    /// The text typed so far.
    public var input: String {
        get { line.text }
        set { line.text = newValue }
    }
    /// On a confirmation: whether the confirm button (not Cancel) has the focus. Cancel is focused first.
    public var isConfirmFocused = false
    /// What the confirmation will do, line by line (erasure plan, before and after); nil while it is read.
    public var preview: [String]?
    /// The request's open notice tasks, when closing one.
    public var openTasks: [ProcessorTask] = []
    /// The request's queued messages, when picking one to edit.
    public var queuedMessages: [OutboxMessage] = []
    /// The active staff, when reassigning (nil while they are read).
    public var staff: [StaffMember]?

    /// Whether this prompt shows a preview read from the store before it can be confirmed.
    public var needsPreview: Bool {
        switch draft {
        case .proposeErasure, .approve, .rectify(_, _, true): true
        default: false
        }
    }

    /// Makes a prompt for `draft` on a request.
    public init(publicId: String, version: Int, draft: CommandDraft) {
        self.publicId = publicId
        self.version = version
        self.draft = draft
    }

    /// What the prompt asks for now.
    public enum Stage: Equatable, Sendable {
        case choice([(key: Character, label: String)])
        case text(optional: Bool)
        case confirm(verb: String)

        public static func == (lhs: Stage, rhs: Stage) -> Bool {
            switch (lhs, rhs) {
            case let (.choice(a), .choice(b)): a.map(\.key) == b.map(\.key) && a.map(\.label) == b.map(\.label)
            case let (.text(a), .text(b)): a == b
            case let (.confirm(a), .confirm(b)): a == b
            default: false
            }
        }
    }

    /// The question and the kind of answer expected at this stage.
    public var question: (title: String, stage: Stage) {
        switch draft {
        case .verify(nil):
            ("How was the requester's identity verified?",
             .choice([("e", "email on file matches"), ("o", "knew an order's details"), ("d", "document seen"),
                      ("c", "send a code to the address on file"), ("k", "type the code they gave")]))
        case .verificationCode:
            ("The six-digit code the requester gave back", .text(optional: false))
        case .confirmKind:
            ("What does \(publicId) ask for? (its words suggested one; pick it or another)",
             .choice([("a", "access"), ("r", "rectification"), ("e", "erasure"), ("c", "consent withdrawal")]))
        case .fileMail(let mail):
            ("Mail #\(mail) asks for (due a month from its receipt):",
             .choice([("a", "access"), ("r", "rectification"), ("e", "erasure"), ("c", "consent withdrawal")]))
        case .dismissMail(let mail):
            ("Dismiss mail #\(mail) as not a request, because it is",
             .choice([("s", "spam"), ("n", "a newsletter"), ("f", "not for us"), ("o", "other")]))
        case .language:
            ("Answer \(publicId) in which language from now on?",
             .choice([("e", "English"), ("d", "Deutsch"), ("s", "Español"), ("f", "Français")]))
        case .verify:
            ("Note on the check (optional), Enter to save", .text(optional: true))
        case .note:
            ("Note for \(publicId)", .text(optional: false))
        case .extend(nil, _):
            ("Extend the deadline of \(publicId) by", .choice([("1", "one month"), ("2", "two months")]))
        case .extend(_, nil):
            ("Why is more time needed? (the subject is told)", .text(optional: false))
        case .extend(let months?, _?):
            ("Extend \(publicId) by \(months == 1 ? "one month" : "two months")? A request is extended once only.",
             .confirm(verb: "Extend"))
        case .release:
            ("Release \(publicId)? It goes back to the queue, unassigned.", .confirm(verb: "Release"))
        case .complete(let withExport):
            ("Complete \(publicId)? This closes it\(withExport ? ", after writing the access export" : "").",
             .confirm(verb: withExport ? "Export and complete" : "Complete"))
        case .export:
            ("Export the subject's data for \(publicId)?", .confirm(verb: "Export"))
        case .reassign(nil):
            ("Reassign \(publicId) to (a user name; Tab completes)", .text(optional: false))
        case .reassign(let name?):
            ("Reassign \(publicId) to \(name)\(staff?.first { $0.userName == name }.map { " (\($0.displayName))" } ?? "")?",
             .confirm(verb: "Reassign"))
        case .pickMessage:
            ("Edit which message waiting to go to the subject?", .choice(queuedMessages.prefix(9).enumerated().map {
                (Character(String($0.offset + 1)), "#\($0.element.id) \($0.element.event.rawValue)")
            }))
        case .pickConversation(let count):
            ("Open which message of the conversation?", .choice(CommandDraft.conversationChoices(count: count).map {
                (Character(String($0.key)), "\($0.number)")
            }))
        case .approve:
            ("Approve the erasure of \(publicId)?", .confirm(verb: "Approve"))
        case .reject(nil):
            ("Why is \(publicId) rejected? (the subject is told)", .text(optional: false))
        case .reject:
            ("Reject \(publicId)? This closes it.", .confirm(verb: "Reject"))
        case .cancel(nil):
            ("Why is \(publicId) cancelled?", .text(optional: false))
        case .cancel:
            ("Cancel \(publicId)? This closes it.", .confirm(verb: "Cancel request"))
        case .proposeErasure:
            ("Propose this erasure of \(publicId)? A supervisor who is not you approves it.", .confirm(verb: "Propose"))
        case .rectify(let edits, nil, false):
            ("Correct a field of \(publicId)\(edits.isEmpty ? "" : " (\(edits.count) typed)"), or g to see before → after",
             .choice(Self.correctableKeys.map { ($0.key, $0.field.rawValue) } + [("g", "go on")]))
        case .rectify(_, let field?, false):
            ("New \(field.rawValue) (checked when the preview is read)", .text(optional: false))
        case .rectify:
            ("Apply these corrections for \(publicId)? (before → after)", .confirm(verb: "Apply"))
        case .withdrawConsent(nil):
            ("Withdraw which consent? It takes effect at once.",
             .choice([("a", "every purpose granted"), ("e", "email marketing"), ("s", "SMS marketing"), ("c", "analytics cookies")]))
        case .withdrawConsent(let purposes?):
            ("Withdraw \(purposes.isEmpty ? "every consent granted" : purposes.map(\.rawValue).joined(separator: ", "))?",
             .confirm(verb: "Withdraw"))
        case .flagMinor(nil, _):
            ("Why is the customer under 16? (marketing consent is withdrawn, an urgent erasure opened)", .text(optional: false))
        case .flagMinor(_, nil):
            ("The guardian who asked, if any (they become the requester)", .text(optional: true))
        case .flagMinor(_, let guardian?):
            ("Flag the customer of \(publicId) as under 16\(guardian.isEmpty ? "" : ", guardian \(guardian)")?",
             .confirm(verb: "Flag as minor"))
        case .closeTask(nil, _):
            // The numbers are those the request screen shows beside each open notice; `a` confirms them all.
            // `a` comes first, so it shows however many notices the line has to hold.
            ("Which notice to a recipient?", .choice((openTasks.count > 1 ? [("a", "all confirmed")] : [])
                + openTasks.prefix(9).enumerated().map { index, task in
                    (Character(String(index + 1)), "#\(task.id) \(task.recipient) (\(task.recipientKind == "courier" ? "courier" : "payments"))")
                }))
        case .closeTask(let index?, nil):
            // Not `c`: on the request screen `c` completes the request, and a key means one thing per screen.
            ("Notice to \(openTasks[index].recipient):", .choice([("d", "done: the recipient confirmed"), ("i", "telling them is impossible")]))
        case .closeTask(let index?, _):
            ("Why is telling \(openTasks[index].recipient) impossible?", .text(optional: false))
        }
    }

    /// The keys that pick a field to correct.
    static let correctableKeys: [(key: Character, field: CorrectableField)] = [
        ("n", .fullName), ("e", .email), ("p", .phone), ("a", .addressLine), ("c", .city), ("z", .postalCode), ("o", .country),
    ]

    /// The fulfilment the prompt ends in, when it is not a lifecycle command.
    public var fulfilment: Fulfilment? {
        switch draft {
        case .rectify(let edits, nil, true): .rectify(corrections: edits)
        case .withdrawConsent(let purposes?): .withdrawConsent(purposes: purposes)
        case .flagMinor(let reason?, let guardian?): .flagMinor(reason: reason, guardian: guardian.isEmpty ? nil : guardian)
        case .closeTask(let index?, false?): .closeTask(id: openTasks[index].id, impossibleBecause: nil)
        case .closeTask(let index?, true?) where !input.isEmpty: .closeTask(id: openTasks[index].id, impossibleBecause: input)
        case .export: .export
        case .complete(true): .exportAndComplete
        case .verificationCode where !input.isEmpty: .confirmVerificationCode(input)
        default: nil
        }
    }

    /// The finished command once every answer is in, else nil.
    public var command: RequestCommand? {
        switch draft {
        case .verify(let method?): .verify(method: method, note: input.isEmpty ? nil : input)
        case .note: .note(input)
        case .extend(let months?, let reason?): .extend(months: months, reason: reason)
        case .release: .release
        case .complete(false): .complete
        case .reassign(let name?): .reassign(to: name)
        case .approve: .approve
        case .reject(let reason?): .reject(reason: reason)
        case .cancel(let reason?): .cancel(reason: reason)
        case .proposeErasure: .proposeErasure
        default: nil
        }
    }
}

extension CommandDraft {
    /// The choices `T` offers: keys 1 to 9 for the last nine messages of a conversation of `count`, with their
    /// numbers on the request screen.
    static func conversationChoices(count: Int) -> [(key: Int, number: Int)] {
        let first = max(count - 9, 0)
        return (first..<count).enumerated().map { (key: $0.offset + 1, number: $0.element + 1) }
    }
}
