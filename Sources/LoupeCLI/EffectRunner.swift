import Foundation
import LoupeDomain
import LoupeStore
import LoupeUI

/// Carries out the console's effects against the database and answers with actions (the live side of the
/// one-way data flow; the reducer never touches the database).
struct EffectRunner {
    let database: AppDatabase
    let actor: StaffMember
    let clock: () -> Date
    /// Where access exports are written.
    let exportsDirectory: String
    /// A `--readonly` console: writes are refused here too, whatever the keys let through.
    var isReadOnly = false

    /// Runs one data effect and answers with the action that reports it (one exhaustive switch).
    func run(_ effect: DataEffect) -> Action {
        do {
            if isReadOnly, effect.writes {
                return .failed(LoupeError(.notAllowed, "Read-only console (--readonly): nothing can be changed here."))
            }
            switch effect {
            case .createRequest(let draft):
                return .created(try database.createRequest(draft, actor: actor, at: clock()))
            case .performBulk(let command, let targets):
                let requests = targets.map { VersionedRequest(publicId: $0.publicId, version: $0.version) }
                return .bulkDone(database.performBulk(command, on: requests, actor: actor, at: clock()))
            case .sortMail(let id, .file(let kind)):
                let detail = try database.fileMail(id: id, kind: kind, actor: actor, at: clock())
                return .mailSorted(message: "Mail #\(id) is now \(detail.summary.publicId) (\(kind.rawValue)), "
                                   + "due \(try database.deadlinePolicy().dayString(detail.effectiveDue)).")
            case .sortMail(let id, .dismiss(let reason)):
                try database.dismissMail(id: id, reason: reason, actor: actor, at: clock())
                return .mailSorted(message: "Mail #\(id) dismissed: \(reason.label).")
            case .loadRecords(let kind):
                return .recordsLoaded(kind, try RecordListLoader(database: database, actor: actor, now: clock()).load(kind))
            case .searchCustomers(let query):
                return .customersLoaded(try database.searchCustomers(query, actor: actor), query: query)
            case .loadCustomer(let publicId):
                return .customerLoaded(try database.customerDetail(publicId: publicId, actor: actor))
            case .checkForChanges:
                return .changesChecked(try database.changeStamp())
            case .recordReveal(let publicId):
                try database.recordReveal(publicId: publicId, actor: actor, at: clock())
                return .revealed(publicId: publicId)
            case .loadQueue(let query, let scope, let filter, let order):
                return .queueLoaded(
                    try database.queuePage(query, scope: scope, filter: filter, order: order, actor: actor),
                    scope: scope)
            case .loadDashboard:
                return .dashboardLoaded(try database.dashboard(now: clock(), actor: actor))
            case .loadRequest(let publicId):
                return .requestLoaded(try database.requestDetail(publicId: publicId, actor: actor))
            case .perform(let command, let publicId, let version):
                let detail = try database.perform(command, on: publicId, expectedVersion: version, actor: actor, at: clock())
                if command == .approve { _ = try? database.finishErasures() }
                return .performed(detail, verb: command.done)
            case .loadPreview(let key, let publicId, let corrections):
                let policy = try database.deadlinePolicy()
                let lines = key == .rectify
                    ? try database.rectificationPreview(publicId: publicId, extra: corrections, actor: actor).map {
                        "\($0.field): \($0.before ?? "-")  →  \($0.after)"
                    }
                    : try database.erasurePreview(publicId: publicId, actor: actor).lines(policy: policy)
                return .previewLoaded(publicId: publicId, lines: lines)
            case .fulfil(let fulfilment, let publicId):
                return try fulfil(fulfilment, publicId: publicId)
            case .claimNext:
                return .claimedNext(try database.claimNext(actor: actor, at: clock()))
            case .loadStaff:
                return .staffLoaded(try database.staffList().filter(\.isActive))
            }
        } catch let error as LoupeError {
            return .failed(error)
        } catch {
            return .failed(LoupeError(.storage, "Could not read the database.", cause: error))
        }
    }

    /// Opens a queued message in an editor (`edit` hands the terminal over) and saves the result.
    func editMessage(id: Int64, publicId: String, edit: (String) throws -> String?) -> Action {
        if isReadOnly {
            return .failed(LoupeError(.notAllowed, "Read-only console (--readonly): nothing can be changed here."))
        }
        do {
            let message = try database.outboxMessage(id: id, actor: actor)
            let document = ExternalEditor.document(subject: message.subject, body: message.body)
            guard let edited = try edit(document) else {
                return .fulfilled(
                    try database.requestDetail(publicId: publicId, actor: actor), message: "Message \(id) unchanged.")
            }
            let parts = try ExternalEditor.parse(edited, source: "The edited message")
            _ = try database.editMessage(id: id, subject: parts.subject, body: parts.body, actor: actor, at: clock())
            return .fulfilled(try database.requestDetail(publicId: publicId, actor: actor),
                              message: "Message \(id) saved; it goes with the next `loupe outbox send`.")
        } catch let error as LoupeError {
            return .failed(error)
        } catch {
            return .failed(LoupeError(.storage, "Could not edit the message.", cause: error))
        }
    }

