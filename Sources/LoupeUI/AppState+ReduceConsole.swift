import Foundation
import LoupeDomain

extension AppState {
    /// The actions of the console's later screens and modes (dashboard, command line, live refresh, reveal,
    /// customers, record lists, marks and bulk actions, the new-request form, sorting, filtering, history,
    /// clipboard and help filter); `apply` hands them here.
    mutating func applyConsole(_ action: Action) -> [Effect] {
        switch action {
        case .showDashboard:
            push(.dashboard)
            return [.loadDashboard]
        case .describeSelected:
            describeSelected()
            return []
        case .describeKey(let key):
            return handleDescribeKey(key)
        case .showMessages:
            showMessages()
            return []
        case .openConversation:
            guard let request = detail, !request.conversation.isEmpty else { return [] }
            let entries = request.conversation
            guard entries.count > 1 else {
                describeConversation(entries, at: 0)
                return []
            }
            prompt = PromptState(publicId: request.summary.publicId, version: request.summary.version,
                                 draft: .pickConversation(count: entries.count))
            return []
        case .writeReply:
            guard let request = detail?.summary else { return [] }
            return [.terminal(.writeReply(publicId: request.publicId))]
        case .confirmKindPrompt:
            guard let request = detail?.summary else { return [] }
            prompt = PromptState(publicId: request.publicId, version: request.version, draft: .confirmKind)
            return []
        case .fileMailOfRow, .dismissMailOfRow:
            guard let mail = records.selected?.mail else { return [] }
            prompt = PromptState(publicId: "mail #\(mail)", version: 0,
                                 draft: action == .fileMailOfRow ? .fileMail(mail: mail) : .dismissMail(mail: mail))
            return []
        case .languagePrompt:
            guard let request = detail?.summary else { return [] }
            prompt = PromptState(publicId: request.publicId, version: request.version, draft: .language)
            return []
        case .mailSorted(let text):
            message = StatusMessage(text)
            return [.loadRecords(.mail)]
        case .closeNoticeOfRow:
            guard let notice = records.selected?.notice else { return [] }
            // The notice's own picker, already on this notice: d done, or i impossible with a reason.
            var picker = PromptState(publicId: notice.requestPublicId, version: 0, draft: .closeTask(index: 0, impossible: nil))
            picker.openTasks = [notice]
            prompt = picker
            return []
        case .staffLoaded(let members):
            prompt?.staff = members
            return []
        case .claimNext:
            return [.data(.claimNext)]
        case .claimedNext(let claimed):
            let publicId = claimed.summary.publicId
            push(.request(publicId))
            detail = claimed
            message = StatusMessage("\(publicId): claimed, the most urgent unassigned request. Status: \(claimed.summary.status.label).")
            return []
        case .openRequestCustomer:
            guard case .request = screen, let customer = detail?.customerPublicId else { return [] }
            return openCustomer(customer)
        case .editMessage:
            guard let shown = requestScreen, let request = shown.detail?.summary, let message = queuedMessage else {
                return []
            }
            let queued = shown.detail?.messages.filter { $0.status == .queued } ?? []
            guard queued.count > 1 else { return [.editMessage(id: message.id, publicId: shown.publicId)] }
            // More than one waits: ask which, by event.
            var picker = PromptState(publicId: shown.publicId, version: request.version, draft: .pickMessage)
            picker.queuedMessages = queued
            prompt = picker
            return []
        case .dashboardLoaded(let figures):
            dashboard = figures
            return []
        case .forward:
            guard let next = forwardScreens.popLast() else { return [] }
            screens.append(next)
            return reloadScreen()
        case .copyId:
            guard let id = focusedId else { return [] }
            message = StatusMessage("Copied \(id) to the clipboard (OSC 52).")
            return [.copyToClipboard(id)]
        case .helpKey(let key):
            switch key {
            case .backspace, .delete: if !helpFilter.isEmpty { helpFilter.removeLast() }
            case .char(let typed) where helpFilter.count < 40: helpFilter.append(typed)
            default: return []
            }
            helpScroll = 0
            return []
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
            guard screen.address == .customer(loaded.summary.publicId) else { return [] }
            customer = loaded
            return []
        case .switchTab(let step):
            customerScreen?.switchTab(by: step)
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
            push(.request(request.summary.publicId))
            detail = request
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
        case .bulkDone(let outcome):
            return bulkDone(outcome)
        case .showRecords(let kind):
            push(.records(kind))
            return [.loadRecords(kind)]
        case .recordsLoaded(let kind, let list):
            guard screen.address == .records(kind) else { return [] }
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
            self[list: scope] = self[list: scope].restarted(filter: self[list: scope].filter, order: order)
            message = StatusMessage("Sorted \(order.label).")
            return [read(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), of: scope)]
        case .openFilter where screen.kind == .records:
            filterLine = records.filter ?? ""
            return []
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
            if let shown = customerScreen, shown.detail != nil { return [.recordReveal(publicId: shown.publicId)] }
            guard let shown = requestScreen, shown.detail != nil else { return [] }
            return [.recordReveal(publicId: shown.publicId)]
        case .revealed(let publicId):
            guard screen.address == .request(publicId) || screen.address == .customer(publicId) else { return [] }
            reveal(publicId)
            message = StatusMessage("Shown unmasked until you leave this request; the reveal is in the audit log.")
            return []
        // `apply` handles these itself and never hands them here.
        case .back, .begin, .failed, .fulfilled, .moveBy, .moveByPage, .moveToBottom, .moveToTop, .open,
             .performed, .previewLoaded, .promptKey, .queueLoaded, .quit, .redraw, .refresh, .refused,
             .requestLoaded, .resized, .scrollHelp, .showApprovals, .start, .tick, .toggleHelp:
            assertionFailure("\(action) is reduced by apply")
            return []
        }
    }
}
