import Foundation
import LoupeIntake

/// A Shopify customer or order CSV export (the first byte picks which), read row by row from a file as the
/// import does. Row problems are expected; a crash, a hang or unbounded memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let path = "/dev/shm/loupe-fuzz-\(getpid()).csv"
    FileManager.default.createFile(atPath: path, contents: Data(bytes: start + 1, count: count - 1))
    defer { unlink(path) }
    if start.load(as: UInt8.self) & 1 == 0 {
        if let reader = try? ShopifyCustomerCSV(path: path) { while (try? reader.next()) != nil {} }
    } else {
        if let reader = try? ShopifyOrderCSV(path: path) { while (try? reader.next()) != nil {} }
    }
    return 0
}
