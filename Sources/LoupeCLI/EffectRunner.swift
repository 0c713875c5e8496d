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

    /// Runs one data effect; terminal effects (`quit`, `redrawTerminal`) are the console loop's and answer nil.
    func run(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadQueue(let query, let scope):
                return .queueLoaded(try database.queuePage(query, scope: scope), scope: scope)
            case .loadRequest(let publicId):
                return .requestLoaded(try database.requestDetail(publicId: publicId))
            case .perform(let command, let publicId, let version):
                let detail = try database.perform(command, on: publicId, expectedVersion: version, actor: actor, at: clock())
                return .performed(detail, verb: command.verb)
            case .quit, .redrawTerminal:
                return nil
            }
        } catch let error as LoupeError {
            return .failed(error)
        } catch {
            return .failed(LoupeError(.storage, "Could not read the database.", cause: error))
        }
    }
}
