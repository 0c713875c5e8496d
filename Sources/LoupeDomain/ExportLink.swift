import Foundation

/// A one-time link to a subject's access copy: 256 random bits in the URL, only their hash stored; it expires
/// (seven days unless a setting says otherwise) and works once. The message that carries it is written with
/// `placeholder` where the link goes; the outbox makes the link when it sends the message, so no token ever
/// sits in the database.
public enum ExportLink {
    /// What an access-ready message says where its link will be, until it is sent.
    public static let placeholder = "[a one-time link, made when this message is sent]"
    /// How long a link works unless `loupe settings export-link-days` says otherwise.
    public static let defaultDays = 7

    /// The text that replaces the placeholder: the link and until when it works.
    public static func text(url: String, expiresOn day: String) -> String {
        "\(url)\n(this link works once, until \(day); the download is a ZIP with your data, a report and checksums)"
    }
}
