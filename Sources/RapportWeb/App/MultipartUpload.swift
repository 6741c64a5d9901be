import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` POST, as a browser sends a form with a file: its text fields, and its files with the
/// names they were chosen under. Parsed by MultipartKit; the body is read up to `limit` bytes (413 beyond).
struct MultipartUpload {
    struct File {
        var fileName: String
        var data: Data
    }

    var fields: FormFields
    var files: [String: File]

    static func read(_ request: Request, limit: Int) async throws -> MultipartUpload {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: contentType) else {
            throw HTTPError(.unsupportedMediaType, message: "send the form as multipart/form-data")
        }
        var request = request
        let body = try await request.collectBody(upTo: limit)
        var fields: [(name: String, value: String)] = []
        var files: [String: File] = [:]
        var headers: [(String, String)] = []
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let fileName = Self.parameter("filename", in: disposition) {
                    files[name] = File(fileName: fileName, data: Data(content.readableBytesView))
                } else {
                    fields.append((name, String(buffer: content)))
                }
            }
            headers = []
            content.clear()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "the form's multipart body could not be read")
        }
        return MultipartUpload(fields: FormFields(pairs: fields), files: files)
    }

    /// A header's `key=value` or `key="value"` parameter.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
