import Foundation
import LoupeMail

/// A message from the privacy mailbox, as bytes: GMime's MIME walk, encoded words, charsets, the HTML-to-text
/// path (libxml2), flowed text, card-number redaction. Refusals are expected; a crash, a hang or unbounded memory
/// is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMail(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = try? MailParser.parse(Data(bytes: start, count: count))
    return 0
}
