import Foundation
import LoupeDomain

extension AppState {
    /// The one place the console's state changes: applies `action` and returns the effects to run. Personal
    /// data revealed with `m` is masked again as soon as its request leaves the screen.
    public mutating func reduce(_ action: Action) -> [Effect] {
        let depth = screens.count
        let effects = apply(action).map { effect -> Effect in
            // Every read of a list carries that list's filter: one place, whatever asked for the read.
            if case .loadQueue(let query, let scope, nil, .urgency) = effect,
               self[list: scope].filter != nil || self[list: scope].order != .urgency {
                return .loadQueue(query, scope: scope, filter: self[list: scope].filter, order: self[list: scope].order)
            }
            return effect
        }
        if let shown = revealed, screen != .request(shown), screen != .customer(shown) { revealed = nil }
        // Opening a new screen ends the way forward, as in a browser.
        if screens.count > depth, action != .forward { forwardScreens = [] }
        return effects
    }

    private mutating func apply(_ action: Action) -> [Effect] {
        switch action {
        case .start:
            // The change stamp first: a change made while the first slice is read is then seen by the next check.
            return [.checkForChanges, .loadQueue(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), scope: .open)]
        case .moveBy(let rows):
            return move(by: rows)
        case .moveByPage(let fraction):
            let height = screen.kind.isList ? queueViewHeight : detailViewHeight
            let rows = Int((Double(height) * fraction).rounded(.towardZero))
            return move(by: rows == 0 ? (fraction < 0 ? -1 : 1) : rows)
        case .moveToTop:
            return moveTo(0)
        case .moveToBottom:
            return moveTo(Int.max)
        case .open where screen.kind == .records:
            guard let target = records.selected?.opens else { return [] }
            return open(target)
        case .open where screen == .customers:
            guard let selected = customers.selected else { return [] }
            return openCustomer(selected.publicId)
        case .open:
            guard screen.kind.isList, let selected = focusedRequest else { return [] }
            screens.append(.request(selected.publicId))
            detail = nil
            detailScroll = 0
            return [.loadRequest(publicId: selected.publicId)]
        case .showDashboard:
            if screen != .dashboard { screens.append(.dashboard) }
            return [.loadDashboard]
        case .editMessage:
            guard case .request(let publicId) = screen, let message = queuedMessage else { return [] }
            return [.editMessage(id: message.id, publicId: publicId)]
        case .dashboardLoaded(let figures):
            dashboard = figures
            return []
        case .showApprovals:
            if screen != .approvals { screens.append(.approvals) }
            return [.loadQueue(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), scope: .awaitingApproval)]
        case .back:
            if isHelpVisible {
                isHelpVisible = false
                return []
            }
            if let scope = listScope, self[list: scope].filter != nil {
                return applyFilter(nil, to: scope)
            }
            guard screens.count > 1 else { return [] }
            forwardScreens.append(screens.removeLast())
            detail = nil
            return reloadScreen()
        case .forward:
            guard let next = forwardScreens.popLast() else { return [] }
            screens.append(next)
            detail = nil
            customer = nil
            detailScroll = 0
            return reloadScreen()
        case .copyId:
            guard let id = focusedId else { return [] }
            message = StatusMessage("Copied \(id) to the clipboard (OSC 52).")
            return [.copyToClipboard(id)]
        case .quit:
            isRunning = false
            return [.quit]
        case .toggleHelp:
            isHelpVisible.toggle()
            helpScroll = 0
            helpFilter = ""
            return []
        case .helpKey(let key):
            switch key {
            case .backspace, .delete: if !helpFilter.isEmpty { helpFilter.removeLast() }
            case .char(let typed) where helpFilter.count < 40: helpFilter.append(typed)
            default: return []
            }
            helpScroll = 0
            return []
        case .scrollHelp(let rows):
            let overflow = max(helpBindings.count - HelpView.visibleRows(height: height), 0)
            helpScroll = min(max(helpScroll + rows, 0), overflow)
            return []
        case .redraw:
            return [.redrawTerminal]
        case .refresh:
            return reloadScreen()
        case .resized(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
            queue.scrollToCursor(viewHeight: queueViewHeight)
            approvals.scrollToCursor(viewHeight: queueViewHeight)
            detailScroll = min(detailScroll, maxDetailScroll)
            return []
        case .tick(let date):
            now = date
            return isLivePaused || prompt != nil || commandLine != nil ? [] : [.checkForChanges]
        case .changesChecked(let stamp):
            defer { changeStamp = stamp }
            guard let known = changeStamp, known != stamp else { return [] }
            return reloadScreen()
        case .toggleLive:
            isLivePaused.toggle()
            message = StatusMessage(isLivePaused ? "Live refresh paused: R reads again, Z resumes."
                                                 : "Live refresh on: changes by others appear within two seconds.")
            return isLivePaused ? [] : [.checkForChanges]
        case .showCustomers(let query, let editing):
            return showCustomers(query: query, editing: editing)
        case .startSearch:
            customers.isEditing = true
            return []
        case .searchKey(let key):
            return handleSearchKey(key)
        case .customersLoaded(let rows, let query):
            if form?.stage == .email {
                // The form's search: up to five customers, masked, picked by number.
                form?.matches = Array(rows.filter { $0.email != nil && !$0.isErased }.prefix(5))
                if form?.matches.isEmpty == true { message = StatusMessage("No customer matches \"\(query)\"; type the email.", isError: true) }
                return []
            }
            applyCustomers(rows, query: query)
            return []
        case .customerLoaded(let loaded):
            guard screen == .customer(loaded.summary.publicId) else { return [] }
            customer = loaded
            return []
        case .switchTab(let step):
            switchTab(by: step)
            return []
        case .newRequest:
            form = NewRequestForm()
            return []
        case .formKey(let key):
            guard var current = form else { return [] }
            if key == .escape {
                form = nil
                message = StatusMessage("Nothing was recorded.")
                return []
            }
            switch current.press(key) {
            case .next:
                form = current
                return []
            case .refused(let reason):
                form = current
                message = StatusMessage(reason, isError: true)
                return []
            case .cancel:
                form = nil
                message = StatusMessage("Nothing was recorded.")
                return []
            case .submit(let draft):
                form = nil
                return [.createRequest(draft)]
            case .search(let text):
                form = current
                return [.searchCustomers(text)]
            }
        case .created(let request):
            message = StatusMessage("\(request.summary.publicId): \(request.summary.kind.rawValue) request recorded; its acknowledgement is queued.")
            screens.append(.request(request.summary.publicId))
            detail = request
            detailScroll = 0
            return reloadLists()
        case .toggleMark:
            return toggleMark()
        case .markRange:
            markRange()
            return []
        case .unmarkAll:
            if let scope = listScope { self[list: scope].marks = [:] }
            message = StatusMessage("Nothing is marked.")
            return []
        case .bulkKey(let key):
            return handleBulkKey(key)
        case .bulkDone(let succeeded, let refused):
            return bulkDone(succeeded: succeeded, refused: refused)
        case .showRecords(let kind):
            if screen != .records(kind) { screens.append(.records(kind)) }
            records = RecordListState()
            return [.loadRecords(kind)]
        case .recordsLoaded(let kind, let list):
            guard screen == .records(kind) else { return [] }
            let kept = records.cursor
            records.list = list
            records.move(to: kept, viewHeight: queueViewHeight - 1)
            return []
        case .sort(let field, let reverse):
            guard let scope = listScope else { return [] }
            var order = self[list: scope].order
            if reverse {
                order.reversed.toggle()
            } else {
                let all = QueueOrder.Field.allCases
                order = QueueOrder(field: field ?? all[(all.firstIndex(of: order.field)! + 1) % all.count])
            }
            var list = QueueState()
            list.filter = self[list: scope].filter
            list.marks = self[list: scope].marks
            list.order = order
            self[list: scope] = list
            message = StatusMessage("Sorted \(order.label).")
            return [.loadQueue(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), scope: scope)]
        case .openFilter:
            guard let scope = listScope else { return [] }
            filterLine = self[list: scope].filter?.text ?? ""
            return []
        case .filterKey(let key):
            return handleFilterKey(key)
        case .openCommandLine:
            commandLine = CommandLineState()
            return []
        case .commandKey(let key):
            return handleCommandLineKey(key)
        case .themeSwitched(let name):
            message = StatusMessage("Theme \(name).")
            return []
        case .reveal:
            if case .customer(let publicId) = screen, customer != nil { return [.recordReveal(publicId: publicId)] }
            guard case .request(let publicId) = screen, detail != nil else { return [] }
            return [.recordReveal(publicId: publicId)]
        case .revealed(let publicId):
            guard screen == .request(publicId) || screen == .customer(publicId) else { return [] }
            revealed = publicId
            message = StatusMessage("Shown unmasked until you leave this request; the reveal is in the audit log.")
            return []
        case .queueLoaded(let page, let scope):
            self[list: scope].apply(page, viewHeight: queueViewHeight)
            return []
        case .requestLoaded(let loaded):
            guard screen == .request(loaded.summary.publicId) else { return [] }
            detail = loaded
            detailScroll = min(detailScroll, maxDetailScroll)
            return []
        case .begin(let key):
            return begin(key)
        case .promptKey(let key):
            return handlePromptKey(key)
        case .performed(let changed, let verb):
            message = StatusMessage("\(changed.summary.publicId): \(verb) done; now \(changed.summary.status.label).")
            if screen == .request(changed.summary.publicId) { detail = changed }
            return reloadLists()
        case .fulfilled(let changed, let text):
            message = StatusMessage(text)
            if screen == .request(changed.summary.publicId) { detail = changed }
            return reloadLists()
        case .previewLoaded(let publicId, let lines):
            guard prompt?.publicId == publicId else { return [] }
            prompt?.preview = lines
            return []
        case .refused(let reason):
            message = StatusMessage(reason, isError: true)
            return []
        case .failed(let error):
            if prompt?.needsPreview == true && prompt?.preview == nil { prompt = nil }
            queue.pendingTarget = nil
            approvals.pendingTarget = nil
            message = StatusMessage(error.message, isError: true)
            // Someone else changed the request: show what it is now.
            return error.code == .conflict ? reloadScreen() : []
        }
    }

    /// Looks `key` up in the key table and applies what it means. Any key clears the last message.
    public mutating func press(_ key: Key) -> [Effect] {
        switch KeyMap.resolve(key, in: self) {
        case .action(let action):
            switch action {
            case .promptKey, .commandKey, .searchKey, .filterKey, .bulkKey, .helpKey, .formKey: break
            default: message = nil
            }
            return reduce(action)
        case .refused(let reason):
            return reduce(.refused(reason))
        case .unbound:
            if prompt != nil { return reduce(.promptKey(key)) }
            if commandLine != nil { return reduce(.commandKey(key)) }
            if keyContext == .search { return reduce(.searchKey(key)) }
            if filterLine != nil { return reduce(.filterKey(key)) }
            if bulk != nil { return reduce(.bulkKey(key)) }
            if form != nil { return reduce(.formKey(key)) }
            if isHelpVisible { return reduce(.helpKey(key)) }
            message = nil
            return []
        }
    }

    /// The list of a scope.
    subscript(list scope: QueueScope) -> QueueState {
        get { scope == .open ? queue : approvals }
        set { if scope == .open { queue = newValue } else { approvals = newValue } }
    }

    /// The scope of the list on screen, if the screen is a list.
    var listScope: QueueScope? {
        switch screen {
        case .queue: .open
        case .approvals: .awaitingApproval
        case .request, .dashboard, .customers, .customer, .records: nil
        }
    }

    /// Reads the current screen's data again, keeping the selection.
    mutating func reloadScreen() -> [Effect] {
        switch screen {
        case .request(let id): return [.loadRequest(publicId: id)]
        case .dashboard: return [.loadDashboard]
        case .customers: return [.searchCustomers(customers.query)]
        case .customer(let id): return [.loadCustomer(publicId: id)]
        case .records(let kind): return [.loadRecords(kind)]
        default:
            let scope = listScope!
            return [.loadQueue(self[list: scope].reloadQuery(viewHeight: queueViewHeight), scope: scope)]
        }
    }

    /// Rereads every list on the navigation stack (after a change), keeping their selections.
    private mutating func reloadLists() -> [Effect] {
        var effects: [Effect] = [.loadQueue(queue.reloadQuery(viewHeight: queueViewHeight), scope: .open)]
        if screens.contains(.approvals) {
            effects.append(.loadQueue(approvals.reloadQuery(viewHeight: queueViewHeight), scope: .awaitingApproval))
        }
        return effects
    }

    private mutating func move(by rows: Int) -> [Effect] {
        if screen == .customers {
            customers.move(to: customers.cursor + rows, viewHeight: queueViewHeight - 1)
            return []
        }
        if screen.kind == .records {
            records.move(to: records.cursor + rows, viewHeight: queueViewHeight - 1)
            return []
        }
        if case .customer = screen {
            customerScroll = max(customerScroll + rows, 0)
            return []
        }
        guard let scope = listScope else {
            detailScroll = min(max(detailScroll + rows, 0), maxDetailScroll)
            return []
        }
        return moveTo(self[list: scope].cursor + rows)
    }

    private mutating func moveTo(_ target: Int) -> [Effect] {
        if screen == .customers {
            customers.move(to: target, viewHeight: queueViewHeight - 1)
            return []
        }
        if screen.kind == .records {
            records.move(to: target, viewHeight: queueViewHeight - 1)
            return []
        }
        if case .customer = screen {
            customerScroll = target <= 0 ? 0 : customerScroll
            return []
        }
        guard let scope = listScope else {
            detailScroll = target <= 0 ? 0 : maxDetailScroll
            return []
        }
        let clamped = min(max(target, 0), max(self[list: scope].total - 1, 0))
        return self[list: scope].move(to: clamped, viewHeight: queueViewHeight).map { [.loadQueue($0, scope: scope)] } ?? []
    }

    /// The open request's newest message that has not gone yet (what `o` edits).
    var queuedMessage: OutboxMessage? {
        guard case .request = screen else { return nil }
        return detail?.messages.last { $0.status == .queued }
    }

    /// The furthest the request screen's body can scroll.
    var maxDetailScroll: Int {
        guard let detail else { return 0 }
        return max(RequestDetailLayout.lines(for: detail, state: self).count - detailViewHeight, 0)
    }
}
