import Foundation
import Hummingbird
import Mustache

/// The page templates, loaded once from the module's resources; every value is HTML-escaped by Mustache's `{{…}}`.
public struct WebViews: Sendable {
    let library: MustacheLibrary

    /// Every `*.mustache` template shipped with RapportWeb, read once.
    public static let shipped: WebViews = {
        do {
            return try load()
        } catch {
            preconditionFailure("the page templates shipped with RapportWeb do not load: \(error)")
        }
    }()

    /// Reads every `*.mustache` template of the module's resources.
    static func load() throws -> WebViews {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw WebViewsError(message: "the page templates are missing from the RapportWeb resources")
        }
        var library = MustacheLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return WebViews(library: library)
    }

    /// The page, or a plain error when the template is missing (a build fault, caught by the tests).
    func render(_ page: some Sendable, template: String) -> String {
        library.render(page, withTemplate: template) ?? "<!DOCTYPE html><title>Rapport</title><p>Page template \(template) is missing.</p>"
    }

    /// The page as an HTML response; signed-in pages are never stored by the browser or a proxy.
    func response(_ page: some Sendable, template: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: render(page, template: template))))
    }
}

struct WebViewsError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The stylesheet, served from the module's resources with a long cache lifetime.
enum StaticFiles {
    static func stylesheet() -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "rapport", withExtension: "css", subdirectory: "static"),
              let data = try? Data(contentsOf: url) else {
            return ByteBuffer(string: "")
        }
        return ByteBuffer(bytes: data)
    }
}
