import Foundation

/// The store's privacy policy as Loupe ships it (the version the demo publishes, and the text `RecordOfProcessing`
/// is checked against): the specification of what Loupe must guarantee.
public enum PrivacyPolicy {
    /// The version name of this text.
    public static let version = "2025-09"

    /// The heading of the section that lists what is collected; each of its bullets is one category.
    public static let collectedHeading = "## 1. What we collect"

    /// The full text (Markdown).
    public static let text = """
        # jewelrydealshop privacy policy

        ## 1. What we collect
        - Name, email, phone.
        - Shipping address, billing address.
        - Order numbers, transaction records, delivery tracking.
        - Payment method, amount, verification info (never complete card numbers).
        - Device model, IP, browser, browsing records, cookies.
        - Style preferences, membership, feedback (voluntary).

        ## 2. How we use it
        To take and deliver orders, for after-sales service and to answer your inquiries. Analytics use
        non-identifiable data only. Marketing needs your consent, which you can withdraw at any time.

        ## 3. Who we share it with
        Only couriers (your name, shipping address and phone), payment providers, and authorities when the law
        requires it. We never sell your data.

        ## 4. How long we keep it
        Only as long as needed, then it is anonymised or deleted. Invoices are kept as tax law requires.

        ## 5. Your rights
        You may ask for a copy of your data, have it corrected, have it erased, and withdraw your consent. We answer
        within a month.

        ## 6. Cookies
        Necessary cookies keep your cart and checkout working. Analytics and marketing cookies need your consent; you
        can disable them, and we honour the Global Privacy Control signal.

        ## 7. Children
        We do not collect data of children under 16. Data found to be a child's is deleted; a guardian may ask.

        ## 8. Changes
        Each version of this policy is published with the date it takes effect.

        ## 9. Contact
        Write to our privacy mailbox; every message reaches our privacy team.
        """

    /// The items the policy says it collects: each comma-separated item of the bullets under `collectedHeading`,
    /// without the remarks in parentheses (`name`, `email`, …, `cookies`).
    public static func collectedItems(in text: String = text) -> [String] {
        var items: [String] = []
        var inSection = false
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("## ") {
                inSection = line == collectedHeading
                continue
            }
            guard inSection, line.hasPrefix("- ") else { continue }
            var bullet = String(line.dropFirst(2))
            while let open = bullet.firstIndex(of: "("), let close = bullet[open...].firstIndex(of: ")") {
                bullet.removeSubrange(open...close)
            }
            items += bullet.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).lowercased()
            }.filter { !$0.isEmpty }
        }
        return items
    }
}
