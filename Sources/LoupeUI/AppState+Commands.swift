import LoupeDomain

extension AppState {
    /// Why an action of `kind` cannot be taken on the focused request now, or nil when it can: the domain's one
    /// rule (`RequestRules.check`, which the store applies too), so keys grey out exactly what would be refused.
    public func refusal(for kind: RequestAction.Kind) -> String? {
        // With rows marked, these keys act on the marks; each request is checked by the store as it runs.
        if BulkPrompt.keys.contains(kind), let scope = listScope, !self[list: scope].marks.isEmpty { return nil }
        guard let request = focusedRequest else { return "No request is selected." }
        var facts = request.facts
        if case .request = screen, let detail {
            facts.subjectIsMinor = detail.subjectIsMinor
            facts.openTasks = detail.tasks.filter { $0.status == .open }.count
        } else if kind == .flagMinor {
            return "Open a request about a known customer first (Enter)."
        } else if kind == .closeTask {
            return "Open the request first (Enter) to see its notices."
        }
        return RequestRules.refusal(kind, on: facts, by: actor, now: now, policy: deadlines)
    }

    /// Starts the command: at once when it needs no answers, else by opening its prompt.
    mutating func begin(_ key: RequestAction.Kind) -> [Effect] {
        if let bulkEffects = beginBulk(key) { return bulkEffects }
        guard let request = focusedRequest else { return [] }
        if let reason = refusal(for: key) {
            message = StatusMessage(reason, isError: true)
            return []
        }
        let draft: CommandDraft
        switch key {
        case .claim, .start:
            // Undone with one key (u, or another claim), and nobody outside is told: no question.
            return [.perform(key == .claim ? .claim : .start, publicId: request.publicId, expectedVersion: request.version)]
        case .reassign: draft = .reassign(to: nil)
        case .release: draft = .release
        case .complete:
            // An access request completes by telling the subject their data is ready: without an export yet,
            // the one confirmation writes it first.
            draft = .complete(withExport: request.kind == .access && request.holdsData && detail?.exports.isEmpty == true)
        case .export: draft = .export
        case .proposeErasure: draft = .proposeErasure
        case .rectify: draft = .rectify(edits: [:], field: nil, ready: false)
        case .withdrawConsent: draft = .withdrawConsent(purposes: nil)
        case .flagMinor: draft = .flagMinor(reason: nil, guardian: nil)
        case .closeTask: draft = .closeTask(index: nil, impossible: nil)
        case .verify: draft = .verify(method: nil)
        case .note: draft = .note
        case .extend: draft = .extend(months: nil, reason: nil)
        case .approve: draft = .approve
        case .reject: draft = .reject(reason: nil)
        case .cancel: draft = .cancel(reason: nil)
        }
        var opened = PromptState(publicId: request.publicId, version: request.version, draft: draft)
        opened.openTasks = detail?.tasks.filter { $0.status == .open } ?? []
        if case .confirm = opened.question.stage, !opened.needsPreview {
            opened.preview = consequences(of: opened, on: request)
        }
        prompt = opened
        if key == .reassign { return [.data(.loadStaff)] }
        return opened.needsPreview ? [.loadPreview(key, publicId: request.publicId)] : []
    }

