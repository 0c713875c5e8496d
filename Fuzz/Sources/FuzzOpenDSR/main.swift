import Foundation
import LoupeIntake

/// An OpenDSR request body. Parse errors are expected; a crash, a hang or unbounded memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpenDSR(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = try? OpenDSRRequest.parse(Data(bytes: start, count: count), source: "fuzz")
    return 0
}
