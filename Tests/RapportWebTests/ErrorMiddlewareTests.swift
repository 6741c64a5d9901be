import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import RapportWeb

@Suite("API: unexpected failures")
struct ErrorMiddlewareTests {
    struct StorageFailure: Error {
        let detail: String
    }

    @Test("an unexpected error is a generic 500; its detail goes only to the log")
    func unknownError() async throws {
        // setup
        let capture = LogCapture()
        let router = Router(context: RapportRequestContext.self)
        router.add(middleware: APIErrorMiddleware())
        router.get("boom") { _, _ -> String in
            throw StorageFailure(detail: "disk /var/lib/rapport is full")
        }
        var app = Application(router: router)
        app.logger = capture.logger
        // MUT
        try await app.test(.router) { client in
            try await client.execute(uri: "/boom", method: .get) { response in
                // validate
                let body = String(buffer: response.body)
                #expect(response.status == .internalServerError)
                #expect(body.contains("internal_error"))
                #expect(!body.contains("disk"))
                #expect(!body.contains("StorageFailure"))
            }
        }
        #expect(capture.text.contains("disk /var/lib/rapport is full"))
    }
}
