import LoupeDomain

extension AppState {
    /// Marks or unmarks the selected row of the list on screen and moves down (`Space`).
    mutating func toggleMark() -> [Effect] {
        guard let scope = listScope, let row = self[list: scope].selected else { return [] }
        if self[list: scope].marks.removeValue(forKey: row.id) == nil { self[list: scope].marks[row.id] = row }
        self[list: scope].markAnchor = self[list: scope].cursor
        return reduce(.moveBy(1))
    }

    /// Marks every loaded row from the last one marked with `Space` to the cursor (`V`).
    mutating func markRange() {
        guard let scope = listScope else { return }
        var list = self[list: scope]
        let anchor = list.markAnchor ?? list.cursor
        for position in min(anchor, list.cursor)...max(anchor, list.cursor) {
            if let row = list.row(at: position) { list.marks[row.id] = row }
        }
        self[list: scope] = list
        message = StatusMessage("\(list.marks.count) marked.")
    }

    /// Opens the bulk confirmation for `key` on the marked rows, if there are any and the key works in bulk.
    mutating func beginBulk(_ key: RequestAction.Kind) -> [Effect]? {
        guard BulkPrompt.keys.contains(key), let scope = listScope, !self[list: scope].marks.isEmpty else { return nil }
        let list = self[list: scope]
        let marked = list.marks.values.sorted { $0.queueKey < $1.queueKey }
        let hidden = list.filter.map { filter in marked.filter { !filter.matches($0) }.count } ?? 0
        bulk = BulkPrompt(key: key, targets: marked.map { BulkTarget(publicId: $0.publicId, version: $0.version) }, hidden: hidden)
        // Approving erases: the plan of every marked request is read and shown together before the question.
        guard key == .approve else { return [] }
        return marked.map { .loadPreview(.approve, publicId: $0.publicId) }
    }

    /// A key typed while the bulk confirmation is open.
    mutating func handleBulkKey(_ key: Key) -> [Effect] {
        guard var prompt = bulk else { return [] }
        if key == .escape {
            bulk = nil
            message = StatusMessage("Nothing was changed.")
            return []
        }
        switch prompt.stage {
        case .method:
            guard case .char(let typed) = key, let method = ["e": VerificationMethod.email, "o": .order, "d": .document][typed] else { return [] }
            prompt.method = method
        case .assignee:
            switch key {
            case .enter: prompt.assigneeDone = true
            case .char(" "): break
            default: _ = prompt.assigneeLine.edit(key)
            }
        case .reason:
            switch key {
            case .enter where !prompt.reason.trimmingCharacters(in: .whitespaces).isEmpty: prompt.reasonDone = true
            default: _ = prompt.reasonLine.edit(key)
            }
        case .confirm:
            switch key {
            case .left, .right, .tab, .backTab: prompt.isConfirmFocused.toggle()
            case .char("n"):
                bulk = nil
                message = StatusMessage("Nothing was changed.")
                return []
            case .enter, .char("y"):
                if key == .char("y") { prompt.isConfirmFocused = true }
                if prompt.isConfirmFocused && prompt.awaitsPlans {
                    message = StatusMessage("Wait for every erasure plan before confirming.", isError: true)
                    return []
                }
                bulk = nil
                guard prompt.isConfirmFocused, let command = prompt.command else {
                    message = StatusMessage("Nothing was changed.")
                    return []
                }
                return [.performBulk(command, targets: prompt.targets)]
            default: break
            }
        }
        bulk = prompt
        return []
    }

    /// The bulk action ran: say what happened, unmark what succeeded, read the lists again.
    mutating func bulkDone(_ outcome: BulkOutcome) -> [Effect] {
        for scope in QueueScope.allCases {
            self[list: scope].marks = self[list: scope].marks.filter { !outcome.succeeded.contains($0.value.publicId) }
        }
        let refusals = outcome.refused.map { "\($0.publicId): \($0.reason)" }
        // Each refusal goes to the session's messages whole (`:messages`); the status line says how many.
        for refusal in refusals {
            messageLog.append(LoggedMessage(at: now, message: StatusMessage("refused " + refusal, isError: true)))
        }
        message = StatusMessage("\(outcome.succeeded.count) of \(outcome.total) done"
                                    + (refusals.isEmpty ? "." : "; \(refusals.count) refused (:messages lists each): "
                                        + refusals.joined(separator: "; ")),
                                isError: !refusals.isEmpty)
        return reloadScreen()
    }
}
