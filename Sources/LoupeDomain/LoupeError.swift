/// An error any Loupe layer can raise: a stable code for scripts, a message that says what went wrong and how to
/// fix it, and an optional underlying cause (modelled on swift-nio's errors).
public struct LoupeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A stable, machine-readable category of the failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Input from the user or a file is malformed.
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// The thing named does not exist.
        public static let notFound = Code(rawValue: "not-found")
        /// The actor's role or the item's state forbids the action.
        public static let notAllowed = Code(rawValue: "not-allowed")
        /// Someone else changed the item since it was read.
        public static let conflict = Code(rawValue: "conflict")
        /// The database could not be opened, read or written.
        public static let storage = Code(rawValue: "storage")
        /// The terminal cannot run the console.
        public static let terminal = Code(rawValue: "terminal")
        /// A configuration file (theme, setting) is wrong.
        public static let configuration = Code(rawValue: "configuration")
    }

    /// The category of the failure.
    public var code: Code
    /// What went wrong and how to fix it, in one line, without personal data.
    public var message: String
    /// The lower-level error, if any (its text is shown after the message).
    public var cause: String?

    /// Makes an error with a code, a message and an optional cause.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause.map { String(describing: $0) }
    }

    public var description: String {
        if let cause { return "\(message) (\(cause))" }
        return message
    }
}
