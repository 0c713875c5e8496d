import Foundation
import LoupeIntake

/// A Shopify webhook: the first line is the headers file, the rest the body. Parse errors are expected; a crash,
/// a hang or unbounded memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShopify(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let headerText = String(decoding: bytes[bytes.startIndex..<split], as: UTF8.self).replacingOccurrences(of: "|", with: "\n")
    let body = split < bytes.endIndex ? Data(bytes[(split + 1)...]) : Data()
    let headers = (try? ShopifyWebhook.headers(from: headerText, source: "fuzz")) ?? [
        "X-Shopify-Topic": "customers/redact", "X-Shopify-Shop-Domain": "jewelrydealshop.myshopify.com",
    ]
    _ = try? ShopifyWebhook.verify(body: body, headers: headers, secret: "fuzz")
    _ = try? ShopifyWebhook.parse(body: body, headers: headers, source: "fuzz")
    return 0
}
