import Foundation
import NIOSSL

/// What `loupe serve` is told: where to listen, the address the public reaches it at, the Shopify app secret and
/// the largest body it reads.
public struct ServerConfiguration: Sendable {
    /// The interface to bind: loopback unless told otherwise (TLS ends at a reverse proxy).
    public var host: String
    public var port: Int
    /// Where the public reaches the routes (links in messages start with it), e.g. `https://privacy.shop.example`.
    public var publicURL: String?
    /// The Shopify app's client secret; webhooks are refused (401) without one.
    public var shopifySecret: String?
    /// The largest request body read; a larger one is answered 413 before it is parsed.
    public var maxBodyBytes: Int
    /// The most connections held at once; one more is answered 503 and closed.
    public var maxConnections: Int
    /// Seconds a connection has to send its request's headers (after connecting, or after a response).
    public var headerTimeout: Double
    /// Seconds a connection may sit idle between requests.
    public var idleTimeout: Double
    /// TLS in `serve` itself (`--tls-cert`, `--tls-key`: PEM files); nil when a proxy in front ends it.
    public var tlsFiles: (certificate: String, key: String)?

    /// Makes a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, shopifySecret: String? = nil,
        maxBodyBytes: Int = 256 * 1024, maxConnections: Int = 4_096, headerTimeout: Double = 10,
        idleTimeout: Double = 30,
        tlsFiles: (certificate: String, key: String)? = nil
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.shopifySecret = shopifySecret
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.tlsFiles = tlsFiles
    }

    /// The TLS configuration of `tlsFiles` (nil without them), or an error naming the file that could not be read:
    /// `serve` checks it before it starts.
    public func tlsConfiguration() throws -> TLSConfiguration? {
        guard let (certificate, key) = tlsFiles else { return nil }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch {
            throw ServerConfigurationError(
                "--tls-cert \(certificate) is not a readable PEM certificate chain (\(error)).")
        }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw ServerConfigurationError("--tls-key \(key) is not a readable PEM private key (\(error)).")
        }
        guard !chain.isEmpty else { throw ServerConfigurationError("--tls-cert \(certificate) holds no certificate.") }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    }

    /// `HOST:PORT` parsed, or an error that says what a listen address looks like.
    public static func listenAddress(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port), colon != text.startIndex
        else {
            throw ServerConfigurationError("'\(text)' is not a listen address: give HOST:PORT, e.g. 127.0.0.1:8080.")
        }
        return (String(text[..<colon]).trimmingCharacters(in: ["[", "]"]), port)
    }
}

/// A configuration that cannot work, with what to change.
public struct ServerConfigurationError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
