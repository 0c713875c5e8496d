import Foundation

/// The one normalisation every identifier goes through before it is digested, matched or stored: Unicode NFKC
/// (fullwidth letters and digits, ligatures and other compatibility characters become their plain forms), then
/// every decimal digit of any script (Arabic-Indic, Devanagari, …) as its ASCII digit. Case and punctuation are
/// each identifier's own rule (`PersonIdentifier`), applied after this.
public enum IdentifierText {
    /// `text` in the one form identifiers are compared in.
    public static func normalized(_ text: String) -> String {
        // Plain ASCII is already in that form: nothing to pay for on the common path.
        if text.utf8.allSatisfy({ $0 < 128 }) { return text }
        let compatible = text.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars {
            if !scalar.isASCII, scalar.properties.numericType == .decimal,
                let value = scalar.properties.numericValue, (0...9).contains(value)
            {
                scalars.append(Unicode.Scalar(48 + UInt8(value)))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