    /// A key typed into the open prompt: choose, type, confirm, or Esc to leave it.
    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard var current = prompt else { return [] }
        if key == .escape {
            prompt = nil
            message = StatusMessage("Nothing was changed.")
            return []
        }
        switch current.question.stage {
        case .choice(let options):
            guard case .char(let typed) = key, options.contains(where: { $0.key == typed }) else { return [] }
            let chosen = options.firstIndex { $0.key == typed }!
            switch current.draft {
            case .confirmKind:
                prompt = nil
                let kinds: [RequestKind] = [.access, .rectification, .erasure, .consentWithdrawal]
                return [.fulfil(.confirmKind(kinds[chosen]), publicId: current.publicId)]
            case .fileMail(let mail):
                prompt = nil
                let kinds: [RequestKind] = [.access, .rectification, .erasure, .consentWithdrawal]
                return [.data(.sortMail(id: mail, .file(kinds[chosen])))]
            case .dismissMail(let mail):
                prompt = nil
                let reasons: [MailDismissal] = [.spam, .newsletter, .notForUs, .other]
                return [.data(.sortMail(id: mail, .dismiss(reasons[chosen])))]
            case .language:
                prompt = nil
                return [.fulfil(.setLanguage(Language.allCases[chosen]), publicId: current.publicId)]
            case .verify where typed == "c":
                prompt = nil
                return [.fulfil(.sendVerificationCode, publicId: current.publicId)]
            case .verify where typed == "k":
                current.draft = .verificationCode
            case .verify: current.draft = .verify(method: [.email, .order, .document][chosen])
            case .extend: current.draft = .extend(months: typed == "2" ? 2 : 1, reason: nil)
            case .pickConversation(let count):
                prompt = nil
                guard let entries = detail?.conversation else { return [] }
                describeConversation(entries, at: CommandDraft.conversationChoices(count: count)[chosen].number - 1)
                return []
            case .pickMessage:
                prompt = nil
                return [.editMessage(id: current.queuedMessages[chosen].id, publicId: current.publicId)]
            case .closeTask(nil, _) where typed == "a":
                prompt = nil
                return [.fulfil(.confirmAllTasks, publicId: current.publicId)]
            case .closeTask(nil, _):
                // By the number typed (the options start with `a` when there are several).
                current.draft = .closeTask(index: (typed.wholeNumberValue ?? 1) - 1, impossible: nil)
            case .withdrawConsent(nil):
                current.draft = .withdrawConsent(purposes: [[], [.emailMarketing], [.smsMarketing], [.analyticsCookies]][chosen])
            case .rectify(let edits, nil, false):
                if typed == "g" {
                    current.draft = .rectify(edits: edits, field: nil, ready: true)
                    current.preview = nil
                    prompt = current
                    message = nil
                    return [.loadPreview(.rectify, publicId: current.publicId, corrections: edits)]
                }
                current.draft = .rectify(edits: edits, field: PromptState.correctableKeys[chosen].field, ready: false)
            case .closeTask(let index?, nil):
                current.draft = .closeTask(index: index, impossible: typed == "i")
                if let fulfilment = current.fulfilment {
                    prompt = nil
                    return [.fulfil(fulfilment, publicId: current.publicId)]
                }
            default: break
            }
        case .text(let optional):
            switch key {
            case .tab where current.draft == .reassign(to: nil):
                // Tab completes a staff member's user name: the common part, then each in turn.
                let names = (current.staff ?? []).map(\.userName).sorted()
                let typed = current.input
                let matches = names.filter { $0.hasPrefix(typed) }
                if let prefix = CommandLineState.commonPrefix(matches), prefix.count > typed.count {
                    current.input = prefix
                } else if let index = names.firstIndex(of: typed) {
                    current.input = names[(index + 1) % names.count]
                } else if let first = matches.first ?? names.first {
                    current.input = first
                }
                message = StatusMessage(matches.count > 1 ? matches.joined(separator: "  ") : "Staff: " + names.joined(separator: ", "))
                prompt = current
                return []
            case .enter:
                let text = current.input.trimmingCharacters(in: .whitespaces)
                if text.isEmpty && !optional {
                    message = StatusMessage("Type the text, or press Esc to leave without changing anything.", isError: true)
                    return []
                }
                switch current.draft {
                case .reject(nil):
                    current.draft = .reject(reason: text)
                    current.input = ""
                case .cancel(nil):
                    current.draft = .cancel(reason: text)
                    current.input = ""
                case .extend(let months?, nil):
                    current.draft = .extend(months: months, reason: text)
                    current.input = ""
                case .reassign(nil):
                    // An unknown name is refused here, before any confirmation.
                    guard let staff = current.staff else {
                        message = StatusMessage("Still reading the staff list; press Enter again.", isError: true)
                        return []
                    }
                    guard staff.contains(where: { $0.userName == text }) else {
                        message = StatusMessage("'\(TextRules.printable(text))' is not active staff. Tab completes: "
                                                + staff.map(\.userName).joined(separator: ", ") + ".", isError: true)
                        return []
                    }
                    current.draft = .reassign(to: text)
                    current.input = ""
                case .flagMinor(nil, _):
                    current.draft = .flagMinor(reason: text, guardian: nil)
                    current.input = ""
                case .flagMinor(let reason?, nil):
                    current.draft = .flagMinor(reason: reason, guardian: text)
                    current.input = ""
                case .rectify(var edits, let field?, false):
                    edits[field] = text
                    current.draft = .rectify(edits: edits, field: nil, ready: false)
                    current.input = ""
                default:
                    // The last answer: run the command.
                    current.input = text
                    prompt = nil
                    if let fulfilment = current.fulfilment { return [.fulfil(fulfilment, publicId: current.publicId)] }
                    return current.command.map { [.perform($0, publicId: current.publicId, expectedVersion: current.version)] } ?? []
                }
            default:
                guard current.line.edit(key) else { return [] }
            }
        case .confirm:
            switch key {
            case .left, .right, .tab, .backTab, .char("h"), .char("l"):
                current.isConfirmFocused.toggle()
            case .char("n"):
                prompt = nil
                message = StatusMessage("Nothing was changed.")
                return []
            case .enter, .char("y"):
                // `y` presses the confirm button whichever has the focus; Enter presses the focused one.
                if key == .char("y") { current.isConfirmFocused = true }
                if !current.isConfirmFocused {
                    prompt = nil
                    message = StatusMessage("Nothing was changed.")
                    return []
                }
                if current.needsPreview && current.preview == nil {
                    message = StatusMessage("Wait for the preview before confirming.", isError: true)
                    return []
                }
                prompt = nil
                if let fulfilment = current.fulfilment { return [.fulfil(fulfilment, publicId: current.publicId)] }
                return current.command.map { [.perform($0, publicId: current.publicId, expectedVersion: current.version)] } ?? []
            default:
                return []
            }
        }
        if case .confirm = current.question.stage, !current.needsPreview, current.preview == nil,
           let request = focusedRequest, request.publicId == current.publicId {
            current.preview = consequences(of: current, on: request)
        }
        message = nil
        prompt = current
        return []
    }

    /// What confirming `prompt` will do beyond the change itself, line by line: the message the subject is
    /// sent (from the same rule the store follows), or that nobody is told.
    func consequences(of prompt: PromptState, on request: RequestSummary) -> [String] {
        if case .export = prompt.draft {
            return ["The export is written to the custody folder, where agents can read it (loupe export show).",
                    "The subject is told when you complete the request; nothing is sent now."]
        }
        if case .complete(true) = prompt.draft {
            return ["The export is written to the custody folder first (loupe export show).",
                    "Afterwards: completed.", "The subject is sent \(MessageEvent.accessReady.summary)."]
        }
        guard let command = prompt.command else { return [] }
        let facts = request.facts
        let after = (try? RequestRules.decide(command, on: facts, by: actor, now: now, policy: deadlines))?.status
        guard let after else { return [] }
        let event = MessageEvent.after(command, kind: request.kind, from: request.status, to: after,
                                       isIdentityVerified: request.isIdentityVerified, holdsData: request.holdsData)
        let told = event.map { "The subject is sent \($0.summary)." }
            ?? "Nothing is sent to the subject."
        return ["Afterwards: \(after.label).", told]
    }

}
