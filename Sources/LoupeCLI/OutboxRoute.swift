import Foundation
import LoupeDomain
import LoupeStore

/// Where the outbox goes: the maildir and the sendmail program. On an installed binary they come from
/// `loupe.conf` only, never from the arguments of whoever runs it (an agent's folder or script would receive
/// every subject's mail); a build of one's own takes them from the arguments.
struct OutboxRoute: Equatable {
    var maildir: String
    var sendmail: String?
    /// Whether the maildir is one the user named (written with the user's own rights).
    var userNamed: Bool

    /// The route for a send, or a refusal naming the configuration when an installed binary was given a route.
    static func resolve(
        maildir: String?, sendmail: String?, database: String,
        install: InstallConfig? = Privilege.isElevated ? InstallConfig.current : nil
    ) throws -> OutboxRoute {
        guard let install else {
            return OutboxRoute(
                maildir: maildir ?? DatabaseFiles(database).mail, sendmail: sendmail,
                userNamed: maildir != nil)
        }
        if maildir != nil || sendmail != nil {
            throw LoupeError(
                .notAllowed,
                "The installed loupe sends only where loupe.conf says (maildir = …, sendmail = …): "
                    + "leave out --maildir and --sendmail; root changes the configuration.")
        }
        return OutboxRoute(
            maildir: install.maildir ?? DatabaseFiles(database).mail, sendmail: install.sendmail,
            userNamed: false)
    }
}
