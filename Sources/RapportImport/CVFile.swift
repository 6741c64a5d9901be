import Foundation
import RapportCore
import RapportFormats
import RapportText

/// A CV as people send it: a PDF, a Word document (.docx), or text (.txt, .md). The kind is read from the bytes, never
/// from the name, and the text is taken out for a recruiter to review as a draft person.
public struct CVFile: Sendable {
    /// The largest CV kept; a CV with photographs is a few megabytes.
    public static let maximumBytes = Attachment.maximumBytes

    public var kind: AttachmentKind
    public var text: String

    /// Reads `data`: refuses what is too big, empty or no CV format, and says which.
    public static func read(_ data: Data, pdfText: PDFText = PDFText()) async throws(FormatError) -> CVFile {
        guard !data.isEmpty else { throw FormatError("is empty") }
        guard data.count <= maximumBytes else {
            throw FormatError("is \(data.count >> 20) MiB; a CV may be at most \(maximumBytes >> 20) MiB")
        }
        guard let kind = kind(of: data) else {
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                throw FormatError("is an old Word document (.doc); save it as .docx or PDF and upload that")
            }
            throw FormatError("is neither a PDF, a Word document (.docx) nor text")
        }
        let text: String = switch kind {
        case .pdf: try await pdfText.read(data)
        case .docx: try DocxText.read(data)
        case .text: try PlainCVText.read(data)
        }
        guard text.contains(where: { $0.isLetter }) else {
            throw FormatError(kind == .pdf ? "is a PDF without text (a scan?); Rapport does not read images of text"
                                           : "has no text in it")
        }
        return CVFile(kind: kind, text: text)
    }

    /// The kind the bytes show: "%PDF-", a zip archive (a .docx), or text without control bytes.
    public static func kind(of data: Data) -> AttachmentKind? {
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        let head = data.prefix(8_192)
        let controls = head.filter { $0 < 0x09 || (0x0E...0x1F).contains($0) }.count
        let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        return controls == 0 || utf16 ? .text : nil
    }
}

/// PDF text through poppler's `pdftotext`, run on a copy in a private temporary folder and stopped after `timeout`:
/// a PDF that never ends is refused, not waited for. The wait suspends the task and holds no thread, so CVs being read
/// never starve the server's other requests.
public struct PDFText: Sendable {
    public var executable: String?
    public var timeout: Duration

    public init(executable: String? = PDFText.find("pdftotext"), timeout: Duration = .seconds(20)) {
        self.executable = executable
        self.timeout = timeout
    }

    /// The most text kept from one PDF.
    static let maximumTextBytes = 4 << 20

    public func read(_ data: Data) async throws(FormatError) -> String {
        guard let executable else {
            throw FormatError("is a PDF, and PDFs are read with pdftotext, which is not installed here "
                              + "(on Debian: apt-get install poppler-utils)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("cv.pdf")
        let output = folder.appendingPathComponent("cv.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-enc", "UTF-8", "-nopgbrk", "-q", input.path, output.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let (ended, ending) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in ending.finish() }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try data.write(to: input)
            try process.run()
        } catch {
            throw FormatError("is a PDF that could not be handed to pdftotext (\(error.localizedDescription))")
        }
        // Whichever comes first: the process ending, or the timeout, which kills it there and then, so the process's
        // end is what every path waits for. SIGKILL, not SIGTERM: a server that handles SIGTERM itself (as `serve`
        // does, for a graceful stop) has it ignored, and children inherit that, so SIGTERM would leave it running.
        let timeout = timeout
        let outcome = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in ended {}
                return true
            }
            group.addTask {
                guard (try? await Task.sleep(for: timeout)) != nil else { return true }
                kill(process.processIdentifier, SIGKILL)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !outcome {
            // The private folder goes as this returns.
            throw FormatError("is a PDF whose text took longer than \(timeout.components.seconds) seconds to read; it was stopped")
        }
        guard process.terminationStatus == 0 else {
            throw FormatError("is a PDF that pdftotext cannot read (damaged or encrypted)")
        }
        guard let text = try? Data(contentsOf: output), text.count <= Self.maximumTextBytes else {
            throw FormatError("is a PDF whose text is missing or longer than \(Self.maximumTextBytes >> 20) MiB")
        }
        return String(decoding: text, as: UTF8.self).trimmed
    }

    /// The first executable of that name on the PATH.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
