import Foundation
import LoupeDomain

extension AppState {
    /// The one place the console's state changes: applies `action` and returns the effects to run. Personal
    /// data revealed with `m` is masked again as soon as its request leaves the screen.
    public mutating func reduce(_ action: Action) -> [Effect] {
        let depth = screens.count
        let effects = apply(action)
        maskScreensBelowTop()
        // Opening a new screen ends the way forward, as in a browser.
        if screens.count > depth, action != .forward { forwardScreens = [] }
        return effects
    }

    private mutating func apply(_ action: Action) -> [Effect] {
        switch action {
        case .start:
            // The change stamp first: a change made while the first slice is read is then seen by the next check.
            return [.checkForChanges, read(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), of: .open)]
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
        case .open where screen.kind == .dashboard:
            guard case .dashboard(let shown) = screen, let link = shown.selected else { return [] }
            // The count's list is the queue, filtered; `]` comes back to the dashboard, Esc clears the filter.
            let filter = try? QueueFilter.parse(link.filter, actor: actor.userName, now: now)
            forwardScreens.append(contentsOf: screens.dropFirst().reversed())
            screens = [screens[0]]
            return applyFilter(filter, to: .open)
        case .open where screen.kind == .customer:
            guard let request = customerScreen?.selectedRequest else { return [] }
            return open(request.publicId)
        case .open where screen.kind == .customers:
            guard let selected = customers.selected else { return [] }
            return openCustomer(selected.publicId)
        case .open:
            guard screen.kind.isList, let selected = focusedRequest else { return [] }
            push(.request(selected.publicId))
            return [.loadRequest(publicId: selected.publicId)]
        case .showApprovals:
            push(.approvals)
            return [read(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), of: .awaitingApproval)]
        case .back:
            if isHelpVisible {
                isHelpVisible = false
                return []
            }
            if let scope = listScope, self[list: scope].filter != nil {
                return applyFilter(nil, to: scope)
            }
            if screen.kind == .records, records.filter != nil {
                applyRecordsFilter(nil)
                return []
            }
            guard screens.count > 1 else { return [] }
            forwardScreens.append(screens.removeLast())
            return reloadScreen()
        case .quit:
            isRunning = false
            return [.quit]
        case .toggleHelp:
            isHelpVisible.toggle()
            helpScroll = 0
            helpFilter = ""
            return []
        case .scrollHelp(let rows):
            let overflow = max(HelpView.lines(self, width: width).count - HelpView.visibleRows(height: height), 0)
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
        case .queueLoaded(let page, let scope):
            self[list: scope].apply(page, viewHeight: queueViewHeight)
            return []
        case .requestLoaded(let loaded):
            guard screen.address == .request(loaded.summary.publicId) else { return [] }
            detail = loaded
            detailScroll = min(detailScroll, maxDetailScroll)
            return []
        case .begin(let key):
            return begin(key)
        case .promptKey(let key):
            return handlePromptKey(key)
        case .performed(let changed, let verb):
            // "PR-…: identity verified. Status: verifying." says what happened, then where the request stands.
            message = StatusMessage("\(changed.summary.publicId): \(verb). Status: \(changed.summary.status.label).")
            if screen.address == .request(changed.summary.publicId) { detail = changed }
            return reloadLists()
        case .fulfilled(let changed, let text):
            message = StatusMessage(text)
            if screen.address == .request(changed.summary.publicId) { detail = changed }
            return reloadLists()
        case .previewLoaded(let publicId, let lines):
            if bulk?.targets.contains(where: { $0.publicId == publicId }) == true {
                bulk?.plans[publicId] = lines
                return []
            }
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
        // The later screens' and modes' actions, named one by one so a new action is a compile error until it
        // is handled here or there.
        case .bulkDone, .bulkKey, .changesChecked, .claimNext, .claimedNext, .openRequestCustomer, .commandKey,
             .copyId, .created, .customerLoaded, .describeSelected, .describeKey, .showMessages, .staffLoaded, .closeNoticeOfRow, .confirmKindPrompt, .fileMailOfRow, .dismissMailOfRow, .languagePrompt, .mailSorted, .customersLoaded, .dashboardLoaded, .editMessage, .openConversation, .writeReply, .filterKey, .formKey, .forward, .helpKey,
             .markRange, .newRequest, .openCommandLine, .openFilter, .recordsLoaded, .reveal, .revealed,
             .searchKey, .showCustomers, .showDashboard, .showRecords, .sort, .startSearch, .switchTab,
             .themeSwitched, .toggleLive, .toggleMark, .unmarkAll:
            return applyConsole(action)
        }
    }

    /// Looks `key` up in the key table and applies what it means. Any key clears the last message.
    public mutating func press(_ key: Key) -> [Effect] {
        switch KeyMap.resolve(key, in: self) {
        case .action(let action):
            // A key typed into a modal or the search field keeps the message it may be answering.
            if !keyContext.takesTyping { message = nil }
            return reduce(action)
        case .refused(let reason):
            return reduce(.refused(reason))
        case .unbound:
            // The same order as `keyContext`: the modal, then the search field, then nothing.
            if let modal { return reduce(modal.unboundKey(key)) }
            if keyContext == .search { return reduce(.searchKey(key)) }
            message = nil
            return []
        }
    }

    /// A read of a slice of the list of `scope`, carrying that list's filter and order from here, where it is made.
    func read(_ query: QueuePageQuery, of scope: QueueScope) -> Effect {
        .loadQueue(query, scope: scope, filter: self[list: scope].filter, order: self[list: scope].order)
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
        case .request(let shown): return [.loadRequest(publicId: shown.publicId)]
        case .dashboard: return [.loadDashboard]
        case .customers(let search): return [.searchCustomers(search.query)]
        case .customer(let shown): return [.loadCustomer(publicId: shown.publicId)]
        case .records(let shown): return [.loadRecords(shown.kind)]
        case .queue: return [read(queue.reloadQuery(viewHeight: queueViewHeight), of: .open)]
        case .approvals: return [read(approvals.reloadQuery(viewHeight: queueViewHeight), of: .awaitingApproval)]
        }
    }

    /// Rereads every list on the navigation stack (after a change), keeping their selections.
    mutating func reloadLists() -> [Effect] {
        var effects: [Effect] = [read(queue.reloadQuery(viewHeight: queueViewHeight), of: .open)]
        if screens.contains(where: { $0.address == .approvals }) {
            effects.append(read(approvals.reloadQuery(viewHeight: queueViewHeight), of: .awaitingApproval))
        }
        return effects
    }

    private mutating func move(by rows: Int) -> [Effect] {
        if screen.kind == .customers {
            customers.move(to: customers.cursor + rows, viewHeight: queueViewHeight - 1)
            return []
        }
        if screen.kind == .records {
            records.move(to: records.cursor + rows, viewHeight: queueViewHeight - 1)
            return []
        }
        if case .dashboard(var shown) = screen {
            shown.link = min(max(shown.link + rows, 0), max(shown.links.count - 1, 0))
            screen = .dashboard(shown)
            return []
        }
        if case .customer(var shown) = screen {
            if shown.tab == .requests, let count = shown.detail?.requests.count {
                // The requests tab has a cursor (Enter opens the request); the view keeps it in sight.
                shown.row = min(max(shown.row + rows, 0), max(count - 1, 0))
                shown.scroll = min(shown.scroll, shown.row)
                shown.scroll = max(shown.scroll, shown.row - max(height - 6, 0))
            } else {
                shown.scroll = max(shown.scroll + rows, 0)
            }
            screen = .customer(shown)
            return []
        }
        guard let scope = listScope else {
            detailScroll = min(max(detailScroll + rows, 0), maxDetailScroll)
            return []
        }
        return moveTo(self[list: scope].cursor + rows)
    }

    private mutating func moveTo(_ target: Int) -> [Effect] {
        if screen.kind == .customers {
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
        return self[list: scope].move(to: clamped, viewHeight: queueViewHeight).map { [read($0, of: scope)] } ?? []
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
