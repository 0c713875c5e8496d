import Foundation

/// The intake fixtures in `fixtures/intake/` (invented values, built from FORMATS.md).
func fixture(_ name: String, file: String = #filePath) -> Data {
    let root = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return FileManager.default.contents(atPath: root.appendingPathComponent("fixtures/intake/\(name)").path) ?? Data()
}

/// A fixture's text with `old` replaced, as bytes: a malformed variant of a valid fixture.
func variant(_ name: String, replacing old: String, with new: String) -> Data {
    Data(String(decoding: fixture(name), as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
}
