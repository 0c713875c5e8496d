// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Loupe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loupe", targets: ["loupe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Pure rules: entities, lifecycle, deadlines, masking, errors. No I/O.
        .target(name: "LoupeDomain"),
        // GRDB: schema, records, one method per use case.
        .target(
            name: "LoupeStore",
            dependencies: [
                "LoupeDomain", "LoupeIntake",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The deterministic demo shop (`loupe demo`, benchmarks): generated rows bound straight through SQLite.
        .target(
            name: "LoupeDemo",
            dependencies: [
                "LoupeDomain", "LoupeStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // Intake parsers and validators (Shopify webhooks, OpenDSR, CSV exports): bytes in, domain values or
        // structured errors out. No database.
        .target(
            name: "LoupeIntake",
            dependencies: [
                "LoupeDomain", .product(name: "Crypto", package: "swift-crypto"), .product(name: "CSV", package: "CSV.swift"),
            ]),
        // GMime 3 from Debian: MIME structure, encoded words, charsets, transfer encodings.
        .systemLibrary(name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
        // Mail intake: a message's bytes (GMime) in, a domain `InboundMail` out. No database.
        .target(
            name: "LoupeMail",
            dependencies: ["LoupeDomain", "CGMime", "CLibXML2", .product(name: "Crypto", package: "swift-crypto")]),
        // libxml2's HTML parser from Debian: an HTML-only mail becomes text, never markup on screen.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // `loupe serve`: HTTP front door (Hummingbird 2, swift-service-lifecycle, swift-prometheus). Routes are
        // thin; every rule is the store's.
        .target(
            name: "LoupeServer",
            dependencies: [
                "LoupeDomain", "LoupeIntake", "LoupeStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Pure TUI: State, Action, reducers, effects, key table, render into a ScreenBuffer.
        .target(
            name: "LoupeUI",
            dependencies: ["LoupeDomain"]),
        // ncursesw, with static inline wrappers for macros and C globals.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        // Signal handlers that restore the terminal (must be C: async-signal context).
        .target(name: "CLoupeTerminalSupport", dependencies: ["CNcurses"]),
        // The only curses code: init/teardown, keys, colours, presenting a ScreenBuffer.
        .target(name: "LoupeTerminal", dependencies: ["LoupeUI", "CNcurses", "CLoupeTerminalSupport"]),
        // prctl for the installed setgid binary (variadic in C, so not callable from Swift).
        .target(name: "CLoupeProcess"),
        // Command tree and the live effect runner (composition root, testable).
        .target(
            name: "LoupeCLI",
            dependencies: [
                "LoupeDomain", "LoupeStore", "LoupeDemo", "LoupeUI", "LoupeTerminal", "LoupeIntake", "LoupeMail",
                "LoupeServer", "CLoupeProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .executableTarget(name: "loupe", dependencies: ["LoupeCLI"]),
        // `scripts/bench`: timings of the use cases on a real database file (figures, never pass/fail).
        .executableTarget(name: "LoupeBench", dependencies: ["LoupeDomain", "LoupeStore", "LoupeDemo", "LoupeIntake", "LoupeUI", "LoupeTerminal"]),
        .testTarget(name: "LoupeDomainTests", dependencies: ["LoupeDomain"], exclude: ["Golden"]),
        .testTarget(name: "LoupeIntakeTests", dependencies: ["LoupeIntake"]),
        .testTarget(name: "LoupeMailTests", dependencies: ["LoupeMail", "LoupeDomain"]),
        .testTarget(name: "LoupeStoreTests", dependencies: ["LoupeStore", "LoupeDemo", .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "LoupeUITests", dependencies: ["LoupeUI"], exclude: ["Golden"]),
        .testTarget(name: "LoupeCLITests", dependencies: ["LoupeCLI", "LoupeStore", "LoupeDemo", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LoupeServerTests", dependencies: ["LoupeServer", "LoupeStore", "LoupeDemo", "LoupeDomain"]),
    ]
)

// libFuzzer targets for the intake parsers, the mail parser and the text sanitiser, only when `Fuzz/run` builds them (with
// `--sanitize=fuzzer --sanitize=address`, in .build-fuzz): each defines LLVMFuzzerTestOneInput, and libFuzzer
// supplies main.
if Context.environment["LOUPE_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "FuzzShopify", dependencies: ["LoupeIntake"], path: "Fuzz/Sources/FuzzShopify"),
        .executableTarget(name: "FuzzOpenDSR", dependencies: ["LoupeIntake"], path: "Fuzz/Sources/FuzzOpenDSR"),
        .executableTarget(name: "FuzzCSV", dependencies: ["LoupeIntake"], path: "Fuzz/Sources/FuzzCSV"),
        .executableTarget(name: "FuzzText", dependencies: ["LoupeUI"], path: "Fuzz/Sources/FuzzText"),
        .executableTarget(name: "FuzzMail", dependencies: ["LoupeMail"], path: "Fuzz/Sources/FuzzMail"),
    ]
}
