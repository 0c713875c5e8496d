import Foundation
import LoupeUI

/// The sanitiser customer strings go through before the screen: whatever the bytes, the result holds no control,
/// escape or bidi character, and a write into a row never leaves the row or the buffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let inert = TerminalText.inert(text)
    for scalar in inert.unicodeScalars {
        precondition(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value),
                     "a control character survived: U+\(String(scalar.value, radix: 16))")
        precondition(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value),
                     "a bidi control survived")
    }
    let width = count % 40 + 1
    precondition(TerminalText.width(TerminalText.truncate(inert, to: width)) <= width, "truncate overflowed")
    var buffer = ScreenBuffer(width: 30, height: 3)
    buffer.write(text, x: count % 35, y: count % 4, role: .text, maxWidth: count % 50)
    precondition(buffer.width == 30 && buffer.height == 3)
    return 0
}
