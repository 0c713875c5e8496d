import Foundation
import LoupeDomain

/// Words and numbers as the console writes them.
enum DisplayFormat {
    /// `in 5d`, `today`, `3d late`.
    static func due(daysLeft: Int, overdue: Bool) -> String {
        if overdue { return daysLeft >= 0 ? "late" : "\(-daysLeft)d late" }
        return daysLeft == 0 ? "today" : "in \(daysLeft)d"
    }

    /// The masked subject of a request.
    static func subject(_ email: String?) -> String {
        email.map(Masking.email) ?? "(no email)"
    }

    /// A status word that fits a 14-column field.
    static func status(_ status: RequestStatus) -> String {
        status.label
    }
}