    /// Opens the reply draft in the editor (`edit`) and queues what was saved; an unchanged draft queues nothing.
    func writeReply(publicId: String, edit: (String) throws -> String?) -> Action {
        if isReadOnly {
            return .failed(LoupeError(.notAllowed, "Read-only console (--readonly): nothing can be changed here."))
        }
        do {
            let draft = try database.replyDraft(publicId: publicId, actor: actor)
            guard let written = try edit(ExternalEditor.document(subject: draft.subject, body: draft.body)) else {
                return .fulfilled(try database.requestDetail(publicId: publicId, actor: actor),
                                  message: "Reply not queued: the draft was left unchanged.")
            }
            let parts = try ExternalEditor.parse(written, source: "The reply")
            let queued = try database.queueReply(publicId: publicId, subject: parts.subject, body: parts.body,
                                                 actor: actor, at: clock())
            return .fulfilled(try database.requestDetail(publicId: publicId, actor: actor),
                              message: "Reply queued as message \(queued.id); it goes with the next "
                                  + "`loupe outbox send`.")
        } catch let error as LoupeError {
            return .failed(error)
        } catch {
            return .failed(LoupeError(.storage, "Could not queue the reply.", cause: error))
        }
    }

    private func fulfil(_ fulfilment: Fulfilment, publicId: String) throws -> Action {
        let message: String
        switch fulfilment {
        case .export:
            let result = try database.exportAccess(publicId: publicId, to: exportsDirectory, actor: actor, at: clock())
            message = "Exported to \(result.folder) (owner-only)."
        case .rectify(let corrections):
            let changes = try database.rectify(publicId: publicId, extra: corrections, actor: actor, at: clock())
            message = "\(publicId): corrected \(changes.map(\.field).joined(separator: ", "))."
        case .withdrawConsent(let chosen):
            let purposes = try database.withdrawConsent(publicId: publicId, purposes: chosen, actor: actor, at: clock())
            message = "\(publicId): withdrawn \(purposes.isEmpty ? "nothing (none granted)" : purposes.map(\.rawValue).joined(separator: ", ")); completed."
        case .sendVerificationCode:
            let sent = try database.sendVerificationCode(publicId: publicId, actor: actor, at: clock())
            message = "\(publicId): a code is queued to \(sent.sentTo), the address on file (24 hours, 5 tries)."
        case .confirmVerificationCode(let code):
            let detail = try database.confirmVerificationCode(publicId: publicId, code: code, actor: actor, at: clock())
            return .performed(detail, verb: "identity verified by the emailed code")
        case .confirmKind(let kind):
            let detail = try database.confirmKind(publicId: publicId, kind: kind, actor: actor, at: clock())
            return .performed(detail, verb: "kind confirmed as \(kind.rawValue)")
        case .setLanguage(let language):
            let detail = try database.setLanguage(publicId: publicId, language: language, actor: actor, at: clock())
            return .performed(detail, verb: "answered in \(language.name) from now on")
        case .confirmAllTasks:
            let closed = try database.confirmOpenTasks(publicId: publicId, actor: actor, at: clock())
            message = "\(closed.count) notice\(closed.count == 1 ? "" : "s") confirmed: "
                + closed.map(\.recipient).joined(separator: ", ") + "."
        case .exportAndComplete:
            let (result, detail) = try database.exportAndComplete(
                publicId: publicId, to: exportsDirectory, actor: actor, at: clock())
            return .performed(detail, verb: "exported to \(result.folder) and completed")
        case .closeTask(let id, let reason):
            let task = try database.closeTask(id: id, impossibleBecause: reason, actor: actor, at: clock())
            message = "Notice to \(task.recipient) \(task.status == .confirmed ? "confirmed" : "closed as impossible")."
        case .flagMinor(let reason, let guardian):
            guard let customer = try database.requestDetail(publicId: publicId, actor: actor).customerPublicId else {
                throw LoupeError(.notAllowed, "\(publicId) matched no customer.")
            }
            let opened = try database.flagMinor(customerPublicId: customer, reason: reason, guardianName: guardian, actor: actor, at: clock())
            message = "\(customer) flagged as under 16; \(opened.summary.publicId) opened (urgent erasure)."
        }
        return .fulfilled(try database.requestDetail(publicId: publicId, actor: actor), message: message)
    }
}
