/// A secret a message carries (a verification code): never stored or shown in its body. The body holds `mask`
/// where the secret goes, the secret itself is sealed beside it, and only the sender writes it in, at send time.
public enum OutboxSecret {
    /// What a body holds, and staff see, where the secret goes.
    public static let mask = "••••••"

    /// The body as the sender hands it on: the mask replaced by the secret (once).
    public static func filled(_ body: String, with secret: String) -> String {
        guard let range = body.range(of: mask) else { return body }
        return body.replacingCharacters(in: range, with: secret)
    }
}
